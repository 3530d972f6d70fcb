import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AnswerShapeError, ProtocolError, type ProtocolErrorCode } from '../errors.js';
import { parseSurveyDefinition } from '../content/parse.js';
import { allowedActions, createSurveySession } from './session.js';
import type { SessionAction, SessionEvent, SessionState, SurveySession } from './types.js';
import {
  COMPLETE_ANSWERS,
  SURVEY_INPUT,
  T0,
  timedDefinition,
  challenge,
  definition,
  definitionWithoutQuestionnaire,
  fakeClock,
  play,
  rightAnswer,
  validatedSession,
  wrongAnswer,
} from './fixture.test.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The session after `continue` into course 0. */
function inFirstCourse(clock = fakeClock()): SurveySession {
  const session = validatedSession({ clock });
  session.dispatch({ type: 'continue' });
  return session;
}

function assertRefused(session: SurveySession, action: SessionAction, code: ProtocolErrorCode, ids?: readonly string[]): ProtocolError {
  const before = session.state;
  let caught: unknown;
  assert.throws(
    () => session.dispatch(action),
    (error) => {
      caught = error;
      return error instanceof ProtocolError && error.code === code;
    },
  );
  assert.equal(session.state, before, 'a refused action leaves the state unchanged');
  assert.equal(session.state.events.length, before.events.length, 'a refused action is not logged');
  const error = caught as ProtocolError;
  if (ids) assert.deepEqual(error.ids, ids);
  return error;
}

