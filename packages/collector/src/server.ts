#!/usr/bin/env node
/**
 * Node entry of the collector: `npm run collector` at the repository root.
 *
 * Environment: PORT (8787), HOST (all interfaces), DATA_DIR (.data/collector, PGlite) or
 * DATABASE_URL (PostgreSQL), ADMIN_TOKEN, ALLOWED_ORIGINS (comma list), SURVEY_DEFINITIONS (comma
 * list of JSON files), RATE_LIMIT_BURST and RATE_LIMIT_PER_SECOND, TRUST_PROXY=1 behind a reverse
 * proxy (the rate limit then keys anonymous requests on X-Forwarded-For), MARGINS_FILE (weighting margins
 * of GET /v1/report; without it the report is unweighted).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { serve, type HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import { createApp, DEFAULT_RATE_LIMIT } from './app.js';
import { loadDefinitions } from './load-definitions.js';
import { loadMargins } from './load-margins.js';
import { PgliteStore } from './store/pglite.js';
import { PostgresStore } from './store/postgres.js';

const env = process.env;
const port = Number(env['PORT'] ?? 8787);
const dataDir = env['DATA_DIR'] ?? '.data/collector';
const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

const definitions = await loadDefinitions(list(env['SURVEY_DEFINITIONS']));
if (definitions.length === 0) throw new Error('No survey definition: install @observatoire/content or set SURVEY_DEFINITIONS.');

let storage: string;
const store = env['DATABASE_URL']
  ? ((storage = 'PostgreSQL (DATABASE_URL)'), await PostgresStore.open(env['DATABASE_URL']))
  : ((storage = `PGlite in ${dataDir}`), await mkdir(dataDir, { recursive: true }), await PgliteStore.open(dataDir));

// The rate limit's key for requests without a token: a salted hash of the address, kept only in
// the limiter's memory. The salt changes at every start; nothing of it is stored or logged.
const salt = randomBytes(16);
const trustProxy = env['TRUST_PROXY'] === '1';
function clientKey(c: Context): string | undefined {
  const forwarded = trustProxy ? c.req.header('X-Forwarded-For')?.split(',')[0]?.trim() : undefined;
  const address = forwarded ?? (c.env as HttpBindings | undefined)?.incoming?.socket?.remoteAddress;
  return address ? createHash('sha256').update(salt).update(address).digest('base64url') : undefined;
}

const adminToken = env['ADMIN_TOKEN'] || undefined;
const weighting = env['MARGINS_FILE'] ? await loadMargins(env['MARGINS_FILE']) : undefined;
const app = createApp({
  store,
  definitions,
  adminToken,
  ...(weighting ? { margins: weighting.margins, territoryNames: weighting.names } : {}),
  allowedOrigins: list(env['ALLOWED_ORIGINS']),
  rateLimit: {
    burst: Number(env['RATE_LIMIT_BURST'] ?? DEFAULT_RATE_LIMIT.burst),
    perSecond: Number(env['RATE_LIMIT_PER_SECOND'] ?? DEFAULT_RATE_LIMIT.perSecond),
    clientKey,
  },
});

const server = serve({ fetch: app.fetch, port, ...(env['HOST'] ? { hostname: env['HOST'] } : {}) }, (info) => {
  const surveys = definitions.map((d) => `${d.id}@${d.version}`).join(', ');
  console.log(`Observatoire collector listening on http://localhost:${info.port} — storage: ${storage} — surveys: ${surveys}`);
  if (!adminToken) console.warn('ADMIN_TOKEN is not set: the export and erasure routes are closed.');
});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.close();
  await store.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
