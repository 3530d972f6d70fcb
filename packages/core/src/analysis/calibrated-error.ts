/**
 * The linearised standard error of a domain's mean under calibrated weights (docs/analysis.md, "Reading the
 * figures"), from the domain's sums and the whole-sample terms: the one formula of `domainEstimator`
 * (linearisation.ts) and of the one-pass group counts (group-totals.ts).
 */
import { solve } from './cholesky.js';

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

/** A domain's sums over its respondents with a value: Σ 1, Σ w, Σ w y, Σ w², Σ w² y, Σ w² y². */
export interface DomainSums {
  count: number;
  total: number;
  sum: number;
  sw2: number;
  sw2y: number;
  sw2y2: number;
}

/** The cells a domain touches (the t-th is `cell(t)`), and per cell c its Σ y, respondents, Σ w² y and Σ w². */
export interface DomainCells {
  length: number;
  cell(t: number): number;
  y(c: number): number;
  n(c: number): number;
  w2y(c: number): number;
  w2(c: number): number;
}

/**
 * The linearised standard error of a domain's weighted mean under the calibrated (raked) weights
 * (docs/analysis.md, "Intervals"): influence values z = (y − mean) / Σ w in the domain, zero outside,
 * u = w (z − x'β) over the whole sample, β the projection of z on the margins; NaN for an empty domain.
 * The one formula of every path (`domainEstimator`, and the one-pass counts of group-totals.ts).
 *
 * @example
 * calibratedMeanError({ n, design, ...wholeSampleTerms(design, weights) }, sums, cells);
 */
export function calibratedMeanError(
  sample: { n: number; design: CalibrationDesign | undefined; s: Float64Array; Q: Float64Array },
  sums: DomainSums,
  cells: DomainCells,
): number {
  const { n, design, s, Q } = sample;
  const { count, total, sum, sw2, sw2y, sw2y2 } = sums;
  if (count === 0 || n < 2) return NaN;
  const mean = sum / total;
  let su = (sum - mean * total) / total;
  let su2 = (sw2y2 - 2 * mean * sw2y + mean * mean * sw2) / (total * total);
  if (design) {
    const { p, marginCount: M, columns } = design;
    const xtz = new Float64Array(p);
    const active = new Int32Array(M + 1);
    for (let t = 0; t < cells.length; t++) {
      const c = cells.cell(t);
      const zc = (cells.y(c) - mean * cells.n(c)) / total;
      const act = activeColumns(columns, c, M, active);
      for (let r = 0; r < act; r++) xtz[active[r] as number] = (xtz[active[r] as number] as number) + zc;
    }
    const beta = solve(design.factor, p, xtz);
    // Σ u = Σ w z − s'β; Σ u² = Σ w² z² − 2 Σ w² z x'β + β'Qβ.
    let cross = 0;
    for (let t = 0; t < cells.length; t++) {
      const c = cells.cell(t);
      const act = activeColumns(columns, c, M, active);
      let fit = 0;
      for (let r = 0; r < act; r++) fit += beta[active[r] as number] as number;
      cross += (fit * (cells.w2y(c) - mean * cells.w2(c))) / total;
    }
    const { sb, bqb } = projectionTerms(beta, s, Q, p);
    su -= sb;
    su2 += bqb - 2 * cross;
  }
  const v = (n / (n - 1)) * (su2 - (su * su) / n);
  return Math.sqrt(Math.max(0, v));
}
