/**
 * The adaptive sessions' contract (docs/collector.md, "Adaptive sessions"), run against every store
 * like `contract.ts`: a test played by the core's own session on the device side, sent as the
 * element's outbox sends it, and re-run by the collector.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { ChallengeAnswer } from '@observatoire/core';
import { createAdaptiveSession, parseAdaptiveBank, type AdaptiveSession, type AdaptiveTestConfig, type BankItem } from '@observatoire/core/adaptive';
import { createApp } from '../src/app.js';
import type { Store } from '../src/store/types.js';
import { definition } from './fixture.js';
import { ADMIN, client, parseCsv, secret, uid } from './helpers.js';

const bank = parseAdaptiveBank(JSON.parse(readFileSync(new URL('../../content/adaptive/bank-2026.json', import.meta.url), 'utf8')));
const CONFIG: AdaptiveTestConfig = { stopping: { maxItems: 5 } };

function rightAnswer(item: BankItem): ChallengeAnswer {
  const c = item.challenge;
  if (c.type === 'QCU') return String(c.solution);
  if (c.type === 'QROC') return c.solution[0] as string;
  throw new Error(`${c.id}: no right answer known for type ${c.type}`);
}

function wrongAnswer(item: BankItem): ChallengeAnswer {
  const c = item.challenge;
  if (c.type === 'QCU') return String((c.solution % c.proposals.length) + 1);
  return 'zzz';
}

export function adaptiveContractSuite(name: string, openStore: () => Promise<Store>, closeStore: (store: Store) => Promise<void> = (s) => s.close()): void {
  describe(`adaptive sessions over ${name}`, () => {
    let store: Store;
    let api: ReturnType<typeof client>;
    const clock = { t: Date.UTC(2025, 4, 12, 9, 30) };

    before(async () => {
      store = await openStore();
      const app = createApp({ store, definitions: [definition], banks: [bank], adminToken: ADMIN, rateLimit: false, now: () => clock.t });
      api = client(app);
    });
    after(() => closeStore(store));

    /** A test on the device side (the core's session) and its creation body. */
    function device(config: AdaptiveTestConfig = CONFIG) {
      let t = clock.t;
      const session = createAdaptiveSession(bank, { seed: uid('seed'), config, clock: () => (t += 15_000) });
      const snapshot = session.toJSON();
      const token = secret();
      const create = {
        sessionId: session.state.sessionId,
        token,
        bankId: bank.id,
        bankVersion: bank.version,
        seed: snapshot.seed,
        config,
        device: 'tablet',
        lang: 'fr',
        startedAt: session.state.startedAt,
      };
      return { session, token, create, url: `/v1/adaptive-sessions/${session.state.sessionId}` };
    }

    async function started(config?: AdaptiveTestConfig) {
      const d = device(config);
      const reply = await api.call('POST', '/v1/adaptive-sessions', d.create);
      assert.equal(reply.status, 201, reply.text);
      return d;
    }

    /** Answer the current item on the device; the body the outbox would send for it. */
    function answerOn(session: AdaptiveSession, right: boolean, extra: Record<string, unknown> = {}) {
      const itemId = session.state.current!.itemId;
      const item = bank.items.find((i) => i.challenge.id === itemId)!;
      const state = session.dispatch({ type: 'answerItem', itemId, answer: right ? rightAnswer(item) : wrongAnswer(item) });
      const r = state.responses[state.responses.length - 1]!;
      return {
        answerId: r.eventId,
        seq: state.responses.length,
        itemId,
        answer: r.answer ?? null,
        actor: 'participant',
        startedAt: r.startedAt,
        answeredAt: r.answeredAt,
        durationMs: r.answeredAt - r.startedAt,
        ...extra,
      };
    }

    async function organisation(): Promise<string> {
      const reply = await api.call('POST', '/v1/organisations', { id: uid('org'), name: 'Médiathèque de Vitré', commune: '35360' }, ADMIN);
      assert.equal(reply.status, 201, reply.text);
      return reply.body.id;
    }

    async function key(body: Record<string, unknown>): Promise<{ id: string; key: string }> {
      const reply = await api.call('POST', '/v1/keys', { label: 'test', ...body }, ADMIN);
      assert.equal(reply.status, 201, reply.text);
      return { id: reply.body.id, key: reply.body.key };
    }

    async function exported(format: 'csv' | 'json', id: string): Promise<Record<string, string> | undefined> {
      const reply = await api.call('GET', `/v1/export/adaptive?format=${format}`, undefined, ADMIN);
      assert.equal(reply.status, 200, reply.text);
      if (format === 'json') return (reply.body as Record<string, string>[]).find((row) => row['session_id'] === id);
      const [header, ...lines] = parseCsv(reply.text);
      return lines.map((cells) => Object.fromEntries(header!.map((column, i) => [column, cells[i] ?? '']))).find((row) => row['session_id'] === id);
    }

    describe('creation', () => {
      test('is idempotent with the same id and token; another token is a conflict', async () => {
        const d = device();
        assert.equal((await api.call('POST', '/v1/adaptive-sessions', d.create)).status, 201);
        const again = await api.call('POST', '/v1/adaptive-sessions', d.create);
        assert.equal(again.status, 200);
        assert.deepEqual(again.body, { sessionId: d.create.sessionId, token: d.token });
        const other = await api.call('POST', '/v1/adaptive-sessions', { ...d.create, token: secret() });
        assert.equal(other.status, 409);
        assert.equal(other.body.error, 'session_exists');
      });

      const refused: { rule: string; change: (create: Record<string, unknown>) => Record<string, unknown>; path: string; message: RegExp }[] = [
        { rule: 'an unknown bank version', change: (c) => ({ ...c, bankVersion: '0.0' }), path: 'bankVersion', message: /unknown bank/ },
        { rule: 'a session id that is not the one its seed gives', change: (c) => ({ ...c, sessionId: uid('s') }), path: 'sessionId', message: /seed/ },
        { rule: 'a configuration the core cannot run', change: (c) => ({ ...c, config: { stopping: { maxItems: 5, minItems: 9 } } }), path: 'config', message: /minItems/ },
        { rule: 'a Sympson–Hetter parameter for an item not in the bank', change: (c) => ({ ...c, config: { ...CONFIG, sympsonHetter: { nope: 0.5 } } }), path: 'config', message: /not in the bank/ },
        { rule: 'a grid too fine to replay cheaply', change: (c) => ({ ...c, config: { ...CONFIG, grid: { points: 5000 } } }), path: 'config.grid.points', message: /401/ },
        { rule: 'a guessable token', change: (c) => ({ ...c, token: 'a'.repeat(40) }), path: 'token', message: /guess/ },
        { rule: 'a start a year ago', change: (c) => ({ ...c, startedAt: clock.t - 365 * 86_400_000 }), path: 'startedAt', message: /30 days/ },
      ];
      for (const c of refused)
        test(`refuses ${c.rule}, naming ${c.path}`, async () => {
          const reply = await api.call('POST', '/v1/adaptive-sessions', c.change(device().create));
          assert.equal(reply.status, 400, reply.text);
          const issue = reply.body.issues.find((i: { path: string }) => i.path === c.path);
          assert.ok(issue, reply.text);
          assert.match(issue.message, c.message);
        });
    });

    describe('answers', () => {
      test('the collector re-runs the test: each verdict and estimate is its own, a client-sent status is ignored', async () => {
        const d = await started();
        for (const right of [true, false, true, true, false]) {
          const body = answerOn(d.session, right, { status: right ? 'ko' : 'ok' });
          const reply = await api.call('POST', `${d.url}/answers`, body, d.token);
          assert.equal(reply.status, 201, reply.text);
          const mine = d.session.state.responses[body.seq - 1]!;
          assert.equal(reply.body.status, mine.status);
          assert.equal(reply.body.status, right ? 'ok' : 'ko');
          assert.ok(Math.abs(reply.body.theta - d.session.state.estimate.theta) < 1e-12);
          assert.equal(reply.body.finished, d.session.state.phase === 'finished');
        }
        assert.equal(d.session.state.phase, 'finished');
      });

      test('the same answer id again returns the first result; another answer in that place is already answered', async () => {
        const d = await started();
        const body = answerOn(d.session, true);
        const first = await api.call('POST', `${d.url}/answers`, body, d.token);
        assert.equal(first.status, 201);
        const retry = await api.call('POST', `${d.url}/answers`, { ...body, answer: 'x' }, d.token);
        assert.equal(retry.status, 200);
        assert.deepEqual(retry.body, first.body);
        const other = await api.call('POST', `${d.url}/answers`, { ...body, answerId: uid('a') }, d.token);
        assert.equal(other.status, 409);
        assert.equal(other.body.error, 'item_already_answered');
      });

      test('concurrent retries of one answer store it once', async () => {
        const d = await started();
        const body = answerOn(d.session, true);
        const replies = await Promise.all(Array.from({ length: 6 }, () => api.call('POST', `${d.url}/answers`, body, d.token)));
        assert.equal(replies.filter((r) => r.status === 201).length, 1, replies.map((r) => r.status).join(' '));
        assert.ok(replies.every((r) => r.status === 201 || r.status === 200));
        assert.equal((await store.getAdaptiveSessionData(d.create.sessionId))!.answers.length, 1);
      });

      test('an item the engine would not ask at that place is refused, naming the one it asks', async () => {
        const d = await started();
        const expected = d.session.state.current!.itemId;
        const body = answerOn(d.session, true);
        const other = bank.items.find((item) => item.challenge.id !== expected)!;
        const reply = await api.call('POST', `${d.url}/answers`, { ...body, itemId: other.challenge.id, answer: rightAnswer(other) }, d.token);
        assert.equal(reply.status, 409);
        assert.equal(reply.body.error, 'item_not_expected');
        assert.match(reply.body.message, new RegExp(`asks "${expected}"`));
      });

      test('an answer whose earlier answer has not arrived is refused (answers come in order)', async () => {
        const d = await started();
        answerOn(d.session, true);
        const second = answerOn(d.session, true);
        const reply = await api.call('POST', `${d.url}/answers`, second, d.token);
        assert.equal(reply.status, 409);
        assert.equal(reply.body.error, 'item_not_expected');
      });

      test('an item asked again is refused', async () => {
        const d = await started();
        const first = answerOn(d.session, true);
        assert.equal((await api.call('POST', `${d.url}/answers`, first, d.token)).status, 201);
        const reply = await api.call('POST', `${d.url}/answers`, { ...first, answerId: uid('a'), seq: 2 }, d.token);
        assert.equal(reply.status, 409);
        assert.equal(reply.body.error, 'item_not_expected');
      });

      test('an answer of the wrong shape is refused', async () => {
        const d = await started();
        const body = answerOn(d.session, true);
        const reply = await api.call('POST', `${d.url}/answers`, { ...body, answer: { a: 'b' } }, d.token);
        assert.equal(reply.status, 400);
        assert.equal(reply.body.issues[0].path, 'answer');
      });

      const guarded: { rule: string; change: Record<string, unknown>; path: string }[] = [
        { rule: 'U+0000 in the answer', change: { answer: 'a\u0000b' }, path: 'answer' },
        { rule: 'an answer that ends before it starts', change: { answeredAt: clock.t - 1000 }, path: 'answeredAt' },
        { rule: 'a place that is not a whole number', change: { seq: 1.5 }, path: 'seq' },
      ];
      for (const c of guarded)
        test(`refuses ${c.rule}`, async () => {
          const d = await started();
          const reply = await api.call('POST', `${d.url}/answers`, { ...answerOn(d.session, true), ...c.change }, d.token);
          assert.equal(reply.status, 400, reply.text);
          assert.ok(reply.body.issues.some((i: { path: string }) => i.path === c.path), reply.text);
        });

      test('without the token 401, with another session\'s token 403', async () => {
        const d = await started();
        const other = await started();
        const body = answerOn(d.session, true);
        assert.equal((await api.call('POST', `${d.url}/answers`, body)).status, 401);
        assert.equal((await api.call('POST', `${d.url}/answers`, body, other.token)).status, 403);
        assert.equal((await api.call('POST', `/v1/adaptive-sessions/${uid('s')}/answers`, body, d.token)).status, 403);
      });
    });

    describe('finish', () => {
      test('by the stopping rule: the final estimate is the test\'s own; a retry gets the same; the test then takes nothing more', async () => {
        const d = await started();
        const early = await api.call('POST', `${d.url}/finish`, { eventId: uid('f'), reason: 'completed', at: clock.t, actor: 'participant' }, d.token);
        assert.equal(early.status, 409);
        assert.equal(early.body.error, 'test_not_finished');
        while (d.session.state.phase === 'asking') assert.equal((await api.call('POST', `${d.url}/answers`, answerOn(d.session, true), d.token)).status, 201);
        const finish = { eventId: uid('f'), reason: 'completed', at: clock.t + 200_000, actor: 'participant' };
        const reply = await api.call('POST', `${d.url}/finish`, finish, d.token);
        assert.equal(reply.status, 201, reply.text);
        assert.equal(reply.body.stopReason, 'length');
        assert.equal(reply.body.items, 5);
        assert.ok(Math.abs(reply.body.theta - d.session.state.estimate.theta) < 1e-12);
        const again = await api.call('POST', `${d.url}/finish`, finish, d.token);
        assert.equal(again.status, 200);
        assert.deepEqual(again.body, reply.body);
        const other = await api.call('POST', `${d.url}/finish`, { ...finish, eventId: uid('f') }, d.token);
        assert.equal(other.body.error, 'session_finished');
      });

      test('by the mediator: the test ends where it is and takes no more answers', async () => {
        const d = await started();
        assert.equal((await api.call('POST', `${d.url}/answers`, answerOn(d.session, false), d.token)).status, 201);
        const reply = await api.call('POST', `${d.url}/finish`, { eventId: uid('f'), reason: 'stopped', at: clock.t + 60_000, actor: 'mediator' }, d.token);
        assert.equal(reply.status, 201, reply.text);
        assert.equal(reply.body.stopReason, 'stopped');
        assert.equal(reply.body.items, 1);
        const late = await api.call('POST', `${d.url}/answers`, answerOn(d.session, true), d.token);
        assert.equal(late.status, 409);
        assert.equal(late.body.error, 'session_finished');
      });
    });

    describe('export and erasure', () => {
      for (const format of ['csv', 'json'] as const)
        test(`the ${format} export has the final θ, SE, pix, the profile levels and each item's status`, async () => {
          const d = await started();
          const verdicts: Record<string, string> = {};
          for (const right of [true, true, false, true, true]) {
            const body = answerOn(d.session, right);
            const reply = await api.call('POST', `${d.url}/answers`, body, d.token);
            verdicts[`ch_${body.itemId}`] = reply.body.status;
          }
          await api.call('POST', `${d.url}/finish`, { eventId: uid('f'), reason: 'completed', at: clock.t + 200_000, actor: 'participant' }, d.token);
          const row = await exported(format, d.create.sessionId);
          assert.ok(row, 'the session is exported');
          assert.equal(row['end_reason'], 'completed');
          assert.equal(row['stop_reason'], 'length');
          assert.equal(row['items'], '5');
          assert.ok(Math.abs(Number(row['theta']) - d.session.state.estimate.theta) < 1e-4);
          assert.ok(Math.abs(Number(row['se']) - d.session.state.estimate.se) < 1e-4);
          for (const [column, status] of Object.entries(verdicts)) assert.equal(row[column], status, column);
          const measured = Object.keys(row).filter((column) => column.startsWith('level_') && row[column] !== '');
          assert.equal(measured.length, 15, 'every competence the bank measures has a level');
          assert.equal(row['level_3.4'], '', 'the bank does not measure 3.4');
          assert.match(row['total_pix']!, /^\d+$/);
        });

      test('an unfinished test is exported as in progress', async () => {
        const d = await started();
        await api.call('POST', `${d.url}/answers`, answerOn(d.session, true), d.token);
        const row = await exported('json', d.create.sessionId);
        assert.equal(row?.['end_reason'], 'in_progress');
        assert.equal(row?.['items'], '1');
      });

      test('erasure sticks: the session leaves the export and every later write is 410 Gone', async () => {
        const d = await started();
        const body = answerOn(d.session, true);
        assert.equal((await api.call('POST', `${d.url}/answers`, body, d.token)).status, 201);
        assert.equal((await api.call('DELETE', d.url, undefined, ADMIN)).status, 204);
        assert.equal(await exported('json', d.create.sessionId), undefined);
        for (const [path, payload] of [
          [`${d.url}/answers`, answerOn(d.session, true)],
          [`${d.url}/finish`, { eventId: uid('f'), reason: 'stopped', at: clock.t, actor: 'mediator' }],
          ['/v1/adaptive-sessions', d.create],
        ] as const) {
          const reply = await api.call('POST', path, payload, d.token);
          assert.equal(reply.status, 410, `${path}: ${reply.text}`);
          assert.equal(reply.body.error, 'session_erased');
        }
        assert.equal(await store.getAdaptiveSessionData(d.create.sessionId), null);
        assert.equal((await api.call('DELETE', d.url, undefined, ADMIN)).status, 404);
      });

      test('export and erasure need a key: no key 401, an unknown one 403', async () => {
        assert.equal((await api.call('GET', '/v1/export/adaptive')).status, 401);
        assert.equal((await api.call('DELETE', `/v1/adaptive-sessions/${uid('s')}`)).status, 401);
        assert.equal((await api.call('GET', '/v1/export/adaptive', undefined, 'wrong-token-0123456789abcdefghijkl')).status, 403);
        assert.equal((await api.call('DELETE', `/v1/adaptive-sessions/${uid('s')}`, undefined, 'wrong-token-0123456789abcdefghijkl')).status, 403);
      });

      test('an admin key exports and erases, both written to the audit log with its id', async () => {
        const d = await started();
        assert.equal((await api.call('POST', `${d.url}/answers`, answerOn(d.session, true), d.token)).status, 201);
        const admin = await key({ role: 'admin' });
        const page = await api.call('GET', '/v1/export/adaptive?format=json&limit=10000', undefined, admin.key);
        assert.equal(page.status, 200, page.text);
        assert.ok(page.body.some((row: Record<string, string>) => row['session_id'] === d.create.sessionId));
        const streamed = await api.call('GET', '/v1/export/adaptive?format=csv', undefined, admin.key);
        assert.equal(streamed.status, 200, streamed.text);
        assert.equal((await api.call('DELETE', d.url, undefined, admin.key)).status, 204);
        const log = await api.call('GET', '/v1/audit?limit=3', undefined, ADMIN);
        assert.deepEqual(
          log.body.map((e: Record<string, unknown>) => [e['actor'], e['action'], e['target']]),
          [
            [admin.id, 'adaptive_erase', d.create.sessionId],
            [admin.id, 'adaptive_export', '?format=csv'],
            [admin.id, 'adaptive_export', '?format=json&limit=10000'],
          ],
        );
        assert.equal(log.body[2].rows, page.body.length);
        assert.equal(log.body[1].rows, parseCsv(streamed.text).length - 1);
      });

      for (const role of ['structure', 'territory'] as const) {
        test(`a ${role} key reads no adaptive test (none belongs to a campaign or carries a commune) and may not erase one`, async () => {
          const org = await organisation();
          // The organisation a page names is its own say: it does not put the test in a structure's scope.
          const d = device();
          assert.equal((await api.call('POST', '/v1/adaptive-sessions', { ...d.create, organisation: org }, undefined)).status, 201);
          const scoped = await key(role === 'structure' ? { role, organisation: org } : { role, territory: 'dep:35' });
          for (const query of ['format=json', 'format=json&limit=100', `format=json&organisation=${org}`]) {
            const reply = await api.call('GET', `/v1/export/adaptive?${query}`, undefined, scoped.key);
            assert.equal(reply.status, 200, reply.text);
            assert.deepEqual(reply.body, [], query);
          }
          const erase = await api.call('DELETE', d.url, undefined, scoped.key);
          assert.equal(erase.status, 403);
          assert.equal(erase.body.error, 'forbidden');
          assert.ok(await store.getAdaptiveSessionData(d.create.sessionId), 'still stored');
          const [last] = (await api.call('GET', '/v1/audit?limit=1', undefined, ADMIN)).body;
          assert.deepEqual([last.actor, last.action, last.rows], [scoped.id, 'adaptive_export', 0]);
        });
      }
    });
  });
}
