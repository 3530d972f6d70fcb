import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSurveyDefinition } from '../content/parse.js';
import { ProtocolError, type ProtocolErrorCode } from '../errors.js';
import { restoreSurveySession } from './restore.js';
import { createSurveySession, initialSessionState, transition } from './session.js';
import type { SessionAction, SessionSnapshot, SessionState, SurveySession } from './types.js';
import { COMPLETE_ANSWERS, SURVEY_INPUT, challenge, definition, fakeClock, play, rightAnswer, wrongAnswer } from './fixture.test.js';

/** Every action of a whole session, with the clock step before each. */
function script(): [number, SessionAction][] {
  const steps: [number, SessionAction][] = [[2000, { type: 'start', consent: true }]];
  for (const [questionId, value] of Object.entries(COMPLETE_ANSWERS)) steps.push([15_000, { type: 'answerQuestion', questionId, value: value as never }]);
  steps.push([3000, { type: 'review' }], [4000, { type: 'validateQuestionnaire' }], [1000, { type: 'continue' }]);
  const moves: [string, 'ok' | 'ko' | 'skip'][] = [
    ['m1', 'ok'],
    ['m2', 'ko'],
    ['m3', 'ok'],
  ];
  for (const [id, move] of moves) steps.push([20_000, answer(id, move)]);
  steps.push([5000, { type: 'resume' }], [2000, { type: 'continue' }]);
  for (const [id, move] of [['b1', 'ok'], ['b2', 'ok'], ['b3', 'skip'], ['b4', 'ok'], ['b5', 'ko'], ['b6', 'ok'], ['b7', 'ok']] as const)
    steps.push([30_000, answer(id, move)]);
  steps.push([2000, { type: 'continue' }], [25_000, answer('c1', 'ok')], [25_000, answer('c2', 'ko')], [10_000, { type: 'skipRemaining' }]);
  return steps;
}

function answer(id: string, move: 'ok' | 'ko' | 'skip'): SessionAction {
  if (move === 'skip') return { type: 'skipChallenge', challengeId: id };
  const c = challenge(id);
  return { type: 'answerChallenge', challengeId: id, answer: move === 'ok' ? rightAnswer(c) : wrongAnswer(c) };
}

function roundTrip(session: SurveySession): SessionSnapshot {
  return JSON.parse(JSON.stringify(session)) as SessionSnapshot;
}

