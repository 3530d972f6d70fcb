/**
 * The Node entry: JSON-line logs, and a graceful shutdown that lets a request in flight finish.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { definition } from './fixture.js';
import { secret, uid } from './helpers.js';
import { startServer, type ServerProcess } from './server-process.js';

let dir = '';
let server: ServerProcess | undefined;
after(async () => {
  server?.child.kill('SIGKILL');
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('SIGTERM: not ready any more, the request in flight completes, then the process exits 0; logs are JSON lines', { timeout: 400_000 }, async () => {
  dir = await mkdtemp(join(tmpdir(), 'obs-collector-server-'));
  const definitionFile = join(dir, 'fixture.json');
  await writeFile(definitionFile, JSON.stringify(definition));
  server = await startServer({ DATA_DIR: join(dir, 'data'), SURVEY_DEFINITIONS: definitionFile, ADMIN_TOKEN: secret() });
  let stdout = '';
  server.child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  assert.equal((await fetch(`${server.url}/readyz`)).status, 200);

  // A request whose body is still on its way when the signal comes.
  const body = JSON.stringify({ surveyId: 'fixture', contentVersion: '1.0.0', device: 'tablet', lang: 'fr', sessionId: uid('s'), token: secret() });
  let sendRest: () => void = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(body.slice(0, 20)));
      sendRest = () => {
        controller.enqueue(new TextEncoder().encode(body.slice(20)));
        controller.close();
      };
    },
  });
  const inFlight = fetch(`${server.url}/v1/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: stream,
    duplex: 'half',
  } as RequestInit);
  await new Promise((resolve) => setTimeout(resolve, 300));
  server.child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  sendRest();
  const reply = await inFlight;
  assert.equal(reply.status, 201, await reply.clone().text());
  assert.equal(await server.exited, 0);
  await assert.rejects(fetch(`${server.url}/healthz`), 'no longer listening');

  const lines = stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
  const created = lines.find((line) => line['route'] === '/v1/sessions');
  assert.ok(created, stdout);
  assert.deepEqual(Object.keys(created).sort(), ['durationMs', 'level', 'method', 'requestId', 'route', 'status', 'time']);
  assert.equal(created['status'], 201);
  assert.ok(!stdout.includes(body.slice(20)), 'no request body in the logs');
});
