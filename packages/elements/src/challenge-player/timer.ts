/**
 * Time for timed challenges. The clock is injectable so tests drive time by hand
 * instead of waiting; the element only ever asks it for the time and for a periodic tick.
 */
import type { Lang } from '@observatoire/core';
import { translate } from '@observatoire/core/i18n';
import { messages } from './messages.js';

export interface PlayerClock {
  /** Milliseconds. */
  now(): number;
  /** Call `tick` every `ms` milliseconds until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

/** The real clock (`Date.now`, `setInterval`). */
export const systemClock: PlayerClock = {
  now: () => Date.now(),
  every(ms, tick) {
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  },
};

/** Remaining times (ms) at which the time left is announced, rather than every second. */
const ANNOUNCE_AT = [60_000, 30_000, 10_000] as const;

/**
 * The announcement threshold crossed between two readings of the time left, if any.
 *
 * @example
 * crossedThreshold(31_000, 29_500); // 30000
 * crossedThreshold(29_000, 28_000); // undefined
 */
export function crossedThreshold(before: number, after: number): number | undefined {
  return ANNOUNCE_AT.find((limit) => before > limit && after <= limit);
}

/**
 * A duration in plain words, rounded up to the second ("1 min 5 s", "45 s", "2 min").
 *
 * @example
 * formatDuration(65_000, 'fr'); // '1 min 5 s'
 */
export function formatDuration(ms: number, lang: Lang): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  if (m > 0 && s > 0) return translate(messages, lang, 'minutesSeconds', { m, s });
  if (m > 0) return translate(messages, lang, 'minutes', { m });
  return translate(messages, lang, 'seconds', { s });
}
