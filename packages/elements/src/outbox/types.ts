/**
 * The outbox's types, apart from its code so that the recorder, the saved sessions and the
 * requests share them without importing each other (docs/outbox.md).
 */
export type RequestKind = 'session' | 'questionnaire' | 'answer' | 'event';

/** One request to the collector, complete enough to be sent after a reload. */
export interface OutboxRequest {
  kind: RequestKind;
  sessionId: string;
  /** The client-made id that makes the request idempotent (session, answer or event id). */
  id: string;
  method: 'POST' | 'PUT';
  /** Absolute URL. */
  url: string;
  /** The session's bearer token. */
  token: string;
  body: Readonly<Record<string, unknown>>;
}

/** A request as kept in IndexedDB: `n` gives the write order. */
export interface StoredRequest extends OutboxRequest {
  n: number;
  queuedAt: number;
}

/** Why a session's queue stopped. */
export interface OutboxError {
  sessionId: string;
  requestId: string;
  kind: RequestKind;
  /** HTTP status. */
  status: number;
  /** The collector's error code (`invalid_request`, `forbidden`…), or `http_<status>`. */
  code: string;
  message: string;
}

/**
 * - `saved`: nothing waits on this device;
 * - `sending`: requests are on their way (no failure yet);
 * - `offline`: the collector could not be reached; retrying;
 * - `error`: the collector refused a request; that session's queue is stopped (data kept).
 */
export type OutboxState = 'saved' | 'sending' | 'offline' | 'error';

export interface OutboxStatus {
  state: OutboxState;
  /** Requests written on this device and not yet acknowledged. */
  pending: number;
  /** Of which answers and questionnaires: what a mediator calls "réponses". */
  pendingAnswers: number;
  /** Set when `state` is `error`. */
  error?: OutboxError;
}

/** Timers, injectable so tests can drive the backoff without waiting. */
export interface OutboxTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface OutboxOptions {
  /** IndexedDB database name; `observatoire` by default. */
  database?: string;
  fetch?: typeof fetch;
  timers?: OutboxTimers;
  /** In [0, 1); `Math.random` by default (the jitter). */
  random?: () => number;
  /** A request that has not answered after this long is abandoned and retried. */
  requestTimeoutMs?: number;
}
