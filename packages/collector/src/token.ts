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

/**
 * Estimated bits below which a client token is refused. The estimate undercounts: a random
 * 32-character hex token (128 bits) scores 90 or more, a 43-character base64url one 180 or more.
 */
const MIN_TOKEN_BITS = 80;

/**
 * Whether a token is easy to guess: few distinct characters, a repeated pattern, or little
 * entropy by its character frequencies (a coarse estimate, which undercounts random tokens).
 *
 * @example
 * guessableToken('a'.repeat(32)); // true
 * guessableToken(newToken()); // false
 */
export function guessableToken(token: string): boolean {
  const counts = new Map<string, number>();
  for (const ch of token) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  if (counts.size < 10) return true;
  for (let period = 1; period <= token.length / 2; period++) if (token === token.slice(0, period).repeat(token.length / period)) return true;
  let bitsPerChar = 0;
  for (const n of counts.values()) bitsPerChar -= (n / token.length) * Math.log2(n / token.length);
  return bitsPerChar * token.length < MIN_TOKEN_BITS;
}
