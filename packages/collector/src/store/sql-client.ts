/**
 * What a database driver must offer the SQL store (PGlite and pg adapters alike), and the
 * migrations applied through it.
 */
import type { StoreStats } from './types.js';

/** The little a database driver must offer. Rows come back as plain objects. */
export interface SqlQueries {
  query<R = Row>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface SqlClient extends SqlQueries {
  transaction<T>(fn: (tx: SqlQueries) => Promise<T>): Promise<T>;
  /** The driver's queue and connections, for `/metrics`. */
  stats(): StoreStats;
  close(): Promise<void>;
}

export type Row = Record<string, unknown>;

/** A migration file: applied once, in name order, recorded in `schema_migrations`. */
export interface Migration {
  name: string;
  sql: string;
}

/** Any constant: serialises migrations of instances starting together on one PostgreSQL. */
const MIGRATION_LOCK = 4_270_511;

/**
 * Apply the migrations not applied yet, in one transaction, under an advisory lock.
 *
 * @example
 * await migrate(client, await loadMigrations());
 */
export async function migrate(client: SqlClient, migrations: readonly Migration[]): Promise<string[]> {
  return client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((row) => row.name));
    const applied: string[] = [];
    for (const migration of [...migrations].sort((a, b) => a.name.localeCompare(b.name))) {
      if (done.has(migration.name)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
      applied.push(migration.name);
    }
    return applied;
  });
}
