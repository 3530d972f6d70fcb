/**
 * The collector's contract, written once and run against every store (memory, PGlite,
 * PostgreSQL): the whole API over `createApp`, so each adapter is held to the same behaviour.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../src/app.js';
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

      test('no token is 401, an unknown session is 404', async () => {
        const a = await newSession();
        assert.equal((await api.call('GET', `/v1/sessions/${a.sessionId}/results`)).status, 401);
        const unknown = await api.call('GET', `/v1/sessions/${uid('nope')}/results`, undefined, a.token);
        assert.equal(unknown.status, 404);
        assert.equal(unknown.body.error, 'session_not_found');
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
        };
        assert.deepEqual(Object.keys(json!), Object.keys(expected));
        assert.deepEqual(json, expected);
      });

      test('a test run is flagged and carries no geography; a session stopped inside a course is flagged', async () => {
        const s = await withQuestionnaire({ ...questionnaireAnswers, commune: { test: true, name: 'TEST' }, situation: 'demandeur_emploi' }, { startedAt: Date.UTC(2025, 0, 1) });
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

      test('an unknown export format is refused', async () => {
        const reply = await api.call('GET', '/v1/export?format=xlsx', undefined, ADMIN);
        assert.equal(reply.status, 400);
        assert.equal(reply.body.issues[0].path, 'format');
      });

      test('erasing a session removes it and all its data', async () => {
        const s = await playedSession();
        const erased = await api.call('DELETE', `/v1/sessions/${s.sessionId}`, undefined, ADMIN);
        assert.equal(erased.status, 204);
        assert.equal((await api.call('GET', `/v1/sessions/${s.sessionId}/results`, undefined, s.token)).status, 404);
        assert.deepEqual(await exportRows('json', [s.sessionId]), []);
        assert.equal((await api.call('DELETE', `/v1/sessions/${s.sessionId}`, undefined, ADMIN)).status, 404);
        // The id is free again: nothing of the old session remains attached to it.
        const reborn = await api.call('POST', '/v1/sessions', { surveyId: 'fixture', contentVersion: '1.0.0', device: 'mobile', lang: 'fr', sessionId: s.sessionId, token: secret() });
        assert.equal(reborn.status, 201);
        assert.equal((await store.getSessionData(s.sessionId))!.answers.length, 0);
      });
    });

    describe('limits', () => {
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
