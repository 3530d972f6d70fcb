/**
 * Group commit of answers (docs/collector.md, "Performance"), run over PGlite (`pglite.test.ts`) and
 * PostgreSQL (`postgres/postgres.pg-test.ts`): answers posted at once, which the SQL store writes
 * in shared statements, are each stored exactly once, a row the database refuses does not take its
 * batch down with it, and each session's answers keep the order they were posted in.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../src/app.js';
import { SessionGoneError } from '../src/store/errors.js';
import type { AnswerRecord, Store } from '../src/store/types.js';
import { ALL_CHALLENGES, definition, questionnaireAnswers, rightAnswer } from './fixture.js';
import { ADMIN, client, secret, uid } from './helpers.js';

export function batchSuite(name: string, openStore: () => Promise<Store>, closeStore: (store: Store) => Promise<void> = (s) => s.close()): void {
  describe(`answers written together over ${name}`, () => {
    let store: Store;
    let api: ReturnType<typeof client>;
    // Each request sees a later millisecond, so the order answers were received in is known.
    let t = Date.UTC(2025, 4, 12, 9, 30);
    const now = () => ++t;

    before(async () => {
      store = await openStore();
      api = client(createApp({ store, definitions: [definition], adminToken: ADMIN, rateLimit: false, now }));
    });
    after(() => closeStore(store));

    async function openSession() {
      const sessionId = uid('batch');
      const token = secret();
      const created = await api.call('POST', '/v1/sessions', { surveyId: 'fixture', contentVersion: '1.0.0', device: 'tablet', lang: 'fr', sessionId, token, startedAt: t });
      assert.equal(created.status, 201, created.text);
      const put = await api.call('PUT', `/v1/sessions/${sessionId}/questionnaire`, { answers: questionnaireAnswers, filledByMediator: false, validatedAt: t }, token);
      assert.equal(put.status, 201, put.text);
      return { sessionId, token };
    }

    function answer(challengeId: string) {
      return { answerId: uid('a'), challengeId, answer: rightAnswer(challengeId), actor: 'participant', startedAt: t, answeredAt: t + 5_000, durationMs: 5_000 };
    }

    const post = (s: { sessionId: string; token: string }, body: ReturnType<typeof answer>) =>
      api.call('POST', `/v1/sessions/${s.sessionId}/answers`, body, s.token);

    test('answers posted at once, each twice, are each stored exactly once', async () => {
      const sessions = await Promise.all(Array.from({ length: 12 }, openSession));
      const bodies = sessions.flatMap((s) => ALL_CHALLENGES.map((challengeId) => ({ s, body: answer(challengeId) })));
      // Every answer and its retry in flight together: 360 requests.
      const replies = await Promise.all([...bodies, ...bodies].map(({ s, body }) => post(s, body)));
      assert.ok(replies.every((r) => r.status === 201 || r.status === 200), replies.find((r) => r.status >= 300)?.text);
      assert.equal(replies.filter((r) => r.status === 201).length, bodies.length);
      for (const [i, { body }] of bodies.entries()) {
        const pair = [replies[i]!, replies[i + bodies.length]!];
        assert.deepEqual(pair.map((r) => r.status).sort(), [200, 201], `${body.challengeId}: one 201, one 200`);
        assert.deepEqual(pair[0]!.body, pair[1]!.body);
      }
      for (const s of sessions) {
        const data = await store.getSessionData(s.sessionId);
        assert.equal(data?.answers.length, ALL_CHALLENGES.length);
        assert.equal(new Set(data?.answers.map((a) => a.challengeId)).size, ALL_CHALLENGES.length);
      }
    });

    test('two answer ids for one challenge at once: one is stored, the other is a conflict', async () => {
      const s = await openSession();
      const replies = await Promise.all([post(s, answer('b1')), post(s, answer('b1')), post(s, answer('b2'))]);
      assert.deepEqual(replies.map((r) => r.status).sort(), [201, 201, 409]);
      assert.equal(replies.find((r) => r.status === 409)?.body.error, 'challenge_already_answered');
      assert.equal((await store.getSessionData(s.sessionId))?.answers.length, 2);
    });

    test('a row the database refuses does not lose the others written with it', async () => {
      const sessions = await Promise.all(Array.from({ length: 3 }, openSession));
      const record = (sessionId: string, challengeId: string, given: unknown = rightAnswer(challengeId)): AnswerRecord => ({
        sessionId, answerId: uid('a'), challengeId, answer: given as AnswerRecord['answer'], timedOut: false, status: 'ok', details: {},
        actor: 'participant', startedAt: t, answeredAt: t + 1_000, durationMs: 1_000, skippedRemaining: false, receivedAt: now(),
      });
      const good = sessions.flatMap((s) => ['m1', 'm2', 'm3'].map((challengeId) => record(s.sessionId, challengeId)));
      // U+0000 cannot be stored in jsonb: the statement holding this row fails (the app's text guard
      // refuses it before; the store must still not lose the rows beside it). Then a session that
      // does not exist, and a second answer to a challenge already answered.
      const bad = record(sessions[0]!.sessionId, 'b1', 'a\u0000b');
      const missing = record(uid('nowhere'), 'm1');
      const earlier = record(sessions[1]!.sessionId, 'b7');
      assert.equal((await store.addAnswer(earlier)).outcome, 'inserted');
      const conflicting = record(sessions[1]!.sessionId, 'b7');
      const all = [...good.slice(0, 4), bad, missing, ...good.slice(4), conflicting];
      const results = await Promise.allSettled(all.map((r) => store.addAnswer(r)));
      const outcome = (r: AnswerRecord) => results[all.indexOf(r)]!;
      for (const r of good) assert.deepEqual(outcome(r), { status: 'fulfilled', value: { outcome: 'inserted', record: r } });
      assert.equal(outcome(bad).status, 'rejected');
      const gone = outcome(missing);
      assert.ok(gone.status === 'rejected' && gone.reason instanceof SessionGoneError);
      assert.deepEqual(outcome(conflicting), { status: 'fulfilled', value: { outcome: 'conflict', record: earlier } });
      for (const s of sessions) {
        const stored = (await store.getSessionData(s.sessionId))?.answers.map((a) => a.answerId).sort();
        assert.deepEqual(stored, [earlier, ...good].filter((r) => r.sessionId === s.sessionId).map((r) => r.answerId).sort());
      }
    });

    test("each session's answers keep the order they were posted in, whatever else is written with them", async () => {
      const sessions = await Promise.all(Array.from({ length: 8 }, openSession));
      // Each session plays its challenges one after the other, in its own order; the sessions run at once.
      const orders = sessions.map((_, i) => [...ALL_CHALLENGES].sort((a, b) => ((a.charCodeAt(1) * (i + 3)) % 7) - ((b.charCodeAt(1) * (i + 3)) % 7) || a.localeCompare(b)));
      await Promise.all(
        sessions.map(async (s, i) => {
          for (const challengeId of orders[i]!) assert.equal((await post(s, answer(challengeId))).status, 201);
        }),
      );
      for (const [i, s] of sessions.entries()) {
        const results = await api.call('GET', `/v1/sessions/${s.sessionId}/results`, undefined, s.token);
        assert.deepEqual(results.body.answers.map((a: { challengeId: string }) => a.challengeId), orders[i]);
      }
    });
  });
}
