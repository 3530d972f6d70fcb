/**
 * What a stored answer says about how one challenge was played (docs/outcomes.md, "Who skipped, and how
 * long"): who skipped it and the time it took. The collector's export writes both per challenge, the
 * dashboard and the analysis read them, so one rule decides everywhere.
 */
import type { AnswerStatus } from './checking/types.js';
import type { Actor } from './session/types.js';

/** A stored answer, as far as skips and times go. */
export interface PlayedAnswerLike {
  status: AnswerStatus;
  actor: Actor;
  durationMs: number;
  skippedRemaining: boolean;
}

/**
 * Who skipped the challenge: `mediator` for the mediator's skip (their « passer » on this challenge, or the
 * remaining challenges of a course skipped at once), `participant` for the person's « Je passe »; `null`
 * when the challenge was not skipped (answered or timed out).
 *
 * @example
 * skippedBy({ status: 'aband', actor: 'mediator', durationMs: 0, skippedRemaining: true }); // 'mediator'
 */
export function skippedBy(answer: PlayedAnswerLike): Actor | null {
  if (answer.status !== 'aband') return null;
  return answer.skippedRemaining || answer.actor === 'mediator' ? 'mediator' : 'participant';
}

/**
 * The time spent on the challenge, in whole seconds (rounded), or `null` when it was closed by the mediator's
 * skip of the remaining challenges: those were mostly never shown (a duration of 0, docs/protocol.md,
 * "Chaining"), and would pull every median towards 0.
 *
 * @example
 * challengeSeconds({ status: 'ok', actor: 'participant', durationMs: 41_600, skippedRemaining: false }); // 42
 */
export function challengeSeconds(answer: PlayedAnswerLike): number | null {
  if (answer.skippedRemaining) return null;
  return Math.round(Math.max(0, answer.durationMs) / 1000);
}
