/**
 * The tables' columns and the conversion of their rows to records, shared by the SQL store's
 * queries (`sql.ts`, `sql-records.ts`, `sql-export.ts`).
 */
import type { Row } from './sql-client.js';
import { SessionGoneError } from './errors.js';
import type { AnswerRecord, EventRecord, QuestionnaireRecord, SessionRecord } from './types.js';

export const SESSION_COLUMNS =
  'id, token_hash, survey_id, content_version, organisation, device, lang, started_at, received_at, ended_at, end_reason, campaign' +
  ', external_ref, follow_up_code' +
  ', channel, paper_date';
/** The `questionnaires` columns a record is read from. */
export const QUESTIONNAIRE_COLUMNS = 'session_id, answers, filled_by_mediator, validated_at, received_at'
  + ', prefilled';
export const ANSWER_COLUMNS =
  'session_id, answer_id, challenge_id, answer, timed_out, status, details, actor, started_at, answered_at, duration_ms, skipped_remaining, received_at';
export const EVENT_COLUMNS = 'session_id, event_id, type, course_id, at, actor, detail, received_at';

/** A write that breaks the foreign key to `sessions`: the session is gone (erased meanwhile). */
export async function gone<T>(sessionId: string, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if ((error as { code?: unknown }).code === '23503') throw new SessionGoneError(sessionId);
    throw error;
  }
}

/** `bigint` columns come back as strings from pg; numbers are safe for epoch milliseconds. */
export const num = (value: unknown): number => Number(value);
export const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
export const strOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** A `sessions` row as a record. */
export function toSession(row: Row): SessionRecord {
  return {
    id: String(row['id']),
    tokenHash: String(row['token_hash']),
    surveyId: String(row['survey_id']),
    contentVersion: String(row['content_version']),
    organisation: strOrNull(row['organisation']),
    campaign: strOrNull(row['campaign']),
    externalRef: strOrNull(row['external_ref']),
    followUpCode: strOrNull(row['follow_up_code']),
    channel: row['channel'] === 'paper' ? 'paper' : 'online',
    paperDate: strOrNull(row['paper_date']),
    device: row['device'] as SessionRecord['device'],
    lang: row['lang'] as SessionRecord['lang'],
    startedAt: num(row['started_at']),
    receivedAt: num(row['received_at']),
    endedAt: numOrNull(row['ended_at']),
    endReason: (row['end_reason'] ?? null) as SessionRecord['endReason'],
  };
}

/** A `questionnaires` row as a record. */
export function toQuestionnaire(row: Row): QuestionnaireRecord {
  return {
    sessionId: String(row['session_id']),
    answers: row['answers'] as QuestionnaireRecord['answers'],
    filledByMediator: row['filled_by_mediator'] === true,
    validatedAt: num(row['validated_at']),
    receivedAt: num(row['received_at']),
    prefilled: (row['prefilled'] ?? []) as string[],
  };
}

/** An `answers` row as a record. */
export function toAnswer(row: Row): AnswerRecord {
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

/** An `events` row as a record. */
export function toEvent(row: Row): EventRecord {
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
