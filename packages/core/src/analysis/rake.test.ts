import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WeightingError } from './errors.js';
import { fixture, maxAbsDiff } from '../../../../test/fixtures/analysis/load.js';
import { MISSING, prepareRaking, type CategoricalMargin, type Row } from './margins.js';
import { postStratify } from './post-stratify.js';
import { rake, rakeProblem } from './rake.js';

interface RakeFixture {
  rows: Row[];
  targets: Record<string, Record<string, number>>;
  weights: number[];
  cap?: number;
  max_weight?: number;
  usual_recipe_weights?: number[];
}

const categorical = (variable: string, targets: Record<string, number>): CategoricalMargin => ({ type: 'categorical', variable, targets, source: 'test' });

/** R ran with epsilon 1e-14: converge as tightly so that the 1e-9 comparison means something. */
const tight = { tolerance: 1e-12 };

describe('rake matches R survey::rake', () => {
  test('two margins on 100 respondents: weights to 1e-9', () => {
    const f = fixture<RakeFixture>('rake-two-margins');
    const r = rake(f.rows, [categorical('genre', f.targets.genre!), categorical('age_band', f.targets.age_band!)], tight);
    assert.equal(r.converged, true);
    assert.ok(maxAbsDiff(r.weights, f.weights) < 1e-9, `max diff ${maxAbsDiff(r.weights, f.weights)}`);
    for (const m of r.margins) for (const c of m.categories) assert.ok(Math.abs(c.achieved - c.target) / c.target <= 1e-12);
  });

  test('the default tolerance (1e-9 on the margins) already gives weights within 1e-8 of R', () => {
    const f = fixture<RakeFixture>('rake-two-margins');
    const r = rake(f.rows, [categorical('genre', f.targets.genre!), categorical('age_band', f.targets.age_band!)]);
    assert.ok(r.maxRelativeError <= 1e-9);
    assert.ok(maxAbsDiff(r.weights, f.weights) < 1e-8);
  });

  test('binary theme margins (covered / not covered): weights to 1e-9', () => {
    const f = fixture<RakeFixture>('rake-themes');
    const r = rake(f.rows, [
      categorical('genre', f.targets.genre!),
      categorical('age_band', f.targets.age_band!),
      { type: 'themes', variable: 'q_thematiques', targets: f.targets.q_thematiques!, source: 'test' },
    ], tight);
    assert.equal(r.converged, true);
    assert.deepEqual(r.margins.map((m) => m.name), ['genre', 'age_band', 'q_thematiques:email', 'q_thematiques:sante']);
    assert.ok(maxAbsDiff(r.weights, f.weights) < 1e-9, `max diff ${maxAbsDiff(r.weights, f.weights)}`);
  });

  test('capped raking, trimming after each sweep like trimWeights: weights to 1e-9', () => {
    const f = fixture<RakeFixture>('rake-capped');
    const r = rake(f.rows, [categorical('genre', f.targets.genre!), categorical('age_band', f.targets.age_band!)], {
      cap: f.cap!,
      tolerance: 1e-12,
      maxIterations: 10_000,
    });
    // With a binding cap the fixed point is approached slowly (about 0.7% per sweep here).
    assert.equal(r.converged, true);
    assert.ok(Math.max(...r.weights) <= f.cap! * (1 + 1e-9));
    assert.ok(maxAbsDiff(r.weights, f.weights) < 1e-9, `max diff ${maxAbsDiff(r.weights, f.weights)}`);
    // R's usual recipe (rake, then trim once) is another method: it does not meet the margins.
    assert.ok(maxAbsDiff(r.weights, f.usual_recipe_weights!) > 1e-3);
  });

  test('missing weighting value: own category at its sample share, like R with an extra level', () => {
    const f = fixture<RakeFixture>('rake-missing');
    const r = rake(f.rows, [categorical('genre', f.targets.genre!), categorical('age_band', f.targets.age_band!)], tight);
    assert.ok(maxAbsDiff(r.weights, f.weights) < 1e-9, `max diff ${maxAbsDiff(r.weights, f.weights)}`);
    const genre = r.margins[0]!.categories;
    assert.deepEqual(genre.map((c) => c.category), ['feminin', 'masculin', MISSING]);
    assert.equal(genre[2]!.count, 4);
    assert.ok(Math.abs(genre[2]!.target - 0.04) < 1e-15);
    assert.ok(Math.abs(genre[0]!.target - 0.72 * 0.96) < 1e-15);
  });
});

