/**
 * The collector re-runs an adaptive test with the core (docs/collector.md, "Adaptive sessions"):
 * from the session's bank, seed and configuration, each stored answer is applied in order through
 * the core's `adaptiveTransition`, which re-scores it and refuses an item that is not the one the
 * engine asks at that place. No rule of the test is written here.
 */
import type { ChallengeAnswer } from '@observatoire/core';
import { adaptiveTransition, initialAdaptiveState, type AdaptiveAction, type AdaptiveBank, type AdaptiveState } from '@observatoire/core/adaptive';
import type { AdaptiveAnswerRecord, AdaptiveSessionRecord } from './store/adaptive-types.js';

/** What an answer says, as the core's action: `null` is a skip. */
export function actionOf(answer: { itemId: string; answer: ChallengeAnswer | null; timedOut?: boolean }): AdaptiveAction {
  if (answer.answer === null) return { type: 'skipItem', itemId: answer.itemId };
  return { type: 'answerItem', itemId: answer.itemId, answer: answer.answer, ...(answer.timedOut === true ? { timedOut: true } : {}) };
}

/**
 * The test's state after the stored answers (and, for a test the mediator stopped, after its stop).
 *
 * @example
 * const state = replayAdaptive(bank, data.session, data.answers);
 * state.current?.itemId; // the item the test asks next
 * @throws {AdaptiveError} when the stored data is not a test the core could have run.
 */
export function replayAdaptive(bank: AdaptiveBank, session: AdaptiveSessionRecord, answers: readonly AdaptiveAnswerRecord[]): AdaptiveState {
  const seed = session.seed;
  let state = initialAdaptiveState(bank, session.config, { seed, now: session.startedAt });
  for (const answer of answers) state = adaptiveTransition(bank, state, actionOf(answer), { now: answer.answeredAt, seed });
  if (session.stopReason === 'stopped' && state.phase === 'asking')
    state = adaptiveTransition(bank, state, { type: 'stop' }, { now: session.endedAt ?? session.startedAt, seed });
  return state;
}
