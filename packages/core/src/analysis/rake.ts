/**
 * Raking (iterative proportional fitting, docs/analysis.md "Weighting rules") on typed arrays.
 * One sweep multiplies each respondent's weight, margin after margin, by target / current total of
 * their category; sweeps repeat until every margin is met within a relative tolerance.
 */
import { WeightingError } from './errors.js';
import { cellsOf, type Cells } from './cells.js';
import { rakeBlocks, type CellRaking, type RakingLoop } from './rake-blocks.js';
import { prepareRaking, type Margin, type PreparedMargin, type RakingProblem, type Row } from './margins.js';

export interface RakeOptions {
  /** Stop when every |achieved − target| / target is at most this. Default 1e-9. */
  tolerance?: number;
  /** Sweeps at most. Default 1000. */
  maxIterations?: number;
  /**
   * Cap on a weight, as a multiple of the mean weight (e.g. 5). Applied after every sweep like
   * R's `trimWeights`: weights above the cap are set to it and the excess is shared equally among
   * the weights that were not trimmed, so the total stays the same.
   */
  cap?: number;
}

export interface AchievedCategory {
  category: string;
  /** Target share, 0..1. */
  target: number;
  /** Weighted share reached. */
  achieved: number;
  /** Unweighted respondents. */
  count: number;
}

export interface AchievedMargin {
  name: string;
  variable: string;
  type: 'categorical' | 'themes';
  source: string;
  categories: AchievedCategory[];
}

export interface RakeResult {
  /** One weight per respondent, in input order, mean 1 (they sum to the number of respondents). */
  weights: Float64Array;
  /** Sweeps done. */
  iterations: number;
  converged: boolean;
  maxRelativeError: number;
  margins: AchievedMargin[];
}

export const DEFAULT_TOLERANCE = 1e-9;
export const DEFAULT_MAX_ITERATIONS = 1000;

type Categories = Uint8Array | Uint16Array | Int32Array;

/** Sums each cell's weighted respondents into its category of every margin. */
function accumulateAll(categories: readonly Categories[], t: Float64Array, totals: Float64Array): void {
  totals.fill(0);
  for (const codes of categories) {
    for (let c = 0; c < t.length; c++) {
      const g = codes[c] as number;
      totals[g] = (totals[g] as number) + (t[c] as number);
    }
  }
}

/**
 * One margin's adjustment: multiplies each cell's weighted respondents by its category's factor and, in the same
 * pass, sums them into the next margin's categories (cleared first), in cell order.
 */
function adjust(codes: Categories, factor: Float64Array, t: Float64Array, next: Categories, totals: Float64Array, from: number, to: number): void {
  totals.fill(0, from, to);
  for (let c = 0; c < t.length; c++) {
    const v = (t[c] as number) * (factor[codes[c] as number] as number);
    t[c] = v;
    const g = next[c] as number;
    totals[g] = (totals[g] as number) + v;
  }
}

/** Multiplies each cell's weighted respondents by its category's factor (the last margin of a sweep). */
function scale(codes: Categories, factor: Float64Array, t: Float64Array): void {
  for (let c = 0; c < t.length; c++) t[c] = (t[c] as number) * (factor[codes[c] as number] as number);
}

/**
 * R's `trimWeights(upper=)` once, on cells holding weight × respondents: returns true when something was trimmed.
 */
function trim(t: Float64Array, count: Float64Array, upper: number): boolean {
  let excess = 0;
  let inside = 0;
  for (let c = 0; c < t.length; c++) {
    const n = count[c] as number;
    const v = (t[c] as number) / n;
    if (v > upper) excess += (v - upper) * n;
    else inside += n;
  }
  if (excess === 0) return false;
  if (inside === 0) throw new WeightingError('invalid_margin', `weight cap leaves no weight below it`);
  const add = excess / inside;
  for (let c = 0; c < t.length; c++) {
    const n = count[c] as number;
    const v = (t[c] as number) / n;
    t[c] = (v > upper ? upper : v + add) * n;
  }
  return true;
}

function maxError(margins: readonly PreparedMargin[], totals: Float64Array, offsets: Int32Array, total: number): number {
  let worst = 0;
  margins.forEach((m, j) => {
    const offset = offsets[j] as number;
    for (let k = 0; k < m.categories.length; k++) {
      const target = (m.shares[k] as number) * total;
      const e = Math.abs((totals[offset + k] as number) - target) / target;
      if (e > worst || Number.isNaN(e)) worst = Number.isNaN(e) ? Infinity : e;
    }
  });
  return worst;
}

/**
 * Rakes a prepared problem (see `prepareRaking`). Use it directly to time or reuse the loop.
 *
 * @example
 * const result = rakeProblem(prepareRaking(rows, margins), { tolerance: 1e-10 });
 */
