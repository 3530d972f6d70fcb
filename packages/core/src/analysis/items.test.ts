import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { itemStatistics, weightedMedian } from './items.js';

describe('per-challenge statistics', () => {
  // 40 respondents: `good` follows the total score, `flat` is passed by everyone, `noisy` is unrelated to it.
  const rows = Array.from({ length: 40 }, (_, i) => {
    const able = i % 2 === 0;
    return {
      ch_a: able ? 'ok' : 'ko',
      ch_b: able ? 'ok' : i % 4 === 1 ? 'aband' : 'timedout',
      ch_good: able ? 'ok' : 'ko',
      ch_flat: 'ok',
      ch_noisy: i % 4 < 2 ? 'ok' : 'ko',
      ch_unplayed: i < 10 ? 'ok' : '',
    };
  });
  const weights = new Float64Array(40).fill(1);
  const byId = Object.fromEntries(itemStatistics(rows, weights).map((s) => [s.challengeId, s]));

  test('rates among those who played: success, skip, time-out', () => {
    assert.deepEqual([byId.b!.success, byId.b!.skipped, byId.b!.timedOut], [0.5, 0.25, 0.25]);
    assert.equal(byId.unplayed!.n, 10);
  });
  test('a challenge that follows the rest of the test discriminates', () => {
    assert.ok(byId.good!.discrimination! > 0.7, String(byId.good!.discrimination));
    assert.equal(byId.good!.notDiscriminating, false);
  });
  test('a challenge everyone passes, or one unrelated to the rest, is flagged', () => {
    assert.equal(byId.flat!.discrimination, null);
    assert.equal(byId.flat!.notDiscriminating, true);
    assert.ok(Math.abs(byId.noisy!.discrimination!) < 0.2);
    assert.equal(byId.noisy!.notDiscriminating, true);
  });
  test('under 30 respondents nothing is flagged', () => assert.equal(byId.unplayed!.notDiscriminating, false));
  test('difficulty is the unweighted share ok', () => assert.equal(byId.a!.difficulty, 0.5));
});

describe('weighted median (docs/analysis.md, "Per challenge")', () => {
  const cases: [string, number[], number[], number | null][] = [
    ['odd count, equal weights: the middle value', [30, 10, 20], [1, 1, 1], 20],
    ['even count, equal weights: the lower middle value', [10, 20], [1, 1], 10],
    ['a heavy value pulls the median to it', [10, 20, 30], [1, 1, 5], 30],
    ['weights that reach exactly half stop there', [10, 20, 30], [0.5, 1, 1.5], 20],
    ['a weight of 0 counts for nothing', [5, 10, 20], [0, 1, 1], 10],
    ['one value', [42], [2.3], 42],
    ['no value', [], [], null],
    ['only weights of 0', [10], [0], null],
  ];
  for (const [name, values, weights, expected] of cases) test(name, () => assert.equal(weightedMedian(values, weights), expected));
});

describe('per-challenge time and skips by the mediator', () => {
  // ch_x played by 4: times 10, 20, 30 and none (closed by the mediator's skip of the remaining challenges).
  const rows = [
    { ch_x: 'ok', t_x: '10', skip_x: '', ch_y: 'ok', t_y: '5', skip_y: '' },
    { ch_x: 'aband', t_x: '20', skip_x: 'participant', ch_y: '', t_y: '', skip_y: '' },
    { ch_x: 'aband', t_x: '30', skip_x: 'mediator', ch_y: 'ko', t_y: '7', skip_y: '' },
    { ch_x: 'aband', t_x: '', skip_x: 'mediator', ch_y: '', t_y: '', skip_y: '' },
    { ch_x: '', t_x: '', skip_x: '', ch_y: '', t_y: '', skip_y: '' },
  ];
  const cases: [string, number[], string, { skippedByMediator: number | null; medianSeconds: number | null }][] = [
    ['equal weights: median of 10, 20, 30; 2 of 4 skipped by the mediator', [1, 1, 1, 1, 1], 'x', { skippedByMediator: 0.5, medianSeconds: 20 }],
    ['weighted: the third respondent weighs most', [1, 1, 4, 2, 1], 'x', { skippedByMediator: 0.75, medianSeconds: 30 }],
    ['nobody skipped it', [1, 1, 1, 1, 1], 'y', { skippedByMediator: 0, medianSeconds: 5 }],
  ];
  for (const [name, weights, id, expected] of cases)
    test(name, () => {
      const item = itemStatistics(rows, Float64Array.from(weights)).find((it) => it.challengeId === id)!;
      assert.deepEqual({ skippedByMediator: item.skippedByMediator, medianSeconds: item.medianSeconds }, expected);
    });
  test('an export without these columns (made before them): unknown, not 0', () => {
    const [item] = itemStatistics([{ ch_x: 'aband' }, { ch_x: 'ok' }], new Float64Array([1, 1]));
    assert.deepEqual([item!.skippedByMediator, item!.medianSeconds], [null, null]);
  });
  test('only the ch_ columns are challenges', () =>
    assert.deepEqual(itemStatistics(rows, new Float64Array(5).fill(1)).map((it) => it.challengeId), ['x', 'y']));
});
