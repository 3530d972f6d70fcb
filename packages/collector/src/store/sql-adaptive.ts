/**
 * The adaptive half of `SqlStore` (PGlite and PostgreSQL): tables of `migrations/004_adaptive.sql`.
 * As for the survey, each insert checks in the same statement that its session is open, idempotence
 * and the "once" rules are primary keys and unique constraints, and an erased id is never inserted.
 */
import type {
  AdaptiveAnswerRecord,
  AdaptiveEnd,
  AdaptiveSessionData,
  AdaptiveSessionRecord,
  AdaptiveStore,
  AddAdaptiveAnswerResult,
} from './adaptive-types.js';
import { SessionGoneError } from './errors.js';
import type { Row, SqlClient, SqlQueries } from './sql-client.js';
import { keysetPages } from './sql-export.js';
import { gone, num, numOrNull, strOrNull } from './sql-rows.js';
import type { SessionFilter } from './types.js';

const SESSION = 'id, token_hash, bank_id, bank_version, seed, config, organisation, device, lang, started_at, received_at, ended_at, stop_reason, finish_event_id';
const ANSWER = 'session_id, answer_id, seq, item_id, answer, timed_out, status, actor, started_at, answered_at, duration_ms, theta, se, received_at';

/**
 * @example
 * const adaptive = new SqlAdaptiveStore(client);
 * await adaptive.addAdaptiveAnswer(record); // { outcome: 'inserted', record }
 */
export class SqlAdaptiveStore implements AdaptiveStore {
  constructor(private readonly client: SqlClient) {}

  async createAdaptiveSession(r: AdaptiveSessionRecord): Promise<{ created: boolean; session: AdaptiveSessionRecord }> {
    const inserted = await this.client.query(
      `INSERT INTO adaptive_sessions (${SESSION})
       SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::text::jsonb, $7::text, $8::text, $9::text, $10::bigint, $11::bigint, NULL::bigint, NULL::text, NULL::text
       WHERE NOT EXISTS (SELECT 1 FROM erased_sessions WHERE id = $1)
       ON CONFLICT (id) DO NOTHING RETURNING ${SESSION}`,
      [r.id, r.tokenHash, r.bankId, r.bankVersion, r.seed, JSON.stringify(r.config), r.organisation, r.device, r.lang, r.startedAt, r.receivedAt],
    );
    if (inserted[0]) return { created: true, session: toSession(inserted[0]) };
    const row = (await this.client.query(`SELECT ${SESSION} FROM adaptive_sessions WHERE id = $1`, [r.id]))[0];
    if (!row) throw new SessionGoneError(r.id);
    return { created: false, session: toSession(row) };
  }

  async getAdaptiveSessionData(id: string): Promise<AdaptiveSessionData | null> {
    const [data] = await this.load('WHERE id = $1', [id]);
    return data ?? null;
  }

  async addAdaptiveAnswer(r: AdaptiveAnswerRecord): Promise<AddAdaptiveAnswerResult> {
    const rows = await gone(r.sessionId, this.client.query(
      `INSERT INTO adaptive_answers (${ANSWER})
       SELECT $1::text, $2::text, $3::int, $4::text, $5::text::jsonb, $6::boolean, $7::text, $8::text, $9::bigint, $10::bigint, $11::bigint,
              $12::float8, $13::float8, $14::bigint
       WHERE EXISTS (SELECT 1 FROM adaptive_sessions WHERE id = $1 AND ended_at IS NULL)
       ON CONFLICT DO NOTHING RETURNING ${ANSWER}`,
      [
        r.sessionId, r.answerId, r.seq, r.itemId, r.answer === null ? null : JSON.stringify(r.answer), r.timedOut, r.status, r.actor,
        r.startedAt, r.answeredAt, r.durationMs, r.theta, r.se, r.receivedAt,
      ],
    ));
    if (rows[0]) return { outcome: 'inserted', record: toAnswer(rows[0]) };
    // Why not: a retry, another answer in that place or for that item, or a test ended or erased.
    const same = await this.client.query(`SELECT ${ANSWER} FROM adaptive_answers WHERE session_id = $1 AND answer_id = $2`, [r.sessionId, r.answerId]);
    if (same[0]) return { outcome: 'duplicate', record: toAnswer(same[0]) };
    const other = await this.client.query(`SELECT ${ANSWER} FROM adaptive_answers WHERE session_id = $1 AND (seq = $2 OR item_id = $3) ORDER BY seq LIMIT 1`, [
      r.sessionId,
      r.seq,
      r.itemId,
    ]);
    if (other[0]) return { outcome: 'conflict', record: toAnswer(other[0]) };
    const session = await this.client.query('SELECT ended_at FROM adaptive_sessions WHERE id = $1', [r.sessionId]);
    if (!session[0]) throw new SessionGoneError(r.sessionId);
    if (session[0]['ended_at'] !== null) return { outcome: 'closed' };
    throw new Error(`adaptive answer ${r.answerId} was neither stored nor in conflict`);
  }

