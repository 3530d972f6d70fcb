/**
 * The collector's signatures checked by the example receiver (examples/webhook-receiver), which
 * verifies with `standardwebhooks`, the Standard Webhooks reference implementation; and the retry
 * schedule of the delivery worker.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { webhookReceiver } from '../../../examples/webhook-receiver/receiver.js';
import { newWebhookSecret, signWebhook } from '../src/webhooks/signature.js';
import { DEFAULT_RETRY, retryDelay } from '../src/webhooks/worker.js';

const body = JSON.stringify({ type: 'session.completed', timestamp: '2026-12-02T10:00:00.000Z', data: { sessionId: 's-1' } });

async function headers(secret: string, id: string, timestamp = Math.floor(Date.now() / 1000), signed = body) {
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': await signWebhook(secret, id, timestamp, signed) };
}

describe('the example receiver', () => {
  const secret = newWebhookSecret();

  test("the collector's signature is the reference implementation's", async () => {
    const at = 1_764_669_600;
    assert.equal(await signWebhook(secret, 'msg_1', at, body), new Webhook(secret).sign('msg_1', new Date(at * 1000), body));
  });

  test('a signed event is handled once per webhook-id, however often it comes', async () => {
    const handled: string[] = [];
    const receive = webhookReceiver({ secret, onEvent: (id) => void handled.push(id) });
    const signed = await headers(secret, 'msg_once');
    assert.deepEqual(await receive(signed, body), { status: 204, message: 'handled' });
    assert.deepEqual(await receive(signed, body), { status: 204, message: 'already handled' });
    assert.deepEqual(handled, ['msg_once']);
  });

  for (const [reason, make, message] of [
    ['signed with another secret', () => headers(newWebhookSecret(), 'msg_x'), /No matching signature/],
    ['a body changed after signing', () => headers(secret, 'msg_x', undefined, body.replace('s-1', 's-2')), /No matching signature/],
    ['another webhook-id than the one signed', async () => ({ ...(await headers(secret, 'msg_x')), 'webhook-id': 'msg_y' }), /No matching signature/],
    ['a timestamp ten minutes old (a replayed request)', () => headers(secret, 'msg_x', Math.floor(Date.now() / 1000) - 600), /too old/],
    ['a timestamp ten minutes ahead', () => headers(secret, 'msg_x', Math.floor(Date.now() / 1000) + 600), /too new/],
    ['no signature header', async () => ({ 'webhook-id': 'msg_x', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)) }), /Missing required headers/],
  ] as const) {
    test(`${reason} is refused with 401 and not handled`, async () => {
      const handled: string[] = [];
      const receive = webhookReceiver({ secret, onEvent: (id) => void handled.push(id) });
      const reply = await receive(await make(), body);
      assert.equal(reply.status, 401);
      assert.match(reply.message, message);
      assert.deepEqual(handled, []);
    });
  }

  test('an event whose handling failed answers 500 and is handled on the next attempt', async () => {
    let fail = true;
    const handled: string[] = [];
    const receive = webhookReceiver({
      secret,
      onEvent: (id) => {
        if (fail) throw new Error('database away');
        handled.push(id);
      },
    });
    const signed = await headers(secret, 'msg_retry');
    assert.deepEqual(await receive(signed, body), { status: 500, message: 'database away' });
    fail = false;
    assert.equal((await receive(signed, body)).status, 204);
    assert.deepEqual(handled, ['msg_retry']);
  });
});

describe('retry schedule', () => {
  for (const [attempt, random, delay, reason] of [
    [1, 0, 10_000, 'after the first failure: the base'],
    [3, 0, 40_000, 'doubled after each failure'],
    [3, 0.999_999, 20_000, 'less up to half, drawn at random'],
    [20, 0, 6 * 3_600_000, 'never more than the maximum'],
  ] as const) {
    test(`retry delay ${reason}`, () => assert.equal(retryDelay(attempt, DEFAULT_RETRY, () => random), delay));
  }
});
