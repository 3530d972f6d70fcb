/**
 * @observatoire/core: the headless part of Observatoire. No DOM, no I/O.
 * @packageDocumentation
 */
export * from './errors.js';
/** The zod schemas of the content model (for validation at other boundaries and JSON Schema generation). */
export * as schemas from './content/schema.js';
export { SCHEMA_VERSION } from './content/schema.js';
export * from './content/types.js';
export { parseSurveyDefinition, parseChallenge } from './content/parse.js';
export * from './checking/types.js';
export * from './questionnaire/types.js';
export * from './session/types.js';
export * from './checking/evaluate.js';
export * from './questionnaire/logic.js';
export * from './session/session.js';
export * from './scoring.js';
export * from './analysis/index.js';

// Survey rules, once (docs/protocol.md, docs/questionnaire.md, docs/outcomes.md).
export { SUCCESS_THRESHOLD, TEST_TIME_BUDGET_SECONDS, isPassingRate, recommendationReasons, testTimeMs } from './chaining.js';
export {
  COURSE_STATUS,
  COURSE_STATUSES,
  courseStatus,
  hasEnded,
  coursePassed,
  staircaseLevel,
  courseOutcomesOfSession,
  courseOutcomesOfRecords,
  type CourseStatus,
  type CourseOutcome,
  type PlayedCourseOutcome,
  type SessionEndReason,
  type StaircaseLevel,
  type CourseProgressLike,
  type AnswerRecordLike,
  type CourseEventLike,
} from './outcome.js';
export { TEST_CITY, isTestCity, isTestCommune, isTestRun, testCommune } from './questionnaire/test-run.js';
export { AGE_BANDS, ageBand, statutSocial, type AgeBand, type StatutSocial } from './mappings.js';
export { challengeDefinition, createChallengeSession, createQuestionnaireSession, questionnaireDefinition } from './session/solo.js';
export { checkQuestionnaire, type QuestionnaireCheck, type QuestionnaireIssue } from './questionnaire/logic.js';
