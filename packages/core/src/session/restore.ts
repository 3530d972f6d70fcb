/**
 * Resuming a saved session. Apart from `createSurveySession` because only a page that resumes
 * needs it: reading a snapshot replays its event log and migrates an earlier format, code that
 * the script-tag bundle fetches with the outbox, not with the first screen (docs/loading.md).
 */
import type { SurveyDefinition } from '../content/types.js';
import { sessionOf } from './session.js';
import { readSnapshot } from './snapshot.js';
import type { SessionOptions, SurveySession } from './types.js';

/**
 * Resume a session saved with `toJSON()`, on the same survey and content version: the state is
 * the one its event log replays to (docs/protocol.md, "Seeds, replay, save and restore"), and it
 * goes on with the snapshot's seed.
 *
 * @example
 * const again = restoreSurveySession(definition, JSON.parse(localStorage.getItem('observatoire')!));
 * again.dispatch({ type: 'resume' });
 * @throws {ProtocolError} `invalid_snapshot` or `restore_mismatch` when the snapshot cannot be used,
 *   `snapshot_outdated` when it is of an earlier format that does not replay to the same session.
 */
export function restoreSurveySession(definition: SurveyDefinition, snapshot: unknown, options: Pick<SessionOptions, 'clock'> = {}): SurveySession {
  const { seed, state } = readSnapshot(definition, snapshot);
  return sessionOf(definition, seed, state, options.clock ?? Date.now);
}
