import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parseSurveyDefinition } from '../content/parse.js';
import type { Questionnaire, SurveyDefinitionInput } from '../content/types.js';
import { visibleQuestions } from './logic.js';
import { questionNumbers } from './numbering.js';
import type { QuestionnaireAnswers } from './types.js';

const t = (fr: string) => ({ fr, en: fr });
const options = (...codes: string[]) => codes.map((code) => ({ code, label: t(code) }));

function questionnaireOf(questions: NonNullable<SurveyDefinitionInput['questionnaire']>['questions']): Questionnaire {
  return parseSurveyDefinition({
    schemaVersion: 1,
    provenance: { author: 'Observatoire', status: 'project' },
    id: 'numbering-test',
    version: '1',
    title: t('Test'),
    information: { title: t('Info'), body: [t('Texte')], consent: t('J’accepte') },
    questionnaire: { id: 'q', questions },
    challenges: [{ id: 'c1', type: 'QROC', instruction: t('?'), inputs: [{ key: 'r', label: t('R') }], solution: ['x'] }],
    courses: [{ id: 'p1', title: t('Parcours'), challenges: ['c1'] }],
  }).questionnaire!;
}

const single = (id: string, visibleWhen?: { question: string; anyOf: string[] }) => ({
  id,
  kind: 'single' as const,
  label: t(id),
  options: options('oui', 'non'),
  ...(visibleWhen && { visibleWhen }),
});
const when = (question: string) => ({ question, anyOf: ['oui'] });

describe('questionNumbers: a conditional question is numbered as part of the question it depends on', () => {
  const cases: [string, Questionnaire, number, Record<string, [number, boolean]>][] = [
    ['no condition: 1, 2, 3', questionnaireOf([single('a'), single('b'), single('c')]), 3, { a: [1, false], b: [2, false], c: [3, false] }],
    [
      'a conditional question takes its parent’s number and does not count',
      questionnaireOf([single('a'), single('b'), single('b_suite', when('b')), single('c')]),
      3,
      { a: [1, false], b: [2, false], b_suite: [2, true], c: [3, false] },
    ],
    [
      'a chain of conditions goes back to the first question without one',
      questionnaireOf([single('a'), single('a1', when('a')), single('a2', when('a1')), single('b')]),
      2,
      { a: [1, false], a1: [1, true], a2: [1, true], b: [2, false] },
    ],
    [
      'a condition on an earlier, not the previous, question',
      questionnaireOf([single('a'), single('b'), single('a_suite', when('a'))]),
      2,
      { a: [1, false], b: [2, false], a_suite: [1, true] },
    ],
    [
      'a condition that names no earlier question (a hand-built questionnaire) is numbered on its own',
      { id: 'q', questions: [{ ...single('a'), required: true }, { ...single('b', when('absent')), required: true }] } as Questionnaire,
      2,
      { a: [1, false], b: [2, false] },
    ],
  ];
  for (const [name, questionnaire, total, expected] of cases)
    test(name, () => {
      const numbering = questionNumbers(questionnaire);
      assert.equal(numbering.total, total);
      assert.deepEqual(
        Object.fromEntries(Object.entries(numbering.numbers).map(([id, { number, continued }]) => [id, [number, continued]])),
        expected,
      );
    });

  test('the numbers do not depend on the answers: the total stays while a conditional question shows and hides', () => {
    const questionnaire = questionnaireOf([single('a'), single('b'), single('b_suite', when('b')), single('c')]);
    const { total, numbers } = questionNumbers(questionnaire);
    const shown = (answers: QuestionnaireAnswers) => visibleQuestions(questionnaire, answers).map((q) => numbers[q.id]!.number);
    assert.deepEqual(shown({}), [1, 2, 3]);
    assert.deepEqual(shown({ b: 'oui' }), [1, 2, 2, 3]);
    assert.equal(total, 3);
  });

  test('the shipped survey: 13 questions, "thematiques_demarches" is question 10 (continued)', () => {
    const json: unknown = JSON.parse(readFileSync(new URL('../../../content/surveys/observatoire-2025.json', import.meta.url), 'utf8'));
    const { total, numbers } = questionNumbers(parseSurveyDefinition(json).questionnaire!);
    assert.equal(total, 13);
    assert.deepEqual(numbers['thematiques'], { number: 10, continued: false });
    assert.deepEqual(numbers['thematiques_demarches'], { number: 10, continued: true });
    assert.deepEqual(numbers['connu_par'], { number: 11, continued: false });
  });
});