describe('save and restore', () => {
  test('toJSON is plain JSON: it survives JSON.parse(JSON.stringify(...)) unchanged', () => {
    const clock = fakeClock();
    const session = createSurveySession(definition, { seed: 'save', clock });
    for (const [ms, action] of script().slice(0, 20)) {
      clock.tick(ms);
      session.dispatch(action);
    }
    assert.deepEqual(roundTrip(session), session.toJSON());
    assert.equal(session.toJSON().format, 'observatoire-session');
    assert.equal(session.toJSON().seed, 'save');
  });

  test('saved in the middle of course 2 and restored: the same state, and the same future as never stopping', () => {
    const steps = script();
    const clockA = fakeClock();
    const original = createSurveySession(definition, { seed: 'mid', clock: clockA });
    const cut = steps.findIndex(([, action]) => action.type === 'answerChallenge' && action.challengeId === 'b4');
    for (const [ms, action] of steps.slice(0, cut)) {
      clockA.tick(ms);
      original.dispatch(action);
    }
    assert.equal(original.state.phase, 'course');
    assert.equal(original.state.current?.challengeId, 'b4');

    const clockB = fakeClock(clockA());
    const restored = restoreSurveySession(definition, roundTrip(original), { clock: clockB });
    assert.deepEqual(restored.state, original.state);
    assert.equal(restored.testTimeMs(), original.testTimeMs());

    for (const [ms, action] of steps.slice(cut)) {
      clockA.tick(ms);
      clockB.tick(ms);
      original.dispatch(action);
      restored.dispatch(action);
      assert.deepEqual(restored.state, original.state);
      assert.deepEqual(restored.recommendation(), original.recommendation());
    }
    assert.equal(restored.state.phase, 'finished');
    assert.deepEqual(restored.toJSON(), original.toJSON());
  });

  test('restored after every single step, the state is identical', () => {
    const clock = fakeClock();
    const session = createSurveySession(definition, { seed: 'each', clock });
    for (const [ms, action] of script()) {
      clock.tick(ms);
      session.dispatch(action);
      const restored = restoreSurveySession(definition, roundTrip(session), { clock });
      assert.deepEqual(restored.state, session.state, `after ${action.type}`);
    }
  });

  test('fields set to undefined by a caller never reach the state (JSON would drop them)', () => {
    const clock = fakeClock();
    const session = createSurveySession(definition, { seed: 'undef', clock });
    session.dispatch({ type: 'start', consent: true });
    session.dispatch({ type: 'answerQuestion', questionId: 'commune', value: { ...COMPLETE_ANSWERS.commune, epci: undefined } });
    for (const [questionId, value] of Object.entries(COMPLETE_ANSWERS).filter(([id]) => id !== 'commune'))
      session.dispatch({ type: 'answerQuestion', questionId, value: value as never, actor: undefined });
    session.dispatch({ type: 'review' });
    session.dispatch({ type: 'validateQuestionnaire' });
    session.dispatch({ type: 'continue' });
    session.dispatch({ type: 'answerChallenge', challengeId: 'm1', answer: '2', timedOut: undefined });
    assert.deepEqual(roundTrip(session).state, session.state);
  });

  test('a restored session keeps refusing what it refused (finished, locked)', () => {
    const session = createSurveySession(definition, { seed: 'x', clock: fakeClock() });
    session.dispatch({ type: 'start', consent: true });
    for (const [questionId, value] of Object.entries(COMPLETE_ANSWERS)) session.dispatch({ type: 'answerQuestion', questionId, value: value as never });
    session.dispatch({ type: 'review' });
    session.dispatch({ type: 'validateQuestionnaire' });
    const restored = restoreSurveySession(definition, roundTrip(session));
    assert.throws(() => restored.dispatch({ type: 'editAnswers' }), (e) => e instanceof ProtocolError && e.code === 'questionnaire_locked');
    restored.dispatch({ type: 'continue' });
    play(restored, ['ok', 'ok', 'ok']);
    restored.dispatch({ type: 'quit' });
    const again = restoreSurveySession(definition, roundTrip(restored));
    assert.throws(() => again.dispatch({ type: 'continue' }), (e) => e instanceof ProtocolError && e.code === 'session_finished');
  });

  test('the restored state is frozen like any other', () => {
    const session = createSurveySession(definition, { seed: 'x', clock: fakeClock() });
    session.dispatch({ type: 'start', consent: true });
    const restored = restoreSurveySession(definition, roundTrip(session));
    assert.throws(() => {
      (restored.state.events as unknown as unknown[]).push({});
    }, TypeError);
  });

  function refuse(restore: unknown, code: ProtocolErrorCode, of = definition): ProtocolError {
    let caught: unknown;
    assert.throws(
      () => restoreSurveySession(of, restore as SessionSnapshot),
      (error) => {
        caught = error;
        return error instanceof ProtocolError && error.code === code;
      },
    );
    return caught as ProtocolError;
  }

  test('a snapshot of another survey or content version: restore_mismatch', () => {
    const snapshot = roundTrip(createSurveySession(definition, { seed: 'x' }));
    const otherVersion = parseSurveyDefinition({ ...SURVEY_INPUT, version: '2025.2' });
    const otherSurvey = parseSurveyDefinition({ ...SURVEY_INPUT, id: 'autre' });
    assert.match(refuse(snapshot, 'restore_mismatch', otherVersion).message, /2025\.1/);
    refuse(snapshot, 'restore_mismatch', otherSurvey);
  });

  describe('something that is not a sound snapshot: invalid_snapshot', () => {
    const session = createSurveySession(definition, { seed: 'bad', clock: fakeClock() });
    session.dispatch({ type: 'start', consent: true });
    session.dispatch({ type: 'answerQuestion', questionId: 'genre', value: 'feminin' });
    const good = roundTrip(session);
    const withState = (change: (state: Record<string, unknown>) => void): unknown => {
      const copy = JSON.parse(JSON.stringify(good)) as { state: Record<string, unknown> };
      change(copy.state);
      return copy;
    };
    const cases: [string, unknown, RegExp?][] = [
      ['null', null],
      ['a string', JSON.stringify(good)],
      ['an empty object', {}],
      ['another format', { ...good, format: 'other' }],
      ['another format version', { ...good, formatVersion: 3 }, /formatVersion/],
      ['no state', { ...good, state: undefined }],
      ['a seed that is not a string', { ...good, seed: 7 }],
      ['an unknown phase', withState((s) => (s['phase'] = 'flying')), /state\.phase/],
      ['an unknown field in the state', withState((s) => (s['extra'] = 1))],
      ['a negative interruption count', withState((s) => (s['interruptions'] = -1)), /interruptions/],
      ['an event without an action', withState((s) => ((s['events'] as Record<string, unknown>[])[0]!['action'] = null))],
      ['an event action of an unknown type', withState((s) => ((s['events'] as Record<string, unknown>[])[0]!['action'] = { type: 'jump' }))],
      ['a session id that does not come from the seed', withState((s) => (s['sessionId'] = '00000000-0000-4000-8000-000000000000')), /sessionId/],
      ['courses that are not the definition’s', withState((s) => (s['courses'] = (s['courses'] as unknown[]).slice(1))), /courses/],
      ['events out of order', withState((s) => ((s['events'] as Record<string, unknown>[])[0]!['seq'] = 5)), /events\[0\]/],
      ['a current challenge outside a course', withState((s) => (s['current'] = { challengeId: 'm1', index: 0, startedAt: 0 })), /current/],
      ['a course phase without its current challenge', withState((s) => ((s['phase'] = 'course'), (s['courseIndex'] = 0)))],
      ['a header that disagrees with the state', withState((s) => (s['surveyId'] = 'autre'))],
    ];
    for (const [name, snapshot, message] of cases)
      test(name, () => {
        const error = refuse(snapshot, 'invalid_snapshot');
        if (message) assert.match(error.message, message);
      });
  });
});

