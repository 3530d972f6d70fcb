/**
 * Rules of the socio-demographic questionnaire (docs/questionnaire.md): which questions show, what a
 * valid answer is, what is still missing, and the check of a whole questionnaire. Pure functions of
 * the content, the answers and the session's clock, so the session, the element and the collector agree.
 */
import type { LocalizedText, Question, Questionnaire } from '../content/types.js';
import { isTestCity } from './test-run.js';
import type { QuestionnaireAnswers } from './types.js';

/**
 * Questions shown for these answers, in content order. A question with `visibleWhen` shows when
 * the earlier answer equals (single choice) or includes (multiple choice) one of `anyOf`, and
 * only if that earlier question shows itself: hiding a question hides what depends on it.
 *
 * @example
 * visibleQuestions(questionnaire, { statut: 'en_emploi' }).map((q) => q.id); // ['statut', 'metier', …]
 */
export function visibleQuestions(questionnaire: Questionnaire, answers: QuestionnaireAnswers): Question[] {
  const visible = new Set<string>();
  const shown: Question[] = [];
  for (const question of questionnaire.questions) {
    const condition = question.visibleWhen;
    if (condition) {
      if (!visible.has(condition.question)) continue;
      const answer = answers[condition.question];
      const chosen = typeof answer === 'string' ? [answer] : Array.isArray(answer) ? answer : [];
      if (!chosen.some((code) => condition.anyOf.includes(code))) continue;
    }
    visible.add(question.id);
    shown.push(question);
  }
  return shown;
}

export type QuestionAnswerIssueCode =
  | 'wrong_type'
  | 'not_an_option'
  | 'duplicate_option'
  | 'exclusive_option_mixed'
  | 'empty'
  | 'too_long'
  | 'year_out_of_range'
  | 'invalid_commune';

/** Why an answer does not fit its question. */
export interface QuestionAnswerIssue {
  code: QuestionAnswerIssueCode;
  /** For developers and logs, in English. */
  message: string;
  /** For the person answering: what is wrong and how to fix it. */
  userMessage: LocalizedText;
}

export interface ValidateQuestionOptions {
  /** Upper bound of a year question without `max` (the year of the session's clock). */
  currentYear: number;
}

/**
 * The `currentYear` for a time of the session's clock: its UTC year, the rule of the session's
 * transitions, so a session, its replay and an element checking answers alone agree in every
 * time zone, New Year's Eve included.
 *
 * @example
 * currentYearAt(Date.parse('2026-01-01T00:30:00+01:00')); // 2025 (23:30 UTC on 31 December)
 */
export function currentYearAt(now: number): number {
  return new Date(now).getUTCFullYear();
}

/**
 * Check one answer against its question. `null` when it is valid.
 * - single: one of the option codes; multiple: option codes, at least one, no duplicates,
 *   an `exclusive` option alone;
 * - year: an integer in [min, max ?? currentYear];
 * - commune: a `CommuneAnswer` (5-digit postal code, INSEE code such as "35238" or "2A004",
 *   department, region), or a test run `{ test: true, name: 'TEST' }`;
 * - text: not blank, at most `maxLength` characters.
 *
 * @example
 * validateQuestionAnswer(yearQuestion, 1958, { currentYear: 2025 }); // null
 * validateQuestionAnswer(yearQuestion, 2031, { currentYear: 2025 })?.code; // 'year_out_of_range'
 */