  async finishAdaptiveSession(id: string, end: AdaptiveEnd): Promise<AdaptiveSessionRecord> {
    const updated = await this.client.query(
      `UPDATE adaptive_sessions SET ended_at = $2, stop_reason = $3, finish_event_id = $4 WHERE id = $1 AND ended_at IS NULL RETURNING ${SESSION}`,
      [id, end.endedAt, end.stopReason, end.finishEventId],
    );
    const row = updated[0] ?? (await this.client.query(`SELECT ${SESSION} FROM adaptive_sessions WHERE id = $1`, [id]))[0];
    if (!row) throw new SessionGoneError(id);
    return toSession(row);
  }

  streamAdaptiveSessionData(filter: SessionFilter = {}, pageSize = 500): AsyncIterable<AdaptiveSessionData> {
    return keysetPages(filter, pageSize, (sessionSql, params) => this.load(sessionSql, params), { campaigns: false });
  }

  async deleteAdaptiveSession(id: string, erasedAt: number): Promise<boolean> {
    return this.client.transaction(async (tx) => {
      await tx.query('INSERT INTO erased_sessions (id, erased_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, erasedAt]);
      return (await tx.query('DELETE FROM adaptive_sessions WHERE id = $1 RETURNING id', [id])).length === 1;
    });
  }

  /** One consistent snapshot of the sessions `sessionSql` selects, with their answers. */
  private load(sessionSql: string, params: unknown[]): Promise<AdaptiveSessionData[]> {
    return this.client.transaction(async (tx: SqlQueries) => {
      const sessions = await tx.query(`SELECT ${SESSION} FROM adaptive_sessions ${sessionSql}`, params);
      const byId = new Map<string, AdaptiveSessionData>(sessions.map((row) => [String(row['id']), { session: toSession(row), answers: [] }]));
      if (byId.size === 0) return [];
      const answers = await tx.query(`SELECT ${ANSWER} FROM adaptive_answers WHERE session_id = ANY($1::text[]) ORDER BY session_id, seq`, [[...byId.keys()]]);
      for (const row of answers) byId.get(String(row['session_id']))?.answers.push(toAnswer(row));
      return [...byId.values()];
    });
  }
}

function toSession(row: Row): AdaptiveSessionRecord {
  return {
    id: String(row['id']),
    tokenHash: String(row['token_hash']),
    bankId: String(row['bank_id']),
    bankVersion: String(row['bank_version']),
    seed: String(row['seed']),
    config: row['config'] as AdaptiveSessionRecord['config'],
    organisation: strOrNull(row['organisation']),
    device: row['device'] as AdaptiveSessionRecord['device'],
    lang: row['lang'] as AdaptiveSessionRecord['lang'],
    startedAt: num(row['started_at']),
    receivedAt: num(row['received_at']),
    endedAt: numOrNull(row['ended_at']),
    stopReason: (row['stop_reason'] ?? null) as AdaptiveSessionRecord['stopReason'],
    finishEventId: strOrNull(row['finish_event_id']),
  };
}

function toAnswer(row: Row): AdaptiveAnswerRecord {
  return {
    sessionId: String(row['session_id']),
    answerId: String(row['answer_id']),
    seq: num(row['seq']),
    itemId: String(row['item_id']),
    answer: (row['answer'] ?? null) as AdaptiveAnswerRecord['answer'],
    timedOut: row['timed_out'] === true,
    status: row['status'] as AdaptiveAnswerRecord['status'],
    actor: row['actor'] as AdaptiveAnswerRecord['actor'],
    startedAt: num(row['started_at']),
    answeredAt: num(row['answered_at']),
    durationMs: num(row['duration_ms']),
    theta: num(row['theta']),
    se: num(row['se']),
    receivedAt: num(row['received_at']),
  };
}
