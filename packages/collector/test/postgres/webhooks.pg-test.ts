/**
 * The webhooks' contract over PostgreSQL, with a restart (the pool closed and opened again), and two
 * collector processes' pools on one database claiming deliveries at once. Needs DATABASE_URL.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PostgresStore } from '../../src/store/postgres.js';
import { webhookSuite } from '../webhooks-contract.js';

const url = process.env['DATABASE_URL'];
if (!url) throw new Error('DATABASE_URL is not set: run `DATABASE_URL=$(bash scripts/ensure-postgres.sh)` first.');

webhookSuite(
  'PostgresStore',
  () => PostgresStore.open(url),
  (store) => store.close(),
  async (store) => {
    await store.close();
    return PostgresStore.open(url);
  },
);

test('two collector processes (two pools on one database) claiming at once never take the same delivery', async () => {
  const [first, second] = [await PostgresStore.open(url), await PostgresStore.open(url)];
  try {
    const org = `org-claims-${process.pid}-${Date.now()}`;
    const code = `Q${String(Date.now()).slice(-2)}-${String(process.pid).slice(-3).padStart(3, '7')}`;
    const at = Date.now();
    await first.structures.createOrganisation({ id: org, name: 'Tiers-lieu', siret: null, commune: '35238', createdAt: at });
    assert.ok(await first.structures.createCampaign({ code, organisation: org, surveyId: 'fixture', contentVersion: '1.0.0', opensAt: at, closesAt: null, target: null, label: null, createdAt: at }));
    await first.webhooks.createEndpoint({ id: `wh_${org}`, organisation: org, campaign: null, url: 'https://coop.example.fr/h', events: ['questionnaire.validated'], secret: 'whsec_c2VjcmV0', label: null, createdAt: at, disabledAt: null });
    const sessions = Array.from({ length: 40 }, (_, i) => `${org}-s${i}`);
    for (const id of sessions) {
      await first.createSession({ id, tokenHash: 'x', surveyId: 'fixture', contentVersion: '1.0.0', organisation: org, campaign: code, device: 'tablet', lang: 'fr', startedAt: at, receivedAt: at, endedAt: null, endReason: null });
      await first.putQuestionnaire({ sessionId: id, answers: {}, filledByMediator: false, validatedAt: at, receivedAt: at }, { type: 'questionnaire.validated', body: '{}', at });
    }
    // Both processes claim in rounds, at the same time, until the queue is empty.
    const taken: string[][] = [[], []];
    for (let round = 0; round < 20; round++) {
      const claims = await Promise.all([first, second].map((store) => store.webhooks.claimDeliveries(at + 1, 7, 60_000)));
      claims.forEach((claimed, i) => taken[i]!.push(...claimed.filter((c) => c.url === 'https://coop.example.fr/h' && c.body === '{}').map((c) => c.id)));
    }
    const all = [...taken[0]!, ...taken[1]!];
    const mine = new Set((await first.webhooks.listDeliveries(`wh_${org}`, 100)).map((d) => d.id));
    assert.equal(mine.size, 40);
    assert.equal(all.filter((id) => mine.has(id)).length, 40, 'each delivery claimed once');
    assert.equal(new Set(all).size, all.length, 'no delivery claimed by both');
    assert.ok(taken[0]!.length > 0 && taken[1]!.length > 0, 'both processes took some');
    // Nothing of this test is left for a worker of a later run.
    await first.webhooks.disableEndpoint(`wh_${org}`, at);
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
});
