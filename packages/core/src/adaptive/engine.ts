/**
 * One step of the adaptive test, shared by the session and the simulations: estimate θ from the
 * answers so far, decide whether to stop, otherwise pick the next item. Pure.
 */
import { seededRandom } from '../session/random.js';
import { AdaptiveError } from './errors.js';
import { addAnswer, estimateAbility, posteriorEstimate, type Estimate, type EstimatorName } from './estimate.js';
import { quadratureGrid, type GridOptions, type QuadratureGrid } from './grid.js';
import { selectNextItem, type BalanceBy, type ItemPool } from './select.js';
import { checkStoppingRule, stoppingReason, type StopReason, type StoppingRule } from './stopping.js';

/** How an adaptive test runs. Plain JSON, saved with the session. */
export interface AdaptiveTestConfig {
  /** Default `EAP`. */
  estimator?: EstimatorName;
  /** The EAP grid and the prior (EAP and MAP); default 33 points on [−4, 4], N(0, 1). */
  grid?: GridOptions;
  /** ML and WLE search interval; default [−4, 4]. */
  bounds?: readonly [number, number];
  /** Randomesque exposure control: pick among this many most informative items; default 5. */
  randomesque?: number;
  /**
   * Sympson–Hetter exposure control instead of randomesque: the exposure parameter K of each item
   * by id, in (0, 1] (absent: 1), as `calibrateExposure` computes them.
   */
  sympsonHetter?: Readonly<Record<string, number>>;
  /** Default `area`. */
  balanceBy?: BalanceBy;
  /** Target share of each area (or competence); default equal shares. */
  contentTargets?: Readonly<Record<string, number>>;
  stopping: StoppingRule;
}

/** The default test of docs/adaptive.md: EAP, at most 20 items, stop early at SE ≤ 0.3 after 10. */
export const DEFAULT_ADAPTIVE_CONFIG: AdaptiveTestConfig = Object.freeze({
  stopping: Object.freeze({ maxItems: 20, minItems: 10, maxSe: 0.3 }),
});

/** One answer: the item's index in the pool and whether it was a success. */
export interface PoolResponse {
  index: number;
  correct: boolean;
}

export type Step = { estimate: Estimate; stop: StopReason; next?: undefined } | { estimate: Estimate; stop?: undefined; next: number };

const grids = new Map<string, QuadratureGrid>();

/** Per pool and grid, each answered item's log-likelihood rows, filled as items get answered. */
const tables = new WeakMap<ItemPool, Map<QuadratureGrid, { rows: (Float64Array | undefined)[] }>>();

function logLikelihoodTable(pool: ItemPool, grid: QuadratureGrid): { rows: (Float64Array | undefined)[] } {
  let byGrid = tables.get(pool);
  if (!byGrid) tables.set(pool, (byGrid = new Map()));
  let table = byGrid.get(grid);
  if (!table) byGrid.set(grid, (table = { rows: new Array<Float64Array | undefined>(pool.ids.length) }));
  return table;
}

function gridOf(config: AdaptiveTestConfig): QuadratureGrid {
  const key = JSON.stringify(config.grid ?? {});
  let grid = grids.get(key);
  if (!grid) {
    grid = quadratureGrid(config.grid);
    if (grids.size > 16) grids.clear();
    grids.set(key, grid);
  }
  return grid;
}

/**
 * Check a configuration before a test starts.
 *
 * @example
 * checkAdaptiveConfig({ stopping: { maxItems: 20 } });
 * @throws {AdaptiveError} `invalid_options`.
 */
export function checkAdaptiveConfig(config: AdaptiveTestConfig): void {
  if (typeof config !== 'object' || config === null || typeof config.stopping !== 'object' || config.stopping === null)
    throw new AdaptiveError('invalid_options', 'the configuration needs a stopping rule');
  checkStoppingRule(config.stopping);
  gridOf(config);
  if (config.estimator !== undefined && !['EAP', 'MAP', 'ML', 'WLE'].includes(config.estimator))
    throw new AdaptiveError('invalid_options', `unknown estimator ${JSON.stringify(config.estimator)} (expected EAP, MAP, ML or WLE)`);
  if (config.randomesque !== undefined && !(Number.isInteger(config.randomesque) && config.randomesque >= 1))
    throw new AdaptiveError('invalid_options', `randomesque must be an integer ≥ 1 (got ${config.randomesque})`);
  if (config.sympsonHetter !== undefined) {
    if (typeof config.sympsonHetter !== 'object' || config.sympsonHetter === null)
      throw new AdaptiveError('invalid_options', 'sympsonHetter must map item ids to exposure parameters');
    const bad = Object.entries(config.sympsonHetter).filter(([, k]) => !(typeof k === 'number' && k > 0 && k <= 1));
    if (bad.length > 0)
      throw new AdaptiveError('invalid_options', `sympsonHetter: the exposure parameter of ${bad.map(([id]) => `"${id}"`).join(', ')} must be above 0 and at most 1`, bad.map(([id]) => id));
  }
  if (config.contentTargets !== undefined) {
    const shares = Object.values(config.contentTargets);
    if (shares.some((share) => !(Number.isFinite(share) && share >= 0)) || Math.abs(shares.reduce((sum, share) => sum + share, 0) - 1) > 1e-9)
      throw new AdaptiveError('invalid_options', 'contentTargets must be shares ≥ 0 that sum to 1');
  }
  if (config.balanceBy !== undefined && config.balanceBy !== 'area' && config.balanceBy !== 'competence')
    throw new AdaptiveError('invalid_options', `balanceBy must be "area" or "competence" (got ${JSON.stringify(config.balanceBy)})`);
}

