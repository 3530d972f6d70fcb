/**
 * The event `<obs-challenge-player>` sends when the person answers or skips. The player does
 * not judge: a parent that records answers (the course chainer) calls `preventDefault()` on it
 * and dispatches the answer to the session; when nobody does, the player's own session of the
 * challenge records it and the player emits `obs-answer`, so it also works alone.
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

/**
 * The person started (`startTimeLimit`, "Commencer"), extended (`extendTime`) or removed
 * (`removeTimeLimit`) the challenge's time limit; the named session action, for a parent that
 * records it in the session's log (the course chainer).
 */
export interface PlayerTimeDetail {
  challengeId: string;
  action: 'startTimeLimit' | 'extendTime' | 'removeTimeLimit';
}

export const PLAYER_TIME_EVENT = 'obs-player-time';

/** The `obs-player-time` event (bubbles, composed). */
export function playerTimeEvent(challengeId: string, action: PlayerTimeDetail['action']): CustomEvent<PlayerTimeDetail> {
  return new CustomEvent(PLAYER_TIME_EVENT, { detail: { challengeId, action }, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'obs-player-submit': CustomEvent<PlayerSubmitDetail>;
    'obs-player-time': CustomEvent<PlayerTimeDetail>;
  }
}
