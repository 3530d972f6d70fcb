/**
 * Embedded PostgreSQL (PGlite, WebAssembly) in a data folder: the default, zero-setup store.
 *
 * Durability: `relaxedDurability` stays off, so a query resolves only after PostgreSQL has
 * committed and PGlite's Node file system has written the WAL to the files of the data folder
 * (plain `write` calls, no user-space buffer). An acknowledged write therefore survives the
 * process being killed (`kill -9`); surviving a power cut needs `fsync`, which PGlite's Node file
 * system does not issue: use PostgreSQL for that.
 */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { loadMigrations } from './migrations.js';
import { migrate, type SqlClient, type SqlQueries } from './sql-client.js';
import { SqlStore } from './sql.js';

/**
 * @example
 * const store = await PgliteStore.open('.data/collector');
 */
export class PgliteStore extends SqlStore {
  /** Open (and create, then migrate) the database in `dataDir`. */
  static async open(dataDir: string): Promise<PgliteStore> {
    const db = await PGlite.create({ dataDir, relaxedDurability: false });
    const client = pgliteClient(db);
    await migrate(client, await loadMigrations());
    // One query at a time: one batch at a time, started a timer later so requests already sent queue up.
    return new PgliteStore(client, { batchAnswers: { concurrency: 1, start: 'timer' } });
  }
}

/** Queries sent to PGlite and not answered yet: it runs one at a time, the others queue. */
interface Pending {
  n: number;
}

function queries(db: PGlite | Transaction, pending: Pending): SqlQueries {
  return {
    async query<R>(text: string, params: readonly unknown[] = []) {
      pending.n += 1;
      try {
        return (await db.query<R>(text, [...params])).rows;
      } finally {
        pending.n -= 1;
      }
    },
    async exec(text: string) {
      await db.exec(text);
    },
  };
}

function pgliteClient(db: PGlite): SqlClient {
  const pending: Pending = { n: 0 };
  return {
    ...queries(db, pending),
    transaction: (fn) => db.transaction((tx) => fn(queries(tx, pending))),
    stats: () => ({ waiting: Math.max(0, pending.n - 1), connections: 0, idle: 0 }),
    close: () => db.close(),
  };
}
