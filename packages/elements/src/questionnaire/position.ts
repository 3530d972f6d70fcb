/**
 * Which question of the questionnaire the person is on, kept on the device, so that a resumed
 * session reopens that very question, not question 1 (docs/questionnaire.md, "Resume"). The
 * screen shown is not part of the session (it is not an answer): one entry per device, for the
 * last session that showed its questionnaire here; no personal data, only ids.
 */
import { missingRequired, visibleQuestions, type Questionnaire, type QuestionnaireAnswers } from '@observatoire/core';
import { whenIdle } from '../shared/after-paint.js';

const KEY = 'observatoire:questionnaire-position';
/** The last entry saved by this page: an unchanged screen is not saved again. */
let written = '';
/** The entry not yet in storage: it is written in idle time, or when the page is left. */
let pending: string | undefined;
/** Detail of `obs-questionnaire-step`: a question's id, or the stage shown (`review`, `validated`, `answering`). */
export interface QuestionnaireStepDetail {
  step: string;
}

/** The step each questionnaire last reported. */
const reported = new WeakMap<HTMLElement, string>();

/**
 * The questionnaire shows `step`: a question's id (remembered for a resume), or its stage
 * (`review`, `validated`, `answering` on one page). A new step is told to the element's parent
 * by `obs-questionnaire-step` (bubbling, not composed: it stays inside `<obs-survey>`), whose
 * history entries follow the screens (docs/elements.md, "History").
 *
 * @example
 * showStep(this, { step: 'commune', question: true, sessionId: state.sessionId });
 */
export function showStep(host: HTMLElement, shown: { step: string; question: boolean; sessionId: string | undefined }): void {
  if (shown.question && shown.sessionId) savePosition(shown.sessionId, shown.step);
  if (reported.get(host) === shown.step) return;
  reported.set(host, shown.step);
  host.dispatchEvent(new CustomEvent<QuestionnaireStepDetail>('obs-questionnaire-step', { detail: { step: shown.step }, bubbles: true }));
}

/**
 * Remember that `sessionId` shows `questionId`. Storage that is full or refused is ignored: the
 * resume then starts at the first question still to answer.
 *
 * @example
 * savePosition(state.sessionId, 'commune');
 */
export function savePosition(sessionId: string, questionId: string): void {
  const entry = JSON.stringify({ sessionId, questionId });
  if (entry === written) return;
  written = entry;
  // Not on the way of the screen: the first use of storage opens it, tens of milliseconds on a
  // slow tablet (docs/loading.md, "Where the time went"). Leaving the page writes it at once.
  if (pending === undefined) {
    whenIdle(writePosition, 1000);
    addEventListener('pagehide', writePosition, { once: true });
  }
  pending = entry;
}

function writePosition(): void {
  if (pending === undefined) return;
  try {
    localStorage.setItem(KEY, pending);
  } catch {
    // No storage (private mode, quota): nothing to resume to.
  }
  pending = undefined;
}

/**
 * The question `sessionId` was showing on this device, if it is the one remembered.
 *
 * @example
 * savedPosition(state.sessionId); // 'commune'
 */
export function savedPosition(sessionId: string): string | undefined {
  try {
    const saved = JSON.parse(pending ?? localStorage.getItem(KEY) ?? 'null') as { sessionId?: unknown; questionId?: unknown } | null;
    return saved?.sessionId === sessionId && typeof saved.questionId === 'string' ? saved.questionId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The screen (index among the visible questions) to open a resumed session's questionnaire at:
 * the question it showed on this device, else the first required question still unanswered.
 *
 * @example
 * this.screen = resumeScreen(questionnaire, state.questionnaire.answers, state.sessionId);
 */
export function resumeScreen(questionnaire: Questionnaire, answers: QuestionnaireAnswers, sessionId: string): number {
  const visible = visibleQuestions(questionnaire, answers);
  const saved = savedPosition(sessionId);
  const at = visible.findIndex((question) => question.id === saved);
  if (at >= 0) return at;
  const missing = missingRequired(questionnaire, answers)[0];
  return Math.max(0, visible.findIndex((question) => question.id === missing));
}
