/**
 * Challenge time limits (docs/protocol.md, "Time limits"): whether an answer comes after the
 * limit, and the mediator's `extendTime` and `removeTimeLimit`.
 */
import { ProtocolError } from '../errors.js';
import type { CurrentChallenge } from './types.js';

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
 * Whether an answer comes after the time limit (docs/protocol.md, "Time limits"): the limit runs from
 * when the challenge was shown. The sender's `timedOut: true` is only accepted when a limit is running;
 * the session's clock decides.
 */
export function isTimedOut(current: CurrentChallenge, claimed: boolean, now: number): boolean {
  if (claimed) runningLimit(current, 'answerChallenge with timedOut');
  const limit = current.timeLimitMs;
  return typeof limit === 'number' && now - current.startedAt >= limit;
}

/**
 * The current challenge with its running limit doubled (`extendTime`) or removed (`removeTimeLimit`).
 *
 * @example
 * changedTimeLimit({ challengeId: 'm1', index: 0, startedAt: 0, timeLimitMs: 60000 }, 'extendTime').timeLimitMs; // 120000
 * @throws {ProtocolError} `no_time_limit` when the challenge has no limit running.
 */
export function changedTimeLimit(current: CurrentChallenge, type: 'extendTime' | 'removeTimeLimit'): CurrentChallenge {
  const limit = runningLimit(current, type);
  return { ...current, timeLimitMs: type === 'extendTime' ? limit * 2 : null };
}
