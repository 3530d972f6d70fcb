/**
 * The paper channel and prefilled answers, written once and run against every store (memory,
 * PGlite, PostgreSQL): `channel`, `paper_date` and `prefilled` are stored and exported, bad values
 * refused with typed errors (docs/collector.md, "Paper channel and prefilled answers").
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../src/app.js';
import type { Store } from '../src/store/types.js';
import { definition, questionnaireAnswers } from './fixture.js';
import { ADMIN, client, secret, uid } from './helpers.js';

export function paperContractSuite(name: string, openStore: () => Promise<Store>, closeStore: (store: Store) => Promise<void> = (s) => s.close()): void {
  describe(`paper channel and prefilled answers over ${name}`, () => {
    let store: Store;
    let api: ReturnType<typeof client>;
    const now = Date.UTC(2025, 4, 12, 9, 30);

    before(async () => {
      store = await openStore();
      const app = createApp({ store, definitions: [definition], adminToken: ADMIN, rateLimit: false, now: () => now });
      api = client(app);
    });
    after(() => closeStore(store));

    async function create(extra: Record<string, unknown>) {
      const sessionId = uid('s');
      const token = secret();
      const reply = await api.call('POST', '/v1/sessions', { surveyId: 'fixture', contentVersion: '1.0.0', device: 'desktop', lang: 'fr', sessionId, token, ...extra });
      return { sessionId, token, reply };
    }

    function putQuestionnaire(s: { sessionId: string; token: string }, extra: Record<string, unknown> = {}) {
      return api.call('PUT', `/v1/sessions/${s.sessionId}/questionnaire`, { answers: questionnaireAnswers, filledByMediator: true, validatedAt: now, ...extra }, s.token);
    }

    async function exportRow(sessionId: string): Promise<Record<string, string>> {
      const reply = await api.call('GET', '/v1/export?format=json', undefined, ADMIN);
      assert.equal(reply.status, 200, reply.text);
      const row = (reply.body as Record<string, string>[]).find((r) => r['session_id'] === sessionId);
      assert.ok(row, 'the session is in the export');
      return row;
    }

    test('a paper form typed in by a mediator reaches the export with channel=paper and its date, and takes no answer', async () => {
      const s = await create({ channel: 'paper', paperDate: '2025-05-09' });
      assert.equal(s.reply.status, 201, s.reply.text);
      assert.equal((await putQuestionnaire(s)).status, 201);
      const answer = await api.call(
        'POST',
        `/v1/sessions/${s.sessionId}/answers`,
        { answerId: uid('a'), challengeId: 'm1', answer: '2', actor: 'mediator', startedAt: now, answeredAt: now + 1000, durationMs: 1000 },
        s.token,
      );
      assert.equal(answer.status, 409);
      assert.equal(answer.body.error, 'paper_session');
      const finished = await api.call('POST', `/v1/sessions/${s.sessionId}/events`, { eventId: uid('e'), type: 'finished', at: now, actor: 'mediator' }, s.token);
      assert.equal(finished.status, 201, finished.text);
      const row = await exportRow(s.sessionId);
      assert.deepEqual([row['channel'], row['paper_date'], row['filled_by_mediator'], row['end_reason'], row['course1_status']], ['paper', '2025-05-09', '1', 'completed', 'not_reached']);
    });

    test('an online session is exported with channel=online and no paper date', async () => {
      const s = await create({});
      assert.equal(s.reply.status, 201);
      assert.equal((await store.getSession(s.sessionId))?.channel, 'online');
      const row = await exportRow(s.sessionId);
      assert.deepEqual([row['channel'], row['paper_date'], row['prefilled']], ['online', '', '']);
    });

    const badSessions: [string, Record<string, unknown>, string][] = [
      ['an unknown channel', { channel: 'phone' }, 'channel'],
      ['a paper form without its date', { channel: 'paper' }, 'paperDate'],
      ['a date without the paper channel', { paperDate: '2025-05-09' }, 'paperDate'],
      ['a date not written YYYY-MM-DD', { channel: 'paper', paperDate: '09/05/2025' }, 'paperDate'],
      ['an impossible date', { channel: 'paper', paperDate: '2025-02-30' }, 'paperDate'],
      ['a date after the day of entry', { channel: 'paper', paperDate: '2025-05-20' }, 'paperDate'],
    ];
    for (const [label, extra, path] of badSessions)
      test(`a session with ${label} is refused, naming ${path}, and nothing is stored`, async () => {
        const s = await create(extra);
        assert.equal(s.reply.status, 400, s.reply.text);
        assert.equal(s.reply.body.error, 'invalid_request');
        assert.deepEqual(s.reply.body.issues.map((i: { path: string }) => i.path), [path]);
        assert.equal(await store.getSession(s.sessionId), null);
      });

    test('prefilled ids are stored with the questionnaire and exported joined by |', async () => {
      const s = await create({});
      const put = await putQuestionnaire(s, { prefilled: ['genre', 'commune'] });
      assert.equal(put.status, 201, put.text);
      assert.deepEqual((await store.getSessionData(s.sessionId))?.questionnaire?.prefilled, ['genre', 'commune']);
      assert.equal((await exportRow(s.sessionId))['prefilled'], 'genre|commune');
    });

    const badPrefilled: [string, unknown, string][] = [
      ['an id without an answer', ['genre', 'remarque'], 'prefilled[1]'],
      ['an id named twice', ['genre', 'genre'], 'prefilled[1]'],
      ['an id that is not an id', ['ge nre'], 'prefilled[0]'],
      ['not a list', 'genre', 'prefilled'],
    ];
    for (const [label, prefilled, path] of badPrefilled)
      test(`a questionnaire whose prefilled list has ${label} is refused, naming ${path}, and can be sent again`, async () => {
        const s = await create({});
        const put = await putQuestionnaire(s, { prefilled });
        assert.equal(put.status, 400, put.text);
        assert.equal(put.body.error, 'invalid_request');
        assert.deepEqual(put.body.issues.map((i: { path: string }) => i.path), [path]);
        assert.equal((await putQuestionnaire(s, { prefilled: ['genre'] })).status, 201, 'nothing was stored by the refused one');
      });
  });
}
