/**
 * Raking (iterative proportional fitting, docs/analysis.md "Weighting rules") on typed arrays.
 * One sweep multiplies each respondent's weight, margin after margin, by target / current total of
 * their category; sweeps repeat until every margin is met within a relative tolerance.
 */
import { WeightingError } from './errors.js';
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

/**
 * Respondents with the same category on every margin always get the same weight, so the loop runs on
 * the distinct combinations ("cells", at most the product of the category counts) with their
 * respondent counts, and weights are copied back to respondents at the end. Same arithmetic as
 * per-respondent raking (sums are grouped differently, so results agree to rounding, ~1e-15).
 */
interface Cells {
  /** Respondents per cell. */
  count: Float64Array;
  /** Category index per cell, per margin. */
  codes: Int32Array[];
  /** Cell per respondent. */
  cellOf: Int32Array;
}

/** Direct lookup table up to this many possible combinations, a Map beyond. */
const TABLE_LIMIT = 1 << 22;

function toCells(problem: RakingProblem): Cells {
  const { n, margins } = problem;
  const sizes = margins.map((m) => m.categories.length);
  const product = sizes.reduce((a, b) => a * b, 1);
  if (product > Number.MAX_SAFE_INTEGER) {
    // Too many combinations to key: one cell per respondent.
    return { count: new Float64Array(n).fill(1), codes: margins.map((m) => Int32Array.from(m.codes)), cellOf: Int32Array.from({ length: n }, (_, i) => i) };
  }
  const codeArrays = margins.map((m) => m.codes);
  const strides = new Float64Array(sizes.length);
  for (let j = 0, s = 1; j < sizes.length; j++) {
    strides[j] = s;
    s *= sizes[j] as number;
  }
  const table = product <= TABLE_LIMIT ? new Int32Array(product).fill(-1) : undefined;
  const index = table ? undefined : new Map<number, number>();
  const cellOf = new Int32Array(n);
  const cellKeys: number[] = [];
  const counts: number[] = [];
  const m = codeArrays.length;
  for (let i = 0; i < n; i++) {
    let key = 0;
    for (let j = 0; j < m; j++) key += ((codeArrays[j] as Uint8Array | Int32Array)[i] as number) * (strides[j] as number);
    let c = table ? (table[key] as number) : (index?.get(key) ?? -1);
    if (c < 0) {
      c = cellKeys.length;
      cellKeys.push(key);
      counts.push(0);
      if (table) table[key] = c;
      else index?.set(key, c);
    }
    counts[c] = (counts[c] as number) + 1;
    cellOf[i] = c;
  }
  // Category of each cell on each margin, decoded from its key.
  const codes = sizes.map((size, j) => Int32Array.from(cellKeys, (key) => Math.floor(key / (strides[j] as number)) % size));
  return { count: Float64Array.from(counts), codes, cellOf };
}

/** Adds each cell's weight × respondents to its category's total. */
function accumulate(codes: Int32Array, count: Float64Array, w: Float64Array, totals: Float64Array): void {
  totals.fill(0);
  for (let c = 0; c < w.length; c++) {
    const k = codes[c] as number;
    totals[k] = (totals[k] as number) + (w[c] as number) * (count[c] as number);
  }
}

/** R's `trimWeights(upper=)` once, on cells: returns true when something was trimmed. */
function trim(w: Float64Array, count: Float64Array, upper: number): boolean {
  let excess = 0;
  let inside = 0;
  for (let c = 0; c < w.length; c++) {
    const v = w[c] as number;
    if (v > upper) excess += (v - upper) * (count[c] as number);
    else inside += count[c] as number;
  }
  if (excess === 0) return false;
  if (inside === 0) throw new WeightingError('invalid_margin', `weight cap leaves no weight below it`);
  const add = excess / inside;
  for (let c = 0; c < w.length; c++) {
    const v = w[c] as number;
    w[c] = v > upper ? upper : v + add;
  }
  return true;
}

function maxError(margins: readonly PreparedMargin[], totals: readonly Float64Array[], total: number): number {
  let worst = 0;
  margins.forEach((m, j) => {
    const t = totals[j] as Float64Array;
    for (let k = 0; k < m.categories.length; k++) {
      const target = (m.shares[k] as number) * total;
      const e = Math.abs((t[k] as number) - target) / target;
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
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const { n, margins } = problem;
  if (!(tolerance > 0)) throw new WeightingError('invalid_margin', `tolerance must be above 0 (got ${tolerance})`);
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) throw new WeightingError('invalid_margin', `maxIterations must be a positive integer (got ${maxIterations})`);
  if (options.cap !== undefined && !(options.cap > 1)) throw new WeightingError('invalid_margin', `cap must be above 1 (a multiple of the mean weight), got ${options.cap}`);
  const cells = toCells(problem);
  const w = new Float64Array(cells.count.length).fill(1);
  const total = n;
  const upper = options.cap === undefined ? Infinity : options.cap * (total / n);
  const totals = margins.map((m) => new Float64Array(m.categories.length));
  const targets = margins.map((m) => m.shares.map((s) => s * total));
  const accumulateAll = (): void => margins.forEach((_, j) => accumulate(cells.codes[j] as Int32Array, cells.count, w, totals[j] as Float64Array));
  accumulateAll();
  let error = maxError(margins, totals, total);
  let iterations = 0;
  let converged = error <= tolerance;
  while (!converged && iterations < maxIterations) {
    iterations++;
    margins.forEach((_, j) => {
      const codes = cells.codes[j] as Int32Array;
      const t = totals[j] as Float64Array;
      accumulate(codes, cells.count, w, t);
      const target = targets[j] as Float64Array;
      for (let k = 0; k < t.length; k++) t[k] = (target[k] as number) / (t[k] as number);
      for (let c = 0; c < w.length; c++) w[c] = (w[c] as number) * (t[codes[c] as number] as number);
    });
    if (upper !== Infinity) trim(w, cells.count, upper);
    accumulateAll();
    error = maxError(margins, totals, total);
    converged = error <= tolerance;
  }
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
        achieved: ((totals[j] as Float64Array)[k] as number) / total,
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
