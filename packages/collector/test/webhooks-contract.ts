/**
 * Webhooks (docs/webhooks.md), written once and run against every store like `contract.ts`:
 * endpoints and who may add them, the events queued with the state change (once per session and
 * event type, whatever the client retries), signed deliveries with retries to a local HTTP server
 * checked by the example receiver, leases, replay, erasure, and a restart with deliveries pending.
 * The worker's clock is the test's: no test waits for a backoff.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { WebhookPayload } from '@observatoire/core/api';
import { webhookReceiver } from '../../../examples/webhook-receiver/receiver.js';
import { createApp } from '../src/app.js';
import type { Store } from '../src/store/types.js';
import { WebhookWorker } from '../src/webhooks/worker.js';
import { COURSES, definition, questionnaireAnswers, rightAnswer } from './fixture.js';
import { ADMIN, client, secret, uid } from './helpers.js';

/** What the participant types in the questionnaire's free text: it must reach no webhook. */
const FREE_TEXT = 'Je suis Jeanne Martin, 12 rue des Lilas';
const DAY = 86_400_000;

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A receiving server on loopback: each path answers 500 to the first `failures` requests of each
 * webhook-id (or always, for a path in `down`), then hands the request to the example receiver.
 */
async function hookServer(failures: number) {
  const received: Received[] = [];
  const handled: { path: string; id: string; payload: WebhookPayload }[] = [];
  const secrets = new Map<string, string>();
  const receivers = new Map<string, ReturnType<typeof webhookReceiver>>();
  const down = new Set<string>();
  const server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += String(chunk);
    const path = request.url ?? '';
    received.push({ path, headers: request.headers, body });
    const id = String(request.headers['webhook-id']);
    const seenBefore = received.filter((r) => r.path === path && r.headers['webhook-id'] === id).length - 1;
    if (down.has(path) || seenBefore < failures) return void response.writeHead(500).end('not now');
    let receive = receivers.get(path);
    if (!receive) {
      receive = webhookReceiver({ secret: secrets.get(path) ?? '', onEvent: (webhookId, payload) => void handled.push({ path, id: webhookId, payload }) });
      receivers.set(path, receive);
    }
    const reply = await receive(request.headers, body);
    response.writeHead(reply.status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    received,
    handled,
    down,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    /** The endpoint's secret, for the receiver of `path`. */
    secretFor: (path: string, value: string) => void secrets.set(path, value),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function webhookSuite(
  name: string,
  openStore: () => Promise<Store>,
  closeStore: (store: Store) => Promise<void> = (s) => s.close(),
  /** Close the store and open it again on the same database (a collector restart); absent for memory. */
  reopen?: (store: Store) => Promise<Store>,
): void {
  describe(`webhooks over ${name}`, () => {
    let store: Store;
    let api: ReturnType<typeof client>;
    let hooks: Awaited<ReturnType<typeof hookServer>>;
    // Near the real clock: the receiver refuses timestamps more than 5 minutes away.
    const clock = { t: Date.now() };
    const appOn = (s: Store) => client(createApp({ store: s, definitions: [definition], adminToken: ADMIN, rateLimit: false, now: () => clock.t }));
    const worker = (retry: { maxAttempts?: number } = {}) =>
      new WebhookWorker({ store: store.webhooks, now: () => clock.t, random: () => 0, retry: { baseDelayMs: 1_000, ...retry }, timeoutMs: 5_000 });

    before(async () => {
      store = await openStore();
      // A PostgreSQL test database outlives a run: endpoints of earlier runs must not take this run's worker.
      for (const endpoint of await store.webhooks.listEndpoints()) await store.webhooks.disableEndpoint(endpoint.id, clock.t);
      api = appOn(store);
      hooks = await hookServer(2);
    });
    after(async () => {
      await hooks.close();
      await closeStore(store);
    });

    async function organisation(): Promise<string> {
      const reply = await api.call('POST', '/v1/organisations', { id: uid('org'), name: 'Tiers-lieu', commune: '35238' }, ADMIN);
      assert.equal(reply.status, 201, reply.text);
      return reply.body.id;
    }

    async function campaign(org: string): Promise<string> {
      const reply = await api.call('POST', '/v1/campaigns', { organisation: org, surveyId: 'fixture', contentVersion: '1.0.0', opensAt: clock.t - DAY }, ADMIN);
      assert.equal(reply.status, 201, reply.text);
      return reply.body.code;
    }

    /** A webhook to `path` of the test server; returns its id. */
    async function webhook(scope: { organisation?: string; campaign?: string }, path: string, events = ['questionnaire.validated', 'session.completed', 'session.left']): Promise<string> {
      const reply = await api.call('POST', '/v1/webhooks', { url: hooks.url(path), events, ...scope }, ADMIN);
      assert.equal(reply.status, 201, reply.text);
      hooks.secretFor(path, reply.body.secret);
      return reply.body.id;
    }

    /** A session of the campaign with its questionnaire (with a free-text remark); the put is sent twice. */
    async function session(code: string): Promise<{ sessionId: string; token: string }> {
      const sessionId = uid('s');
      const token = secret();
      const created = await api.call('POST', '/v1/sessions', { surveyId: 'fixture', contentVersion: '1.0.0', device: 'tablet', lang: 'fr', sessionId, token, campaign: code, startedAt: clock.t });
      assert.equal(created.status, 201, created.text);
      const body = { answers: { ...questionnaireAnswers, remarque: FREE_TEXT }, filledByMediator: false, validatedAt: clock.t };
      assert.equal((await api.call('PUT', `/v1/sessions/${sessionId}/questionnaire`, body, token)).status, 201);
      // A client's retry: stored once, queued once.
      assert.equal((await api.call('PUT', `/v1/sessions/${sessionId}/questionnaire`, body, token)).status, 409);
      return { sessionId, token };
    }

    async function event(s: { sessionId: string; token: string }, type: string, eventId = uid('e'), courseId?: string): Promise<number> {
      const reply = await api.call('POST', `/v1/sessions/${s.sessionId}/events`, { eventId, type, at: clock.t, actor: 'participant', ...(courseId ? { courseId } : {}) }, s.token);
      return reply.status;
    }

    async function playManipulation(s: { sessionId: string; token: string }): Promise<void> {
      for (const challengeId of COURSES.manipulation) {
        const reply = await api.call(
          'POST',
          `/v1/sessions/${s.sessionId}/answers`,
          { answerId: uid('a'), challengeId, answer: rightAnswer(challengeId), actor: 'participant', startedAt: clock.t, answeredAt: clock.t + 4_000, durationMs: 4_000 },
          s.token,
        );
        assert.equal(reply.status, 201, reply.text);
      }
    }

    /** Run the worker `rounds` times, the clock moving 2 s between runs (past every backoff of the test). */
    async function deliver(w: WebhookWorker, rounds: number): Promise<void> {
      for (let i = 0; i < rounds; i++) {
        await w.runOnce();
        clock.t += 2_000;
      }
    }

    test('a structure key adds a webhook for its own organisation and campaigns, not for another organisation', async () => {
      const own = await organisation();
      const other = await organisation();
      const otherCampaign = await campaign(other);
      const keyReply = await api.call('POST', '/v1/keys', { role: 'structure', organisation: own, label: 'accueil' }, ADMIN);
      const key = keyReply.body.key as string;
      const mine = await api.call('POST', '/v1/webhooks', { url: 'https://coop.example.fr/hooks', events: ['session.completed'], organisation: own }, key);
      assert.equal(mine.status, 201, mine.text);
      assert.match(mine.body.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
      const ownCampaign = await api.call('POST', '/v1/webhooks', { url: 'https://coop.example.fr/c', events: ['session.left'], campaign: (await campaign(own)).toLowerCase() }, key);
      assert.equal(ownCampaign.status, 201, ownCampaign.text);
      for (const scope of [{ organisation: other }, { campaign: otherCampaign }, { organisation: uid('nowhere') }]) {
        const refused = await api.call('POST', '/v1/webhooks', { url: 'https://coop.example.fr/hooks', events: ['session.completed'], ...scope }, key);
        assert.equal(refused.status, 403, JSON.stringify(scope));
        assert.equal(refused.body.error, 'forbidden');
      }
      const listed = await api.call('GET', '/v1/webhooks', undefined, key);
      assert.deepEqual(listed.body.map((w: { id: string }) => w.id).sort(), [mine.body.id, ownCampaign.body.id].sort());
      assert.ok(listed.body.every((w: Record<string, unknown>) => !('secret' in w)));
      const audit = await api.call('GET', '/v1/audit?limit=20', undefined, ADMIN);
      assert.ok(audit.body.some((e: { action: string; target: string; actor: string }) => e.action === 'webhook_create' && e.target === mine.body.id && e.actor === keyReply.body.id));
      // Another organisation's webhook answers as an unknown one.
      const theirs = await api.call('POST', '/v1/webhooks', { url: 'https://autre.example.fr/h', events: ['session.left'], organisation: other }, ADMIN);
      for (const [method, path] of [['DELETE', `/v1/webhooks/${theirs.body.id}`], ['GET', `/v1/webhooks/${theirs.body.id}/deliveries`], ['DELETE', '/v1/webhooks/wh_unknown']] as const)
        assert.equal((await api.call(method, path, undefined, key)).status, 403, path);
    });

    for (const [body, path, reason] of [
      [{ url: 'http://coop.example.fr/h', events: ['session.completed'] }, 'url', 'an http URL to another machine'],
      [{ url: 'https://coop.example.fr/h', events: ['session.completed'], campaign: 'ABC-234', organisation: 'x' }, 'organisation', 'both an organisation and a campaign'],
      [{ url: 'https://coop.example.fr/h', events: ['session.completed'] }, 'organisation', 'neither an organisation nor a campaign'],
    ] as const) {
      test(`adding a webhook with ${reason} is refused on "${path}"`, async () => {
        const org = path === 'url' ? { organisation: await organisation() } : {};
        const reply = await api.call('POST', '/v1/webhooks', { ...body, ...org }, ADMIN);
        assert.equal(reply.status, 400, reply.text);
        assert.ok(reply.body.issues.some((issue: { path: string }) => issue.path === path), reply.text);
      });
    }

    test('the delivery log and the replay refuse bad input, naming it', async () => {
      const hookId = await webhook({ organisation: await organisation() }, '/input');
      for (const limit of ['0', '1001', 'ten']) {
        const reply = await api.call('GET', `/v1/webhooks/${hookId}/deliveries?limit=${limit}`, undefined, ADMIN);
        assert.deepEqual([reply.status, reply.body.issues?.[0]?.path], [400, 'limit'], limit);
      }
      for (const body of [{}, { since: '2026-12-01' }, { since: -1 }]) {
        const reply = await api.call('POST', `/v1/webhooks/${hookId}/replay`, body, ADMIN);
        assert.deepEqual([reply.status, reply.body.issues?.[0]?.path], [400, 'since'], JSON.stringify(body));
      }
      assert.equal((await api.call('POST', '/v1/webhook-deliveries/msg_unknown/replay', {}, ADMIN)).status, 404);
      assert.equal((await api.call('GET', '/v1/webhooks/wh_unknown/deliveries', undefined, ADMIN)).status, 404);
    });

    test('an endpoint failing twice then succeeding receives each event once per webhook-id, signed, with no free text', async () => {
      const org = await organisation();
      const code = await campaign(org);
      const hookId = await webhook({ organisation: org }, '/coop');
      const s = await session(code);
      await playManipulation(s);
      const finished = uid('e');
      assert.equal(await event(s, 'course_end', uid('e'), 'manipulation'), 201);
      assert.equal(await event(s, 'finished', finished), 201);
      // The client retries its last event: stored once, queued once.
      assert.equal(await event(s, 'finished', finished), 200);
      await deliver(worker(), 4);

      const mine = hooks.handled.filter((h) => h.path === '/coop');
      assert.deepEqual(mine.map((h) => h.payload.type).sort(), ['questionnaire.validated', 'session.completed']);
      assert.equal(new Set(mine.map((h) => h.id)).size, 2);
      for (const { id } of mine) {
        const attempts = hooks.received.filter((r) => r.headers['webhook-id'] === id);
        assert.equal(attempts.length, 3, 'two failures, then the delivery');
        // Every attempt carries the same body; the signature is checked by the receiver on the last one.
        assert.equal(new Set(attempts.map((a) => a.body)).size, 1);
        assert.match(String(attempts[2]!.headers['webhook-signature']), /^v1,[A-Za-z0-9+/]{43}=$/);
      }
      const completed = mine.find((h) => h.payload.type === 'session.completed')!.payload;
      assert.deepEqual(WebhookPayload.parse(completed), completed);
      assert.equal(completed.data.sessionId, s.sessionId);
      assert.equal(completed.data.campaign, code);
      assert.equal(completed.data.organisation, org);
      assert.equal(completed.data.externalRef, null);
      assert.equal(completed.data.endReason, 'completed');
      assert.equal(completed.data.testTimeMs, 12_000);
      assert.deepEqual(completed.data.courses[0], { courseId: 'manipulation', status: 'ended', successRate: 1 });
      assert.equal(completed.data.staircaseLevel, 1);
      const text = hooks.received.map((r) => r.body).join('\n');
      // Neither the free text, nor any questionnaire answer, nor the challenges' answers.
      for (const leak of ['Jeanne', 'Lilas', 'remarque', 'retraite', 'feminin', '1958', '"answer']) assert.ok(!text.includes(leak), leak);

      const log = await api.call('GET', `/v1/webhooks/${hookId}/deliveries`, undefined, ADMIN);
      assert.equal(log.status, 200);
      assert.deepEqual(log.body.map((d: { status: string; attempts: number; lastStatusCode: number }) => [d.status, d.attempts, d.lastStatusCode]), [['delivered', 3, 204], ['delivered', 3, 204]]);
      assert.ok(log.body.every((d: Record<string, unknown>) => !('body' in d) && d['nextAttemptAt'] === null));
      assert.equal(await worker().runOnce(), 0, 'nothing left to send');
    });

    test('a campaign endpoint hears of its campaign only, and of the events it subscribed to', async () => {
      const org = await organisation();
      const code = await campaign(org);
      const otherCode = await campaign(org);
      await webhook({ campaign: code }, '/left', ['session.left']);
      const s = await session(code);
      const elsewhere = await session(otherCode);
      assert.equal(await event(s, 'quit'), 201);
      assert.equal(await event(elsewhere, 'quit'), 201);
      await deliver(worker(), 4);
      const mine = hooks.handled.filter((h) => h.path === '/left');
      assert.deepEqual(mine.map((h) => [h.payload.type, h.payload.data.sessionId, h.payload.data.endReason]), [['session.left', s.sessionId, 'quit']]);
    });

    test('two workers claiming at once never send one delivery twice', async () => {
      const org = await organisation();
      const code = await campaign(org);
      await webhook({ organisation: org }, '/pair', ['questionnaire.validated']);
      for (let i = 0; i < 6; i++) await session(code);
      const [a, b] = [worker(), worker()];
      // The server answers 500 to the first two tries of each id: three rounds deliver everything.
      for (let round = 0; round < 3; round++) {
        await Promise.all([a.runOnce(), b.runOnce()]);
        clock.t += 2_000;
      }
      const attempts = hooks.received.filter((r) => r.path === '/pair');
      const ids = new Set(attempts.map((r) => r.headers['webhook-id']));
      assert.equal(ids.size, 6);
      assert.equal(attempts.length, 18, 'three attempts per delivery, none sent twice at once');
      assert.equal(hooks.handled.filter((h) => h.path === '/pair').length, 6);
    });

    test('a delivery that keeps failing ends failed; a replay sends it again with the same webhook-id', async () => {
      const org = await organisation();
      const code = await campaign(org);
      const hookId = await webhook({ organisation: org }, '/down', ['questionnaire.validated']);
      hooks.down.add('/down');
      const since = clock.t;
      await session(code);
      await deliver(worker({ maxAttempts: 3 }), 5);
      const [failed] = (await api.call('GET', `/v1/webhooks/${hookId}/deliveries`, undefined, ADMIN)).body;
      assert.deepEqual([failed.status, failed.attempts, failed.lastStatusCode, failed.lastError], ['failed', 3, 500, 'HTTP 500']);
      hooks.down.delete('/down');
      const replay = await api.call('POST', `/v1/webhook-deliveries/${failed.id}/replay`, {}, ADMIN);
      assert.deepEqual([replay.status, replay.body], [200, { requeued: 1 }]);
      await deliver(worker(), 1);
      const handled = hooks.handled.filter((h) => h.path === '/down');
      assert.deepEqual(handled.map((h) => h.id), [failed.id]);
      // Every failed delivery since a time, at once.
      hooks.down.add('/down');
      await session(code);
      await deliver(worker({ maxAttempts: 1 }), 1);
      hooks.down.delete('/down');
      const again = await api.call('POST', `/v1/webhooks/${hookId}/replay`, { since }, ADMIN);
      assert.deepEqual(again.body, { requeued: 1 });
      await deliver(worker(), 2);
      assert.equal(hooks.handled.filter((h) => h.path === '/down').length, 2);
      const audit = await api.call('GET', '/v1/audit?limit=5', undefined, ADMIN);
      assert.deepEqual(audit.body.filter((e: { action: string }) => e.action === 'webhook_replay').map((e: { rows: number }) => e.rows), [1, 1]);
    });

    test('a disabled endpoint is sent nothing more; erasing a session drops its deliveries', async () => {
      const org = await organisation();
      const code = await campaign(org);
      const hookId = await webhook({ organisation: org }, '/off');
      const s = await session(code);
      assert.equal((await api.call('DELETE', `/v1/sessions/${s.sessionId}`, undefined, ADMIN)).status, 204);
      assert.deepEqual((await api.call('GET', `/v1/webhooks/${hookId}/deliveries`, undefined, ADMIN)).body, []);
      assert.equal((await api.call('DELETE', `/v1/webhooks/${hookId}`, undefined, ADMIN)).status, 204);
      await session(code);
      await deliver(worker(), 3);
      assert.equal(hooks.received.filter((r) => r.path === '/off').length, 0);
      const listed = (await api.call('GET', '/v1/webhooks', undefined, ADMIN)).body.find((w: { id: string }) => w.id === hookId);
      assert.equal(listed.disabledAt, clock.t - 6_000);
    });

    test('disabling an endpoint cancels its pending deliveries; they are listed, sent nothing, and not replayed', async () => {
      const org = await organisation();
      const code = await campaign(org);
      const hookId = await webhook({ organisation: org }, '/cancelled');
      hooks.down.add('/cancelled');
      await session(code);
      await deliver(worker(), 1);
      await session(code);
      const log = async () => (await api.call('GET', `/v1/webhooks/${hookId}/deliveries`, undefined, ADMIN)).body as { id: string; status: string; attempts: number; nextAttemptAt: number | null }[];
      assert.deepEqual((await log()).map((d) => [d.status, d.attempts]), [['pending', 0], ['pending', 1]]);
      assert.equal((await api.call('DELETE', `/v1/webhooks/${hookId}`, undefined, ADMIN)).status, 204);
      const cancelled = await log();
      assert.deepEqual(cancelled.map((d) => [d.status, d.attempts, d.nextAttemptAt]), [['cancelled', 0, null], ['cancelled', 1, null]]);
      hooks.down.delete('/cancelled');
      await deliver(worker(), 3);
      assert.equal(hooks.handled.filter((h) => h.path === '/cancelled').length, 0);
      assert.deepEqual((await log()).map((d) => d.status), ['cancelled', 'cancelled'], 'a settled claim does not bring one back');
      // No worker sends a disabled endpoint's deliveries: a replay would leave them pending forever.
      const one = await api.call('POST', `/v1/webhook-deliveries/${cancelled[0]!.id}/replay`, {}, ADMIN);
      assert.deepEqual([one.status, one.body.error], [409, 'webhook_disabled']);
      const since = await api.call('POST', `/v1/webhooks/${hookId}/replay`, { since: 0 }, ADMIN);
      assert.deepEqual([since.status, since.body.error], [409, 'webhook_disabled']);
      assert.deepEqual((await log()).map((d) => d.status), ['cancelled', 'cancelled']);
      const audit = (await api.call('GET', '/v1/audit?limit=20', undefined, ADMIN)).body as { action: string; target: string; rows: number | null }[];
      assert.equal(audit.find((e) => e.action === 'webhook_disable' && e.target === hookId)?.rows, 2);
    });

    if (reopen) {
      test('a collector restarted with deliveries pending sends them once it is back', async () => {
        const org = await organisation();
        const code = await campaign(org);
        await webhook({ organisation: org }, '/restart', ['questionnaire.validated', 'session.left']);
        const s = await session(code);
        await deliver(worker(), 1);
        assert.equal(await event(s, 'quit'), 201);
        // Stopped with one delivery failed once and one never tried.
        store = await reopen(store);
        api = appOn(store);
        await deliver(worker(), 4);
        const handled = hooks.handled.filter((h) => h.path === '/restart');
        assert.deepEqual(handled.map((h) => h.payload.type).sort(), ['questionnaire.validated', 'session.left']);
        assert.equal(hooks.received.filter((r) => r.path === '/restart').length, 6);
      });
    }
  });
}
