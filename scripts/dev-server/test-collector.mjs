// A real collector for the browser tests (docs/dashboard.md, "Tests"): the compiled collector app
// (packages/collector/dist, made by `npm run build` / `npm test`) over PGlite in a temporary folder,
// answering under /pglite-collector/ in the test runner's own server (same origin: no CORS). Started
// on the first request only, so suites that do not use it pay nothing.
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

export const TEST_COLLECTOR_PATH = '/pglite-collector';
/** The admin secret of this test-only collector (it never leaves the test runner's machine). */
export const TEST_COLLECTOR_ADMIN = 'observatoire-test-collector-admin-7Kq2xW9pLm4vR8tZ';

/** Headers the app does not take from the browser's request, nor give back. */
const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'content-length']);

let started;

async function start() {
  const dist = new URL('../../packages/collector/dist/', import.meta.url);
  const [{ createApp }, { PgliteStore }, { loadDefinitions }] = await Promise.all([
    import(new URL('app.js', dist).href),
    import(new URL('store/pglite.js', dist).href),
    import(new URL('load-definitions.js', dist).href),
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'obs-test-collector-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const store = await PgliteStore.open(dir);
  return createApp({ store, definitions: await loadDefinitions([]), adminToken: TEST_COLLECTOR_ADMIN, rateLimit: false });
}

/** Koa middleware: `/pglite-collector/v1/…` → the collector app. */
export async function testCollector(context, next) {
  if (!context.path.startsWith(`${TEST_COLLECTOR_PATH}/`)) return next();
  started ??= start();
  let app;
  try {
    app = await started;
  } catch (error) {
    context.status = 503;
    context.type = 'text/plain; charset=utf-8';
    context.body = `The test collector cannot start (run npm run build first): ${error.message}`;
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(context.request.headers)) if (!HOP.has(name) && typeof value === 'string') headers.set(name, value);
  const method = context.method;
  const url = new URL(context.path.slice(TEST_COLLECTOR_PATH.length) + context.search, 'http://collector.test');
  const reply = await app.fetch(
    new Request(url, { method, headers, ...(method !== 'GET' && method !== 'HEAD' && { body: Readable.toWeb(context.req), duplex: 'half' }) }),
  );
  context.status = reply.status;
  reply.headers.forEach((value, name) => {
    if (!HOP.has(name)) context.set(name, value);
  });
  context.body = reply.body ? Readable.fromWeb(reply.body) : null;
}
