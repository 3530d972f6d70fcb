/**
 * Item selection (docs/adaptive.md, "Selection"): maximum Fisher information at the current
 * estimate, picked at random among the k most informative (randomesque exposure control) or through
 * each item's exposure lottery (Sympson–Hetter exposure control, parameters from `calibrateExposure`), inside
 * the content area furthest below its target share (Kingsbury–Zara content balancing), never a
 * timed item right after a timed one (domain rule of the reference platform).
 */
import { AdaptiveError } from './errors.js';
import { information3, toItemMatrix, type ItemMatrix, type ItemParameters } from './model.js';

/** An item as the adaptive engine sees it: parameters and what content balancing needs. */
export interface AdaptiveItem {
  id: string;
  parameters: ItemParameters;
  /** Area code, e.g. `4`. */
  area: string;
  /** Competence code, e.g. `4.1`. */
  competence?: string;
  /** The challenge has a timer. */
  timed?: boolean;
}

/** What content balancing balances: areas (default) or competences. */
export type BalanceBy = 'area' | 'competence';

/** A bank laid out for selection: typed arrays and index lookups, built once per bank. */
export interface ItemPool {
  readonly ids: readonly string[];
  readonly matrix: ItemMatrix;
  readonly timed: Uint8Array;
  /** Index into `contentCodes` of each item. */
  readonly content: Int32Array;
  readonly contentCodes: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Item indexes by decreasing discrimination: information is at most a² / 4, so a scan in this order can stop early. */
  readonly byDiscrimination: Int32Array;
  /** Items, and timed items, per content code. */
  readonly contentSize: Int32Array;
  readonly contentTimed: Int32Array;
}

/**
 * Lay out a bank for selection.
 *
 * @example
 * const pool = itemPool([{ id: 'q1', parameters: { a: 1.2, b: -0.5 }, area: '1', competence: '1.1' }]);
 * @throws {AdaptiveError} `invalid_parameters` for bad parameters or a duplicate id.
 */
export function itemPool(items: readonly AdaptiveItem[], balanceBy: BalanceBy = 'area'): ItemPool {
  const ids = items.map((item) => item.id);
  const indexOf = new Map<string, number>();
  for (const [i, id] of ids.entries()) {
    if (indexOf.has(id)) throw new AdaptiveError('invalid_parameters', `item "${id}" appears twice in the bank`, [id]);
    indexOf.set(id, i);
  }
  const matrix = toItemMatrix(
    items.map((item) => item.parameters),
    ids,
  );
  const contentCodes: string[] = [];
  const content = new Int32Array(items.length);
  const timed = new Uint8Array(items.length);
  for (const [i, item] of items.entries()) {
    const code = balanceBy === 'competence' ? (item.competence ?? item.area) : item.area;
    let k = contentCodes.indexOf(code);
    if (k < 0) k = contentCodes.push(code) - 1;
    content[i] = k;
    timed[i] = item.timed ? 1 : 0;
  }
  const contentSize = new Int32Array(contentCodes.length);
  const contentTimed = new Int32Array(contentCodes.length);
  for (let i = 0; i < items.length; i++) {
    contentSize[content[i] as number] = (contentSize[content[i] as number] as number) + 1;
    contentTimed[content[i] as number] = (contentTimed[content[i] as number] as number) + (timed[i] as number);
  }
  const byDiscrimination = Int32Array.from(ids.keys()).sort((x, y) => (matrix.a[y] as number) - (matrix.a[x] as number) || x - y);
  return { ids, matrix, timed, content, contentCodes, indexOf, byDiscrimination, contentSize, contentTimed };
}

export interface SelectionOptions {
  /** Pick at random among this many most informative items; default 5 (docs/adaptive.md). 1 = pure maximum information. */
  randomesque?: number;
  /** Target share of each content code (summing to 1); default equal shares. */
  contentTargets?: Readonly<Record<string, number>>;
  /**
   * Sympson–Hetter exposure control, replacing randomesque. `parameters`: K_i per pool index, in
   * (0, 1]; `draws`: this person's lottery per pool index, uniform in [0, 1), the same at every
   * step. Item i is asked only if `draws[i] < parameters[i]`: the most informative item is asked
   * with probability K_i, else passed over for the rest of the test, and the next one is tried (the
   * classic procedure, with each lottery drawn once per person so a replay needs no history). When
   * every eligible item lost its lottery, the one closest to winning it (smallest draw / K) is asked.
   */
  sympsonHetter?: { parameters: Float64Array; draws: Float64Array };
}

/**
 * The index of the next item, or −1 when no item can be asked.
 * `administered` lists the indexes already asked, in order; `random` gives uint32s.
 *
 * @example
 * const next = selectNextItem(pool, estimate.theta, [3, 17], seededRandom(`${seed}/item/2`));
 * pool.ids[next];
 */