describe('postStratify matches R survey::postStratify', () => {
  test('full cells genre × age_band: weights to 1e-9', () => {
    const f = fixture<{ rows: Row[]; targets: Record<string, number>; weights: number[] }>('post-stratify');
    const r = postStratify(f.rows, { variables: ['genre', 'age_band'], targets: f.targets, source: 'test' });
    assert.equal(r.converged, true);
    assert.ok(maxAbsDiff(r.weights, f.weights) < 1e-9, `max diff ${maxAbsDiff(r.weights, f.weights)}`);
  });

  test('an empty cell is a typed error naming it', () => {
    const rows = [{ genre: 'feminin', age: 'a' }, { genre: 'masculin', age: 'a' }];
    assert.throws(
      () => postStratify(rows, { variables: ['genre', 'age'], targets: { 'feminin|a': 0.4, 'masculin|a': 0.4, 'feminin|b': 0.2 }, source: 't' }),
      (e: unknown) => e instanceof WeightingError && e.code === 'empty_category' && e.category === 'feminin|b',
    );
  });
});

describe('rake: bad margins are typed errors', () => {
  const rows: Row[] = [{ g: 'a', t: 'x|y' }, { g: 'b', t: 'x' }, { g: 'a', t: 'y' }];
  const isError = (code: string, category?: string) => (e: unknown) =>
    e instanceof WeightingError && e.code === code && (category === undefined || e.category === category);

  test('a target category with no respondent names it', () => {
    assert.throws(() => rake(rows, [categorical('g', { a: 0.5, b: 0.3, c: 0.2 })]), isError('empty_category', 'c'));
    assert.throws(() => rake(rows, [categorical('g', { a: 0.5, b: 0.3, c: 0.2 })]), /no respondent in category "c"/);
  });

  test('an explicit collapse rule merges the empty category into another', () => {
    const r = rake(rows, [{ ...categorical('g', { a: 0.5, b: 0.3, c: 0.2 }), collapse: { c: 'b' } }]);
    assert.deepEqual(r.margins[0]!.categories.map((c) => [c.category, c.target]), [['a', 0.5], ['b', 0.5]]);
    assert.deepEqual(Array.from(r.weights), [0.75, 1.5, 0.75]);
  });

  test('a collapse into a category that is not a target is refused', () => {
    assert.throws(() => rake(rows, [{ ...categorical('g', { a: 0.5, b: 0.5 }), collapse: { c: 'z' } }]), isError('invalid_margin', 'z'));
  });

  test('a theme nobody covers (or everybody covers) names it', () => {
    assert.throws(() => rake(rows, [{ type: 'themes', variable: 't', targets: { z: 0.2 }, source: 't' }]), isError('empty_category', 'z:covered'));
    assert.throws(() => rake([{ t: 'x' }, { t: 'x|y' }], [{ type: 'themes', variable: 't', targets: { x: 0.2 }, source: 't' }]), isError('empty_category', 'x:not_covered'));
  });

  test('shares that do not sum to 1 are refused', () => {
    assert.throws(() => rake(rows, [categorical('g', { a: 0.5, b: 0.6 })]), isError('margins_not_normalised'));
    assert.throws(() => rake(rows, [categorical('g', { a: 50, b: 50 })]), /sum to 100, not 1/);
  });

  test('shares within 1e-6 of 1 (rounding) are rescaled to sum to 1', () => {
    const r = rake(rows, [categorical('g', { a: 0.6666667, b: 0.3333333 })]);
    assert.ok(Math.abs(r.margins[0]!.categories[0]!.target - 0.6666667 / 1.0000000) < 1e-15);
  });

  test('a value no margin knows names it', () => {
    assert.throws(() => rake([...rows, { g: 'zz' }], [categorical('g', { a: 0.5, b: 0.5 })]), isError('unknown_category', 'zz'));
  });

  test('negative, zero or non-numeric targets are refused', () => {
    assert.throws(() => rake(rows, [categorical('g', { a: 1.2, b: -0.2 })]), isError('invalid_margin', 'b'));
    assert.throws(() => rake(rows, [categorical('g', { a: 1, b: 0 })]), isError('invalid_margin', 'b'));
    assert.throws(() => rake(rows, [{ type: 'themes', variable: 't', targets: { x: 1 }, source: 't' }]), isError('invalid_margin', 'x'));
  });

  test('no respondent, no margin, a margin given twice', () => {
    assert.throws(() => rake([], [categorical('g', { a: 1 })]), isError('no_respondents'));
    assert.throws(() => rake(rows, []), isError('invalid_margin'));
    assert.throws(() => rake(rows, [categorical('g', { a: 0.5, b: 0.5 }), categorical('g', { a: 0.5, b: 0.5 })]), isError('invalid_margin'));
  });

  test('a cap of 1 or less is refused', () => {
    assert.throws(() => rake(rows, [categorical('g', { a: 0.5, b: 0.5 })], { cap: 1 }), isError('invalid_margin'));
  });

  test('an empty multi-answer cell is missing, not "not covered"', () => {
    const r = rake([{ t: 'x' }, { t: '' }, { t: 'y' }, { t: 'x|y' }], [{ type: 'themes', variable: 't', targets: { x: 0.4 }, source: 't' }]);
    assert.deepEqual(r.margins[0]!.categories.map((c) => [c.category, c.count]), [['covered', 2], ['not_covered', 1], [MISSING, 1]]);
  });

  test('non_communique counts as missing unless it is a target category', () => {
    const r = rake([{ g: 'a' }, { g: 'non_communique' }, { g: 'b' }, { g: 'b' }], [categorical('g', { a: 0.5, b: 0.5 })]);
    assert.equal(r.margins[0]!.categories[2]!.category, MISSING);
    const kept = rake([{ g: 'a' }, { g: 'non_communique' }], [categorical('g', { a: 0.5, non_communique: 0.5 })]);
    assert.equal(kept.margins[0]!.categories.length, 2);
  });
});

describe('rake: convergence', () => {
  test('an iteration cap stops the loop and says it did not converge', () => {
    const f = fixture<RakeFixture>('rake-themes');
    const problem = prepareRaking(f.rows, [
      categorical('genre', f.targets.genre!),
      categorical('age_band', f.targets.age_band!),
      { type: 'themes', variable: 'q_thematiques', targets: f.targets.q_thematiques!, source: 'test' },
    ]);
    const r = rakeProblem(problem, { maxIterations: 2 });
    assert.equal(r.iterations, 2);
    assert.equal(r.converged, false);
    assert.ok(r.maxRelativeError > 1e-9);
  });

  test('weights have mean 1 and the achieved margins are reported', () => {
    const f = fixture<RakeFixture>('rake-two-margins');
    const r = rake(f.rows, [categorical('genre', f.targets.genre!), categorical('age_band', f.targets.age_band!)]);
    assert.ok(Math.abs(r.weights.reduce((a, b) => a + b, 0) - 100) < 1e-9);
    assert.ok(r.maxRelativeError <= 1e-9);
    assert.equal(r.margins[0]!.categories.reduce((a, c) => a + c.count, 0), 100);
  });
});
