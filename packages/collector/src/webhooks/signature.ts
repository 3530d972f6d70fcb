/**
 * Webhook secrets and signatures in the Standard Webhooks scheme (docs/webhooks.md, "Signature"):
 * the secret is `whsec_` and base64 random bytes; a request's signature is
 * `v1,<base64 HMAC-SHA256(secret bytes, "<webhook-id>.<webhook-timestamp>.<body>")>`.
 * Web Crypto only, so it runs wherever the app does.
 */
import { WEBHOOK_SECRET_PREFIX, base64, randomBytes } from '@observatoire/core/api';

/**
 * A new secret: 32 random bytes (256 bits).
 *
 * @example
 * newWebhookSecret(); // 'whsec_q3J…=' (50 characters)
 */
export function newWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${base64(randomBytes(32))}`;
}

/**
 * The `webhook-signature` header of one attempt; `timestamp` is its `webhook-timestamp` (seconds).
 *
 * @example
 * await signWebhook(secret, 'msg_1', 1_764_669_600, '{"type":"session.completed"}'); // 'v1,K5oZ…'
 */
export async function signWebhook(secret: string, id: string, timestamp: number, body: string): Promise<string> {
  const raw = secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret;
  const keyBytes = Uint8Array.from(atob(raw), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${id}.${timestamp}.${body}`));
  return `v1,${base64(new Uint8Array(mac))}`;
}
