import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { randomSeed, seededRandom, sessionIdFromSeed, shuffled } from './random.js';

describe('seeded randomness', () => {
  test('the same seed gives the same sequence, another seed another one', () => {
    const draw = (seed: string) => {
      const next = seededRandom(seed);
      return Array.from({ length: 8 }, () => next());
    };
    assert.deepEqual(draw('abc'), draw('abc'));
    assert.notDeepEqual(draw('abc'), draw('abd'));
    for (const n of draw('abc')) assert.ok(Number.isInteger(n) && n >= 0 && n < 2 ** 32);
  });

  test('shuffled returns a permutation and leaves its input alone', () => {
    const items = [1, 2, 3, 4, 5, 6];
    const out = shuffled(items, seededRandom('p'));
    assert.deepEqual(items, [1, 2, 3, 4, 5, 6]);
    assert.deepEqual([...out].sort(), items);
  });

  test('shuffles are close to uniform: each of 4 items comes first about a quarter of the time', () => {
    const firsts = [0, 0, 0, 0];
    const runs = 8000;
    for (let i = 0; i < runs; i++) {
      const first = shuffled([0, 1, 2, 3], seededRandom(`seed-${i}/q`))[0] as number;
      firsts[first] = (firsts[first] as number) + 1;
    }
    // Binomial(8000, 1/4): sd ≈ 39; 5 sd either side.
    for (const count of firsts) assert.ok(Math.abs(count - runs / 4) < 200, `first-position counts ${firsts.join(', ')}`);
  });

  test('session ids are UUID-shaped (version 4 layout) and come from the seed', () => {
    const id = sessionIdFromSeed('abc');
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(sessionIdFromSeed('abc'), id);
    assert.notEqual(sessionIdFromSeed('abd'), id);
  });

  test('randomSeed: 128 random bits as hex, different each time', () => {
    const a = randomSeed();
    assert.match(a, /^[0-9a-f]{32}$/);
    assert.notEqual(randomSeed(), a);
  });
});
