/**
 * How questions are numbered for the people answering (docs/questionnaire.md, "Numbering"): the
 * numbers never move while the answers change. A conditional question (`visibleWhen`) is part of
 * the question it depends on ("Question 10 (suite)"), so the total counts only the questions
 * without a condition and stays the same whatever is shown ("13 questions", never 13 → 14 → 13).
 */
import type { Questionnaire } from '../content/types.js';

/** A question's number as people read it. */
export interface QuestionNumber {
  /** 1-based; a conditional question has the number of the question it depends on. */
  number: number;
  /** A conditional question: shown as the continuation of its parent ("Question 10 (suite)"). */
  continued: boolean;
}

/** The numbers of a questionnaire's questions, and how many numbers there are. */
export interface QuestionNumbering {
  /** The number of questions without a condition: the "13" of "Question 3 sur 13". */
  total: number;
  /** By question id, every question of the questionnaire. */
  numbers: Readonly<Record<string, QuestionNumber>>;
}

/**
 * Number the questions of a questionnaire, from its content alone (not from the answers).
 * Questions without `visibleWhen` are numbered 1, 2, 3… in content order; a question with
 * `visibleWhen` takes the number of the question it depends on, through a chain of conditions,
 * and is `continued`.
 *
 * @example
 * const { total, numbers } = questionNumbers(questionnaire);
 * numbers['thematiques_demarches']; // { number: 10, continued: true }
 * total; // 13 (14 questions, one of them conditional)
 */
export function questionNumbers(questionnaire: Questionnaire): QuestionNumbering {
  const numbers: Record<string, QuestionNumber> = {};
  let total = 0;
  for (const question of questionnaire.questions) {
    // Content checking makes a condition refer to an earlier question; one that does not is numbered on its own.
    const parent = question.visibleWhen && numbers[question.visibleWhen.question];
    if (parent) numbers[question.id] = { number: parent.number, continued: true };
    else numbers[question.id] = { number: (total += 1), continued: false };
  }
  return { total, numbers };
}
