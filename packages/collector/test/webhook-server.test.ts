/**
 * The Node entry's webhook worker: a delivery queued while an instance sends none (`WEBHOOKS=0`) waits
 * in the database across a restart, and the next instance sends it as it starts, signed.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { WebhookPayload } from '@observatoire/core/api';
import { webhookReceiver } from '../../../examples/webhook-receiver/receiver.js';
import { definition, questionnaireAnswers } from './fixture.js';
import { ADMIN, secret, uid } from './helpers.js';
import { startServer, type ServerProcess } from './server-process.js';

let dir = '';
let server: ServerProcess | undefined;
const hook = createServer();
after(async () => {
  server?.child.kill('SIGKILL');
  await new Promise<void>((resolve) => hook.close(() => resolve()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('a delivery queued before a restart is sent by the next instance as it starts', { timeout: 400_000 }, async () => {
  dir = await mkdtemp(join(tmpdir(), 'obs-collector-webhook-server-'));
  const definitionFile = join(dir, 'fixture.json');
  await writeFile(definitionFile, JSON.stringify(definition));
  const env = { DATA_DIR: join(dir, 'data'), SURVEY_DEFINITIONS: definitionFile, ADMIN_TOKEN: ADMIN, LOG_REQUESTS: '0' };

  const handled: { id: string; payload: WebhookPayload }[] = [];
  let receive: ReturnType<typeof webhookReceiver> | undefined;
  hook.on('request', async (request, response) => {
    let body = '';
    for await (const chunk of request) body += String(chunk);
    const reply = receive ? await receive(request.headers, body) : { status: 503 };
    response.writeHead(reply.status).end();
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));

  server = await startServer({ ...env, WEBHOOKS: '0' });
  const call = async (method: string, path: string, body: unknown, token: string | null = ADMIN) => {
    const auth: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
    const response = await fetch(`${server!.url}${path}`, { method, headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, string> };
  };
  const org = (await call('POST', '/v1/organisations', { id: uid('org'), name: 'Tiers-lieu', commune: '35238' })).body['id']!;
  const code = (await call('POST', '/v1/campaigns', { organisation: org, surveyId: 'fixture', contentVersion: '1.0.0', opensAt: Date.now() - 60_000 })).body['code']!;
  const added = await call('POST', '/v1/webhooks', { url: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`, events: ['questionnaire.validated'], organisation: org });
  assert.equal(added.status, 201);
  receive = webhookReceiver({ secret: added.body['secret']!, onEvent: (id, payload) => void handled.push({ id, payload }) });
  const sessionId = uid('s');
  const token = secret();
  assert.equal((await call('POST', '/v1/sessions', { surveyId: 'fixture', contentVersion: '1.0.0', device: 'tablet', lang: 'fr', sessionId, token, campaign: code }, null)).status, 201);
  assert.equal((await call('PUT', `/v1/sessions/${sessionId}/questionnaire`, { answers: questionnaireAnswers, filledByMediator: false, validatedAt: Date.now() }, token)).status, 201);
  server.child.kill('SIGTERM');
  assert.equal(await server.exited, 0);
  assert.equal(handled.length, 0, 'the first instance sent nothing');

  server = await startServer(env);
  for (let i = 0; i < 600 && handled.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.deepEqual(handled.map((h) => [h.payload.type, h.payload.data.sessionId]), [['questionnaire.validated', sessionId]]);
  server.child.kill('SIGTERM');
  assert.equal(await server.exited, 0);
});
