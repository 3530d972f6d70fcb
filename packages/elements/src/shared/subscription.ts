/**
 * A subscription to a source that changes (a survey session, an outbox), as a lit controller:
 * it listens while the host is in the page, follows the host when the source is replaced, and
 * stops listening when the host leaves the page. The elements no longer wire
 * `disconnectedCallback` / `willUpdate` by hand for this.
 *
 * @example
 * private sessionChanges = new Subscription(this, () => this.session, () => this.requestUpdate());
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Anything with `subscribe(listener)` returning the unsubscribe function. */
export interface Subscribable<A extends unknown[]> {
  subscribe(listener: (...args: A) => void): () => void;
}

export class Subscription<A extends unknown[]> implements ReactiveController {
  private watched: Subscribable<A> | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => Subscribable<A> | undefined,
    private readonly listener: (...args: A) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    // Moved in the page: listen again at the next update.
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
  }

  /** Listen to the current source now (call it right after replacing the source). */
  follow(): void {
    const source = this.connected ? this.source() : undefined;
    if (source === this.watched && (this.unsubscribe || !source)) return;
    this.stop();
    this.watched = source;
    this.unsubscribe = source?.subscribe((...args) => this.listener(...args));
  }

  private stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.watched = undefined;
  }
}
