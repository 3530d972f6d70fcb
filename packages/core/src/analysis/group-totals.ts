/**
 * Every group's sums in one pass (docs/analysis.md, "Performance"). Respondents of one cell share their weight and
 * their row of the margins' model matrix (`cells.ts`), so a group's weighted shares, Kish figures and linearised
 * variances follow from how many of its respondents each cell holds in each category. One pass over the
 * respondents counts them for every group of every scope (the nation, each territory…) and every indicator at
 * once, instead of one pass per group and indicator; `memberSums` is the same figures from a group's members.
 */
import { kishFigures, kishOf, meanOf, proportionsFrom, proportionsOf, Z95, type KishFigures, type MeanResult, type ProportionsResult } from './estimates.js';
import { calibratedMeanError, wholeSampleTerms, type CalibrationDesign } from './calibrated-error.js';
import type { DomainEstimator } from './linearisation.js';

/** A respondent's category of a counted variable, in 0 … size − 1 (−1 unknown). */
export interface CountedVariable {
  codes: Int8Array;
  size: number;
  /**
   * When the category follows from another variable's (`categories[k]`: the category when the other's is k, −1
   * none), it is counted from the other's counts, not per respondent.
   */
  from?: { variable: number; categories: Int8Array };
}

/** Groups of respondents: `codes[i]` in 0 … size − 1 (−1 in none); everyone is in group 0 without codes. */
export interface Grouping {
  codes?: ArrayLike<number>;
  size: number;
}

/**
 * One group's sums, whatever they were read from. Variables are numbered as given; the mean is that of the
 * category index of variable 0 (the staircase level).
 */
export interface GroupSums {
  kish(): KishFigures;
  /** Weighted shares of variable j's categories, with Wilson intervals on the effective size. */
  proportions(j: number, categories: readonly string[]): ProportionsResult;
  /** The linearised standard error of each category's share of variable j. */
  shareErrors(j: number): number[];
  /** Weighted mean of variable 0, weights fixed (`meanOf`). */
  mean(): MeanResult;
  /** Its linearised standard error. */
  meanError(): number;
  /** Respondents per category of variable j. */
  tally(j: number): Int32Array;
}

/** What the counting path needs, built once per set of weights: each cell's weight and the whole-sample terms. */
export interface CellTotals {
  n: number;
  design: CalibrationDesign | undefined;
  /** Cell of each respondent (none without a design: one cell). */
  cellOf: Int32Array | undefined;
  /** Weight of each cell. */
  weight: Float64Array;
  s: Float64Array;
  Q: Float64Array;
}

/**
 * Each cell's weight and the whole-sample terms; undefined when two respondents of a cell have different weights
 * (then every group is read from its members).
 *
 * @example
 * const totals = cellTotals(design, weights);
 */
export function cellTotals(design: CalibrationDesign | undefined, weights: Float64Array): CellTotals | undefined {
  const n = weights.length;
  const cellOf = design?.cellOf;
  const size = design ? design.columns.length / Math.max(1, design.marginCount) : 1;
  const weight = new Float64Array(size).fill(NaN);
  for (let i = 0; i < n; i++) {
    const c = cellOf ? (cellOf[i] as number) : 0;
    const w = weights[i] as number;
    if (Number.isNaN(weight[c] as number)) weight[c] = w;
    else if (weight[c] !== w) return undefined;
  }
  return { n, design, cellOf, weight, ...wholeSampleTerms(design, weights) };
}

/** Above this many counters (4 bytes each) the groups are read from their members. */
export const COUNTER_LIMIT = 1 << 24;

/** Counts of every group of every scope, per cell and counted category. */
export interface GroupCounts {
  /** The sums of group g of grouping d within scope s. */
  sums(s: number, d: number, g: number): GroupSums;
}

/**
 * Counts, in one pass over `members` (everyone when absent), the respondents of each scope × grouping × group, per
 * cell and per category of each variable (slot 0: every member). Undefined above `COUNTER_LIMIT` counters.
 *
 * @example
 * countGroups(totals, variables, { codes: department, size: 96 }, [{ size: 1 }, { codes: gender, size: 2 }])?.sums(35, 1, 0).kish();
 */
