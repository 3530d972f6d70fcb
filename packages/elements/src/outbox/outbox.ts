/**
 * The outbox: every request to the collector is first written to IndexedDB, then sent, in
 * write order, one at a time per session, until the collector acknowledges it. Nothing is ever
 * dropped: a request leaves the device only when the collector said it has it.
 *
 * - 2xx, and the 409s that say the collector already holds that record (a second questionnaire,
 *   another answer to the same challenge), mean delivered: the request is removed from the device.
 * - Network errors, timeouts, 408, 429 and 5xx are retried with exponential backoff and jitter
 *   (1 s, 2 s, 4 s… capped at 30 s; `Retry-After` is obeyed), and at once when the browser
 *   says it is back `online`.
 * - Any other 4xx (other 409s included) is permanent: the request stays on the device, its session's queue stops
 *   (later requests of that session would only fail too) and the status reports the error.
 *   `retry()` starts again (e.g. after the collector was fixed); `pending()` exports the data.
 */
import { isAlreadyStored } from '@observatoire/core/api';
import { committed, DEFAULT_DATABASE, openDatabase, OUTBOX_STORE, result, SESSIONS_STORE } from './idb.js';
import { retryAfterMs, retryDelay } from './retry.js';
import type { SavedSession } from './saved-sessions.js';
import type { OutboxError, OutboxOptions, OutboxRequest, OutboxState, OutboxStatus, OutboxTimers, RequestKind, StoredRequest } from './types.js';

type Outcome = { kind: 'delivered' } | { kind: 'retry'; afterMs?: number } | { kind: 'permanent'; error: OutboxError };

interface Queue {
  running: boolean;
  /** A request was written while the queue was draining: look again before stopping. */
  again: boolean;
  attempts: number;
  timer?: unknown;
  stopped?: OutboxError;
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
 * await outbox.enqueue([{ kind: 'event', sessionId, id: 'e1', method: 'POST', url, token, body }]);
 */
export class Outbox {
  private readonly queues = new Map<string, Queue>();
  private readonly listeners = new Set<(status: OutboxStatus) => void>();
  private current: OutboxStatus = { state: 'saved', pending: 0, pendingAnswers: 0 };
  private closed = false;
  private readonly fetch: typeof fetch;
  private readonly timers: OutboxTimers;
  private readonly random: () => number;
  private readonly requestTimeoutMs: number;
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
    for (const request of requests) store.add({ ...request, queuedAt });
    if (session && 'save' in session) transaction.objectStore(SESSIONS_STORE).put(session.save);
    if (session && 'forget' in session) transaction.objectStore(SESSIONS_STORE).delete(session.forget);
    return done.then(() => {
      const sessions = new Set(requests.map((request) => request.sessionId));
      for (const sessionId of sessions) this.kick(sessionId);
      if (sessions.size > 0) void this.refresh();
    });
  }

  /** Everything not yet delivered, in write order (to export it, or to show it). */
  async pending(): Promise<StoredRequest[]> {
    return (await result(this.db.transaction(OUTBOX_STORE).objectStore(OUTBOX_STORE).getAll())) as StoredRequest[];
  }

