import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { itemStatistics } from './items.js';

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
