/**
 * The outbox: every request to the collector is first written to IndexedDB, then sent, in
 * write order, one at a time per queue, until the collector acknowledges it. Nothing is ever
 * dropped: a request leaves the device only when the collector said it has it. There is one queue
 * per collector and per session (docs/outbox.md, "Per endpoint and per session"): a collector that
 * cannot be reached, or a session it refuses, never holds back another's requests.
 *
 * - 2xx, and the 409s that say the collector already holds that record (a second questionnaire,
 *   another answer to the same challenge), mean delivered: the request is removed from the device.
 * - Network errors, timeouts, 408, 429 and 5xx are retried with exponential backoff and jitter
 *   (1 s, 2 s, 4 s… capped at 30 s; `Retry-After` is obeyed), and at once when the browser
 *   says it is back `online`.
 * - Any other 4xx (other 409s included, 410 `session_erased` too), and a 5xx answered to the same
 *   request `maxServerFailures` times in a row, is a refusal for good: the request moves to the
 *   "not sent" list kept on the device, and the queue goes on with the next request, so that one
 *   refused request never blocks the next person. The mediator exports (`notSent()`) or discards
 *   (`discardNotSent()`) that list.
 * - Every string of a request is sanitised (`sanitizeJson`) before it is written.
 */
import { isAlreadyStored, sanitizeJson } from '@observatoire/core/api';
import { committed, DEFAULT_DATABASE, NOT_SENT_STORE, openDatabase, OUTBOX_STORE, result, SESSIONS_STORE } from './idb.js';
import { retryAfterMs, retryDelay } from './retry.js';
import type { SavedSession } from './saved-sessions.js';
import type { NotSentRequest, OutboxError, OutboxOptions, OutboxRequest, OutboxState, OutboxStatus, OutboxTimers, StoredRequest } from './types.js';

type Outcome =
  | { kind: 'delivered' }
  | { kind: 'retry'; afterMs?: number; server?: { status: number; code: string; detail: string } }
  | { kind: 'permanent'; error: OutboxError };

/** A 5xx to the same request this many times in a row is a refusal for good (e.g. a body the database cannot store). */
export const MAX_SERVER_FAILURES = 5;

interface Queue {
  /** The collector (`OutboxRequest.endpoint`) and the session whose requests this queue sends. */
  readonly endpoint: string;
  readonly sessionId: string;
  running: boolean;
  /** A request was written while the queue was draining: look again before stopping. */
  again: boolean;
  attempts: number;
  timer?: unknown;
  /** The request (`n`) that got the latest 5xx, and how many in a row. */
  failing?: { n: number; count: number };
}

/** A request written before requests named their collector belongs to the queue of its session alone. */
function endpointOf(request: Pick<OutboxRequest, 'endpoint'>): string {
  return (request as Partial<OutboxRequest>).endpoint ?? '';
}

const defaultTimers: OutboxTimers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The persistent, ordered, retrying queue of requests to the collector.
 *
 * @example
 * const outbox = await Outbox.open();
 * outbox.subscribe((status) => console.log(status.state, status.pending));
 * await outbox.enqueue([{ kind: 'event', endpoint, sessionId, id: 'e1', method: 'POST', url, token, body }]);
 */
export class Outbox {
  private readonly queues = new Map<string, Queue>();
  private readonly listeners = new Set<(status: OutboxStatus) => void>();
  private current: OutboxStatus = { state: 'saved', pending: 0, pendingAnswers: 0, notSent: 0 };
  private lastRefusal: OutboxError | undefined;
  private closed = false;
  private readonly fetch: typeof fetch;
  private readonly timers: OutboxTimers;
  private readonly random: () => number;
  private readonly requestTimeoutMs: number;
  private readonly maxServerFailures: number;
  private readonly onOnline = () => this.retryWaiting();

  /** Open the database, then send whatever an earlier page left in it. */
  static async open(options: OutboxOptions = {}): Promise<Outbox> {
    const outbox = new Outbox(await openDatabase(options.database ?? DEFAULT_DATABASE), options);
    await outbox.start();
    return outbox;
  }

