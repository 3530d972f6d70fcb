/** The protocol rules added to the machine: consent, time limits as actions, the table as data. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { ProtocolError, type ProtocolErrorCode } from '../errors.js';
import { COMPLETE_ANSWERS, definition, fakeClock, timedDefinition, validatedSession } from './fixture.test.js';
import { restoreSurveySession } from './restore.js';
import { createSurveySession, PROTOCOL } from './session.js';
import type { Phase, SessionAction, SurveySession } from './types.js';

function refusedWith(session: SurveySession, action: unknown, code: ProtocolErrorCode): void {
  const before = session.state;
  assert.throws(() => session.dispatch(action as SessionAction), (error) => error instanceof ProtocolError && error.code === code);
  assert.equal(session.state, before, 'a refused action changes nothing');
}

describe('start requires consent', () => {
  const cases: [string, unknown, ProtocolErrorCode | null][] = [
    ['consent given', { type: 'start', consent: true }, null],
    ['no consent field', { type: 'start' }, 'consent_required'],
    ['consent refused', { type: 'start', consent: false }, 'consent_required'],
    ['consent not a boolean', { type: 'start', consent: 'yes' }, 'invalid_action'],
  ];
  for (const [name, action, code] of cases)
    test(name, () => {
      const session = createSurveySession(definition, { seed: 's', clock: fakeClock() });
      if (code) refusedWith(session, action, code);
      else {
        session.dispatch(action as SessionAction);
        assert.equal(session.state.phase, 'questionnaire');
        assert.deepEqual(session.state.events[0]?.action, { type: 'start', consent: true });
      }
    });
});

/** In the first challenge (30 s timer) of the timed survey. */
function timed(clock = fakeClock()): { session: SurveySession; clock: ReturnType<typeof fakeClock> } {
  const session = validatedSession({ clock }, COMPLETE_ANSWERS, timedDefinition);
  session.dispatch({ type: 'continue' });
  return { session, clock };
}

