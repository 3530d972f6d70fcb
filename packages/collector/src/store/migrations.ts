/** Reads `packages/collector/migrations/*.sql`, the one schema both SQL adapters apply. */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Migration } from './sql-client.js';

/** The package's `migrations/` folder (next to `src/` and `dist/`). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/**
 * The migration files, sorted by name.
 *
 * @example
 * const migrations = await loadMigrations(); // [{ name: '001_init.sql', sql: 'CREATE TABLE …' }]
 */
export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(`${dir}/${name}`, 'utf8') })));
}
