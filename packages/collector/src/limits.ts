/**
 * What the collector accepts from a session, beyond the shape of each body (docs/collector.md,
 * "Bad input"): how long it lives, how far its clock may be from the server's, how much it may post.
 */

const DAY = 86_400_000;

/**
 * A session takes requests for 30 days after the server first saw it; then its token expires.
 * An outbox may hold a session offline for days, never for a whole collection window.
 */
export const SESSION_WINDOW_MS = 30 * DAY;

/** A device clock may be ahead of the server's by a day (time zones set wrong, no network time). */
export const CLOCK_AHEAD_MS = DAY;

/** An answer may start this much before its session on the same device clock (rounding, clock steps). */
export const SESSION_START_TOLERANCE_MS = 60_000;

/** A duration may exceed the interval it claims by this much (the two are measured separately). */
export const DURATION_TOLERANCE_MS = 1_000;

/**
 * Protocol events per session: a few per course, plus interruptions and resumes of a tablet put to
 * sleep. Far above any real session; a flood stops here.
 */
export const MAX_EVENTS_PER_SESSION = 300;

/**
 * Why a client timestamp cannot be true, or `null`: older than the session window, or further
 * ahead than a device clock may be.
 *
 * @example
 * clientTimeProblem(0, Date.now()); // 'is more than 30 days before the server's clock'
 */
export function clientTimeProblem(at: number, serverNow: number): string | null {
  if (at < serverNow - SESSION_WINDOW_MS) return `is more than ${SESSION_WINDOW_MS / DAY} days before the server's clock`;
  if (at > serverNow + CLOCK_AHEAD_MS) return "is more than a day after the server's clock";
  return null;
}

/**
 * Problems of an answer's own times: it ends before it starts, or claims a duration longer than
 * the interval between its start and its end.
 *
 * @example
 * answerTimeProblems({ startedAt: 10_000, answeredAt: 5_000, durationMs: 0 }); // [{ path: 'answeredAt', … }]
 */
export function answerTimeProblems(answer: { startedAt: number; answeredAt: number; durationMs: number }): { path: string; message: string }[] {
  if (answer.answeredAt < answer.startedAt) return [{ path: 'answeredAt', message: 'is before startedAt' }];
  if (answer.durationMs > answer.answeredAt - answer.startedAt + DURATION_TOLERANCE_MS)
    return [{ path: 'durationMs', message: 'is longer than the time between startedAt and answeredAt' }];
  return [];
}