export function selectNextItem(pool: ItemPool, theta: number, administered: readonly number[], random: () => number, options: SelectionOptions = {}): number {
  const k = options.randomesque ?? 5;
  if (!Number.isInteger(k) || k < 1) throw new AdaptiveError('invalid_options', `randomesque must be an integer ≥ 1 (got ${k})`);
  const n = pool.ids.length;
  const used = new Uint8Array(n);
  const codes = pool.contentCodes.length;
  const counts = new Float64Array(codes);
  const timedCounts = new Int32Array(codes);
  for (const i of administered) {
    used[i] = 1;
    counts[pool.content[i] as number] = (counts[pool.content[i] as number] as number) + 1;
    timedCounts[pool.content[i] as number] = (timedCounts[pool.content[i] as number] as number) + (pool.timed[i] as number);
  }
  const afterTimed = administered.length > 0 && pool.timed[administered[administered.length - 1] as number] === 1;
  // A content is open while it has an item left that may be asked now.
  const open = new Uint8Array(codes);
  for (let k = 0; k < codes; k++) {
    const left = (pool.contentSize[k] as number) - (counts[k] as number);
    const timedLeft = (pool.contentTimed[k] as number) - (timedCounts[k] as number);
    open[k] = left - (afterTimed ? timedLeft : 0) > 0 ? 1 : 0;
  }
  const area = contentFurthestBelowTarget(pool, counts, open, administered.length, random, options.contentTargets);
  if (area < 0) return -1;
  if (options.sympsonHetter) {
    const { parameters, draws } = options.sympsonHetter;
    const passes = (i: number) => (draws[i] as number) < (parameters[i] as number);
    const best = mostInformative(pool, theta, area, used, afterTimed, 1, passes)[0] as number;
    if (best >= 0) return best;
    // Every eligible item lost its lottery: the one that came closest to winning (a draw for this
    // person, so the fallback does not always land on the same item).
    let closest = -1;
    for (let i = 0; i < n; i++)
      if (pool.content[i] === area && eligible(pool, used, afterTimed, i) && (closest < 0 || (draws[i] as number) / (parameters[i] as number) < (draws[closest] as number) / (parameters[closest] as number)))
        closest = i;
    return closest;
  }
  const bestIndex = mostInformative(pool, theta, area, used, afterTimed, k);
  let found = 0;
  while (found < k && (bestIndex[found] as number) >= 0) found++;
  return bestIndex[random() % found] as number;
}

/** The k most informative eligible items of `area` at θ (that also pass `passes`), best first; −1 where there are fewer. */
function mostInformative(
  pool: ItemPool,
  theta: number,
  area: number,
  used: Uint8Array,
  afterTimed: boolean,
  k: number,
  passes?: (i: number) => boolean,
): Int32Array {
  const n = pool.ids.length;
  const bestIndex = new Int32Array(k).fill(-1);
  const bestInfo = new Float64Array(k).fill(-1);
  const { a, b, c } = pool.matrix;
  const order = pool.byDiscrimination;
  for (let o = 0; o < n; o++) {
    const i = order[o] as number;
    const ai = a[i] as number;
    // No item from here on can beat the k-th best: information is at most a² / 4.
    if ((ai * ai) / 4 <= (bestInfo[k - 1] as number)) break;
    if (pool.content[i] !== area || !eligible(pool, used, afterTimed, i) || (passes && !passes(i))) continue;
    const info = information3(ai, b[i] as number, c[i] as number, theta);
    if (info <= (bestInfo[k - 1] as number)) continue;
    let slot = k - 1;
    while (slot > 0 && info > (bestInfo[slot - 1] as number)) {
      bestInfo[slot] = bestInfo[slot - 1] as number;
      bestIndex[slot] = bestIndex[slot - 1] as number;
      slot--;
    }
    bestInfo[slot] = info;
    bestIndex[slot] = i;
  }
  return bestIndex;
}

function eligible(pool: ItemPool, used: Uint8Array, afterTimed: boolean, i: number): boolean {
  return used[i] === 0 && !(afterTimed && pool.timed[i] === 1);
}

/** Kingsbury–Zara: the open content whose share so far is furthest below its target; ties drawn at random. */
function contentFurthestBelowTarget(
  pool: ItemPool,
  counts: Float64Array,
  open: Uint8Array,
  asked: number,
  random: () => number,
  targets: Readonly<Record<string, number>> | undefined,
): number {
  const codes = pool.contentCodes;
  let bestGap = -Infinity;
  const tied: number[] = [];
  for (let k = 0; k < codes.length; k++) {
    if (open[k] === 0) continue;
    const target = targets ? (targets[codes[k] as string] ?? 0) : 1 / codes.length;
    const gap = target - (asked === 0 ? 0 : (counts[k] as number) / asked);
    if (gap > bestGap + 1e-12) {
      bestGap = gap;
      tied.length = 0;
      tied.push(k);
    } else if (Math.abs(gap - bestGap) <= 1e-12) tied.push(k);
  }
  if (tied.length === 0) return -1;
  return tied.length === 1 ? (tied[0] as number) : (tied[random() % tied.length] as number);
}
