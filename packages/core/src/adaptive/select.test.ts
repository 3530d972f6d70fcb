import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { seededRandom } from '../session/random.js';
import { AdaptiveError } from './errors.js';
import { itemInformation } from './model.js';
import { itemPool, selectNextItem, type AdaptiveItem, type SelectionOptions } from './select.js';

const random = seededRandom('bank');
const uniform = () => random() / 4294967296;
const items: AdaptiveItem[] = Array.from({ length: 500 }, (_, i) => ({
  id: `i${i}`,
  parameters: { a: 0.4 + 2 * uniform(), b: -3 + 6 * uniform(), ...(i % 4 === 0 ? { c: 0.2 } : {}) },
  area: String(1 + (i % 5)),
}));

describe('maximum information selection (docs/adaptive.md, "Selection")', () => {
  test('with randomesque 1, the item of highest Fisher information among those not asked', () => {
    const pool = itemPool(items.map((item) => ({ ...item, area: '1' })));
    const draws = seededRandom('thetas');
    for (let k = 0; k < 60; k++) {
      const theta = -3.5 + (7 * draws()) / 4294967296;
      const asked = Array.from({ length: 15 }, () => draws() % 500);
      let best = -1;
      for (let i = 0; i < items.length; i++)
        if (!asked.includes(i) && (best < 0 || itemInformation(items[i]!.parameters, theta) > itemInformation(items[best]!.parameters, theta))) best = i;
      assert.equal(selectNextItem(pool, theta, [...new Set(asked)], () => 0, { randomesque: 1 }), best, `θ = ${theta}`);
    }
  });

  test('randomesque k picks only among the k most informative', () => {
    const pool = itemPool(items.map((item) => ({ ...item, area: '1' })));
    const ranked = items.map((item, i) => [i, itemInformation(item.parameters, 0.4)] as const).sort((x, y) => y[1] - x[1]);
    const top = new Set(ranked.slice(0, 5).map(([i]) => i));
    const picked = new Set<number>();
    const draws = seededRandom('k');
    for (let k = 0; k < 200; k++) picked.add(selectNextItem(pool, 0.4, [], draws));
    assert.deepEqual([...picked].sort(), [...top].sort());
  });

  test('Kingsbury–Zara: after n items each area has its target share, within one item', () => {
    const pool = itemPool(items);
    const targets = { '1': 0.4, '2': 0.15, '3': 0.15, '4': 0.15, '5': 0.15 };
    const asked: number[] = [];
    const draws = seededRandom('kz');
    for (let n = 0; n < 40; n++) asked.push(selectNextItem(pool, 0, asked, draws, { contentTargets: targets }));
    for (const [area, share] of Object.entries(targets)) {
      const count = asked.filter((i) => items[i]!.area === area).length;
      assert.ok(Math.abs(count - share * 40) <= 1, `area ${area}: ${count} of 40`);
    }
  });

  test('never a timed item right after a timed one, even when it is the most informative', () => {
    const pool = itemPool([
      { id: 't1', parameters: { a: 2, b: 0 }, area: '1', timed: true },
      { id: 't2', parameters: { a: 2, b: 0.1 }, area: '1', timed: true },
      { id: 'u', parameters: { a: 0.5, b: 2 }, area: '1' },
    ]);
    assert.equal(pool.ids[selectNextItem(pool, 0, [0], () => 0)], 'u');
    assert.equal(selectNextItem(pool, 0, [0, 2], () => 0), 1);
  });

  test('Sympson–Hetter with every K at 1 is pure maximum information', () => {
    const pool = itemPool(items);
    const draws = seededRandom('sh-ones');
    const ones = { parameters: new Float64Array(items.length).fill(1), draws: Float64Array.from(items, () => draws() / 4294967296) };
    for (const theta of [-2, -0.5, 0, 1.3]) {
      const pick = (options: SelectionOptions) => selectNextItem(pool, theta, [3, 40], seededRandom(`t${theta}`), options);
      assert.equal(pick({ sympsonHetter: ones }), pick({ randomesque: 1 }), `θ = ${theta}`);
    }
  });

  test('Sympson–Hetter passes over an item that lost its lottery, and asks it when it won', () => {
    const pool = itemPool(items.map((item) => ({ ...item, area: '1' })));
    const best = selectNextItem(pool, 0.4, [], () => 0, { randomesque: 1 });
    const parameters = new Float64Array(items.length).fill(1);
    parameters[best] = 0.3;
    const draws = new Float64Array(items.length).fill(0.5);
    const lost = selectNextItem(pool, 0.4, [], () => 0, { sympsonHetter: { parameters, draws } });
    assert.notEqual(lost, best);
    assert.equal(lost, selectNextItem(pool, 0.4, [best], () => 0, { randomesque: 1 }), 'the next most informative');
    draws[best] = 0.1;
    assert.equal(selectNextItem(pool, 0.4, [], () => 0, { sympsonHetter: { parameters, draws } }), best);
  });

  test('Sympson–Hetter: when every item lost its lottery, the one closest to winning is asked', () => {
    const pool = itemPool([
      { id: 'x', parameters: { a: 2, b: 0 }, area: '1' },
      { id: 'y', parameters: { a: 1, b: 0 }, area: '1' },
    ]);
    const parameters = Float64Array.of(0.2, 0.5);
    assert.equal(selectNextItem(pool, 0, [], () => 0, { sympsonHetter: { parameters, draws: Float64Array.of(0.9, 0.6) } }), 1);
    assert.equal(selectNextItem(pool, 0, [], () => 0, { sympsonHetter: { parameters, draws: Float64Array.of(0.3, 0.9) } }), 0);
  });

  test('−1 when nothing can be asked', () => {
    const pool = itemPool([{ id: 'x', parameters: { a: 1, b: 0 }, area: '1' }]);
    assert.equal(selectNextItem(pool, 0, [0], () => 0), -1);
  });

  test('refuses a randomesque size of 0 and a duplicate id', () => {
    const pool = itemPool(items);
    assert.throws(() => selectNextItem(pool, 0, [], () => 0, { randomesque: 0 }), (e: unknown) => e instanceof AdaptiveError && e.code === 'invalid_options');
    assert.throws(() => itemPool([items[0]!, items[0]!]), (e: unknown) => e instanceof AdaptiveError && e.code === 'invalid_parameters');
  });
});
