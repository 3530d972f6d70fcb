/**
 * Design-based variance of the calibrated (raked) estimator (docs/analysis.md, "Reading the figures"): the
 * linearised variance R `survey` gives after `calibrate(..., calfun = "raking")`, then `svymean` / `svyby`.
 * The influence values of a mean are projected on the margins' indicators (residuals of their least-squares
 * fit, with the weights before calibration, all 1 here), so that calibration on margins correlated with the
 * outcome is credited with the variance it removes.
 *
 * Respondents of one cell (`cells.ts`) share their row of the model matrix, so X'X is summed over cells, and a
 * domain's estimate costs its size: the whole-sample terms Σ w x and Σ w² x x' are built once per set of
 * weights (docs/analysis.md, "Performance").
 */
import { cellsOf, type Cells } from './cells.js';
import { membersOf } from './estimates.js';
import type { RakingProblem } from './margins.js';

/** The margins' model matrix (intercept + every category but the first of each margin), factorised once. */
export interface CalibrationDesign {
  n: number;
  /** Columns of the model matrix. */
  p: number;
  /** Cell of each respondent (respondents of a cell share their row of the model matrix). */
  cellOf: Int32Array;
  /** Per cell and margin (cell-major), the column of its category, or -1 for a margin's first category. */
  columns: Int32Array;
  marginCount: number;
  /** Cholesky factor (lower, row-major p × p) of X'X; a zero pivot marks a column dropped as redundant. */
  factor: Float64Array;
}

/**
 * Builds the model matrix of the raking margins, per cell, and factorises X'X.
 *
 * @example
 * const design = calibrationDesign(prepareRaking(rows, margins));
 */
export function calibrationDesign(problem: RakingProblem, cells: Cells = cellsOf(problem)): CalibrationDesign {
  const { n, margins } = problem;
  const M = margins.length;
  const size = cells.size;
  const columns = new Int32Array(size * M);
  let p = 1;
  margins.forEach((margin, m) => {
    const offset = p - 1;
    const codes = cells.categories[m] as ArrayLike<number>;
    const first = cells.offsets[m] as number;
    for (let c = 0; c < size; c++) {
      const k = (codes[c] as number) - first;
      columns[c * M + m] = k === 0 ? -1 : offset + k;
    }
    p += margin.categories.length - 1;
  });
  const xtx = new Float64Array(p * p);
  const active = new Int32Array(M + 1);
  for (let c = 0; c < size; c++) {
    const a = activeColumns(columns, c, M, active);
    const count = cells.count[c] as number;
    for (let r = 0; r < a; r++) {
      const row = (active[r] as number) * p;
      for (let s = 0; s < a; s++) xtx[row + (active[s] as number)] = (xtx[row + (active[s] as number)] as number) + count;
    }
  }
  return { n, p, cellOf: cells.cellOf, columns, marginCount: M, factor: cholesky(xtx, p) };
}

