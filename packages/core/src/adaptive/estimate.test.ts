import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { AdaptiveError } from './errors.js';
import { eap, estimateAbility, map, ml, wle, type EstimatorName } from './estimate.js';
import { quadratureGrid } from './grid.js';
import type { ItemParameters } from './model.js';

const TOLERANCE = 1e-6;

function close(actual: number, expected: number, what: string, tolerance = TOLERANCE): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);
}

/** A grid fine and wide enough to stand for the integral (docs/adaptive.md, "Estimators"). */
const FINE = quadratureGrid({ points: 2001, min: -8, max: 8 });

describe('estimators reproduce the reference values of docs/adaptive.md', () => {
  const items: ItemParameters[] = [
    { a: 1, b: -1 },
    { a: 1.5, b: -0.5 },
    { a: 0.8, b: 0 },
    { a: 1.2, b: 0.5 },
    { a: 2.0, b: 1 },
  ];
  const answers = [true, true, false, true, false];

  test('EAP 0.3162349 and posterior SD 0.6189462 on a fine grid', () => {
    const estimate = eap(items, answers, { grid: FINE });
    close(estimate.theta, 0.3162349, 'EAP');
    close(estimate.se, 0.6189462, 'posterior SD');
  });

  test('EAP on the default 33-point grid stays within 1e-6 of the fine grid', () => {
    const estimate = eap(items, answers);
    close(estimate.theta, 0.3162349, 'EAP');
    close(estimate.se, 0.6189462, 'posterior SD');
  });

  test('MLE 0.5219406', () => {
    close(ml(items, answers).theta, 0.5219406, 'MLE');
  });
});

interface ReferenceCase {
  name: string;
  a: number[];
  b: number[];
  c: number[];
  answers: number[];
  eap: { theta: number; se: number };
  map: { theta: number; se: number };
  ml: { theta: number; se: number };
  wle: { theta: number; se: number };
}

// Figures of an independent implementation: fixtures/reference.R (plain R, integrate() over the
// real line and uniroot() on the estimating equations), its output committed as reference.json.
const CASES = JSON.parse(readFileSync(new URL('./fixtures/reference.json', import.meta.url), 'utf8')) as ReferenceCase[];

describe('estimators agree with the independent reference (fixtures/reference.R)', () => {
  for (const reference of CASES) {
    const items = reference.a.map((a, i) => ({ a, b: reference.b[i] as number, c: reference.c[i] as number }));
    const answers = reference.answers.map((u) => u === 1);
    test(`${reference.name}: EAP, MAP, ML and WLE with their standard errors`, () => {
      const found = { eap: eap(items, answers, { grid: FINE }), map: map(items, answers), ml: ml(items, answers), wle: wle(items, answers) };
      for (const key of ['eap', 'map', 'ml', 'wle'] as const) {
        close(found[key].theta, reference[key].theta, `${key} θ`);
        close(found[key].se, reference[key].se, `${key} SE`);
      }
    });
  }
});

describe('constant patterns', () => {
  const items: ItemParameters[] = [
    { a: 1, b: -1 },
    { a: 1.5, b: 0 },
    { a: 1.2, b: 1 },
  ];
  const cases: { name: string; answers: boolean[]; estimator: EstimatorName; theta?: number; bounded: boolean }[] = [
    { name: 'ML, all right: the upper bound, flagged', answers: [true, true, true], estimator: 'ML', theta: 4, bounded: true },
    { name: 'ML, all wrong: the lower bound, flagged', answers: [false, false, false], estimator: 'ML', theta: -4, bounded: true },
    { name: 'WLE, all right: finite inside the bounds', answers: [true, true, true], estimator: 'WLE', bounded: false },
    { name: 'WLE, all wrong: finite inside the bounds', answers: [false, false, false], estimator: 'WLE', bounded: false },
    { name: 'EAP, all right: finite, pulled by the prior', answers: [true, true, true], estimator: 'EAP', bounded: false },
    { name: 'MAP, all wrong: finite, pulled by the prior', answers: [false, false, false], estimator: 'MAP', bounded: false },
  ];
  for (const c of cases)
    test(c.name, () => {
      const estimate = estimateAbility(c.estimator, items, c.answers);
      if (c.theta !== undefined) assert.equal(estimate.theta, c.theta);
      else assert.ok(Math.abs(estimate.theta) < 4);
      assert.equal(estimate.bounded === true, c.bounded);
      assert.ok(Number.isFinite(estimate.se) && estimate.se > 0);
    });

  test('ML bounds are configurable', () => {
    assert.equal(ml(items, [true, true, true], { bounds: [-3, 3] }).theta, 3);
  });
});

describe('bad input is refused with a typed error', () => {
  const one: ItemParameters[] = [{ a: 1, b: 0 }];
  const cases: { name: string; run: () => unknown; code: string }[] = [
    { name: 'fewer answers than items', run: () => eap(one, []), code: 'invalid_responses' },
    { name: 'ML with no answer', run: () => ml([], []), code: 'invalid_responses' },
    { name: 'a discrimination of 0', run: () => eap([{ a: 0, b: 0 }], [true]), code: 'invalid_parameters' },
    { name: 'a guessing parameter of 1', run: () => eap([{ a: 1, b: 0, c: 1 }], [true]), code: 'invalid_parameters' },
    { name: 'a difficulty that is not a number', run: () => eap([{ a: 1, b: Number.NaN }], [true]), code: 'invalid_parameters' },
    { name: 'a prior with sd 0', run: () => map(one, [true], { prior: { mean: 0, sd: 0 } }), code: 'invalid_options' },
    { name: 'bounds in the wrong order', run: () => ml(one, [true], { bounds: [4, -4] }), code: 'invalid_options' },
    { name: 'a grid of one point', run: () => quadratureGrid({ points: 1 }), code: 'invalid_options' },
    { name: 'an unknown estimator', run: () => estimateAbility('BME' as EstimatorName, one, [true]), code: 'invalid_options' },
  ];
  for (const c of cases)
    test(c.name, () => {
      assert.throws(c.run, (e: unknown) => e instanceof AdaptiveError && e.code === c.code);
    });
});
