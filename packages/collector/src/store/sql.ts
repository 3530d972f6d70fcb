/**
 * The storage logic shared by the PGlite and PostgreSQL adapters: same SQL, same migrations.
 * Idempotence comes from primary keys and `INSERT … ON CONFLICT DO NOTHING`, so several
 * collector instances can write to one database at once.
 *
 * This file holds the sessions (creation, questionnaire, erasure) and the store's operations;
 * answers and events are in `sql-records.ts`, the reads for the export in `sql-export.ts`, the
 * driver interface and the migrations in `sql-client.ts`.
 */
import { randomBytes } from '@observatoire/core/api';
import type {
  AddAnswerResult,
  AddEventResult,
  AnswerRecord,
  BucketRule,
  EventRecord,
  QuestionnaireRecord,
  SessionData,
  SessionFilter,
  SessionHead,
  SessionRecord,
  Store,
  StoreStats,
} from './types.js';
import { SessionGoneError } from './errors.js';
import type { AdaptiveAnswerRecord, AdaptiveEnd, AdaptiveSessionData, AdaptiveSessionRecord, AddAdaptiveAnswerResult } from './adaptive-types.js';
import { SqlAdaptiveStore } from './sql-adaptive.js';
import { SqlBuckets } from './sql-buckets.js';
import type { SqlClient } from './sql-client.js';
import { loadSessionData, streamSessionData } from './sql-export.js';
import { SqlRecords } from './sql-records.js';
import { SqlStructures } from './sql-structures.js';
import { enqueueDeliveries, SqlWebhooks } from './sql-webhooks.js';
import type { WebhookEvent } from './webhook-types.js';
import { SqlRefusals } from './sql-refusals.js';
import { gone, QUESTIONNAIRE_COLUMNS, SESSION_COLUMNS, toSession } from './sql-rows.js';

/**
 * `Store` over SQL. JSON goes in as text cast to `jsonb` so both drivers send the same thing.
 *
 * @example
 * const store = new SqlStore(client); // client: a PGlite or pg adapter
 */
export class SqlStore implements Store {
  /** Answers (batched or not) and events. */
  private readonly records: SqlRecords;
  /** Adaptive tests (`sql-adaptive.ts`). */
  private readonly adaptive: SqlAdaptiveStore;
  readonly structures: SqlStructures;
  readonly webhooks: SqlWebhooks;
  readonly refusals: SqlRefusals;

  /**
   * `batchAnswers`: answers arriving together go into one statement and one commit (group commit,
   * see `SqlRecords`), at most `concurrency` batches at once.
   */
  constructor(
    private readonly client: SqlClient,
    options: ConstructorParameters<typeof SqlRecords>[1] = {},
  ) {
    this.records = new SqlRecords(client, options);
    this.adaptive = new SqlAdaptiveStore(client);
    this.structures = new SqlStructures(client);
    this.webhooks = new SqlWebhooks(client);
    this.refusals = new SqlRefusals(client);
  }

