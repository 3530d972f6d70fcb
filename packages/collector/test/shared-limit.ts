/**
 * The rate limit with database buckets, held across collector instances: two apps, each with its
 * own store on one database, count one client's requests together.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApp } from '../src/app.js';
import type { SqlStore } from '../src/store/sql.js';
import { definition } from './fixture.js';
import { client, secret, uid } from './helpers.js';

const createBody = { surveyId: 'fixture', contentVersion: '1.0.0', device: 'mobile', lang: 'fr' };

export function sharedLimitSuite(name: string, openTwo: () => Promise<[SqlStore, SqlStore]>, close: (stores: SqlStore[]) => Promise<void>): void {
  test(`${name}: two instances on one database share the rate limit, forged X-Forwarded-For and junk tokens included`, async () => {
    const stores = await openTwo();
    try {
      const rule = { burst: 4, perSecond: 0.001 };
      const clientId = uid('client');
      const [a, b] = stores.map((store) =>
        client(createApp({ store, definitions: [definition], rateLimit: { ...rule, buckets: store.rateLimitBuckets(rule), clientKey: () => clientId } })),
      );
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) {
        const api = i % 2 === 0 ? a! : b!;
        // Junk tokens and forged headers change nothing: the key is the client.
        statuses.push((await api.call('POST', '/v1/sessions', createBody, secret(), { 'X-Forwarded-For': `198.51.100.${i}` })).status);
      }
      assert.deepEqual(statuses, [201, 201, 201, 201, 429, 429, 429, 429]);

      // Concurrent requests on both instances never take more than the burst.
      const racer = uid('client');
      const [c, d] = stores.map((store) =>
        client(createApp({ store, definitions: [definition], rateLimit: { ...rule, buckets: store.rateLimitBuckets(rule), clientKey: () => racer } })),
      );
      const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? c! : d!).call('POST', '/v1/sessions', createBody)));
      assert.equal(replies.filter((r) => r.status === 201).length, 4);
      assert.equal(replies.filter((r) => r.status === 429).length, 8);
    } finally {
      await close(stores);
    }
  });
}