describe('seeded replay', () => {
  function run(seed: string): SurveySession {
    const clock = fakeClock();
    const session = createSurveySession(definition, { seed, clock });
    for (const [ms, action] of script()) {
      clock.tick(ms);
      session.dispatch(action);
    }
    return session;
  }

  /** Every proposal order shown, by challenge id, read from the states along the way. */
  function shownOrders(seed: string): Record<string, readonly number[] | undefined> {
    const clock = fakeClock();
    const session = createSurveySession(definition, { seed, clock });
    const orders: Record<string, readonly number[] | undefined> = {};
    session.subscribe((state) => {
      if (state.current) orders[state.current.challengeId] = state.current.proposalOrder;
    });
    for (const [ms, action] of script()) {
      clock.tick(ms);
      session.dispatch(action);
    }
    return orders;
  }

  test('the same seed, clock and actions give the identical session: ids, shuffles, everything', () => {
    const a = run('replay');
    const b = run('replay');
    assert.deepEqual(a.state, b.state);
    assert.equal(a.state.sessionId, b.state.sessionId);
    assert.deepEqual(shownOrders('replay'), shownOrders('replay'));
  });

  test('another seed gives another session id and other shuffles', () => {
    const a = run('replay');
    const b = run('other');
    assert.notEqual(a.state.sessionId, b.state.sessionId);
    assert.notEqual(a.state.events[0]?.id, b.state.events[0]?.id);
    assert.notDeepEqual(shownOrders('replay'), shownOrders('other'));
  });

  test('only QCU/QCM with shuffle get a proposal order, a permutation of their proposals', () => {
    const orders = shownOrders('perm');
    for (const c of definition.challenges) {
      const order = orders[c.id];
      if (!(c.id in orders)) continue; // not shown in the script
      if ((c.type === 'QCU' || c.type === 'QCM') && c.shuffle) {
        assert.deepEqual([...(order ?? [])].sort((x, y) => x - y), c.proposals.map((_, i) => i + 1), c.id);
      } else assert.equal(order, undefined, c.id);
    }
    assert.ok(['m1', 'b1', 'c2'].every((id) => orders[id] !== undefined));
  });

  test('without a seed, each session gets its own random seed and id', () => {
    const a = createSurveySession(definition);
    const b = createSurveySession(definition);
    assert.notEqual(a.state.sessionId, b.state.sessionId);
    assert.match(a.toJSON().seed, /^[0-9a-f]{32}$/);
  });

  test('the event log is enough to rebuild the state with the pure transition function', () => {
    const session = run('log');
    const { seed } = session.toJSON();
    const rebuilt = session.state.events.reduce<SessionState>(
      (state, event) => transition(definition, state, { ...event.action, actor: event.actor }, { now: event.at, seed }),
      initialSessionState(definition, { seed, now: session.state.startedAt }),
    );
    assert.deepEqual(rebuilt, session.state);
  });
});
