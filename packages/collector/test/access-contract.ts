/**
 * Organisations, campaigns, scoped API keys and the audit log (docs/collector.md, "Organisations
 * and campaigns", "Access"), written once and run against every store like `contract.ts`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../src/app.js';
import type { Store } from '../src/store/types.js';
import { definition, questionnaireAnswers } from './fixture.js';
import { ADMIN, client, secret, uid } from './helpers.js';

const paris = { postalCode: '75001', code: '75056', name: 'Paris', department: '75', region: '11', epci: '200054781' };
const DAY = 86_400_000;

export function accessSuite(name: string, openStore: () => Promise<Store>, closeStore: (store: Store) => Promise<void> = (s) => s.close()): void {
  describe(`organisations, campaigns and scoped keys over ${name}`, () => {
    let store: Store;
    let api: ReturnType<typeof client>;
    const clock = { t: Date.UTC(2025, 4, 12, 9, 30) };

    before(async () => {
      store = await openStore();
      // A second version of the fixture, for a campaign of another version.
      api = client(createApp({ store, definitions: [definition, { ...definition, version: '2.0.0' }], adminToken: ADMIN, rateLimit: false, now: () => clock.t }));
    });
    after(() => closeStore(store));

    async function organisation(extra: Record<string, unknown> = {}): Promise<string> {
      const reply = await api.call('POST', '/v1/organisations', { id: uid('org'), name: 'Médiathèque de Vitré', commune: '35360', ...extra }, ADMIN);
      assert.equal(reply.status, 201, reply.text);
      return reply.body.id;
    }

    async function campaign(org: string, extra: Record<string, unknown> = {}): Promise<string> {
      const reply = await api.call('POST', '/v1/campaigns', { organisation: org, surveyId: 'fixture', contentVersion: '1.0.0', opensAt: clock.t - DAY, ...extra }, ADMIN);
      assert.equal(reply.status, 201, reply.text);
      return reply.body.code;
    }

    async function key(body: Record<string, unknown>): Promise<{ id: string; key: string }> {
      const reply = await api.call('POST', '/v1/keys', { label: 'test', ...body }, ADMIN);
      assert.equal(reply.status, 201, reply.text);
      return { id: reply.body.id, key: reply.body.key };
    }

    /** A session with its questionnaire (commune: Rennes unless `commune` is given). */
    async function session(extra: Record<string, unknown> = {}, commune: object = questionnaireAnswers.commune): Promise<string> {
      const sessionId = uid('s');
      const token = secret();
      const created = await api.call('POST', '/v1/sessions', { surveyId: 'fixture', contentVersion: '1.0.0', device: 'tablet', lang: 'fr', sessionId, token, ...extra });
      assert.equal(created.status, 201, created.text);
      const put = await api.call('PUT', `/v1/sessions/${sessionId}/questionnaire`, { answers: { ...questionnaireAnswers, commune }, filledByMediator: false, validatedAt: clock.t }, token);
      assert.equal(put.status, 201, put.text);
      return sessionId;
    }

    async function exported(keyText: string, query = ''): Promise<string[]> {
      const reply = await api.call('GET', `/v1/export?format=json${query}`, undefined, keyText);
      assert.equal(reply.status, 200, reply.text);
      return reply.body.map((row: Record<string, string>) => row['session_id']);
    }

    describe('organisations and campaigns', () => {
      test('an organisation is created once, its id made from its name when none is given', async () => {
        const name = `Espace France Services ${uid('n')}`;
        const reply = await api.call('POST', '/v1/organisations', { name, siret: '73282932000074', commune: '35360' }, ADMIN);
        assert.equal(reply.status, 201, reply.text);
        assert.match(reply.body.id, /^espace-france-services-n-/);
        assert.equal(reply.body.siret, '73282932000074');
        const again = await api.call('POST', '/v1/organisations', { id: reply.body.id, name, commune: '35360' }, ADMIN);
        assert.equal(again.status, 409);
        assert.equal(again.body.error, 'organisation_exists');
      });

      for (const [field, value, reason] of [
        ['siret', '73282932000075', 'a wrong check digit'],
        ['siret', '7328293200007', '13 digits'],
        ['siret', '732 829 320 00074', 'spaces'],
        ['commune', '3536', 'four digits'],
        ['commune', 'Vitré', 'a name instead of a code'],
        ['name', '', 'an empty name'],
      ] as const) {
        test(`an organisation with ${reason} in ${field} is refused, naming it`, async () => {
          const reply = await api.call('POST', '/v1/organisations', { name: 'Médiathèque', commune: '35360', [field]: value }, ADMIN);
          assert.equal(reply.status, 400);
          assert.deepEqual(reply.body.issues.map((i: { path: string }) => i.path), [field]);
        });
      }

      test('a campaign gets a short code without look-alike characters and is listed', async () => {
        const org = await organisation();
        const codes = new Set<string>();
        for (let i = 0; i < 5; i++) codes.add(await campaign(org, { target: 50, label: `Atelier ${i}` }));
        for (const code of codes) assert.match(code, /^[A-HJKMNP-Z]{3}-[2-9]{3}$/);
        const listed = await api.call('GET', '/v1/campaigns', undefined, ADMIN);
        assert.ok([...codes].every((code) => listed.body.some((c: { code: string }) => c.code === code)));
      });

      for (const [reason, body, status, error] of [
        ['an unknown organisation', { organisation: 'nobody-here' }, 404, 'organisation_unknown'],
        ['an unknown survey version', { contentVersion: '9.9.9' }, 400, 'invalid_request'],
        ['a close before the opening', { closesAt: Date.UTC(2025, 0, 1) }, 400, 'invalid_request'],
      ] as [string, Record<string, unknown>, number, string][]) {
        test(`a campaign with ${reason} is refused`, async () => {
          const org = await organisation();
          const reply = await api.call('POST', '/v1/campaigns', { organisation: org, surveyId: 'fixture', contentVersion: '1.0.0', opensAt: clock.t, ...body }, ADMIN);
          assert.equal(reply.status, status, reply.text);
          assert.equal(reply.body.error, error);
        });
      }

      test('a session with a campaign code belongs to its organisation, whatever the page says', async () => {
        const org = await organisation();
        const code = await campaign(org);
        const id = await session({ campaign: code.toLowerCase(), organisation: 'somebody-else' });
        const rows = (await api.call('GET', `/v1/export?format=json&campaign=${code}`, undefined, ADMIN)).body;
        assert.deepEqual(rows.map((r: Record<string, string>) => [r['session_id'], r['organisation']]), [[id, org]]);
      });

      test('an unknown campaign is 404 campaign_unknown; a closed or not yet open one 409 campaign_closed', async () => {
        const org = await organisation();
        const closed = await campaign(org, { opensAt: clock.t - 10 * DAY, closesAt: clock.t - DAY });
        const later = await campaign(org, { opensAt: clock.t + DAY });
        const create = (campaignCode: string) =>
          api.call('POST', '/v1/sessions', { surveyId: 'fixture', contentVersion: '1.0.0', device: 'tablet', lang: 'fr', campaign: campaignCode });
        const unknown = await create('ZZZ-999');
        assert.equal(unknown.status, 404);
        assert.equal(unknown.body.error, 'campaign_unknown');
        for (const code of [closed, later]) {
          const reply = await create(code);
          assert.equal(reply.status, 409);
          assert.equal(reply.body.error, 'campaign_closed');
        }
        const status = async (campaignCode: string) => (await api.call('GET', `/v1/campaigns/${campaignCode}/status`)).body.error ?? 'open';
        assert.deepEqual(
          [await status('ZZZ-999'), await status(closed), await status(later), await status((await campaign(org)).toLowerCase())],
          ['campaign_unknown', 'campaign_closed', 'campaign_closed', 'open'],
          'a page checks its code, with no key, before the person starts',
        );
        const malformed = await create('ABCD');
        assert.equal(malformed.status, 400);
        assert.equal(malformed.body.issues[0].path, 'campaign');
      });

      test("a campaign of another survey version is refused; a retry of a session made while it was open is not", async () => {
        const org = await organisation();
        const code = await campaign(org, { closesAt: clock.t + DAY });
        const sessionId = uid('s');
        const token = secret();
        const body = { surveyId: 'fixture', contentVersion: '1.0.0', device: 'tablet', lang: 'fr', sessionId, token, campaign: code };
        assert.equal((await api.call('POST', '/v1/sessions', body)).status, 201);
        const saved = clock.t;
        clock.t += 2 * DAY;
        try {
          assert.equal((await api.call('POST', '/v1/sessions', body)).status, 200, 'the outbox replaying its creation');
          assert.equal((await api.call('POST', '/v1/sessions', { ...body, sessionId: uid('s'), token: secret() })).status, 409);
        } finally {
          clock.t = saved;
        }
        const mismatch = await api.call('POST', '/v1/sessions', { ...body, sessionId: uid('s'), token: secret(), contentVersion: '2.0.0' });
        assert.equal(mismatch.status, 400, mismatch.text);
        assert.equal(mismatch.body.issues[0].path, 'campaign');
        assert.match(mismatch.body.issues[0].message, /version "1\.0\.0"/);
      });
    });

    describe('scoped keys', () => {
      let orgA = '';
      let orgB = '';
      let campaignA = '';
      let campaignB = '';
      let sessionA = '';
      let sessionB = '';
      let sessionParis = '';
      let structureA = '';
      let territory35 = '';
      let region11 = '';

      before(async () => {
        orgA = await organisation();
        orgB = await organisation();
        campaignA = await campaign(orgA);
        campaignB = await campaign(orgB);
        sessionA = await session({ campaign: campaignA });
        sessionB = await session({ campaign: campaignB });
        sessionParis = await session({ campaign: campaignB }, paris);
        structureA = (await key({ role: 'structure', organisation: orgA })).key;
        territory35 = (await key({ role: 'territory', territory: 'dep:35' })).key;
        region11 = (await key({ role: 'territory', territory: 'region:11' })).key;
      });

      test("a structure key exports only its organisation's campaigns, whatever the filters", async () => {
        assert.deepEqual(await exported(structureA), [sessionA]);
        assert.deepEqual(await exported(structureA, `&organisation=${orgB}`), []);
        assert.deepEqual(await exported(structureA, `&campaign=${campaignB}`), []);
        assert.deepEqual(await exported(structureA, `&campaign=${campaignA}`), [sessionA]);
      });

      test("a structure key reads its own participants and none of another organisation's, known or not", async () => {
        const own = await api.call('GET', `/v1/sessions/${sessionA}`, undefined, structureA);
        assert.equal(own.status, 200, own.text);
        assert.equal(own.body.campaign, campaignA);
        assert.equal(own.body.questionnaireValidated, true);
        const other = await api.call('GET', `/v1/sessions/${sessionB}`, undefined, structureA);
        const unknown = await api.call('GET', `/v1/sessions/${uid('nope')}`, undefined, structureA);
        assert.equal(other.status, 403);
        assert.deepEqual(other.body, unknown.body, 'another organisation\'s id and an unknown one answer alike');
        const progress = await api.call('GET', `/v1/campaigns/${campaignA}/progress`, undefined, structureA);
        assert.equal(progress.status, 200, progress.text);
        assert.deepEqual(progress.body.counts, { started: 1, questionnaireValidated: 1, courseReached: 0, completed: 0, quit: 0, inProgress: 1 });
        assert.deepEqual(progress.body.participants.map((p: { sessionId: string }) => p.sessionId), [sessionA]);
        assert.equal((await api.call('GET', `/v1/campaigns/${campaignB}/progress`, undefined, structureA)).status, 403);
        const campaigns = await api.call('GET', '/v1/campaigns', undefined, structureA);
        assert.deepEqual(campaigns.body.map((c: { code: string }) => c.code), [campaignA]);
        const organisations = await api.call('GET', '/v1/organisations', undefined, structureA);
        assert.deepEqual(organisations.body.map((o: { id: string }) => o.id), [orgA]);
      });

      test('a structure key cannot erase, nor create organisations, campaigns or keys, nor read the audit log', async () => {
        const erase = await api.call('DELETE', `/v1/sessions/${sessionA}`, undefined, structureA);
        assert.equal(erase.status, 403);
        assert.equal(erase.body.error, 'forbidden');
        assert.ok(await store.getSession(sessionA), 'the session is still there');
        assert.equal((await api.call('POST', '/v1/organisations', { name: 'X', commune: '35360' }, structureA)).status, 403);
        assert.equal((await api.call('POST', '/v1/campaigns', { organisation: orgA, surveyId: 'fixture', contentVersion: '1.0.0', opensAt: clock.t }, structureA)).status, 403);
        assert.equal((await api.call('POST', '/v1/keys', { role: 'admin', label: 'me' }, structureA)).status, 403);
        assert.equal((await api.call('GET', '/v1/audit', undefined, structureA)).status, 403);
      });

      test('a territory key sees the rows of its department or region only', async () => {
        const dep35 = await exported(territory35);
        assert.ok(dep35.includes(sessionA) && dep35.includes(sessionB));
        assert.ok(!dep35.includes(sessionParis));
        assert.deepEqual(await exported(territory35, '&territory=dep:75'), [], 'a filter cannot widen the scope');
        const idf = await exported(region11);
        assert.ok(idf.includes(sessionParis) && !idf.includes(sessionA));
        assert.equal((await api.call('GET', `/v1/sessions/${sessionParis}`, undefined, territory35)).status, 403);
        assert.equal((await api.call('GET', `/v1/sessions/${sessionParis}`, undefined, region11)).status, 200);
        assert.equal((await api.call('DELETE', `/v1/sessions/${sessionParis}`, undefined, region11)).status, 403);
        const counts = await api.call('GET', `/v1/campaigns/${campaignB}/progress`, undefined, territory35);
        assert.deepEqual([counts.status, counts.body.participants], [200, []], 'its territory\'s campaign: counts only');
        assert.equal((await api.call('GET', `/v1/campaigns/${campaignB}/progress`, undefined, region11)).status, 403);
      });

      test("a scoped key's report holds the national figures and only its own domain, counts only under 100 respondents", async () => {
        // One survey named: the store may hold other contract suites' surveys (a database kept between runs).
        const reply = await api.call('GET', '/v1/report?survey=fixture', undefined, structureA);
        assert.equal(reply.status, 200, reply.text);
        assert.deepEqual(reply.body.focus, { kind: 'organisation', code: orgA, n: 1, status: 'too_few_respondents', minimum: 100 });
        assert.deepEqual(reply.body.domains.map((d: { kind: string; code: string }) => `${d.kind}:${d.code}`), [`organisation:${orgA}`]);
        const territory = await api.call('GET', '/v1/report?survey=fixture&territory=dep:75', undefined, territory35);
        assert.equal(territory.body.focus.code, '35', 'its own territory, whatever it asks');
        assert.ok(territory.body.domains.every((d: { kind: string; code: string }) => d.kind === 'department' && d.code === '35'));
      });

      test('a revoked key, an unknown key and no key are refused everywhere', async () => {
        const made = await key({ role: 'structure', organisation: orgA });
        assert.equal((await api.call('GET', '/v1/export?format=json', undefined, made.key)).status, 200);
        assert.equal((await api.call('DELETE', `/v1/keys/${made.id}`, undefined, ADMIN)).status, 204);
        for (const path of ['/v1/export?format=json', `/v1/sessions/${sessionA}`, `/v1/campaigns/${campaignA}/progress`, '/v1/report']) {
          const revoked = await api.call('GET', path, undefined, made.key);
          assert.equal(revoked.status, 403, path);
          assert.equal(revoked.body.error, 'key_revoked', path);
          const unknown = await api.call('GET', path, undefined, `obs_${secret()}`);
          assert.equal(unknown.status, 403, path);
          assert.equal(unknown.body.error, 'forbidden', path);
          assert.equal((await api.call('GET', path)).status, 401, path);
        }
        const listed = await api.call('GET', '/v1/keys', undefined, ADMIN);
        const entry = listed.body.find((k: { id: string }) => k.id === made.id);
        assert.equal(entry.revokedAt, clock.t);
        assert.ok(listed.body.every((k: Record<string, unknown>) => !('key' in k) && !('keyHash' in k)), 'neither the key nor its hash is listed');
        assert.equal((await api.call('DELETE', '/v1/keys/key_nothere', undefined, ADMIN)).status, 404);
      });

      test('an API key is stored hashed: the store never holds it', async () => {
        const made = await key({ role: 'admin' });
        const stored = await store.structures.listApiKeys();
        const record = stored.find((k) => k.id === made.id)!;
        assert.match(record.keyHash, /^[0-9a-f]{64}$/);
        assert.ok(!JSON.stringify(stored).includes(made.key));
        assert.equal((await api.call('GET', '/v1/audit?limit=1', undefined, made.key)).status, 200, 'an admin key is as good as the admin token');
      });

      test('a key with the wrong scope fields is refused, naming them', async () => {
        for (const [body, path] of [
          [{ role: 'structure' }, 'organisation'],
          [{ role: 'territory' }, 'territory'],
          [{ role: 'territory', territory: 'epci:243500139' }, 'territory'],
          [{ role: 'admin', organisation: orgA }, 'organisation'],
        ] as const) {
          const reply = await api.call('POST', '/v1/keys', { label: 'x', ...body }, ADMIN);
          assert.equal(reply.status, 400, JSON.stringify(body));
          assert.equal(reply.body.issues[0].path, path);
        }
        const unknown = await api.call('POST', '/v1/keys', { label: 'x', role: 'structure', organisation: 'nobody-here' }, ADMIN);
        assert.equal(unknown.status, 404);
        assert.equal(unknown.body.error, 'organisation_unknown');
      });

      test('every export, by every key, streamed or paged, is in the audit log with who and how many rows', async () => {
        const mark = (await api.call('GET', '/v1/audit?limit=1', undefined, ADMIN)).body[0];
        await exported(structureA);
        await exported(territory35, '&limit=1');
        await api.call('GET', '/v1/export?format=csv', undefined, ADMIN);
        const erased = await session({ campaign: campaignA });
        assert.equal((await api.call('DELETE', `/v1/sessions/${erased}`, undefined, ADMIN)).status, 204);
        const log = (await api.call('GET', '/v1/audit?limit=20', undefined, ADMIN)).body as { at: number; actor: string; action: string; target: string | null; rows: number | null }[];
        const since = log.slice(0, log.findIndex((e) => JSON.stringify(e) === JSON.stringify(mark)));
        const keysById = new Map((await store.structures.listApiKeys()).map((k) => [k.id, k]));
        const rows = since.reverse().map((e) => [e.action, e.actor === 'admin-token' ? 'admin' : keysById.get(e.actor)?.role, e.rows]);
        assert.deepEqual(rows.slice(0, 3), [
          ['export', 'structure', 1],
          ['export', 'territory', 1],
          ['export', 'admin', rows[2]![2]],
        ]);
        assert.ok((rows[2]![2] as number) >= 3);
        assert.deepEqual(rows.at(-1), ['erase', 'admin', null]);
        assert.ok(since.every((e) => e.at === clock.t));
      });

      test('the audit log pages with X-Next-Cursor', async () => {
        const first = await api.call('GET', '/v1/audit?limit=2', undefined, ADMIN);
        const cursor = first.headers.get('x-next-cursor');
        assert.ok(cursor);
        const second = await api.call('GET', `/v1/audit?limit=2&before=${cursor}`, undefined, ADMIN);
        assert.equal(second.body.length, 2);
        assert.notDeepEqual(second.body, first.body);
        assert.equal((await api.call('GET', '/v1/audit?limit=0', undefined, ADMIN)).status, 400);
      });
    });
  });
}