export function rakeProblem(problem: RakingProblem, options: RakeOptions = {}): RakeResult {
  return rakeCells(problem, cellsOf(problem), options);
}

/** The per-cell loop, used with a weight cap (trimming breaks the product form `rakeBlocks` relies on). */
function rakeEachCell(cells: Cells, loop: RakingLoop, upper: number): CellRaking {
  const { categories, offsets, count } = cells;
  const M = categories.length;
  // The loop keeps weight × respondents per cell: a sweep reads one array per margin pass.
  const t = Float64Array.from(count);
  const totals = new Float64Array(loop.targets.length);
  const factor = new Float64Array(totals.length);
  accumulateAll(categories, t, totals);
  let error = loop.error(totals);
  let iterations = 0;
  let converged = error <= loop.tolerance;
  while (!converged && iterations < loop.maxIterations) {
    iterations++;
    // Margin j's totals are up to date when its turn comes: summed by the previous pass, or by the check.
    for (let j = 0; j < M; j++) {
      for (let g = offsets[j] as number; g < (offsets[j + 1] as number); g++) factor[g] = (loop.targets[g] as number) / (totals[g] as number);
      const codes = categories[j] as Categories;
      if (j < M - 1) adjust(codes, factor, t, categories[j + 1] as Categories, totals, offsets[j + 1] as number, offsets[j + 2] as number);
      else scale(codes, factor, t);
    }
    if (upper !== Infinity) trim(t, count, upper);
    // Every margin at the sweep's weights, for the convergence check (and margin 0's next adjustment).
    accumulateAll(categories, t, totals);
    error = loop.error(totals);
    converged = error <= loop.tolerance;
  }
  const w = new Float64Array(cells.size);
  for (let c = 0; c < w.length; c++) w[c] = (t[c] as number) / (count[c] as number);
  return { w, totals, iterations, converged, error };
}

/**
 * Rakes on a cell layout built once (`cellsOf`), so that the report can reuse it for the calibration design.
 * Without a cap, a sweep is one pass over the cells per block of margins (`rakeBlocks`); with a cap, one pass
 * per margin with the trimming after each sweep.
 *
 * @example
 * const cells = cellsOf(problem);
 * const result = rakeCells(problem, cells, { tolerance: 1e-9 });
 */
export function rakeCells(problem: RakingProblem, cells: Cells, options: RakeOptions = {}): RakeResult {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const { n, margins } = problem;
  if (!(tolerance > 0)) throw new WeightingError('invalid_margin', `tolerance must be above 0 (got ${tolerance})`);
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) throw new WeightingError('invalid_margin', `maxIterations must be a positive integer (got ${maxIterations})`);
  if (options.cap !== undefined && !(options.cap > 1)) throw new WeightingError('invalid_margin', `cap must be above 1 (a multiple of the mean weight), got ${options.cap}`);
  const { offsets } = cells;
  const total = n;
  const targets = new Float64Array(offsets[margins.length] as number);
  margins.forEach((m, j) => m.shares.forEach((s, k) => (targets[(offsets[j] as number) + k] = s * total)));
  const loop: RakingLoop = { targets, tolerance, maxIterations, error: (totals) => maxError(margins, totals, offsets, total) };
  const { w, totals, iterations, converged, error } = options.cap === undefined ? rakeBlocks(cells, loop) : rakeEachCell(cells, loop, options.cap * (total / n));
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = w[cells.cellOf[i] as number] as number;
  return {
    weights,
    iterations,
    converged,
    maxRelativeError: error,
    margins: margins.map((m, j) => ({
      name: m.name,
      variable: m.variable,
      type: m.type,
      source: m.source,
      categories: m.categories.map((category, k) => ({
        category,
        target: m.shares[k] as number,
        achieved: (totals[(offsets[j] as number) + k] as number) / total,
        count: m.counts[k] as number,
      })),
    })),
  };
}

/**
 * Weights respondents so that their weighted shares meet the margins (iterative proportional fitting).
 * Throws `WeightingError` for an empty or unknown category, shares not summing to 1, or no respondent.
 * Weights have mean 1. A respondent without a value on a weighting variable follows `MISSING_RULE`.
 *
 * @example
 * const { weights, converged } = rake(rows, [
 *   { type: 'categorical', variable: 'q_genre', targets: { feminin: 0.72, masculin: 0.28 }, source: 'Enquête 2023' },
 *   { type: 'themes', variable: 'q_thematiques', targets: { email: 0.4 }, source: 'CRA 2024' },
 * ], { cap: 5 });
 */
export function rake(rows: readonly Row[], margins: readonly Margin[], options: RakeOptions = {}): RakeResult {
  return rakeProblem(prepareRaking(rows, margins), options);
}
