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
import { cholesky, solve } from './cholesky.js';
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
export function activeColumns(columns: Int32Array, c: number, M: number, active: Int32Array): number {
  let a = 0;
  active[a++] = 0;
  for (let m = 0; m < M; m++) {
    const col = columns[c * M + m] as number;
    if (col >= 0) active[a++] = col;
  }
  return a;
}

/**
 * The whole-sample terms of the linearised variance, per cell then per model column: s = Σ w x and Q = Σ w² x x'
 * (p × p); empty without a design.
 *
 * @example
 * const { s, Q } = wholeSampleTerms(design, weights);
 */
export function wholeSampleTerms(design: CalibrationDesign | undefined, weights: ArrayLike<number>): { s: Float64Array; Q: Float64Array } {
  const p = design?.p ?? 0;
  const s = new Float64Array(p);
  const Q = new Float64Array(p * p);
  if (!design) return { s, Q };
  const M = design.marginCount;
  const cellCount = design.columns.length / Math.max(1, M);
  const sw = new Float64Array(cellCount);
  const sw2 = new Float64Array(cellCount);
  for (let i = 0; i < weights.length; i++) {
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
  return { s, Q };
}

/** s'β and β'Qβ, the whole-sample terms of Σ u and Σ u² (`domainEstimator`, `group-totals.ts`). */
export function projectionTerms(beta: Float64Array, s: Float64Array, Q: Float64Array, p: number): { sb: number; bqb: number } {
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
  return { sb, bqb };
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
  /**
   * The weighted share of each category 0 … `categories` − 1 among `members` with a category (`codes[i]` ≥ 0), with
   * its standard error, in one pass over the members.
   */
  shares(codes: Int8Array, categories: number, members?: Int32Array): LinearisedMean[];
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
  const { s, Q } = wholeSampleTerms(design, weights);
  // Per-cell sums of a domain (Σ y, count, Σ w² y, Σ w²), reset lazily with an epoch stamp.
  const cy = new Float64Array(cellCount);
  const cn = new Float64Array(cellCount);
  const cw2y = new Float64Array(cellCount);
  const cw2 = new Float64Array(cellCount);
  const stamp = new Int32Array(cellCount);
  const touched = new Int32Array(cellCount);
  let epoch = 0;
  let touchedCount = 0;
  let count = 0;
  let total = 0;
  let sum = 0;
  let sw2 = 0;
  let sw2y = 0;
  let sw2y2 = 0;

  function add(i: number, y: number): void {
    const w = weights[i] as number;
    const w2 = w * w;
    count++;
    total += w;
    sum += w * y;
    sw2 += w2;
    sw2y += w2 * y;
    sw2y2 += w2 * y * y;
    if (design) {
      const c = design.cellOf[i] as number;
      if (stamp[c] !== epoch) {
        stamp[c] = epoch;
        cy[c] = 0;
        cn[c] = 0;
        cw2y[c] = 0;
        cw2[c] = 0;
        touched[touchedCount++] = c;
      }
      cy[c] = (cy[c] as number) + y;
      cn[c] = (cn[c] as number) + 1;
      cw2y[c] = (cw2y[c] as number) + w2 * y;
      cw2[c] = (cw2[c] as number) + w2;
    }
  }

  /**
   * The variance from the domain's sums and the whole-sample terms; per-cell Σ y and Σ w² y are read from
   * `ky` / `kw2y` at `cell × stride + offset`.
   */
  function finish(ky: Float64Array, kw2y: Float64Array, stride: number, offset: number): LinearisedMean {
    const mean = total > 0 ? sum / total : NaN;
    if (count === 0 || n < 2) return { n: count, mean, standardError: NaN };
    // Influence values z = (y − mean) / Σw in the domain, zero outside; u = w (z − x'β) over the whole sample.
    let su = (sum - mean * total) / total;
    let su2 = (sw2y2 - 2 * mean * sw2y + mean * mean * sw2) / (total * total);
    if (design) {
      const xtz = new Float64Array(p);
      const active = new Int32Array(M + 1);
      for (let t = 0; t < touchedCount; t++) {
        const c = touched[t] as number;
        const zc = ((ky[c * stride + offset] as number) - mean * (cn[c] as number)) / total;
        const act = activeColumns(design.columns, c, M, active);
        for (let r = 0; r < act; r++) xtz[active[r] as number] = (xtz[active[r] as number] as number) + zc;
      }
      const beta = solve(design.factor, p, xtz);
      // Σ u = Σ w z − s'β; Σ u² = Σ w² z² − 2 Σ w² z x'β + β'Qβ.
      let cross = 0;
      for (let t = 0; t < touchedCount; t++) {
        const c = touched[t] as number;
        const act = activeColumns(design.columns, c, M, active);
        let fit = 0;
        for (let r = 0; r < act; r++) fit += beta[active[r] as number] as number;
        cross += (fit * ((kw2y[c * stride + offset] as number) - mean * (cw2[c] as number))) / total;
      }
      const { sb, bqb } = projectionTerms(beta, s, Q, p);
      su -= sb;
      su2 += bqb - 2 * cross;
    }
    const v = (n / (n - 1)) * (su2 - (su * su) / n);
    return { n: count, mean, standardError: Math.sqrt(Math.max(0, v)) };
  }

  function reset(): void {
    epoch++;
    touchedCount = 0;
    count = 0;
    total = 0;
    sum = 0;
    sw2 = 0;
    sw2y = 0;
    sw2y2 = 0;
  }

  function mean(values: ArrayLike<number>, members?: Int32Array): LinearisedMean {
    reset();
    if (members) {
      for (let m = 0; m < members.length; m++) {
        const i = members[m] as number;
        const y = values[i] as number;
        if (Number.isFinite(y)) add(i, y);
      }
    } else for (let i = 0; i < n; i++) if (Number.isFinite(values[i] as number)) add(i, values[i] as number);
    return finish(cy, cw2y, 1, 0);
  }

  // Per cell and category: respondents and Σ w² (for `shares`).
  let ky = new Float64Array(0);
  let kw2 = new Float64Array(0);

  function shares(codes: Int8Array, categories: number, members?: Int32Array): LinearisedMean[] {
    reset();
    if (ky.length < cellCount * categories) {
      ky = new Float64Array(cellCount * categories);
      kw2 = new Float64Array(cellCount * categories);
    }
    const kw = new Float64Array(categories);
    const kw2Total = new Float64Array(categories);
    const size = members ? members.length : n;
    for (let m = 0; m < size; m++) {
      const i = members ? (members[m] as number) : m;
      const k = codes[i] as number;
      if (k < 0) continue;
      const w = weights[i] as number;
      const w2 = w * w;
      count++;
      total += w;
      sw2 += w2;
      kw[k] = (kw[k] as number) + w;
      kw2Total[k] = (kw2Total[k] as number) + w2;
      if (design) {
        const c = design.cellOf[i] as number;
        const base = c * categories;
        if (stamp[c] !== epoch) {
          stamp[c] = epoch;
          cn[c] = 0;
          cw2[c] = 0;
          ky.fill(0, base, base + categories);
          kw2.fill(0, base, base + categories);
          touched[touchedCount++] = c;
        }
        cn[c] = (cn[c] as number) + 1;
        cw2[c] = (cw2[c] as number) + w2;
        ky[base + k] = (ky[base + k] as number) + 1;
        kw2[base + k] = (kw2[base + k] as number) + w2;
      }
    }
    // The indicator of category k: Σ w y = its weight, Σ w² y = Σ w² y² = its Σ w².
    return Array.from({ length: categories }, (_, k) => {
      sum = kw[k] as number;
      sw2y = kw2Total[k] as number;
      sw2y2 = sw2y;
      return finish(ky, kw2, categories, k);
    });
  }

  return { mean, shares };
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
