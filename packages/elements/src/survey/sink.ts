/** Where `<obs-survey>` hands the session's events (docs/outbox.md): the offline outbox plugs in here. */
import type { SessionEvent, SessionState } from '@observatoire/core';

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
