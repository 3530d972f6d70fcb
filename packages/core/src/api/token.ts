/** Session tokens, made by the client (offline outbox) or by the collector (docs/collector.md). */
import { ObservatoireError } from '../errors.js';

interface WebCrypto {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A new secret: 32 random bytes from the platform's cryptographic generator, base64url (43 characters).
 *
 * @example
 * newToken(); // 'q3J…' (43 characters)
 */
export function newToken(): string {
  const crypto = (globalThis as { crypto?: WebCrypto }).crypto;
  if (!crypto) throw new ObservatoireError('no_random_source', 'globalThis.crypto.getRandomValues is not available: a token cannot be made');
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let out = '';
  let bits = 0;
  let buffer = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += BASE64URL[(buffer >> bits) & 63];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE64URL[(buffer << (6 - bits)) & 63];
  return out;
}
