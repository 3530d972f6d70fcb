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
 * The respondents `include` keeps, as an index list (all when absent): the estimates loop over a group's members,
 * so that a group costs its size, not the sample's (docs/analysis.md, "Performance").
 *
 * @example
 * membersOf(4, (i) => i % 2 === 0); // Int32Array [0, 2]
 */
export function membersOf(n: number, include?: (i: number) => boolean): Int32Array {
  if (include === undefined) return Int32Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (include(i)) out.push(i);
  return Int32Array.from(out);
}

/** Kish figures from n, Σw and Σw². */
export function kishFigures(n: number, s1: number, s2: number): KishFigures {
  if (n === 0 || s2 === 0) return { n, weightedTotal: s1, nEffective: 0, designEffect: NaN };
  return { n, weightedTotal: s1, nEffective: (s1 * s1) / s2, designEffect: (n * s2) / (s1 * s1) };
}

/**
 * Kish figures of the weights of `members`.
 *
 * @example
 * kishOf([1, 1, 2, 2], Int32Array.of(2, 3)).nEffective; // 2
 */
export function kishOf(weights: ArrayLike<number>, members: Int32Array): KishFigures {
  let s1 = 0;
  let s2 = 0;
  for (let k = 0; k < members.length; k++) {
    const w = weights[members[k] as number] as number;
    s1 += w;
    s2 += w * w;
  }
  return kishFigures(members.length, s1, s2);
}

/**
 * Kish effective sample size and design effect of the weights where `include[i]` (all when absent).
 *
 * @example
 * kish([1, 1, 2, 2]); // { n: 4, weightedTotal: 6, nEffective: 3.6, designEffect: 1.111… }
 */
export function kish(weights: ArrayLike<number>, include?: (i: number) => boolean): KishFigures {
  return kishOf(weights, membersOf(weights.length, include));
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
 * Weighted shares of each category among `members` with a category (`codes[i]` is an index in `categories`, −1
 * for no value), each with a 95% Wilson interval on the effective sample size of those respondents.
 *
 * @example
 * proportionsOf(Int8Array.of(0, 1, 0, -1), [1, 2, 1, 5], ['a', 'b'], Int32Array.of(0, 1, 2, 3)).categories[0].proportion; // 0.5
 */
export function proportionsOf(codes: ArrayLike<number>, weights: ArrayLike<number>, categories: readonly string[], members: Int32Array): ProportionsResult {
  const w = new Float64Array(categories.length);
  const count = new Int32Array(categories.length);
  let n = 0;
  let s1 = 0;
  let s2 = 0;
  for (let k = 0; k < members.length; k++) {
    const i = members[k] as number;
    const c = codes[i] as number;
    if (c < 0) continue;
    const wi = weights[i] as number;
    n++;
    s1 += wi;
    s2 += wi * wi;
    w[c] = (w[c] as number) + wi;
    count[c] = (count[c] as number) + 1;
  }
  return proportionsFrom(kishFigures(n, s1, s2), categories, w, count);
}

/** The shares and Wilson intervals from each category's Σw and count (`proportionsOf`, and `group-totals.ts`). */
export function proportionsFrom(figures: KishFigures, categories: readonly string[], w: Float64Array, count: Int32Array): ProportionsResult {
  return {
    ...figures,
    categories: categories.map((category, c) => {
      const proportion = figures.weightedTotal > 0 ? (w[c] as number) / figures.weightedTotal : 0;
      return { category, count: count[c] as number, proportion, ...wilson(proportion, figures.nEffective) };
    }),
  };
}

/**
 * Weighted shares of each category among the respondents with a value (`undefined` or `''` = no
 * value), each with a 95% Wilson interval on the effective sample size of those respondents.
 * `categories` fixes the order and lists categories even when nobody is in them; other values count in the
 * total only.
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
  const index = new Map(categories.map((c, k) => [c, k]));
  const codes = Int32Array.from(values, (v) => (v === undefined || v === '' ? -1 : (index.get(v) ?? categories.length)));
  const result = proportionsOf(codes, weights, [...categories, ''], membersOf(values.length, include));
  return { ...result, categories: result.categories.slice(0, categories.length) };
}

export interface MeanResult extends Interval {
  n: number;
  nEffective: number;
  mean: number;
  /** Standard error, linearised as R's `svymean` does for weights treated as fixed. */
  standardError: number;
}

/**
 * Weighted mean of the finite values of `members` with a 95% normal interval (standard error as `weightedMean`).
 *
 * @example
 * meanOf([0, 1, 2, 3], [1, 1, 1, 1], Int32Array.of(0, 1)).mean; // 0.5
 */
export function meanOf(values: ArrayLike<number>, weights: ArrayLike<number>, members: Int32Array): MeanResult {
  let n = 0;
  let s1 = 0;
  let s2 = 0;
  let sy = 0;
  for (let k = 0; k < members.length; k++) {
    const i = members[k] as number;
    const y = values[i] as number;
    if (!Number.isFinite(y)) continue;
    const w = weights[i] as number;
    n++;
    s1 += w;
    s2 += w * w;
    sy += w * y;
  }
  const figures = kishFigures(n, s1, s2);
  const mean = figures.weightedTotal > 0 ? sy / figures.weightedTotal : NaN;
  let v = 0;
  for (let k = 0; k < members.length; k++) {
    const i = members[k] as number;
    const y = values[i] as number;
    if (!Number.isFinite(y)) continue;
    const r = ((weights[i] as number) * (y - mean)) / figures.weightedTotal;
    v += r * r;
  }
  const standardError = n > 1 ? Math.sqrt((n / (n - 1)) * v) : NaN;
  return { n, nEffective: figures.nEffective, mean, standardError, low: mean - Z95 * standardError, high: mean + Z95 * standardError };
}

/**
 * Weighted mean of the finite values with a 95% normal interval. The standard error is R's
 * `svymean` on `svydesign(ids = ~1, weights = ~w)`: sqrt(n/(n−1) Σ (w(y−ȳ)/Σw)²).
 *
 * @example
 * weightedMean([0, 1, 2, 3], [1, 1, 1, 1]).mean; // 1.5
 */
export function weightedMean(values: ArrayLike<number>, weights: ArrayLike<number>, include?: (i: number) => boolean): MeanResult {
  return meanOf(values, weights, membersOf(values.length, include));
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
