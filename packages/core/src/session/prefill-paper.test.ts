import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ProtocolError, type ProtocolErrorCode } from '../errors.js';
import { createSurveySession } from './session.js';
import { restoreSurveySession } from './restore.js';
import type { SessionAction, SurveySession } from './types.js';
import { COMPLETE_ANSWERS, T0, definition, definitionWithoutQuestionnaire, fakeClock } from './fixture.test.js';

function started(action: SessionAction = { type: 'start', consent: true }): SurveySession {
  const session = createSurveySession(definition, { seed: 'prefill', clock: fakeClock() });
  session.dispatch(action);
  return session;
}

function refused(session: SurveySession, action: SessionAction, code: ProtocolErrorCode): ProtocolError {
  const before = session.state;
  let caught: ProtocolError | undefined;
  assert.throws(() => session.dispatch(action), (error) => (caught = error as ProtocolError) instanceof ProtocolError && caught.code === code);
  assert.equal(session.state, before, 'a refused action changes nothing');
  return caught!;
}

function answerAll(session: SurveySession, skip: readonly string[] = []): void {
  for (const [questionId, value] of Object.entries(COMPLETE_ANSWERS))
    if (!skip.includes(questionId)) session.dispatch({ type: 'answerQuestion', questionId, value: value as never });
}

describe('prefill: known answers recorded in the event log, to be confirmed', () => {
  test('a prefill sets the answers, marks them prefilled and is logged as the mediator’s', () => {
    const session = started();
    session.dispatch({ type: 'prefill', answers: { genre: 'feminin', statut: 'retraite' } });
    assert.deepEqual(session.state.questionnaire.answers, { genre: 'feminin', statut: 'retraite' });
    assert.deepEqual(session.state.questionnaire.prefilled, ['genre', 'statut']);
    const event = session.state.events.at(-1)!;
    assert.equal(event.actor, 'mediator');
    assert.deepEqual(event.action, { type: 'prefill', answers: { genre: 'feminin', statut: 'retraite' } });
  });

  test('without a prefill the state has no prefilled list (earlier snapshots stay valid)', () => {
    const session = started();
    answerAll(session);
    assert.equal('prefilled' in session.state.questionnaire, false);
  });

  const refusals: [string, Record<string, unknown>, ProtocolErrorCode, string[]][] = [
    ['an unknown option code', { genre: 'femme', statut: 'retraite' }, 'invalid_question_answer', ['genre']],
    ['an unknown question', { age: '60_69' }, 'unknown_question', ['age']],
  ];
  for (const [name, answers, code, ids] of refusals)
    test(`refused whole with ${name}, naming the question`, () => {
      const error = refused(started(), { type: 'prefill', answers: answers as never }, code);
      assert.deepEqual(error.ids, ids);
    });

  test('an answer changed by the person is not prefilled any more; the same answer stays prefilled', () => {
    const session = started();
    session.dispatch({ type: 'prefill', answers: { genre: 'feminin', statut: 'retraite' } });
    session.dispatch({ type: 'answerQuestion', questionId: 'genre', value: 'feminin' });
    session.dispatch({ type: 'answerQuestion', questionId: 'statut', value: 'scolarise' });
    assert.deepEqual(session.state.questionnaire.prefilled, ['genre']);
    session.dispatch({ type: 'answerQuestion', questionId: 'statut', value: 'retraite' });
    assert.deepEqual(session.state.questionnaire.prefilled, ['genre'], 'changed back by hand: the person’s answer now');
  });

  test('the review drops a hidden question’s prefilled mark with its answer; validation keeps the rest', () => {
    const session = started();
    session.dispatch({ type: 'prefill', answers: { statut: 'en_emploi', secteur: 'public', genre: 'feminin' } });
    answerAll(session, ['genre']);
    session.dispatch({ type: 'review' });
    assert.deepEqual(session.state.questionnaire.prefilled, ['genre']);
    session.dispatch({ type: 'validateQuestionnaire' });
    assert.deepEqual(session.state.questionnaire.prefilled, ['genre']);
    refused(session, { type: 'prefill', answers: { genre: 'masculin' } }, 'questionnaire_locked');
  });

  test('a prefilled session survives a snapshot round trip', () => {
    const session = started();
    session.dispatch({ type: 'prefill', answers: { genre: 'feminin' } });
    const again = restoreSurveySession(definition, JSON.parse(JSON.stringify(session)), { clock: fakeClock() });
    assert.deepEqual(again.state.questionnaire.prefilled, ['genre']);
  });
});

describe('paper channel: a paper form typed in by a mediator', () => {
  const paper = { type: 'start', consent: true, channel: 'paper', paperDate: '2025-05-10' } as const;

  test('the session records the channel and the date, and ends with the questionnaire: no course', () => {
    const session = started(paper);
    assert.equal(session.state.channel, 'paper');
    assert.equal(session.state.paperDate, '2025-05-10');
    answerAll(session);
    session.dispatch({ type: 'review' });
    session.dispatch({ type: 'validateQuestionnaire' });
    assert.equal(session.state.phase, 'finished');
    assert.equal(session.state.endReason, 'completed');
    assert.ok(session.state.courses.every((course) => course.status === 'not_reached'));
    refused(session, { type: 'continue' }, 'session_finished');
  });

  test('an online session has no channel field and goes on to the courses', () => {
    const session = started({ type: 'start', consent: true, channel: 'online' } as SessionAction);
    assert.equal('channel' in session.state, false);
    assert.deepEqual(session.state.events[0]!.action, { type: 'start', consent: true });
  });

  const refusals: [string, Record<string, unknown>, ProtocolErrorCode][] = [
    ['a date after the day of entry', { ...paper, paperDate: '2025-05-20' }, 'invalid_paper_date'],
    ['an impossible date', { ...paper, paperDate: '2025-02-30' }, 'invalid_paper_date'],
    ['a paper session without a date', { type: 'start', consent: true, channel: 'paper' }, 'invalid_action'],
    ['a date without the paper channel', { type: 'start', consent: true, paperDate: '2025-05-10' }, 'invalid_action'],
    ['an unknown channel', { type: 'start', consent: true, channel: 'phone' }, 'invalid_action'],
  ];
  for (const [name, action, code] of refusals)
    test(`start refused: ${name}`, () => {
      const session = createSurveySession(definition, { seed: 'paper', clock: fakeClock() });
      refused(session, action as unknown as SessionAction, code);
    });

  test('a survey without a questionnaire takes no paper form', () => {
    const session = createSurveySession(definitionWithoutQuestionnaire, { seed: 'paper', clock: () => T0 });
    refused(session, paper, 'invalid_action');
  });

  test('a paper session survives a snapshot round trip', () => {
    const session = started(paper);
    const again = restoreSurveySession(definition, JSON.parse(JSON.stringify(session)), { clock: fakeClock() });
    assert.equal(again.state.paperDate, '2025-05-10');
  });
});
