/** Behaviour of the app that does not depend on the store: rate limit, CORS, OpenAPI, no Node in the web part. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { createApp } from '../src/app.js';
import type { Context } from 'hono';
import { clientAddress, MemoryBuckets, trustedProxies } from '../src/middleware/rate-limit/index.js';
import type { LogLine } from '../src/middleware/request-log/index.js';
import { MemoryStore } from '../src/store/memory.js';
import { definition } from './fixture.js';
import { client, secret, uid } from './helpers.js';

const createBody = { surveyId: 'fixture', contentVersion: '1.0.0', device: 'mobile', lang: 'fr' };

describe('rate limit', () => {
  test('a client over its burst gets 429 with Retry-After, then is served again once refilled', async () => {
    const clock = { t: 1_000_000 };
    const app = createApp({ store: new MemoryStore(), definitions: [definition], rateLimit: { burst: 3, perSecond: 0.5 }, now: () => clock.t });
    const api = client(app);
    for (let i = 0; i < 3; i++) assert.equal((await api.call('POST', '/v1/sessions', createBody)).status, 201);
    const limited = await api.call('POST', '/v1/sessions', createBody);
    assert.equal(limited.status, 429);
    assert.equal(limited.body.error, 'rate_limited');
    assert.equal(limited.headers.get('retry-after'), '2');
    clock.t += 2000;
    assert.equal((await api.call('POST', '/v1/sessions', createBody)).status, 201);
  });

  test('refusals are charged to the client\'s bucket, as session creation (docs/collector.md, "Refusals")', async () => {
    const clock = { t: 1_000_000 };
    const app = createApp({ store: new MemoryStore(), definitions: [definition], rateLimit: { burst: 2, perSecond: 0.1 }, now: () => clock.t });
    const api = client(app);
    const refusal = () => ({ refusalId: uid('r'), surveyId: 'fixture', contentVersion: '1.0.0', reason: 'declined', at: clock.t });
    assert.equal((await api.call('POST', '/v1/sessions', createBody)).status, 201);
    assert.equal((await api.call('POST', '/v1/refusals', refusal())).status, 201);
    const limited = await api.call('POST', '/v1/refusals', refusal());
    assert.equal(limited.status, 429);
    assert.equal(limited.body.error, 'rate_limited');
  });

  test('each session token has its own bucket, apart from anonymous requests', async () => {
    const clock = { t: 1_000_000 };
    const app = createApp({ store: new MemoryStore(), definitions: [definition], rateLimit: { burst: 2, perSecond: 0.1 }, now: () => clock.t });
    const api = client(app);
    const a = { sessionId: uid('s'), token: secret() };
    const b = { sessionId: uid('s'), token: secret() };
    assert.equal((await api.call('POST', '/v1/sessions', { ...createBody, ...a })).status, 201);
    assert.equal((await api.call('POST', '/v1/sessions', { ...createBody, ...b })).status, 201);
    assert.equal((await api.call('POST', '/v1/sessions', createBody)).status, 429);
    for (const s of [a, b]) {
      assert.equal((await api.call('GET', `/v1/sessions/${s.sessionId}/results`, undefined, s.token)).status, 200);
      assert.equal((await api.call('GET', `/v1/sessions/${s.sessionId}/results`, undefined, s.token)).status, 200);
      assert.equal((await api.call('GET', `/v1/sessions/${s.sessionId}/results`, undefined, s.token)).status, 429);
    }
  });

  test('the anonymous key comes from the clientKey function', async () => {
    const app = createApp({
      store: new MemoryStore(),
      definitions: [definition],
      rateLimit: { burst: 1, perSecond: 0.01, clientKey: (c) => c.req.header('X-Test-Client') },
    });
    const api = client(app);
    assert.equal((await api.call('POST', '/v1/sessions', createBody, undefined, { 'X-Test-Client': 'one' })).status, 201);
    assert.equal((await api.call('POST', '/v1/sessions', createBody, undefined, { 'X-Test-Client': 'one' })).status, 429);
    assert.equal((await api.call('POST', '/v1/sessions', createBody, undefined, { 'X-Test-Client': 'two' })).status, 201);
  });
});

describe('rate limit that holds', () => {
  const header = (c: Context) => c.req.header('X-Test-Client');

  test('junk bearer tokens on session creation are counted on the client, not one bucket per token', async () => {
    const api = client(createApp({ store: new MemoryStore(), definitions: [definition], rateLimit: { burst: 3, perSecond: 0.01, clientKey: header } }));
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await api.call('POST', '/v1/sessions', createBody, secret(), { 'X-Test-Client': 'one' })).status);
    assert.deepEqual(statuses, [201, 201, 201, 429, 429, 429]);
  });

  test('junk tokens on a session route cost the client a token each, then are refused before any lookup', async () => {
    const store = new MemoryStore();
    let lookups = 0;
    const getSession = store.getSession.bind(store);
    store.getSession = (id) => ((lookups += 1), getSession(id));
    const api = client(createApp({ store, definitions: [definition], rateLimit: { burst: 3, perSecond: 0.01, clientKey: header } }));
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await api.call('GET', `/v1/sessions/${uid('s')}/results`, undefined, secret(), { 'X-Test-Client': 'one' })).status);
    assert.deepEqual(statuses, [403, 403, 403, 429, 429, 429]);
    assert.equal(lookups, 3);
  });

  test("a verified session's requests are charged to the session, not to its client's address", async () => {
    const api = client(createApp({ store: new MemoryStore(), definitions: [definition], rateLimit: { burst: 2, perSecond: 0.01, clientKey: header } }));
    const s = { sessionId: uid('s'), token: secret() };
    assert.equal((await api.call('POST', '/v1/sessions', { ...createBody, ...s }, undefined, { 'X-Test-Client': 'library' })).status, 201);
    for (let i = 0; i < 2; i++) assert.equal((await api.call('GET', `/v1/sessions/${s.sessionId}/results`, undefined, s.token, { 'X-Test-Client': 'library' })).status, 200);
    assert.equal((await api.call('GET', `/v1/sessions/${s.sessionId}/results`, undefined, s.token, { 'X-Test-Client': 'library' })).status, 429);
    // The library's address still has a token for the next tablet's session.
    assert.equal((await api.call('POST', '/v1/sessions', createBody, undefined, { 'X-Test-Client': 'library' })).status, 201);
  });

  test('memory stays bounded: 30,000 junk keys keep at most maxKeys buckets', async () => {
    const buckets = new MemoryBuckets({ burst: 10, perSecond: 1 }, 1000);
    for (let i = 0; i < 30_000; i++) await buckets.take(`c:junk-${i}`, 1_000_000);
    assert.equal(buckets.size, 1000);
  });

  const trusted = trustedProxies(['10.0.0.0/8', '192.0.2.1', '::1']);
  for (const [reason, peer, forwarded, expected] of [
    ['a direct client is its own address, whatever X-Forwarded-For says', '203.0.113.7', '1.1.1.1', '203.0.113.7'],
    ['behind a trusted proxy, the right-most hop the proxy added', '10.0.0.2', '203.0.113.7', '203.0.113.7'],
    ['a forged left-most entry is ignored', '10.0.0.2', '6.6.6.6, 203.0.113.7', '203.0.113.7'],
    ['trusted hops on the right are skipped', '10.0.0.2', '6.6.6.6, 203.0.113.7, 10.1.1.1, 192.0.2.1', '203.0.113.7'],
    ['IPv4 over an IPv6 socket is the IPv4 address', '::ffff:10.0.0.2', '203.0.113.7', '203.0.113.7'],
    ['a trusted proxy without the header is the client', '::1', undefined, '::1'],
    ['every hop trusted: the left-most', '10.0.0.2', '10.0.0.9, 10.0.0.8', '10.0.0.9'],
    ['no peer (not Node): no address', undefined, '203.0.113.7', undefined],
  ] as const) {
    test(`client address: ${reason}`, () => {
      assert.equal(clientAddress(peer, forwarded, trusted), expected);
    });
  }
});

describe('logs', () => {
  test('each request is one line with its id, route pattern, status and duration; an error is one line without the body', async () => {
    const lines: LogLine[] = [];
    const store = new MemoryStore();
    store.createSession = async () => {
      throw new Error('disk on fire\n    at somewhere (file.ts:1:1)');
    };
    const api = client(createApp({ store, definitions: [definition], rateLimit: false, log: (line) => lines.push(line) }));
    const reply = await api.call('POST', '/v1/sessions', { ...createBody, organisation: 'secret-organisation' });
    assert.equal(reply.status, 500);
    const requestId = reply.headers.get('x-request-id');
    assert.ok(requestId);
    const [error, request] = lines;
    assert.deepEqual({ ...error, time: '' }, { level: 'error', time: '', requestId, method: 'POST', route: '/v1/sessions', error: 'Error: disk on fire at somewhere (file.ts:1:1)' });
    assert.equal(request?.level, 'info');
    assert.deepEqual({ ...request, time: '', durationMs: 0 }, { level: 'info', time: '', requestId, method: 'POST', route: '/v1/sessions', status: 500, durationMs: 0 });
    assert.ok(!JSON.stringify(lines).includes('secret-organisation'));
  });

  test('the route is the pattern, never the concrete path with its session id', async () => {
    const lines: LogLine[] = [];
    const api = client(createApp({ store: new MemoryStore(), definitions: [definition], rateLimit: false, log: (line) => lines.push(line) }));
    await api.call('GET', '/v1/sessions/s-secret-id/results');
    assert.equal(lines[0]?.route, '/v1/sessions/:id/results');
  });
});

describe('operations', () => {
  test('/healthz answers while the process lives; /readyz needs the database and no shutdown under way', async () => {
    let draining = false;
    const store = new MemoryStore();
    const api = client(createApp({ store, definitions: [definition], rateLimit: false, draining: () => draining }));
    assert.equal((await api.call('GET', '/healthz')).status, 200);
    assert.equal((await api.call('GET', '/readyz')).status, 200);
    store.ping = async () => {
      throw new Error('down');
    };
    assert.equal((await api.call('GET', '/readyz')).body.error, 'database_unavailable');
    draining = true;
    const reply = await api.call('GET', '/readyz');
    assert.equal(reply.status, 503);
    assert.equal(reply.body.error, 'draining');
    assert.equal((await api.call('GET', '/healthz')).status, 200);
  });

  test('/metrics counts requests by route pattern and status, with a latency histogram and the database queue', async () => {
    const api = client(createApp({ store: new MemoryStore(), definitions: [definition], rateLimit: false }));
    const s = { sessionId: uid('s'), token: secret() };
    await api.call('POST', '/v1/sessions', { ...createBody, ...s });
    await api.call('GET', `/v1/sessions/${s.sessionId}/results`, undefined, s.token);
    await api.call('GET', `/v1/sessions/${s.sessionId}/results`, undefined, secret());
    const reply = await api.call('GET', '/metrics');
    assert.equal(reply.status, 200);
    assert.match(reply.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = reply.text;
    assert.match(text, /collector_requests_total\{method="POST",route="\/v1\/sessions",status="201"\} 1/);
    assert.match(text, /collector_requests_total\{method="GET",route="\/v1\/sessions\/:id\/results",status="403"\} 1/);
    assert.match(text, /collector_request_duration_seconds_bucket\{route="\/v1\/sessions\/:id\/results",le="\+Inf"\} 2/);
    assert.match(text, /collector_db_queue_depth 0/);
    assert.ok(!text.includes(s.sessionId), 'no session id in the metrics');
  });
});

describe('CORS', () => {
  const app = createApp({ store: new MemoryStore(), definitions: [definition], allowedOrigins: ['https://host.example'], rateLimit: false });
  const api = client(app);
  const preflight = (origin: string) =>
    api.call('OPTIONS', '/v1/sessions', undefined, undefined, { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,authorization' });

  test('a listed origin may call the API with a bearer token', async () => {
    const reply = await preflight('https://host.example');
    assert.equal(reply.headers.get('access-control-allow-origin'), 'https://host.example');
    assert.match(reply.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    const post = await api.call('POST', '/v1/sessions', createBody, undefined, { Origin: 'https://host.example' });
    assert.equal(post.headers.get('access-control-allow-origin'), 'https://host.example');
  });

  test('another origin gets no CORS header', async () => {
    assert.equal((await preflight('https://evil.example')).headers.get('access-control-allow-origin'), null);
    const post = await api.call('POST', '/v1/sessions', createBody, undefined, { Origin: 'https://evil.example' });
    assert.equal(post.headers.get('access-control-allow-origin'), null);
  });
});

describe('OpenAPI', () => {
  test('/openapi.json is an OpenAPI 3.1 document of every route, its bodies from the zod schemas', async () => {
    const api = client(createApp({ store: new MemoryStore(), definitions: [definition], rateLimit: false }));
    const reply = await api.call('GET', '/openapi.json');
    assert.equal(reply.status, 200);
    const doc = reply.body;
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      '/v1/adaptive-sessions',
      '/v1/adaptive-sessions/{id}',
      '/v1/adaptive-sessions/{id}/answers',
      '/v1/adaptive-sessions/{id}/finish',
      '/v1/audit',
      '/v1/campaigns',
      '/v1/campaigns/{code}/progress',
      '/v1/campaigns/{code}/status',
      '/v1/export',
      '/v1/export/adaptive',
      '/v1/export/refusals',
      '/v1/keys',
      '/v1/keys/{keyId}',
      '/v1/organisations',
      '/v1/refusals',
      '/v1/report',
      '/v1/sessions',
      '/v1/sessions/{id}',
      '/v1/sessions/{id}/answers',
      '/v1/sessions/{id}/events',
      '/v1/sessions/{id}/questionnaire',
      '/v1/sessions/{id}/results',
      '/v1/webhook-deliveries/{deliveryId}/replay',
      '/v1/webhooks',
      '/v1/webhooks/{id}',
      '/v1/webhooks/{id}/deliveries',
      '/v1/webhooks/{id}/replay',
    ]);
    // The body every webhook endpoint receives: ids and the summary, nothing a participant typed.
    const payload = doc.components.schemas.WebhookPayload;
    assert.deepEqual(Object.keys(payload.properties.data.properties).sort(), [
      'campaign', 'contentVersion', 'courses', 'endReason', 'externalRef', 'organisation', 'sessionId', 'staircaseLevel', 'surveyId', 'testTimeMs',
    ]);
    assert.equal(payload.properties.data.additionalProperties, false);
    const answerBody = doc.paths['/v1/sessions/{id}/answers'].post.requestBody.content['application/json'].schema;
    assert.deepEqual([...answerBody.required].sort(), ['actor', 'answer', 'answerId', 'answeredAt', 'challengeId', 'durationMs', 'startedAt']);
    assert.ok(!('status' in answerBody.properties), 'a client cannot send a status');
    assert.deepEqual(answerBody.properties.actor.enum, ['participant', 'mediator']);
    const adaptiveAnswer = doc.paths['/v1/adaptive-sessions/{id}/answers'].post.requestBody.content['application/json'].schema;
    assert.ok(!('status' in adaptiveAnswer.properties), 'a client cannot send the verdict of an adaptive item either');
    assert.ok(adaptiveAnswer.required.includes('seq'));
  });

  test('an unknown route is a JSON 404', async () => {
    const api = client(createApp({ store: new MemoryStore(), definitions: [definition], rateLimit: false }));
    const reply = await api.call('GET', '/v2/anything');
    assert.equal(reply.status, 404);
    assert.equal(reply.body.error, 'not_found');
  });
});

describe('web-standard only', () => {
  test('the app, its middlewares and the mock bundle for a browser without any Node module or SQL driver', async () => {
    const result = await esbuild.build({
      entryPoints: [fileURLToPath(new URL('../src/mock.ts', import.meta.url))],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      conditions: ['source'],
      external: ['msw'],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.some((path) => path.endsWith('src/app.ts')));
    assert.deepEqual(inputs.filter((path) => /node:|pglite|\/pg\/|store\/(sql|pglite|postgres|migrations)/.test(path)), []);
  });
});
