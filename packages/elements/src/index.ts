/**
 * @observatoire/elements: accessible custom elements that run the Observatoire survey.
 * Importing this module defines every survey element (guarded against double registration).
 * The report element has its own entry point (`@observatoire/elements/report`).
 *
 * Every public name is listed here: anything else is internal and may change.
 * @packageDocumentation
 */
import './challenge-player/obs-challenge-player.define.js';
import './course-chainer/obs-course-chainer.define.js';
import './outbox/obs-sync-status.define.js';
import './questionnaire/obs-questionnaire.define.js';
import './results-card/obs-results-card.define.js';
import './survey/obs-resume-dialog.define.js';
import './survey/obs-survey.define.js';

// The elements.
export { ObsSurvey } from './survey/obs-survey.js';
export { ObsQuestionnaire } from './questionnaire/obs-questionnaire.js';
export { ObsChallengePlayer } from './challenge-player/obs-challenge-player.js';
export { ObsCourseChainer } from './course-chainer/obs-course-chainer.js';
export { ObsResultsCard } from './results-card/obs-results-card.js';
export { ObsSyncStatus } from './outbox/obs-sync-status.js';

// Their events.
export type {
  ObservatoireEventMap,
  QuestionnaireValidatedDetail,
  AnswerEventDetail,
  CourseEndDetail,
  SurveyCompleteDetail,
  ErrorEventDetail,
} from './events.js';

// The offline-safe path to the collector (docs/outbox.md).
export { Outbox } from './outbox/outbox.js';
export type { OutboxOptions, OutboxStatus } from './outbox/types.js';
export { openRecordedSession, type RecordedSessionOptions, type ResumeChoice } from './outbox/recorder.js';
export { findUnfinished, forgetSession, type SavedSession } from './outbox/saved-sessions.js';

// Widgets of interactive challenges, and JSX typings for hosts.
export { reportWidgetAnswer, type ChallengeWidget } from './widget.js';
export type { ObservatoireJSXElements } from './jsx.js';
