/**
 * Design-based variance of the calibrated (raked) estimator (docs/analysis.md, "Reading the figures"): the
 * linearised variance R `survey` gives after `calibrate(..., calfun = "raking")`, then `svymean` / `svyby`.
 * The influence values of a mean are projected on the margins' indicators (residuals of their least-squares
 * fit, with the weights before calibration, all 1 here), so that calibration on margins correlated with the
 * outcome is credited with the variance it removes.
 */
import type { RakingProblem } from './margins.js';

/** The margins' model matrix (intercept + every category but the first of each margin), factorised once. */
export interface CalibrationDesign {
  n: number;
  /** Columns of the model matrix. */
  p: number;
  /** Per respondent and margin, the column of its category, or -1 for a margin's first category. */
  columns: Int32Array;
  marginCount: number;
  /** Cholesky factor (lower, row-major p × p) of X'X; a zero pivot marks a column dropped as redundant. */
  factor: Float64Array;
}

/**
 * Builds the model matrix of the raking margins and factorises X'X.
 *
 * @example
 * const design = calibrationDesign(prepareRaking(rows, margins));
 */
export function calibrationDesign(problem: RakingProblem): CalibrationDesign {
  const { n, margins } = problem;
  const M = margins.length;
  const columns = new Int32Array(n * M);
  let p = 1;
  margins.forEach((margin, m) => {
    const offset = p - 1;
    for (let i = 0; i < n; i++) {
      const k = margin.codes[i] as number;
      columns[i * M + m] = k === 0 ? -1 : offset + k;
    }
    p += margin.categories.length - 1;
  });
  const xtx = new Float64Array(p * p);
  const active = new Int32Array(M + 1);
  for (let i = 0; i < n; i++) {
    let a = 0;
    active[a++] = 0;
    for (let m = 0; m < M; m++) {
      const c = columns[i * M + m] as number;
      if (c >= 0) active[a++] = c;
    }
    for (let r = 0; r < a; r++) {
      const row = (active[r] as number) * p;
      for (let s = 0; s < a; s++) xtx[row + (active[s] as number)] = (xtx[row + (active[s] as number)] as number) + 1;
    }
  }
  return { n, p, columns, marginCount: M, factor: cholesky(xtx, p) };
}

/** In-place-free Cholesky of a symmetric positive semi-definite matrix; a (near) zero pivot zeroes its column. */
function cholesky(a: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j] as number;
    for (let k = 0; k < j; k++) d -= (l[j * p + k] as number) ** 2;
    const scale = Math.max(1, a[j * p + j] as number);
    if (d <= 1e-10 * scale) continue;
    const ljj = Math.sqrt(d);
    l[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * p + k] as number) * (l[j * p + k] as number);
      l[i * p + j] = s / ljj;
    }
  }
  return l;
}

/** Solves L L' x = b, leaving x = 0 on dropped columns. */
function solve(l: Float64Array, p: number, b: Float64Array): Float64Array {
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    const lii = l[i * p + i] as number;
    if (lii === 0) continue;
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (l[i * p + k] as number) * (y[k] as number);
    y[i] = s / lii;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    const lii = l[i * p + i] as number;
    if (lii === 0) continue;
    let s = y[i] as number;
    for (let k = i + 1; k < p; k++) s -= (l[k * p + i] as number) * (x[k] as number);
    x[i] = s / lii;
  }
  return x;
}

/** A weighted mean over a domain with its linearised standard error. */
export interface LinearisedMean {
  /** Respondents in the domain with a value. */
  n: number;
  mean: number;
  standardError: number;
}

/**
 * The weighted mean of `values` over the respondents `include` keeps (and with a finite value), with the
 * standard error of the calibrated estimator: R's `svymean` on a `calibrate(..., calfun = "raking")` design,
 * in a domain as `svyby` computes it (the whole sample stays in the design). Without a design (no margins),
 * the weights are treated as fixed (R's `svymean` on `svydesign(ids = ~1, weights = ~w)`).
 *
 * @example
 * linearisedMean(design, levels, weights, (i) => region[i] === '53').standardError;
 */
export function linearisedMean(
  design: CalibrationDesign | undefined,
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  include?: (i: number) => boolean,
): LinearisedMean {
  const n = weights.length;
  const inDomain = new Uint8Array(n);
  let count = 0;
  let total = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const y = values[i] as number;
    if ((include === undefined || include(i)) && Number.isFinite(y)) {
      inDomain[i] = 1;
      count++;
      const w = weights[i] as number;
      total += w;
      sum += w * y;
    }
  }
  const mean = total > 0 ? sum / total : NaN;
  if (count === 0 || n < 2) return { n: count, mean, standardError: NaN };
  // Influence values of the ratio mean, zero outside the domain.
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) if (inDomain[i]) z[i] = ((values[i] as number) - mean) / total;
  if (design) {
    const { p, columns, marginCount: M, factor } = design;
    const xtz = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      const zi = z[i] as number;
      if (zi === 0) continue;
      xtz[0] = (xtz[0] as number) + zi;
      for (let m = 0; m < M; m++) {
        const c = columns[i * M + m] as number;
        if (c >= 0) xtz[c] = (xtz[c] as number) + zi;
      }
    }
    const beta = solve(factor, p, xtz);
    for (let i = 0; i < n; i++) {
      let fit = beta[0] as number;
      for (let m = 0; m < M; m++) {
        const c = columns[i * M + m] as number;
        if (c >= 0) fit += beta[c] as number;
      }
      z[i] = (z[i] as number) - fit;
    }
  }
  let uSum = 0;
  for (let i = 0; i < n; i++) {
    const u = (weights[i] as number) * (z[i] as number);
    z[i] = u;
    uSum += u;
  }
  const uMean = uSum / n;
  let v = 0;
  for (let i = 0; i < n; i++) v += ((z[i] as number) - uMean) ** 2;
  return { n: count, mean, standardError: Math.sqrt((v * n) / (n - 1)) };
}
