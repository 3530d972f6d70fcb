/**
 * Token buckets behind the rate limit: in this process's memory (bounded), or in the database
 * (`store/sql-buckets.ts`) so several collector instances share them. Their interfaces live with the
 * store (`store/types.ts`), which never imports from the middleware.
 */
import type { BucketRule, Buckets } from '../../store/types.js';

export type { BucketRule, Buckets } from '../../store/types.js';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Buckets in a `Map` of at most `maxKeys` entries: idle buckets (full again) are forgotten, and when
 * the map is still full the least recently used one is dropped, so junk keys cannot grow memory.
 *
 * @example
 * const buckets = new MemoryBuckets({ burst: 120, perSecond: 10 });
 * await buckets.take('c:203.0.113.7', Date.now()); // 0: allowed
 */
export class MemoryBuckets implements Buckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillMs: number;
  private lastSweep = 0;

  constructor(
    private readonly rule: BucketRule,
    private readonly maxKeys = 50_000,
  ) {
    this.refillMs = (rule.burst / rule.perSecond) * 1000;
  }

  /** How many keys are held (tests, metrics). */
  get size(): number {
    return this.buckets.size;
  }

  async take(key: string, at: number): Promise<number> {
    const bucket = this.refill(key, at);
    if (bucket.tokens < 1) return Math.max(1, Math.ceil((1 - bucket.tokens) / this.rule.perSecond));
    bucket.tokens -= 1;
    return 0;
  }

  async has(key: string, at: number): Promise<boolean> {
    const bucket = this.buckets.get(key);
    return !bucket || Math.min(this.rule.burst, bucket.tokens + ((at - bucket.at) / 1000) * this.rule.perSecond) >= 1;
  }

  private refill(key: string, at: number): Bucket {
    if (at - this.lastSweep > this.refillMs) {
      // A bucket idle for a full refill is full again: forget it (and its key).
      for (const [k, b] of this.buckets) if (at - b.at >= this.refillMs) this.buckets.delete(k);
      this.lastSweep = at;
    }
    const bucket = this.buckets.get(key) ?? { tokens: this.rule.burst, at };
    bucket.tokens = Math.min(this.rule.burst, bucket.tokens + (Math.max(0, at - bucket.at) / 1000) * this.rule.perSecond);
    bucket.at = at;
    // Re-inserting keeps the map in least-recently-used order.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
    return bucket;
  }
}
