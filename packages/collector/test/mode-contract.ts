/**
 * How a drag was done, written once and run against every store (memory, PGlite, PostgreSQL): the
 * answer's `mode` is stored and exported in `mode_<challengeId>`, never scored, and a mode that is not
 * one of the modes is refused with nothing stored (docs/export-format.md, "How the task was done").
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseSurveyDefinition } from '@observatoire/core';
import { createApp } from '../src/app.js';
import type { Store } from '../src/store/types.js';
import { definition, questionnaireAnswers } from './fixture.js';
import { ADMIN, client, secret, uid } from './helpers.js';

/** The fixture survey with its first challenge a drag: put the photo in the "animaux" folder. */
const withDrag = parseSurveyDefinition({
  ...definition,
  id: 'fixture-drag',
  challenges: definition.challenges.map((c) =>
    c.id === 'm1'
      ? {
          id: 'm1',
          type: 'interactive',
          instruction: { fr: 'Rangez la photo', en: 'File the photo' },
          widget: { name: 'obs-w-drag', config: {} },
          solution: { folder: ['animaux'] },
        }
      : c,
  ),
});

export function modeContractSuite(name: string, openStore: () => Promise<Store>, closeStore: (store: Store) => Promise<void> = (s) => s.close()): void {
  describe(`how a drag was done (mode) over ${name}`, () => {
    let store: Store;
    let api: ReturnType<typeof client>;
    const now = Date.UTC(2025, 4, 12, 9, 30);

    before(async () => {
      store = await openStore();
      const app = createApp({ store, definitions: [withDrag], adminToken: ADMIN, rateLimit: false, now: () => now });
      api = client(app);
    });
    after(() => closeStore(store));

    async function started() {
      const s = { sessionId: uid('s'), token: secret() };
      const created = await api.call('POST', '/v1/sessions', { surveyId: 'fixture-drag', contentVersion: withDrag.version, device: 'tablet', lang: 'fr', ...s });
      assert.equal(created.status, 201, created.text);
      const put = await api.call('PUT', `/v1/sessions/${s.sessionId}/questionnaire`, { answers: questionnaireAnswers, filledByMediator: false, validatedAt: now }, s.token);
      assert.equal(put.status, 201, put.text);
      return s;
    }

    function answer(s: { sessionId: string; token: string }, given: unknown) {
      return api.call(
        'POST',
        `/v1/sessions/${s.sessionId}/answers`,
        { answerId: uid('a'), challengeId: 'm1', answer: given, actor: 'participant', startedAt: now, answeredAt: now + 1000, durationMs: 1000 },
        s.token,
      );
    }

    async function exported(sessionId: string): Promise<{ columns: string[]; row: Record<string, string> }> {
      const reply = await api.call('GET', '/v1/export?format=json', undefined, ADMIN);
      assert.equal(reply.status, 200, reply.text);
      const row = (reply.body as Record<string, string>[]).find((r) => r['session_id'] === sessionId);
      assert.ok(row, 'the session is in the export');
      return { columns: Object.keys(row), row };
    }

    const cases: [string, Record<string, string> | null, string, string][] = [
      ['a drag to the right folder', { folder: 'animaux', mode: 'drag' }, 'ok', 'drag'],
      ['the keyboard alternative to the right folder', { folder: 'animaux', mode: 'keyboard' }, 'ok', 'keyboard'],
      ['two taps to the wrong folder', { folder: 'famille', mode: 'tap' }, 'ko', 'tap'],
      ['an answer sent before widgets reported a mode', { folder: 'animaux' }, 'ok', ''],
      ['a skip', null, 'aband', ''],
    ];
    for (const [label, given, status, mode] of cases)
      test(`${label}: ch_m1 is ${status}, mode_m1 is "${mode}"`, async () => {
        const s = await started();
        const reply = await answer(s, given);
        assert.equal(reply.status, 201, reply.text);
        const { columns, row } = await exported(s.sessionId);
        assert.equal(row['ch_m1'], status);
        assert.equal(row['mode_m1'], mode);
        assert.ok(columns.indexOf('mode_m1') > columns.indexOf('ch_c5'), 'the mode columns follow the challenge columns');
        assert.ok(!columns.includes('mode_m2'), 'no mode column for a challenge whose answer carries none');
      });

    const refused: [string, Record<string, unknown>][] = [
      ['a mode that is not one of the modes', { folder: 'animaux', mode: 'souris' }],
      ['a mode that is not a text', { folder: 'animaux', mode: 1 }],
    ];
    for (const [label, given] of refused)
      test(`${label} is refused, naming the answer, and nothing is stored`, async () => {
        const s = await started();
        const reply = await answer(s, given);
        assert.equal(reply.status, 400, reply.text);
        assert.equal(reply.body.error, 'invalid_request');
        assert.deepEqual(reply.body.issues.map((i: { path: string }) => i.path), ['answer']);
        assert.deepEqual((await store.getSessionData(s.sessionId))?.answers, []);
        assert.equal((await answer(s, { folder: 'animaux', mode: 'drag' })).status, 201, 'a right one can be sent after');
      });
  });
}
