/** A small survey shaped like the real protocol (3, 7 and 5 challenges), a fake clock and play helpers. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSurveyDefinition } from '../content/parse.js';
import type { Challenge, ChallengeInput, SurveyDefinition, SurveyDefinitionInput } from '../content/types.js';
import { createSurveySession } from './session.js';
import type { SessionOptions, SurveySession } from './types.js';

const t = (fr: string) => ({ fr, en: `${fr} (en)` });
const options = (...codes: string[]) => codes.map((code) => ({ code, label: t(code) }));

function qcu(id: string, solution: number, shuffle = false): ChallengeInput {
  return { id, type: 'QCU', instruction: t(`Question ${id}`), proposals: [t('A'), t('B'), t('C'), t('D')], solution, ...(shuffle && { shuffle }) };
}
function qcm(id: string, solution: number[], shuffle = false): ChallengeInput {
  return { id, type: 'QCM', instruction: t(`Question ${id}`), proposals: [t('A'), t('B'), t('C'), t('D'), t('E')], solution, ...(shuffle && { shuffle }) };
}
function qroc(id: string, solution: string): ChallengeInput {
  return { id, type: 'QROC', instruction: t(`Question ${id}`), inputs: [{ key: 'reponse', label: t('Réponse') }], solution: [solution] };
}

export const SURVEY_INPUT: SurveyDefinitionInput = {
  schemaVersion: 1,
  provenance: { author: 'Observatoire', status: 'project' },
  id: 'observatoire-test',
  version: '2025.1',
  title: t('Observatoire'),
  information: { title: t('Information'), body: [t('Nous mesurons…')], consent: t('J’accepte') },
  questionnaire: {
    id: 'socio',
    questions: [
      { id: 'genre', kind: 'single', label: t('Genre'), options: options('masculin', 'feminin', 'non_communique') },
      { id: 'naissance', kind: 'year', label: t('Année de naissance') },
      { id: 'commune', kind: 'commune', label: t('Commune') },
      { id: 'statut', kind: 'single', label: t('Statut'), options: options('scolarise', 'sans_emploi', 'en_emploi', 'retraite') },
      { id: 'secteur', kind: 'single', label: t('Secteur'), options: options('public', 'prive'), visibleWhen: { question: 'statut', anyOf: ['en_emploi'] } },
      { id: 'materiel', kind: 'multiple', label: t('Matériel'), options: [...options('ordinateur', 'telephone', 'tablette'), { code: 'aucun', label: t('Aucun'), exclusive: true }] },
      { id: 'remarque', kind: 'text', label: t('Remarque'), required: false },
    ],
  },
  challenges: [
    qcu('m1', 2, true),
    qroc('m2', 'envoyer'),
    qcu('m3', 1),
    qcu('b1', 3, true),
    qroc('b2', 'courriel'),
    qcm('b3', [1, 3], true),
    qroc('b4', 'mot de passe'),
    qcu('b5', 4),
    qroc('b6', 'navigateur'),
    qcu('b7', 2, true),
    qroc('c1', 'cookie'),
    qcu('c2', 1, true),
    qroc('c3', 'hameconnage'),
    qcm('c4', [2, 4]),
    qroc('c5', 'sauvegarde'),
  ],
  courses: [
    { id: 'manipulation', title: t('Manipulation'), challenges: ['m1', 'm2', 'm3'] },
    { id: 'bases', title: t('Bases'), challenges: ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7'] },
    { id: 'culture', title: t('Culture numérique'), challenges: ['c1', 'c2', 'c3', 'c4', 'c5'] },
  ],
};

export const definition: SurveyDefinition = parseSurveyDefinition(SURVEY_INPUT);

/** The same survey whose first course's challenges have a 30-second timer. */
export const timedDefinition: SurveyDefinition = parseSurveyDefinition({
  ...SURVEY_INPUT,
  id: 'timed',
  challenges: SURVEY_INPUT.challenges.map((c) => (c.id.startsWith('m') ? { ...c, timer: 30 } : c)),
});

/** The same survey without questionnaire (a quick diagnostic). */
export const definitionWithoutQuestionnaire: SurveyDefinition = parseSurveyDefinition({ ...SURVEY_INPUT, id: 'diagnostic', questionnaire: undefined });

export const T0 = Date.UTC(2025, 4, 12, 9, 0, 0);

/** A clock that only moves when told to. */
export function fakeClock(start = T0) {
  let now = start;
  const clock = () => now;
  return Object.assign(clock, {
    tick(ms: number) {
      now += ms;
    },
  });
}

export const COMPLETE_ANSWERS = {
  genre: 'feminin',
  naissance: 1952,
  commune: { postalCode: '35000', code: '35238', name: 'Rennes', department: '35', region: '53' },
  statut: 'retraite',
  materiel: ['tablette'],
} as const;

export function challenge(id: string, of: SurveyDefinition = definition): Challenge {
  const found = of.challenges.find((c) => c.id === id);
  if (!found) throw new Error(`no challenge ${id}`);
  return found;
}

export function rightAnswer(c: Challenge): string {
  switch (c.type) {
    case 'QCU':
      return String(c.solution);
    case 'QCM':
      return c.solution.join(',');
    case 'QROC':
      return c.solution[0] as string;
    default:
      throw new Error(`no right answer helper for ${c.type}`);
  }
}

export function wrongAnswer(c: Challenge): string {
  switch (c.type) {
    case 'QCU':
      return String((c.solution % c.proposals.length) + 1);
    case 'QCM':
      return c.solution.map((i) => (i % c.proposals.length) + 1).join(',');
    case 'QROC':
      return 'zzzzzzzzzz';
    default:
      throw new Error(`no wrong answer helper for ${c.type}`);
  }
}

export type Move = 'ok' | 'ko' | 'skip';

/** Play the current challenges: `ok` right, `ko` wrong, `skip` skipped; `stepMs` of clock per challenge. */
export function play(session: SurveySession, moves: readonly Move[], clock?: { tick(ms: number): void }, stepMs = 0): void {
  for (const move of moves) {
    const current = session.state.current;
    if (!current) throw new Error(`no current challenge (phase ${session.state.phase})`);
    clock?.tick(stepMs);
    const c = challenge(current.challengeId, session.definition);
    if (move === 'skip') session.dispatch({ type: 'skipChallenge', challengeId: c.id });
    else session.dispatch({ type: 'answerChallenge', challengeId: c.id, answer: move === 'ok' ? rightAnswer(c) : wrongAnswer(c) });
  }
}

/** Information → questionnaire filled → review → validated. */
export function validatedSession(options: SessionOptions = {}, answers: Record<string, unknown> = COMPLETE_ANSWERS, of: SurveyDefinition = definition): SurveySession {
  const session = createSurveySession(of, { seed: 'fixture', ...options });
  session.dispatch({ type: 'start', consent: true });
  for (const [questionId, value] of Object.entries(answers))
    session.dispatch({ type: 'answerQuestion', questionId, value: value as never });
  session.dispatch({ type: 'review' });
  session.dispatch({ type: 'validateQuestionnaire' });
  return session;
}

test('the test survey follows the real protocol: courses of 3, 7 and 5 challenges', () => {
  assert.deepEqual(
    definition.courses.map((course) => course.challenges.length),
    [3, 7, 5],
  );
  assert.deepEqual(definition.chaining, { successThreshold: 0.6, testTimeBudgetSeconds: 900 });
  for (const c of definition.challenges) assert.notEqual(rightAnswer(c), wrongAnswer(c));
});