export function validateQuestionAnswer(question: Question, value: unknown, options: ValidateQuestionOptions): QuestionAnswerIssue | null {
  switch (question.kind) {
    case 'single': {
      if (typeof value !== 'string') return wrongType('must be an option code (a string)', chooseOne);
      if (!question.options.some((option) => option.code === value))
        return issue('not_an_option', `"${value}" is not one of ${codes(question)}`, chooseOne);
      return null;
    }
    case 'multiple': {
      if (!Array.isArray(value) || !value.every((code): code is string => typeof code === 'string'))
        return wrongType('must be a list of option codes (strings)', tickSome);
      if (value.length === 0) return issue('empty', 'must tick at least one option (clear the answer with null instead)', tickSome);
      const unknown = value.find((code) => !question.options.some((option) => option.code === code));
      if (unknown !== undefined) return issue('not_an_option', `"${unknown}" is not one of ${codes(question)}`, chooseOne);
      const duplicate = value.find((code, i) => value.indexOf(code) !== i);
      if (duplicate !== undefined)
        return issue('duplicate_option', `"${duplicate}" is ticked twice`, {
          fr: 'Chaque réponse ne peut être cochée qu’une fois.',
          en: 'Each answer can be ticked only once.',
        });
      const exclusive = question.options.find((option) => option.exclusive && value.includes(option.code));
      if (exclusive && value.length > 1)
        return issue('exclusive_option_mixed', `"${exclusive.code}" must be ticked alone`, {
          fr: `La réponse « ${exclusive.label.fr} » ne peut pas être cochée avec d’autres réponses.`,
          en: `“${exclusive.label.en}” cannot be ticked together with other answers.`,
        });
      return null;
    }
    case 'year': {
      const max = question.max ?? options.currentYear;
      const between = {
        fr: `Écrivez une année en chiffres, entre ${question.min} et ${max}.`,
        en: `Enter a year in figures, between ${question.min} and ${max}.`,
      };
      if (typeof value !== 'number' || !Number.isInteger(value)) return wrongType('must be a whole year (an integer)', between);
      if (value < question.min || value > max) return issue('year_out_of_range', `${value} is not between ${question.min} and ${max}`, between);
      return null;
    }
    case 'commune': {
      const problem = communeProblem(value);
      if (problem === null) return null;
      return issue('invalid_commune', problem, {
        fr: 'Écrivez le code postal, puis choisissez la commune dans la liste proposée.',
        en: 'Enter the postal code, then choose the commune from the list offered.',
      });
    }
    case 'text': {
      if (typeof value !== 'string') return wrongType('must be a text (a string)', writeSomething);
      if (value.trim() === '') return issue('empty', 'must not be blank (clear the answer with null instead)', writeSomething);
      if (value.length > question.maxLength)
        return issue('too_long', `has ${value.length} characters, at most ${question.maxLength} are allowed`, {
          fr: `La réponse est trop longue : ${question.maxLength} caractères au maximum.`,
          en: `The answer is too long: ${question.maxLength} characters at most.`,
        });
      return null;
    }
  }
}

const chooseOne: LocalizedText = { fr: 'Choisissez une des réponses proposées.', en: 'Choose one of the answers offered.' };
const tickSome: LocalizedText = { fr: 'Cochez au moins une des réponses proposées.', en: 'Tick at least one of the answers offered.' };
const writeSomething: LocalizedText = { fr: 'Écrivez votre réponse dans le champ.', en: 'Write your answer in the field.' };

function issue(code: QuestionAnswerIssueCode, message: string, userMessage: LocalizedText): QuestionAnswerIssue {
  return { code, message, userMessage };
}

function wrongType(message: string, userMessage: LocalizedText): QuestionAnswerIssue {
  return issue('wrong_type', message, userMessage);
}

function codes(question: { options: readonly { code: string }[] }): string {
  return question.options.map((option) => `"${option.code}"`).join(', ');
}

const COMMUNE_KEYS = new Set(['test', 'postalCode', 'code', 'name', 'department', 'region', 'epci']);
const TEST_KEYS = new Set(['test', 'postalCode', 'name']);

