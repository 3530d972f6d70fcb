/**
 * Item response models (docs/adaptive.md, "Models"): the 2PL of the reference platform,
 * P(correct | θ) = 1 / (1 + exp(a (b − θ))), and the 3PL with a guessing floor c,
 * P = c + (1 − c) / (1 + exp(a (b − θ))). Scaling constant D = 1.
 */
import { AdaptiveError } from './errors.js';

/** Parameters of one item: discrimination `a` > 0, difficulty `b`, guessing `c` in [0, 1) (0 or absent: 2PL). */
export interface ItemParameters {
  a: number;
  b: number;
  c?: number;
}

/**
 * The probability of a right answer at ability `theta`.
 *
 * @example
 * probability({ a: 1, b: 0 }, 0); // 0.5
 * probability({ a: 1, b: 0, c: 0.25 }, 0); // 0.625
 */
export function probability(item: ItemParameters, theta: number): number {
  const c = item.c ?? 0;
  return c + (1 - c) / (1 + Math.exp(item.a * (item.b - theta)));
}

/**
 * Fisher information of an item at `theta`: a² p (1 − p) for the 2PL,
 * a² (q / p) ((p − c) / (1 − c))² for the 3PL.
 *
 * @example
 * itemInformation({ a: 2, b: 0 }, 0); // 1 (= 4 × 0.5 × 0.5)
 */
export function itemInformation(item: ItemParameters, theta: number): number {
  return information3(item.a, item.b, item.c ?? 0, theta);
}

/** @internal Information from plain numbers (the hot loops use it on typed arrays). */
export function information3(a: number, b: number, c: number, theta: number): number {
  const l = 1 / (1 + Math.exp(a * (b - theta)));
  if (c === 0) return a * a * l * (1 - l);
  const p = c + (1 - c) * l;
  const dp = (1 - c) * a * l * (1 - l);
  return (dp * dp) / (p * (1 - p));
}

/**
 * Parameters in typed arrays, for the loops that run over a whole bank.
 * `c` is all zeros for a 2PL bank.
 */
export interface ItemMatrix {
  readonly length: number;
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly c: Float64Array;
}

/**
 * Check parameters and lay them out in typed arrays.
 *
 * @example
 * const matrix = toItemMatrix([{ a: 1.2, b: -0.5 }, { a: 0.8, b: 1, c: 0.2 }]);
 * matrix.b[1]; // 1
 * @throws {AdaptiveError} `invalid_parameters` naming the first bad item (by index or id).
 */
export function toItemMatrix(items: readonly ItemParameters[], ids?: readonly string[]): ItemMatrix {
  const n = items.length;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const c = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const item = items[i] as ItemParameters;
    const name = ids?.[i] ?? `items[${i}]`;
    const guess = item.c ?? 0;
    if (!(Number.isFinite(item.a) && item.a > 0)) throw new AdaptiveError('invalid_parameters', `${name}: a must be a finite number above 0 (got ${item.a})`, [name]);
    if (!Number.isFinite(item.b)) throw new AdaptiveError('invalid_parameters', `${name}: b must be a finite number (got ${item.b})`, [name]);
    if (!(Number.isFinite(guess) && guess >= 0 && guess < 1))
      throw new AdaptiveError('invalid_parameters', `${name}: c must be in [0, 1) (got ${guess})`, [name]);
    a[i] = item.a;
    b[i] = item.b;
    c[i] = guess;
  }
  return { length: n, a, b, c };
}
