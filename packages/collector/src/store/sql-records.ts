/**
 * The SQL store's answers and events: each insert checks in the same statement that its session
 * is open (answers) or not over its event cap (events), and idempotence comes from the primary keys
 * (`INSERT … ON CONFLICT DO NOTHING`). Answers can be batched: see `SqlRecords`' constructor.
 */
import { GroupCommit, type GroupCommitOptions } from './group-commit.js';
import type { SqlClient } from './sql-client.js';
import { ANSWER_COLUMNS, EVENT_COLUMNS, gone, toAnswer, toEvent } from './sql-rows.js';
import { SessionGoneError } from './errors.js';
import type { AddAnswerResult, AddEventResult, AnswerRecord, EventRecord } from './types.js';
import { enqueueDeliveries } from './sql-webhooks.js';
import type { WebhookEvent } from './webhook-types.js';

/**
 * The answer and event half of `SqlStore`, which delegates to it.
 *
 * @example
 * const records = new SqlRecords(client, { batchAnswers: { concurrency: 1, start: 'timer' } });
 * await records.addAnswer(record); // { outcome: 'inserted', record }
 */
export class SqlRecords {
  /** Answers written together, when batched (see the constructor). */
  private readonly answerBatches: GroupCommit<AnswerRecord, AddAnswerResult> | undefined;

  /**
   * `batchAnswers`: answers arriving together, or while earlier batches are being written, go into
   * one statement and one commit (group commit, `GroupCommit`), at most `concurrency` batches at
   * once: 1 for PGlite, which runs one query at a time; a few for a pool of connections.
   */
  constructor(
    private readonly client: SqlClient,
    options: { batchAnswers?: Omit<GroupCommitOptions, 'maxBatch'> } = {},
  ) {
    this.answerBatches = options.batchAnswers
      ? new GroupCommit((records) => this.insertAnswers(records), (record) => this.addOneAnswer(record), { maxBatch: 200, ...options.batchAnswers })
      : undefined;
  }

  addAnswer(r: AnswerRecord): Promise<AddAnswerResult> {
    return this.answerBatches ? this.answerBatches.write(r) : this.addOneAnswer(r);
  }

  /**
   * One statement for many answers, each stored only into an open session; the outcome of each, in
   * order (those not stored are looked up: a retry, a conflict, a session ended or erased).
   */
  private async insertAnswers(records: readonly AnswerRecord[]): Promise<(AddAnswerResult | Promise<AddAnswerResult>)[]> {
    const column = <T>(get: (r: AnswerRecord) => T) => records.map(get);
    const rows = await this.client.query<{ session_id: string; answer_id: string }>(
      `INSERT INTO answers (${ANSWER_COLUMNS})
       SELECT v.session_id, v.answer_id, v.challenge_id, v.answer::jsonb, v.timed_out, v.status, v.details::jsonb, v.actor, v.started_at,
              v.answered_at, v.duration_ms, v.skipped_remaining, v.received_at
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[], $8::text[], $9::bigint[],
                   $10::bigint[], $11::bigint[], $12::boolean[], $13::bigint[])
         AS v(${ANSWER_COLUMNS})
       WHERE EXISTS (SELECT 1 FROM sessions s WHERE s.id = v.session_id AND s.ended_at IS NULL)
       ON CONFLICT DO NOTHING RETURNING session_id, answer_id`,
      [
        column((r) => r.sessionId), column((r) => r.answerId), column((r) => r.challengeId),
        column((r) => (r.answer === null ? null : JSON.stringify(r.answer))), column((r) => r.timedOut), column((r) => r.status),
        column((r) => JSON.stringify(r.details)), column((r) => r.actor), column((r) => r.startedAt), column((r) => r.answeredAt),
        column((r) => r.durationMs), column((r) => r.skippedRemaining), column((r) => r.receivedAt),
      ],
    );
    const inserted = new Set(rows.map((row) => answerKey(row.session_id, row.answer_id)));
    return records.map((r) => {
      const key = answerKey(r.sessionId, r.answerId);
      // The first of two identical retries in one batch was inserted; the second is its duplicate.
      if (!inserted.delete(key)) return this.notInserted(r);
      return { outcome: 'inserted', record: r };
    });
  }

  private async addOneAnswer(r: AnswerRecord): Promise<AddAnswerResult> {
    // One statement on the common path: the insert itself checks that the session is open. What was
    // inserted is the record given (no need to send it back and parse it again).
    const rows = await gone(r.sessionId, this.client.query(
      `INSERT INTO answers (${ANSWER_COLUMNS})
       SELECT $1::text, $2::text, $3::text, $4::text::jsonb, $5::boolean, $6::text, $7::text::jsonb, $8::text, $9::bigint, $10::bigint,
              $11::bigint, $12::boolean, $13::bigint
       WHERE EXISTS (SELECT 1 FROM sessions WHERE id = $1 AND ended_at IS NULL)
       ON CONFLICT DO NOTHING RETURNING answer_id`,
      [
        r.sessionId, r.answerId, r.challengeId, r.answer === null ? null : JSON.stringify(r.answer), r.timedOut, r.status,
        JSON.stringify(r.details), r.actor, r.startedAt, r.answeredAt, r.durationMs, r.skippedRemaining, r.receivedAt,
      ],
    ));
    if (rows[0]) return { outcome: 'inserted', record: r };
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

  /** With `webhook`: queued in this transaction when this event ends the session (the outbox, docs/webhooks.md). */
  async addEvent(r: EventRecord, maxEvents?: number, webhook?: WebhookEvent): Promise<AddEventResult> {
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
        const ended = await tx.query('UPDATE sessions SET ended_at = $2, end_reason = $3 WHERE id = $1 AND ended_at IS NULL RETURNING id', [
          r.sessionId,
          r.at,
          r.type === 'quit' ? 'quit' : 'completed',
        ]);
        if (ended.length === 1 && webhook) await enqueueDeliveries(tx, r.sessionId, webhook);
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
}

function answerKey(sessionId: string, answerId: string): string {
  return JSON.stringify([sessionId, answerId]);
}
