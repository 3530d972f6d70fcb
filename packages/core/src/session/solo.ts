/**
 * Sessions of one challenge or of one questionnaire (docs/protocol.md, "Alone on a page"): the
 * standalone player and the standalone questionnaire run the same protocol machine as the whole
 * survey, on a definition holding only that challenge or that questionnaire, so checking, time
 * limits, event ids and replay are the session's and nothing is copied into the elements.
 */
import { SUCCESS_THRESHOLD, TEST_TIME_BUDGET_SECONDS } from '../chaining.js';
import { SCHEMA_VERSION } from '../content/version.js';
import type { Challenge, LocalizedText, Questionnaire, SurveyDefinition } from '../content/types.js';
import { createSurveySession } from './session.js';
import type { SessionOptions, SurveySession } from './types.js';

const NO_TEXT: LocalizedText = { fr: '', en: '' };

function soloDefinition(id: string, parts: Pick<SurveyDefinition, 'challenges' | 'courses'> & { questionnaire?: Questionnaire }): SurveyDefinition {
  return {
    schemaVersion: SCHEMA_VERSION,
    id,
    version: 'solo',
    title: NO_TEXT,
    provenance: { author: 'solo', status: 'project' },
    information: { title: NO_TEXT, body: [NO_TEXT], consent: NO_TEXT },
    chaining: { successThreshold: SUCCESS_THRESHOLD, testTimeBudgetSeconds: TEST_TIME_BUDGET_SECONDS },
    ...parts,
  };
}

/**
 * The definition of a session of one challenge: one course, named after the challenge, holding it.
 *
 * @example
 * challengeDefinition(challenge).courses; // [{ id: 'qcu-1', title: { fr: '', en: '' }, challenges: ['qcu-1'] }]
 */
export function challengeDefinition(challenge: Challenge): SurveyDefinition {
  return soloDefinition(`challenge-${challenge.id}`, { challenges: [challenge], courses: [{ id: challenge.id, title: NO_TEXT, challenges: [challenge.id] }] });
}

/**
 * The definition of a session of one questionnaire, without courses: it ends at `validated`.
 *
 * @example
 * questionnaireDefinition(questionnaire).courses; // []
 */
export function questionnaireDefinition(questionnaire: Questionnaire): SurveyDefinition {
  return soloDefinition(`questionnaire-${questionnaire.id}`, { questionnaire, challenges: [], courses: [] });
}

/**
 * A session of one challenge, already started: `state.current` is the challenge. Answer it with
 * `answerChallenge` or `skipChallenge` (it then `finished`, its result in `state.courses[0].results[0]`);
 * `extendTime` and `removeTimeLimit` work as in the survey. The consent of the survey's information
 * screen does not apply to a challenge shown alone: the host page that shows it answers for it.
 *
 * @example
 * const session = createChallengeSession(challenge, { clock: () => performance.timeOrigin + performance.now() });
 * session.dispatch({ type: 'answerChallenge', challengeId: challenge.id, answer: '2' });
 * session.state.courses[0].results[0].status; // 'ok'
 */
export function createChallengeSession(challenge: Challenge, options: SessionOptions = {}): SurveySession {
  return started(createSurveySession(challengeDefinition(challenge), options));
}

/**
 * A session of one questionnaire, already started (phase `questionnaire`): `answerQuestion`,
 * `setFilledByMediator`, `review`, `editAnswers`, `validateQuestionnaire` as in the survey, with
 * year bounds from the session's clock. It ends at `validated`; `continue` is refused.
 *
 * @example
 * const session = createQuestionnaireSession(questionnaire, { clock });
 * session.dispatch({ type: 'answerQuestion', questionId: 'naissance', value: 1956 });
 */
export function createQuestionnaireSession(questionnaire: Questionnaire, options: SessionOptions = {}): SurveySession {
  return started(createSurveySession(questionnaireDefinition(questionnaire), options));
}

function started(session: SurveySession): SurveySession {
  session.dispatch({ type: 'start', consent: true });
  return session;
}