  /** Send again now: the queues waiting for their next attempt and the ones stopped by an error. */
  retry(): void {
    for (const queue of this.queues.values()) delete queue.stopped;
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

  /** Kick every session that has stored requests. */
  private async start(): Promise<void> {
    const items = await this.pending();
    for (const sessionId of new Set(items.map((item) => item.sessionId))) this.kick(sessionId);
    await this.refresh();
  }

  private retryWaiting(): void {
    for (const [sessionId, queue] of this.queues) {
      if (queue.timer === undefined) continue;
      this.timers.clear(queue.timer);
      delete queue.timer;
      this.kick(sessionId);
    }
  }

  private queue(sessionId: string): Queue {
    let queue = this.queues.get(sessionId);
    if (!queue) this.queues.set(sessionId, (queue = { running: false, again: false, attempts: 0 }));
    return queue;
  }

  private kick(sessionId: string): void {
    const queue = this.queue(sessionId);
    if (this.closed || queue.stopped || queue.timer !== undefined) return;
    if (queue.running) {
      queue.again = true;
      return;
    }
    queue.running = true;
    void this.drain(sessionId, queue).catch((error: unknown) => {
      // IndexedDB itself failed (quota, closed database): try again later, like a network error.
      queue.running = false;
      if (!this.closed) this.wait(sessionId, queue, undefined);
      console.error('Observatoire outbox:', error);
    });
  }

  private async drain(sessionId: string, queue: Queue): Promise<void> {
    for (;;) {
      if (this.closed) return;
      queue.again = false;
      const item = await this.first(sessionId);
      if (!item) {
        if (queue.again) continue;
        queue.running = false;
        await this.refresh();
        return;
      }
      const outcome = await this.send(item);
      if (this.closed) return;
      if (outcome.kind === 'delivered') {
        await result(this.db.transaction(OUTBOX_STORE, 'readwrite').objectStore(OUTBOX_STORE).delete(item.n));
        queue.attempts = 0;
        await this.refresh();
        continue;
      }
      queue.running = false;
      if (outcome.kind === 'permanent') queue.stopped = outcome.error;
      else this.wait(sessionId, queue, outcome.afterMs);
      await this.refresh();
      return;
    }
  }

  private wait(sessionId: string, queue: Queue, afterMs: number | undefined): void {
    queue.attempts += 1;
    queue.timer = this.timers.set(() => {
      delete queue.timer;
      this.kick(sessionId);
    }, afterMs ?? retryDelay(queue.attempts, this.random));
  }

  /** The oldest stored request of a session. */
  private async first(sessionId: string): Promise<StoredRequest | undefined> {
    const index = this.db.transaction(OUTBOX_STORE).objectStore(OUTBOX_STORE).index('sessionId');
    const cursor = await result(index.openCursor(IDBKeyRange.only(sessionId)));
    return (cursor?.value as StoredRequest | undefined) ?? undefined;
  }

  private async send(item: StoredRequest): Promise<Outcome> {
    let response: Response;
    try {
      response = await this.fetch(item.url, {
        method: item.method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${item.token}` },
        body: JSON.stringify(item.body),
        signal: AbortSignal.timeout(this.requestTimeoutMs),
      });
    } catch {
      return { kind: 'retry' };
    }
    const status = response.status;
    if (status >= 200 && status < 300) return { kind: 'delivered' };
    if (status === 408 || status === 429 || status >= 500) {
      const afterMs = retryAfterMs(response.headers.get('retry-after'), Date.now());
      return afterMs === undefined ? { kind: 'retry' } : { kind: 'retry', afterMs };
    }
    const body = (await response.json().catch(() => ({}))) as { error?: unknown; message?: unknown };
    const code = typeof body.error === 'string' ? body.error : `http_${status}`;
    // Other 409s (`session_exists` with another token, `session_finished`, `questionnaire_missing`…)
    // say something is wrong and are permanent errors: the data is kept.
    if (status === 409 && isAlreadyStored(code)) return { kind: 'delivered' };
    const detail = typeof body.message === 'string' ? body.message : response.statusText;
    return {
      kind: 'permanent',
      error: {
        sessionId: item.sessionId,
        requestId: item.id,
        kind: item.kind,
        status,
        code,
        message: `The collector refused the ${item.kind} "${item.id}" (HTTP ${status} ${code}${detail ? `: ${detail}` : ''}). It is kept on this device; sending that session is paused.`,
      },
    };
  }

  private async refresh(): Promise<void> {
    if (this.closed) return;
    const items = await this.pending();
    const stopped = [...this.queues.values()].find((queue) => queue.stopped)?.stopped;
    const failing = [...this.queues.values()].some((queue) => queue.timer !== undefined);
    const pendingAnswers = items.filter((item) => item.kind === 'answer' || item.kind === 'questionnaire').length;
    const state: OutboxState = stopped ? 'error' : items.length === 0 ? 'saved' : failing ? 'offline' : 'sending';
    const next: OutboxStatus = { state, pending: items.length, pendingAnswers, ...(stopped && { error: stopped }) };
    const previous = this.current;
    if (
      previous.state === next.state &&
      previous.pending === next.pending &&
      previous.pendingAnswers === next.pendingAnswers &&
      previous.error === next.error
    )
      return;
    this.current = next;
    for (const listener of [...this.listeners]) listener(next);
  }
}