/** The model columns of cell c that are 1 (the intercept first), written in `active`; returns how many. */
function activeColumns(columns: Int32Array, c: number, M: number, active: Int32Array): number {
  let a = 0;
  active[a++] = 0;
  for (let m = 0; m < M; m++) {
    const col = columns[c * M + m] as number;
    if (col >= 0) active[a++] = col;
  }
  return a;
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

/** Linearised means over groups of respondents, for one design and one set of weights. */
export interface DomainEstimator {
  /** The weighted mean of the finite `values` of `members` (everyone when absent) and its standard error. */
  mean(values: ArrayLike<number>, members?: Int32Array): LinearisedMean;
  /** The weighted share of category `k` among `members` with a category (`codes[i]` ≥ 0), and its standard error. */
  share(codes: Int8Array, k: number, members?: Int32Array): LinearisedMean;
}

/**
 * Prepares linearised estimates in domains: with a design, Σ w x and Σ w² x x' over the whole sample are built
 * once, so that an estimate loops over its domain only. Without a design (no margins) the weights are treated
 * as fixed (R's `svymean` on `svydesign(ids = ~1, weights = ~w)`).
 *
 * @example
 * const estimator = domainEstimator(design, weights);
 * estimator.mean(levels, members).standardError;
 */
export function domainEstimator(design: CalibrationDesign | undefined, weights: ArrayLike<number>): DomainEstimator {
  const n = weights.length;
  const p = design?.p ?? 0;
  const M = design?.marginCount ?? 0;
  const cellCount = design ? design.columns.length / Math.max(1, M) : 0;
  // Whole-sample terms, per cell then per model column: s = Σ w x, Q = Σ w² x x'.
  const s = new Float64Array(p);
  const Q = new Float64Array(p * p);
  if (design) {
    const sw = new Float64Array(cellCount);
    const sw2 = new Float64Array(cellCount);
    for (let i = 0; i < n; i++) {
      const c = design.cellOf[i] as number;
      const w = weights[i] as number;
      sw[c] = (sw[c] as number) + w;
      sw2[c] = (sw2[c] as number) + w * w;
    }
    const active = new Int32Array(M + 1);
    for (let c = 0; c < cellCount; c++) {
      const a = activeColumns(design.columns, c, M, active);
      for (let r = 0; r < a; r++) {
        const row = active[r] as number;
        s[row] = (s[row] as number) + (sw[c] as number);
        for (let t = 0; t < a; t++) Q[row * p + (active[t] as number)] = (Q[row * p + (active[t] as number)] as number) + (sw2[c] as number);
      }
    }
  }
  // Per-cell sums of a domain, reset lazily with an epoch stamp.
  const zc = new Float64Array(cellCount);
  const w2zc = new Float64Array(cellCount);
  const stamp = new Int32Array(cellCount);
  const touched = new Int32Array(cellCount);
  let epoch = 0;

  function estimate(values: ArrayLike<number> | undefined, codes: Int8Array | undefined, k: number, members: Int32Array | undefined): LinearisedMean {
    const size = members ? members.length : n;
    const y = (i: number): number => {
      if (codes === undefined) return (values as ArrayLike<number>)[i] as number;
      const c = codes[i] as number;
      return c < 0 ? NaN : c === k ? 1 : 0;
    };
    let count = 0;
    let total = 0;
    let sum = 0;
    for (let m = 0; m < size; m++) {
      const i = members ? (members[m] as number) : m;
      const v = y(i);
      if (!Number.isFinite(v)) continue;
      const w = weights[i] as number;
      count++;
      total += w;
      sum += w * v;
    }
    const mean = total > 0 ? sum / total : NaN;
    if (count === 0 || n < 2) return { n: count, mean, standardError: NaN };
    // Influence values z = (y − mean) / Σw in the domain, zero outside; u = w (z − x'β) over the whole sample.
    let a = 0;
    let b2 = 0;
    epoch++;
    let touchedCount = 0;
    for (let m = 0; m < size; m++) {
      const i = members ? (members[m] as number) : m;
      const v = y(i);
      if (!Number.isFinite(v)) continue;
      const w = weights[i] as number;
      const z = (v - mean) / total;
      a += w * z;
      b2 += w * w * z * z;
      if (design) {
        const c = design.cellOf[i] as number;
        if (stamp[c] !== epoch) {
          stamp[c] = epoch;
          zc[c] = 0;
          w2zc[c] = 0;
          touched[touchedCount++] = c;
        }
        zc[c] = (zc[c] as number) + z;
        w2zc[c] = (w2zc[c] as number) + w * w * z;
      }
    }
    let su = a;
    let su2 = b2;
    if (design) {
      const xtz = new Float64Array(p);
      const active = new Int32Array(M + 1);
      for (let t = 0; t < touchedCount; t++) {
        const c = touched[t] as number;
        const act = activeColumns(design.columns, c, M, active);
        for (let r = 0; r < act; r++) xtz[active[r] as number] = (xtz[active[r] as number] as number) + (zc[c] as number);
      }
      const beta = solve(design.factor, p, xtz);
      // Σ u = Σ w z − s'β; Σ u² = Σ w² z² − 2 Σ w² z x'β + β'Qβ.
      let cross = 0;
      for (let t = 0; t < touchedCount; t++) {
        const c = touched[t] as number;
        const act = activeColumns(design.columns, c, M, active);
        let fit = 0;
        for (let r = 0; r < act; r++) fit += beta[active[r] as number] as number;
        cross += fit * (w2zc[c] as number);
      }
      let sb = 0;
      let bqb = 0;
      for (let r = 0; r < p; r++) {
        const br = beta[r] as number;
        if (br === 0) continue;
        sb += (s[r] as number) * br;
        let qr = 0;
        for (let t = 0; t < p; t++) qr += (Q[r * p + t] as number) * (beta[t] as number);
        bqb += br * qr;
      }
      su = a - sb;
      su2 = b2 - 2 * cross + bqb;
    }
    const v = (n / (n - 1)) * (su2 - (su * su) / n);
    return { n: count, mean, standardError: Math.sqrt(Math.max(0, v)) };
  }

  return {
    mean: (values, members) => estimate(values, undefined, 0, members),
    share: (codes, k, members) => estimate(undefined, codes, k, members),
  };
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
  return domainEstimator(design, weights).mean(values, include === undefined ? undefined : membersOf(weights.length, include));
}
