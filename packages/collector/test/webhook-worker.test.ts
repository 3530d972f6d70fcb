/**
 * The delivery worker's failures (docs/webhooks.md, "Delivery"), store aside (memory): an endpoint
 * that does not answer in time, one that redirects, one that refuses the connection, each recorded
 * in the delivery log and retried; and a worker started then stopped sends what is due.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { MemoryStore } from '../src/store/memory.js';
import { WebhookWorker } from '../src/webhooks/worker.js';

const T0 = Date.UTC(2026, 11, 2, 10);

/** A store holding one campaign session with one delivery pending to `url`. */
async function oneDelivery(url: string): Promise<{ store: MemoryStore; endpointId: string }> {
  const store = new MemoryStore();
  await store.structures.createOrganisation({ id: 'org', name: 'Tiers-lieu', siret: null, commune: '35238', createdAt: T0 });
  await store.structures.createCampaign({ code: 'KXR-482', organisation: 'org', surveyId: 'fixture', contentVersion: '1.0.0', opensAt: T0, closesAt: null, target: null, label: null, createdAt: T0 });
  await store.webhooks.createEndpoint({ id: 'wh_1', organisation: 'org', campaign: null, url, events: ['questionnaire.validated'], secret: 'whsec_c2VjcmV0', label: null, createdAt: T0, disabledAt: null });
  const session = { id: 's1', tokenHash: 'x', surveyId: 'fixture', contentVersion: '1.0.0', organisation: 'org', campaign: 'KXR-482', device: 'tablet', lang: 'fr', startedAt: T0, receivedAt: T0, endedAt: null, endReason: null } as const;
  await store.createSession(session);
  await store.putQuestionnaire({ sessionId: 's1', answers: {}, filledByMediator: false, validatedAt: T0, receivedAt: T0 }, { type: 'questionnaire.validated', body: '{}', at: T0 });
  return { store, endpointId: 'wh_1' };
}

describe('delivery worker', () => {
  let server: Server;
  let base = '';
  /** A port nothing listens on any more. */
  let closedPort = 0;
  const hanging: (() => void)[] = [];
  before(async () => {
    server = createServer((request, response) => {
      if (request.url === '/slow') return void hanging.push(() => response.end());
      if (request.url === '/moved') return void response.writeHead(302, { location: 'http://127.0.0.1:9/elsewhere' }).end();
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    closedPort = (gone.address() as AddressInfo).port;
    await new Promise<void>((resolve) => gone.close(() => resolve()));
  });
  after(async () => {
    for (const release of hanging) release();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  for (const [path, error, reason] of [
    ['/slow', 'no answer within 0.2 s', 'an endpoint that does not answer in time'],
    ['/moved', 'HTTP 302', 'a redirect, which is not followed'],
    ['refused', 'ECONNREFUSED', 'a connection refused'],
  ] as const) {
    test(`${reason} is logged and retried later`, async () => {
      const url = path === 'refused' ? `http://127.0.0.1:${closedPort}/hook` : `${base}${path}`;
      const { store, endpointId } = await oneDelivery(url);
      const worker = new WebhookWorker({ store: store.webhooks, now: () => T0, random: () => 0, timeoutMs: 200 });
      assert.equal(await worker.runOnce(), 1);
      const [delivery] = await store.webhooks.listDeliveries(endpointId, 10);
      assert.deepEqual([delivery!.status, delivery!.attempts, delivery!.lastError, delivery!.nextAttemptAt], ['pending', 1, error, T0 + 10_000]);
      assert.equal(await worker.runOnce(), 0, 'not due before its backoff');
    });
  }

  test('a started worker sends what is due at once, and stops', async () => {
    const { store, endpointId } = await oneDelivery(`${base}/ok`);
    const worker = new WebhookWorker({ store: store.webhooks, pollMs: 60_000 });
    worker.start();
    for (let i = 0; i < 100 && (await store.webhooks.listDeliveries(endpointId, 1))[0]!.status === 'pending'; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await worker.stop();
    assert.equal((await store.webhooks.listDeliveries(endpointId, 1))[0]!.status, 'delivered');
  });
});
