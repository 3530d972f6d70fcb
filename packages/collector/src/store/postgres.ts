/**
 * PostgreSQL through a `pg` pool, for deployments with several stateless collector instances on
 * one database. Correctness rests on constraints, never on an instance's memory.
 */
import pg from 'pg';
import { loadMigrations } from './migrations.js';
import { migrate, type SqlClient, type SqlQueries } from './sql-client.js';
import { SqlStore } from './sql.js';

/**
 * @example
 * const store = await PostgresStore.open(process.env.DATABASE_URL!);
 */
export class PostgresStore extends SqlStore {
  /**
   * Connect and apply the migrations (instances starting together wait for each other).
   * `answerBatches`: how many group-commit batches of answers may be written at once (default 3 of
   * the pool's connections); 0 writes each answer on its own.
   */
  static async open(connectionString: string, options: { maxConnections?: number; answerBatches?: number } = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
    // An idle client losing its connection must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const client = poolClient(pool);
    try {
      await migrate(client, await loadMigrations());
    } catch (error) {
      await pool.end();
      throw error;
    }
    const concurrency = options.answerBatches ?? 3;
    return new PostgresStore(client, concurrency > 0 ? { batchAnswers: { concurrency, start: 'immediate' } } : {});
  }
}

function queries(db: pg.Pool | pg.PoolClient): SqlQueries {
  return {
    async query<R>(text: string, params: readonly unknown[] = []) {
      return (await db.query(text, [...params])).rows as R[];
    },
    async exec(text: string) {
      await db.query(text);
    },
  };
}

function poolClient(pool: pg.Pool): SqlClient {
  return {
    ...queries(pool),
    async transaction(fn) {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await fn(queries(connection));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        connection.release();
      }
    },
    stats: () => ({ waiting: pool.waitingCount, connections: pool.totalCount, idle: pool.idleCount }),
    close: () => pool.end(),
  };
}
