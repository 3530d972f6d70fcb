/**
 * Mock mode: msw handlers that forward the collector's routes to the same Hono app over a
 * `MemoryStore`, so demos and browser tests run with no server and no second implementation
 * of the API. No Node imports: this runs in a browser (msw's service worker) and in Node.
 */
import type { SurveyDefinition } from '@observatoire/core';
import type { AdaptiveBank } from '@observatoire/core/adaptive';
import { http, type HttpHandler } from 'msw';
import { createApp } from './app.js';
import { MemoryStore } from './store/memory.js';

export interface MockOptions {
  /** The collector URL the page uses (`https://collector.example/`, `/collector`…). */
  endpoint: string;
  definitions: readonly SurveyDefinition[];
  /** Adaptive item banks, for `<obs-adaptive-test endpoint>`. */
  banks?: readonly AdaptiveBank[];
  /** Admin token of the mock's export and erasure routes. Default `observatoire-mock-admin`. */
  adminToken?: string;
}

/**
 * @example
 * import { setupWorker } from 'msw/browser';
 * await setupWorker(...createMockHandlers({ endpoint: '/collector', definitions: [observatoire2025] })).start();
 */
export function createMockHandlers(options: MockOptions): HttpHandler[] {
  const store = new MemoryStore();
  const app = createApp({
    store,
    definitions: options.definitions,
    ...(options.banks ? { banks: options.banks } : {}),
    adminToken: options.adminToken ?? 'observatoire-mock-admin',
    allowedOrigins: ['*'],
    rateLimit: false,
  });
  const base = options.endpoint.replace(/\/+$/, '');
  const forward = async ({ request }: { request: Request }): Promise<Response> => {
    const url = new URL(request.url);
    const prefix = new URL(`${base}/`, url.origin).pathname.replace(/\/$/, '');
    const path = url.pathname.slice(prefix.length) || '/';
    const method = request.method.toUpperCase();
    const body = method === 'GET' || method === 'HEAD' ? undefined : await request.arrayBuffer();
    return app.fetch(new Request(`http://collector.mock${path}${url.search}`, { method, headers: request.headers, body }));
  };
  return [http.all(`${base}/v1/*`, forward), http.get(`${base}/openapi.json`, forward)];
}
