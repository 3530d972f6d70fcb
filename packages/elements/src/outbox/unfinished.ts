/**
 * Whether this device holds an unfinished session to offer for resuming, read from storage
 * without the outbox's sending code: `<obs-survey endpoint>` draws its first screen before that
 * code is fetched, and loads it first only when the resume dialog must be shown (docs/loading.md).
 */
import { DEFAULT_DATABASE, openDatabase } from './idb.js';
import { collectorEndpoint } from './endpoint.js';
import { findUnfinished } from './saved-sessions.js';

/**
 * True when a session of this survey, version and collector waits on the device, or when storage
 * cannot be read (the recorder then opens it itself, and reports why it cannot).
 *
 * @example
 * if (await mayResume('https://collecte.example.fr', { id: 'observatoire-2025', version: '2025.1' })) await loadRecorder();
 */
export async function mayResume(endpoint: string, survey: { id: string; version: string }, database: string = DEFAULT_DATABASE): Promise<boolean> {
  let db: IDBDatabase | undefined;
  try {
    db = await openDatabase(database);
    const wanted = { surveyId: survey.id, contentVersion: survey.version, endpoint: collectorEndpoint(endpoint, document.baseURI) };
    return (await findUnfinished(db, wanted)) !== undefined;
  } catch {
    return true;
  } finally {
    db?.close();
  }
}
