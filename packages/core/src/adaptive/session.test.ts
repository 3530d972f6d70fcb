import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AdaptiveError, type AdaptiveErrorCode } from './errors.js';
import { parseAdaptiveBank, type AdaptiveBank } from './bank.js';
import { createAdaptiveSession, restoreAdaptiveSession } from './session.js';
import type { AdaptiveAction, AdaptiveSession } from './types.js';
import type { AdaptiveTestConfig } from './engine.js';

/** A small bank of QCU items (right answer "1") over two areas, one timed item per area. */
function smallBank(): AdaptiveBank {
  const items = [];
  for (let i = 0; i < 24; i++) {
    const area = i % 2 === 0 ? '1' : '4';
    items.push({
      challenge: {
        id: `item-${i}`,
        type: 'QCU',
        skill: { area, competence: `${area}.${1 + (i % 3)}`, level: 1 + (i % 4) },
        instruction: { fr: `Question ${i}`, en: `Question ${i}` },
        proposals: [
          { fr: 'Oui', en: 'Yes' },
          { fr: 'Non', en: 'No' },
        ],
        solution: 1,
        ...(i < 2 ? { timer: 60 } : {}),
      },
      parameters: { a: 0.8 + (i % 5) * 0.3, b: -2 + (i * 4) / 23 },
      source: 'experts',
    });
  }
  return parseAdaptiveBank({
    schemaVersion: 1,
    id: 'test-bank',
    version: '1',
    title: { fr: 'Banque de test', en: 'Test bank' },
    provenance: { author: 'Observatoire', status: 'project', parameters: 'experts', description: { fr: 'Paramètres de test', en: 'Test parameters' } },
    items,
  });
}

const BANK = smallBank();
const CONFIG: AdaptiveTestConfig = { stopping: { maxItems: 8 } };

function clock(start = 1_000_000): () => number {
  let now = start;
  return () => (now += 1000);
}

/** Answer right on even item numbers, wrong on odd ones, until the test ends. */
function playThrough(session: AdaptiveSession): void {
  while (session.state.current) {
    const id = session.state.current.itemId;
    const n = Number(id.split('-')[1]);
    session.dispatch({ type: 'answerItem', itemId: id, answer: n % 2 === 0 ? '1' : '2' });
  }
}

