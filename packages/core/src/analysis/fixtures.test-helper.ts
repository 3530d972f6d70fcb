/** Loads the R reference fixtures of test/fixtures/analysis (tests only). */
import { readFileSync } from 'node:fs';

export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../../../test/fixtures/analysis/${name}.json`, import.meta.url), 'utf8')) as T;
}

/** Largest absolute difference between two arrays of the same length. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)));
  return worst;
}