/**
 * The estimate after `responses`, and either why the test stops or the next item's index.
 * `seed` is the session's: with Sympson–Hetter exposure control, it draws the person's lotteries
 * (`<seed>/exposure`, one per item, the same at every step), so it is required then.
 *
 * @example
 * const step = nextStep(pool, [{ index: 4, correct: true }], DEFAULT_ADAPTIVE_CONFIG, seededRandom(`${seed}/item/1`), seed);
 * if (step.stop) showProfile(step.estimate); else ask(pool.ids[step.next]);
 * @throws {AdaptiveError} `invalid_options` for Sympson–Hetter without a seed, or naming an item not in the pool.
 */
export function nextStep(pool: ItemPool, responses: readonly PoolResponse[], config: AdaptiveTestConfig, random: () => number, seed?: string): Step {
  const estimate = estimateFrom(pool, responses, config);
  const stop = stoppingReason(config.stopping, responses.length, estimate);
  if (stop) return { estimate, stop };
  const next = selectNextItem(
    pool,
    estimate.theta,
    responses.map((r) => r.index),
    random,
    {
      ...(config.randomesque !== undefined ? { randomesque: config.randomesque } : {}),
      ...(config.contentTargets ? { contentTargets: config.contentTargets } : {}),
      ...(config.sympsonHetter ? { sympsonHetter: { parameters: exposureParameters(pool, config.sympsonHetter), draws: exposureDraws(pool, seed) } } : {}),
    },
  );
  return next < 0 ? { estimate, stop: 'bank_exhausted' } : { estimate, next };
}

const exposureTables = new WeakMap<Readonly<Record<string, number>>, { pool: ItemPool; k: Float64Array }>();

/** The Sympson–Hetter parameters by pool index (1 for an item not listed), built once per configuration object. */
function exposureParameters(pool: ItemPool, byId: Readonly<Record<string, number>>): Float64Array {
  const cached = exposureTables.get(byId);
  if (cached?.pool === pool) return cached.k;
  const k = new Float64Array(pool.ids.length).fill(1);
  for (const [id, value] of Object.entries(byId)) {
    const i = pool.indexOf.get(id);
    if (i === undefined) throw new AdaptiveError('invalid_options', `sympsonHetter names "${id}", which is not in the bank`, [id]);
    k[i] = value;
  }
  exposureTables.set(byId, { pool, k });
  return k;
}

/** One uniform lottery per pool item for the person of this seed. */
function exposureDraws(pool: ItemPool, seed: string | undefined): Float64Array {
  if (seed === undefined) throw new AdaptiveError('invalid_options', 'Sympson–Hetter exposure control needs the session seed');
  const random = seededRandom(`${seed}/exposure`);
  return Float64Array.from(pool.ids, () => random() / 4294967296);
}

/**
 * θ and its SE from pool responses with the configured estimator. Before any answer, ML and WLE
 * have nothing to work on: the estimate is then the prior (mean and sd).
 *
 * @example
 * estimateFrom(pool, responses, { stopping: { maxItems: 20 } }).theta;
 */
export function estimateFrom(pool: ItemPool, responses: readonly PoolResponse[], config: AdaptiveTestConfig): Estimate {
  const estimator = config.estimator ?? 'EAP';
  const { a, b, c } = pool.matrix;
  if (estimator === 'EAP') {
    const grid = gridOf(config);
    const table = logLikelihoodTable(pool, grid);
    const Q = grid.points.length;
    const logPosterior = Float64Array.from(grid.logWeights);
    for (const r of responses) {
      let row = table.rows[r.index];
      if (!row) {
        // log P and log (1 − P) of this item on the grid, computed once per pool and grid.
        row = table.rows[r.index] = new Float64Array(2 * Q);
        const zero = new Float64Array(Q);
        const one = new Float64Array(Q);
        addAnswer(grid, one, a[r.index] as number, b[r.index] as number, c[r.index] as number, true);
        addAnswer(grid, zero, a[r.index] as number, b[r.index] as number, c[r.index] as number, false);
        row.set(one, 0);
        row.set(zero, Q);
      }
      const offset = r.correct ? 0 : Q;
      for (let q = 0; q < Q; q++) logPosterior[q] = (logPosterior[q] as number) + (row[offset + q] as number);
    }
    return posteriorEstimate(grid, logPosterior);
  }
  const prior = config.grid?.prior ?? { mean: 0, sd: 1 };
  if (responses.length === 0 && estimator !== 'MAP') return { theta: prior.mean, se: prior.sd };
  const items = responses.map((r) => ({ a: a[r.index] as number, b: b[r.index] as number, c: c[r.index] as number }));
  return estimateAbility(
    estimator,
    items,
    responses.map((r) => r.correct),
    { prior, ...(config.bounds ? { bounds: config.bounds } : {}) },
  );
}
