/**
 * The collector's contract, written once and run against every store (memory, PGlite,
 * PostgreSQL): the whole API over `createApp`, so each adapter is held to the same behaviour.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../src/app.js';
import { MAX_EVENTS_PER_SESSION } from '../src/limits.js';
import type { Store } from '../src/store/types.js';
import { ALL_CHALLENGES, COURSES, definition, questionnaireAnswers, rightAnswer } from './fixture.js';
import { ADMIN, client, parseCsv, secret, uid } from './helpers.js';

export function contractSuite(name: string, openStore: () => Promise<Store>, closeStore: (store: Store) => Promise<void> = (s) => s.close()): void {
  describe(`collector contract over ${name}`, () => {
    let store: Store;
    let api: ReturnType<typeof client>;
    const clock = { t: Date.UTC(2025, 4, 12, 9, 30) };

    before(async () => {
      store = await openStore();
      const app = createApp({ store, definitions: [definition], adminToken: ADMIN, allowedOrigins: ['https://host.example'], rateLimit: false, maxBodyBytes: 16 * 1024, now: () => clock.t });
      api = client(app);
    });
    after(() => closeStore(store));

    async function newSession(extra: Record<string, unknown> = {}) {
      const sessionId = uid('s');
      const token = secret();
      const reply = await api.call('POST', '/v1/sessions', { surveyId: 'fixture', contentVersion: '1.0.0', device: 'tablet', lang: 'fr', sessionId, token, ...extra });
      assert.equal(reply.status, 201, reply.text);
      return { sessionId, token };
    }

    async function withQuestionnaire(answers: Record<string, unknown> = questionnaireAnswers, extra: Record<string, unknown> = {}) {
      const s = await newSession(extra);
      const put = await api.call('PUT', `/v1/sessions/${s.sessionId}/questionnaire`, { answers, filledByMediator: false, validatedAt: clock.t }, s.token);
      assert.equal(put.status, 201, put.text);
      return s;
    }

    function answer(challengeId: string, given: unknown, extra: Record<string, unknown> = {}) {
      return { answerId: uid('a'), challengeId, answer: given, actor: 'participant', startedAt: clock.t, answeredAt: clock.t + 20_000, durationMs: 20_000, ...extra };
    }

    function event(type: string, extra: Record<string, unknown> = {}) {
      return { eventId: uid('e'), type, at: clock.t, actor: 'participant', ...extra };
    }

    async function exportRows(format: 'csv' | 'json', sessionIds: string[]): Promise<Record<string, string>[]> {
      const reply = await api.call('GET', `/v1/export?format=${format}`, undefined, ADMIN);
      assert.equal(reply.status, 200, reply.text);
      let rows: Record<string, string>[];
      if (format === 'json') rows = reply.body;
      else {
        const [header, ...lines] = parseCsv(reply.text);
        rows = lines.map((cells) => Object.fromEntries(header!.map((column, i) => [column, cells[i] ?? ''])));
      }
      return rows.filter((row) => sessionIds.includes(row['session_id']!));
    }

    describe('sessions', () => {
      test('a client-made session is created once; the same id and token again gives the same result', async () => {
        const sessionId = uid('s');
        const token = secret();
        const body = { surveyId: 'fixture', contentVersion: '1.0.0', device: 'mobile', lang: 'en', sessionId, token };
        const first = await api.call('POST', '/v1/sessions', body);
        assert.equal(first.status, 201);
        assert.deepEqual(first.body, { sessionId, token });
        const again = await api.call('POST', '/v1/sessions', body);
        assert.equal(again.status, 200);
        assert.deepEqual(again.body, { sessionId, token });
      });

      test('the same session id with another token is a conflict', async () => {
        const { sessionId } = await newSession();
        const other = await api.call('POST', '/v1/sessions', { surveyId: 'fixture', contentVersion: '1.0.0', device: 'mobile', lang: 'fr', sessionId, token: secret() });
        assert.equal(other.status, 409);
        assert.equal(other.body.error, 'session_exists');
      });

      test('without ids the server makes the session id and a token of at least 32 characters', async () => {
        const reply = await api.call('POST', '/v1/sessions', { surveyId: 'fixture', contentVersion: '1.0.0', device: 'desktop', lang: 'fr' });
        assert.equal(reply.status, 201);
        assert.ok(reply.body.token.length >= 32);
        const results = await api.call('GET', `/v1/sessions/${reply.body.sessionId}/results`, undefined, reply.body.token);
        assert.equal(results.status, 200);
      });

      test('an unknown survey id or version is refused, naming it', async () => {
        const reply = await api.call('POST', '/v1/sessions', { surveyId: 'fixture', contentVersion: '9.9.9', device: 'mobile', lang: 'fr' });
        assert.equal(reply.status, 400);
        assert.equal(reply.body.error, 'invalid_request');
        assert.match(reply.body.issues[0].message, /unknown survey "fixture" version "9\.9\.9"/);
      });

      test('wrong types are refused with the path of each problem', async () => {
        const reply = await api.call('POST', '/v1/sessions', { surveyId: 42, contentVersion: '1.0.0', device: 'phone', lang: 'de', token: 'short' });
        assert.equal(reply.status, 400);
        const paths = reply.body.issues.map((i: { path: string }) => i.path).sort();
        assert.deepEqual(paths, ['device', 'lang', 'surveyId', 'token']);
        assert.match(reply.body.issues.find((i: { path: string }) => i.path === 'surveyId').message, /must be a string, not a number/);
      });

      test('a body that is not JSON is refused', async () => {
        const reply = await api.call('POST', '/v1/sessions', '{"surveyId": ');
        assert.equal(reply.status, 400);
        assert.deepEqual(reply.body.issues, [{ path: '', message: 'the body must be JSON' }]);
      });

      test('a client-made session id without its token is refused', async () => {
        const reply = await api.call('POST', '/v1/sessions', { surveyId: 'fixture', contentVersion: '1.0.0', device: 'mobile', lang: 'fr', sessionId: uid('s') });
        assert.equal(reply.status, 400);
        assert.equal(reply.body.issues[0].path, 'token');
      });
    });

    describe('questionnaire', () => {
      test('is stored once; a second put is 409 questionnaire_already_validated', async () => {
        const s = await withQuestionnaire();
        const again = await api.call('PUT', `/v1/sessions/${s.sessionId}/questionnaire`, { answers: questionnaireAnswers, filledByMediator: true, validatedAt: clock.t }, s.token);
        assert.equal(again.status, 409);
        assert.equal(again.body.error, 'questionnaire_already_validated');
        assert.match(again.body.message, /already validated/);
      });

      test('each answer is checked by the core; missing required answers are named', async () => {
        const s = await newSession();
        const reply = await api.call(
          'PUT',
          `/v1/sessions/${s.sessionId}/questionnaire`,
          { answers: { annee_naissance: 2999, genre: 'autre_chose', materiel: ['aucun', 'telephone'], inconnue: 'x' }, filledByMediator: false, validatedAt: clock.t },
          s.token,
        );
        assert.equal(reply.status, 400);
        const byPath = Object.fromEntries(reply.body.issues.map((i: { path: string; message: string }) => [i.path, i.message]));
        assert.match(byPath['answers.annee_naissance'], /not between 1900 and 2025/);
        assert.match(byPath['answers.genre'], /not one of/);
        assert.match(byPath['answers.materiel'], /ticked alone/);
        assert.match(byPath['answers.inconnue'], /unknown question/);
        assert.equal(byPath['answers.commune'], 'is required');
        assert.equal(byPath['answers.situation'], 'is required');
      });

      test('a wrong-shaped body is refused', async () => {
        const s = await newSession();
        const reply = await api.call('PUT', `/v1/sessions/${s.sessionId}/questionnaire`, { answers: [], filledByMediator: 'yes' }, s.token);
        assert.equal(reply.status, 400);
        const paths = reply.body.issues.map((i: { path: string }) => i.path).sort();
        assert.deepEqual(paths, ['answers', 'filledByMediator', 'validatedAt']);
      });
    });

    describe('answers', () => {
      test('the server checks each answer and stores its own verdict; a client-sent status is ignored', async () => {
        const s = await withQuestionnaire();
        const wrong = await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, { ...answer('m1', '3'), status: 'ok' }, s.token);
        assert.equal(wrong.status, 201);
        assert.equal(wrong.body.status, 'ko');
        const right = await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, { ...answer('c1', ' pariss '), status: 'ko' }, s.token);
        assert.equal(right.body.status, 'ok');
        const late = await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, answer('m2', '2', { timedOut: true }), s.token);
        assert.equal(late.body.status, 'timedout');
        // A challenge without a time limit cannot run out of time: the claim is refused, nothing stored.
        const claimed = await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, answer('m3', '2', { timedOut: true }), s.token);
        assert.equal(claimed.status, 400);
        assert.equal(claimed.body.error, 'invalid_request');
        assert.match(JSON.stringify(claimed.body), /timedOut/);
        const skipped = await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, answer('m3', null), s.token);
        assert.equal(skipped.body.status, 'aband');
        const results = await api.call('GET', `/v1/sessions/${s.sessionId}/results`, undefined, s.token);
        const statuses = Object.fromEntries(results.body.answers.map((a: { challengeId: string; status: string }) => [a.challengeId, a.status]));
        assert.deepEqual(statuses, { m1: 'ko', c1: 'ok', m2: 'timedout', m3: 'aband' });
      });

      test('the same answer id again returns the first result, once stored', async () => {
        const s = await withQuestionnaire();
        const body = answer('b1', '2');
        const first = await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, body, s.token);
        assert.equal(first.status, 201);
        const retry = await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, { ...body, answer: '1' }, s.token);
        assert.equal(retry.status, 200);
        assert.deepEqual(retry.body, first.body);
        const results = await api.call('GET', `/v1/sessions/${s.sessionId}/results`, undefined, s.token);
        assert.equal(results.body.answers.length, 1);
      });

      test('concurrent retries of one answer store it once', async () => {
        const s = await withQuestionnaire();
        const body = answer('b2', '2');
        const replies = await Promise.all(Array.from({ length: 8 }, () => api.call('POST', `/v1/sessions/${s.sessionId}/answers`, body, s.token)));
        assert.equal(replies.filter((r) => r.status === 201).length, 1);
        assert.ok(replies.every((r) => r.status === 201 || r.status === 200));
        const results = await api.call('GET', `/v1/sessions/${s.sessionId}/results`, undefined, s.token);
        assert.equal(results.body.answers.length, 1);
      });

      test('a second answer to the same challenge under another id is a conflict', async () => {
        const s = await withQuestionnaire();
        await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, answer('b3', '2'), s.token);
        const other = await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, answer('b3', '1'), s.token);
        assert.equal(other.status, 409);
        assert.equal(other.body.error, 'challenge_already_answered');
      });

      test('a session ended or erased through another instance takes no answer, whatever the first one remembers', async () => {
        const other = client(createApp({ store, definitions: [definition], adminToken: ADMIN, rateLimit: false, now: () => clock.t }));
        const ended = await withQuestionnaire();
        assert.equal((await api.call('POST', `/v1/sessions/${ended.sessionId}/answers`, answer('m1', '2'), ended.token)).status, 201);
        assert.equal((await other.call('POST', `/v1/sessions/${ended.sessionId}/events`, event('quit'), ended.token)).status, 201);
        const late = await api.call('POST', `/v1/sessions/${ended.sessionId}/answers`, answer('m2', '2'), ended.token);
        assert.equal(late.status, 409);
        assert.equal(late.body.error, 'session_finished');
        const erased = await withQuestionnaire();
        assert.equal((await api.call('POST', `/v1/sessions/${erased.sessionId}/answers`, answer('m1', '2'), erased.token)).status, 201);
        assert.equal((await other.call('DELETE', `/v1/sessions/${erased.sessionId}`, undefined, ADMIN)).status, 204);
        assert.equal((await api.call('POST', `/v1/sessions/${erased.sessionId}/answers`, answer('m2', '2'), erased.token)).status, 410);
        assert.equal(await store.getSessionData(erased.sessionId), null);
      });

      test('an unknown challenge is refused', async () => {
        const s = await withQuestionnaire();
        const reply = await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, answer('zz9', '2'), s.token);
        assert.equal(reply.status, 400);
        assert.equal(reply.body.issues[0].path, 'challengeId');
        assert.match(reply.body.issues[0].message, /unknown challenge "zz9"/);
      });

      test('an answer of the wrong shape for the challenge is refused', async () => {
        const s = await withQuestionnaire();
        const reply = await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, answer('m1', { r: '2' }), s.token);
        assert.equal(reply.status, 400);
        assert.equal(reply.body.issues[0].path, 'answer');
      });

      test('wrong types are refused with their paths', async () => {
        const s = await withQuestionnaire();
        const reply = await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, { answerId: '', challengeId: 'm1', answer: 2, actor: 'robot', startedAt: 'now', answeredAt: -1, durationMs: 1.5 }, s.token);
        assert.equal(reply.status, 400);
        const paths = reply.body.issues.map((i: { path: string }) => i.path).sort();
        assert.deepEqual(paths, ['actor', 'answer', 'answerId', 'answeredAt', 'durationMs', 'startedAt']);
      });

      test('an answer before the questionnaire is stored is refused', async () => {
        const s = await newSession();
        const reply = await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, answer('m1', '2'), s.token);
        assert.equal(reply.status, 409);
        assert.equal(reply.body.error, 'questionnaire_missing');
      });

      test('an answer to a finished session is refused, but a retry of an earlier one still gets its result', async () => {
        const s = await withQuestionnaire();
        const early = answer('m1', '2');
        await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, early, s.token);
        const quit = await api.call('POST', `/v1/sessions/${s.sessionId}/events`, event('quit', { courseId: 'manipulation' }), s.token);
        assert.equal(quit.status, 201);
        const late = await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, answer('m2', '2'), s.token);
        assert.equal(late.status, 409);
        assert.equal(late.body.error, 'session_finished');
        const retry = await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, early, s.token);
        assert.equal(retry.status, 200);
        assert.equal(retry.body.status, 'ok');
      });
    });

    describe('tokens', () => {
      test("one session's token can neither read nor write another session", async () => {
        const a = await withQuestionnaire();
        const b = await withQuestionnaire();
        for (const [method, path, body] of [
          ['GET', `/v1/sessions/${b.sessionId}/results`, undefined],
          ['POST', `/v1/sessions/${b.sessionId}/answers`, answer('m1', '2')],
          ['POST', `/v1/sessions/${b.sessionId}/events`, event('interruption')],
          ['PUT', `/v1/sessions/${b.sessionId}/questionnaire`, { answers: questionnaireAnswers, filledByMediator: false, validatedAt: clock.t }],
        ] as const) {
          const reply = await api.call(method, path, body, a.token);
          assert.equal(reply.status, 403, `${method} ${path}`);
          assert.equal(reply.body.error, 'forbidden');
        }
        const results = await api.call('GET', `/v1/sessions/${b.sessionId}/results`, undefined, b.token);
        assert.equal(results.body.answers.length, 0);
      });

      test('no token is 401; an unknown session is 403 like a wrong token, so ids cannot be probed', async () => {
        const a = await newSession();
        assert.equal((await api.call('GET', `/v1/sessions/${a.sessionId}/results`)).status, 401);
        const unknown = await api.call('GET', `/v1/sessions/${uid('nope')}/results`, undefined, a.token);
        const wrong = await api.call('GET', `/v1/sessions/${a.sessionId}/results`, undefined, secret());
        assert.equal(unknown.status, 403);
        assert.deepEqual(unknown.body, wrong.body);
      });

      test('the admin routes need the admin token', async () => {
        const a = await newSession();
        assert.equal((await api.call('GET', '/v1/export', undefined, a.token)).status, 403);
        assert.equal((await api.call('GET', '/v1/export')).status, 401);
        assert.equal((await api.call('DELETE', `/v1/sessions/${a.sessionId}`, undefined, a.token)).status, 403);
      });
    });

    describe('events', () => {
      test('are idempotent by id; finished ends the session as completed', async () => {
        const s = await withQuestionnaire();
        const body = event('interruption');
        assert.equal((await api.call('POST', `/v1/sessions/${s.sessionId}/events`, body, s.token)).status, 201);
        assert.equal((await api.call('POST', `/v1/sessions/${s.sessionId}/events`, body, s.token)).status, 200);
        await api.call('POST', `/v1/sessions/${s.sessionId}/events`, event('resume'), s.token);
        const finished = event('finished');
        assert.equal((await api.call('POST', `/v1/sessions/${s.sessionId}/events`, finished, s.token)).status, 201);
        assert.equal((await api.call('POST', `/v1/sessions/${s.sessionId}/events`, finished, s.token)).status, 200);
        const after = await api.call('POST', `/v1/sessions/${s.sessionId}/events`, event('continue'), s.token);
        assert.equal(after.status, 409);
        const results = await api.call('GET', `/v1/sessions/${s.sessionId}/results`, undefined, s.token);
        assert.equal(results.body.endReason, 'completed');
        const [row] = await exportRows('json', [s.sessionId]);
        assert.equal(row!['interruptions'], '1');
        assert.equal(row!['resumed'], '1');
      });

      test('an unknown type or course is refused', async () => {
        const s = await withQuestionnaire();
        const type = await api.call('POST', `/v1/sessions/${s.sessionId}/events`, event('dance'), s.token);
        assert.equal(type.status, 400);
        assert.equal(type.body.issues[0].path, 'type');
        const course = await api.call('POST', `/v1/sessions/${s.sessionId}/events`, event('course_end', { courseId: 'cuisine' }), s.token);
        assert.equal(course.status, 400);
        assert.equal(course.body.issues[0].path, 'courseId');
      });
    });

    describe('results and export', () => {
      /** Course 1 all right, course 2 skipped by the mediator after 2 answers, then quit. */
      async function playedSession(extra: Record<string, unknown> = {}, answers: Record<string, unknown> = questionnaireAnswers) {
        const s = await withQuestionnaire(answers, extra);
        const post = (body: unknown) => api.call('POST', `/v1/sessions/${s.sessionId}/answers`, body, s.token);
        for (const id of COURSES.manipulation) assert.equal((await post(answer(id, rightAnswer(id)))).status, 201);
        await api.call('POST', `/v1/sessions/${s.sessionId}/events`, event('course_end', { courseId: 'manipulation' }), s.token);
        await api.call('POST', `/v1/sessions/${s.sessionId}/events`, event('continue', { courseId: 'manipulation' }), s.token);
        await post(answer('b1', '2'));
        await post(answer('b2', '1'));
        await api.call('POST', `/v1/sessions/${s.sessionId}/events`, event('skip_remaining', { courseId: 'base', actor: 'mediator' }), s.token);
        for (const id of COURSES.base.slice(2)) await post(answer(id, null, { actor: 'mediator', skippedRemaining: true, durationMs: 0 }));
        await api.call('POST', `/v1/sessions/${s.sessionId}/events`, event('course_end', { courseId: 'base' }), s.token);
        await api.call('POST', `/v1/sessions/${s.sessionId}/events`, event('quit', { courseId: 'base' }), s.token);
        return s;
      }

      test('results give the server statuses, each course success rate and the test time', async () => {
        const s = await playedSession();
        const results = await api.call('GET', `/v1/sessions/${s.sessionId}/results`, undefined, s.token);
        assert.equal(results.status, 200);
        assert.equal(results.body.endReason, 'quit');
        assert.equal(results.body.testTimeMs, 5 * 20_000);
        const [manipulation, base, culture] = results.body.courses;
        assert.deepEqual(manipulation, {
          courseId: 'manipulation',
          status: 'ended',
          successRate: 1,
          challenges: COURSES.manipulation.map((challengeId) => ({ challengeId, status: 'ok' })),
        });
        assert.equal(base.status, 'skipped_remaining');
        assert.equal(base.successRate, 1 / 7);
        assert.equal(culture.status, 'not_reached');
        assert.equal(culture.successRate, null);
      });

      test('the export has exactly the documented columns, in CSV and JSON alike', async () => {
        const s = await playedSession({ organisation: 'fs-35-01', startedAt: Date.UTC(2025, 4, 12, 9, 0) });
        const [csv] = await exportRows('csv', [s.sessionId]);
        const [json] = await exportRows('json', [s.sessionId]);
        assert.deepEqual(csv, json);
        const expected: Record<string, string> = {
          session_id: s.sessionId,
          survey_id: 'fixture',
          content_version: '1.0.0',
          organisation: 'fs-35-01',
          campaign: '',
          external_ref: '',
          follow_up_code: '',
          device: 'tablet',
          lang: 'fr',
          started_at: '2025-05-12T09:00:00.000Z',
          test_run: '0',
          filled_by_mediator: '0',
          left_mid_course: '0',
          resumed: '0',
          interruptions: '0',
          end_reason: 'quit',
          test_time_seconds: '100',
          channel: 'online',
          paper_date: '',
          prefilled: '',
          q_annee_naissance: '1958',
          q_genre: 'feminin',
          q_commune: '35238',
          q_situation: 'retraite',
          q_materiel: 'ordinateur|telephone',
          q_remarque: '',
          age_band: 'soixante_soixante_neuf',
          statut_social: 'retraite',
          diplome_barometre: 'non_communique',
          internet_3_mois_insee: 'non_communique',
          postal_code: '35000',
          department: '35',
          region: '53',
          epci: '243500139',
          course1_id: 'manipulation',
          course1_status: 'ended',
          course1_success_rate: '1',
          course2_id: 'base',
          course2_status: 'skipped_remaining',
          course2_success_rate: String(1 / 7),
          course3_id: 'culture',
          course3_status: 'not_reached',
          course3_success_rate: '',
          ...Object.fromEntries(ALL_CHALLENGES.map((id) => [`ch_${id}`, ''])),
          ch_m1: 'ok',
          ch_m2: 'ok',
          ch_m3: 'ok',
          ch_b1: 'ok',
          ch_b2: 'ko',
          ch_b3: 'aband',
          ch_b4: 'aband',
          ch_b5: 'aband',
          ch_b6: 'aband',
          ch_b7: 'aband',
          // Time and who skipped (docs/export-format.md): none for the remaining challenges skipped at once.
          ...Object.fromEntries(ALL_CHALLENGES.map((id) => [`t_${id}`, ''])),
          ...Object.fromEntries(['m1', 'm2', 'm3', 'b1', 'b2'].map((id) => [`t_${id}`, '20'])),
          ...Object.fromEntries(ALL_CHALLENGES.map((id) => [`skip_${id}`, ''])),
          ...Object.fromEntries(COURSES.base.slice(2).map((id) => [`skip_${id}`, 'mediator'])),
        };
        assert.deepEqual(Object.keys(json!), Object.keys(expected));
        assert.deepEqual(json, expected);
      });

      test('per challenge, the export gives its time in seconds and who skipped it', async () => {
        const s = await withQuestionnaire();
        const post = async (body: unknown) => {
          const reply = await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, body, s.token);
          assert.equal(reply.status, 201, reply.text);
        };
        const timed = (durationMs: number) => ({ answeredAt: clock.t + durationMs, durationMs });
        await post(answer('m1', rightAnswer('m1'), timed(12_400)));
        await post(answer('m2', '2', { timedOut: true, ...timed(30_000) }));
        await post(answer('m3', null, timed(7_600)));
        await post(answer('b1', null, { actor: 'mediator', ...timed(45_000) }));
        await post(answer('b2', '1', { actor: 'mediator', ...timed(500) }));
        const [row] = await exportRows('json', [s.sessionId]);
        const cells = (id: string) => [row![`ch_${id}`], row![`t_${id}`], row![`skip_${id}`]];
        assert.deepEqual(cells('m1'), ['ok', '12', '']);
        assert.deepEqual(cells('m2'), ['timedout', '30', '']);
        assert.deepEqual(cells('m3'), ['aband', '8', 'participant']);
        assert.deepEqual(cells('b1'), ['aband', '45', 'mediator']);
        assert.deepEqual(cells('b2'), [row!['ch_b2'], '1', '']);
        assert.deepEqual(cells('b3'), ['', '', '']);
      });

      test('a test run is flagged and carries no geography; a session stopped inside a course is flagged', async () => {
        const s = await withQuestionnaire({ ...questionnaireAnswers, commune: { test: true, name: 'TEST' }, situation: 'demandeur_emploi' }, { startedAt: Date.UTC(2025, 4, 1) });
        await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, answer('m1', '2'), s.token);
        const [row] = await exportRows('json', [s.sessionId]);
        assert.equal(row!['test_run'], '1');
        assert.equal(row!['q_commune'], 'TEST');
        assert.deepEqual([row!['postal_code'], row!['department'], row!['region'], row!['epci']], ['', '', '', '']);
        assert.equal(row!['statut_social'], 'sans_emploi');
        assert.equal(row!['left_mid_course'], '1');
        assert.equal(row!['course1_status'], 'in_progress');
        assert.equal(row!['end_reason'], 'in_progress');
      });

      test('SQL-looking and markup text is stored as text and exported inert', async () => {
        const sql = "'; DROP TABLE sessions; --";
        const markup = '<script>alert("x")</script>';
        const s = await withQuestionnaire({ ...questionnaireAnswers, remarque: markup }, { organisation: sql });
        const [json] = await exportRows('json', [s.sessionId]);
        assert.equal(json!['organisation'], sql);
        assert.equal(json!['q_remarque'], markup);
        const raw = await api.call('GET', '/v1/export?format=json', undefined, ADMIN);
        assert.ok(!raw.text.includes('<script>'), 'no markup in the JSON text');
        assert.match(raw.text, /\\u003cscript\\u003e/);
        assert.match(raw.headers.get('content-type') ?? '', /^application\/json/);
        assert.equal(raw.headers.get('x-content-type-options'), 'nosniff');
        assert.match(raw.headers.get('content-security-policy') ?? '', /default-src 'none'/);
        // The tables are still there.
        assert.equal((await api.call('GET', `/v1/sessions/${s.sessionId}/results`, undefined, s.token)).status, 200);
      });

      test('formula-looking cells are neutralised in the CSV', async () => {
        const cells = ['=HYPERLINK("http://x","y")', '+33 1 23', '-2+3', '@SUM(A1)', '\tcmd'];
        const ids: string[] = [];
        for (const organisation of cells) ids.push((await withQuestionnaire(questionnaireAnswers, { organisation })).sessionId);
        const reply = await api.call('GET', '/v1/export?format=csv', undefined, ADMIN);
        assert.match(reply.headers.get('content-type') ?? '', /^text\/csv/);
        const rows = await exportRows('csv', ids);
        assert.deepEqual(
          ids.map((id) => rows.find((row) => row['session_id'] === id)!['organisation']),
          cells.map((cell) => `'${cell}`),
        );
        assert.ok(reply.text.includes(`"'=HYPERLINK(""http://x"",""y"")"`), 'quoted per RFC 4180');
        const json = await exportRows('json', ids);
        assert.equal(json.find((row) => row['session_id'] === ids[0])!['organisation'], cells[0], 'JSON keeps the value as given');
      });

      test('the export filters by organisation, start date and territory', async () => {
        const org = uid('org');
        const day = 86_400_000;
        const early = await withQuestionnaire(questionnaireAnswers, { organisation: org, startedAt: clock.t - 5 * day });
        const late = await withQuestionnaire(questionnaireAnswers, { organisation: org, startedAt: clock.t - day });
        const test = await withQuestionnaire({ ...questionnaireAnswers, commune: { test: true, name: 'TEST' } }, { organisation: org, startedAt: clock.t - day });
        const other = await withQuestionnaire(questionnaireAnswers, { organisation: uid('org'), startedAt: clock.t - day });
        const ids = async (query: string) => {
          const reply = await api.call('GET', `/v1/export?format=json&${query}`, undefined, ADMIN);
          assert.equal(reply.status, 200, reply.text);
          return reply.body.map((row: Record<string, string>) => row['session_id']);
        };
        assert.deepEqual(await ids(`organisation=${org}`), [early.sessionId, late.sessionId, test.sessionId]);
        const from = new Date(clock.t - 2 * day).toISOString();
        assert.deepEqual(await ids(`organisation=${org}&from=${from}`), [late.sessionId, test.sessionId]);
        assert.deepEqual(await ids(`organisation=${org}&to=${from}`), [early.sessionId]);
        assert.deepEqual(await ids(`organisation=${org}&territory=dep:35`), [early.sessionId, late.sessionId], 'a test run has no geography');
        assert.deepEqual(await ids(`territory=org:${org}`), [early.sessionId, late.sessionId, test.sessionId]);
        assert.ok(!(await ids('territory=dep:35')).includes(test.sessionId));
        assert.ok((await ids('territory=dep:35')).includes(other.sessionId));
      });

      test('the JSON export pages with limit and the X-Next-Cursor of each page', async () => {
        const org = uid('org');
        const made: string[] = [];
        for (let i = 0; i < 5; i++) made.push((await withQuestionnaire(questionnaireAnswers, { organisation: org })).sessionId);
        const seen: string[] = [];
        let cursor: string | null = null;
        const sizes: number[] = [];
        do {
          const reply = await api.call('GET', `/v1/export?format=json&organisation=${org}&limit=2${cursor ? `&after=${cursor}` : ''}`, undefined, ADMIN);
          assert.equal(reply.status, 200, reply.text);
          sizes.push(reply.body.length);
          seen.push(...reply.body.map((row: Record<string, string>) => row['session_id']));
          cursor = reply.headers.get('x-next-cursor');
        } while (cursor);
        assert.deepEqual(sizes, [2, 2, 1]);
        assert.deepEqual(seen, made);
        const csv = await api.call('GET', `/v1/export?format=csv&organisation=${org}&limit=3`, undefined, ADMIN);
        assert.equal(parseCsv(csv.text).length, 4, 'the header and three rows');
        assert.ok(csv.headers.get('x-next-cursor'));
      });

      test('bad export filters are refused, each named', async () => {
        const reply = await api.call('GET', '/v1/export?format=json&from=yesterday&to=2025-13-45&limit=0&after=nope&territory=moon:1', undefined, ADMIN);
        assert.equal(reply.status, 400);
        assert.deepEqual(reply.body.issues.map((i: { path: string }) => i.path).sort(), ['after', 'from', 'limit', 'territory', 'to']);
      });

      test('an unknown export format is refused', async () => {
        const reply = await api.call('GET', '/v1/export?format=xlsx', undefined, ADMIN);
        assert.equal(reply.status, 400);
        assert.equal(reply.body.issues[0].path, 'format');
      });

      test('erasing a session removes it and all its data', async () => {
        const s = await playedSession();
        const erased = await api.call('DELETE', `/v1/sessions/${s.sessionId}`, undefined, ADMIN);
        assert.equal(erased.status, 204);
        assert.deepEqual(await exportRows('json', [s.sessionId]), []);
        assert.equal(await store.getSessionData(s.sessionId), null);
        assert.equal((await api.call('DELETE', `/v1/sessions/${s.sessionId}`, undefined, ADMIN)).status, 404);
      });

      test('erasure sticks: a replay of every write for the erased id is 410 Gone and stores nothing', async () => {
        const sessionId = uid('s');
        const token = secret();
        const create = { surveyId: 'fixture', contentVersion: '1.0.0', device: 'mobile', lang: 'fr', sessionId, token };
        assert.equal((await api.call('POST', '/v1/sessions', create)).status, 201);
        const questionnaire = { answers: questionnaireAnswers, filledByMediator: false, validatedAt: clock.t };
        assert.equal((await api.call('PUT', `/v1/sessions/${sessionId}/questionnaire`, questionnaire, token)).status, 201);
        const first = answer('m1', '2');
        assert.equal((await api.call('POST', `/v1/sessions/${sessionId}/answers`, first, token)).status, 201);
        assert.equal((await api.call('DELETE', `/v1/sessions/${sessionId}`, undefined, ADMIN)).status, 204);
        // The outbox replays everything it had queued, then more.
        for (const [method, path, body] of [
          ['POST', '/v1/sessions', create],
          ['PUT', `/v1/sessions/${sessionId}/questionnaire`, questionnaire],
          ['POST', `/v1/sessions/${sessionId}/answers`, first],
          ['POST', `/v1/sessions/${sessionId}/answers`, answer('m2', '2')],
          ['POST', `/v1/sessions/${sessionId}/events`, event('quit')],
          ['GET', `/v1/sessions/${sessionId}/results`, undefined],
        ] as const) {
          const reply = await api.call(method, path, body, token);
          assert.equal(reply.status, 410, `${method} ${path}: ${reply.text}`);
          assert.equal(reply.body.error, 'session_erased');
        }
        // Another token changes nothing: the id itself is refused.
        assert.equal((await api.call('POST', '/v1/sessions', { ...create, token: secret() })).status, 410);
        assert.equal(await store.getSessionData(sessionId), null);
        assert.equal(await store.isErased(sessionId), true);
      });

      test('an id erased before the session reached the server is refused when it arrives', async () => {
        const sessionId = uid('s');
        assert.equal((await api.call('DELETE', `/v1/sessions/${sessionId}`, undefined, ADMIN)).status, 404);
        const late = await api.call('POST', '/v1/sessions', { surveyId: 'fixture', contentVersion: '1.0.0', device: 'mobile', lang: 'fr', sessionId, token: secret() });
        assert.equal(late.status, 410);
      });
    });

    describe('nonsense refused', () => {
      const HOUR = 3_600_000;
      const DAY = 24 * HOUR;
      for (const [reason, extra, path] of [
        ['an answer given before it started', { startedAt: () => clock.t, answeredAt: () => clock.t - 1000, durationMs: 0 }, 'answeredAt'],
        ['a 24 h duration in a 20 s interval', { durationMs: 24 * HOUR }, 'durationMs'],
        ['a duration longer than its interval', { answeredAt: () => clock.t + 5_000, durationMs: 20_000 }, 'durationMs'],
        ['year 275760', { startedAt: 8_640_000_000_000_000 - 1000, answeredAt: 8_640_000_000_000_000, durationMs: 1000 }, 'startedAt'],
        ['1970', { startedAt: 0, answeredAt: 20_000 }, 'startedAt'],
        ['two days ahead of the server', { startedAt: () => clock.t + 2 * DAY, answeredAt: () => clock.t + 2 * DAY + 20_000 }, 'startedAt'],
        ['an answer started an hour before its session', { startedAt: () => clock.t - HOUR, answeredAt: () => clock.t - HOUR + 20_000 }, 'startedAt'],
      ] as const) {
        test(`an answer with ${reason} is refused on ${path}`, async () => {
          const s = await withQuestionnaire();
          const times = Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, typeof v === 'function' ? v() : v]));
          const reply = await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, answer('m1', '2', times), s.token);
          assert.equal(reply.status, 400, reply.text);
          assert.equal(reply.body.issues[0].path, path, reply.text);
          const results = await api.call('GET', `/v1/sessions/${s.sessionId}/results`, undefined, s.token);
          assert.equal(results.body.answers.length, 0);
        });
      }

      test('a session, a questionnaire or an event dated outside the window around the server clock is refused', async () => {
        const old = await api.call('POST', '/v1/sessions', { surveyId: 'fixture', contentVersion: '1.0.0', device: 'tablet', lang: 'fr', startedAt: 0 });
        assert.equal(old.status, 400);
        assert.equal(old.body.issues[0].path, 'startedAt');
        const s = await newSession();
        const put = await api.call('PUT', `/v1/sessions/${s.sessionId}/questionnaire`, { answers: questionnaireAnswers, filledByMediator: false, validatedAt: clock.t - 40 * DAY }, s.token);
        assert.equal(put.status, 400);
        assert.equal(put.body.issues[0].path, 'validatedAt');
        const ahead = await api.call('POST', `/v1/sessions/${s.sessionId}/events`, event('interruption', { at: clock.t + 3 * DAY }), s.token);
        assert.equal(ahead.status, 400);
        assert.equal(ahead.body.issues[0].path, 'at');
        // A device clock a few hours off is recorded as sent.
        const skewed = await api.call('POST', `/v1/sessions/${s.sessionId}/events`, event('interruption', { at: clock.t + 3 * HOUR }), s.token);
        assert.equal(skewed.status, 201);
      });

      test('events per session are capped', async () => {
        const s = await withQuestionnaire();
        for (let i = 0; i < MAX_EVENTS_PER_SESSION; i++) {
          const reply = await api.call('POST', `/v1/sessions/${s.sessionId}/events`, event('interruption'), s.token);
          assert.equal(reply.status, 201, reply.text);
        }
        const over = await api.call('POST', `/v1/sessions/${s.sessionId}/events`, event('interruption'), s.token);
        assert.equal(over.status, 409);
        assert.equal(over.body.error, 'too_many_events');
        assert.equal((await store.getSessionData(s.sessionId))!.events.length, MAX_EVENTS_PER_SESSION);
      });

      test('answers per session are capped by the challenges of its definition', async () => {
        const s = await withQuestionnaire();
        for (const id of ALL_CHALLENGES) assert.equal((await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, answer(id, rightAnswer(id)), s.token)).status, 201);
        for (const id of ['m1', 'c5', 'zz1']) {
          const reply = await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, answer(id, '2'), s.token);
          assert.ok(reply.status === 409 || reply.status === 400, `${id}: ${reply.status}`);
        }
        assert.equal((await store.getSessionData(s.sessionId))!.answers.length, ALL_CHALLENGES.length);
      });

      test('no questionnaire after the session ended', async () => {
        const s = await newSession();
        assert.equal((await api.call('POST', `/v1/sessions/${s.sessionId}/events`, event('quit'), s.token)).status, 201);
        const put = await api.call('PUT', `/v1/sessions/${s.sessionId}/questionnaire`, { answers: questionnaireAnswers, filledByMediator: false, validatedAt: clock.t }, s.token);
        assert.equal(put.status, 409);
        assert.equal(put.body.error, 'session_finished');
      });

      for (const [reason, token] of [
        ['32 × a', 'a'.repeat(32)],
        ['a repeated pair', 'ab'.repeat(16)],
        ['a repeated alphabet', 'abcdefghijklmnop'.repeat(2)],
        ['nine distinct characters', 'abcdefghi'.repeat(4)],
        ['one character off a run', `${'a'.repeat(31)}b`],
      ] as const) {
        test(`a guessable client token is refused: ${reason}`, async () => {
          const reply = await api.call('POST', '/v1/sessions', { surveyId: 'fixture', contentVersion: '1.0.0', device: 'tablet', lang: 'fr', sessionId: uid('s'), token });
          assert.equal(reply.status, 400);
          assert.equal(reply.body.issues[0].path, 'token');
        });
      }

      test('a session token expires after the collection window', async () => {
        const s = await withQuestionnaire();
        const start = clock.t;
        try {
          clock.t = start + 31 * DAY;
          const reply = await api.call('POST', `/v1/sessions/${s.sessionId}/events`, event('interruption'), s.token);
          assert.equal(reply.status, 403);
          assert.equal(reply.body.error, 'token_expired');
          assert.equal((await api.call('GET', `/v1/sessions/${s.sessionId}/results`, undefined, s.token)).status, 403);
        } finally {
          clock.t = start;
        }
      });
    });

    describe('hostile input', () => {
      /** The kinds of text the audit sent that reached the database and came back as 500s. */
      const HOSTILE: readonly (readonly [string, string])[] = [
        ['U+0000', 'a\u0000b'],
        ['a lone high surrogate', 'a\uD800'],
        ['a lone low surrogate', '\uDC00b'],
        ['a reversed surrogate pair', '\uDC00\uD800'],
        ['U+0000 alone', '\u0000'],
      ];
      /** Where each route reads client text: the body fields, by the path the error must name. */
      type Place = { route: string; method: string; path: (id: string) => string; admin?: boolean; body?: (text: string) => unknown; field: string };
      const create = (extra: Record<string, unknown>) => ({ surveyId: 'fixture', contentVersion: '1.0.0', device: 'tablet', lang: 'fr', ...extra });
      const PLACES: readonly Place[] = [
        { route: 'create', method: 'POST', path: () => '/v1/sessions', body: (x) => create({ organisation: x }), field: 'organisation' },
        { route: 'create', method: 'POST', path: () => '/v1/sessions', body: (x) => create({ sessionId: x, token: secret() }), field: 'sessionId' },
        { route: 'create', method: 'POST', path: () => '/v1/sessions', body: (x) => create({ token: `${secret()}${x}` }), field: 'token' },
        { route: 'create', method: 'POST', path: () => '/v1/sessions', body: (x) => create({ contentVersion: x }), field: 'contentVersion' },
        { route: 'create', method: 'POST', path: () => '/v1/sessions', body: (x) => create({ [`k${x}`]: 1 }), field: '(key)' },
        { route: 'questionnaire', method: 'PUT', path: (id) => `/v1/sessions/${id}/questionnaire`, body: (x) => ({ answers: { ...questionnaireAnswers, remarque: x }, filledByMediator: false, validatedAt: clock.t }), field: 'answers.remarque' },
        { route: 'questionnaire', method: 'PUT', path: (id) => `/v1/sessions/${id}/questionnaire`, body: (x) => ({ answers: { ...questionnaireAnswers, commune: { ...questionnaireAnswers.commune, name: x } }, filledByMediator: false, validatedAt: clock.t }), field: 'answers.commune.name' },
        { route: 'questionnaire', method: 'PUT', path: (id) => `/v1/sessions/${id}/questionnaire`, body: (x) => ({ answers: { ...questionnaireAnswers, materiel: ['ordinateur', x] }, filledByMediator: false, validatedAt: clock.t }), field: 'answers.materiel[1]' },
        { route: 'answers', method: 'POST', path: (id) => `/v1/sessions/${id}/answers`, body: (x) => answer('c1', x), field: 'answer' },
        { route: 'answers', method: 'POST', path: (id) => `/v1/sessions/${id}/answers`, body: (x) => answer('c1', { r: x }), field: 'answer.r' },
        { route: 'answers', method: 'POST', path: (id) => `/v1/sessions/${id}/answers`, body: (x) => ({ ...answer('c1', 'Paris'), answerId: x }), field: 'answerId' },
        { route: 'events', method: 'POST', path: (id) => `/v1/sessions/${id}/events`, body: (x) => event('interruption', { detail: x }), field: 'detail' },
        { route: 'events', method: 'POST', path: (id) => `/v1/sessions/${id}/events`, body: (x) => event('interruption', { eventId: x }), field: 'eventId' },
        { route: 'export', method: 'GET', path: () => '/v1/export', admin: true, field: 'query.format' },
        { route: 'report', method: 'GET', path: () => '/v1/report', admin: true, field: 'query.territory' },
      ];

      for (const place of PLACES) {
        test(`${place.method} ${place.route}: hostile text in ${place.field} is a 400 naming it, never a 500`, async () => {
          const s = await newSession();
          for (const [kind, text] of HOSTILE) {
            const inQuery = place.field.startsWith('query.');
            // A URL carries UTF-8: a lone surrogate cannot even be percent-encoded, only U+0000 can.
            if (inQuery && !text.includes('\u0000')) continue;
            const query = inQuery ? `?${place.field.slice(6)}=${encodeURIComponent(text)}` : '';
            const reply = await api.call(place.method, `${place.path(s.sessionId)}${query}`, place.body?.(text), place.admin ? ADMIN : s.token);
            assert.equal(reply.status, 400, `${kind}: ${reply.text}`);
            assert.equal(reply.body.error, 'invalid_request', kind);
            assert.ok(
              reply.body.issues.some((i: { path: string }) => i.path === place.field),
              `${kind}: ${JSON.stringify(reply.body.issues)}`,
            );
          }
        });
      }

      /** Percent-encoded path segments that are not storable text, or not UTF-8 at all. */
      const PATH_IDS: readonly (readonly [string, string])[] = [
        ['U+0000', '%00'],
        ['U+0000 inside an id', 's-1%00x'],
        ['an encoded surrogate', '%ED%A0%80'],
        ['an overlong U+0000', '%C0%80'],
        ['a byte that is not UTF-8', '%FF'],
        ['an id over 128 characters', 'x'.repeat(129)],
        ['spaces and quotes', '%20%27%22'],
      ];
      for (const [method, suffix, admin] of [
        ['GET', '/results', false],
        ['POST', '/answers', false],
        ['POST', '/events', false],
        ['PUT', '/questionnaire', false],
        ['DELETE', '', true],
      ] as const) {
        test(`${method} /v1/sessions/:id${suffix}: a malformed id is a 400 JSON before any query`, async () => {
          const s = await newSession();
          for (const [kind, id] of PATH_IDS) {
            const body = method === 'GET' || method === 'DELETE' ? undefined : {};
            const reply = await api.call(method, `/v1/sessions/${id}${suffix}`, body, admin ? ADMIN : s.token);
            assert.equal(reply.status, 400, `${kind}: ${reply.text}`);
            assert.equal(reply.body.error, 'invalid_request', kind);
            assert.ok(['id', 'path'].includes(reply.body.issues[0].path), `${kind}: ${reply.text}`);
          }
        });
      }
    });

    describe('limits', () => {
      test('a body without "Content-Type: application/json" is refused with 415, whatever it holds', async () => {
        const body = JSON.stringify({ surveyId: 'fixture', contentVersion: '1.0.0', device: 'tablet', lang: 'fr' });
        for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
          const reply = await api.call('POST', '/v1/sessions', undefined, undefined, type ? { 'Content-Type': type } : {}, body);
          assert.equal(reply.status, 415, type);
          assert.equal(reply.body.error, 'unsupported_media_type');
        }
        const charset = await api.call('POST', '/v1/sessions', undefined, undefined, { 'Content-Type': 'application/json; charset=utf-8' }, body);
        assert.equal(charset.status, 201);
      });

      test('an oversized body is refused with 413', async () => {
        const s = await withQuestionnaire();
        const reply = await api.call('POST', `/v1/sessions/${s.sessionId}/answers`, answer('c2', 'x'.repeat(20 * 1024)), s.token);
        assert.equal(reply.status, 413);
        assert.equal(reply.body.error, 'payload_too_large');
        const results = await api.call('GET', `/v1/sessions/${s.sessionId}/results`, undefined, s.token);
        assert.equal(results.body.answers.length, 0);
      });
    });
  });
}