export function countGroups(totals: CellTotals, variables: readonly CountedVariable[], scope: Grouping, groupings: readonly Grouping[], members?: Int32Array): GroupCounts | undefined {
  const C = totals.weight.length;
  const offsets = new Int32Array(variables.length);
  let K = 1;
  variables.forEach((v, j) => {
    offsets[j] = K;
    K += v.size;
  });
  const starts = new Int32Array(groupings.length);
  let S = 0;
  groupings.forEach((g, d) => {
    starts[d] = S;
    S += g.size;
  });
  if (scope.size * S * C * K > COUNTER_LIMIT) return undefined;
  const counts = new Int32Array(scope.size * S * C * K);
  const { cellOf } = totals;
  const scopeCodes = scope.codes;
  // The hot loop reads typed arrays only: the variables counted per respondent, the groupings with codes.
  const direct = variables.flatMap((v, j) => (v.from ? [] : [j]));
  const variableCodes = direct.map((j) => (variables[j] as CountedVariable).codes);
  const variableOffsets = Int32Array.from(direct, (j) => offsets[j] as number);
  const coded = groupings.flatMap((g, d) => (g.codes ? [d] : []));
  const groupingCodes = coded.map((d) => (groupings[d] as Grouping).codes as ArrayLike<number>);
  const groupingStarts = Int32Array.from(coded, (d) => starts[d] as number);
  const everyone = Int32Array.from(groupings.flatMap((g, d) => (g.codes ? [] : [starts[d] as number])));
  const row = new Int32Array(direct.length + 1);
  const size = members ? members.length : totals.n;
  const add = (base: number, r: number): void => {
    for (let t = 0; t < r; t++) {
      const x = base + (row[t] as number);
      counts[x] = (counts[x] as number) + 1;
    }
  };
  for (let m = 0; m < size; m++) {
    const i = members ? (members[m] as number) : m;
    const sc = scopeCodes ? (scopeCodes[i] as number) : 0;
    if (sc < 0) continue;
    const c = cellOf ? (cellOf[i] as number) : 0;
    let r = 1;
    for (let v = 0; v < variableCodes.length; v++) {
      const k = (variableCodes[v] as Int8Array)[i] as number;
      if (k >= 0) row[r++] = (variableOffsets[v] as number) + k;
    }
    for (let e = 0; e < everyone.length; e++) add(((sc * S + (everyone[e] as number)) * C + c) * K, r);
    for (let d = 0; d < groupingCodes.length; d++) {
      const g = (groupingCodes[d] as ArrayLike<number>)[i] as number;
      if (g >= 0) add(((sc * S + (groupingStarts[d] as number) + g) * C + c) * K, r);
    }
  }
  // Variables that follow from another: their counts from the other's, block by block.
  variables.forEach((v, j) => {
    if (!v.from) return;
    const { variable, categories } = v.from;
    const source = offsets[variable] as number;
    const target = offsets[j] as number;
    for (let block = 0; block < counts.length; block += K) {
      for (let k = 0; k < categories.length; k++) {
        const to = categories[k] as number;
        if (to >= 0) counts[block + target + to] = (counts[block + target + to] as number) + (counts[block + source + k] as number);
      }
    }
  });
  return { sums: (s, d, g) => countedSums(totals, counts, ((s * S + (starts[d] as number) + g) * C) * K, K, offsets, variables) };
}

function countedSums(totals: CellTotals, counts: Int32Array, base: number, K: number, offsets: Int32Array, variables: readonly CountedVariable[]): GroupSums {
  const w = totals.weight;
  const C = w.length;
  const at = (c: number, slot: number): number => counts[base + c * K + slot] as number;
  /** n, Σw, Σw² over the cells for the categories [from, to) of the slots. */
  const figures = (from: number, to: number): KishFigures => {
    let n = 0;
    let s1 = 0;
    let s2 = 0;
    for (let c = 0; c < C; c++) {
      let m = 0;
      for (let slot = from; slot < to; slot++) m += at(c, slot);
      const wc = w[c] as number;
      n += m;
      s1 += m * wc;
      s2 += m * wc * wc;
    }
    return kishFigures(n, s1, s2);
  };
  const range = (j: number): [number, number] => [offsets[j] as number, (offsets[j] as number) + (variables[j] as CountedVariable).size];
  // Per cell: Σ y, Σ y², respondents with a value (reused buffers).
  const yc = new Float64Array(C);
  const y2c = new Float64Array(C);
  const nc = new Float64Array(C);
  const knownPerCell = (from: number, to: number): void => {
    for (let c = 0; c < C; c++) {
      let m = 0;
      for (let slot = from; slot < to; slot++) m += at(c, slot);
      nc[c] = m;
    }
  };
  return {
    kish: () => figures(0, 1),
    proportions(j, categories) {
      const [from, to] = range(j);
      const wk = new Float64Array(to - from);
      const count = new Int32Array(to - from);
      for (let c = 0; c < C; c++) {
        for (let k = 0; k < to - from; k++) {
          const m = at(c, from + k);
          wk[k] = (wk[k] as number) + m * (w[c] as number);
          count[k] = (count[k] as number) + m;
        }
      }
      return proportionsFrom(figures(from, to), categories, wk, count);
    },
    shareErrors(j) {
      const [from, to] = range(j);
      knownPerCell(from, to);
      return Array.from({ length: to - from }, (_, k) => {
        for (let c = 0; c < C; c++) yc[c] = y2c[c] = at(c, from + k);
        return linearisedError(totals, yc, y2c, nc);
      });
    },
    mean() {
      const [from, to] = range(0);
      const f = figures(from, to);
      let sy = 0;
      for (let c = 0; c < C; c++) for (let k = 1; k < to - from; k++) sy += at(c, from + k) * k * (w[c] as number);
      const mean = f.weightedTotal > 0 ? sy / f.weightedTotal : NaN;
      let v = 0;
      for (let c = 0; c < C; c++) {
        for (let k = 0; k < to - from; k++) {
          const r = ((w[c] as number) * (k - mean)) / f.weightedTotal;
          v += at(c, from + k) * r * r;
        }
      }
      const standardError = f.n > 1 ? Math.sqrt((f.n / (f.n - 1)) * v) : NaN;
      return { n: f.n, nEffective: f.nEffective, mean, standardError, low: mean - Z95 * standardError, high: mean + Z95 * standardError };
    },
    meanError() {
      const [from, to] = range(0);
      knownPerCell(from, to);
      for (let c = 0; c < C; c++) {
        let y = 0;
        let y2 = 0;
        for (let k = 1; k < to - from; k++) {
          y += k * at(c, from + k);
          y2 += k * k * at(c, from + k);
        }
        yc[c] = y;
        y2c[c] = y2;
      }
      return linearisedError(totals, yc, y2c, nc);
    },
    tally(j) {
      const [from, to] = range(j);
      const out = new Int32Array(to - from);
      for (let c = 0; c < C; c++) for (let k = 0; k < to - from; k++) out[k] = (out[k] as number) + at(c, from + k);
      return out;
    },
  };
}

