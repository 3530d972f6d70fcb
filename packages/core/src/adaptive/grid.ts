/**
 * The quadrature grid of the EAP estimator and of calibration (docs/adaptive.md, "Estimators"):
 * equally spaced points with the normal prior's density as weights, normalised to sum to 1.
 */
import { AdaptiveError } from './errors.js';

/** A normal prior on θ. */
export interface NormalPrior {
  mean: number;
  sd: number;
}

export interface GridOptions {
  /** Number of points; default 33. */
  points?: number;
  /** Default −4. */
  min?: number;
  /** Default 4. */
  max?: number;
  /** Default N(0, 1). */
  prior?: NormalPrior;
}

export interface QuadratureGrid {
  readonly points: Float64Array;
  /** The prior's weight at each point, summing to 1. */
  readonly weights: Float64Array;
  /** log of `weights`, for accumulating log posteriors. */
  readonly logWeights: Float64Array;
}

/** The default prior: N(0, 1). */
export const STANDARD_NORMAL: NormalPrior = Object.freeze({ mean: 0, sd: 1 });

/**
 * A quadrature grid, 33 points on [−4, 4] with an N(0, 1) prior unless told otherwise.
 *
 * @example
 * const grid = quadratureGrid(); // 33 points, −4, −3.75, …, 4
 * const fine = quadratureGrid({ points: 4001, min: -8, max: 8 });
 * @throws {AdaptiveError} `invalid_options` for fewer than 2 points, min ≥ max or sd ≤ 0.
 */
export function quadratureGrid(options: GridOptions = {}): QuadratureGrid {
  const n = options.points ?? 33;
  const min = options.min ?? -4;
  const max = options.max ?? 4;
  const prior = options.prior ?? STANDARD_NORMAL;
  if (!Number.isInteger(n) || n < 2) throw new AdaptiveError('invalid_options', `grid points must be an integer ≥ 2 (got ${n})`);
  if (!(Number.isFinite(min) && Number.isFinite(max) && min < max)) throw new AdaptiveError('invalid_options', `grid min must be below max (got ${min}, ${max})`);
  checkPrior(prior);
  const points = new Float64Array(n);
  const weights = new Float64Array(n);
  const logWeights = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    const x = min + ((max - min) * k) / (n - 1);
    points[k] = x;
    const z = (x - prior.mean) / prior.sd;
    weights[k] = Math.exp(-0.5 * z * z);
    total += weights[k] as number;
  }
  for (let k = 0; k < n; k++) {
    weights[k] = (weights[k] as number) / total;
    logWeights[k] = Math.log(weights[k] as number);
  }
  return { points, weights, logWeights };
}

/** @internal */
export function checkPrior(prior: NormalPrior): void {
  if (!(Number.isFinite(prior.mean) && Number.isFinite(prior.sd) && prior.sd > 0))
    throw new AdaptiveError('invalid_options', `the prior needs a finite mean and an sd above 0 (got ${prior.mean}, ${prior.sd})`);
}
