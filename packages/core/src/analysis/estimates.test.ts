import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareWithNational, kish, weightedMean, weightedProportions, wilson } from './estimates.js';
import { fixture } from '../../../../test/fixtures/analysis/load.js';

interface EstimatesFixture {
  weights: number[];
  level: number[];
  n_effective: number;
  design_effect: number;
  proportions: { category: string; proportion: number; low: number; high: number }[];
  mean: { mean: number; se: number; low: number; high: number };
}

const close = (actual: number, expected: number, tolerance: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} vs ${expected}`);

describe('estimates match R (survey::svymean, Kish and Wilson on n_eff computed in R)', () => {
  const f = fixture<EstimatesFixture>('estimates');
  const levels = f.level.map(String);

  test('Kish effective sample size and design effect to 1e-9', () => {
    const k = kish(f.weights);
    close(k.nEffective, f.n_effective, 1e-9, 'n_eff');
    close(k.designEffect, f.design_effect, 1e-9, 'deff');
  });

  test('weighted proportions to 1e-9, Wilson intervals on n_eff to 1e-6', () => {
    const r = weightedProportions(levels, f.weights, ['0', '1', '2', '3']);
    for (const expected of f.proportions) {
      const got = r.categories.find((c) => c.category === expected.category)!;
      close(got.proportion, expected.proportion, 1e-9, `p(${expected.category})`);
      close(got.low, expected.low, 1e-6, `low(${expected.category})`);
      close(got.high, expected.high, 1e-6, `high(${expected.category})`);
    }
  });

  test('weighted mean, its standard error and interval like svymean / confint', () => {
    const m = weightedMean(f.level, f.weights);
    close(m.mean, f.mean.mean, 1e-9, 'mean');
    close(m.standardError, f.mean.se, 1e-9, 'se');
    close(m.low, f.mean.low, 1e-6, 'low');
    close(m.high, f.mean.high, 1e-6, 'high');
  });
});

describe('estimates: rules', () => {
  test('Kish: equal weights give deff 1 and n_eff n', () => {
    assert.deepEqual(kish([2, 2, 2, 2]), { n: 4, weightedTotal: 8, nEffective: 4, designEffect: 1 });
  });

  test('proportions are among respondents with a value; missing ones are left out of the base', () => {
    const r = weightedProportions(['a', 'b', 'a', undefined, ''], [1, 2, 1, 5, 5], ['a', 'b', 'c']);
    assert.equal(r.n, 3);
    assert.deepEqual(r.categories.map((c) => [c.category, c.count, c.proportion]), [['a', 2, 0.5], ['b', 1, 0.5], ['c', 0, 0]]);
  });

  test('Wilson stays inside 0..1 and is not degenerate at 0', () => {
    const i = wilson(0, 30);
    assert.equal(i.low, 0);
    assert.ok(i.high > 0.1 && i.high < 0.12);
  });

  test('a domain differs from the nation only when the intervals do not overlap', () => {
    assert.equal(compareWithNational({ low: 0.1, high: 0.2 }, { value: 0.3, low: 0.25, high: 0.35 }).differs, true);
    assert.equal(compareWithNational({ low: 0.1, high: 0.26 }, { value: 0.3, low: 0.25, high: 0.35 }).differs, false);
    assert.equal(compareWithNational({ low: 0.4, high: 0.5 }, { value: 0.3, low: 0.25, high: 0.35 }).differs, true);
  });
});
