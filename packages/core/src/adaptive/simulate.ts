/**
 * Simulated people for the recovery tests, the calibration tests and the bench
 * (docs/adaptive.md, "Measured figures"). Not part of the public entry point.
 */
import { seededRandom } from '../session/random.js';
import { nextStep, type AdaptiveTestConfig, type PoolResponse } from './engine.js';
import type { Estimate } from './estimate.js';
import type { ItemPool } from './select.js';

/** A uniform number in [0, 1) from a uint32 generator. */
export function uniform(random: () => number): number {
  return random() / 4294967296;
}

/** A standard normal draw (Box–Muller). */
export function normal(random: () => number): number {
  const u = 1 - uniform(random);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform(random));
}

/** Whether a simulated person of ability `theta` answers item `i` right. */
export function answers(pool: ItemPool, i: number, theta: number, random: () => number): boolean {
  const { a, b, c } = pool.matrix;
  const p = (c[i] as number) + (1 - (c[i] as number)) / (1 + Math.exp((a[i] as number) * ((b[i] as number) - theta)));
  return uniform(random) < p;
}

/** One adaptive test taken by a simulated person; the items asked and the final estimate. */
export function simulateAdaptiveTest(pool: ItemPool, theta: number, config: AdaptiveTestConfig, seed: string): { responses: PoolResponse[]; estimate: Estimate } {
  const draws = seededRandom(`${seed}/answers`);
  const responses: PoolResponse[] = [];
  for (;;) {
    const step = nextStep(pool, responses, config, seededRandom(`${seed}/item/${responses.length}`), seed);
    if (step.stop) return { responses, estimate: step.estimate };
    responses.push({ index: step.next, correct: answers(pool, step.next, theta, draws) });
  }
}

/** Pearson's correlation. */
export function correlation(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}
