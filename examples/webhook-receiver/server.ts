/**
 * A small Node server receiving Observatoire's webhooks (see README.md):
 *   WEBHOOK_SECRET=whsec_… PORT=3000 node --import tsx examples/webhook-receiver/server.ts
 * It prints one line per event handled.
 */
import { createServer } from 'node:http';
import { webhookReceiver } from './receiver.js';

const secret = process.env['WEBHOOK_SECRET'];
if (!secret) throw new Error('Set WEBHOOK_SECRET to the secret shown when the webhook was added (whsec_…).');
const port = Number(process.env['PORT'] ?? 3000);
/** Larger bodies are not the collector's: refuse them before reading on. */
const MAX_BODY_BYTES = 64 * 1024;

const receive = webhookReceiver({
  secret,
  onEvent: (id, event) => {
    const { sessionId, externalRef, endReason, staircaseLevel } = event.data;
    console.log(JSON.stringify({ webhookId: id, type: event.type, sessionId, externalRef, endReason, staircaseLevel }));
  },
});

createServer(async (request, response) => {
  if (request.method !== 'POST') return void response.writeHead(405, { allow: 'POST' }).end();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return void response.writeHead(413).end();
    chunks.push(chunk as Buffer);
  }
  const reply = await receive(request.headers, Buffer.concat(chunks).toString('utf8'));
  response.writeHead(reply.status, { 'content-type': 'text/plain; charset=utf-8' }).end(reply.status === 204 ? undefined : reply.message);
}).listen(port, () => console.log(`Webhook receiver listening on http://localhost:${port}`));
