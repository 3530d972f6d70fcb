/**
 * Weighted estimates (docs/analysis.md, "Reading the figures"): Kish effective sample size and design effect, weighted
 * proportions with Wilson intervals on the effective sample size, weighted means.
 * Intervals treat the weights as fixed (no variance gain credited to the calibration): a
 * conservative choice that stays honest for small territories.
 */
import type { CategoryEstimate, Interval, NationalComparison } from './report-types.js';

/** qnorm(0.975): the 95% two-sided normal quantile. */
export const Z95 = 1.959963984540054;

export interface KishFigures {
  /** Respondents counted. */
  n: number;
  /** Σw. */
  weightedTotal: number;
  /** (Σw)² / Σw². */
  nEffective: number;
  /** n Σw² / (Σw)². */
  designEffect: number;
}

/**
 * Kish effective sample size and design effect of the weights where `include[i]` (all when absent).
 *
 * @example
 * kish([1, 1, 2, 2]); // { n: 4, weightedTotal: 6, nEffective: 3.6, designEffect: 1.111… }
 */
export function kish(weights: ArrayLike<number>, include?: (i: number) => boolean): KishFigures {
  let n = 0;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < weights.length; i++) {
    if (include && !include(i)) continue;
    const w = weights[i] as number;
    n++;
    s1 += w;
    s2 += w * w;
  }
  if (n === 0 || s2 === 0) return { n, weightedTotal: s1, nEffective: 0, designEffect: NaN };
  return { n, weightedTotal: s1, nEffective: (s1 * s1) / s2, designEffect: (n * s2) / (s1 * s1) };
}

/**
 * Wilson score interval for a proportion `p` observed on `n` (here the effective sample size).
 *
 * @example
 * wilson(0.5, 100); // { low: 0.4038…, high: 0.5961… }
 */
export function wilson(p: number, n: number, z = Z95): Interval {
  if (!(n > 0)) return { low: 0, high: 1 };
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface ProportionsResult extends KishFigures {
  categories: CategoryEstimate[];
}

/**
 * Weighted shares of each category among the respondents with a value (`undefined` or `''` = no
 * value), each with a 95% Wilson interval on the effective sample size of those respondents.
 * `categories` fixes the order and lists categories even when nobody is in them.
 *
 * @example
 * weightedProportions(['a', 'b', 'a', undefined], [1, 2, 1, 5], ['a', 'b']).categories[0].proportion; // 0.5
 */
export function weightedProportions(
  values: readonly (string | undefined)[],
  weights: ArrayLike<number>,
  categories: readonly string[],
  include?: (i: number) => boolean,
): ProportionsResult {
  const known = (i: number): boolean => (include === undefined || include(i)) && values[i] !== undefined && values[i] !== '';
  const figures = kish(weights, known);
  const sums = new Map<string, { w: number; count: number }>(categories.map((c) => [c, { w: 0, count: 0 }]));
  for (let i = 0; i < values.length; i++) {
    if (!known(i)) continue;
    const s = sums.get(values[i] as string);
    if (s) {
      s.w += weights[i] as number;
      s.count++;
    }
  }
  return {
    ...figures,
    categories: categories.map((category) => {
      const s = sums.get(category) as { w: number; count: number };
      const proportion = figures.weightedTotal > 0 ? s.w / figures.weightedTotal : 0;
      return { category, count: s.count, proportion, ...wilson(proportion, figures.nEffective) };
    }),
  };
}

export interface MeanResult extends Interval {
  n: number;
  nEffective: number;
  mean: number;
  /** Standard error, linearised as R's `svymean` does for weights treated as fixed. */
  standardError: number;
}

/**
 * Weighted mean of the finite values with a 95% normal interval. The standard error is R's
 * `svymean` on `svydesign(ids = ~1, weights = ~w)`: sqrt(n/(n−1) Σ (w(y−ȳ)/Σw)²).
 *
 * @example
 * weightedMean([0, 1, 2, 3], [1, 1, 1, 1]).mean; // 1.5
 */
export function weightedMean(values: ArrayLike<number>, weights: ArrayLike<number>, include?: (i: number) => boolean): MeanResult {
  const ok = (i: number): boolean => (include === undefined || include(i)) && Number.isFinite(values[i] as number);
  const figures = kish(weights, ok);
  let sy = 0;
  for (let i = 0; i < values.length; i++) if (ok(i)) sy += (weights[i] as number) * (values[i] as number);
  const mean = figures.weightedTotal > 0 ? sy / figures.weightedTotal : NaN;
  let v = 0;
  for (let i = 0; i < values.length; i++) {
    if (!ok(i)) continue;
    const r = ((weights[i] as number) * ((values[i] as number) - mean)) / figures.weightedTotal;
    v += r * r;
  }
  const n = figures.n;
  const standardError = n > 1 ? Math.sqrt((n / (n - 1)) * v) : NaN;
  return { n, nEffective: figures.nEffective, mean, standardError, low: mean - Z95 * standardError, high: mean + Z95 * standardError };
}

/**
 * The national figure beside a domain figure; `differs` when the intervals do not overlap.
 *
 * @example
 * compareWithNational({ low: 0.1, high: 0.2 }, { value: 0.3, low: 0.25, high: 0.35 }).differs; // true
 */
export function compareWithNational(domain: Interval, national: { value: number } & Interval): NationalComparison {
  return { value: national.value, low: national.low, high: national.high, differs: domain.high < national.low || domain.low > national.high };
}
