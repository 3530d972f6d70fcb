/**
 * Sympson–Hetter exposure parameters by simulation (docs/adaptive.md, "Exposure control"): the
 * iterative procedure of Sympson and Hetter (1985). Each item i has a parameter K_i, the
 * probability that it is asked once maximum information picks it. A simulated population takes
 * the test; for each item the rate of people who were asked it, P(A_i), gives the rate at which it
 * was picked, P(S_i) = P(A_i) / K_i; then K_i = r / P(S_i) where that rate is above the target r,
 * else 1. Repeat until no item is asked to more than r of the population.
 */
import { seededRandom } from '../session/random.js';
import type { AdaptiveTestConfig } from './engine.js';
import { AdaptiveError } from './errors.js';
import type { ItemPool } from './select.js';
import { normal, simulateAdaptiveTest } from './simulate.js';

export interface ExposureOptions {
  /** The target maximum exposure rate r: the share of people an item may be asked to, in (0, 1]. */
  maxRate: number;
  /** Simulated people per round; default 1,000, θ ~ N(0, 1). */
  people?: number;
  /** Rounds at most; default 30. */
  maxIterations?: number;
  /** Seed of the simulated population and of their tests; default `exposure`. */
  seed?: string;
}

export interface ExposureCalibration {
  /** K per item id, in (0, 1]; items at 1 are listed too. Goes into `AdaptiveTestConfig.sympsonHetter`. */
  parameters: Record<string, number>;
  /** The highest exposure rate of the last round simulated (when not converged: before its update of the parameters). */
  maxExposure: number;
  /** Rounds run. */
  iterations: number;
  /** The last round met the target (`maxExposure ≤ maxRate`). */
  converged: boolean;
}

/**
 * Compute Sympson–Hetter exposure parameters for a test configuration on a pool, by simulation.
 * The configuration's own `sympsonHetter` is ignored (the procedure starts from K = 1).
 *
 * @example
 * const { parameters } = calibrateExposure(bankPool(bank), { stopping: { maxItems: 20 } }, { maxRate: 0.35 });
 * const session = createAdaptiveSession(bank, { config: { stopping: { maxItems: 20 }, sympsonHetter: parameters } });
 * @throws {AdaptiveError} `invalid_options` for a rate outside (0, 1] or a population under 10 people.
 */
export function calibrateExposure(pool: ItemPool, config: AdaptiveTestConfig, options: ExposureOptions): ExposureCalibration {
  const { maxRate } = options;
  const people = options.people ?? 1000;
  const maxIterations = options.maxIterations ?? 30;
  const seed = options.seed ?? 'exposure';
  if (!(maxRate > 0 && maxRate <= 1)) throw new AdaptiveError('invalid_options', `maxRate must be above 0 and at most 1 (got ${maxRate})`);
  if (!(Number.isInteger(people) && people >= 10)) throw new AdaptiveError('invalid_options', `people must be an integer of at least 10 (got ${people})`);
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) throw new AdaptiveError('invalid_options', `maxIterations must be an integer ≥ 1 (got ${maxIterations})`);
  const n = pool.ids.length;
  const k = new Float64Array(n).fill(1);
  const population = seededRandom(`${seed}/population`);
  const thetas = Array.from({ length: people }, () => normal(population));
  let maxExposure = Infinity;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    const parameters = byId(pool, k);
    const asked = new Float64Array(n);
    for (const [p, theta] of thetas.entries()) {
      const { responses } = simulateAdaptiveTest(pool, theta, { ...config, sympsonHetter: parameters }, `${seed}/${p}`);
      for (const r of responses) asked[r.index] = (asked[r.index] as number) + 1;
    }
    maxExposure = 0;
    for (let i = 0; i < n; i++) {
      const administered = (asked[i] as number) / people;
      maxExposure = Math.max(maxExposure, administered);
      const picked = administered / (k[i] as number);
      if (picked > maxRate) k[i] = Math.min(k[i] as number, maxRate / picked);
    }
    if (maxExposure <= maxRate) {
      // The parameters that met the target are those of this round, before the update above.
      return { parameters, maxExposure, iterations, converged: true };
    }
  }
  return { parameters: byId(pool, k), maxExposure, iterations, converged: false };
}

function byId(pool: ItemPool, k: Float64Array): Record<string, number> {
  return Object.fromEntries(pool.ids.map((id, i) => [id, k[i] as number]));
}