/** The cells a group touches, reused from one group to the next (read only during `calibratedMeanError`). */
let touchedCells = new Int32Array(0);

/**
 * The linearised standard error of a group's weighted mean from its per-cell Σ y, Σ y² and respondents with a value:
 * `calibratedMeanError` (linearisation.ts) with each cell's Σ w y = w Σ y and Σ w² y = w² Σ y.
 */
function linearisedError(totals: CellTotals, yc: Float64Array, y2c: Float64Array, nc: Float64Array): number {
  const { n, design, weight: w, s, Q } = totals;
  const C = w.length;
  const sums = { count: 0, total: 0, sum: 0, sw2: 0, sw2y: 0, sw2y2: 0 };
  if (touchedCells.length < C) touchedCells = new Int32Array(C);
  const touched = touchedCells;
  let length = 0;
  for (let c = 0; c < C; c++) {
    const N = nc[c] as number;
    if (N === 0) continue;
    touched[length++] = c;
    const wc = w[c] as number;
    const w2 = wc * wc;
    sums.count += N;
    sums.total += N * wc;
    sums.sw2 += N * w2;
    sums.sum += wc * (yc[c] as number);
    sums.sw2y += w2 * (yc[c] as number);
    sums.sw2y2 += w2 * (y2c[c] as number);
  }
  const square = (c: number): number => (w[c] as number) ** 2;
  return calibratedMeanError({ n, design, s, Q }, sums, {
    length,
    cell: (t) => touched[t] as number,
    y: (c) => yc[c] as number,
    n: (c) => nc[c] as number,
    w2y: (c) => square(c) * (yc[c] as number),
    w2: (c) => square(c) * (nc[c] as number),
  });
}

/**
 * The same sums read from a group's members (the straightforward path: one pass per estimate); `level` holds
 * variable 0's value (its category index, NaN when unknown).
 *
 * @example
 * memberSums(variables, level, weights, members, estimator).kish().nEffective;
 */
export function memberSums(variables: readonly CountedVariable[], level: Float64Array, weights: Float64Array, members: Int32Array, estimator: DomainEstimator): GroupSums {
  const codes = (j: number): Int8Array => (variables[j] as CountedVariable).codes;
  return {
    kish: () => kishOf(weights, members),
    proportions: (j, categories) => proportionsOf(codes(j), weights, categories, members),
    shareErrors: (j) => estimator.shares(codes(j), (variables[j] as CountedVariable).size, members).map((e) => e.standardError),
    mean: () => meanOf(level, weights, members),
    meanError: () => estimator.mean(level, members).standardError,
    tally(j) {
      const out = new Int32Array((variables[j] as CountedVariable).size);
      const c = codes(j);
      for (let m = 0; m < members.length; m++) {
        const k = c[members[m] as number] as number;
        if (k >= 0) out[k] = (out[k] as number) + 1;
      }
      return out;
    },
  };
}
