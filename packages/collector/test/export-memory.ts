/**
 * The export streams: 100,000 generated sessions go out as CSV while the heap stays under a
 * constant bound (measured after forced collections, so only what is still held counts). No
 * timing is asserted.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createApp } from '../src/app.js';
import type { SqlClient } from '../src/store/sql-client.js';
import type { SqlStore } from '../src/store/sql.js';
import { definition, questionnaireAnswers } from './fixture.js';
import { ADMIN } from './helpers.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export const GENERATED_SESSIONS = 100_000;
/** Far below what holding 100,000 sessions takes (the export that loaded everything used 190 MB for 17,100). */
export const HEAP_BOUND_BYTES = 64 * 1024 * 1024;

/** Insert `count` played sessions straight in SQL (a questionnaire and three answers each). */
export async function seedSessions(store: SqlStore, count: number, start: number): Promise<void> {
  const client = (store as unknown as { client: SqlClient }).client;
  const prefix = `mem-${start.toString(36)}`;
  await client.query(
    `INSERT INTO sessions (id, token_hash, survey_id, content_version, organisation, device, lang, started_at, received_at, ended_at, end_reason)
     SELECT $1 || '-' || g, repeat('0', 64), 'fixture', '1.0.0', 'org-' || (g % 50), 'tablet', 'fr', $2::bigint + g, $2::bigint + g, NULL, NULL
     FROM generate_series(1, $3::int) g`,
    [prefix, start, count],
  );
  await client.query(
    `INSERT INTO questionnaires (session_id, answers, filled_by_mediator, validated_at, received_at)
     SELECT $1 || '-' || g, $4::text::jsonb, false, $2::bigint + g, $2::bigint + g FROM generate_series(1, $3::int) g`,
    [prefix, start, count, JSON.stringify(questionnaireAnswers)],
  );
  await client.query(
    `INSERT INTO answers (session_id, answer_id, challenge_id, answer, timed_out, status, details, actor, started_at, answered_at, duration_ms, skipped_remaining, received_at)
     SELECT $1 || '-' || g, 'a-' || c, c, '"2"'::jsonb, false, 'ok', '{}'::jsonb, 'participant', $2::bigint + g, $2::bigint + g + 1000, 1000, false, $2::bigint + g
     FROM generate_series(1, $3::int) g, unnest(ARRAY['m1', 'm2', 'm3']) c`,
    [prefix, start, count],
  );
}

export function exportMemorySuite(name: string, open: () => Promise<{ store: SqlStore; close: () => Promise<void> }>): void {
  test(`${name}: exporting ${GENERATED_SESSIONS.toLocaleString('en')} sessions streams in constant memory`, { timeout: 900_000 }, async (t) => {
    const { store, close } = await open();
    try {
      const now = Date.UTC(2025, 4, 12, 9, 30);
      await seedSessions(store, GENERATED_SESSIONS, now - 10 * 86_400_000);
      const app = createApp({ store, definitions: [definition], adminToken: ADMIN, rateLimit: false, now: () => now });
      gc();
      const before = process.memoryUsage().heapUsed;
      const response = await app.fetch(new Request('http://collector.test/v1/export?format=csv', { headers: { Authorization: `Bearer ${ADMIN}` } }));
      assert.equal(response.status, 200);
      const reader = response.body!.getReader();
      let lines = 0;
      let peak = 0;
      let sampledAt = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (const byte of value) if (byte === 10) lines += 1;
        if (lines - sampledAt >= 10_000) {
          sampledAt = lines;
          gc();
          peak = Math.max(peak, process.memoryUsage().heapUsed - before);
        }
      }
      t.diagnostic(`heap growth peak while streaming: ${(peak / 1048576).toFixed(1)} MB`);
      assert.equal(lines, GENERATED_SESSIONS + 1, 'a header line and one line per session');
      assert.ok(peak < HEAP_BOUND_BYTES, `heap grew by ${Math.round(peak / 1048576)} MB while streaming (bound ${HEAP_BOUND_BYTES / 1048576} MB)`);
    } finally {
      await close();
    }
  });
}
