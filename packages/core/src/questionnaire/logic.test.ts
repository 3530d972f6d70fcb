import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSurveyDefinition } from '../content/parse.js';
import type { Question, Questionnaire } from '../content/types.js';
import { checkQuestionnaire, currentYearAt, missingRequired, validateQuestionAnswer, visibleQuestions } from './logic.js';
import { isTestRun } from './test-run.js';
import type { QuestionnaireAnswers } from './types.js';

const t = (fr: string) => ({ fr, en: fr });
const options = (...codes: string[]) => codes.map((code) => ({ code, label: t(code) }));

const questionnaire: Questionnaire = parseSurveyDefinition({
  schemaVersion: 1,
  provenance: { author: 'Observatoire', status: 'project' },
  id: 'logic-test',
  version: '1',
  title: t('Test'),
  information: { title: t('Info'), body: [t('Texte')], consent: t('J’accepte') },
  questionnaire: {
    id: 'q',
    questions: [
      { id: 'genre', kind: 'single', label: t('Genre'), options: options('masculin', 'feminin', 'non_communique') },
      { id: 'naissance', kind: 'year', label: t('Année de naissance'), min: 1900 },
      { id: 'commune', kind: 'commune', label: t('Commune') },
      { id: 'statut', kind: 'single', label: t('Statut'), options: options('scolarise', 'en_emploi', 'retraite') },
      { id: 'secteur', kind: 'single', label: t('Secteur'), options: options('bureau', 'atelier'), visibleWhen: { question: 'statut', anyOf: ['en_emploi'] } },
      { id: 'teletravail', kind: 'single', label: t('Télétravail'), options: options('oui', 'non'), visibleWhen: { question: 'secteur', anyOf: ['bureau'] } },
      { id: 'materiel', kind: 'multiple', label: t('Matériel'), options: [...options('ordinateur', 'telephone', 'tablette'), { code: 'aucun', label: t('Pas de matériel'), exclusive: true }] },
      { id: 'tablette_usage', kind: 'single', label: t('Usage'), options: options('seul', 'aide'), visibleWhen: { question: 'materiel', anyOf: ['tablette', 'telephone'] } },
      { id: 'metier', kind: 'text', label: t('Métier'), maxLength: 10, required: false },
      { id: 'arrivee', kind: 'year', label: t('Année d’arrivée'), min: 2000, max: 2020, required: false },
    ],
  },
  challenges: [{ id: 'c1', type: 'QROC', instruction: t('?'), inputs: [{ key: 'r', label: t('R') }], solution: ['x'] }],
  courses: [{ id: 'p1', title: t('Parcours'), challenges: ['c1'] }],
}).questionnaire!;

const question = (id: string): Question => questionnaire.questions.find((q) => q.id === id)!;
const ids = (answers: QuestionnaireAnswers) => visibleQuestions(questionnaire, answers).map((q) => q.id);
const always = ['genre', 'naissance', 'commune', 'statut', 'materiel', 'metier', 'arrivee'];
const commune = { postalCode: '35000', code: '35238', name: 'Rennes', department: '35', region: '53' };

describe('visibleQuestions', () => {
  const cases: [string, QuestionnaireAnswers, string[]][] = [
    ['no answer: only unconditioned questions', {}, always],
    ['single choice equal to anyOf shows the question', { statut: 'en_emploi' }, ['genre', 'naissance', 'commune', 'statut', 'secteur', 'materiel', 'metier', 'arrivee']],
    ['single choice not in anyOf hides it', { statut: 'retraite' }, always],
    ['chained condition holds', { statut: 'en_emploi', secteur: 'bureau' }, ['genre', 'naissance', 'commune', 'statut', 'secteur', 'teletravail', 'materiel', 'metier', 'arrivee']],
    ['hidden parent hides the child even when the parent answer matches', { statut: 'retraite', secteur: 'bureau' }, always],
    ['multiple choice including one of anyOf shows it', { materiel: ['ordinateur', 'telephone'] }, ['genre', 'naissance', 'commune', 'statut', 'materiel', 'tablette_usage', 'metier', 'arrivee']],
    ['multiple choice without any of anyOf hides it', { materiel: ['ordinateur'] }, always],
  ];
  for (const [name, answers, expected] of cases) test(name, () => assert.deepEqual(ids(answers), expected));
});

