/**
 * The webhooks' contract over PostgreSQL, with a restart (the pool closed and opened again), and two
 * collector processes' pools on one database claiming deliveries at once. Needs DATABASE_URL.
 */
import { PostgresStore } from '../../src/store/postgres.js';
import { webhookSuite } from '../webhooks-contract.js';

const url = process.env['DATABASE_URL'];
if (!url) throw new Error('DATABASE_URL is not set: run `DATABASE_URL=$(bash scripts/ensure-postgres.sh)` first.');

webhookSuite(
  'PostgresStore',
  () => PostgresStore.open(url),
  (store) => store.close(),
  async (store) => {
    await store.close();
    return PostgresStore.open(url);
  },
);
