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

export interface QuestionnaireValidatedDetail {
  answers: QuestionnaireAnswers;
  filledByMediator: boolean;
  testRun: boolean;
  /** Questions whose prefilled answer was confirmed unchanged (docs/questionnaire.md, "Prefill"). */
  prefilled: readonly string[];
}
export interface AnswerEventDetail {
  /** The core's verdict (no correction is shown to the participant in measurement mode). */
  result: ChallengeResult;
  courseId: string;
}
export interface CourseEndDetail {
  courseId: string;
  recommendation: Recommendation;
}
export interface SurveyCompleteDetail {
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
