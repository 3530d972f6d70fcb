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
import { activeColumns, calibratedMeanError, wholeSampleTerms, type CalibrationDesign, type DomainCells } from './calibrated-error.js';
import { cellsOf, type Cells } from './cells.js';
import { cholesky } from './cholesky.js';
import { membersOf } from './estimates.js';
import type { RakingProblem } from './margins.js';

export type { CalibrationDesign };

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
    const cells: DomainCells = {
      length: touchedCount,
      cell: (t) => touched[t] as number,
      y: (c) => ky[c * stride + offset] as number,
      n: (c) => cn[c] as number,
      w2y: (c) => kw2y[c * stride + offset] as number,
      w2: (c) => cw2[c] as number,
    };
    return { n: count, mean, standardError: calibratedMeanError({ n, design, s, Q }, { count, total, sum, sw2, sw2y, sw2y2 }, cells) };
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
