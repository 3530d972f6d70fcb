/**
 * Ability estimators (docs/adaptive.md, "Estimators"): EAP on a quadrature grid, MAP with a
 * normal prior, ML within bounds and WLE (Warm's weighted likelihood), each with its standard error.
 * Answers are booleans: only a success (status `ok`) counts as right.
 */
import { AdaptiveError } from './errors.js';
import { checkPrior, quadratureGrid, STANDARD_NORMAL, type NormalPrior, type QuadratureGrid } from './grid.js';
import { information3, toItemMatrix, type ItemMatrix, type ItemParameters } from './model.js';

export interface Estimate {
  theta: number;
  /** Standard error: posterior SD for EAP, 1 / √information otherwise (plus the prior's for MAP). */
  se: number;
  /**
   * True when the estimate sits on a bound because the likelihood has no maximum inside them:
   * the constant patterns (all right or all wrong) of ML and WLE. See docs/adaptive.md.
   */
  bounded?: boolean;
}

export type EstimatorName = 'EAP' | 'MAP' | 'ML' | 'WLE';

export interface EstimatorOptions {
  /** EAP: the grid (default 33 points on [−4, 4], N(0, 1) prior). */
  grid?: QuadratureGrid;
  /** MAP: the prior (default N(0, 1)). */
  prior?: NormalPrior;
  /** MAP, ML, WLE: the interval searched (default [−4, 4]). */
  bounds?: readonly [number, number];
}

let defaultGrid: QuadratureGrid | undefined;

/** @internal The default grid, built once. */
export function defaultQuadratureGrid(): QuadratureGrid {
  return (defaultGrid ??= quadratureGrid());
}

/**
 * Add one answer's log-likelihood to a running log posterior on a grid (the EAP update of a cycle).
 *
 * @example
 * const logPosterior = Float64Array.from(grid.logWeights);
 * addAnswer(grid, logPosterior, 1.2, -0.5, 0, true);
 * posteriorEstimate(grid, logPosterior); // { theta, se }
 */
export function addAnswer(grid: QuadratureGrid, logPosterior: Float64Array, a: number, b: number, c: number, correct: boolean): void {
  const points = grid.points;
  for (let k = 0; k < points.length; k++) {
    const l = 1 / (1 + Math.exp(a * (b - (points[k] as number))));
    const p = c + (1 - c) * l;
    logPosterior[k] = (logPosterior[k] as number) + Math.log(correct ? p : 1 - p);
  }
}

/**
 * Mean and SD of a posterior given by its log on a grid (up to a constant).
 *
 * @example
 * posteriorEstimate(grid, Float64Array.from(grid.logWeights)); // { theta: 0, se: ≈ 1 }
 */
export function posteriorEstimate(grid: QuadratureGrid, logPosterior: Float64Array): Estimate {
  const points = grid.points;
  let top = -Infinity;
  for (let k = 0; k < points.length; k++) if ((logPosterior[k] as number) > top) top = logPosterior[k] as number;
  let total = 0;
  let first = 0;
  let second = 0;
  for (let k = 0; k < points.length; k++) {
    const w = Math.exp((logPosterior[k] as number) - top);
    const x = points[k] as number;
    total += w;
    first += w * x;
    second += w * x * x;
  }
  const theta = first / total;
  return { theta, se: Math.sqrt(Math.max(0, second / total - theta * theta)) };
}

/**
 * Expected a posteriori: the posterior mean on the grid and its SD.
 *
 * @example
 * eap([{ a: 1, b: -1 }, { a: 1.5, b: -0.5 }], [true, false]); // { theta, se }
 * @throws {AdaptiveError} `invalid_responses`, `invalid_parameters`.
 */
export function eap(items: readonly ItemParameters[], answers: readonly boolean[], options: EstimatorOptions = {}): Estimate {
  const matrix = checked(items, answers, true);
  const grid = options.grid ?? defaultQuadratureGrid();
  const logPosterior = Float64Array.from(grid.logWeights);
  for (let i = 0; i < matrix.length; i++) addAnswer(grid, logPosterior, matrix.a[i] as number, matrix.b[i] as number, matrix.c[i] as number, answers[i] as boolean);
  return posteriorEstimate(grid, logPosterior);
}

/**
 * Maximum a posteriori with a normal prior; SE = 1 / √(information + 1 / sd²).
 *
 * @example
 * map([{ a: 1, b: 0 }], [true]); // { theta: > 0, se }
 */
export function map(items: readonly ItemParameters[], answers: readonly boolean[], options: EstimatorOptions = {}): Estimate {
  const matrix = checked(items, answers, true);
  const prior = options.prior ?? STANDARD_NORMAL;
  checkPrior(prior);
  const precision = 1 / (prior.sd * prior.sd);
  const sums = likelihoodSums(matrix, answers);
  const found = maximise(
    (t) => sums(t).score - (t - prior.mean) * precision,
    (t) => sums(t).logLikelihood - 0.5 * (t - prior.mean) ** 2 * precision,
    bounds(options),
  );
  return { theta: found.theta, se: 1 / Math.sqrt(sums(found.theta).information + precision), ...(found.bounded ? { bounded: true } : {}) };
}

/**
 * Maximum likelihood within bounds (default [−4, 4]). When the likelihood has no maximum inside
 * them (all right, all wrong), the estimate is the bound where the likelihood is highest,
 * flagged `bounded`.
 *
 * @example
 * ml(items, [true, true, false, true, false]); // { theta, se }
 * ml(items, [true, true, true, true, true]); // { theta: 4, se, bounded: true }
 */
