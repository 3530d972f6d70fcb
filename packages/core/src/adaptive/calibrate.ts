/**
 * Calibration of 2PL item parameters from collected answers (docs/adaptive.md, "Calibration"):
 * marginal maximum likelihood by EM on a quadrature grid (Bock–Aitkin), ability N(0, 1) to fix
 * the scale. Missing answers (items not asked, as in an adaptive test) are left out of the
 * likelihood. Pure: the CLI `observatoire calibrate` reads the file and prints the result.
 */
import { AdaptiveError } from './errors.js';
import { quadratureGrid, type GridOptions } from './grid.js';

/** Answers of `persons` people to `itemIds.length` items, row by row: 1 right, 0 wrong, −1 not asked. */
export interface ResponseMatrix {
  itemIds: readonly string[];
  persons: number;
  answers: Int8Array;
}

export interface CalibrationOptions {
  /** Default 41 points on [−5, 5], N(0, 1). */
  grid?: GridOptions;
  /** Default 500. */
  maxIterations?: number;
  /** Stop when no parameter moves more than this in one cycle; default 1e-4. */
  tolerance?: number;
  /** Items answered by fewer people are reported for review; default 100. */
  minAnswers?: number;
}

/** Why an item should be looked at by a person before its parameters are used. */
export type ReviewReason = 'few_answers' | 'low_discrimination' | 'extreme_difficulty' | 'poor_fit' | 'at_bound';

export interface ItemCalibration {
  id: string;
  a: number;
  b: number;
  /** Standard errors from the M-step information (they ignore the uncertainty of the E step: a lower bound). */
  seA: number;
  seB: number;
  /** People who answered it. */
  answers: number;
  /** Share of right answers among them. */
  pCorrect: number;
  /** Root mean square difference between observed and model proportions over the grid (weighted by expected counts). */
  rmsd: number;
  review: ReviewReason[];
}

export interface CalibrationResult {
  items: ItemCalibration[];
  iterations: number;
  converged: boolean;
  /** Marginal log-likelihood at the end. */
  logLikelihood: number;
  persons: number;
}

/** Review thresholds, documented in docs/adaptive.md. */
export const REVIEW_THRESHOLDS = Object.freeze({ minDiscrimination: 0.5, maxAbsDifficulty: 4, maxRmsd: 0.1 });
const A_BOUNDS = [0.05, 6] as const;
const B_BOUND = 8;

/**
 * Estimate 2PL parameters by marginal maximum likelihood (Bock–Aitkin EM).
 *
 * @example
 * const result = calibrateTwoPL({ itemIds: ['q1', 'q2'], persons: 3, answers: Int8Array.from([1, 0, 1, 1, 0, -1]) });
 * result.items[0]; // { id: 'q1', a, b, seA, seB, answers: 3, pCorrect: 0.67, rmsd, review: ['few_answers'] }
 * @throws {AdaptiveError} `invalid_data` when the matrix has the wrong size, holds other values, or an item nobody answered.
 */
