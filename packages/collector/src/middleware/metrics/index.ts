/**
 * Prometheus-style metrics (docs/collector.md, "Operations"): requests by route pattern, method and
 * status; a latency histogram by route; requests in flight; the database pool's queue. Labels are
 * route patterns, never concrete paths, so no session id reaches the metrics.
 */
import type { MiddlewareHandler } from 'hono';
import type { StoreStats } from '../../store/types.js';
import { routeOf } from '../request-log/index.js';

/** Upper bounds of the latency histogram, seconds. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

/**
 * @example
 * const metrics = new Metrics();
 * app.use('*', metrics.middleware());
 * app.get('/metrics', (c) => c.text(metrics.render(store.stats())));
 */
export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly latency = new Map<string, Histogram>();
  private inFlight = 0;

  /** Counts each request once answered. */
  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const started = performance.now();
      this.inFlight += 1;
      try {
        await next();
      } finally {
        this.inFlight -= 1;
      }
      this.observe(c.req.method, routeOf(c), c.res.status, (performance.now() - started) / 1000);
    };
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `method="${method}",route="${escape(route)}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const label = `route="${escape(route)}"`;
    const histogram = this.latency.get(label) ?? { counts: BUCKETS.map(() => 0), sum: 0, count: 0 };
    BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) histogram.counts[i]! += 1;
    });
    histogram.sum += seconds;
    histogram.count += 1;
    this.latency.set(label, histogram);
  }

  /** The text exposition format (version 0.0.4). */
  render(store: StoreStats): string {
    const lines: string[] = [];
    lines.push('# HELP collector_requests_total Requests answered, by method, route pattern and status.');
    lines.push('# TYPE collector_requests_total counter');
    for (const [labels, n] of this.requests) lines.push(`collector_requests_total{${labels}} ${n}`);
    lines.push('# HELP collector_request_duration_seconds Time to answer a request, by route pattern.');
    lines.push('# TYPE collector_request_duration_seconds histogram');
    for (const [label, h] of this.latency) {
      BUCKETS.forEach((bound, i) => lines.push(`collector_request_duration_seconds_bucket{${label},le="${bound}"} ${h.counts[i]}`));
      lines.push(`collector_request_duration_seconds_bucket{${label},le="+Inf"} ${h.count}`);
      lines.push(`collector_request_duration_seconds_sum{${label}} ${h.sum}`);
      lines.push(`collector_request_duration_seconds_count{${label}} ${h.count}`);
    }
    lines.push('# HELP collector_requests_in_flight Requests being handled now.');
    lines.push('# TYPE collector_requests_in_flight gauge');
    lines.push(`collector_requests_in_flight ${this.inFlight}`);
    lines.push('# HELP collector_db_queue_depth Queries waiting for a database connection (PostgreSQL pool) or for the embedded database (PGlite).');
    lines.push('# TYPE collector_db_queue_depth gauge');
    lines.push(`collector_db_queue_depth ${store.waiting}`);
    lines.push('# HELP collector_db_connections Open database connections, and of them the idle ones.');
    lines.push('# TYPE collector_db_connections gauge');
    lines.push(`collector_db_connections{state="total"} ${store.connections}`);
    lines.push(`collector_db_connections{state="idle"} ${store.idle}`);
    return `${lines.join('\n')}\n`;
  }
}

function escape(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