describe('currentYearAt', () => {
  const cases: [string, string, number][] = [
    ['New Year’s Eve in UTC', '2025-12-31T23:59:59.999Z', 2025],
    ['New Year in UTC', '2026-01-01T00:00:00.000Z', 2026],
    ['already 2026 in Paris, still 2025 in UTC', '2026-01-01T00:30:00+01:00', 2025],
    ['still 2025 in Guadeloupe, already 2026 in UTC', '2025-12-31T21:30:00-04:00', 2026],
  ];
  for (const [name, time, year] of cases) test(name, () => assert.equal(currentYearAt(Date.parse(time)), year));

  test('bounds a year question without max like the session', () => {
    const now = Date.parse('2026-01-01T00:30:00+01:00');
    assert.equal(validateQuestionAnswer(question('naissance'), 2025, { currentYear: currentYearAt(now) }), null);
    assert.equal(validateQuestionAnswer(question('naissance'), 2026, { currentYear: currentYearAt(now) })?.code, 'year_out_of_range');
  });
});

describe('validateQuestionAnswer', () => {
  const currentYear = 2025;
  const cases: [string, string, unknown, string | null][] = [
    ['single: an option code', 'genre', 'feminin', null],
    ['single: unknown code', 'genre', 'autre', 'not_an_option'],
    ['single: not a string', 'genre', 1, 'wrong_type'],
    ['single: a list', 'genre', ['feminin'], 'wrong_type'],
    ['multiple: option codes', 'materiel', ['ordinateur', 'tablette'], null],
    ['multiple: the exclusive option alone', 'materiel', ['aucun'], null],
    ['multiple: exclusive option with another', 'materiel', ['aucun', 'telephone'], 'exclusive_option_mixed'],
    ['multiple: duplicate', 'materiel', ['telephone', 'telephone'], 'duplicate_option'],
    ['multiple: unknown code', 'materiel', ['console'], 'not_an_option'],
    ['multiple: empty list', 'materiel', [], 'empty'],
    ['multiple: a string instead of a list', 'materiel', 'telephone', 'wrong_type'],
    ['multiple: a non-string item', 'materiel', ['telephone', 2], 'wrong_type'],
    ['year: min edge', 'naissance', 1900, null],
    ['year: below min', 'naissance', 1899, 'year_out_of_range'],
    ['year: current year is the default max', 'naissance', 2025, null],
    ['year: after the current year', 'naissance', 2026, 'year_out_of_range'],
    ['year: explicit max edge', 'arrivee', 2020, null],
    ['year: above explicit max', 'arrivee', 2021, 'year_out_of_range'],
    ['year: not an integer', 'naissance', 1958.5, 'wrong_type'],
    ['year: a string', 'naissance', '1958', 'wrong_type'],
    ['year: NaN', 'naissance', Number.NaN, 'wrong_type'],
    ['text: within maxLength', 'metier', 'boulanger', null],
    ['text: exactly maxLength', 'metier', 'abcdefghij', null],
    ['text: over maxLength', 'metier', 'abcdefghijk', 'too_long'],
    ['text: blank', 'metier', '   ', 'empty'],
    ['text: not a string', 'metier', 12, 'wrong_type'],
    ['commune: a full commune', 'commune', commune, null],
    ['commune: Corsican INSEE code', 'commune', { postalCode: '20000', code: '2A004', name: 'Ajaccio', department: '2A', region: '94' }, null],
    ['commune: overseas department, with EPCI', 'commune', { postalCode: '97400', code: '97411', name: 'Saint-Denis', department: '974', region: '04', epci: '249740119' }, null],
    ['commune: test run', 'commune', { test: true, name: 'TEST' }, null],
    ['commune: test run, any case, spaces, postal code', 'commune', { test: true, name: ' test ', postalCode: '35000' }, null],
    ['commune: explicit test false', 'commune', { ...commune, test: false }, null],
    ['commune: test run with another name', 'commune', { test: true, name: 'Rennes' }, 'invalid_commune'],
    ['commune: postal code of 4 digits', 'commune', { ...commune, postalCode: '3500' }, 'invalid_commune'],
    ['commune: test run with a bad postal code', 'commune', { test: true, name: 'TEST', postalCode: 'abc' }, 'invalid_commune'],
    ['commune: INSEE code of 4 characters', 'commune', { ...commune, code: '3523' }, 'invalid_commune'],
    ['commune: INSEE code with letters outside Corsica', 'commune', { ...commune, code: '3C238' }, 'invalid_commune'],
    ['commune: empty name', 'commune', { ...commune, name: ' ' }, 'invalid_commune'],
    ['commune: missing department', 'commune', { postalCode: '35000', code: '35238', name: 'Rennes', region: '53' }, 'invalid_commune'],
    ['commune: bad region', 'commune', { ...commune, region: 'Bretagne' }, 'invalid_commune'],
    ['commune: bad EPCI', 'commune', { ...commune, epci: '123' }, 'invalid_commune'],
    ['commune: unknown field', 'commune', { ...commune, population: 220000 }, 'invalid_commune'],
    ['commune: test not a boolean', 'commune', { ...commune, test: 'yes' }, 'invalid_commune'],
    ['commune: a string', 'commune', 'Rennes', 'invalid_commune'],
    ['commune: null', 'commune', null, 'invalid_commune'],
  ];
  for (const [name, id, value, code] of cases)
    test(name, () => {
      const issue = validateQuestionAnswer(question(id), value, { currentYear });
      assert.equal(issue?.code ?? null, code);
      if (issue) {
        assert.ok(issue.message.length > 0);
        assert.ok(issue.userMessage.fr.length > 0 && issue.userMessage.en.length > 0);
      }
    });

  test('the exclusive option message names the option, in both languages', () => {
    const issue = validateQuestionAnswer(question('materiel'), ['telephone', 'aucun'], { currentYear });
    assert.match(issue!.userMessage.fr, /Pas de matériel/);
    assert.match(issue!.userMessage.en, /Pas de matériel/);
  });

  test('the year message says which years are accepted', () => {
    const issue = validateQuestionAnswer(question('naissance'), 1850, { currentYear });
    assert.match(issue!.userMessage.fr, /1900 et 2025/);
    assert.match(issue!.message, /1850/);
  });
});

