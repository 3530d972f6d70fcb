import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seededRandom } from '../session/random.js';
import { AdaptiveError } from './errors.js';
import { calibrateExposure } from './exposure.js';
import { itemPool, type AdaptiveItem } from './select.js';
import { normal, simulateAdaptiveTest } from './simulate.js';

const random = seededRandom('exposure-bank');
const items: AdaptiveItem[] = Array.from({ length: 60 }, (_, i) => ({
  id: `i${i}`,
  parameters: { a: 0.6 + (1.6 * random()) / 4294967296, b: -2.5 + (5 * random()) / 4294967296 },
  area: String(1 + (i % 2)),
}));
const pool = itemPool(items);
const config = { stopping: { maxItems: 10 } };

function maxExposure(parameters: Record<string, number> | undefined, people: number, seed: string): number {
  const asked = new Float64Array(items.length);
  const population = seededRandom(`${seed}/population`);
  for (let p = 0; p < people; p++) {
    const { responses } = simulateAdaptiveTest(pool, normal(population), { ...config, ...(parameters ? { sympsonHetter: parameters } : {}) }, `${seed}/${p}`);
    for (const r of responses) asked[r.index] = (asked[r.index] as number) + 1;
  }
  return Math.max(...asked) / people;
}

describe('calibrateExposure: Sympson–Hetter parameters by simulation (docs/adaptive.md, "Exposure control")', () => {
  test('meets the target on its own population, with K in (0, 1] for every item', () => {
    const result = calibrateExposure(pool, config, { maxRate: 0.3, people: 300 });
    assert.equal(result.converged, true);
    assert.ok(result.maxExposure <= 0.3, `max exposure ${result.maxExposure}`);
    assert.deepEqual(Object.keys(result.parameters).sort(), items.map((item) => item.id).sort());
    assert.ok(Object.values(result.parameters).every((k) => k > 0 && k <= 1));
    assert.ok(Object.values(result.parameters).some((k) => k < 1), 'some items are held back');
  });

  test('brings the most used item far below its rate under randomesque, on another population', () => {
    const { parameters } = calibrateExposure(pool, config, { maxRate: 0.3, people: 300 });
    const controlled = maxExposure(parameters, 400, 'other');
    assert.ok(controlled < 0.4, `max exposure ${controlled}`);
    const randomesque = maxExposure(undefined, 400, 'other');
    assert.ok(randomesque > controlled + 0.1, `randomesque ${randomesque}, Sympson–Hetter ${controlled}`);
  });

  test('stops after maxIterations when the target cannot be met, and says so', () => {
    // 10 items out of 30 per area: no item can stay under a rate of 0.2.
    const result = calibrateExposure(pool, config, { maxRate: 0.2, people: 50, maxIterations: 3 });
    assert.equal(result.converged, false);
    assert.equal(result.iterations, 3);
  });

  const bad: { name: string; options: { maxRate: number; people?: number; maxIterations?: number } }[] = [
    { name: 'a rate of 0', options: { maxRate: 0 } },
    { name: 'a rate above 1', options: { maxRate: 1.5 } },
    { name: 'fewer than 10 people', options: { maxRate: 0.3, people: 5 } },
    { name: '0 iterations', options: { maxRate: 0.3, maxIterations: 0 } },
  ];
  for (const c of bad)
    test(`refuses ${c.name}`, () => {
      assert.throws(() => calibrateExposure(pool, config, c.options), (e: unknown) => e instanceof AdaptiveError && e.code === 'invalid_options');
    });
});
