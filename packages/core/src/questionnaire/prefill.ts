/**
 * Prefilled answers (docs/questionnaire.md, "Prefill"): answers a structure already knows (age band,
 * gender, its commune…) given to the questionnaire by question id and option code. They are checked
 * as typed answers are, shown on the review marked "à confirmer", and recorded as prefilled only as
 * long as nobody changes them, so the analysis can tell them apart.
 */
import type { Questionnaire } from '../content/types.js';
import { currentYearAt, validateQuestionAnswer, type QuestionAnswerIssueCode } from './logic.js';
import type { QuestionAnswer, QuestionnaireAnswers } from './types.js';

/** A prefilled entry left out: the question it names and why. */
export interface PrefillIssue {
  questionId: string;
  code: QuestionAnswerIssueCode | 'unknown_question';
  /** For developers and logs, in English. */
  message: string;
}

/** Prefill merged into the answers. */
export interface PrefillMerge {
  /** The answers with the valid prefilled entries added (an answer already given is kept). */
  answers: QuestionnaireAnswers;
  /** Ids of the questions whose answer is prefilled, in content order. */
  prefilled: string[];
  /** Entries left out (unknown question, invalid answer), in the order given. */
  issues: PrefillIssue[];
}

/**
 * Merge prefilled answers into `answers`: each entry is checked like a typed answer (year bounds
 * from the session's clock, `now`); an invalid one is reported in `issues` and left out, the rest
 * kept. A question already answered keeps its answer and is not prefilled: what the person said wins.
 * `prefilled` also holds the ids already prefilled in `previous` whose answer is still there.
 *
 * @example
 * const { answers, prefilled, issues } = mergePrefill(questionnaire, {}, { genre: 'feminin', age: 'x' }, Date.now());
 * prefilled; // ['genre']
 * issues; // [{ questionId: 'age', code: 'unknown_question', … }]
 */
export function mergePrefill(
  questionnaire: Questionnaire,
  answers: QuestionnaireAnswers,
  prefill: Readonly<Record<string, unknown>>,
  now: number,
  previous: readonly string[] = [],
): PrefillMerge {
  const currentYear = currentYearAt(now);
  const merged: Record<string, QuestionAnswer> = { ...answers };
  const added = new Set(previous.filter((id) => answers[id] !== undefined));
  const issues: PrefillIssue[] = [];
  for (const [questionId, value] of Object.entries(prefill)) {
    const question = questionnaire.questions.find((q) => q.id === questionId);
    if (!question) {
      issues.push({ questionId, code: 'unknown_question', message: `unknown question "${questionId}"` });
      continue;
    }
    const problem = validateQuestionAnswer(question, value, { currentYear });
    if (problem) {
      issues.push({ questionId, code: problem.code, message: `${questionId}: ${problem.message}` });
      continue;
    }
    if (merged[questionId] !== undefined) continue;
    merged[questionId] = value as QuestionAnswer;
    added.add(questionId);
  }
  const prefilled = questionnaire.questions.filter((q) => added.has(q.id)).map((q) => q.id);
  return { answers: merged, prefilled, issues };
}

/**
 * The prefilled ids after `questionId` is answered `value` (`null` clears it): a changed (or cleared)
 * answer is not prefilled any more; the same answer given again stays prefilled (it is confirmed).
 *
 * @example
 * prefilledAfterAnswer(['genre'], { genre: 'feminin' }, 'genre', 'masculin'); // []
 * prefilledAfterAnswer(['genre'], { genre: 'feminin' }, 'genre', 'feminin'); // ['genre']
 */
export function prefilledAfterAnswer(
  prefilled: readonly string[],
  answers: QuestionnaireAnswers,
  questionId: string,
  value: QuestionAnswer | null,
): string[] {
  if (!prefilled.includes(questionId)) return [...prefilled];
  const before = answers[questionId];
  return value !== null && before !== undefined && sameAnswer(before, value) ? [...prefilled] : prefilled.filter((id) => id !== questionId);
}

/**
 * The prefilled ids whose answer is kept in `answers` (the answers of hidden questions are dropped
 * at review: their prefilled mark goes with them).
 *
 * @example
 * keptPrefilled(['genre', 'secteur'], { genre: 'feminin' }); // ['genre']
 */
export function keptPrefilled(prefilled: readonly string[], answers: QuestionnaireAnswers): string[] {
  return prefilled.filter((id) => answers[id] !== undefined);
}

/** Two answers are the same when their JSON is, the order of ticked options and of commune fields aside. */
function sameAnswer(a: QuestionAnswer, b: QuestionAnswer): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  return JSON.stringify(value);
}