export function calibrateTwoPL(data: ResponseMatrix, options: CalibrationOptions = {}): CalibrationResult {
  const nItems = data.itemIds.length;
  const nPersons = data.persons;
  const u = data.answers;
  if (nItems === 0 || nPersons === 0) throw new AdaptiveError('invalid_data', 'no answers to calibrate on');
  if (u.length !== nItems * nPersons) throw new AdaptiveError('invalid_data', `expected ${nItems * nPersons} answers (${nPersons} people × ${nItems} items), got ${u.length}`);
  const counts = new Float64Array(nItems);
  const rights = new Float64Array(nItems);
  for (let j = 0; j < nPersons; j++)
    for (let i = 0; i < nItems; i++) {
      const x = u[j * nItems + i] as number;
      if (x !== -1 && x !== 0 && x !== 1) throw new AdaptiveError('invalid_data', `answer of person ${j} to "${data.itemIds[i]}" must be 1, 0 or −1 (got ${x})`);
      if (x >= 0) {
        counts[i] = (counts[i] as number) + 1;
        rights[i] = (rights[i] as number) + x;
      }
    }
  const unanswered = data.itemIds.filter((_, i) => counts[i] === 0);
  if (unanswered.length > 0) throw new AdaptiveError('invalid_data', `nobody answered ${unanswered.map((id) => `"${id}"`).join(', ')}: remove them before calibrating`, unanswered);

  const grid = quadratureGrid(options.grid ?? { points: 41, min: -5, max: 5 });
  const Q = grid.points.length;
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = options.tolerance ?? 1e-4;

  // Slope–intercept form, logit P = a θ + d (d = −a b); start from a = 1 and the items' p-values.
  const a = new Float64Array(nItems).fill(1);
  const d = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) {
    const p = Math.min(0.99, Math.max(0.01, (rights[i] as number) / (counts[i] as number)));
    d[i] = Math.log(p / (1 - p));
  }
  const logP = new Float64Array(nItems * Q);
  const logQ = new Float64Array(nItems * Q);
  const n = new Float64Array(nItems * Q);
  const r = new Float64Array(nItems * Q);
  const posterior = new Float64Array(Q);
  let iterations = 0;
  let converged = false;
  let logLikelihood = 0;
  const atBound = new Uint8Array(nItems);

  for (; iterations < maxIterations && !converged; iterations++) {
    // E step: expected number of people (n) and of right answers (r) at each grid point, per item.
    for (let i = 0; i < nItems; i++)
      for (let q = 0; q < Q; q++) {
        const z = (a[i] as number) * (grid.points[q] as number) + (d[i] as number);
        logP[i * Q + q] = -softplus(-z);
        logQ[i * Q + q] = -softplus(z);
      }
    n.fill(0);
    r.fill(0);
    logLikelihood = 0;
    for (let j = 0; j < nPersons; j++) {
      const row = j * nItems;
      for (let q = 0; q < Q; q++) posterior[q] = grid.logWeights[q] as number;
      for (let i = 0; i < nItems; i++) {
        const x = u[row + i];
        if (x === 1) for (let q = 0; q < Q; q++) posterior[q] = (posterior[q] as number) + (logP[i * Q + q] as number);
        else if (x === 0) for (let q = 0; q < Q; q++) posterior[q] = (posterior[q] as number) + (logQ[i * Q + q] as number);
      }
      let top = -Infinity;
      for (let q = 0; q < Q; q++) if ((posterior[q] as number) > top) top = posterior[q] as number;
      let total = 0;
      for (let q = 0; q < Q; q++) {
        posterior[q] = Math.exp((posterior[q] as number) - top);
        total += posterior[q] as number;
      }
      logLikelihood += top + Math.log(total);
      for (let q = 0; q < Q; q++) posterior[q] = (posterior[q] as number) / total;
      for (let i = 0; i < nItems; i++) {
        const x = u[row + i];
        if (x === -1) continue;
        for (let q = 0; q < Q; q++) {
          n[i * Q + q] = (n[i * Q + q] as number) + (posterior[q] as number);
          if (x === 1) r[i * Q + q] = (r[i * Q + q] as number) + (posterior[q] as number);
        }
      }
    }
    // M step: each item's logistic regression of the expected proportions on θ, by Newton.
    let largestMove = 0;
    for (let i = 0; i < nItems; i++) {
      const fitted = fitItem(grid.points, n.subarray(i * Q, (i + 1) * Q), r.subarray(i * Q, (i + 1) * Q), a[i] as number, d[i] as number);
      largestMove = Math.max(largestMove, Math.abs(fitted.a - (a[i] as number)), Math.abs(fitted.d - (d[i] as number)));
      a[i] = fitted.a;
      d[i] = fitted.d;
      atBound[i] = fitted.atBound ? 1 : 0;
    }
    converged = largestMove < tolerance;
  }

  const minAnswers = options.minAnswers ?? 100;
  const items = data.itemIds.map((id, i): ItemCalibration => {
    const ai = a[i] as number;
    const di = d[i] as number;
    const ni = n.subarray(i * Q, (i + 1) * Q);
    const ri = r.subarray(i * Q, (i + 1) * Q);
    // Information of (a, d) from the expected counts, then the delta method for b = −d / a.
    let haa = 0;
    let had = 0;
    let hdd = 0;
    let sumN = 0;
    let squares = 0;
    for (let q = 0; q < Q; q++) {
      const t = grid.points[q] as number;
      const p = 1 / (1 + Math.exp(-(ai * t + di)));
      const w = (ni[q] as number) * p * (1 - p);
      haa += w * t * t;
      had += w * t;
      hdd += w;
      if ((ni[q] as number) > 0) squares += (ni[q] as number) * ((ri[q] as number) / (ni[q] as number) - p) ** 2;
      sumN += ni[q] as number;
    }
    const det = haa * hdd - had * had;
    const varA = hdd / det;
    const varD = haa / det;
    const covAD = -had / det;
    const b = -di / ai;
    const gradA = di / (ai * ai);
    const gradD = -1 / ai;
    const varB = gradA * gradA * varA + 2 * gradA * gradD * covAD + gradD * gradD * varD;
    const rmsd = Math.sqrt(squares / sumN);
    const review: ReviewReason[] = [];
    if ((counts[i] as number) < minAnswers) review.push('few_answers');
    if (ai < REVIEW_THRESHOLDS.minDiscrimination) review.push('low_discrimination');
    if (Math.abs(b) > REVIEW_THRESHOLDS.maxAbsDifficulty) review.push('extreme_difficulty');
    if (rmsd > REVIEW_THRESHOLDS.maxRmsd) review.push('poor_fit');
    if (atBound[i]) review.push('at_bound');
    return { id, a: ai, b, seA: Math.sqrt(varA), seB: Math.sqrt(varB), answers: counts[i] as number, pCorrect: (rights[i] as number) / (counts[i] as number), rmsd, review };
  });
  return { items, iterations, converged, logLikelihood, persons: nPersons };
}

