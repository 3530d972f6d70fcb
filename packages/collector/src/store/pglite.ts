/**
 * Embedded PostgreSQL (PGlite, WebAssembly) in a data folder: the default, zero-setup store.
 *
 * Durability: `relaxedDurability` stays off, so a query resolves only after PostgreSQL has
 * committed and PGlite's Node file system has written the WAL to the files of the data folder
 * (plain `write` calls, no user-space buffer). An acknowledged write therefore survives the
 * process being killed (`kill -9`); surviving a power cut needs `fsync`, which PGlite's Node file
 * system does not issue: use PostgreSQL for that.
 *
 * Memory (docs/collector.md, "PGlite's memory"): PostgreSQL's shared memory lives in the WebAssembly
 * heap, which grows but never shrinks. `shared_buffers` is set to 32 MB (PostgreSQL's default, 128 MB,
 * made the heap grow past its first 128 MB), and a new data folder is created (initdb, a second
 * WebAssembly program with its own heap of several hundred MB) in a short-lived child process, so
 * the collector's own process never holds it.
 */
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { loadMigrations } from './migrations.js';
import { migrate, type SqlClient, type SqlQueries } from './sql-client.js';
import { SqlStore } from './sql.js';

/**
 * @example
 * const store = await PgliteStore.open('.data/collector');
 */
export class PgliteStore extends SqlStore {
  /**
   * Open (and create, then migrate) the database in `dataDir`. `sharedBuffers`: PostgreSQL's
   * `shared_buffers` (`PGLITE_SHARED_BUFFERS`), default `32MB`.
   */
  static async open(dataDir: string, options: { sharedBuffers?: string } = {}): Promise<PgliteStore> {
    const sharedBuffers = options.sharedBuffers ?? DEFAULT_SHARED_BUFFERS;
    if (!/^\d+(kB|MB|GB)$/.test(sharedBuffers)) throw new Error(`PGLITE_SHARED_BUFFERS must be a size such as 32MB, not "${sharedBuffers}".`);
    if (!(await exists(join(dataDir, 'PG_VERSION')))) await createDataDir(dataDir);
    const db = await PGlite.create({
      dataDir,
      relaxedDurability: false,
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`],
    });
    const client = pgliteClient(db);
    await migrate(client, await loadMigrations());
    // One query at a time: one batch at a time, started a timer later so requests already sent queue up.
    return new PgliteStore(client, { batchAnswers: { concurrency: 1, start: 'timer' } });
  }
}

/** Enough for the collector's working set (sessions and answers indexes); PostgreSQL's own default is 128MB. */
const DEFAULT_SHARED_BUFFERS = '32MB';

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Create the database files of a new data folder in a child process: initdb's WebAssembly heap
 * (several hundred MB) then goes with that process instead of staying in the collector's.
 */
async function createDataDir(dataDir: string): Promise<void> {
  const script = 'const { PGlite } = await import(process.argv[1]); const db = await PGlite.create({ dataDir: process.argv[2] }); await db.close();';
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, import.meta.resolve('@electric-sql/pglite'), dataDir]);
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
