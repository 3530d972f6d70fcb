/** When to send again: exponential backoff with jitter, and the collector's `Retry-After` (docs/outbox.md). */
export const RETRY_BASE_MS = 1000;
export const RETRY_CAP_MS = 30_000;
/** A `Retry-After` longer than this is shortened: the data must not wait for hours. */
const RETRY_AFTER_CAP_MS = 10 * 60_000;

/**
 * The wait before the `attempt`-th retry (1-based): 1 s, 2 s, 4 s… capped at 30 s, of which a
 * random half is taken off (jitter), so that many devices coming back together do not retry in step.
 *
 * @example
 * retryDelay(1, () => 0.5); // 750
 * retryDelay(10, () => 0);  // 15000
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * (0.5 + 0.5 * random()));
}

/**
 * Milliseconds asked by a `Retry-After` header (seconds or an HTTP date), or `undefined`.
 *
 * @example
 * retryAfterMs('3', 0); // 3000
 */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(RETRY_AFTER_CAP_MS, Math.max(0, Math.round(ms)));
}
