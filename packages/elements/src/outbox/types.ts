/**
 * The outbox's types, apart from its code so that the recorder, the saved sessions and the
 * requests share them without importing each other (docs/outbox.md).
 */
export type RequestKind = 'session' | 'questionnaire' | 'answer' | 'event' | 'refusal';

/** One request to the collector, complete enough to be sent after a reload. */
export interface OutboxRequest {
  kind: RequestKind;
  /**
   * The collector the request goes to (its base URL, as `collectorEndpoint` writes it): with the
   * session, what the request is queued by.
   */
  endpoint: string;
  sessionId: string;
  /** The client-made id that makes the request idempotent (session, answer or event id). */
  id: string;
  method: 'POST' | 'PUT';
  /** Absolute URL. */
  url: string;
  /** The session's bearer token; empty for a refusal (`POST /v1/refusals` takes none). */
  token: string;
  body: Readonly<Record<string, unknown>>;
}

/** A request as kept in IndexedDB: `n` gives the write order. */
export interface StoredRequest extends OutboxRequest {
  n: number;
  queuedAt: number;
}

/** Why the collector refused a request for good. */
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
 * A request the collector refused for good, moved out of its queue so that the queue goes on:
 * kept on the device until the mediator exports or discards it (docs/outbox.md).
 */
export interface NotSentRequest extends StoredRequest {
  refusal: OutboxError;
  /** Epoch milliseconds of the refusal. */
  refusedAt: number;
}

/**
 * - `saved`: nothing waits on this device;
 * - `sending`: requests are on their way (no failure yet);
 * - `offline`: the collector could not be reached; retrying.
 *
 * Refused requests do not stop anything: they are counted in `notSent`.
 */
export type OutboxState = 'saved' | 'sending' | 'offline';

export interface OutboxStatus {
  state: OutboxState;
  /** Requests written on this device and not yet acknowledged. */
  pending: number;
  /** Of which answers and questionnaires: what a mediator calls "réponses". */
  pendingAnswers: number;
  /** Requests the collector refused for good, kept on this device (see `Outbox.notSent()`). */
  notSent: number;
  /** The latest refusal seen by this page, if any. */
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
  /** A request the collector answered 5xx this many times in a row is treated as refused for good. */
  maxServerFailures?: number;
}