describe('time limits are the session’s: extendTime and removeTimeLimit are logged actions', () => {
  test('a timed challenge has its limit in the state', () => {
    assert.equal(timed().session.state.current?.timeLimitMs, 30_000);
  });

  const cases: [string, SessionAction[], number, boolean | ProtocolErrorCode][] = [
    ['answered within the limit: not timed out', [], 29_999, false],
    ['answered at the limit: timed out', [], 30_000, true],
    ['extended once (doubles): 59 s is within', [{ type: 'extendTime', challengeId: 'm1' }], 59_000, false],
    ['extended twice: 119 s is within', [{ type: 'extendTime', challengeId: 'm1' }, { type: 'extendTime', challengeId: 'm1' }], 119_000, false],
    ['limit removed: never timed out', [{ type: 'removeTimeLimit', challengeId: 'm1' }], 600_000, false],
    ['limit removed, then timedOut claimed: refused', [{ type: 'removeTimeLimit', challengeId: 'm1' }], 600_000, 'no_time_limit'],
  ];
  for (const [name, actions, afterMs, expected] of cases)
    test(name, () => {
      const { session, clock } = timed();
      for (const action of actions) session.dispatch(action);
      clock.tick(afterMs);
      const answer: SessionAction = { type: 'answerChallenge', challengeId: 'm1', answer: '2', ...(expected === 'no_time_limit' && { timedOut: true }) };
      if (typeof expected === 'string') return refusedWith(session, answer, expected);
      session.dispatch(answer);
      const result = session.state.courses[0]?.results[0];
      assert.equal(result?.status, expected ? 'timedout' : 'ok');
      assert.equal(result?.timedOut, expected ? true : undefined);
    });

  const started: [string, number, number, boolean][] = [
    ['started 10 s after it was shown: 39 s after showing is within', 10_000, 39_000, false],
    ['started 10 s after it was shown: 40 s after showing is timed out', 10_000, 40_000, true],
    ['started at once: same as without startTimeLimit', 0, 30_000, true],
  ];
  for (const [name, startAfter, answerAfter, late] of started)
    test(`startTimeLimit: the limit runs from "Commencer": ${name}`, () => {
      const { session, clock } = timed();
      clock.tick(startAfter);
      session.dispatch({ type: 'startTimeLimit', challengeId: 'm1' });
      assert.equal(session.state.current?.timeLimitStartedAt, session.state.current!.startedAt + startAfter);
      clock.tick(answerAfter - startAfter);
      session.dispatch({ type: 'answerChallenge', challengeId: 'm1', answer: '2' });
      const result = session.state.courses[0]?.results[0];
      assert.equal(result?.status, late ? 'timedout' : 'ok');
      assert.equal(result?.durationMs, answerAfter, 'the duration still counts from when the challenge was shown');
    });

  test('session.timeLeftMs() is the time the session judges: from startTimeLimit, doubled, removed', () => {
    const { session, clock } = timed();
    assert.equal(session.timeLeftMs(), 30_000);
    clock.tick(4000);
    session.dispatch({ type: 'startTimeLimit', challengeId: 'm1' });
    clock.tick(10_000);
    assert.equal(session.timeLeftMs(), 20_000);
    session.dispatch({ type: 'extendTime', challengeId: 'm1' });
    assert.equal(session.timeLeftMs(), 50_000);
    clock.tick(60_000);
    assert.equal(session.timeLeftMs(), -10_000, 'negative once it ran out');
    session.dispatch({ type: 'removeTimeLimit', challengeId: 'm1' });
    assert.equal(session.timeLeftMs(), null);
    assert.equal(validatedSession({ clock: fakeClock() }).timeLeftMs(), null, 'no current challenge');
  });

  test('startTimeLimit again (the screen shown again after a resume) starts the limit again', () => {
    const { session, clock } = timed();
    session.dispatch({ type: 'startTimeLimit', challengeId: 'm1' });
    clock.tick(25_000);
    session.dispatch({ type: 'resume' });
    session.dispatch({ type: 'startTimeLimit', challengeId: 'm1' });
    clock.tick(25_000);
    session.dispatch({ type: 'answerChallenge', challengeId: 'm1', answer: '2' });
    assert.equal(session.state.courses[0]?.results[0]?.status, 'ok');
  });

  const untimed = (): SurveySession => {
    const session = validatedSession({ clock: fakeClock() });
    session.dispatch({ type: 'continue' });
    return session;
  };
  const refusedStarts: [string, () => SurveySession, SessionAction, ProtocolErrorCode][] = [
    ['on a challenge without a timer', untimed, { type: 'startTimeLimit', challengeId: 'm1' }, 'no_time_limit'],
    ['after removeTimeLimit', () => {
      const { session } = timed();
      session.dispatch({ type: 'removeTimeLimit', challengeId: 'm1' });
      return session;
    }, { type: 'startTimeLimit', challengeId: 'm1' }, 'no_time_limit'],
    ['naming another challenge', () => timed().session, { type: 'startTimeLimit', challengeId: 'm2' }, 'not_current_challenge'],
    ['without challengeId', () => timed().session, { type: 'startTimeLimit' } as unknown as SessionAction, 'invalid_action'],
  ];
  for (const [name, make, action, code] of refusedStarts)
    test(`startTimeLimit is refused ${name}: ${code}`, () => refusedWith(make(), action, code));

  test('the sender cannot cut a running limit short: its timedOut is not enough', () => {
    const { session, clock } = timed();
    clock.tick(5000);
    session.dispatch({ type: 'answerChallenge', challengeId: 'm1', answer: '2', timedOut: true });
    assert.equal(session.state.courses[0]?.results[0]?.status, 'ok');
  });

  test('extendTime on a challenge without a timer is refused', () => {
    const session = validatedSession({ clock: fakeClock() });
    session.dispatch({ type: 'continue' });
    refusedWith(session, { type: 'extendTime', challengeId: 'm1' }, 'no_time_limit');
  });

  test('extendTime naming another challenge than the current one is refused', () => {
    refusedWith(timed().session, { type: 'extendTime', challengeId: 'm2' }, 'not_current_challenge');
  });

  test('extendTime after removeTimeLimit is refused', () => {
    const { session } = timed();
    session.dispatch({ type: 'removeTimeLimit', challengeId: 'm1' });
    refusedWith(session, { type: 'extendTime', challengeId: 'm1' }, 'no_time_limit');
  });

  test('restoring replays the time actions and gives the same state', () => {
    const { session, clock } = timed();
    clock.tick(2000);
    session.dispatch({ type: 'startTimeLimit', challengeId: 'm1' });
    session.dispatch({ type: 'extendTime', challengeId: 'm1' });
    clock.tick(45_000);
    session.dispatch({ type: 'answerChallenge', challengeId: 'm1', answer: '2' });
    session.dispatch({ type: 'removeTimeLimit', challengeId: 'm2' });
    const again = restoreSurveySession(timedDefinition, JSON.parse(JSON.stringify(session)));
    assert.deepEqual(again.state, session.state);
    assert.deepEqual(
      again.state.events.slice(-4).map((e) => e.action.type),
      ['startTimeLimit', 'extendTime', 'answerChallenge', 'removeTimeLimit'],
    );
  });
});

describe('the protocol table is data', () => {
  test('every phase names its actions and their target phases', () => {
    const phases = Object.keys(PROTOCOL) as Phase[];
    assert.deepEqual(phases, ['information', 'questionnaire', 'review', 'validated', 'course', 'endOfCourse', 'finished']);
    for (const phase of phases)
      for (const [action, targets] of Object.entries(PROTOCOL[phase]))
        for (const target of targets as readonly string[]) assert.ok(phases.includes(target as Phase), `${phase}.${action} → ${target}`);
  });
  test('resume keeps the phase; finished accepts nothing', () => {
    for (const phase of Object.keys(PROTOCOL) as Phase[]) {
      const resume = (PROTOCOL[phase] as Record<string, readonly Phase[]>)['resume'];
      if (phase === 'finished') assert.equal(resume, undefined);
      else assert.deepEqual(resume, [phase]);
    }
    assert.deepEqual(Object.keys(PROTOCOL.finished), []);
  });
});

describe('docs/protocol.md shows the machine', () => {
  test('its table of phases and actions names exactly the pairs of PROTOCOL', () => {
    const doc = readFileSync(new URL('../../../../docs/protocol.md', import.meta.url), 'utf8');
    const phases = Object.keys(PROTOCOL) as Phase[];
    const documented = new Set<string>();
    for (const [, phase, action] of doc.matchAll(/^\| (`\w+`|any but `finished`) \| `(\w+)/gm)) {
      const from = phase === 'any but `finished`' ? phases.filter((p) => p !== 'finished') : [(phase ?? '').replaceAll('`', '') as Phase];
      for (const p of from) documented.add(`${p}.${action}`);
    }
    const coded = phases.flatMap((phase) => Object.keys(PROTOCOL[phase]).map((action) => `${phase}.${action}`));
    assert.deepEqual([...documented].sort(), coded.sort());
  });
});
