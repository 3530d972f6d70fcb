/** Where `<obs-survey>` hands the session's events (docs/outbox.md): the offline outbox plugs in here. */
import type { SessionEvent, SessionState } from '@observatoire/core';
import { emit } from '../events.js';

/** What `<obs-survey>` hands its sink for every new event of the session, in order. */
export interface SurveySinkRecord {
  event: SessionEvent;
  /** The session's state once the event was applied. */
  state: SessionState;
  /** The collector URL (`endpoint` attribute), when one is set. */
  endpoint?: string;
  /** The organisation code (`organisation` attribute), when one is set. */
  organisation?: string;
}

/**
 * Receives the session's events as they happen, e.g. an offline outbox that sends them to
 * the collector. Without a sink `<obs-survey>` only emits DOM events.
 *
 * @example
 * survey.sink = { receive: ({ event, state }) => console.log(state.sessionId, event.action.type) };
 */
export interface SurveySink {
  receive(record: SurveySinkRecord): void;
}

/**
 * The seam for the offline outbox: hands `record` to `sink`. A failing sink never stops the
 * survey: its error becomes an `obs-error` (`sink_failed`) on `host`.
 *
 * @example
 * forwardToSink(survey, survey.sink, { event, state });
 */
export function forwardToSink(host: HTMLElement, sink: SurveySink | undefined, record: SurveySinkRecord): void {
  if (!sink) return;
  try {
    sink.receive(record);
  } catch (error) {
    const cause = error instanceof Error ? error : new Error(String(error));
    emit(host, 'obs-error', { code: 'sink_failed', message: cause.message, error: cause });
  }
}
