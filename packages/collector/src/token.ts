/**
 * Session tokens (made by the client, or by `newToken` of `@observatoire/core/api`): only a SHA-256
 * hash is stored (Web Crypto, runs anywhere).
 */

/**
 * Hex SHA-256 of a token.
 *
 * @example
 * await hashToken('a'.repeat(32)); // '3ba3f5f4…'
 */
export async function hashToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Compare two hashes without an early exit, so timing says nothing about where they differ. */
export function sameHash(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** The token of an `Authorization: Bearer <token>` header, or `null`. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}
