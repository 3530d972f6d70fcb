/** Session tokens, made by the client (offline outbox) or by the collector (docs/collector.md). */
import { base64, randomBytes } from '../random-bytes.js';

/**
 * A new secret: 32 random bytes from the platform's cryptographic generator, base64url (43 characters).
 *
 * @example
 * newToken(); // 'q3J…' (43 characters)
 */
export function newToken(): string {
  return base64(randomBytes(32), { url: true });
}
