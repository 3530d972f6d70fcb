/**
 * The event `<obs-challenge-player>` sends when the person answers or skips. The player does
 * not judge: a parent that records answers (the course chainer) calls `preventDefault()` on it
 * and dispatches the answer to the session; when nobody does, the player checks the answer
 * itself and emits `obs-answer`, so it also works alone.
 *
 * @example
 * chainer.addEventListener('obs-player-submit', (event) => {
 *   event.preventDefault();
 *   const { challengeId, answer, timedOut } = event.detail;
 *   session.dispatch(answer === null ? { type: 'skipChallenge', challengeId } : { type: 'answerChallenge', challengeId, answer, timedOut });
 * });
 */
import type { ChallengeAnswer } from '@observatoire/core';

export interface PlayerSubmitDetail {
  challengeId: string;
  /** `null`: the person pressed "Je passe" (status `aband`). */
  answer: ChallengeAnswer | null;
  /** The answer was given after the challenge's time ran out. */
  timedOut: boolean;
}

export const PLAYER_SUBMIT_EVENT = 'obs-player-submit';

declare global {
  interface HTMLElementEventMap {
    'obs-player-submit': CustomEvent<PlayerSubmitDetail>;
  }
}
