/**
 * "Suivant" on a screen: what a question's field holds, checked by the core's rule and saved
 * through the session, or the message key of the error to show on it.
 */
import { validateQuestionAnswer, type Question, type QuestionAnswer } from '@observatoire/core';
import { POSTAL_CODE, type CommuneDraft } from './commune-lookup.js';
import { requiredKey, type MessageKey } from './messages.js';
import type { QuestionnaireModel } from './model.js';

/** What committing a field needs from the element. */
export interface FieldCommit {
  /** The rendered form (the text and year fields are read from it). */
  root: ParentNode;
  /** The commune question's postal code and lookup, and its problem if any. */
  draft: (questionId: string) => CommuneDraft | undefined;
  communeProblem: (questionId: string) => MessageKey | undefined;
  /** Save an answer; false when the session refused it. */
  answer: (questionId: string, value: QuestionAnswer | null) => boolean;
}

/**
 * Save what was typed in `question`'s field; the error to show, if any.
 *
 * @example
 * const key = commitQuestion(model, question, { root: this.renderRoot, draft, communeProblem, answer });
 */
export function commitQuestion(model: QuestionnaireModel, question: Question, commit: FieldCommit): MessageKey | undefined {
  const answer = model.answers[question.id];
  const required = question.required ? requiredKey(question) : undefined;
  if (question.kind === 'single' || question.kind === 'multiple') return answer === undefined ? required : undefined;
  if (question.kind === 'commune') {
    if (answer !== undefined) return undefined;
    const draft = commit.draft(question.id)!;
    if (draft.postal === '') return required;
    if (!POSTAL_CODE.test(draft.postal)) return 'errPostalCode';
    return commit.communeProblem(question.id) ?? 'errCommune';
  }
  const input = commit.root.querySelector<HTMLInputElement>(`#q-${question.id}`)!;
  const raw = input.value.trim();
  if (raw === '') {
    if (answer !== undefined) commit.answer(question.id, null);
    return required;
  }
  const value = question.kind === 'year' ? (/^\d+$/.test(raw) ? Number(raw) : NaN) : raw;
  const issue = validateQuestionAnswer(question, value, { currentYear: model.currentYear });
  if (issue) return question.kind === 'year' ? 'errYear' : issue.code === 'too_long' ? 'errTooLong' : 'errOther';
  if (value !== answer && !commit.answer(question.id, value)) return 'errOther';
  return undefined;
}
