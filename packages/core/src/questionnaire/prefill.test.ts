import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { definition, T0 } from '../session/fixture.test.js';
import { keptPrefilled, mergePrefill, prefilledAfterAnswer } from './prefill.js';
import type { QuestionAnswer, QuestionnaireAnswers } from './types.js';

const questionnaire = definition.questionnaire!;
const rennes = { postalCode: '35000', code: '35238', name: 'Rennes', department: '35', region: '53' };

describe('mergePrefill: valid entries are added and marked, invalid ones reported and left out', () => {
  const cases: [string, QuestionnaireAnswers, Record<string, unknown>, QuestionnaireAnswers, string[], [string, string][]][] = [
    ['nothing to prefill', {}, {}, {}, [], []],
    ['a known option code is added and prefilled', {}, { genre: 'feminin' }, { genre: 'feminin' }, ['genre'], []],
    ['the structure’s commune is added', {}, { commune: rennes }, { commune: rennes }, ['commune'], []],
    ['prefilled ids follow the content order, not the order given', {}, { statut: 'retraite', genre: 'masculin' }, { genre: 'masculin', statut: 'retraite' }, ['genre', 'statut'], []],
    ['an answer already given wins and is not prefilled', { genre: 'masculin' }, { genre: 'feminin' }, { genre: 'masculin' }, [], []],
    ['an unknown question is reported, the rest kept', {}, { age: '60_69', genre: 'feminin' }, { genre: 'feminin' }, ['genre'], [['age', 'unknown_question']]],
    ['an unknown option code is reported', {}, { genre: 'femme' }, {}, [], [['genre', 'not_an_option']]],
    ['a year out of the session’s year is reported', {}, { naissance: 2031 }, {}, [], [['naissance', 'year_out_of_range']]],
    ['a number for a choice is reported', {}, { statut: 3 }, {}, [], [['statut', 'wrong_type']]],
    ['an exclusive option mixed with another is reported', {}, { materiel: ['aucun', 'tablette'] }, {}, [], [['materiel', 'exclusive_option_mixed']]],
    ['a commune without its INSEE code is reported', {}, { commune: { postalCode: '35000', name: 'Rennes' } }, {}, [], [['commune', 'invalid_commune']]],
  ];
  for (const [name, answers, prefill, expected, prefilled, issues] of cases)
    test(name, () => {
      const merged = mergePrefill(questionnaire, answers, prefill, T0);
      assert.deepEqual(merged.answers, expected);
      assert.deepEqual(merged.prefilled, prefilled);
      assert.deepEqual(merged.issues.map((i) => [i.questionId, i.code]), issues);
      for (const issue of merged.issues) assert.match(issue.message, new RegExp(issue.questionId));
    });

  test('ids prefilled earlier stay prefilled while their answer is there', () => {
    assert.deepEqual(mergePrefill(questionnaire, { genre: 'feminin' }, { statut: 'retraite' }, T0, ['genre']).prefilled, ['genre', 'statut']);
    assert.deepEqual(mergePrefill(questionnaire, {}, { statut: 'retraite' }, T0, ['genre']).prefilled, ['statut']);
  });
});

describe('prefilledAfterAnswer: a changed answer is not prefilled any more', () => {
  const cases: [string, string, QuestionAnswer | null, string[]][] = [
    ['the same option again: confirmed, still prefilled', 'genre', 'feminin', ['genre', 'materiel']],
    ['another option: changed', 'genre', 'masculin', ['materiel']],
    ['cleared: not prefilled', 'genre', null, ['materiel']],
    ['the same options ticked in another order: still prefilled', 'materiel', ['telephone', 'tablette'], ['genre', 'materiel']],
    ['one option more: changed', 'materiel', ['tablette', 'telephone', 'ordinateur'], ['genre']],
    ['another question: the prefilled ones are untouched', 'statut', 'retraite', ['genre', 'materiel']],
  ];
  const answers = { genre: 'feminin', materiel: ['tablette', 'telephone'] };
  for (const [name, questionId, value, expected] of cases)
    test(name, () => assert.deepEqual(prefilledAfterAnswer(['genre', 'materiel'], answers, questionId, value), expected));
});

test('keptPrefilled drops the ids whose answer was dropped (hidden question)', () => {
  assert.deepEqual(keptPrefilled(['genre', 'secteur'], { genre: 'feminin' }), ['genre']);
});
