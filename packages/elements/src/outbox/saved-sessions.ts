/**
 * The unfinished sessions of this device, saved after every action so that closing the tab
 * loses nothing: reopening the page offers to resume. A session leaves this store when it is
 * finished, or when the mediator starts the survey for another person (its requests stay in
 * the outbox and are still sent).
 */
import type { Lang, SessionSnapshot } from '@observatoire/core';
import { committed, result, SESSIONS_STORE } from './idb.js';
import type { Device } from '@observatoire/core/api';
import { collectorEndpoint } from './endpoint.js';

export interface SavedSession {
  sessionId: string;
  surveyId: string;
  contentVersion: string;
  /** The collector the session's requests go to. */
  endpoint: string;
  /** The session's secret for the collector (made on this device). */
  token: string;
  lang: Lang;
  device: Device;
  organisation?: string;
  campaign?: string;
  /** The host's reference and the follow-up code, kept so a resumed session sends the same. */
  externalRef?: string;
  followUpCode?: string;
  snapshot: SessionSnapshot;
  /** Epoch milliseconds of the last save. */
  savedAt: number;
}

/**
 * The most recently saved unfinished session of this survey and version created against this
 * collector (docs/outbox.md, "Per endpoint and per session"): a session made against another
 * collector is never offered here, since its requests, token and id belong to that collector.
 * Endpoints are compared as `collectorEndpoint` writes them.
 *
 * @example
 * const saved = await findUnfinished(outbox.db, { surveyId: 'observatoire-2025', contentVersion: '2025.1', endpoint });
 */
export async function findUnfinished(
  db: IDBDatabase,
  wanted: { surveyId: string; contentVersion: string; endpoint: string },
): Promise<SavedSession | undefined> {
  const all = (await result(db.transaction(SESSIONS_STORE).objectStore(SESSIONS_STORE).getAll())) as SavedSession[];
  return all
    .filter(
      (saved) =>
        saved.surveyId === wanted.surveyId &&
        saved.contentVersion === wanted.contentVersion &&
        typeof saved.endpoint === 'string' &&
        collectorEndpoint(saved.endpoint, wanted.endpoint) === collectorEndpoint(wanted.endpoint, wanted.endpoint) &&
        saved.snapshot?.state?.phase !== 'finished',
    )
    .sort((a, b) => b.savedAt - a.savedAt)[0];
}

/**
 * Remove a saved session: it can no longer be resumed (its queued requests are not touched).
 *
 * @example
 * await forgetSession(outbox.db, saved.sessionId);
 */
export async function forgetSession(db: IDBDatabase, sessionId: string): Promise<void> {
  const transaction = db.transaction(SESSIONS_STORE, 'readwrite');
  transaction.objectStore(SESSIONS_STORE).delete(sessionId);
  await committed(transaction);
}
