/**
 * The bench's baseline: a bare Hono handler that does one `INSERT` of the same answer row into the
 * same schema (the collector's migrations), with no checks. What the database alone allows on this
 * machine; `bench/collector.ts` reports the collector as a ratio of it. DATA_DIR (PGlite) or
 * DATABASE_URL, PORT, HOST.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { PgliteStore } from '../packages/collector/src/store/pglite.js';
import { PostgresStore } from '../packages/collector/src/store/postgres.js';
import type { SqlClient } from '../packages/collector/src/store/sql-client.js';

const env = process.env;
const store = env['DATABASE_URL'] ? await PostgresStore.open(env['DATABASE_URL']) : await PgliteStore.open(env['DATA_DIR'] ?? '.data/baseline');
const db = (store as unknown as { client: SqlClient }).client;

const app = new Hono();
// Sessions for the answers to point at (the foreign key), made in one statement.
app.post('/bench/sessions', async (c) => {
  const { prefix, count } = await c.req.json<{ prefix: string; count: number }>();
  await db.query(
    `INSERT INTO sessions (id, token_hash, survey_id, content_version, organisation, device, lang, started_at, received_at)
     SELECT $1 || '-' || g, repeat('0', 64), 'fixture', '1.0.0', NULL, 'tablet', 'fr', $3::bigint, $3::bigint FROM generate_series(0, $2::int - 1) g`,
    [prefix, count, Date.now()],
  );
  return c.json({ ok: true }, 201);
});
// 201 when the row is stored now, 200 when it was already there: the bench counts only 201s, as for the collector.
app.post('/v1/sessions/:id/answers', async (c) => {
  const b = await c.req.json<Record<string, unknown>>();
  const stored = await db.query(
    `INSERT INTO answers (session_id, answer_id, challenge_id, answer, timed_out, status, details, actor, started_at, answered_at, duration_ms, skipped_remaining, received_at)
     VALUES ($1, $2, $3, $4::text::jsonb, false, 'ok', '{}'::jsonb, $5, $6, $7, $8, false, $9) ON CONFLICT DO NOTHING RETURNING answer_id`,
    [c.req.param('id'), b['answerId'], b['challengeId'], JSON.stringify(b['answer']), b['actor'], b['startedAt'], b['answeredAt'], b['durationMs'], Date.now()],
  );
  return c.json({ answerId: b['answerId'], status: 'ok' }, stored.length === 1 ? 201 : 200);
});

const server = serve({ fetch: app.fetch, port: Number(env['PORT'] ?? 8788), ...(env['HOST'] ? { hostname: env['HOST'] } : {}) }, (info) => {
  console.log(`baseline listening on http://localhost:${info.port}`);
});
process.on('SIGTERM', () => {
  server.close();
  void store.close().then(() => process.exit(0));
});
