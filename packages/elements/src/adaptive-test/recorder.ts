/**
 * Sends an adaptive test to the collector through the page's outbox (docs/outbox.md), as the survey
 * does: the session's creation, then each event's requests, written to IndexedDB before they are
 * sent, so a dropped network loses nothing. It stays subscribed as long as the session lives: an
 * answer given while the element is detached must reach the collector all the same.
 */
import { ObservatoireError, type Lang } from '@observatoire/core';
import type { AdaptiveSession } from '@observatoire/core/adaptive';
import { newToken } from '@observatoire/core/api';
import { emit } from '../events.js';
import type { Outbox } from '../outbox/outbox.js';
import { deviceType, reportRefusals, sharedOutbox } from '../outbox/recorder.js';
import type { SessionTarget } from '../outbox/requests.js';
import type { OutboxRequest } from '../outbox/types.js';
import { adaptiveRequestsFor, adaptiveSessionRequest } from './requests.js';

export interface AdaptiveRecording {
  /** The collector's base URL, resolved against the page. */
  endpoint: string;
  organisation?: string;
  lang: Lang;
  /** The outbox to use; the page's shared one by default. */
  outbox?: Outbox;
}

/**
 * @example
 * readonly #recorder = new AdaptiveRecorder(this);
 * // in willUpdate:
 * this.#recorder.record(this.session, this.endpoint ? { endpoint: this.endpoint, lang: 'fr' } : undefined);
 */
export class AdaptiveRecorder {
  readonly #host: HTMLElement;
  /** Sessions already sent (or being sent): each is created once on the collector. */
  readonly #recorded = new WeakSet<AdaptiveSession>();

  /** `host` receives the `obs-error` events (refusals, storage failures). */
  constructor(host: HTMLElement) {
    this.#host = host;
  }

  /** Start sending `session` (once per session) when a recording target is given. */
  record(session: AdaptiveSession | undefined, recording: AdaptiveRecording | undefined): void {
    if (!session || !recording || this.#recorded.has(session)) return;
    this.#recorded.add(session);
    const target: SessionTarget = {
      endpoint: new URL(recording.endpoint, document.baseURI).href,
      token: newToken(),
      lang: recording.lang,
      device: deviceType(),
      ...(recording.organisation && { organisation: recording.organisation }),
    };
    // Requests are written in the order the test produced them, even while the outbox is opening.
    const snapshot = session.toJSON();
    const pending: OutboxRequest[][] = [[adaptiveSessionRequest(snapshot, target)]];
    // A restored session's past events: their answers, and the finish only after the last one.
    const past = snapshot.state.events;
    past.forEach((event, i) => {
      const requests = adaptiveRequestsFor(snapshot.state, event, target);
      pending.push(i === past.length - 1 ? requests : requests.filter((request) => request.kind === 'answer'));
    });
    let outbox: Outbox | undefined;
    const write = (requests: OutboxRequest[]) => {
      if (!outbox) return void pending.push(requests);
      outbox.enqueue(requests).catch((error: unknown) => this.#report('outbox_write_failed', `An answer could not be kept on this device: ${(error as Error).message}`));
    };
    session.subscribe((state, event) => write(adaptiveRequestsFor(state, event, target)));
    (recording.outbox ? Promise.resolve(recording.outbox) : sharedOutbox()).then(
      (opened) => {
        outbox = opened;
        reportRefusals(this.#host, opened);
        for (const requests of pending.splice(0)) write(requests);
      },
      (error: unknown) => this.#report('outbox_unavailable', `The answers cannot be kept on this device, so they will not be sent: ${(error as Error).message}`),
    );
  }

  #report(code: string, message: string): void {
    emit(this.#host, 'obs-error', { code, message, error: new ObservatoireError(code, message) });
  }
}
