/**
 * The storage logic shared by the PGlite and PostgreSQL adapters: same SQL, same migrations.
 * Idempotence comes from primary keys and `INSERT … ON CONFLICT DO NOTHING`, so several
 * collector instances can write to one database at once.
 */
import type {
  AddAnswerResult,
  AddEventResult,
  AnswerRecord,
  EventRecord,
  QuestionnaireRecord,
  SessionData,
  SessionFilter,
  SessionHead,
  SessionRecord,
  Store,
  StoreStats,
} from './types.js';
import type { BucketRule } from '../middleware/rate-limit/buckets.js';
import { SessionGoneError } from './errors.js';
import { SqlBuckets } from './sql-buckets.js';

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

const SESSION_COLUMNS =
  'id, token_hash, survey_id, content_version, organisation, device, lang, started_at, received_at, ended_at, end_reason';
const ANSWER_COLUMNS =
  'session_id, answer_id, challenge_id, answer, timed_out, status, details, actor, started_at, answered_at, duration_ms, skipped_remaining, received_at';
const EVENT_COLUMNS = 'session_id, event_id, type, course_id, at, actor, detail, received_at';

/**
 * `Store` over SQL. JSON goes in as text cast to `jsonb` so both drivers send the same thing.
 *
 * @example
 * const store = new SqlStore(client); // client: a PGlite or pg adapter
 */
export class SqlStore implements Store {
  /** Answers waiting for the next batched insert (see `batchAnswers`). */
  private readonly answerQueue: { record: AnswerRecord; resolve: (result: AddAnswerResult) => void; reject: (error: unknown) => void }[] = [];
  private flushing = false;

  /**
   * `batchAnswers`: answers arriving while an insert runs go together into the next one (one
   * statement, one commit). For PGlite, which runs one query at a time and pays for each commit.
   */
  constructor(
    private readonly client: SqlClient,
    private readonly options: { batchAnswers?: boolean } = {},
  ) {}

