/**
 * What the collector keeps of adaptive tests (docs/collector.md, "Adaptive sessions"), and the part
 * of the `Store` interface that keeps it. The adapters only persist: re-scoring and re-running the
 * test live in the routes.
 */
import type { Actor, AnswerStatus, ChallengeAnswer, Lang } from '@observatoire/core';
import type { AdaptiveTestConfig, StopReason } from '@observatoire/core/adaptive';
import type { Device } from '@observatoire/core/api';
import type { SessionFilter } from './filter.js';

/** Why an adaptive test ended: a stopping rule of the core, or the mediator (`stopped`). */
export type AdaptiveStopReason = StopReason | 'stopped';

/** Times are epoch milliseconds. `receivedAt` is the server's clock, the others the client's. */
export interface AdaptiveSessionRecord {
  id: string;
  /** SHA-256 of the session token, hex. */
  tokenHash: string;
  bankId: string;
  bankVersion: string;
  /** With the answers, gives every item the test asks (the collector re-runs it). */
  seed: string;
  config: AdaptiveTestConfig;
  organisation: string | null;
  device: Device;
  lang: Lang;
  startedAt: number;
  receivedAt: number;
  endedAt: number | null;
  stopReason: AdaptiveStopReason | null;
  /** The client's id of the finish request, so a retry gets the same answer. */
  finishEventId: string | null;
}

export interface AdaptiveAnswerRecord {
  sessionId: string;
  answerId: string;
  /** Place in the test: 1 for the first item asked. */
  seq: number;
  itemId: string;
  /** `null`: skipped. */
  answer: ChallengeAnswer | null;
  timedOut: boolean;
  /** The collector's own verdict, never the client's. */
  status: AnswerStatus;
  actor: Actor;
  startedAt: number;
  answeredAt: number;
  durationMs: number;
  /** The estimate after this answer, from the collector's replay. */
  theta: number;
  se: number;
  receivedAt: number;
}

/** An adaptive session with its answers, in the order asked. */
export interface AdaptiveSessionData {
  session: AdaptiveSessionRecord;
  answers: AdaptiveAnswerRecord[];
}

/**
 * - `inserted`: stored now; `duplicate`: this answer id was already stored (`record` is the first);
 * - `conflict`: another answer holds this place or this item (`record` is it);
 * - `closed`: the test has ended; nothing was stored.
 */
export type AddAdaptiveAnswerResult =
  | { outcome: 'inserted' | 'duplicate' | 'conflict'; record: AdaptiveAnswerRecord }
  | { outcome: 'closed' };

/** How a test ended, as the finish route records it. */
export interface AdaptiveEnd {
  endedAt: number;
  stopReason: AdaptiveStopReason;
  finishEventId: string;
}

/**
 * Storage of adaptive sessions: same rules as the survey's (`Store`): writes for an erased session
 * throw `SessionGoneError`, every write is idempotent by its client-made id and correct with several
 * collector instances on one store. Erased ids share the survey's tombstones (`Store.isErased`).
 *
 * @example
 * const { created, session } = await store.createAdaptiveSession(record);
 * const data = await store.getAdaptiveSessionData(session.id); // { session, answers }
 */
export interface AdaptiveStore {
  /** Insert unless a session with this id exists; returns the stored one either way. */
  createAdaptiveSession(record: AdaptiveSessionRecord): Promise<{ created: boolean; session: AdaptiveSessionRecord }>;
  getAdaptiveSessionData(id: string): Promise<AdaptiveSessionData | null>;
  /** Stored only while the test has not ended, checked by the write itself. */
  addAdaptiveAnswer(record: AdaptiveAnswerRecord): Promise<AddAdaptiveAnswerResult>;
  /** Ends the test unless it already ended (the first end wins); returns the stored session. */
  finishAdaptiveSession(id: string, end: AdaptiveEnd): Promise<AdaptiveSessionRecord>;
  /** Like `Store.streamSessionData`: by `receivedAt` then id, `pageSize` at a time. */
  streamAdaptiveSessionData(filter?: SessionFilter, pageSize?: number): AsyncIterable<AdaptiveSessionData>;
  /** Remove the session and its answers and keep its id as erased. `false` when there was none. */
  deleteAdaptiveSession(id: string, erasedAt: number): Promise<boolean>;
}
