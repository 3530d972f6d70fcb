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

/**
 * Keep `session`'s changes and hand them to the recorder `load` gives: loaded at once and, while
 * it fails (the network cut after the first screen), again at each action past the information
 * screen. Resolves with the recorder once `take` has taken the kept changes over; never rejects.
 *
 * @example
 * const recorder = recordWhenLoaded(session, loadRecorder, (r, early) => r.recordOpenedSession(host, session, early, { endpoint }));
 */
export function recordWhenLoaded<R>(session: SurveySession, load: () => Promise<R>, take: (recorder: R, early: EarlyActions) => Promise<void>): Promise<R> {
  return new Promise((resolve) => {
    let loading = false;
    let loaded = false;
    const attempt = (): void => {
      if (loading || loaded) return;
      loading = true;
      load().then(
        async (recorder) => {
          loaded = true;
          // `take` reports its own failures (recordOpenedSession: an `obs-error` on the host).
          await take(recorder, early).catch(() => undefined);
          resolve(recorder);
        },
        () => void (loading = false),
      );
    };
    const early = keepEarlyActions(session, attempt);
    attempt();
  });
}
