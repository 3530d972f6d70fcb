/**
 * External references, follow-up codes, refusals and the campaign in the export (docs/collector.md,
 * "Linking sessions", "Refusals"), written once and run against every store like `contract.ts`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { newFollowUpCode } from '@observatoire/core/api';
import { createApp } from '../src/app.js';
import type { Store } from '../src/store/types.js';
import { definition, questionnaireAnswers } from './fixture.js';
import { ADMIN, client, parseCsv, secret, uid } from './helpers.js';

const DAY = 86_400_000;

export function linksSuite(name: string, openStore: () => Promise<Store>, closeStore: (store: Store) => Promise<void> = (s) => s.close()): void {
  describe(`session links and refusals over ${name}`, () => {
    let store: Store;
    let api: ReturnType<typeof client>;
    const clock = { t: Date.UTC(2025, 9, 14, 9, 30) };

    before(async () => {
      store = await openStore();
      api = client(createApp({ store, definitions: [definition], adminToken: ADMIN, rateLimit: false, now: () => clock.t }));
    });
    after(() => closeStore(store));

    async function campaign(extra: Record<string, unknown> = {}): Promise<{ org: string; code: string }> {
      const org = (await api.call('POST', '/v1/organisations', { id: uid('org'), name: 'Centre social', commune: '35238' }, ADMIN)).body.id;
      const reply = await api.call('POST', '/v1/campaigns', { organisation: org, surveyId: 'fixture', contentVersion: '1.0.0', opensAt: clock.t - DAY, ...extra }, ADMIN);
      assert.equal(reply.status, 201, reply.text);
      return { org, code: reply.body.code };
    }

    async function session(extra: Record<string, unknown>): Promise<string> {
      const sessionId = uid('s');
      const token = secret();
      const created = await api.call('POST', '/v1/sessions', { surveyId: 'fixture', contentVersion: '1.0.0', device: 'tablet', lang: 'fr', sessionId, token, ...extra });
      assert.equal(created.status, 201, created.text);
      const put = await api.call('PUT', `/v1/sessions/${sessionId}/questionnaire`, { answers: questionnaireAnswers, filledByMediator: false, validatedAt: clock.t }, token);
      assert.equal(put.status, 201, put.text);
      return sessionId;
    }

    async function rows(path: string, format: 'csv' | 'json', key = ADMIN): Promise<Record<string, string>[]> {
      const reply = await api.call('GET', `${path}${path.includes('?') ? '&' : '?'}format=${format}`, undefined, key);
      assert.equal(reply.status, 200, reply.text);
      if (format === 'json') return reply.body;
      const [header, ...lines] = parseCsv(reply.text);
      return lines.map((cells) => Object.fromEntries(header!.map((column, i) => [column, cells[i] ?? ''])));
    }

    function refusal(extra: Record<string, unknown> = {}) {
      return { refusalId: uid('r'), surveyId: 'fixture', contentVersion: '1.0.0', reason: 'no_time', at: clock.t - 3_600_000, ...extra };
    }

    describe('external reference and follow-up code', () => {
      for (const format of ['csv', 'json'] as const)
        test(`stored with the session and exported (${format}), with its campaign`, async () => {
          const { code } = await campaign();
          const followUpCode = newFollowUpCode();
          const externalRef = `coop:beneficiaire/${uid('b')},"x"`;
          const id = await session({ externalRef, followUpCode, campaign: code });
          const row = (await rows('/v1/export', format)).find((r) => r['session_id'] === id)!;
          assert.equal(row['external_ref'], externalRef, 'a comma and quotes survive the CSV');
          assert.equal(row['follow_up_code'], followUpCode);
          assert.equal(row['campaign'], code);
          const stored = await store.getSession(id);
          assert.equal(stored?.externalRef, externalRef);
          assert.equal(stored?.followUpCode, followUpCode);
        });

      test('a session without them exports empty cells', async () => {
        const id = await session({});
        const row = (await rows('/v1/export', 'json')).find((r) => r['session_id'] === id)!;
        assert.deepEqual([row['external_ref'], row['follow_up_code'], row['campaign']], ['', '', '']);
      });

      test('two sessions given the same code share it in the export', async () => {
        const followUpCode = newFollowUpCode();
        const [a, b] = [await session({ followUpCode }), await session({ followUpCode })];
        const exported = (await rows('/v1/export', 'json')).filter((r) => r['follow_up_code'] === followUpCode).map((r) => r['session_id']);
        assert.deepEqual(exported.sort(), [a, b].sort());
      });

      const valid = newFollowUpCode();
      const typo = valid.slice(0, -1) + (valid.endsWith('A') ? 'B' : 'A');
      const bad: [string, Record<string, unknown>, string][] = [
        ['an external reference over 128 characters', { externalRef: 'x'.repeat(129) }, 'externalRef'],
        ['an empty external reference', { externalRef: '' }, 'externalRef'],
        ['an external reference with a space', { externalRef: 'a b' }, 'externalRef'],
        ['a follow-up code with a wrong check character', { followUpCode: typo }, 'followUpCode'],
        ['a follow-up code not in its printed form', { followUpCode: valid.replace('-', '').toLowerCase() }, 'followUpCode'],
      ];
      for (const [why, extra, path] of bad)
        test(`refused with invalid_request: ${why}`, async () => {
          const reply = await api.call('POST', '/v1/sessions', { surveyId: 'fixture', contentVersion: '1.0.0', device: 'tablet', lang: 'fr', sessionId: uid('s'), token: secret(), ...extra });
          assert.equal(reply.status, 400, reply.text);
          assert.equal(reply.body.error, 'invalid_request');
          assert.equal(reply.body.issues[0].path, path);
        });
    });

    describe('refusals', () => {
      test('recorded once by its id, exported with the day only (csv and json)', async () => {
        const body = refusal({ reason: 'language', organisation: 'mediatheque' });
        const first = await api.call('POST', '/v1/refusals', body);
        assert.equal(first.status, 201, first.text);
        assert.deepEqual(first.body, { refusalId: body.refusalId, reason: 'language' });
        const again = await api.call('POST', '/v1/refusals', body);
        assert.equal(again.status, 200);
        for (const format of ['csv', 'json'] as const) {
          const found = (await rows('/v1/export/refusals', format)).filter((r) => r['refusal_id'] === body.refusalId);
          assert.deepEqual(found, [{
            refusal_id: body.refusalId, survey_id: 'fixture', content_version: '1.0.0', organisation: 'mediatheque', campaign: '', reason: 'language', offered_on: '2025-10-14',
          }]);
        }
      });

      test('a campaign\'s refusal belongs to its organisation, and its structure key reads it', async () => {
        const { org, code } = await campaign();
        const body = refusal({ campaign: code.toLowerCase(), organisation: 'whatever' });
        assert.equal((await api.call('POST', '/v1/refusals', body)).status, 201);
        const key = (await api.call('POST', '/v1/keys', { label: 't', role: 'structure', organisation: org }, ADMIN)).body.key;
        const seen = await rows('/v1/export/refusals', 'json', key);
        assert.deepEqual(seen.map((r) => [r['refusal_id'], r['organisation'], r['campaign']]), [[body.refusalId, org, code]]);
      });

      const refused: [string, () => Promise<Record<string, unknown>>, number, string][] = [
        ['an unknown reason', async () => refusal({ reason: 'busy' }), 400, 'invalid_request'],
        ['an unknown survey version', async () => refusal({ contentVersion: '9' }), 400, 'invalid_request'],
        ['an unknown campaign', async () => refusal({ campaign: 'ZZZ-999' }), 404, 'campaign_unknown'],
        ['a closed campaign', async () => refusal({ campaign: (await campaign({ opensAt: clock.t - 2 * DAY, closesAt: clock.t - DAY })).code }), 409, 'campaign_closed'],
        ['no reason', async () => ({ ...refusal(), reason: undefined }), 400, 'invalid_request'],
      ];
      for (const [why, body, status, code] of refused)
        test(`refused: ${why}`, async () => {
          const reply = await api.call('POST', '/v1/refusals', await body());
          assert.equal(reply.status, status, reply.text);
          assert.equal(reply.body.error, code);
        });

      test('the export of refusals needs a key and is audited', async () => {
        assert.equal((await api.call('GET', '/v1/export/refusals')).status, 401);
        await rows('/v1/export/refusals', 'csv');
        const audit = await api.call('GET', '/v1/audit?limit=5', undefined, ADMIN);
        assert.ok(audit.body.some((entry: { action: string }) => entry.action === 'refusals_export'), audit.text);
      });

      test('counted in the report\'s sample description, by reason', async () => {
        // One survey named: the store may hold other contract suites' surveys (a database kept between runs).
        const before = (await api.call('GET', '/v1/report?survey=fixture', undefined, ADMIN)).body.sessions.offered;
        await api.call('POST', '/v1/refusals', refusal({ reason: 'health_disability' }));
        await session({});
        const report = await api.call('GET', '/v1/report?survey=fixture', undefined, ADMIN);
        assert.equal(report.status, 200, report.text);
        const offered = report.body.sessions.offered;
        assert.equal(offered.byReason.health_disability, before.byReason.health_disability + 1);
        assert.equal(offered.refused, before.refused + 1);
        assert.equal(offered.offered, before.offered + 2);
      });
    });
  });
}