describe('adaptive session', () => {
  test('starts asking an item, with the prior as estimate', () => {
    const session = createAdaptiveSession(BANK, { seed: 's', clock: clock(), config: CONFIG });
    assert.equal(session.state.phase, 'asking');
    assert.ok(session.state.current?.itemId.startsWith('item-'));
    assert.ok(Math.abs(session.state.estimate.theta) < 1e-9);
  });

  test('stops by length after maxItems answers, never asking an item twice', () => {
    const session = createAdaptiveSession(BANK, { seed: 's', clock: clock(), config: CONFIG });
    playThrough(session);
    assert.equal(session.state.phase, 'finished');
    assert.equal(session.state.stopReason, 'length');
    assert.equal(session.state.responses.length, 8);
    assert.equal(new Set(session.state.responses.map((r) => r.itemId)).size, 8);
  });

  test('only ok counts as right: a wrong answer, a skip and a late right answer count as wrong', () => {
    const session = createAdaptiveSession(BANK, { seed: 's', clock: clock(), config: CONFIG });
    const first = session.state.current!.itemId;
    session.dispatch({ type: 'answerItem', itemId: first, answer: '2' });
    session.dispatch({ type: 'skipItem', itemId: session.state.current!.itemId });
    session.dispatch({ type: 'answerItem', itemId: session.state.current!.itemId, answer: '1', timedOut: true });
    session.dispatch({ type: 'answerItem', itemId: session.state.current!.itemId, answer: '1' });
    assert.deepEqual(
      session.state.responses.map((r) => [r.status, r.correct]),
      [
        ['ko', false],
        ['aband', false],
        ['timedout', false],
        ['ok', true],
      ],
    );
  });

  test('the same seed and answers give the same items (seeded randomesque selection)', () => {
    const a = createAdaptiveSession(BANK, { seed: 'same', clock: clock(), config: CONFIG });
    const b = createAdaptiveSession(BANK, { seed: 'same', clock: clock(), config: CONFIG });
    playThrough(a);
    playThrough(b);
    assert.deepEqual(a.state, b.state);
  });

  test('never two timed items in a row', () => {
    for (let s = 0; s < 40; s++) {
      const session = createAdaptiveSession(BANK, { seed: `timed-${s}`, clock: clock(), config: { stopping: { maxItems: 24 } } });
      playThrough(session);
      const ids = session.state.responses.map((r) => r.itemId);
      for (let i = 1; i < ids.length; i++) assert.ok(!(['item-0', 'item-1'].includes(ids[i]!) && ['item-0', 'item-1'].includes(ids[i - 1]!)), ids.join(' '));
    }
  });

  test('stops by precision once the SE is small enough', () => {
    const session = createAdaptiveSession(BANK, { seed: 's', clock: clock(), config: { stopping: { maxItems: 24, minItems: 3, maxSe: 0.75 } } });
    playThrough(session);
    assert.equal(session.state.stopReason, 'precision');
    assert.ok(session.state.estimate.se <= 0.75);
  });

  test('stops by classification once the interval is clear of the cut', () => {
    const session = createAdaptiveSession(BANK, { seed: 's', clock: clock(), config: { stopping: { maxItems: 24, minItems: 3, classification: { cut: 3.5 } } } });
    playThrough(session);
    assert.equal(session.state.stopReason, 'classification');
    assert.ok(session.state.estimate.theta + 1.96 * session.state.estimate.se < 3.5);
  });

  test('the mediator can stop the test', () => {
    const session = createAdaptiveSession(BANK, { seed: 's', clock: clock(), config: CONFIG });
    session.dispatch({ type: 'stop' });
    assert.equal(session.state.phase, 'finished');
    assert.equal(session.state.stopReason, 'stopped');
  });

  test('states are frozen', () => {
    const session = createAdaptiveSession(BANK, { seed: 's', clock: clock(), config: CONFIG });
    assert.ok(Object.isFrozen(session.state) && Object.isFrozen(session.state.config.stopping));
  });

  test('subscribers hear every event', () => {
    const session = createAdaptiveSession(BANK, { seed: 's', clock: clock(), config: CONFIG });
    const heard: string[] = [];
    const stop = session.subscribe((_state, event) => heard.push(event.action.type));
    session.dispatch({ type: 'skipItem', itemId: session.state.current!.itemId });
    stop();
    session.dispatch({ type: 'stop' });
    assert.deepEqual(heard, ['skipItem']);
  });
});

