/**
 * Operations routes, outside `/v1` (no rate limit, no token): liveness, readiness, metrics
 * (docs/collector.md, "Operations").
 */
import type { Hono } from 'hono';
import { errorResponse } from '../api/errors.js';
import type { Metrics } from '../middleware/metrics/index.js';
import type { Store } from '../store/types.js';

export interface OpsOptions {
  store: Store;
  metrics: Metrics;
  /** `true` once the server is shutting down: not ready for new traffic. */
  draining?: () => boolean;
}

/**
 * `GET /healthz` (the process answers), `GET /readyz` (the database answers and the server is not
 * draining), `GET /metrics` (Prometheus text).
 *
 * @example
 * opsRoutes(app, { store, metrics, draining: () => stopping });
 */
export function opsRoutes(app: Hono, options: OpsOptions): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (options.draining?.()) return errorResponse(c, 503, 'draining', 'This instance is shutting down.');
    try {
      await options.store.ping();
    } catch {
      return errorResponse(c, 503, 'database_unavailable', 'The database does not answer.');
    }
    return c.json({ status: 'ready' });
  });
  app.get('/metrics', (c) => c.body(options.metrics.render(options.store.stats()), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' }));
}
