/**
 * The events the elements emit. All bubble and cross shadow roots (`composed`),
 * so a host listens on the element or on any ancestor.
 *
 * @example
 * document.querySelector('obs-survey')!.addEventListener('obs-answer', (event) => {
 *   console.log(event.detail.result.challengeId, event.detail.result.status);
 * });
 */
import type {
  ChallengeResult,
  ObservatoireError,
  QuestionnaireAnswers,
  Recommendation,
  SessionSnapshot,
  SessionState,
} from '@observatoire/core';

/**
 * How a host joins a survey's events to its own records (docs/elements.md, "Linking a session"): the
 * `external-ref` it gave and the session's follow-up code. Present in the details of the events of a
 * session inside `<obs-survey>` when set; never shown on screen.
 */
export interface SessionLinks {
  externalRef?: string;
  followUpCode?: string;
}

export interface QuestionnaireValidatedDetail extends SessionLinks {
  answers: QuestionnaireAnswers;
  filledByMediator: boolean;
  testRun: boolean;
  /** Questions whose prefilled answer was confirmed unchanged (docs/questionnaire.md, "Prefill"). */
  prefilled: readonly string[];
}
export interface AnswerEventDetail extends SessionLinks {
  /** The core's verdict (no correction is shown to the participant in measurement mode). */
  result: ChallengeResult;
  courseId: string;
}
export interface CourseEndDetail extends SessionLinks {
  courseId: string;
  recommendation: Recommendation;
}
export interface SurveyCompleteDetail extends SessionLinks {
  state: SessionState;
  snapshot: SessionSnapshot;
}
export interface ErrorEventDetail {
  /** Stable code, e.g. `invalid_content`, `load_failed`, `answer_shape`. */
  code: string;
  message: string;
  error: ObservatoireError | Error;
}

export interface ObservatoireEventMap {
  'obs-questionnaire-validated': CustomEvent<QuestionnaireValidatedDetail>;
  'obs-answer': CustomEvent<AnswerEventDetail>;
  'obs-course-end': CustomEvent<CourseEndDetail>;
  'obs-survey-complete': CustomEvent<SurveyCompleteDetail>;
  'obs-error': CustomEvent<ErrorEventDetail>;
}

export function emit<K extends keyof ObservatoireEventMap>(
  target: EventTarget,
  type: K,
  detail: ObservatoireEventMap[K]['detail'],
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: false }));
}

declare global {
  interface HTMLElementEventMap extends ObservatoireEventMap {}
}
