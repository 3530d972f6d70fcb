/**
 * The delivery worker (docs/webhooks.md, "Delivery"): runs in the collector's process, takes the
 * due deliveries from the database queue under a lease, sends each one signed, and records the
 * outcome: delivered on a 2xx, else retried with exponential backoff and jitter, and `failed`
 * after the last attempt. Nothing it needs lives in memory: a collector started again picks up
 * every pending delivery; several collectors on one database never send one delivery at once.
 */
import type { ClaimedDelivery, DeliveryOutcome, WebhookStore } from '../store/webhook-types.js';
import { signWebhook } from './signature.js';

export interface RetryRule {
  /** Attempts before a delivery is `failed`. */
  maxAttempts: number;
  /** Wait after the first failed attempt; doubled after each one. */
  baseDelayMs: number;
  /** The longest wait between two attempts. */
  maxDelayMs: number;
}

/** 15 attempts over about a day: 10 s, 20 s, 40 s … then every 6 hours (less a random part). */
export const DEFAULT_RETRY: RetryRule = { maxAttempts: 15, baseDelayMs: 10_000, maxDelayMs: 6 * 3_600_000 };

export interface WebhookWorkerOptions {
  store: WebhookStore;
  retry?: Partial<RetryRule>;
  /** How long an endpoint has to answer, milliseconds (default 10 s). */
  timeoutMs?: number;
  /** Deliveries taken at once (default 20). */
  batch?: number;
  /** How often the queue is looked at, milliseconds (default 5 s). */
  pollMs?: number;
  fetch?: typeof fetch;
  /** Epoch milliseconds; also the `webhook-timestamp` of each attempt. */
  now?: () => number;
  /** In [0, 1): the jitter's draw. */
  random?: () => number;
  /** A run that failed (the database away): logged, the next poll tries again. */
  onError?: (error: unknown) => void;
}

/**
 * The wait before the next attempt, after the failed attempt number `attempt` (from 1): the base
 * doubled each time up to the maximum, less a random part of up to half (so receivers that come
 * back are not all called again at the same instant).
 *
 * @example
 * retryDelay(3, DEFAULT_RETRY, () => 0); // 40_000
 */
export function retryDelay(attempt: number, rule: RetryRule, random: () => number): number {
  const full = Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(full - (full / 2) * random());
}

/**
 * @example
 * const worker = new WebhookWorker({ store: store.webhooks });
 * worker.start();
 * // on shutdown
 * await worker.stop();
 */
export class WebhookWorker {
  private readonly retry: RetryRule;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly send: typeof fetch;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<number> | undefined;
  private stopped = true;

  constructor(private readonly options: WebhookWorkerOptions) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.now = options.now ?? Date.now;
    this.send = options.fetch ?? fetch;
  }

  /**
   * Send every delivery due now (one claim), and record each outcome; resolves to the number of
   * attempts made. Tests call it directly, moving their clock instead of waiting.
   */
  async runOnce(): Promise<number> {
    // The lease outlasts the call's timeout, so a slow endpoint's delivery is not claimed twice.
    const claimed = await this.options.store.claimDeliveries(this.now(), this.options.batch ?? 20, this.timeoutMs + 30_000);
    await Promise.all(claimed.map(async (delivery) => this.options.store.settleDelivery(delivery, await this.attempt(delivery))));
    return claimed.length;
  }

  /** Poll the queue now, then every `pollMs`, until `stop`. */
  start(): void {
    this.stopped = false;
    const tick = async () => {
      try {
        this.running = this.runOnce();
        // A full batch: more may be due, look again at once.
        const made = await this.running;
        if (made >= (this.options.batch ?? 20) && !this.stopped) return void (this.timer = setTimeout(tick, 0));
      } catch (error) {
        this.options.onError?.(error);
      }
      if (!this.stopped) this.timer = setTimeout(tick, this.options.pollMs ?? 5_000);
    };
    void tick();
  }

  /** No new run; resolves once the run in progress has recorded its outcomes. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => 0);
  }

  private async attempt(delivery: ClaimedDelivery): Promise<DeliveryOutcome> {
    const timestamp = Math.floor(this.now() / 1000);
    let statusCode: number | null = null;
    let error: string;
    try {
      const response = await this.send(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': delivery.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': await signWebhook(delivery.secret, delivery.id, timestamp, delivery.body),
        },
        body: delivery.body,
        // A redirect is not followed (it could lead to http, or elsewhere): it counts as a failure.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await response.body?.cancel();
      statusCode = response.status;
      if (response.status >= 200 && response.status < 300) return { kind: 'delivered', at: this.now(), statusCode };
      error = `HTTP ${response.status}`;
    } catch (caught) {
      error = failureOf(caught, this.timeoutMs);
    }
    if (delivery.attempt >= this.retry.maxAttempts) return { kind: 'failed', statusCode, error };
    const random = this.options.random ?? Math.random;
    return { kind: 'retry', nextAttemptAt: this.now() + retryDelay(delivery.attempt, this.retry, random), statusCode, error };
  }
}

/** A short reason for the log: the timeout, or the network error's code (`ECONNREFUSED`). */
function failureOf(caught: unknown, timeoutMs: number): string {
  const error = caught as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  return (error.cause?.code ?? error.cause?.message ?? error.message ?? String(caught)).slice(0, 200);
}
