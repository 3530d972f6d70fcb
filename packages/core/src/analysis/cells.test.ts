import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cellsOf, combinationsOf } from './cells.js';
import { prepareRaking, type CategoricalMargin, type RakingProblem } from './margins.js';
import { rakeCells, rakeProblem } from './rake.js';
import { tableFromRows, type ExportTable } from './table.js';

/** Deterministic numbers in [0, 1) (a linear congruential generator: enough to spread test respondents). */
function createRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

/** n respondents on margins of the given sizes, category k of margin j drawn with weight 1 + (k × (j + 1)) % 5, correlated with margin 0. */
function synthetic(n: number, sizes: readonly number[], seed = 7): { table: ExportTable; margins: CategoricalMargin[] } {
  const random = createRandom(seed);
  const rows = Array.from({ length: n }, () => {
    const row: Record<string, string> = {};
    let first = 0;
    sizes.forEach((size, j) => {
      const k = j === 0 || random() < 0.5 ? Math.floor(random() * size) : (first * 7 + j) % size;
      if (j === 0) first = k;
      row[`v${j}`] = `c${k}`;
    });
    return row;
  });
  const margins = sizes.map((size, j): CategoricalMargin => {
    const raw = Array.from({ length: size }, (_, k) => 1 + ((k * (j + 1)) % 5));
    const sum = raw.reduce((a, b) => a + b, 0);
    return { type: 'categorical', variable: `v${j}`, targets: Object.fromEntries(raw.map((w, k) => [`c${k}`, w / sum])), source: 'test' };
  });
  return { table: tableFromRows(rows), margins };
}

/** Raking written the plain way, one respondent at a time, with the same stopping rule: the reference. */
function naiveRake(problem: RakingProblem, tolerance: number): { weights: Float64Array; iterations: number } {
  const { n, margins } = problem;
  const w = new Float64Array(n).fill(1);
  const totalsOf = (j: number): Float64Array => {
    const m = margins[j]!;
    const t = new Float64Array(m.categories.length);
    for (let i = 0; i < n; i++) t[m.codes[i]!] = t[m.codes[i]!]! + w[i]!;
    return t;
  };
  const error = (): number => Math.max(...margins.map((m, j) => Math.max(...[...totalsOf(j)].map((t, k) => Math.abs(t - m.shares[k]! * n) / (m.shares[k]! * n)))));
  let iterations = 0;
  while (error() > tolerance && iterations < 1000) {
    iterations++;
    margins.forEach((m, j) => {
      const t = totalsOf(j);
      for (let i = 0; i < n; i++) w[i] = w[i]! * ((m.shares[m.codes[i]!]! * n) / t[m.codes[i]!]!);
    });
  }
  return { weights: w, iterations };
}

describe('raking on cells agrees with raking one respondent at a time', () => {
  // [why, respondents, category counts of the margins]
  const cases: [string, number, number[]][] = [
    ['one margin (block B is empty)', 500, [4]],
    ['two margins, few cells', 2_000, [2, 7]],
    ['three margins (blocks of 2 and 1)', 3_000, [3, 5, 12]],
    ['eight margins, most respondents in a cell of their own', 6_000, [2, 7, 4, 12, 5, 3, 4, 30]],
    ['five margins with many categories', 8_000, [40, 3, 25, 6, 50]],
  ];
  for (const [why, n, sizes] of cases) {
    test(why, () => {
      const { table, margins } = synthetic(n, sizes);
      const problem = prepareRaking(table, margins);
      const cells = cellsOf(problem);
      const r = rakeCells(problem, cells, { tolerance: 1e-11 });
      const reference = naiveRake(problem, 1e-11);
      assert.equal(r.converged, true);
      assert.equal(r.iterations, reference.iterations, 'same number of sweeps');
      let worst = 0;
      r.weights.forEach((w, i) => (worst = Math.max(worst, Math.abs(w - reference.weights[i]!) / reference.weights[i]!)));
      assert.ok(worst < 1e-12, `max relative difference ${worst}`);
      assert.equal(cells.count.reduce((a, b) => a + b, 0), n, 'every respondent is in one cell');
    });
  }

  test('cells are the distinct combinations, numbered in order of first appearance', () => {
    const rows = [{ a: 'x', b: '1' }, { a: 'y', b: '1' }, { a: 'x', b: '1' }, { a: 'x', b: '2' }, { a: 'y', b: '1' }];
    const problem = prepareRaking(rows, [
      { type: 'categorical', variable: 'a', targets: { x: 0.5, y: 0.5 }, source: 't' },
      { type: 'categorical', variable: 'b', targets: { '1': 0.5, '2': 0.5 }, source: 't' },
    ]);
    const cells = cellsOf(problem);
    assert.deepEqual([...cells.cellOf], [0, 1, 0, 2, 1]);
    assert.deepEqual([...cells.count], [2, 2, 1]);
    // Categories numbered across margins: a = x, y (0, 1); b = 1, 2 (2, 3).
    assert.deepEqual([...cells.categories[0]!], [0, 1, 0]);
    assert.deepEqual([...cells.categories[1]!], [2, 2, 3]);
  });

  test('many cells: 60,000 respondents, more possible pairs of block cells than a direct table holds (hashed lookup)', () => {
    const { table, margins } = synthetic(60_000, [250, 250, 400], 11);
    const problem = prepareRaking(table, margins);
    const cells = cellsOf(problem);
    assert.ok(cells.blocks.a.size * cells.blocks.b.size > 1 << 22, 'more pairs than the direct table holds');
    // Every respondent's cell has the respondent's categories.
    for (let i = 0; i < problem.n; i += 997) {
      problem.margins.forEach((m, j) => assert.equal(cells.categories[j]![cells.cellOf[i]!]! - cells.offsets[j]!, m.codes[i]));
    }
    const r = rakeProblem(problem, { tolerance: 1e-9 });
    assert.equal(r.converged, true);
    assert.ok(r.maxRelativeError <= 1e-9);
  });
});

describe('combinations numbered in order of first appearance, whatever the lookup', () => {
  // [why, sizes of the columns]: a direct table, then more possible pairs than it holds (hashed lookup).
  const cases: [string, number[]][] = [
    ['few possible combinations (direct table)', [3, 5, 7]],
    ['more possible pairs than a direct table holds', [3000, 3000]],
    ['a direct step, then a hashed one', [40, 2500, 3000]],
  ];
  for (const [why, sizes] of cases) {
    test(why, () => {
      let seed = sizes.length;
      const random = () => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
      const n = 50_000;
      // Skewed codes, so that combinations repeat.
      const columns = sizes.map((size) => ({ codes: Int32Array.from({ length: n }, () => Math.floor(size * random() ** 3)), size }));
      const { cellOf, size } = combinationsOf(n, columns);
      const ids = new Map<string, number>();
      for (let i = 0; i < n; i++) {
        const key = columns.map((c) => c.codes[i]).join(',');
        if (!ids.has(key)) ids.set(key, ids.size);
        assert.equal(cellOf[i], ids.get(key), `respondent ${i}`);
      }
      assert.equal(size, ids.size);
    });
  }
});