describe('phases and transitions', () => {
  test('a new session is on the information screen, with every course not_reached', () => {
    const session = createSurveySession(definition, { seed: 's', clock: fakeClock() });
    const state = session.state;
    assert.equal(state.phase, 'information');
    assert.equal(state.startedAt, T0);
    assert.equal(state.surveyId, 'observatoire-test');
    assert.equal(state.contentVersion, '2025.1');
    assert.match(state.sessionId, UUID);
    assert.equal(state.courseIndex, -1);
    assert.equal(state.current, undefined);
    assert.deepEqual(
      state.courses.map((c) => [c.courseId, c.status]),
      [
        ['manipulation', 'not_reached'],
        ['bases', 'not_reached'],
        ['culture', 'not_reached'],
      ],
    );
    assert.deepEqual(state.questionnaire, { answers: {}, filledByMediator: false, locked: false });
    assert.deepEqual(state.events, []);
    assert.equal(session.recommendation(), null);
  });

  test('start: information → questionnaire, logged as event 1 by the participant', () => {
    const clock = fakeClock();
    const session = createSurveySession(definition, { seed: 's', clock });
    clock.tick(5000);
    session.dispatch({ type: 'start', consent: true });
    assert.equal(session.state.phase, 'questionnaire');
    assert.deepEqual(session.state.events, [{ id: `${session.state.sessionId}-1`, seq: 1, at: T0 + 5000, actor: 'participant', action: { type: 'start', consent: true } }]);
  });

  test('answerQuestion stores the answer, null clears it; setFilledByMediator', () => {
    const session = createSurveySession(definition, { seed: 's', clock: fakeClock() });
    session.dispatch({ type: 'start', consent: true });
    session.dispatch({ type: 'answerQuestion', questionId: 'genre', value: 'feminin' });
    session.dispatch({ type: 'answerQuestion', questionId: 'materiel', value: ['telephone', 'tablette'] });
    assert.deepEqual(session.state.questionnaire.answers, { genre: 'feminin', materiel: ['telephone', 'tablette'] });
    session.dispatch({ type: 'answerQuestion', questionId: 'genre', value: 'masculin' });
    assert.equal(session.state.questionnaire.answers['genre'], 'masculin');
    session.dispatch({ type: 'answerQuestion', questionId: 'genre', value: null });
    assert.deepEqual(session.state.questionnaire.answers, { materiel: ['telephone', 'tablette'] });
    session.dispatch({ type: 'setFilledByMediator', value: true, actor: 'mediator' });
    assert.equal(session.state.questionnaire.filledByMediator, true);
    assert.equal(session.state.events.at(-1)?.actor, 'mediator');
  });

  test('the stored answer is a copy: changing the caller’s array later changes nothing', () => {
    const session = createSurveySession(definition, { seed: 's', clock: fakeClock() });
    session.dispatch({ type: 'start', consent: true });
    const value = ['telephone'];
    session.dispatch({ type: 'answerQuestion', questionId: 'materiel', value });
    value.push('tablette');
    assert.deepEqual(session.state.questionnaire.answers['materiel'], ['telephone']);
  });

  test('review → editAnswers goes back → review → validateQuestionnaire locks the answers', () => {
    const clock = fakeClock();
    const session = createSurveySession(definition, { seed: 's', clock });
    session.dispatch({ type: 'start', consent: true });
    for (const [questionId, value] of Object.entries(COMPLETE_ANSWERS))
      session.dispatch({ type: 'answerQuestion', questionId, value: value as never });
    session.dispatch({ type: 'review' });
    assert.equal(session.state.phase, 'review');
    session.dispatch({ type: 'editAnswers' });
    assert.equal(session.state.phase, 'questionnaire');
    session.dispatch({ type: 'answerQuestion', questionId: 'remarque', value: 'Première fois' });
    session.dispatch({ type: 'review' });
    clock.tick(60_000);
    session.dispatch({ type: 'validateQuestionnaire' });
    assert.equal(session.state.phase, 'validated');
    assert.equal(session.state.questionnaire.locked, true);
    assert.equal(session.state.questionnaire.validatedAt, T0 + 60_000);
    assert.equal(session.state.questionnaire.answers['remarque'], 'Première fois');
    assert.deepEqual(allowedActions(session.state.phase), ['continue', 'resume']);
  });

  test('continue after validation starts course 0 with its first challenge current', () => {
    const clock = fakeClock();
    const session = validatedSession({ clock });
    clock.tick(1000);
    session.dispatch({ type: 'continue' });
    const state = session.state;
    assert.equal(state.phase, 'course');
    assert.equal(state.courseIndex, 0);
    assert.deepEqual(
      { ...state.courses[0], results: [...(state.courses[0]?.results ?? [])] },
      { courseId: 'manipulation', status: 'in_progress', startedAt: T0 + 1000, results: [], skippedRemaining: false },
    );
    assert.equal(state.current?.challengeId, 'm1');
    assert.equal(state.current?.index, 0);
    assert.equal(state.current?.startedAt, T0 + 1000);
  });

  test('answering moves to the next challenge; after the last one of a course: endOfCourse', () => {
    const clock = fakeClock();
    const session = inFirstCourse(clock);
    play(session, ['ok'], clock, 1000);
    assert.equal(session.state.current?.challengeId, 'm2');
    assert.equal(session.state.current?.index, 1);
    play(session, ['ko', 'ok'], clock, 1000);
    const state = session.state;
    assert.equal(state.phase, 'endOfCourse');
    assert.equal(state.current, undefined);
    assert.equal('current' in state, false);
    assert.equal(state.courses[0]?.status, 'ended');
    assert.equal(state.courses[0]?.endedAt, T0 + 3000);
    assert.deepEqual(
      state.courses[0]?.results.map((r) => [r.challengeId, r.status]),
      [
        ['m1', 'ok'],
        ['m2', 'ko'],
        ['m3', 'ok'],
      ],
    );
  });

  test('continue at the end of a course starts the next one; the last course ends the session as completed', () => {
    const clock = fakeClock();
    const session = inFirstCourse(clock);
    play(session, ['ok', 'ok', 'ok'], clock, 1000);
    clock.tick(500);
    session.dispatch({ type: 'continue' });
    assert.equal(session.state.phase, 'course');
    assert.equal(session.state.courseIndex, 1);
    assert.equal(session.state.courses[1]?.startedAt, T0 + 3500);
    assert.equal(session.state.current?.challengeId, 'b1');
    play(session, ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'], clock, 1000);
    assert.equal(session.state.phase, 'endOfCourse');
    session.dispatch({ type: 'continue' });
    play(session, ['ok', 'ko', 'ok', 'ok', 'ok'], clock, 1000);
    const state = session.state;
    assert.equal(state.phase, 'finished');
    assert.equal(state.endReason, 'completed');
    assert.deepEqual(
      state.courses.map((c) => [c.status, c.results.length]),
      [
        ['ended', 3],
        ['ended', 7],
        ['ended', 5],
      ],
    );
  });

  test('without a questionnaire, start goes straight to course 0', () => {
    const session = createSurveySession(definitionWithoutQuestionnaire, { seed: 's', clock: fakeClock() });
    session.dispatch({ type: 'start', consent: true });
    assert.equal(session.state.phase, 'course');
    assert.equal(session.state.courseIndex, 0);
    assert.equal(session.state.current?.challengeId, 'm1');
    assertRefused(session, { type: 'review' }, 'wrong_phase');
  });

  test('quit at an end-of-course page: finished, quit, the courses not played stay not_reached', () => {
    const session = inFirstCourse();
    play(session, ['ok', 'ko', 'ko']);
    session.dispatch({ type: 'quit' });
    const state = session.state;
    assert.equal(state.phase, 'finished');
    assert.equal(state.endReason, 'quit');
    assert.deepEqual(
      state.courses.map((c) => c.status),
      ['ended', 'not_reached', 'not_reached'],
    );
    assert.equal(session.recommendation(), null);
  });

  test('resume counts an interruption in any phase but finished, and is logged', () => {
    const session = createSurveySession(definition, { seed: 's', clock: fakeClock() });
    session.dispatch({ type: 'resume' });
    session.dispatch({ type: 'start', consent: true });
    session.dispatch({ type: 'resume' });
    assert.equal(session.state.interruptions, 2);
    assert.equal(session.state.phase, 'questionnaire');
    assert.deepEqual(
      session.state.events.map((e) => e.action.type),
      ['resume', 'start', 'resume'],
    );
    const finished = inFirstCourse();
    play(finished, ['ok', 'ok', 'ok']);
    finished.dispatch({ type: 'resume' });
    assert.equal(finished.state.interruptions, 1);
    finished.dispatch({ type: 'quit' });
    assertRefused(finished, { type: 'resume' }, 'session_finished');
  });

  test('the event log is append-only: seq 1, 2, 3… and ids `<sessionId>-<seq>`', () => {
    const session = inFirstCourse();
    play(session, ['ok', 'skip']);
    const { events, sessionId } = session.state;
    events.forEach((event, i) => {
      assert.equal(event.seq, i + 1);
      assert.equal(event.id, `${sessionId}-${i + 1}`);
    });
    assert.deepEqual(
      events.map((e) => e.action.type),
      ['start', ...Object.keys(COMPLETE_ANSWERS).map(() => 'answerQuestion'), 'review', 'validateQuestionnaire', 'continue', 'answerChallenge', 'skipChallenge'],
    );
  });
});

describe('refused actions keep the state and are not logged', () => {
  test('out of order: wrong_phase, naming the action and the phase', () => {
    const session = createSurveySession(definition, { seed: 's', clock: fakeClock() });
    const error = assertRefused(session, { type: 'answerChallenge', challengeId: 'm1', answer: '2' }, 'wrong_phase');
    assert.match(error.message, /"answerChallenge" is not allowed in phase "information"/);
    assertRefused(session, { type: 'answerQuestion', questionId: 'genre', value: 'feminin' }, 'wrong_phase');
    assertRefused(session, { type: 'continue' }, 'wrong_phase');
    session.dispatch({ type: 'start', consent: true });
    assertRefused(session, { type: 'start', consent: true }, 'wrong_phase');
    assertRefused(session, { type: 'validateQuestionnaire' }, 'wrong_phase');
    assertRefused(session, { type: 'editAnswers' }, 'wrong_phase');
    assertRefused(session, { type: 'quit' }, 'wrong_phase');
    assertRefused(session, { type: 'skipRemaining' }, 'wrong_phase');
  });

  test('in review the answers cannot change without going back (editAnswers)', () => {
    const reviewing = createSurveySession(definition, { seed: 's', clock: fakeClock() });
    reviewing.dispatch({ type: 'start', consent: true });
    for (const [questionId, value] of Object.entries(COMPLETE_ANSWERS)) reviewing.dispatch({ type: 'answerQuestion', questionId, value: value as never });
    reviewing.dispatch({ type: 'review' });
    assertRefused(reviewing, { type: 'answerQuestion', questionId: 'genre', value: 'masculin' }, 'wrong_phase');
    assertRefused(reviewing, { type: 'setFilledByMediator', value: true }, 'wrong_phase');
    reviewing.dispatch({ type: 'editAnswers' });
    reviewing.dispatch({ type: 'answerQuestion', questionId: 'genre', value: 'masculin' });
    assert.equal(reviewing.state.questionnaire.answers['genre'], 'masculin');
  });

  test('in a course: no quit, no continue, no questionnaire action', () => {
    const session = inFirstCourse();
    assertRefused(session, { type: 'quit' }, 'wrong_phase');
    assertRefused(session, { type: 'continue' }, 'wrong_phase');
    assertRefused(session, { type: 'review' }, 'wrong_phase');
  });

  test('at an end-of-course page: no challenge action', () => {
    const session = inFirstCourse();
    play(session, ['ok', 'ok', 'ok']);
    assertRefused(session, { type: 'answerChallenge', challengeId: 'b1', answer: '3' }, 'wrong_phase');
    assertRefused(session, { type: 'skipChallenge', challengeId: 'b1' }, 'wrong_phase');
    assertRefused(session, { type: 'skipRemaining' }, 'wrong_phase');
  });

  test('a finished session refuses everything: session_finished', () => {
    const session = inFirstCourse();
    play(session, ['ok', 'ok', 'ok']);
    session.dispatch({ type: 'quit' });
    for (const action of [{ type: 'continue' }, { type: 'start', consent: true }, { type: 'quit' }, { type: 'answerChallenge', challengeId: 'b1', answer: '3' }] as SessionAction[])
      assertRefused(session, action, 'session_finished');
  });

  test('a validated questionnaire is locked: questionnaire_locked in every later phase', () => {
    const session = validatedSession({ clock: fakeClock() });
    const edits: SessionAction[] = [
      { type: 'answerQuestion', questionId: 'genre', value: 'masculin' },
      { type: 'setFilledByMediator', value: true },
      { type: 'editAnswers' },
    ];
    for (const action of edits) assertRefused(session, action, 'questionnaire_locked');
    session.dispatch({ type: 'continue' });
    for (const action of edits) assertRefused(session, action, 'questionnaire_locked');
    play(session, ['ok', 'ok', 'ok']);
    for (const action of edits) assertRefused(session, action, 'questionnaire_locked');
    assert.equal(session.state.questionnaire.answers['genre'], 'feminin');
  });

  test('review with required visible questions unanswered: questionnaire_incomplete with their ids', () => {
    const session = createSurveySession(definition, { seed: 's', clock: fakeClock() });
    session.dispatch({ type: 'start', consent: true });
    assertRefused(session, { type: 'review' }, 'questionnaire_incomplete', ['genre', 'naissance', 'commune', 'statut', 'materiel']);
    for (const [questionId, value] of Object.entries(COMPLETE_ANSWERS)) session.dispatch({ type: 'answerQuestion', questionId, value: value as never });
    session.dispatch({ type: 'answerQuestion', questionId: 'statut', value: 'en_emploi' });
    const error = assertRefused(session, { type: 'review' }, 'questionnaire_incomplete', ['secteur']);
    assert.match(error.message, /secteur/);
    session.dispatch({ type: 'answerQuestion', questionId: 'secteur', value: 'public' });
    session.dispatch({ type: 'review' });
    assert.equal(session.state.phase, 'review');
  });

  test('unknown question: unknown_question', () => {
    const session = createSurveySession(definition, { seed: 's', clock: fakeClock() });
    session.dispatch({ type: 'start', consent: true });
    assertRefused(session, { type: 'answerQuestion', questionId: 'pointure', value: '42' }, 'unknown_question', ['pointure']);
  });

  test('invalid answer: invalid_question_answer, with the question id', () => {
    const session = createSurveySession(definition, { seed: 's', clock: fakeClock() });
    session.dispatch({ type: 'start', consent: true });
    const cases: SessionAction[] = [
      { type: 'answerQuestion', questionId: 'genre', value: 'autre' },
      { type: 'answerQuestion', questionId: 'naissance', value: 2026 },
      { type: 'answerQuestion', questionId: 'materiel', value: ['aucun', 'tablette'] },
      { type: 'answerQuestion', questionId: 'commune', value: 'Rennes' },
    ];
    for (const action of cases) {
      const error = assertRefused(session, action, 'invalid_question_answer');
      assert.deepEqual(error.ids, [(action as { questionId: string }).questionId]);
    }
  });

  test('the year question’s default max is the year of the session clock', () => {
    const session = createSurveySession(definition, { seed: 's', clock: fakeClock(Date.UTC(2030, 0, 1)) });
    session.dispatch({ type: 'start', consent: true });
    session.dispatch({ type: 'answerQuestion', questionId: 'naissance', value: 2030 });
    assertRefused(session, { type: 'answerQuestion', questionId: 'naissance', value: 2031 }, 'invalid_question_answer');
  });

  test('not the current challenge: not_current_challenge', () => {
    const session = inFirstCourse();
    assertRefused(session, { type: 'answerChallenge', challengeId: 'm2', answer: 'envoyer' }, 'not_current_challenge', ['m2']);
    assertRefused(session, { type: 'skipChallenge', challengeId: 'b1' }, 'not_current_challenge', ['b1']);
    assertRefused(session, { type: 'answerChallenge', challengeId: 'inconnu', answer: '1' }, 'not_current_challenge');
  });

  test('an answer of the wrong shape: AnswerShapeError from the checker, state unchanged', () => {
    const session = inFirstCourse();
    const before = session.state;
    assert.throws(
      () => session.dispatch({ type: 'answerChallenge', challengeId: 'm1', answer: { reponse: '2' } }),
      (error) => error instanceof AnswerShapeError && error.code === 'answer_shape' && error.challengeId === 'm1',
    );
    assert.equal(session.state, before);
  });

  test('not an action: invalid_action', () => {
    const session = createSurveySession(definition, { seed: 's', clock: fakeClock() });
    session.dispatch({ type: 'start', consent: true });
    const bad: unknown[] = [
      null,
      'start',
      { type: 'jump' },
      { type: 'start', actor: 'robot' },
      { type: 'answerQuestion', questionId: 'genre' },
      { type: 'answerQuestion', questionId: 3, value: 'feminin' },
      { type: 'setFilledByMediator', value: 'yes' },
      { type: 'answerChallenge', challengeId: 'm1', answer: null },
      { type: 'answerChallenge', challengeId: 'm1', answer: '2', timedOut: 'no' },
      { type: 'skipChallenge' },
    ];
    for (const action of bad) assertRefused(session, action as SessionAction, 'invalid_action');
  });
});

describe('hidden answers and test runs', () => {
  test('answers to questions that became hidden are kept while filling, dropped at review', () => {
    const session = createSurveySession(definition, { seed: 's', clock: fakeClock() });
    session.dispatch({ type: 'start', consent: true });
    for (const [questionId, value] of Object.entries(COMPLETE_ANSWERS)) session.dispatch({ type: 'answerQuestion', questionId, value: value as never });
    session.dispatch({ type: 'answerQuestion', questionId: 'statut', value: 'en_emploi' });
    session.dispatch({ type: 'answerQuestion', questionId: 'secteur', value: 'prive' });
    session.dispatch({ type: 'answerQuestion', questionId: 'statut', value: 'retraite' });
    assert.equal(session.state.questionnaire.answers['secteur'], 'prive', 'kept while filling');
    session.dispatch({ type: 'review' });
    assert.equal('secteur' in session.state.questionnaire.answers, false, 'dropped at review');
    session.dispatch({ type: 'validateQuestionnaire' });
    assert.deepEqual(Object.keys(session.state.questionnaire.answers).sort(), Object.keys(COMPLETE_ANSWERS).sort());
  });

  const runs: [string, unknown, boolean][] = [
    ['a real commune', COMPLETE_ANSWERS.commune, false],
    ['test flag', { test: true, name: 'TEST' }, true],
    ['city written " test "', { test: true, name: ' test ', postalCode: '35000' }, true],
    ['a real commune object named TEST', { ...COMPLETE_ANSWERS.commune, name: 'Test' }, true],
  ];
  for (const [name, commune, expected] of runs)
    test(`testRun: ${name} → ${expected}`, () => {
      const session = validatedSession({ clock: fakeClock() }, { ...COMPLETE_ANSWERS, commune });
      assert.equal(session.state.testRun, expected);
    });

  test('testRun follows the answer: cleared when the commune is changed back', () => {
    const session = createSurveySession(definition, { seed: 's', clock: fakeClock() });
    session.dispatch({ type: 'start', consent: true });
    session.dispatch({ type: 'answerQuestion', questionId: 'commune', value: { test: true, name: 'TEST' } });
    assert.equal(session.state.testRun, true);
    session.dispatch({ type: 'answerQuestion', questionId: 'commune', value: COMPLETE_ANSWERS.commune });
    assert.equal(session.state.testRun, false);
  });
});

describe('skip and skip remaining', () => {
  test('skipChallenge gives aband, without an answer, and moves on', () => {
    const clock = fakeClock();
    const session = inFirstCourse(clock);
    clock.tick(4000);
    session.dispatch({ type: 'skipChallenge', challengeId: 'm1' });
    const [result] = session.state.courses[0]?.results ?? [];
    assert.equal(result?.status, 'aband');
    assert.equal(result && 'answer' in result, false);
    assert.deepEqual(result?.details, {});
    assert.equal(result?.durationMs, 4000);
    assert.equal(result?.skippedRemaining, undefined);
    assert.equal(session.state.current?.challengeId, 'm2');
  });

  test('skipRemaining (the mediator’s "passer"): every remaining challenge aband, the course ends', () => {
    const clock = fakeClock();
    const session = inFirstCourse(clock);
    play(session, ['ok', 'ok', 'ok']);
    session.dispatch({ type: 'continue' });
    play(session, ['ok', 'ko'], clock, 2000);
    clock.tick(3000);
    session.dispatch({ type: 'skipRemaining' });
    const state = session.state;
    const course = state.courses[1];
    assert.equal(state.phase, 'endOfCourse');
    assert.equal(course?.status, 'ended');
    assert.equal(course?.skippedRemaining, true);
    assert.equal(course?.results.length, 7);
    const event = state.events.at(-1) as SessionEvent;
    assert.equal(event.actor, 'mediator', 'skipRemaining defaults to the mediator');
    const skipped = course?.results.slice(2) ?? [];
    assert.deepEqual(
      skipped.map((r) => [r.challengeId, r.status, r.skippedRemaining, r.actor, r.eventId]),
      ['b3', 'b4', 'b5', 'b6', 'b7'].map((id) => [id, 'aband', true, 'mediator', event.id]),
    );
    assert.equal(skipped[0]?.durationMs, 3000, 'the challenge on screen gets its time');
    assert.equal(skipped[1]?.durationMs, 0, 'the ones never shown get none');
    assert.equal(course?.results[1]?.skippedRemaining, undefined);
    assert.deepEqual(session.recommendation()?.reasons, ['success_rate_too_low']);
  });

  test('skipRemaining in the last course finishes the session as completed', () => {
    const session = inFirstCourse();
    play(session, ['ok', 'ok', 'ok']);
    session.dispatch({ type: 'continue' });
    play(session, ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    session.dispatch({ type: 'continue' });
    session.dispatch({ type: 'skipRemaining', actor: 'participant' });
    assert.equal(session.state.phase, 'finished');
    assert.equal(session.state.endReason, 'completed');
    assert.equal(session.state.courses[2]?.skippedRemaining, true);
    assert.equal(session.state.courses[2]?.results.every((r) => r.status === 'aband' && r.actor === 'participant'), true);
  });
});

describe('time per step and test time', () => {
  test('each result has when the challenge was shown, when it was answered, and the duration', () => {
    const clock = fakeClock();
    const session = inFirstCourse(clock);
    clock.tick(7000);
    session.dispatch({ type: 'answerChallenge', challengeId: 'm1', answer: '2' });
    clock.tick(12_000);
    session.dispatch({ type: 'answerChallenge', challengeId: 'm2', answer: 'envoyé', actor: 'mediator' });
    const [first, second] = session.state.courses[0]?.results ?? [];
    assert.deepEqual(first, {
      challengeId: 'm1',
      status: 'ok',
      answer: '2',
      details: {},
      startedAt: T0,
      answeredAt: T0 + 7000,
      durationMs: 7000,
      actor: 'participant',
      eventId: session.state.events.at(-2)?.id,
    });
    assert.equal(second?.startedAt, T0 + 7000);
    assert.equal(second?.durationMs, 12_000);
    assert.equal(second?.actor, 'mediator');
    assert.equal(second?.status, 'ok', 'checked with the tolerances');
    assert.equal(session.state.current?.startedAt, T0 + 19_000);
  });

  test('timedOut: a right answer after the time ran out is timedout, a wrong one stays ko', () => {
    const clock = fakeClock();
    const session = validatedSession({ clock }, COMPLETE_ANSWERS, timedDefinition);
    session.dispatch({ type: 'continue' });
    clock.tick(31_000);
    session.dispatch({ type: 'answerChallenge', challengeId: 'm1', answer: '2', timedOut: true });
    clock.tick(31_000);
    session.dispatch({ type: 'answerChallenge', challengeId: 'm2', answer: 'faux', timedOut: true });
    assert.deepEqual(
      session.state.courses[0]?.results.map((r) => [r.status, r.timedOut]),
      [
        ['timedout', true],
        ['ko', true],
      ],
    );
  });

  test('timedOut claimed on a challenge without a time limit is refused: no_time_limit', () => {
    assertRefused(inFirstCourse(), { type: 'answerChallenge', challengeId: 'm1', answer: '2', timedOut: true }, 'no_time_limit', ['m1']);
  });

  test('a clock stepping back never gives a negative duration', () => {
    const clock = fakeClock();
    const session = inFirstCourse(clock);
    clock.tick(-5000);
    session.dispatch({ type: 'answerChallenge', challengeId: 'm1', answer: '2' });
    assert.equal(session.state.courses[0]?.results[0]?.durationMs, 0);
  });

  test('testTimeMs counts only time inside courses, the running one up to now', () => {
    const clock = fakeClock();
    const session = createSurveySession(definition, { seed: 's', clock });
    session.dispatch({ type: 'start', consent: true });
    clock.tick(600_000); // the questionnaire does not count
    for (const [questionId, value] of Object.entries(COMPLETE_ANSWERS)) session.dispatch({ type: 'answerQuestion', questionId, value: value as never });
    session.dispatch({ type: 'review' });
    session.dispatch({ type: 'validateQuestionnaire' });
    assert.equal(session.testTimeMs(), 0);
    session.dispatch({ type: 'continue' });
    clock.tick(10_000);
    assert.equal(session.testTimeMs(), 10_000, 'the running course, to now');
    play(session, ['ok', 'ok', 'ok'], clock, 20_000);
    assert.equal(session.testTimeMs(), 70_000);
    clock.tick(120_000); // the end-of-course page does not count
    assert.equal(session.testTimeMs(), 70_000);
    session.dispatch({ type: 'continue' });
    assert.equal(session.state.courses[0]?.endedAt, T0 + 600_000 + 70_000);
    clock.tick(5000);
    assert.equal(session.testTimeMs(), 75_000);
  });
});

describe('recommendation at the end of a course (go on only if success > 60% and test time < 15 min)', () => {
  /** A survey whose first course is the 5-challenge one, so 3/5 is exactly 60%. */
  const fiveFirst = parseSurveyDefinition({
    ...SURVEY_INPUT,
    id: 'five-first',
    courses: [SURVEY_INPUT.courses[2], SURVEY_INPUT.courses[0], SURVEY_INPUT.courses[1]],
  });

  function endFirstCourse(moves: ('ok' | 'ko')[], courseMs: number, of = fiveFirst) {
    const clock = fakeClock();
    const session = createSurveySession(of, { seed: 's', clock });
    session.dispatch({ type: 'start', consent: true });
    for (const [questionId, value] of Object.entries(COMPLETE_ANSWERS)) session.dispatch({ type: 'answerQuestion', questionId, value: value as never });
    session.dispatch({ type: 'review' });
    session.dispatch({ type: 'validateQuestionnaire' });
    session.dispatch({ type: 'continue' });
    moves.forEach((move, i) => {
      if (i === moves.length - 1) clock.tick(courseMs);
      const c = challenge(session.state.current?.challengeId as string, of);
      session.dispatch({ type: 'answerChallenge', challengeId: c.id, answer: move === 'ok' ? rightAnswer(c) : wrongAnswer(c) });
    });
    assert.equal(session.state.phase, 'endOfCourse');
    return session;
  }

  const cases: [string, ('ok' | 'ko')[], number, boolean, string[]][] = [
    ['60% exactly: not above the threshold', ['ok', 'ok', 'ok', 'ko', 'ko'], 60_000, false, ['success_rate_too_low']],
    ['80%: above', ['ok', 'ok', 'ok', 'ok', 'ko'], 60_000, true, []],
    ['100% at 15 minutes exactly: no time left', ['ok', 'ok', 'ok', 'ok', 'ok'], 900_000, false, ['test_time_exceeded']],
    ['100% at 15 minutes minus 1 ms: time left', ['ok', 'ok', 'ok', 'ok', 'ok'], 899_999, true, []],
    ['both too low and too long', ['ko', 'ko', 'ok', 'ok', 'ko'], 1_000_000, false, ['success_rate_too_low', 'test_time_exceeded']],
  ];
  for (const [name, moves, ms, go, reasons] of cases)
    test(name, () => {
      const session = endFirstCourse(moves, ms);
      const advice = session.recommendation();
      assert.deepEqual(advice, {
        courseId: 'culture',
        successRate: moves.filter((m) => m === 'ok').length / 5,
        testTimeMs: ms,
        continue: go,
        reasons,
        isLastCourse: false,
      });
    });

  test('the threshold is strict just above 60% too (61/100 goes on, 60/100 does not)', () => {
    const many = (oks: number) => {
      const ids = Array.from({ length: 100 }, (_, i) => `x${i}`);
      const of = parseSurveyDefinition({
        ...SURVEY_INPUT,
        id: 'many',
        challenges: ids.map((id) => ({ id, type: 'QROC', instruction: { fr: id, en: id }, inputs: [{ key: 'r', label: { fr: 'R', en: 'R' } }], solution: ['oui'] })),
        courses: [
          { id: 'long', title: { fr: 'Long', en: 'Long' }, challenges: ids.slice(0, 100) },
        ],
        questionnaire: undefined,
      });
      const session = createSurveySession(of, { seed: 's', clock: fakeClock() });
      session.dispatch({ type: 'start', consent: true });
      ids.forEach((id, i) => session.dispatch({ type: 'answerChallenge', challengeId: id, answer: i < oks ? 'oui' : 'zzzzzz' }));
      return session.recommendation();
    };
    assert.deepEqual(many(60)?.reasons, ['success_rate_too_low']);
    assert.equal(many(61)?.continue, true);
    assert.equal(many(61)?.isLastCourse, true, 'a single course is the last one');
  });

  test('the threshold and the budget come from the definition', () => {
    const lenient = parseSurveyDefinition({ ...SURVEY_INPUT, id: 'five-first', courses: fiveFirst.courses, chaining: { successThreshold: 0.5, testTimeBudgetSeconds: 1200 } });
    const session = endFirstCourse(['ok', 'ok', 'ok', 'ko', 'ko'], 900_000, lenient);
    assert.equal(session.recommendation()?.continue, true);
  });

  test('the time budget counts every course played so far', () => {
    const clock = fakeClock();
    const session = inFirstCourse(clock);
    play(session, ['ok', 'ok', 'ok'], clock, 200_000); // 10 min
    session.dispatch({ type: 'continue' });
    play(session, ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'], clock, 50_000); // + 5 min 50 s
    assert.deepEqual(session.recommendation()?.reasons, ['test_time_exceeded']);
    assert.equal(session.recommendation()?.testTimeMs, 950_000);
  });

  test('after the last course: isLastCourse, in phase finished', () => {
    const session = inFirstCourse();
    play(session, ['ok', 'ok', 'ok']);
    session.dispatch({ type: 'continue' });
    play(session, ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    assert.equal(session.recommendation()?.isLastCourse, false);
    session.dispatch({ type: 'continue' });
    assert.equal(session.recommendation(), null, 'null during a course');
    play(session, ['ok', 'ok', 'ok', 'ko', 'ok']);
    assert.deepEqual(session.recommendation(), { courseId: 'culture', successRate: 0.8, testTimeMs: 0, continue: true, reasons: [], isLastCourse: true });
  });

  test('null outside end-of-course pages', () => {
    const session = createSurveySession(definition, { seed: 's', clock: fakeClock() });
    assert.equal(session.recommendation(), null);
    session.dispatch({ type: 'start', consent: true });
    assert.equal(session.recommendation(), null);
  });
});

describe('subscribe and immutability', () => {
  test('listeners get the new state and the event after each accepted action, until unsubscribed', () => {
    const session = createSurveySession(definition, { seed: 's', clock: fakeClock() });
    const seen: [SessionState, SessionEvent][] = [];
    const unsubscribe = session.subscribe((state, event) => seen.push([state, event]));
    session.dispatch({ type: 'start', consent: true });
    assert.throws(() => session.dispatch({ type: 'start', consent: true }), ProtocolError);
    session.dispatch({ type: 'answerQuestion', questionId: 'genre', value: 'feminin' });
    assert.equal(seen.length, 2, 'not called for a refused action');
    assert.equal(seen[1]?.[0], session.state);
    assert.equal(seen[1]?.[1], session.state.events[1]);
    unsubscribe();
    session.dispatch({ type: 'answerQuestion', questionId: 'genre', value: 'masculin' });
    assert.equal(seen.length, 2);
  });

  test('a transition never changes the previous state, and states are frozen', () => {
    const clock = fakeClock();
    const session = inFirstCourse(clock);
    const before = session.state;
    const copy = JSON.parse(JSON.stringify(before)) as SessionState;
    play(session, ['ok', 'ko', 'ok'], clock, 1000);
    session.dispatch({ type: 'continue' });
    assert.notEqual(session.state, before);
    assert.deepEqual(before, copy);
    assert.throws(() => {
      (session.state as { phase: string }).phase = 'finished';
    }, TypeError);
    assert.throws(() => {
      (session.state.courses[0]?.results as unknown as unknown[]).push({});
    }, TypeError);
    assert.throws(() => {
      (session.state.questionnaire.answers as Record<string, unknown>)['genre'] = 'masculin';
    }, TypeError);
  });
});
