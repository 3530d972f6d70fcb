/**
 * Durability: 50 participants write concurrently to the Node server on PGlite; the server is
 * killed with SIGKILL in the middle and restarted on the same data folder. Every answer it had
 * acknowledged is there after the restart, and once the clients have retried with the same ids
 * every answer is there exactly once.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { PgliteStore } from '../src/store/pglite.js';
import { ALL_CHALLENGES, COURSES, definition, questionnaireAnswers, rightAnswer } from './fixture.js';
import { secret } from './helpers.js';
import { startServer, type ServerProcess } from './server-process.js';

const PARTICIPANTS = 50;
const KILL_AFTER_ACKS = 250; // of 50 × 15 = 750 answers
const ADMIN = 'crash-test-admin-token-0123456789';

let dir = '';
let server: ServerProcess | undefined;
after(async () => {
  server?.child.kill('SIGKILL');
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('answers acknowledged before a SIGKILL survive it; retries store each answer exactly once', { timeout: 600_000 }, async () => {
  dir = await mkdtemp(join(tmpdir(), 'obs-collector-crash-'));
  const definitionFile = join(dir, 'fixture.json');
  await writeFile(definitionFile, JSON.stringify(definition));
  const env = { DATA_DIR: join(dir, 'data'), ADMIN_TOKEN: ADMIN, SURVEY_DEFINITIONS: definitionFile };
  server = await startServer(env);
  let url = server.url;

  // Clients wait on this gate whenever the server cannot be reached.
  let openGate: () => void = () => {};
  let gate: Promise<void> = Promise.resolve();
  let killed = false;
  const ackedBeforeKill = new Set<string>();
  let acks = 0;
  let killRequested: () => void = () => {};
  const killPoint = new Promise<void>((resolve) => (killRequested = resolve));

  interface Reply {
    status: number;
    body: Record<string, unknown>;
  }
  async function send(method: string, path: string, body: unknown, token?: string): Promise<Reply> {
    for (let attempt = 1; attempt <= 30; attempt++) {
      await gate;
      try {
        const response = await fetch(`${url}${path}`, {
          method,
          headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(20_000),
        });
        const reply = { status: response.status, body: (await response.json()) as Record<string, unknown> };
        if (response.status === 429) {
          await new Promise((r) => setTimeout(r, Number(response.headers.get('retry-after') ?? 1) * 1000));
          continue;
        }
        if (response.status >= 500) throw new Error(`server error ${response.status}`);
        return reply;
      } catch {
        // Connection refused or reset (the server is down): wait for it, then retry the same request.
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`${method} ${path}: no answer after 30 attempts`);
  }

  async function participant(n: number): Promise<{ sessionId: string; token: string; answerIds: string[] }> {
    const sessionId = `crash-${n}-${Date.now().toString(36)}`;
    const token = secret();
    const created = await send('POST', '/v1/sessions', { surveyId: 'fixture', contentVersion: '1.0.0', device: 'tablet', lang: 'fr', sessionId, token });
    assert.ok([200, 201].includes(created.status), JSON.stringify(created.body));
    const put = await send('PUT', `/v1/sessions/${sessionId}/questionnaire`, { answers: questionnaireAnswers, filledByMediator: false, validatedAt: Date.now() }, token);
    assert.ok(put.status === 201 || (put.status === 409 && put.body['error'] === 'questionnaire_already_validated'), JSON.stringify(put.body));
    const answerIds: string[] = [];
    const courses = Object.entries(COURSES);
    for (const [c, [courseId, challenges]] of courses.entries()) {
      for (const challengeId of challenges) {
        const answerId = `${sessionId}-${challengeId}`;
        const given = (n + challengeId.length) % 3 === 0 ? 'faux' : rightAnswer(challengeId);
        const reply = await send('POST', `/v1/sessions/${sessionId}/answers`, { answerId, challengeId, answer: given, actor: 'participant', startedAt: Date.now(), answeredAt: Date.now() + 1000, durationMs: 1000 }, token);
        assert.ok([200, 201].includes(reply.status), JSON.stringify(reply.body));
        answerIds.push(answerId);
        if (!killed) ackedBeforeKill.add(answerId);
        acks += 1;
        if (acks === KILL_AFTER_ACKS) killRequested();
      }
      const events = [{ type: 'course_end', courseId }, ...(c < courses.length - 1 ? [{ type: 'continue', courseId }] : [{ type: 'finished' }])];
      for (const e of events) {
        const reply = await send('POST', `/v1/sessions/${sessionId}/events`, { eventId: `${sessionId}-${e.type}-${courseId}`, at: Date.now(), actor: 'participant', ...e }, token);
        assert.ok([200, 201].includes(reply.status), JSON.stringify(reply.body));
      }
    }
    return { sessionId, token, answerIds };
  }

  const running = Promise.all(Array.from({ length: PARTICIPANTS }, (_, n) => participant(n)));

  await killPoint;
  gate = new Promise<void>((resolve) => (openGate = resolve));
  killed = true;
  server.child.kill('SIGKILL');
  assert.equal(await server.exited, 'SIGKILL');
  const acknowledged = [...ackedBeforeKill];
  assert.ok(acknowledged.length >= KILL_AFTER_ACKS && acknowledged.length < PARTICIPANTS * 15, `${acknowledged.length} answers acknowledged before the kill`);

  server = await startServer(env);
  url = server.url;
  // Before any retry: what the server had acknowledged is there.
  const exported = await fetch(`${url}/v1/export?format=json`, { headers: { Authorization: `Bearer ${ADMIN}` } });
  const rowsAfterRestart = (await exported.json()) as Record<string, string>[];
  const storedNow = new Set<string>();
  for (const row of rowsAfterRestart)
    for (const id of ALL_CHALLENGES) if (row[`ch_${id}`]) storedNow.add(`${row['session_id']}-${id}`);
  assert.deepEqual(acknowledged.filter((id) => !storedNow.has(id)), [], 'acknowledged answers missing after the restart');

  openGate();
  const sessions = await running;

  // Every answer exactly once, each session complete.
  const rows = (await (await fetch(`${url}/v1/export?format=json`, { headers: { Authorization: `Bearer ${ADMIN}` } })).json()) as Record<string, string>[];
  assert.equal(rows.length, PARTICIPANTS);
  for (const row of rows) {
    assert.equal(row['end_reason'], 'completed');
    for (const id of ALL_CHALLENGES) assert.match(row[`ch_${id}`] ?? '', /^(ok|ko)$/, `${row['session_id']} ${id}`);
  }
  server.child.kill('SIGTERM');
  await server.exited;
  server = undefined;
  const store = await PgliteStore.open(env.DATA_DIR);
  try {
    const data = await store.listSessionData();
    const stored = data.flatMap((d) => d.answers.map((a) => a.answerId)).sort();
    assert.deepEqual(stored, sessions.flatMap((s) => s.answerIds).sort());
    assert.equal(new Set(stored).size, PARTICIPANTS * 15);
  } finally {
    await store.close();
  }
});
