/** Every secret the collector makes comes from core's `randomBytes`; each keeps its own format. */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { newApiKey } from '../src/routes/keys.js';
import { PgliteStore } from '../src/store/pglite.js';
import { newWebhookSecret } from '../src/webhooks/signature.js';

const formats: [string, () => string, RegExp][] = [
  ['an API key is obs_ and 43 base64url characters (32 bytes)', newApiKey, /^obs_[A-Za-z0-9_-]{43}$/],
  ['a webhook secret is whsec_ and 44 base64 characters (32 bytes)', newWebhookSecret, /^whsec_[A-Za-z0-9+/]{43}=$/],
];
for (const [rule, make, format] of formats) {
  test(rule, () => {
    const made = Array.from({ length: 50 }, make);
    for (const secret of made) assert.match(secret, format);
    assert.equal(new Set(made).size, made.length, 'a new one each time');
  });
}

test("the store's shared secret is 64 hex characters (32 bytes), the same for every caller", async () => {
  const dir = await mkdtemp(join(tmpdir(), 'obs-collector-secret-'));
  const store = await PgliteStore.open(dir);
  try {
    const secret = await store.sharedSecret('rate_limit_salt');
    assert.match(secret, /^[0-9a-f]{64}$/);
    assert.equal(await store.sharedSecret('rate_limit_salt'), secret);
    assert.notEqual(await store.sharedSecret('other'), secret);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
});
