/** Only what is scored leaves the device (docs/checking.md): the scored fields, and the session's event log. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseChallenge, parseSurveyDefinition } from '../content/parse.js';
import type { Challenge } from '../content/types.js';
import { createSurveySession } from '../session/session.js';
import { SURVEY_INPUT } from '../session/fixture.test.js';
import { onlyScored, scoredAnswer, scoredFields, unscoredFields } from './scored.js';

const text = (fr: string) => ({ fr, en: fr });
const form: Challenge = parseChallenge({
  id: 'formulaire',
  type: 'interactive',
  instruction: text('Écrivez la date'),
  widget: { name: 'obs-w-form', config: {} },
  solution: { naissance: ['05/03/1958'] },
});
const qrocm: Challenge = parseChallenge({
  id: 'qrocm',
  type: 'QROCM-ind',
  instruction: text('Consigne'),
  inputs: [
    { key: 'a', label: text('A') },
    { key: 'b', label: text('B') },
  ],
  solution: { a: ['x'], b: ['y'] },
});
const drag: Challenge = parseChallenge({
  id: 'glisser',
  type: 'interactive',
  instruction: text('Rangez la photo'),
  widget: { name: 'obs-w-drag', config: {} },
  solution: { folder: ['animaux'] },
});
const qcu: Challenge = parseChallenge({ id: 'qcu', type: 'QCU', instruction: text('Consigne'), proposals: [text('1'), text('2')], solution: 1 });

describe('the scored fields of a challenge', () => {
  const cases: Array<{ challenge: Challenge; expected: readonly string[] | undefined; why: string }> = [
    { challenge: form, expected: ['naissance'], why: 'an interactive challenge scores the keys of its solution' },
    { challenge: drag, expected: ['folder', 'mode'], why: 'a drag keeps how it was done (mode) beside its solution keys' },
    { challenge: qrocm, expected: ['a', 'b'], why: 'a QROCM scores each of its inputs' },
    { challenge: qcu, expected: undefined, why: 'a QCU answer is one text: no fields' },
  ];
  for (const { challenge, expected, why } of cases) it(`${challenge.id}: ${why}`, () => assert.deepEqual(scoredFields(challenge), expected));
});

describe('an answer keeps only its scored fields', () => {
  const cases: Array<{ answer: unknown; unscored: string[]; kept: unknown; why: string }> = [
    { answer: { nom: 'Dupont', prenom: 'Jeanne', naissance: '05/03/1958' }, unscored: ['nom', 'prenom'], kept: { naissance: '05/03/1958' }, why: 'a name typed in the form is dropped' },
    { answer: { naissance: '05/03/1958' }, unscored: [], kept: { naissance: '05/03/1958' }, why: 'an answer with only scored fields is kept as it is' },
    { answer: {}, unscored: [], kept: {}, why: 'an empty answer stays empty (checked as wrong)' },
    { answer: 'texte', unscored: [], kept: 'texte', why: 'a text is not a record of fields: nothing to drop' },
  ];
  for (const { answer, unscored, kept, why } of cases)
    it(why, () => {
      assert.deepEqual(unscoredFields(form, answer), unscored);
      assert.deepEqual(scoredAnswer(form, answer as Record<string, string>), kept);
    });

  it('a drag answer keeps its mode and drops anything else', () => {
    assert.deepEqual(onlyScored([drag], 'glisser', { folder: 'animaux', mode: 'tap', photo: 'chat.jpg' }), { folder: 'animaux', mode: 'tap' });
    assert.deepEqual(unscoredFields(form, { naissance: '05/03/1958', mode: 'drag' }), ['mode'], 'a form does not report a mode');
  });

  it('a QROCM answer is not trimmed by the session: an unknown input stays refused by the checking', () => {
    assert.deepEqual(onlyScored([qrocm], 'qrocm', { a: 'x', b: 'y', c: 'z' }), { a: 'x', b: 'y', c: 'z' });
    assert.deepEqual(unscoredFields(qrocm, { a: 'x', b: 'y', c: 'z' }), ['c']);
  });
});

describe('the session records no unscored field', () => {
  it('neither the event log, nor the result, nor the snapshot holds a name typed in a form challenge', () => {
    const input = structuredClone(SURVEY_INPUT);
    input.challenges = [...input.challenges, { ...form, instruction: text('Écrivez la date') }];
    input.courses = input.courses.map((course, index) => (index === 0 ? { ...course, challenges: ['formulaire', ...course.challenges] } : course));
    const session = createSurveySession(parseSurveyDefinition({ ...input, questionnaire: undefined }), { seed: 'scored' });
    session.dispatch({ type: 'start', consent: true });
    session.dispatch({ type: 'answerChallenge', challengeId: 'formulaire', answer: { nom: 'Dupont', prenom: 'Jeanne', naissance: '05/03/1958' } });
    const state = session.state;
    assert.equal(state.courses[0]!.results[0]!.status, 'ok');
    assert.deepEqual(state.courses[0]!.results[0]!.answer, { naissance: '05/03/1958' });
    const saved = JSON.stringify(session.toJSON());
    assert.ok(!saved.includes('Dupont') && !saved.includes('Jeanne'), 'the snapshot holds no name');
  });
});