function softplus(x: number): number {
  return x > 30 ? x : Math.log1p(Math.exp(x));
}

/** Newton–Raphson with step halving on the expected complete-data log-likelihood of one item. */
function fitItem(points: Float64Array, n: Float64Array, r: Float64Array, a0: number, d0: number): { a: number; d: number; atBound: boolean } {
  const objective = (a: number, d: number): number => {
    let value = 0;
    for (let q = 0; q < points.length; q++) {
      const z = a * (points[q] as number) + d;
      value -= (r[q] as number) * softplus(-z) + ((n[q] as number) - (r[q] as number)) * softplus(z);
    }
    return value;
  };
  let a = a0;
  let d = d0;
  let current = objective(a, d);
  for (let step = 0; step < 20; step++) {
    let ga = 0;
    let gd = 0;
    let haa = 0;
    let had = 0;
    let hdd = 0;
    for (let q = 0; q < points.length; q++) {
      const t = points[q] as number;
      const p = 1 / (1 + Math.exp(-(a * t + d)));
      const residual = (r[q] as number) - (n[q] as number) * p;
      const w = (n[q] as number) * p * (1 - p);
      ga += residual * t;
      gd += residual;
      haa += w * t * t;
      had += w * t;
      hdd += w;
    }
    const det = haa * hdd - had * had;
    if (!(det > 0)) break;
    let da = (hdd * ga - had * gd) / det;
    let dd = (haa * gd - had * ga) / det;
    let accepted = false;
    for (let halving = 0; halving < 30; halving++) {
      const na = Math.min(A_BOUNDS[1], Math.max(A_BOUNDS[0], a + da));
      const nd = Math.min(B_BOUND * na, Math.max(-B_BOUND * na, d + dd));
      const value = objective(na, nd);
      if (value >= current - 1e-12) {
        const moved = Math.abs(na - a) + Math.abs(nd - d);
        a = na;
        d = nd;
        current = value;
        accepted = true;
        if (moved < 1e-10) return { a, d, atBound: isAtBound(a, d) };
        break;
      }
      da /= 2;
      dd /= 2;
    }
    if (!accepted) break;
  }
  return { a, d, atBound: isAtBound(a, d) };
}

function isAtBound(a: number, d: number): boolean {
  return a <= A_BOUNDS[0] || a >= A_BOUNDS[1] || Math.abs(d) >= B_BOUND * a - 1e-9;
}

/**
 * The response matrix of the collector's export (one row per session, a `ch_<challengeId>` column
 * per challenge holding its status): `ok` is right, `ko`, `aband` and `timedout` are wrong, an
 * empty cell is an item not asked. Sessions that answered nothing are left out.
 *
 * @example
 * responsesFromExportRows([{ session_id: 's1', ch_q1: 'ok', ch_q2: '' }]); // { itemIds: ['q1', 'q2'], persons: 1, answers: Int8Array [1, -1] }
 * @throws {AdaptiveError} `invalid_data` when there is no `ch_` column or a status is unknown.
 */
export function responsesFromExportRows(rows: readonly Readonly<Record<string, string>>[]): ResponseMatrix {
  const columns = rows.length > 0 ? Object.keys(rows[0] as object).filter((key) => key.startsWith('ch_')) : [];
  if (columns.length === 0) throw new AdaptiveError('invalid_data', 'the export has no challenge column (columns named ch_<challenge id>)');
  const kept: number[] = [];
  const answers: number[] = [];
  for (const [k, row] of rows.entries()) {
    const values = columns.map((column) => {
      const status = (row[column] ?? '').trim();
      if (status === '') return -1;
      if (status === 'ok') return 1;
      if (status === 'ko' || status === 'aband' || status === 'timedout') return 0;
      throw new AdaptiveError('invalid_data', `row ${k + 2}, column ${column}: unknown status "${status}" (expected ok, ko, aband, timedout or empty)`);
    });
    if (values.some((v) => v >= 0)) {
      kept.push(k);
      answers.push(...values);
    }
  }
  return { itemIds: columns.map((column) => column.slice(3)), persons: kept.length, answers: Int8Array.from(answers) };
}
