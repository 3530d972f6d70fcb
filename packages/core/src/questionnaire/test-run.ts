/**
 * The test-run rule (docs/questionnaire.md, "Test runs"): writing `TEST` as the city marks a session
 * as a trial that must never count in results. The questionnaire element, the session, the collector's
 * export and the analysis all ask this file.
 */
import type { Questionnaire } from '../content/types.js';
import type { CommuneAnswer, QuestionAnswer, QuestionnaireAnswers } from './types.js';

/** What is written as the city to mark a test run (any case, spaces around ignored). */
export const TEST_CITY = 'TEST';

/**
 * Whether a city (or postal code field) as written marks a test run.
 *
 * @example
 * isTestCity(' test '); // true
 * isTestCity('Testes'); // false
 */
export function isTestCity(name: unknown): boolean {
  return typeof name === 'string' && name.trim().toUpperCase() === TEST_CITY;
}

/**
 * The commune answer of a test run.
 *
 * @example
 * testCommune(); // { test: true, name: 'TEST' }
 */
export function testCommune(): CommuneAnswer {
  return { test: true, name: TEST_CITY };
}

/**
 * Whether a commune answer is a test run: `test: true`, or a city written `TEST`.
 *
 * @example
 * isTestCommune({ test: true, name: 'TEST' }); // true
 */
export function isTestCommune(answer: QuestionAnswer | undefined): boolean {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return false;
  const commune = answer as CommuneAnswer;
  return commune.test === true || isTestCity(commune.name);
}

/**
 * A test run: a commune question answered as a test run. A test run must never count in results.
 *
 * @example
 * isTestRun(questionnaire, { commune: { test: true, name: 'TEST' } }); // true
 */
export function isTestRun(questionnaire: Questionnaire, answers: QuestionnaireAnswers): boolean {
  return questionnaire.questions.some((question) => question.kind === 'commune' && isTestCommune(answers[question.id]));
}
