/**
 * Rate-limit buckets in the database, so that several collector instances on one PostgreSQL
 * count a client's requests together. One statement per request: the upsert refills and takes a
 * token only when one is there, so concurrent instances never both take the last one.
 */
import type { BucketRule, Buckets } from './types.js';
import type { SqlQueries } from './sql-client.js';

/**
 * @example
 * const buckets = new SqlBuckets(client, { burst: 120, perSecond: 10 });
 * await buckets.take('c:…', Date.now()); // 0: allowed
 */
export class SqlBuckets implements Buckets {
  private readonly refillMs: number;
  private lastSweep = 0;

  constructor(
    private readonly db: SqlQueries,
    private readonly rule: BucketRule,
  ) {
    this.refillMs = (rule.burst / rule.perSecond) * 1000;
  }

  async take(key: string, at: number): Promise<number> {
    if (at - this.lastSweep > this.refillMs) {
      this.lastSweep = at;
      // Idle for a full refill: full again, so the row says nothing; bounded table.
      await this.db.query('DELETE FROM rate_limit_buckets WHERE at < $1', [at - this.refillMs]);
    }
    const level = 'LEAST($2::float8, b.tokens + GREATEST(0, $3::bigint - b.at) / 1000.0 * $4::float8)';
    const taken = await this.db.query(
      `INSERT INTO rate_limit_buckets AS b (key, tokens, at) VALUES ($1, $2::float8 - 1, $3)
       ON CONFLICT (key) DO UPDATE SET tokens = ${level} - 1, at = GREATEST(b.at, $3::bigint)
       WHERE ${level} >= 1
       RETURNING tokens`,
      [key, this.rule.burst, at, this.rule.perSecond],
    );
    if (taken.length > 0) return 0;
    const [row] = await this.db.query<{ level: number }>(`SELECT ${level} AS level FROM rate_limit_buckets b WHERE key = $1`, [
      key,
      this.rule.burst,
      at,
      this.rule.perSecond,
    ]);
    return Math.max(1, Math.ceil((1 - Number(row?.level ?? 0)) / this.rule.perSecond));
  }

  async has(key: string, at: number): Promise<boolean> {
    const [row] = await this.db.query<{ ok: boolean }>(
      'SELECT LEAST($2::float8, tokens + GREATEST(0, $3::bigint - at) / 1000.0 * $4::float8) >= 1 AS ok FROM rate_limit_buckets WHERE key = $1',
      [key, this.rule.burst, at, this.rule.perSecond],
    );
    return row === undefined || row.ok === true;
  }
}
