/** Keeps a host element subscribed to its adaptive session while it is connected (lit's controller idiom). */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AdaptiveSession } from '@observatoire/core/adaptive';

export class AdaptiveSessionController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #session: AdaptiveSession | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Follow another session (or none). */
  follow(session: AdaptiveSession | undefined): void {
    if (session === this.#session) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#session = session;
    if (this.#connected) this.#subscribe();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #subscribe(): void {
    if (!this.#session || this.#unsubscribe) return;
    this.#unsubscribe = this.#session.subscribe(() => this.#host.requestUpdate());
  }
}