  async createSession(r: SessionRecord): Promise<{ created: boolean; session: SessionRecord }> {
    // One statement: an erased id is never inserted, even by a replay racing the erasure.
    const inserted = await this.client.query(
      `INSERT INTO sessions (${SESSION_COLUMNS})
       SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::bigint, $9::bigint, NULL::bigint, NULL::text
       WHERE NOT EXISTS (SELECT 1 FROM erased_sessions WHERE id = $1)
       ON CONFLICT (id) DO NOTHING RETURNING ${SESSION_COLUMNS}`,
      [r.id, r.tokenHash, r.surveyId, r.contentVersion, r.organisation, r.device, r.lang, r.startedAt, r.receivedAt],
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

  async putQuestionnaire(r: QuestionnaireRecord): Promise<boolean> {
    const rows = await gone(r.sessionId, this.client.query(
      `INSERT INTO questionnaires (session_id, answers, filled_by_mediator, validated_at, received_at)
       VALUES ($1, $2::text::jsonb, $3, $4, $5) ON CONFLICT (session_id) DO NOTHING RETURNING session_id`,
      [r.sessionId, JSON.stringify(r.answers), r.filledByMediator, r.validatedAt, r.receivedAt],
    ));
    return rows.length === 1;
  }

  addAnswer(r: AnswerRecord): Promise<AddAnswerResult> {
    if (!this.options.batchAnswers) return this.addOneAnswer(r);
    return new Promise((resolve, reject) => {
      this.answerQueue.push({ record: r, resolve, reject });
      // PGlite blocks the thread while it runs a query: let the requests already read queue up first.
      if (this.answerQueue.length === 1) setTimeout(() => void this.flushAnswers(), 0);
    });
  }

  /** Insert the queued answers, up to 200 a statement, until the queue is empty (group commit). */
  private async flushAnswers(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.answerQueue.length > 0) {
        const batch = this.answerQueue.splice(0, 200);
        let inserted: Map<string, AnswerRecord>;
        try {
          inserted = await this.insertAnswers(batch.map((item) => item.record));
        } catch {
          // One row failed the statement (a session erased meanwhile): each on its own, with its own outcome.
          for (const item of batch) this.addOneAnswer(item.record).then(item.resolve, item.reject);
          continue;
        }
        for (const item of batch) {
          const key = JSON.stringify([item.record.sessionId, item.record.answerId]);
          const record = inserted.get(key);
          // The first of two identical retries in one batch was inserted; the second is its duplicate.
          inserted.delete(key);
          if (record) item.resolve({ outcome: 'inserted', record });
          else this.notInserted(item.record).then(item.resolve, item.reject);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** One statement for many answers, each stored only into an open session; returns those stored. */
  private async insertAnswers(records: readonly AnswerRecord[]): Promise<Map<string, AnswerRecord>> {
    const column = <T>(get: (r: AnswerRecord) => T) => records.map(get);
    const rows = await this.client.query(
      `INSERT INTO answers (${ANSWER_COLUMNS})
       SELECT v.session_id, v.answer_id, v.challenge_id, v.answer::jsonb, v.timed_out, v.status, v.details::jsonb, v.actor, v.started_at,
              v.answered_at, v.duration_ms, v.skipped_remaining, v.received_at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[], $8::text[], $9::bigint[],
                   $10::bigint[], $11::bigint[], $12::boolean[], $13::bigint[])
         AS v(${ANSWER_COLUMNS})
       WHERE EXISTS (SELECT 1 FROM sessions s WHERE s.id = v.session_id AND s.ended_at IS NULL)
       ON CONFLICT DO NOTHING RETURNING ${ANSWER_COLUMNS}`,
      [
        column((r) => r.sessionId), column((r) => r.answerId), column((r) => r.challengeId),
        column((r) => (r.answer === null ? null : JSON.stringify(r.answer))), column((r) => r.timedOut), column((r) => r.status),
        column((r) => JSON.stringify(r.details)), column((r) => r.actor), column((r) => r.startedAt), column((r) => r.answeredAt),
        column((r) => r.durationMs), column((r) => r.skippedRemaining), column((r) => r.receivedAt),
      ],
    );
    return new Map(rows.map((row) => {
      const record = toAnswer(row);
      return [JSON.stringify([record.sessionId, record.answerId]), record];
    }));
  }

  private async addOneAnswer(r: AnswerRecord): Promise<AddAnswerResult> {
    // One statement on the common path: the insert itself checks that the session is open.
    const rows = await gone(r.sessionId, this.client.query(
      `INSERT INTO answers (${ANSWER_COLUMNS})
       SELECT $1::text, $2::text, $3::text, $4::text::jsonb, $5::boolean, $6::text, $7::text::jsonb, $8::text, $9::bigint, $10::bigint,
              $11::bigint, $12::boolean, $13::bigint
       WHERE EXISTS (SELECT 1 FROM sessions WHERE id = $1 AND ended_at IS NULL)
       ON CONFLICT DO NOTHING RETURNING ${ANSWER_COLUMNS}`,
      [
        r.sessionId, r.answerId, r.challengeId, r.answer === null ? null : JSON.stringify(r.answer), r.timedOut, r.status,
        JSON.stringify(r.details), r.actor, r.startedAt, r.answeredAt, r.durationMs, r.skippedRemaining, r.receivedAt,
      ],
    ));
    if (rows[0]) return { outcome: 'inserted', record: toAnswer(rows[0]) };
    return this.notInserted(r);
  }

  /** Why an answer was not inserted: a retry, another answer to its challenge, or a session ended or erased. */
  private async notInserted(r: AnswerRecord): Promise<AddAnswerResult> {
    const same = await this.findAnswer(r.sessionId, r.answerId);
    if (same) return { outcome: 'duplicate', record: same };
    const other = await this.client.query(`SELECT ${ANSWER_COLUMNS} FROM answers WHERE session_id = $1 AND challenge_id = $2`, [
      r.sessionId,
      r.challengeId,
    ]);
    if (other[0]) return { outcome: 'conflict', record: toAnswer(other[0]) };
    const session = await this.client.query('SELECT ended_at FROM sessions WHERE id = $1', [r.sessionId]);
    if (!session[0]) throw new SessionGoneError(r.sessionId);
    if (session[0]['ended_at'] !== null) return { outcome: 'closed' };
    throw new Error(`answer ${r.answerId} was neither stored nor in conflict`);
  }

  async addEvent(r: EventRecord, maxEvents?: number): Promise<AddEventResult> {
    return gone(r.sessionId, this.client.transaction(async (tx) => {
      const rows = await tx.query(
        `INSERT INTO events (${EVENT_COLUMNS}) SELECT $1::text, $2::text, $3::text, $4::text, $5::bigint, $6::text, $7::text, $8::bigint
         WHERE $9::int IS NULL OR (SELECT count(*) FROM events WHERE session_id = $1) < $9::int
         ON CONFLICT DO NOTHING RETURNING ${EVENT_COLUMNS}`,
        [r.sessionId, r.eventId, r.type, r.courseId, r.at, r.actor, r.detail, r.receivedAt, maxEvents ?? null],
      );
      if (!rows[0]) {
        const same = await tx.query(`SELECT ${EVENT_COLUMNS} FROM events WHERE session_id = $1 AND event_id = $2`, [r.sessionId, r.eventId]);
        if (!same[0]) return { outcome: 'too_many' };
        return { outcome: 'duplicate', record: toEvent(same[0]) };
      }
      if (r.type === 'quit' || r.type === 'finished') {
        await tx.query('UPDATE sessions SET ended_at = $2, end_reason = $3 WHERE id = $1 AND ended_at IS NULL', [
          r.sessionId,
          r.at,
          r.type === 'quit' ? 'quit' : 'completed',
        ]);
      }
      return { outcome: 'inserted', record: toEvent(rows[0]) };
    }));
  }

  async findAnswer(sessionId: string, answerId: string): Promise<AnswerRecord | null> {
    const rows = await this.client.query(`SELECT ${ANSWER_COLUMNS} FROM answers WHERE session_id = $1 AND answer_id = $2`, [sessionId, answerId]);
    return rows[0] ? toAnswer(rows[0]) : null;
  }

  async findEvent(sessionId: string, eventId: string): Promise<EventRecord | null> {
    const rows = await this.client.query(`SELECT ${EVENT_COLUMNS} FROM events WHERE session_id = $1 AND event_id = $2`, [sessionId, eventId]);
    return rows[0] ? toEvent(rows[0]) : null;
  }

  async getSessionData(id: string): Promise<SessionData | null> {
    const [data] = await this.load('WHERE id = $1', [id]);
    return data ?? null;
  }

  async listSessionData(): Promise<SessionData[]> {
    const all: SessionData[] = [];
    for await (const data of this.streamSessionData()) all.push(data);
    return all;
  }

  async *streamSessionData(filter: SessionFilter = {}, pageSize = 500): AsyncIterable<SessionData> {
    let after = filter.after;
    for (;;) {
      const conditions: string[] = [];
      const params: unknown[] = [];
      const param = (value: unknown) => (params.push(value), `$${params.length}`);
      if (after) conditions.push(`(received_at, id) > (${param(after.receivedAt)}::bigint, ${param(after.id)}::text)`);
      if (filter.organisation !== undefined) conditions.push(`organisation = ${param(filter.organisation)}`);
      if (filter.startedFrom !== undefined) conditions.push(`started_at >= ${param(filter.startedFrom)}::bigint`);
      if (filter.startedBefore !== undefined) conditions.push(`started_at < ${param(filter.startedBefore)}::bigint`);
      const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
      const page = await this.load(`${where} ORDER BY received_at, id LIMIT ${param(pageSize)}::int`, params);
      yield* page;
      const last = page.at(-1);
      if (!last || page.length < pageSize) return;
      after = { receivedAt: last.session.receivedAt, id: last.session.id };
    }
  }

  async deleteSession(id: string, erasedAt: number): Promise<boolean> {
    return this.client.transaction(async (tx) => {
      await tx.query('INSERT INTO erased_sessions (id, erased_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, erasedAt]);
      const rows = await tx.query('DELETE FROM sessions WHERE id = $1 RETURNING id', [id]);
      return rows.length === 1;
    });
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
    const fresh = [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, '0')).join('');
    await this.client.query('INSERT INTO collector_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, fresh]);
    const [row] = await this.client.query<{ value: string }>('SELECT value FROM collector_secrets WHERE name = $1', [name]);
    return row!.value;
  }

  /** One consistent snapshot (a transaction) of the sessions `sessionSql` selects, with their children. */
  private load(sessionSql: string, params: unknown[]): Promise<SessionData[]> {
    return this.client.transaction(async (tx) => {
      const sessions = await tx.query(`SELECT ${SESSION_COLUMNS} FROM sessions ${sessionSql}`, params);
      if (sessions.length === 0) return [];
      const byId = new Map<string, SessionData>();
      for (const row of sessions) {
        const session = toSession(row);
        byId.set(session.id, { session, questionnaire: null, answers: [], events: [] });
      }
      const ids = [[...byId.keys()]];
      const children = 'WHERE session_id = ANY($1::text[])';
      const questionnaires = await tx.query(`SELECT session_id, answers, filled_by_mediator, validated_at, received_at FROM questionnaires ${children}`, ids);
      const answers = await tx.query(`SELECT ${ANSWER_COLUMNS} FROM answers ${children} ORDER BY received_at, answer_id`, ids);
      const events = await tx.query(`SELECT ${EVENT_COLUMNS} FROM events ${children} ORDER BY received_at, event_id`, ids);
      for (const row of questionnaires) {
        const data = byId.get(String(row['session_id']));
        if (data) data.questionnaire = toQuestionnaire(row);
      }
      for (const row of answers) byId.get(String(row['session_id']))?.answers.push(toAnswer(row));
      for (const row of events) byId.get(String(row['session_id']))?.events.push(toEvent(row));
      return [...byId.values()];
    });
  }
}

/** A write that breaks the foreign key to `sessions`: the session is gone (erased meanwhile). */
async function gone<T>(sessionId: string, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if ((error as { code?: unknown }).code === '23503') throw new SessionGoneError(sessionId);
    throw error;
  }
}

/** `bigint` columns come back as strings from pg; numbers are safe for epoch milliseconds. */
const num = (value: unknown): number => Number(value);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const strOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

function toSession(row: Row): SessionRecord {
  return {
    id: String(row['id']),
    tokenHash: String(row['token_hash']),
    surveyId: String(row['survey_id']),
    contentVersion: String(row['content_version']),
    organisation: strOrNull(row['organisation']),
    device: row['device'] as SessionRecord['device'],
    lang: row['lang'] as SessionRecord['lang'],
    startedAt: num(row['started_at']),
    receivedAt: num(row['received_at']),
    endedAt: numOrNull(row['ended_at']),
    endReason: (row['end_reason'] ?? null) as SessionRecord['endReason'],
  };
}

function toQuestionnaire(row: Row): QuestionnaireRecord {
  return {
    sessionId: String(row['session_id']),
    answers: row['answers'] as QuestionnaireRecord['answers'],
    filledByMediator: row['filled_by_mediator'] === true,
    validatedAt: num(row['validated_at']),
    receivedAt: num(row['received_at']),
  };
}

function toAnswer(row: Row): AnswerRecord {
  return {
    sessionId: String(row['session_id']),
    answerId: String(row['answer_id']),
    challengeId: String(row['challenge_id']),
    answer: (row['answer'] ?? null) as AnswerRecord['answer'],
    timedOut: row['timed_out'] === true,
    status: row['status'] as AnswerRecord['status'],
    details: row['details'] as AnswerRecord['details'],
    actor: row['actor'] as AnswerRecord['actor'],
    startedAt: num(row['started_at']),
    answeredAt: num(row['answered_at']),
    durationMs: num(row['duration_ms']),
    skippedRemaining: row['skipped_remaining'] === true,
    receivedAt: num(row['received_at']),
  };
}

function toEvent(row: Row): EventRecord {
  return {
    sessionId: String(row['session_id']),
    eventId: String(row['event_id']),
    type: row['type'] as EventRecord['type'],
    courseId: strOrNull(row['course_id']),
    at: num(row['at']),
    actor: row['actor'] as EventRecord['actor'],
    detail: strOrNull(row['detail']),
    receivedAt: num(row['received_at']),
  };
}
