/**
 * Random bytes from the platform's cryptographic generator: the one source of every secret and
 * code made on the client or in the collector (session tokens, API keys, webhook secrets, shared
 * secrets, campaign and follow-up codes, session seeds). Web Crypto only, so it runs in every
 * browser and in Node 20.
 */
import { ObservatoireError } from './errors.js';

/** The web-standard globals this module needs (Node 20 and every browser have both). */
export interface Platform {
  crypto: { getRandomValues<T extends Uint8Array>(array: T): T };
  btoa(data: string): string;
}

const platform = (): Platform => globalThis as unknown as Platform;

/**
 * `n` bytes from the platform's cryptographic generator; an `ObservatoireError` `no_random_source`
 * where the platform has none (never a weaker generator in its place).
 *
 * @example
 * randomBytes(32); // Uint8Array(32) [ 171, 4, … ]
 */
export function randomBytes(n: number): Uint8Array {
  const { crypto } = platform() as Partial<Platform>;
  if (!crypto) throw new ObservatoireError('no_random_source', 'globalThis.crypto.getRandomValues is not available on this platform');
  return crypto.getRandomValues(new Uint8Array(n));
}

/**
 * Bytes in base64 (`url: true`: base64url without padding, as in tokens and API keys).
 *
 * @example
 * base64(Uint8Array.of(251, 255), { url: true }); // '-_8'
 */
export function base64(bytes: Uint8Array, { url = false }: { url?: boolean } = {}): string {
  const text = platform().btoa(String.fromCharCode(...bytes));
  return url ? text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') : text;
}
