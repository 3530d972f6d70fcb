/**
 * The receiving side of Observatoire's webhooks, as an integrator's server would write it: check
 * the signature and the timestamp with `standardwebhooks` (the Standard Webhooks reference
 * implementation), then handle each `webhook-id` once, since the collector delivers at least once.
 */
import type { WebhookPayload } from '@observatoire/core/api';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';

export interface ReceiverOptions {
  /** The endpoint's secret (`whsec_…`), shown once when the webhook was added. */
  secret: string;
  /** Called once per `webhook-id`, with the checked payload. Throwing answers 500: the collector retries. */
  onEvent: (webhookId: string, payload: WebhookPayload) => void | Promise<void>;
  /**
   * The `webhook-id`s already handled. A set in memory for the example; in production, a table with
   * a unique key on the id, written in the same transaction as the event's effect.
   */
  seen?: Set<string>;
}

export interface ReceiverReply {
  status: number;
  message: string;
}

/**
 * @example
 * const receive = webhookReceiver({ secret: process.env.WEBHOOK_SECRET!, onEvent: (id, event) => console.log(id, event.type) });
 * const { status } = await receive(request.headers, rawBody); // 204, 401 or 500
 */
export function webhookReceiver(options: ReceiverOptions): (headers: Readonly<Record<string, string | string[] | undefined>>, body: string) => Promise<ReceiverReply> {
  const webhook = new Webhook(options.secret);
  const seen = options.seen ?? new Set<string>();
  return async (headers, body) => {
    const header = (name: string) => {
      const value = headers[name];
      return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
    };
    const signed = { 'webhook-id': header('webhook-id'), 'webhook-timestamp': header('webhook-timestamp'), 'webhook-signature': header('webhook-signature') };
    let payload: WebhookPayload;
    try {
      // The raw body, exactly as received: parsing and serialising it again would change the bytes signed.
      payload = webhook.verify(body, signed) as WebhookPayload;
    } catch (error) {
      // A wrong signature, a missing header, or a timestamp more than 5 minutes away (a replayed request).
      if (error instanceof WebhookVerificationError) return { status: 401, message: error.message };
      throw error;
    }
    const id = signed['webhook-id'];
    if (seen.has(id)) return { status: 204, message: 'already handled' };
    seen.add(id);
    try {
      await options.onEvent(id, payload);
    } catch (error) {
      // Not handled after all: the collector's next attempt will carry the same id.
      seen.delete(id);
      return { status: 500, message: (error as Error).message };
    }
    return { status: 204, message: 'handled' };
  };
}
