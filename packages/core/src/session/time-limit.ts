/**
 * Challenge time limits (docs/protocol.md, "Time limits"): when the limit starts, whether an answer
 * comes after it, and the person's `startTimeLimit`, `extendTime` and `removeTimeLimit`.
 */
import { ProtocolError } from '../errors.js';
import type { CurrentChallenge } from './types.js';

/** The actions about the current challenge's time limit. */
export type TimeLimitAction = 'startTimeLimit' | 'extendTime' | 'removeTimeLimit';

/** The time limit of the current challenge, refusing an action about it when there is none running. */
function runningLimit(current: CurrentChallenge, type: string): number {
  const limit = current.timeLimitMs;
  if (typeof limit !== 'number')
    throw new ProtocolError(
      'no_time_limit',
      `"${type}" refused: challenge "${current.challengeId}" has ${limit === null ? 'had its time limit removed' : 'no time limit'}`,
      [current.challengeId],
    );
  return limit;
}

/**
 * When the current challenge's time limit started (docs/protocol.md, "Time limits"): when the person
 * pressed "Commencer" (`startTimeLimit`), else when the challenge became current. The player's timer
 * reads the same instant, so the time it shows is the session's.
 *
 * @example
 * timeLimitStart({ challengeId: 'm1', index: 0, startedAt: 1000, timeLimitMs: 30000, timeLimitStartedAt: 4000 }); // 4000
 */
export function timeLimitStart(current: CurrentChallenge): number {
  return current.timeLimitStartedAt ?? current.startedAt;
}

/**
 * Time left on the current challenge's limit at `now` (negative once it ran out), or `null` when no
 * limit runs: what `session.timeLeftMs()` gives the player's timer.
 *
 * @example
 * timeLeftMs({ challengeId: 'm1', index: 0, startedAt: 0, timeLimitMs: 30000, timeLimitStartedAt: 5000 }, 20000); // 15000
 */
export function timeLeftMs(current: CurrentChallenge | undefined, now: number): number | null {
  const limit = current?.timeLimitMs;
  return current && typeof limit === 'number' ? limit - (now - timeLimitStart(current)) : null;
}

/**
 * Whether an answer comes after the time limit (docs/protocol.md, "Time limits"): the limit runs from
 * `timeLimitStart`. The sender's `timedOut: true` is only accepted when a limit is running; the
 * session's clock decides.
 */
export function isTimedOut(current: CurrentChallenge, claimed: boolean, now: number): boolean {
  if (claimed) runningLimit(current, 'answerChallenge with timedOut');
  const left = timeLeftMs(current, now);
  return left !== null && left <= 0;
}

/**
 * The current challenge with its limit started now (`startTimeLimit`), doubled (`extendTime`) or
 * removed (`removeTimeLimit`).
 *
 * @example
 * changedTimeLimit({ challengeId: 'm1', index: 0, startedAt: 0, timeLimitMs: 60000 }, 'extendTime', 5000).timeLimitMs; // 120000
 * @throws {ProtocolError} `no_time_limit` when the challenge has no limit running.
 */
export function changedTimeLimit(current: CurrentChallenge, type: TimeLimitAction, now: number): CurrentChallenge {
  const limit = runningLimit(current, type);
  if (type === 'startTimeLimit') return { ...current, timeLimitStartedAt: now };
  return { ...current, timeLimitMs: type === 'extendTime' ? limit * 2 : null };
}
