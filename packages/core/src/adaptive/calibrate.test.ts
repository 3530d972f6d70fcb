import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seededRandom } from '../session/random.js';
import { calibrateTwoPL, responsesFromExportRows, type ResponseMatrix } from './calibrate.js';
import { AdaptiveError } from './errors.js';
import { normal, uniform } from './simulate.js';

/** 2PL answers of `persons` simulated people, N(0, 1), each item left out with probability `missing`. */
function simulate(truth: readonly { a: number; b: number }[], persons: number, missing: number, seed: string): ResponseMatrix {
  const random = seededRandom(seed);
  const I = truth.length;
  const answers = new Int8Array(persons * I);
  for (let j = 0; j < persons; j++) {
    const theta = normal(random);
    for (const [i, item] of truth.entries()) {
      if (uniform(random) < missing) answers[j * I + i] = -1;
      else answers[j * I + i] = uniform(random) < 1 / (1 + Math.exp(item.a * (item.b - theta))) ? 1 : 0;
    }
  }
  return { itemIds: truth.map((_, i) => `item-${i}`), persons, answers };
}

const rmse = (errors: readonly number[]): number => Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length);

describe('calibration recovers simulated parameters (docs/adaptive.md, "Calibration")', () => {
  const random = seededRandom('truth');
  const truth = Array.from({ length: 30 }, (_, i) => ({ a: 0.7 + 1.3 * uniform(random), b: -2 + (4 * i) / 29 }));
  const result = calibrateTwoPL(simulate(truth, 2000, 0, 'people'));
  const errorsA = result.items.map((item, i) => item.a - (truth[i] as { a: number }).a);
  const errorsB = result.items.map((item, i) => item.b - (truth[i] as { b: number }).b);

  test('EM converges', () => {
    assert.ok(result.converged, `${result.iterations} iterations`);
  });

  test('n = 2,000: RMSE of a and of b at most 0.15, no item off by more than 0.4', () => {
    assert.ok(rmse(errorsA) <= 0.15, `RMSE a ${rmse(errorsA)}`);
    assert.ok(rmse(errorsB) <= 0.15, `RMSE b ${rmse(errorsB)}`);
    assert.ok(Math.max(...errorsA.map(Math.abs)) <= 0.4, `max |Δa| ${Math.max(...errorsA.map(Math.abs))}`);
    assert.ok(Math.max(...errorsB.map(Math.abs)) <= 0.4, `max |Δb| ${Math.max(...errorsB.map(Math.abs))}`);
  });

  test('the well-fitting simulated items are not reported for review', () => {
    assert.deepEqual(
      result.items.filter((item) => item.review.length > 0).map((item) => item.id),
      [],
    );
  });
});

describe('items to review', () => {
  const truth = [...Array.from({ length: 12 }, (_, i) => ({ a: 1.5, b: -1.5 + (3 * i) / 11 }))];
  const data = simulate(truth, 1500, 0, 'review');
  // Item 12 is answered at random (no discrimination); item 13 by only 50 people.
  const I = truth.length + 2;
  const answers = new Int8Array(data.persons * I);
  const random = seededRandom('noise');
  for (let j = 0; j < data.persons; j++) {
    for (let i = 0; i < truth.length; i++) answers[j * I + i] = data.answers[j * truth.length + i] as number;
    answers[j * I + 12] = uniform(random) < 0.5 ? 1 : 0;
    answers[j * I + 13] = j < 50 ? (data.answers[j * truth.length + 6] as number) : -1;
  }
  const result = calibrateTwoPL({ itemIds: [...data.itemIds, 'random', 'rare'], persons: data.persons, answers });
  const reasons = (id: string) => result.items.find((item) => item.id === id)?.review ?? [];

  test('an item answered at random is reported for low discrimination', () => {
    assert.ok(reasons('random').includes('low_discrimination'), String(reasons('random')));
  });
  test('an item answered by few people is reported', () => {
    assert.ok(reasons('rare').includes('few_answers'));
  });
});

describe('reading the collector export', () => {
  test('ok is right; ko, aband and timedout are wrong; an empty cell was not asked', () => {
    const matrix = responsesFromExportRows([
      { session_id: 'a', ch_q1: 'ok', ch_q2: 'ko', ch_q3: '' },
      { session_id: 'b', ch_q1: 'aband', ch_q2: 'timedout', ch_q3: 'ok' },
      { session_id: 'c', ch_q1: '', ch_q2: '', ch_q3: '' },
    ]);
    assert.deepEqual(matrix.itemIds, ['q1', 'q2', 'q3']);
    assert.equal(matrix.persons, 2);
    assert.deepEqual([...matrix.answers], [1, 0, -1, 0, 0, 1]);
  });

  const cases: { name: string; run: () => unknown }[] = [
    { name: 'no challenge column', run: () => responsesFromExportRows([{ session_id: 'a' }]) },
    { name: 'an unknown status', run: () => responsesFromExportRows([{ ch_q1: 'maybe' }]) },
    { name: 'an item nobody answered', run: () => calibrateTwoPL({ itemIds: ['q1', 'q2'], persons: 2, answers: Int8Array.from([1, -1, 0, -1]) }) },
    { name: 'a matrix of the wrong size', run: () => calibrateTwoPL({ itemIds: ['q1'], persons: 2, answers: Int8Array.from([1]) }) },
    { name: 'a value other than 1, 0 or −1', run: () => calibrateTwoPL({ itemIds: ['q1'], persons: 1, answers: Int8Array.from([2]) }) },
  ];
  for (const c of cases) test(`refuses ${c.name}`, () => assert.throws(c.run, (e: unknown) => e instanceof AdaptiveError && e.code === 'invalid_data'));
});