/** Why a value is not a `CommuneAnswer`, or `null`. */
function communeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be a commune object';
  const record = value as Record<string, unknown>;
  const test = record['test'] === true;
  const allowed = test ? TEST_KEYS : COMMUNE_KEYS;
  const extra = Object.keys(record).find((key) => !allowed.has(key));
  if (extra !== undefined) return `unknown field "${extra}"${test ? ' in a test run' : ''}`;
  if (record['postalCode'] !== undefined || !test) {
    if (typeof record['postalCode'] !== 'string' || !/^\d{5}$/.test(record['postalCode'])) return 'postalCode must be 5 digits';
  }
  if (test) return isTestCity(record['name']) ? null : 'a test run must have the name "TEST"';
  if (record['test'] !== undefined && record['test'] !== false) return 'test must be true or false';
  if (typeof record['code'] !== 'string' || !/^(\d{5}|2[AB]\d{3})$/.test(record['code']))
    return 'code must be the 5-character INSEE code of the commune (e.g. "35238", "2A004")';
  if (typeof record['name'] !== 'string' || record['name'].trim() === '') return 'name must not be empty';
  if (typeof record['department'] !== 'string' || !/^(\d{2,3}|2[AB])$/.test(record['department']))
    return 'department must be a department code (e.g. "35", "2A", "974")';
  if (typeof record['region'] !== 'string' || !/^\d{2}$/.test(record['region'])) return 'region must be a 2-digit region code (e.g. "53")';
  if (record['epci'] !== undefined && (typeof record['epci'] !== 'string' || !/^\d{9}$/.test(record['epci'])))
    return 'epci must be the 9-digit SIREN of the EPCI';
  return null;
}

/**
 * Ids of the visible required questions that have no answer yet, in content order.
 *
 * @example
 * missingRequired(questionnaire, {}); // ['genre', 'naissance', …]
 */
export function missingRequired(questionnaire: Questionnaire, answers: QuestionnaireAnswers): string[] {
  return visibleQuestions(questionnaire, answers)
    .filter((question) => question.required && answers[question.id] === undefined)
    .map((question) => question.id);
}

/** One problem of a questionnaire checked as a whole: the question it is about and why. */
export interface QuestionnaireIssue {
  questionId: string;
  code: QuestionAnswerIssueCode | 'unknown_question' | 'required';
  /** For developers and logs, in English. */
  message: string;
}

/** A questionnaire checked as a whole: the answers kept (visible questions only) and the problems found. */
export interface QuestionnaireCheck {
  /** The answers of the visible questions; answers of hidden questions are dropped, not refused. */
  answers: QuestionnaireAnswers;
  /** The ids of the hidden questions whose answers were dropped, in content order. */
  dropped: string[];
  /** Empty when the questionnaire can be validated. */
  issues: QuestionnaireIssue[];
}

/**
 * Check a whole questionnaire as it is validated (docs/questionnaire.md, "Validation"): every answer
 * must be to a known question and valid for it (year bounds from the session's clock, `now`), as the
 * session checks each answer when it is given; the answers of questions hidden by the other answers
 * are then dropped (not refused); every visible required question must
 * have an answer. The session applies it at `review` and `validateQuestionnaire`, the collector when
 * it receives a validated questionnaire.
 *
 * @example
 * const { answers, issues } = checkQuestionnaire(questionnaire, { genre: 'feminin', metier: 'x' }, Date.now());
 * issues.map((i) => i.questionId); // ['naissance', …] (required, not answered); `metier` dropped when hidden
 */
export function checkQuestionnaire(questionnaire: Questionnaire, answers: QuestionnaireAnswers, now: number): QuestionnaireCheck {
  const issues: QuestionnaireIssue[] = [];
  const currentYear = currentYearAt(now);
  const byId = new Map(questionnaire.questions.map((question) => [question.id, question]));
  for (const [questionId, value] of Object.entries(answers)) {
    const question = byId.get(questionId);
    if (!question) {
      issues.push({ questionId, code: 'unknown_question', message: `unknown question "${questionId}"` });
      continue;
    }
    const problem = validateQuestionAnswer(question, value, { currentYear });
    if (problem) issues.push({ questionId, code: problem.code, message: problem.message });
  }
  const visible = new Set(visibleQuestions(questionnaire, answers).map((q) => q.id));
  const kept: QuestionnaireAnswers = Object.fromEntries(Object.entries(answers).filter(([id]) => visible.has(id)));
  const dropped = questionnaire.questions.filter((q) => answers[q.id] !== undefined && !visible.has(q.id)).map((q) => q.id);
  for (const questionId of missingRequired(questionnaire, kept)) issues.push({ questionId, code: 'required', message: 'is required' });
  return { answers: kept, dropped, issues };
}
