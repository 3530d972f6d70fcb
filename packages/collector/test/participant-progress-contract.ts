/**
 * A structure's participant progress over its campaigns (docs/collector.md, "Organisations and campaigns";
 * docs/dashboard.md): progress pages with a cursor, stages, `ETag` / `If-None-Match`, and who may
 * read what (structure, territory, revoked, none). Written once, run against every store.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CampaignProgress, ParticipantResults } from '@observatoire/core/api';
import { createApp } from '../src/app.js';
import type { Store } from '../src/store/types.js';
import { definition, questionnaireAnswers, rightAnswer } from './fixture.js';
import { ADMIN, client, secret, uid } from './helpers.js';

const DAY = 86_400_000;

export function participantProgressSuite(name: string, openStore: () => Promise<Store>, closeStore: (store: Store) => Promise<void> = (s) => s.close()): void {
  describe(`a structure follows its campaigns over ${name}`, () => {
    let store: Store;
    let api: ReturnType<typeof client>;
    const clock = { t: Date.UTC(2025, 4, 12, 9, 30) };
    let org: string;
    let code: string;
    let otherCode: string;
    let parisCode: string;
    let structure: string;
    const ids: string[] = [];
    const tokens = new Map<string, string>();

    before(async () => {
      store = await openStore();
      api = client(createApp({ store, definitions: [definition], adminToken: ADMIN, rateLimit: false, now: () => clock.t }));
      const made = async (commune: string) => {
        const id = uid('org');
        assert.equal((await api.call('POST', '/v1/organisations', { id, name: 'Médiathèque', commune }, ADMIN)).status, 201);
        const campaign = await api.call('POST', '/v1/campaigns', { organisation: id, surveyId: 'fixture', contentVersion: '1.0.0', opensAt: clock.t - DAY, target: 5 }, ADMIN);
        assert.equal(campaign.status, 201, campaign.text);
        return { id, code: campaign.body.code as string };
      };
      ({ id: org, code } = await made('35360'));
      otherCode = (await made('35238')).code;
      parisCode = (await made('75056')).code;
      structure = (await api.call('POST', '/v1/keys', { role: 'structure', organisation: org, label: 'accueil' }, ADMIN)).body.key;
      // Five participants, one at each stage (and one more in progress).
      for (let i = 0; i < 5; i++) {
        const sessionId = uid('s');
        const token = secret();
        clock.t += 1000;
        const created = await api.call('POST', '/v1/sessions', { surveyId: 'fixture', contentVersion: '1.0.0', device: 'tablet', lang: 'fr', sessionId, token, campaign: code });
        assert.equal(created.status, 201, created.text);
        ids.push(sessionId);
        tokens.set(sessionId, token);
      }
      const [, validated, reached, finished, left] = ids as [string, string, string, string, string];
      for (const id of [validated, reached, finished, left])
        assert.equal((await api.call('PUT', `/v1/sessions/${id}/questionnaire`, { answers: questionnaireAnswers, filledByMediator: false, validatedAt: clock.t }, tokens.get(id))).status, 201);
      for (const id of [reached, finished, left]) await answer(id, 'm1', '2');
      for (const id of [finished, left]) for (const challenge of ['m2', 'm3']) await answer(id, challenge, rightAnswer(challenge));
      await event(left, 'quit');
      await event(finished, 'finished');
    });
    after(() => closeStore(store));

    async function answer(sessionId: string, challengeId: string, given: string | null) {
      const body = { answerId: uid('a'), challengeId, answer: given, actor: 'participant', startedAt: clock.t, answeredAt: clock.t + 20_000, durationMs: 20_000 };
      const reply = await api.call('POST', `/v1/sessions/${sessionId}/answers`, body, tokens.get(sessionId));
      assert.equal(reply.status, 201, reply.text);
    }

    async function event(sessionId: string, type: string) {
      const reply = await api.call('POST', `/v1/sessions/${sessionId}/events`, { eventId: uid('e'), type, at: clock.t + 60_000, actor: 'participant', courseId: 'manipulation' }, tokens.get(sessionId));
      assert.equal(reply.status, 201, reply.text);
    }

    test('the progress answers the documented schema: counts of the whole campaign and each participant at its stage', async () => {
      const reply = await api.call('GET', `/v1/campaigns/${code}/progress`, undefined, structure);
      assert.equal(reply.status, 200, reply.text);
      const progress = CampaignProgress.parse(reply.body);
      assert.deepEqual(progress.counts, { started: 5, questionnaireValidated: 4, courseReached: 3, completed: 1, quit: 1, inProgress: 3 });
      assert.deepEqual(
        progress.participants.map((p) => [p.sessionId, p.stage]),
        [[ids[0], 'started'], [ids[1], 'questionnaire_validated'], [ids[2], 'course_reached'], [ids[3], 'finished'], [ids[4], 'left']],
      );
      assert.equal(progress.next, null);
      assert.equal(progress.campaign.target, 5);
      assert.deepEqual(progress.participants[3]?.courses[0], {
        courseId: 'manipulation',
        status: 'ended',
        successRate: 1,
        challenges: ['m1', 'm2', 'm3'].map((challengeId) => ({ challengeId, status: 'ok' })),
      });
    });

    test('pages follow the cursor: every participant once, counts always of the whole campaign', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const reply = await api.call('GET', `/v1/campaigns/${code}/progress?limit=2${after ? `&after=${after}` : ''}`, undefined, structure);
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.body.counts.started, 5);
        assert.ok(reply.body.participants.length <= 2);
        seen.push(...reply.body.participants.map((p: { sessionId: string }) => p.sessionId));
        after = reply.body.next;
        pages += 1;
      } while (after);
      assert.deepEqual(seen, ids);
      assert.equal(pages, 3);
    });

    for (const [query, path] of [
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['limit=two', 'limit'],
      ['after=not-a-cursor', 'after'],
    ] as const) {
      test(`a bad page (${query}) is 400 naming ${path}`, async () => {
        const reply = await api.call('GET', `/v1/campaigns/${code}/progress?${query}`, undefined, structure);
        assert.equal(reply.status, 400, reply.text);
        assert.deepEqual(reply.body.issues.map((i: { path: string }) => i.path), [path]);
      });
    }

    test('the same progress again with its ETag is 304 without a body; a new answer changes it', async () => {
      const first = await api.call('GET', `/v1/campaigns/${code}/progress`, undefined, structure);
      const etag = first.headers.get('etag');
      assert.match(etag ?? '', /^W\/"[\w-]{43}"$/);
      const again = await api.call('GET', `/v1/campaigns/${code}/progress`, undefined, structure, { 'If-None-Match': etag! });
      assert.equal(again.status, 304);
      assert.equal(again.text, '');
      await answer(ids[2]!, 'm2', '1');
      const changed = await api.call('GET', `/v1/campaigns/${code}/progress`, undefined, structure, { 'If-None-Match': etag! });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.headers.get('etag'), etag);
    });

    test("a participant's results answer the documented schema, pseudonymous", async () => {
      const reply = await api.call('GET', `/v1/sessions/${ids[3]}`, undefined, structure);
      assert.equal(reply.status, 200, reply.text);
      const results = ParticipantResults.parse(reply.body);
      assert.equal(results.endReason, 'completed');
      assert.deepEqual(results.answers.map((a) => a.challengeId), ['m1', 'm2', 'm3']);
      assert.ok(!('questionnaire' in reply.body) && !JSON.stringify(reply.body).includes('1958'), 'no questionnaire answer');
    });

    test("a structure key follows no other organisation's campaign, known or not, and lists only its own", async () => {
      const other = await api.call('GET', `/v1/campaigns/${otherCode}/progress`, undefined, structure);
      const unknown = await api.call('GET', '/v1/campaigns/ZZZ-999/progress', undefined, structure);
      assert.equal(other.status, 403);
      assert.deepEqual(other.body, unknown.body);
      assert.deepEqual((await api.call('GET', '/v1/campaigns', undefined, structure)).body.map((c: { code: string }) => c.code), [code]);
    });

    test('a territory key lists the campaigns of its territory and reads their counts only', async () => {
      const dep35 = (await api.call('POST', '/v1/keys', { role: 'territory', territory: 'dep:35', label: 'département' }, ADMIN)).body.key;
      const bretagne = (await api.call('POST', '/v1/keys', { role: 'territory', territory: 'region:53', label: 'région' }, ADMIN)).body.key;
      for (const key of [dep35, bretagne]) {
        const listed = (await api.call('GET', '/v1/campaigns', undefined, key)).body.map((c: { code: string }) => c.code);
        assert.ok(listed.includes(code) && listed.includes(otherCode), 'its campaigns');
        assert.ok(!listed.includes(parisCode), 'not another territory\'s');
        const progress = await api.call('GET', `/v1/campaigns/${code}/progress`, undefined, key);
        assert.equal(progress.status, 200, progress.text);
        assert.equal(progress.body.counts.started, 5);
        assert.deepEqual(progress.body.participants, [], 'no participant: aggregated figures only');
        assert.equal((await api.call('GET', `/v1/campaigns/${parisCode}/progress`, undefined, key)).status, 403);
      }
    });

    test('a revoked key, an unknown key and no key follow nothing', async () => {
      const made = (await api.call('POST', '/v1/keys', { role: 'structure', organisation: org, label: 'éphémère' }, ADMIN)).body;
      assert.equal((await api.call('DELETE', `/v1/keys/${made.id}`, undefined, ADMIN)).status, 204);
      for (const path of [`/v1/campaigns/${code}/progress`, '/v1/campaigns']) {
        const revoked = await api.call('GET', path, undefined, made.key);
        assert.equal(revoked.status, 403, path);
        assert.equal(revoked.body.error, 'key_revoked');
        assert.equal((await api.call('GET', path, undefined, `obs_${secret()}`)).body.error, 'forbidden', path);
        assert.equal((await api.call('GET', path)).status, 401, path);
      }
    });
  });
}