describe('missingRequired', () => {
  const full = { genre: 'feminin', naissance: 1950, commune, statut: 'retraite', materiel: ['ordinateur'] };
  const cases: [string, QuestionnaireAnswers, string[]][] = [
    ['nothing answered: every visible required question', {}, ['genre', 'naissance', 'commune', 'statut', 'materiel']],
    ['all visible required answered, optional left out', full, []],
    ['a condition that holds adds its required question', { ...full, statut: 'en_emploi' }, ['secteur']],
    ['chained required question', { ...full, statut: 'en_emploi', secteur: 'bureau' }, ['teletravail']],
    ['a hidden question is never missing', { ...full, materiel: ['aucun'] }, []],
    ['condition on a multiple choice', { ...full, materiel: ['tablette'] }, ['tablette_usage']],
  ];
  for (const [name, answers, expected] of cases) test(name, () => assert.deepEqual(missingRequired(questionnaire, answers), expected));
});

describe('isTestRun', () => {
  const cases: [string, QuestionnaireAnswers, boolean][] = [
    ['no answer', {}, false],
    ['a real commune', { commune }, false],
    ['test flag', { commune: { test: true, name: 'TEST' } }, true],
    ['city written TEST without the flag', { commune: { ...commune, name: 'TEST' } }, true],
    ['city written " test " (any case, trimmed)', { commune: { ...commune, name: ' test ' } }, true],
    ['a city that only contains "test"', { commune: { ...commune, name: 'Testville' } }, false],
    ['TEST in a text question is not the city', { metier: 'TEST' }, false],
  ];
  for (const [name, answers, expected] of cases) test(name, () => assert.equal(isTestRun(questionnaire, answers), expected));
});

describe('checkQuestionnaire: the questionnaire as a whole, as validated', () => {
  const full = { genre: 'feminin', naissance: 1950, commune, statut: 'retraite', materiel: ['ordinateur'] };
  const now = Date.UTC(2025, 5, 1);
  const cases: [string, QuestionnaireAnswers, { kept: string[]; dropped: string[]; issues: string[] }][] = [
    ['complete: nothing to say', full, { kept: Object.keys(full), dropped: [], issues: [] }],
    [
      'an answer to a hidden question is dropped, not refused',
      { ...full, secteur: 'bureau' },
      { kept: Object.keys(full), dropped: ['secteur'], issues: [] },
    ],
    ['a missing required answer is an issue', { ...full, genre: undefined as never }, { kept: Object.keys(full).filter((k) => k !== 'genre'), dropped: [], issues: ['genre:required'] }],
    ['an unknown question is an issue', { ...full, age: 'x' }, { kept: Object.keys(full), dropped: [], issues: ['age:unknown_question'] }],
    ['a year after the clock year is an issue', { ...full, naissance: 2026 }, { kept: Object.keys(full), dropped: [], issues: ['naissance:year_out_of_range'] }],
  ];
  for (const [name, answers, expected] of cases)
    test(name, () => {
      const defined = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined)) as QuestionnaireAnswers;
      const check = checkQuestionnaire(questionnaire, defined, now);
      assert.deepEqual(Object.keys(check.answers).sort(), [...expected.kept].sort());
      assert.deepEqual(check.dropped, expected.dropped);
      assert.deepEqual(check.issues.map((i) => `${i.questionId}:${i.code}`), expected.issues);
    });
});
