/**
 * The player alone on a page (docs/protocol.md, "Alone on a page"): its session of the one
 * challenge records the answer or the skip, so the verdict, the timing and the event id are the
 * session's, exactly as in a survey.
 */
import type { ChallengeAnswer, ChallengeResult, SurveySession } from '@observatoire/core';

/**
 * Record an answer (`null`: "Je passe") in the challenge's session and return the result it made.
 *
 * @example
 * recordAlone(createChallengeSession(challenge), challenge.id, '2', false)?.status; // 'ok'
 * @throws {AnswerShapeError} when the answer is not of the kind the challenge's type takes.
 */
export function recordAlone(session: SurveySession, challengeId: string, answer: ChallengeAnswer | null, timedOut: boolean): ChallengeResult | undefined {
  session.dispatch(
    answer === null ? { type: 'skipChallenge', challengeId } : { type: 'answerChallenge', challengeId, answer, ...(timedOut && { timedOut }) },
  );
  return session.state.courses[0]?.results[0];
}
