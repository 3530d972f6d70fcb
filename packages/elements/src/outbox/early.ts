/**
 * The actions of a recorded session made before the outbox's sending code is in the page
 * (docs/loading.md, "The outbox after the first screen"): kept in memory, in order, and handed
 * to the recorder when it loads, so that nothing is lost (docs/outbox.md).
 */
import type { SessionEvent, SessionState, SurveySession } from '@observatoire/core';

export interface EarlyActions {
  /** The session's state when the keeping started. */
  readonly initial: SessionState;
  /** Each change since, in order. */
  readonly changes: ReadonlyArray<{ state: SessionState; event: SessionEvent }>;
  /** Stop keeping (the recorder took over). */
  stop(): void;
}

/**
 * Keep `session`'s changes until the recorder takes them; `onAction` is called at each one past
 * the information screen, so the recorder is loaded at once (and tried again if it failed).
 *
 * @example
 * const early = keepEarlyActions(session, () => void loadRecorder());
 */
export function keepEarlyActions(session: SurveySession, onAction: () => void): EarlyActions {
  const changes: Array<{ state: SessionState; event: SessionEvent }> = [];
  const stop = session.subscribe((state, event) => {
    changes.push({ state, event });
    if (state.phase !== 'information') onAction();
  });
  return { initial: session.state, changes, stop };
}
