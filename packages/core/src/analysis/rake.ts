/**
 * Raking (iterative proportional fitting, domain.md §6) on typed arrays.
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

/** Adds each weight to its category's total. */
function accumulate(codes: Uint8Array | Int32Array, w: Float64Array, totals: Float64Array): void {
  totals.fill(0);
  const n = w.length;
  for (let i = 0; i < n; i++) {
    const k = codes[i] as number;
    totals[k] = (totals[k] as number) + (w[i] as number);
  }
}

/** Multiplies each weight by its category's factor, and accumulates the next margin's totals on the way. */
function scale(codes: Uint8Array | Int32Array, factors: Float64Array, w: Float64Array, nextCodes: Uint8Array | Int32Array | undefined, nextTotals: Float64Array | undefined): void {
  const n = w.length;
  if (nextCodes === undefined || nextTotals === undefined) {
    for (let i = 0; i < n; i++) w[i] = (w[i] as number) * (factors[codes[i] as number] as number);
    return;
  }
  nextTotals.fill(0);
  for (let i = 0; i < n; i++) {
    const v = (w[i] as number) * (factors[codes[i] as number] as number);
    w[i] = v;
    const k = nextCodes[i] as number;
    nextTotals[k] = (nextTotals[k] as number) + v;
  }
}

/** R's `trimWeights(upper=)` once: returns true when something was trimmed. */
function trim(w: Float64Array, upper: number): boolean {
  let excess = 0;
  let inside = 0;
  const n = w.length;
  for (let i = 0; i < n; i++) {
    const v = w[i] as number;
    if (v > upper) excess += v - upper;
    else inside++;
  }
  if (excess === 0) return false;
  if (inside === 0) throw new WeightingError('invalid_margin', `weight cap leaves no weight below it`);
  const add = excess / inside;
  for (let i = 0; i < n; i++) {
    const v = w[i] as number;
    w[i] = v > upper ? upper : v + add;
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
  const w = new Float64Array(n).fill(1);
  const total = n;
  const upper = options.cap === undefined ? Infinity : options.cap * (total / n);
  const totals = margins.map((m) => new Float64Array(m.categories.length));
  const targets = margins.map((m) => m.shares.map((s) => s * total));
  const factors = margins.map((m) => new Float64Array(m.categories.length));
  const last = margins.length - 1;

  const accumulateAll = (): void => margins.forEach((m, j) => accumulate(m.codes, w, totals[j] as Float64Array));
  accumulateAll();
  let error = maxError(margins, totals, total);
  let iterations = 0;
  let converged = error <= tolerance && !(w.some((v) => v > upper * (1 + tolerance)));
  while (!converged && iterations < maxIterations) {
    iterations++;
    for (let j = 0; j <= last; j++) {
      const m = margins[j] as PreparedMargin;
      const f = factors[j] as Float64Array;
      const t = totals[j] as Float64Array;
      const target = targets[j] as Float64Array;
      for (let k = 0; k < f.length; k++) f[k] = (target[k] as number) / (t[k] as number);
      const next = j < last ? margins[j + 1] : undefined;
      scale(m.codes, f, w, next?.codes, j < last ? totals[j + 1] : undefined);
    }
    if (upper !== Infinity) trim(w, upper);
    accumulateAll();
    error = maxError(margins, totals, total);
    converged = error <= tolerance;
  }
  return {
    weights: w,
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