describe('save and restore', () => {
  test('a restored session is the same and goes on drawing the same items', () => {
    const original = createAdaptiveSession(BANK, { seed: 'r', clock: clock(), config: CONFIG });
    for (let i = 0; i < 3; i++) original.dispatch({ type: 'answerItem', itemId: original.state.current!.itemId, answer: '1' });
    const restored = restoreAdaptiveSession(BANK, JSON.parse(JSON.stringify(original)), { clock: clock(5_000_000) });
    assert.deepEqual(restored.state, original.state);
    const time = clock(9_000_000);
    const next = { type: 'answerItem', itemId: original.state.current!.itemId, answer: '2' } as const;
    const a = restoreAdaptiveSession(BANK, JSON.parse(JSON.stringify(original)), { clock: time });
    a.dispatch(next);
    const b = restoreAdaptiveSession(BANK, JSON.parse(JSON.stringify(original)), { clock: clock(9_000_000) });
    b.dispatch(next);
    assert.deepEqual(a.state, b.state);
  });

  test("a restored session keeps its snapshot's configuration", () => {
    const original = createAdaptiveSession(BANK, { seed: 'r', clock: clock(), config: { ...CONFIG, stopping: { maxItems: 2 } } });
    original.dispatch({ type: 'answerItem', itemId: original.state.current!.itemId, answer: '1' });
    const restored = restoreAdaptiveSession(BANK, JSON.parse(JSON.stringify(original)), { clock: clock(5_000_000) });
    restored.dispatch({ type: 'answerItem', itemId: restored.state.current!.itemId, answer: '1' });
    assert.equal(restored.state.stopReason, 'length');
  });

  test('a snapshot whose keys came back in another order (e.g. from a jsonb column) restores', () => {
    const original = createAdaptiveSession(BANK, { seed: 'r', clock: clock(), config: CONFIG });
    original.dispatch({ type: 'answerItem', itemId: original.state.current!.itemId, answer: '1' });
    const reorder = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(reorder) : typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorder(v)])) : value;
    const restored = restoreAdaptiveSession(BANK, reorder(JSON.parse(JSON.stringify(original))));
    assert.deepEqual(restored.state, original.state);
  });

  const saved = (): Record<string, unknown> => {
    const session = createAdaptiveSession(BANK, { seed: 'r', clock: clock(), config: CONFIG });
    session.dispatch({ type: 'answerItem', itemId: session.state.current!.itemId, answer: '1' });
    return JSON.parse(JSON.stringify(session)) as Record<string, unknown>;
  };
  const cases: { name: string; damage: (s: Record<string, any>) => unknown; code: AdaptiveErrorCode }[] = [
    { name: 'not a snapshot', damage: () => ({ hello: 1 }), code: 'invalid_snapshot' },
    { name: 'another format version', damage: (s) => ({ ...s, formatVersion: 2 }), code: 'invalid_snapshot' },
    { name: 'another bank version', damage: (s) => ({ ...s, bankVersion: '2' }), code: 'restore_mismatch' },
    { name: 'a tampered estimate', damage: (s) => ({ ...s, state: { ...s.state, estimate: { theta: 3, se: 0.1 } } }), code: 'invalid_snapshot' },
    { name: 'a tampered answer status', damage: (s) => ({ ...s, state: { ...s.state, responses: [{ ...s.state.responses[0], status: 'ok', correct: true, answer: '2' }] } }), code: 'invalid_snapshot' },
    { name: 'an event about another item', damage: (s) => ({ ...s, state: { ...s.state, events: [{ ...s.state.events[0], action: { type: 'skipItem', itemId: 'nope' } }] } }), code: 'invalid_snapshot' },
  ];
  for (const c of cases)
    test(`refuses ${c.name}`, () => {
      assert.throws(
        () => restoreAdaptiveSession(BANK, c.damage(saved())),
        (e: unknown) => e instanceof AdaptiveError && e.code === c.code,
      );
    });
});

