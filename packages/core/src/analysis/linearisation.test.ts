import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { calibrationDesign, linearisedMean } from './linearisation.js';
import { prepareRaking, type Margin, type Row } from './margins.js';
import { rakeProblem } from './rake.js';

interface Fixture {
  rows: Row[];
  margins: Margin[];
  weights: number[];
  proportion: { estimate: number; se: number };
  mean: { estimate: number; se: number };
  byRegion: { region: string; proportion: number; proportionSe: number; mean: number; meanSe: number }[];
}

/** Written by fixtures/make-calibration-fixtures.R with R `survey` (calibrate, calfun = "raking"; svymean; svyby). */
const fixture = JSON.parse(readFileSync(new URL('./fixtures/calibration.json', import.meta.url), 'utf8')) as Fixture;

const problem = prepareRaking(fixture.rows, fixture.margins);
const raked = rakeProblem(problem, { tolerance: 1e-13, maxIterations: 10_000 });
const design = calibrationDesign(problem);
const ill = Float64Array.from(fixture.rows, (r) => (r.illectronic === 'yes' ? 1 : 0));
const level = Float64Array.from(fixture.rows, (r) => Number(r.level));

function close(actual: number, expected: number, relative = 1e-6): void {
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${actual} vs R ${expected}`);
}

describe('linearised variance of the raked estimator agrees with R survey (calibrate, calfun = "raking")', () => {
  test('the raked weights are R\'s', () => raked.weights.forEach((w, i) => close(w, fixture.weights[i] as number, 1e-9)));

  test('a national proportion (svymean of an indicator)', () => {
    const r = linearisedMean(design, ill, raked.weights);
    close(r.mean, fixture.proportion.estimate, 1e-9);
    close(r.standardError, fixture.proportion.se);
  });

  test('a national mean (svymean)', () => {
    const r = linearisedMean(design, level, raked.weights);
    close(r.mean, fixture.mean.estimate, 1e-9);
    close(r.standardError, fixture.mean.se);
  });

  for (const expected of fixture.byRegion)
    test(`a domain breakdown (svyby), region ${expected.region}`, () => {
      const inRegion = (i: number): boolean => fixture.rows[i]?.region === expected.region;
      const p = linearisedMean(design, ill, raked.weights, inRegion);
      close(p.mean, expected.proportion, 1e-9);
      close(p.standardError, expected.proportionSe);
      const m = linearisedMean(design, level, raked.weights, inRegion);
      close(m.mean, expected.mean, 1e-9);
      close(m.standardError, expected.meanSe);
    });

  test('calibration on correlated margins lowers the standard error compared with fixed weights', () => {
    assert.ok(linearisedMean(design, ill, raked.weights).standardError < linearisedMean(undefined, ill, raked.weights).standardError);
  });
});
