/** Session tokens, made by the client (offline outbox) or by the collector (docs/collector.md). */

/** The two web-standard globals this needs (Node 20 and every browser have both). */
interface Platform {
  crypto: { getRandomValues<T extends Uint8Array>(array: T): T };
  btoa(data: string): string;
}

/**
 * A new secret: 32 random bytes from the platform's cryptographic generator, base64url (43 characters).
 *
 * @example
 * newToken(); // 'q3J…' (43 characters)
 */
export function newToken(): string {
  const { crypto, btoa } = globalThis as unknown as Platform;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
