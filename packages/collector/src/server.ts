#!/usr/bin/env node
/**
 * Node entry of the collector: `npm run collector` at the repository root.
 *
 * Environment: PORT (8787), HOST (all interfaces), DATA_DIR (.data/collector, PGlite;
 * PGLITE_SHARED_BUFFERS, 32MB) or DATABASE_URL (PostgreSQL), ADMIN_TOKEN (the bootstrap admin
 * secret: with NODE_ENV=production the server refuses to start without one of 32 characters or
 * more), ALLOWED_ORIGINS (comma list), SURVEY_DEFINITIONS (comma list of JSON files), ADAPTIVE_BANKS
 * (comma list of adaptive bank JSON files), RATE_LIMIT_BURST and RATE_LIMIT_PER_SECOND, RATE_LIMIT_STORE (`memory` or
 * `database`: buckets shared by the instances of one database), TRUSTED_PROXIES (comma list of
 * addresses or IPv4 ranges whose X-Forwarded-For is believed; TRUST_PROXY=1 is short for loopback),
 * MARGINS_FILE (weighting margins of GET /v1/report; without it the report is unweighted),
 * LOG_REQUESTS=0 to log only errors, DRAIN_SECONDS (10): how long SIGTERM waits for requests in flight,
 * WEBHOOKS=0 to send no webhook from this instance (docs/webhooks.md; the deliveries wait in the database).
 *
 * Logs are JSON lines on stdout (requests) and stderr (errors). On SIGTERM or SIGINT the server
 * stops accepting connections, `/readyz` answers 503, requests in flight finish (up to
 * DRAIN_SECONDS), the webhook worker finishes the deliveries it is sending, then the database is closed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { serve, type HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import { adminSecretProblem } from './admin-secret.js';
import { createApp, DEFAULT_RATE_LIMIT } from './app.js';
import { clientAddress, trustedProxies } from './middleware/rate-limit/index.js';
import { loadBanks } from './load-banks.js';
import { loadDefinitions } from './load-definitions.js';
import { loadMargins } from './load-margins.js';
import { PgliteStore } from './store/pglite.js';
import { PostgresStore } from './store/postgres.js';
import { WebhookWorker } from './webhooks/worker.js';

const env = process.env;
const secretProblem = adminSecretProblem(env);
if (secretProblem) {
  console.error(`Observatoire collector not started: ${secretProblem}`);
  process.exit(1);
}
const port = Number(env['PORT'] ?? 8787);
const dataDir = env['DATA_DIR'] ?? '.data/collector';
const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);

const definitions = await loadDefinitions(list(env['SURVEY_DEFINITIONS']));
if (definitions.length === 0) throw new Error('No survey definition: install @observatoire/content or set SURVEY_DEFINITIONS.');
const banks = await loadBanks(list(env['ADAPTIVE_BANKS']));

let storage: string;
const store = env['DATABASE_URL']
  ? ((storage = 'PostgreSQL (DATABASE_URL)'), await PostgresStore.open(env['DATABASE_URL']))
  : ((storage = `PGlite in ${dataDir}`),
    await mkdir(dataDir, { recursive: true }),
    await PgliteStore.open(dataDir, env['PGLITE_SHARED_BUFFERS'] ? { sharedBuffers: env['PGLITE_SHARED_BUFFERS'] } : {}));

// The rate limit's key of a client: a salted hash of its address, kept only in the limiter's buckets.
// In memory the salt changes at every start; with database buckets every instance must hash alike, so
// the salt is a secret kept in the database. Nothing of it is logged.
const rule = {
  burst: Number(env['RATE_LIMIT_BURST'] ?? DEFAULT_RATE_LIMIT.burst),
  perSecond: Number(env['RATE_LIMIT_PER_SECOND'] ?? DEFAULT_RATE_LIMIT.perSecond),
};
const sharedBuckets = env['RATE_LIMIT_STORE'] === 'database';
const salt = sharedBuckets ? await store.sharedSecret('rate_limit_salt') : randomBytes(16).toString('hex');
const trusted = trustedProxies([...list(env['TRUSTED_PROXIES']), ...(env['TRUST_PROXY'] === '1' ? ['127.0.0.1', '::1'] : [])]);
function clientKey(c: Context): string | undefined {
  const peer = (c.env as HttpBindings | undefined)?.incoming?.socket?.remoteAddress;
  const address = clientAddress(peer, c.req.header('X-Forwarded-For'), trusted);
  return address ? createHash('sha256').update(salt).update(address).digest('base64url') : undefined;
}

const adminToken = env['ADMIN_TOKEN'] || undefined;
const weighting = env['MARGINS_FILE'] ? await loadMargins(env['MARGINS_FILE']) : undefined;
let stopping = false;
const logRequests = env['LOG_REQUESTS'] !== '0';
const app = createApp({
  store,
  draining: () => stopping,
  log: (line) => {
    if (line.level === 'error') process.stderr.write(`${JSON.stringify(line)}\n`);
    else if (logRequests) process.stdout.write(`${JSON.stringify(line)}\n`);
  },
  definitions,
  banks,
  adminToken,
  ...(weighting ? { margins: weighting.margins, territoryNames: weighting.names } : {}),
  allowedOrigins: list(env['ALLOWED_ORIGINS']),
  // In production a webhook URL must be https, even to this machine (docs/webhooks.md, "Endpoints").
  webhookLoopbackHttp: env['NODE_ENV'] !== 'production',
  rateLimit: { ...rule, clientKey, ...(sharedBuckets ? { buckets: store.rateLimitBuckets(rule) } : {}) },
});

const server = serve({ fetch: app.fetch, port, ...(env['HOST'] ? { hostname: env['HOST'] } : {}) }, (info) => {
  const surveys = definitions.map((d) => `${d.id}@${d.version}`).join(', ');
  const adaptive = banks.map((b) => `${b.id}@${b.version}`).join(', ') || 'none';
  console.log(`Observatoire collector listening on http://localhost:${info.port} — storage: ${storage} — surveys: ${surveys} — adaptive banks: ${adaptive}`);
  if (!adminToken) console.warn('ADMIN_TOKEN is not set: the admin routes open only to API keys already in the database.');
});

// Pending deliveries, from before a restart too, are taken from the database at once, then every 5 s.
const webhooks = env['WEBHOOKS'] === '0' ? undefined : new WebhookWorker({ store: store.webhooks, onError: (error) => console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), message: `webhooks: ${(error as Error).message}` })) });
webhooks?.start();

const drainMs = Number(env['DRAIN_SECONDS'] ?? 10) * 1000;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(JSON.stringify({ level: 'info', time: new Date().toISOString(), message: `${signal}: draining requests in flight` }));
  const http = server as import('node:http').Server;
  // No new connections; idle keep-alive ones closed now, busy ones once their response is sent.
  const closed = new Promise<void>((resolve) => http.close(() => resolve()));
  http.closeIdleConnections();
  const timer = setTimeout(() => http.closeAllConnections(), drainMs);
  await closed;
  clearTimeout(timer);
  await webhooks?.stop();
  await store.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