  async createSession(r: SessionRecord): Promise<{ created: boolean; session: SessionRecord }> {
    // One statement: an erased id is never inserted, even by a replay racing the erasure.
    const inserted = await this.client.query(
      `INSERT INTO sessions (${SESSION_COLUMNS})
       SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::bigint, $9::bigint, NULL::bigint, NULL::text, $10::text
              , $11::text, $12::text, $13::text, $14::text
       WHERE NOT EXISTS (SELECT 1 FROM erased_sessions WHERE id = $1)
       ON CONFLICT (id) DO NOTHING RETURNING ${SESSION_COLUMNS}`,
      [
        r.id, r.tokenHash, r.surveyId, r.contentVersion, r.organisation, r.device, r.lang, r.startedAt, r.receivedAt, r.campaign ?? null,
        r.externalRef ?? null, r.followUpCode ?? null,
        r.channel ?? 'online', r.paperDate ?? null,
      ],
    );
    if (inserted[0]) return { created: true, session: toSession(inserted[0]) };
    const row = (await this.client.query(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = $1`, [r.id]))[0];
    // An erased id, or an erasure between the two statements.
    if (!row) throw new SessionGoneError(r.id);
    return { created: false, session: toSession(row) };
  }

  async getSession(id: string): Promise<SessionHead | null> {
    const rows = await this.client.query(
      `SELECT ${SESSION_COLUMNS.replace(/(^|, )/g, '$1s.')},
              EXISTS (SELECT 1 FROM questionnaires q WHERE q.session_id = s.id) AS has_questionnaire
       FROM sessions s WHERE s.id = $1`,
      [id],
    );
    const row = rows[0];
    return row ? { ...toSession(row), hasQuestionnaire: row['has_questionnaire'] === true } : null;
  }

  async putQuestionnaire(r: QuestionnaireRecord, webhook?: WebhookEvent): Promise<boolean> {
    const insert = (db: Pick<SqlClient, 'query'>) =>
      db.query(
        `INSERT INTO questionnaires (${QUESTIONNAIRE_COLUMNS})
         VALUES ($1, $2::text::jsonb, $3, $4, $5, $6::text::jsonb) ON CONFLICT (session_id) DO NOTHING RETURNING session_id`,
        [r.sessionId, JSON.stringify(r.answers), r.filledByMediator, r.validatedAt, r.receivedAt, JSON.stringify(r.prefilled ?? [])],
      );
    if (!webhook) return (await gone(r.sessionId, insert(this.client))).length === 1;
    // The outbox: the deliveries are queued in the questionnaire's own transaction, or not at all.
    return gone(r.sessionId, this.client.transaction(async (tx) => {
      const stored = (await insert(tx)).length === 1;
      if (stored) await enqueueDeliveries(tx, r.sessionId, webhook);
      return stored;
    }));
  }

  addAnswer(r: AnswerRecord): Promise<AddAnswerResult> {
    return this.records.addAnswer(r);
  }

  addEvent(r: EventRecord, maxEvents?: number, webhook?: WebhookEvent): Promise<AddEventResult> {
    return this.records.addEvent(r, maxEvents, webhook);
  }

  findAnswer(sessionId: string, answerId: string): Promise<AnswerRecord | null> {
    return this.records.findAnswer(sessionId, answerId);
  }

  findEvent(sessionId: string, eventId: string): Promise<EventRecord | null> {
    return this.records.findEvent(sessionId, eventId);
  }

  async getSessionData(id: string): Promise<SessionData | null> {
    const [data] = await loadSessionData(this.client, 'WHERE id = $1', [id]);
    return data ?? null;
  }

  async listSessionData(): Promise<SessionData[]> {
    const all: SessionData[] = [];
    for await (const data of this.streamSessionData()) all.push(data);
    return all;
  }

  streamSessionData(filter: SessionFilter = {}, pageSize = 500): AsyncIterable<SessionData> {
    return streamSessionData(this.client, filter, pageSize);
  }

  async deleteSession(id: string, erasedAt: number): Promise<boolean> {
    return this.client.transaction(async (tx) => {
      await tx.query('INSERT INTO erased_sessions (id, erased_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, erasedAt]);
      const rows = await tx.query('DELETE FROM sessions WHERE id = $1 RETURNING id', [id]);
      return rows.length === 1;
    });
  }

  createAdaptiveSession(r: AdaptiveSessionRecord): Promise<{ created: boolean; session: AdaptiveSessionRecord }> {
    return this.adaptive.createAdaptiveSession(r);
  }

  getAdaptiveSessionData(id: string): Promise<AdaptiveSessionData | null> {
    return this.adaptive.getAdaptiveSessionData(id);
  }

  addAdaptiveAnswer(r: AdaptiveAnswerRecord): Promise<AddAdaptiveAnswerResult> {
    return this.adaptive.addAdaptiveAnswer(r);
  }

  finishAdaptiveSession(id: string, end: AdaptiveEnd): Promise<AdaptiveSessionRecord> {
    return this.adaptive.finishAdaptiveSession(id, end);
  }

  streamAdaptiveSessionData(filter: SessionFilter = {}, pageSize = 500): AsyncIterable<AdaptiveSessionData> {
    return this.adaptive.streamAdaptiveSessionData(filter, pageSize);
  }

  deleteAdaptiveSession(id: string, erasedAt: number): Promise<boolean> {
    return this.adaptive.deleteAdaptiveSession(id, erasedAt);
  }

  async isErased(id: string): Promise<boolean> {
    return (await this.client.query('SELECT 1 FROM erased_sessions WHERE id = $1', [id])).length === 1;
  }

  async ping(): Promise<void> {
    await this.client.query('SELECT 1');
  }

  stats(): StoreStats {
    return this.client.stats();
  }

  close(): Promise<void> {
    return this.client.close();
  }

  /**
   * Rate-limit buckets in this database, shared by every instance on it.
   *
   * @example
   * createApp({ store, definitions, rateLimit: { ...rule, buckets: store.rateLimitBuckets(rule) } });
   */
  rateLimitBuckets(rule: BucketRule): SqlBuckets {
    return new SqlBuckets(this.client, rule);
  }

  /**
   * A random secret shared by every instance on this database, made by the first one to ask
   * (the salt of the rate limit's address hashes with database buckets).
   *
   * @example
   * const salt = await store.sharedSecret('rate_limit_salt');
   */
  async sharedSecret(name: string): Promise<string> {
    const fresh = [...randomBytes(32)].map((b) => b.toString(16).padStart(2, '0')).join('');
    await this.client.query('INSERT INTO collector_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, fresh]);
    const [row] = await this.client.query<{ value: string }>('SELECT value FROM collector_secrets WHERE name = $1', [name]);
    return row!.value;
  }
}
