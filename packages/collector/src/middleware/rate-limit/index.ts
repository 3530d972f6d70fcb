/**
 * Per-client rate limit: an in-memory token bucket per key. The key is the request's bearer
 * token when there is one (one bucket per session, or for the admin), otherwise what
 * `clientKey` returns (the Node server gives a salted hash of the connection's address). Keys
 * live only in this map, in memory, and disappear once their bucket is full again: they are
 * never stored nor logged. The limit is per instance: behind a load balancer each instance
 * counts on its own, which is fine for a limit that only protects against floods.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse } from '../../api/errors.js';

export interface RateLimitOptions {
  /** Requests a client may send at once. */
  burst: number;
  /** Requests per second added back to the bucket. */
  perSecond: number;
  /** Key of a request without a bearer token; `undefined` puts it in one shared bucket. */
  clientKey?: (c: Context) => string | undefined;
  /** Milliseconds; defaults to `Date.now`. */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * @example
 * app.use('/v1/*', rateLimit({ burst: 60, perSecond: 5 }));
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const now = options.now ?? Date.now;
  const buckets = new Map<string, Bucket>();
  const refillMs = (options.burst / options.perSecond) * 1000;
  let lastSweep = now();
  return async (c, next) => {
    const t = now();
    if (t - lastSweep > refillMs) {
      // A bucket idle for a full refill is full again: forget it (and its key).
      for (const [key, bucket] of buckets) if (t - bucket.at >= refillMs) buckets.delete(key);
      lastSweep = t;
    }
    const authorization = c.req.header('Authorization');
    const key = authorization ? `t:${authorization}` : `c:${options.clientKey?.(c) ?? ''}`;
    const bucket = buckets.get(key) ?? { tokens: options.burst, at: t };
    bucket.tokens = Math.min(options.burst, bucket.tokens + ((t - bucket.at) / 1000) * options.perSecond);
    bucket.at = t;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / options.perSecond));
      c.header('Retry-After', String(retryAfter));
      return errorResponse(c, 429, 'rate_limited', `Too many requests: retry in ${retryAfter} s.`);
    }
    bucket.tokens -= 1;
    await next();
  };
}
