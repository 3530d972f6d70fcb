/** Behaviour of the app that does not depend on the store: rate limit, CORS, OpenAPI, no Node in the web part. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { createApp } from '../src/app.js';
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
      '/v1/export',
      '/v1/report',
      '/v1/sessions',
      '/v1/sessions/{id}',
      '/v1/sessions/{id}/answers',
      '/v1/sessions/{id}/events',
      '/v1/sessions/{id}/questionnaire',
      '/v1/sessions/{id}/results',
    ]);
    const answerBody = doc.paths['/v1/sessions/{id}/answers'].post.requestBody.content['application/json'].schema;
    assert.deepEqual([...answerBody.required].sort(), ['actor', 'answer', 'answerId', 'answeredAt', 'challengeId', 'durationMs', 'startedAt']);
    assert.ok(!('status' in answerBody.properties), 'a client cannot send a status');
    assert.deepEqual(answerBody.properties.actor.enum, ['participant', 'mediator']);
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
