/**
 * The contract suite over PostgreSQL. Needs DATABASE_URL (see scripts/test-collector.sh, which
 * starts a server with scripts/ensure-postgres.sh). Without it this fails: never skipped.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { PostgresStore } from '../../src/store/postgres.js';
import { accessSuite } from '../access-contract.js';
import { participantProgressSuite } from '../participant-progress-contract.js';
import { adaptiveContractSuite } from '../adaptive-contract.js';
import { batchSuite } from '../batch.js';
import { contractSuite } from '../contract.js';
import { linksSuite } from '../links-contract.js';
import { paperContractSuite } from '../paper-contract.js';
import { modeContractSuite } from '../mode-contract.js';
import { exportMemorySuite } from '../export-memory.js';
import { sharedLimitSuite } from '../shared-limit.js';

const url = process.env['DATABASE_URL'];
if (!url) throw new Error('DATABASE_URL is not set: run `DATABASE_URL=$(bash scripts/ensure-postgres.sh)` first.');

contractSuite('PostgresStore', () => PostgresStore.open(url));
adaptiveContractSuite('PostgresStore', () => PostgresStore.open(url));
accessSuite('PostgresStore', () => PostgresStore.open(url));
linksSuite('PostgresStore', () => PostgresStore.open(url));
participantProgressSuite('PostgresStore', () => PostgresStore.open(url));
paperContractSuite('PostgresStore', () => PostgresStore.open(url));
modeContractSuite('PostgresStore', () => PostgresStore.open(url));

batchSuite('PostgresStore', () => PostgresStore.open(url));
// Each answer on its own (no group commit): the same contract.
batchSuite('PostgresStore without batches', () => PostgresStore.open(url, { answerBatches: 0 }));

sharedLimitSuite(
  'PostgresStore',
  async () => [await PostgresStore.open(url), await PostgresStore.open(url)],
  async (stores) => {
    await Promise.all(stores.map((store) => store.close()));
  },
);

test('instances starting together on a fresh database apply each migration once', async () => {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = `obs_migrate_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  try {
    const stores = await Promise.all(Array.from({ length: 4 }, () => PostgresStore.open(fresh.href, { maxConnections: 2 })));
    const check = new pg.Client({ connectionString: fresh.href });
    await check.connect();
    const { rows } = await check.query('SELECT name FROM schema_migrations ORDER BY name');
    const tables = await check.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'");
    await check.end();
    await Promise.all(stores.map((store) => store.close()));
    assert.deepEqual(rows.map((row) => row.name), ['001_init.sql', '002_rate_limits.sql', '003_erasures.sql', '004_adaptive.sql', '005_organisations.sql', '006_session_links.sql', '007_paper.sql', '008_webhooks.sql', '009_webhook_cancelled.sql']);
    assert.equal(tables.rows[0].n, 17, 'the refusals table of 006 and the two webhook tables of 008 included');
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
});

exportMemorySuite('PostgresStore', async () => {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = `obs_export_${process.pid}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  const store = await PostgresStore.open(fresh.href);
  return {
    store,
    close: async () => {
      await store.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
});