describe('refused actions', () => {
  const cases: { name: string; act: (s: AdaptiveSession) => AdaptiveAction; code: AdaptiveErrorCode; finished?: boolean }[] = [
    { name: 'an answer to another item', act: () => ({ type: 'answerItem', itemId: 'item-23', answer: '1' }), code: 'not_current_item' },
    { name: 'an unknown action', act: () => ({ type: 'jump' }) as unknown as AdaptiveAction, code: 'invalid_action' },
    { name: 'an answer that is not a string', act: (s) => ({ type: 'answerItem', itemId: s.state.current!.itemId, answer: 3 }) as unknown as AdaptiveAction, code: 'invalid_action' },
    { name: 'an action on a finished test', act: () => ({ type: 'stop' }), code: 'test_finished', finished: true },
  ];
  for (const c of cases)
    test(c.name, () => {
      const session = createAdaptiveSession(BANK, { seed: 'x', clock: clock(), config: CONFIG });
      if (c.finished) session.dispatch({ type: 'stop' });
      assert.throws(() => session.dispatch(c.act(session)), (e: unknown) => e instanceof AdaptiveError && e.code === c.code);
    });

  const configs: { name: string; config: unknown }[] = [
    { name: 'no stopping rule', config: {} },
    { name: 'maxItems 0', config: { stopping: { maxItems: 0 } } },
    { name: 'minItems above maxItems', config: { stopping: { maxItems: 5, minItems: 6 } } },
    { name: 'maxSe 0', config: { stopping: { maxItems: 5, maxSe: 0 } } },
    { name: 'an unknown estimator', config: { estimator: 'BME', stopping: { maxItems: 5 } } },
    { name: 'randomesque 0', config: { randomesque: 0, stopping: { maxItems: 5 } } },
    { name: 'content targets that do not sum to 1', config: { contentTargets: { '1': 0.5, '4': 0.2 }, stopping: { maxItems: 5 } } },
    { name: 'an unknown balancing', config: { balanceBy: 'tube', stopping: { maxItems: 5 } } },
    { name: 'a grid of one point', config: { grid: { points: 1 }, stopping: { maxItems: 5 } } },
    { name: 'a Sympson–Hetter parameter of 0', config: { sympsonHetter: { 'item-3': 0 }, stopping: { maxItems: 5 } } },
    { name: 'a Sympson–Hetter parameter above 1', config: { sympsonHetter: { 'item-3': 1.2 }, stopping: { maxItems: 5 } } },
    { name: 'a Sympson–Hetter parameter that is not a number', config: { sympsonHetter: { 'item-3': '0.5' }, stopping: { maxItems: 5 } } },
    { name: 'a Sympson–Hetter parameter for an item not in the bank', config: { sympsonHetter: { 'item-99': 0.5 }, stopping: { maxItems: 5 } } },
  ];
  for (const c of configs)
    test(`a configuration that cannot work: ${c.name}`, () => {
      assert.throws(
        () => createAdaptiveSession(BANK, { config: c.config as AdaptiveTestConfig }),
        (e: unknown) => e instanceof AdaptiveError && e.code === 'invalid_options',
      );
    });
});

describe('Sympson–Hetter exposure control in a session', () => {
  const config: AdaptiveTestConfig = { sympsonHetter: Object.fromEntries(BANK.items.map((item) => [item.challenge.id, 0.5])), stopping: { maxItems: 8 } };

  test('the same seed and answers give the same items, and a snapshot restores', () => {
    const a = createAdaptiveSession(BANK, { seed: 'sh', clock: clock(), config });
    const b = createAdaptiveSession(BANK, { seed: 'sh', clock: clock(), config });
    playThrough(a);
    playThrough(b);
    assert.deepEqual(a.state, b.state);
    assert.deepEqual(restoreAdaptiveSession(BANK, JSON.parse(JSON.stringify(a))).state, a.state);
  });

  test('different people (seeds) are passed over different items', () => {
    const firsts = new Set(Array.from({ length: 30 }, (_, i) => createAdaptiveSession(BANK, { seed: `p${i}`, clock: clock(), config }).state.current!.itemId));
    assert.ok(firsts.size > 2, [...firsts].join(' '));
  });
});

describe('shuffled proposals', () => {
  test('a QCU with shuffle gets a seeded display order, the same on replay', () => {
    const items = BANK.items.map((item) => ({ ...item, challenge: { ...item.challenge, shuffle: true } }));
    const bank = parseAdaptiveBank({ ...BANK, items });
    const a = createAdaptiveSession(bank, { seed: 'order', clock: clock(), config: CONFIG });
    const b = createAdaptiveSession(bank, { seed: 'order', clock: clock(), config: CONFIG });
    assert.deepEqual([...(a.state.current?.proposalOrder ?? [])].sort(), [1, 2]);
    assert.deepEqual(a.state.current, b.state.current);
    assert.equal(createAdaptiveSession(BANK, { seed: 'order', clock: clock(), config: CONFIG }).state.current?.proposalOrder, undefined);
  });
});