export function ml(items: readonly ItemParameters[], answers: readonly boolean[], options: EstimatorOptions = {}): Estimate {
  const matrix = checked(items, answers, false);
  const sums = likelihoodSums(matrix, answers);
  const found = maximise((t) => sums(t).score, (t) => sums(t).logLikelihood, bounds(options));
  return { theta: found.theta, se: 1 / Math.sqrt(sums(found.theta).information), ...(found.bounded ? { bounded: true } : {}) };
}

/**
 * Warm's weighted likelihood estimate: the root of score + J / (2 I), J = Σ P′ P″ / (P Q).
 * Finite for constant patterns of a 2PL test; bounded like ML otherwise. SE = 1 / √information.
 *
 * @example
 * wle(items, [true, true, true, true, true]); // a finite θ, unlike ML
 */
export function wle(items: readonly ItemParameters[], answers: readonly boolean[], options: EstimatorOptions = {}): Estimate {
  const matrix = checked(items, answers, false);
  const sums = likelihoodSums(matrix, answers);
  const found = maximise(
    (t) => {
      const s = sums(t);
      return s.score + s.warm / (2 * s.information);
    },
    (t) => {
      const s = sums(t);
      return s.logLikelihood + 0.5 * Math.log(s.information);
    },
    bounds(options),
  );
  return { theta: found.theta, se: 1 / Math.sqrt(sums(found.theta).information), ...(found.bounded ? { bounded: true } : {}) };
}

/**
 * One of the four estimators by name.
 *
 * @example
 * estimateAbility('WLE', items, answers);
 */
export function estimateAbility(estimator: EstimatorName, items: readonly ItemParameters[], answers: readonly boolean[], options: EstimatorOptions = {}): Estimate {
  switch (estimator) {
    case 'EAP':
      return eap(items, answers, options);
    case 'MAP':
      return map(items, answers, options);
    case 'ML':
      return ml(items, answers, options);
    case 'WLE':
      return wle(items, answers, options);
    default:
      throw new AdaptiveError('invalid_options', `unknown estimator ${JSON.stringify(estimator)} (expected EAP, MAP, ML or WLE)`);
  }
}

function checked(items: readonly ItemParameters[], answers: readonly boolean[], emptyAllowed: boolean): ItemMatrix {
  if (items.length !== answers.length)
    throw new AdaptiveError('invalid_responses', `${items.length} items but ${answers.length} answers: give one answer per item`);
  if (!emptyAllowed && items.length === 0) throw new AdaptiveError('invalid_responses', 'ML and WLE need at least one answer');
  return toItemMatrix(items);
}

function bounds(options: EstimatorOptions): readonly [number, number] {
  const range = options.bounds ?? [-4, 4];
  if (!(Number.isFinite(range[0]) && Number.isFinite(range[1]) && range[0] < range[1]))
    throw new AdaptiveError('invalid_options', `bounds must be two finite numbers, lower first (got ${range.join(', ')})`);
  return range;
}

interface Sums {
  logLikelihood: number;
  score: number;
  information: number;
  /** Σ P′ P″ / (P Q), the numerator of Warm's correction. */
  warm: number;
}

function likelihoodSums(matrix: ItemMatrix, answers: readonly boolean[]): (theta: number) => Sums {
  return (theta) => {
    let logLikelihood = 0;
    let score = 0;
    let information = 0;
    let warm = 0;
    for (let i = 0; i < matrix.length; i++) {
      const a = matrix.a[i] as number;
      const c = matrix.c[i] as number;
      const l = 1 / (1 + Math.exp(a * ((matrix.b[i] as number) - theta)));
      const p = c + (1 - c) * l;
      const pq = p * (1 - p);
      const d1 = (1 - c) * a * l * (1 - l);
      const d2 = d1 * a * (1 - 2 * l);
      const u = answers[i] ? 1 : 0;
      logLikelihood += Math.log(u ? p : 1 - p);
      score += ((u - p) * d1) / pq;
      information += information3(a, matrix.b[i] as number, c, theta);
      warm += (d1 * d2) / pq;
    }
    return { logLikelihood, score, information, warm };
  };
}

/** Scan steps of the root search: fine enough to separate the roots of a 3PL likelihood. */
const SCAN_STEPS = 160;

/**
 * The maximum of `objective` on [lower, upper], found as a root of its derivative `slope`
 * (a + to − sign change, refined by bisection to machine precision); when there is none,
 * the better bound, flagged.
 */
function maximise(slope: (t: number) => number, objective: (t: number) => number, [lower, upper]: readonly [number, number]): { theta: number; bounded: boolean } {
  let best = { theta: objective(lower) >= objective(upper) ? lower : upper, bounded: true };
  let bestValue = objective(best.theta);
  let x0 = lower;
  let f0 = slope(x0);
  for (let s = 1; s <= SCAN_STEPS; s++) {
    const x1 = lower + ((upper - lower) * s) / SCAN_STEPS;
    const f1 = slope(x1);
    if (f0 > 0 && f1 <= 0) {
      const root = bisect(slope, x0, x1);
      const value = objective(root);
      if (value > bestValue || best.bounded) {
        best = { theta: root, bounded: false };
        bestValue = value;
      }
    }
    x0 = x1;
    f0 = f1;
  }
  return best;
}

function bisect(f: (t: number) => number, low: number, high: number): number {
  for (let i = 0; i < 100 && high - low > 1e-14; i++) {
    const mid = (low + high) / 2;
    if (f(mid) > 0) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
