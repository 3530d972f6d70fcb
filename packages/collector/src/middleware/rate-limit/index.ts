/**
 * Per-client rate limit on token buckets (docs/collector.md, "Rate limit").
 *
 * - A request to a session's routes with a bearer token is charged to that session's bucket, but
 *   only once the route has checked the token (`sessionLimit`, called by `authorizeSession`): a
 *   made-up token buys nothing. A request whose token fails the check is charged to its client's
 *   bucket of failures, and refused before any lookup once that bucket is empty.
 * - Every other request (session creation, admin routes, tokens on routes without a session) is
 *   charged to the client's bucket: what `clientKey` returns (the Node server gives a salted hash of
 *   the client's address).
 *
 * Buckets are kept in bounded memory (`MemoryBuckets`), or in the database so several instances
 * share them (`SqlStore.rateLimitBuckets`). Keys are never logged.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse } from '../../api/errors.js';
import { MemoryBuckets, type BucketRule, type Buckets } from './buckets.js';

export { MemoryBuckets, type BucketRule, type Buckets } from './buckets.js';
export { clientAddress, trustedProxies } from './client-address.js';

export interface RateLimitOptions extends BucketRule {
  /** Key of the client (its address, hashed); `undefined` puts it in one shared bucket. */
  clientKey?: (c: Context) => string | undefined;
  /** Where buckets live; default: in memory, at most `maxKeys` of them. */
  buckets?: Buckets;
  /** Bound of the in-memory buckets (default 50,000 keys). */
  maxKeys?: number;
  /** Milliseconds; defaults to `Date.now`. */
  now?: () => number;
}

/** Charge a verified session's bucket: `null` when allowed, else the 429 response to send. */
export type SessionLimit = (c: Context, sessionId: string) => Promise<Response | null>;

declare module 'hono' {
  interface ContextVariableMap {
    sessionLimit: SessionLimit;
  }
}

/** The routes that check a session token (`authorizeSession`, `authorizeAdaptiveSession`). */
const SESSION_ROUTE = /^\/v1\/(adaptive-)?sessions\/[^/]+\/[^/]+$/;

/**
 * @example
 * app.use('/v1/*', rateLimit({ burst: 60, perSecond: 5 }));
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const now = options.now ?? Date.now;
  const buckets = options.buckets ?? new MemoryBuckets(options, options.maxKeys);
  const refused = (c: Context, wait: number) => {
    c.header('Retry-After', String(wait));
    return errorResponse(c, 429, 'rate_limited', `Too many requests: retry in ${wait} s.`);
  };
  return async (c, next) => {
    const client = `c:${options.clientKey?.(c) ?? ''}`;
    if (c.req.header('Authorization') !== undefined && SESSION_ROUTE.test(c.req.path)) {
      // Failed token checks have their own bucket per client, so a busy address (a library's tablets
      // behind one router) creating sessions does not block its verified sessions.
      const failures = `f:${client}`;
      if (!(await buckets.has(failures, now()))) return refused(c, Math.max(1, Math.ceil(1 / options.perSecond)));
      let verified = false;
      c.set('sessionLimit', async (c, sessionId) => {
        verified = true;
        const wait = await buckets.take(`s:${sessionId}`, now());
        return wait > 0 ? refused(c, wait) : null;
      });
      await next();
      if (!verified) await buckets.take(failures, now());
      return;
    }
    const wait = await buckets.take(client, now());
    if (wait > 0) return refused(c, wait);
    await next();
  };
}
