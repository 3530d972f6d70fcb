/**
 * @observatoire/core: the headless part of Observatoire. No DOM, no I/O.
 *
 * This entry holds the survey itself: the content model, answer checking, the questionnaire rules, the
 * protocol as a session, scoring. Three more entry points: `@observatoire/core/validate` (content
 * validation, zod), `@observatoire/core/analysis` (weighting, estimates, levels, the report) and
 * `@observatoire/core/api` (the collector's `/v1` wire contract). Every public name is listed here: a
 * public name is a promise to integrators (see `api/observatoire.api.md`).
 * @packageDocumentation
 */
export { ObservatoireError, ContentError, AnswerShapeError, ProtocolError, type ContentIssue, type ProtocolErrorCode } from './errors.js';

export { parseSurveyDefinition, parseChallenge } from './content/parse.js';
export {
  localize,
  type SurveyDefinition,
  type SurveyDefinitionInput,
  type Challenge,
  type InteractiveChallenge,
  type Course,
  type Questionnaire,
  type Question,
  type LocalizedText,
  type Lang,
  type Link,
  type Input,
  type Skill,
} from './content/types.js';

export { evaluateAnswer } from './checking/evaluate.js';
export type { ChallengeAnswer, AnswerStatus, AnswerResult, AnswerDetails } from './checking/types.js';

export { visibleQuestions, validateQuestionAnswer, missingRequired, currentYearAt, checkQuestionnaire } from './questionnaire/logic.js';
export { isTestRun, isTestCity, isTestCommune, testCommune } from './questionnaire/test-run.js';
export { questionNumbers } from './questionnaire/numbering.js';
export { mergePrefill } from './questionnaire/prefill.js';
export type { CommuneAnswer, QuestionAnswer, QuestionnaireAnswers } from './questionnaire/types.js';

export { createSurveySession } from './session/session.js';
export { restoreSurveySession } from './session/restore.js';
export { createChallengeSession, createQuestionnaireSession } from './session/solo.js';
export type {
  Phase,
  Actor,
  SessionAction,
  SessionEvent,
  ChallengeResult,
  CourseProgress,
  SessionState,
  Recommendation,
  SessionSnapshot,
  SessionOptions,
  SurveySession,
} from './session/types.js';

export { successRate } from './scoring.js';
export { testTimeMs } from './chaining.js';
export { COURSE_STATUS, courseOutcomesOfSession } from './outcome.js';
