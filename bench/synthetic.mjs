// Deterministic random numbers for the benchmarks (mulberry32), so that every run reads the same data.

/** A generator of numbers in [0, 1) from a seed. */
export function createRandom(seed) {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One of `categories`, drawn with the relative `weights`. */
export function pick(random, categories, weights) {
  let sum = 0;
  for (const w of weights) sum += w;
  const u = random() * sum;
  let acc = 0;
  for (let k = 0; k < categories.length; k++) if (u < (acc += weights[k])) return categories[k];
  return categories[categories.length - 1];
}
