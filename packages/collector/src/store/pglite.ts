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
import { migrate, SqlStore, type SqlClient, type SqlQueries } from './sql.js';

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
    return new PgliteStore(client);
  }
}

function queries(db: PGlite | Transaction): SqlQueries {
  return {
    async query<R>(text: string, params: readonly unknown[] = []) {
      return (await db.query<R>(text, [...params])).rows;
    },
    async exec(text: string) {
      await db.exec(text);
    },
  };
}

function pgliteClient(db: PGlite): SqlClient {
  return {
    ...queries(db),
    transaction: (fn) => db.transaction((tx) => fn(queries(tx))),
    close: () => db.close(),
  };
}
