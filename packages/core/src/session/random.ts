/**
 * Seeded randomness, so that a session replays identically: the same seed gives the same
 * session id and the same proposal orders. Each use derives its own generator from the seed
 * and a label (`seed/challengeId`), so there is no running generator state to save: a restored
 * session draws exactly what the original would have drawn.
 */
import { randomBytes } from '../random-bytes.js';

/** A generator of uniform unsigned 32-bit integers. */
export type Random = () => number;

/**
 * A generator seeded from any string (cyrb128 hash into sfc32).
 *
 * @example
 * const next = seededRandom('abc');
 * next(); // the same integer in [0, 2^32) every time for 'abc'
 */
export function seededRandom(seed: string): Random {
  let [a, b, c, d] = cyrb128(seed);
  const next: Random = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // The first outputs of sfc32 still show the structure of its seed.
  for (let i = 0; i < 15; i++) next();
  return next;
}

/** cyrb128: a fast 128-bit string hash, good enough to seed a generator (not cryptographic). */
function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/**
 * A shuffled copy (Fisher–Yates), drawing from `random`.
 *
 * @example
 * shuffled([1, 2, 3, 4], seededRandom('s/q1')); // e.g. [3, 1, 4, 2], always the same for 's/q1'
 */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random() % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The session id for a seed: UUID-shaped (version 4 layout) so storage can use a uuid column.
 *
 * @example
 * sessionIdFromSeed('abc'); // 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx', always the same for 'abc'
 */
export function sessionIdFromSeed(seed: string): string {
  const next = seededRandom(`${seed}/session`);
  const hex = [next(), next(), next(), next()].map((n) => n.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A fresh random seed (128 bits, hex) from the platform's cryptographic generator
 * (Node 20 and every browser have `globalThis.crypto`; without it, `no_random_source`: pass `options.seed`).
 *
 * @example
 * createSurveySession(definition, { seed: randomSeed() });
 */
export function randomSeed(): string {
  return Array.from(randomBytes(16), (n) => n.toString(16).padStart(2, '0')).join('');
}