  private constructor(
    /** Shared with the saved sessions (same database). */
    readonly db: IDBDatabase,
    options: OutboxOptions,
  ) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timers = options.timers ?? defaultTimers;
    this.random = options.random ?? Math.random;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 20_000;
    this.maxServerFailures = options.maxServerFailures ?? MAX_SERVER_FAILURES;
    globalThis.addEventListener?.('online', this.onOnline);
  }

  get status(): OutboxStatus {
    return this.current;
  }

  /**
   * Listen to status changes; the listener is called at once with the current status.
   * Returns the unsubscribe function.
   */
  subscribe(listener: (status: OutboxStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Write requests to IndexedDB (with, in the same transaction, the session's snapshot to save
   * or the id of one to forget), then start sending. The transaction is opened synchronously,
   * so calls made one after another are written, and sent, in that order.
   * Resolves once the data is committed to the device.
   */
  enqueue(requests: readonly OutboxRequest[], session?: { save: SavedSession } | { forget: string }): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the outbox is closed'));
    const transaction = this.db.transaction([OUTBOX_STORE, SESSIONS_STORE], 'readwrite');
    const done = committed(transaction);
    const store = transaction.objectStore(OUTBOX_STORE);
    const queuedAt = Date.now();
    for (const request of requests) store.add({ ...request, body: sanitizeJson(request.body), queuedAt });
    if (session && 'save' in session) transaction.objectStore(SESSIONS_STORE).put(session.save);
    if (session && 'forget' in session) transaction.objectStore(SESSIONS_STORE).delete(session.forget);
    return done.then(() => {
      const queues = new Set(requests.map((request) => this.queue(request)));
      for (const queue of queues) this.kick(queue);
      if (queues.size > 0) void this.refresh();
    });
  }

  /** Everything not yet delivered, in write order (to export it, or to show it). */
  async pending(): Promise<StoredRequest[]> {
    return (await result(this.db.transaction(OUTBOX_STORE).objectStore(OUTBOX_STORE).getAll())) as StoredRequest[];
  }

  /**
   * The requests the collector refused for good, in write order, each with its refusal: what the
   * mediator exports (as a JSON file) before discarding it.
   */
  async notSent(): Promise<NotSentRequest[]> {
    return (await result(this.db.transaction(NOT_SENT_STORE).objectStore(NOT_SENT_STORE).getAll())) as NotSentRequest[];
  }

  /** Delete the refused requests from the device (after the mediator confirmed). */
  async discardNotSent(): Promise<void> {
    const transaction = this.db.transaction(NOT_SENT_STORE, 'readwrite');
    transaction.objectStore(NOT_SENT_STORE).clear();
    await committed(transaction);
    await this.refresh();
  }

  /** Send again now the queues waiting for their next attempt. */
  retry(): void {
    this.retryWaiting();
    void this.start();
  }

  /** Stop sending (timers, listeners) and close the database. Pending requests stay stored. */
  close(): void {
    this.closed = true;
    globalThis.removeEventListener?.('online', this.onOnline);
    for (const queue of this.queues.values()) if (queue.timer !== undefined) this.timers.clear(queue.timer);
    this.listeners.clear();
    this.db.close();
  }

  /** Kick every queue that has stored requests. */
  private async start(): Promise<void> {
    const items = await this.pending();
    for (const queue of new Set(items.map((item) => this.queue(item)))) this.kick(queue);
    await this.refresh();
  }

  private retryWaiting(): void {
    for (const queue of this.queues.values()) {
      if (queue.timer === undefined) continue;
      this.timers.clear(queue.timer);
      delete queue.timer;
      this.kick(queue);
    }
  }

  /** The queue of a request: its collector's and its session's. */
  private queue(request: Pick<OutboxRequest, 'endpoint' | 'sessionId'>): Queue {
    const endpoint = endpointOf(request);
    const key = `${endpoint} ${request.sessionId}`;
    let queue = this.queues.get(key);
    if (!queue) this.queues.set(key, (queue = { endpoint, sessionId: request.sessionId, running: false, again: false, attempts: 0 }));
    return queue;
  }

  private kick(queue: Queue): void {
    if (this.closed || queue.timer !== undefined) return;
    if (queue.running) {
      queue.again = true;
      return;
    }
    queue.running = true;
    void this.drain(queue).catch((error: unknown) => {
      // IndexedDB itself failed (quota, closed database): try again later, like a network error.
      queue.running = false;
      if (!this.closed) this.wait(queue, undefined);
      console.error('Observatoire outbox:', error);
    });
  }

  private async drain(queue: Queue): Promise<void> {
    for (;;) {
      if (this.closed) return;
      queue.again = false;
      const item = await this.first(queue);
      if (!item) {
        if (queue.again) continue;
        queue.running = false;
        await this.refresh();
        return;
      }
      let outcome = await this.send(item);
      if (this.closed) return;
      if (outcome.kind === 'retry' && outcome.server) {
        const count = queue.failing?.n === item.n ? queue.failing.count + 1 : 1;
        queue.failing = { n: item.n, count };
        if (count >= this.maxServerFailures) outcome = { kind: 'permanent', error: refusal(item, outcome.server, count) };
      }
      if (outcome.kind === 'delivered') {
        await result(this.db.transaction(OUTBOX_STORE, 'readwrite').objectStore(OUTBOX_STORE).delete(item.n));
        queue.attempts = 0;
        delete queue.failing;
        await this.refresh();
        continue;
      }
      if (outcome.kind === 'permanent') {
        await this.setAside(item, outcome.error);
        queue.attempts = 0;
        delete queue.failing;
        this.lastRefusal = outcome.error;
        await this.refresh();
        continue;
      }
      queue.running = false;
      this.wait(queue, outcome.afterMs);
      await this.refresh();
      return;
    }
  }

  private wait(queue: Queue, afterMs: number | undefined): void {
    queue.attempts += 1;
    queue.timer = this.timers.set(() => {
      delete queue.timer;
      this.kick(queue);
    }, afterMs ?? retryDelay(queue.attempts, this.random));
  }

  /** Move a refused request from its queue to the "not sent" list, in one transaction. */
  private async setAside(item: StoredRequest, error: OutboxError): Promise<void> {
    const transaction = this.db.transaction([OUTBOX_STORE, NOT_SENT_STORE], 'readwrite');
    transaction.objectStore(OUTBOX_STORE).delete(item.n);
    transaction.objectStore(NOT_SENT_STORE).put({ ...item, refusal: error, refusedAt: Date.now() } satisfies NotSentRequest);
    await committed(transaction);
  }

  /** The oldest stored request of a queue (the session's requests come in write order). */
  private async first(queue: Queue): Promise<StoredRequest | undefined> {
    const index = this.db.transaction(OUTBOX_STORE).objectStore(OUTBOX_STORE).index('sessionId');
    const items = (await result(index.getAll(IDBKeyRange.only(queue.sessionId)))) as StoredRequest[];
    return items.find((item) => endpointOf(item) === queue.endpoint);
  }

  private async send(item: StoredRequest): Promise<Outcome> {
    let response: Response;
    try {
      response = await this.fetch(item.url, {
        method: item.method,
        headers: { 'content-type': 'application/json', ...(item.token && { authorization: `Bearer ${item.token}` }) },
        body: JSON.stringify(item.body),
        signal: AbortSignal.timeout(this.requestTimeoutMs),
      });
    } catch {
      return { kind: 'retry' };
    }
    const status = response.status;
    if (status >= 200 && status < 300) return { kind: 'delivered' };
    const afterMs = retryAfterMs(response.headers.get('retry-after'), Date.now());
    const wait = afterMs === undefined ? {} : { afterMs };
    if (status === 408 || status === 429) return { kind: 'retry', ...wait };
    const body = (await response.json().catch(() => ({}))) as { error?: unknown; message?: unknown };
    const code = typeof body.error === 'string' ? body.error : `http_${status}`;
    const detail = typeof body.message === 'string' ? body.message : response.statusText;
    if (status >= 500) return { kind: 'retry', ...wait, server: { status, code, detail } };
    // Other 409s (`session_exists` with another token, `session_finished`, `questionnaire_missing`…)
    // say something is wrong and are refusals for good: the data is set aside, not dropped.
    if (status === 409 && isAlreadyStored(code)) return { kind: 'delivered' };
    return { kind: 'permanent', error: refusal(item, { status, code, detail }) };
  }

  private async refresh(): Promise<void> {
    if (this.closed) return;
    const items = await this.pending();
    if (this.closed) return;
    const notSent = await result(this.db.transaction(NOT_SENT_STORE).objectStore(NOT_SENT_STORE).count());
    const failing = [...this.queues.values()].some((queue) => queue.timer !== undefined);
    const pendingAnswers = items.filter((item) => item.kind === 'answer' || item.kind === 'questionnaire').length;
    const state: OutboxState = items.length === 0 ? 'saved' : failing ? 'offline' : 'sending';
    const error = this.lastRefusal;
    const next: OutboxStatus = { state, pending: items.length, pendingAnswers, notSent, ...(error && { error }) };
    const previous = this.current;
    if (
      previous.state === next.state &&
      previous.pending === next.pending &&
      previous.pendingAnswers === next.pendingAnswers &&
      previous.notSent === next.notSent &&
      previous.error === next.error
    )
      return;
    this.current = next;
    for (const listener of [...this.listeners]) listener(next);
  }
}

function refusal(item: StoredRequest, answer: { status: number; code: string; detail: string }, times = 1): OutboxError {
  const { status, code, detail } = answer;
  const repeated = times > 1 ? `, ${times} times` : '';
  return {
    sessionId: item.sessionId,
    requestId: item.id,
    kind: item.kind,
    status,
    code,
    message: `The collector refused the ${item.kind} "${item.id}" (HTTP ${status} ${code}${detail ? `: ${detail}` : ''}${repeated}). It is kept on this device in the "not sent" list; the next requests are sent.`,
  };
}
