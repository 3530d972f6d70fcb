/**
 * Prefilled answers given to `<obs-questionnaire>` or `<obs-survey>` (docs/questionnaire.md, "Prefill"):
 * the core's `mergePrefill` sorts them, each bad entry is reported as an `obs-error` naming its question
 * and left out, and the rest goes to the session as one `prefill` action, recorded in its event log.
 */
import { mergePrefill, ProtocolError, type Questionnaire, type QuestionnaireAnswers } from '@observatoire/core';
import { emit } from '../events.js';

/** What a prefill is applied to: the session's answers, its clock, and where its action goes. */
export interface PrefillTarget {
  readonly questionnaire: Questionnaire;
  readonly answers: QuestionnaireAnswers;
  now(): number;
  dispatch(action: { type: 'prefill'; answers: QuestionnaireAnswers }): void;
}

/**
 * Apply `prefill` to `target`; every entry left out becomes an `obs-error` on `host`
 * (`unknown_question` or `invalid_question_answer`, `error.ids` naming the question).
 *
 * @example
 * applyPrefill(this, model, { genre: 'feminin', commune: structureCommune });
 */
export function applyPrefill(host: EventTarget, target: PrefillTarget, prefill: Readonly<Record<string, unknown>> | undefined): void {
  if (!prefill || Object.keys(prefill).length === 0) return;
  const { issues } = mergePrefill(target.questionnaire, target.answers, prefill, target.now());
  for (const issue of issues) {
    const code = issue.code === 'unknown_question' ? 'unknown_question' : 'invalid_question_answer';
    const error = new ProtocolError(code, `prefill: ${issue.message}`, [issue.questionId]);
    emit(host, 'obs-error', { code, message: error.message, error });
  }
  const refused = new Set(issues.map((issue) => issue.questionId));
  const kept = Object.fromEntries(Object.entries(prefill).filter(([id]) => !refused.has(id))) as QuestionnaireAnswers;
  if (Object.keys(kept).length > 0) target.dispatch({ type: 'prefill', answers: kept });
}
