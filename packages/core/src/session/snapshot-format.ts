/**
 * What a session writes when it is saved (docs/protocol.md, "Seeds, replay, save and restore").
 * Apart from reading (`snapshot.ts`): every session saves, only a page that resumes reads.
 */
import type { SessionSnapshot, SessionState } from './types.js';

/** The snapshot format written today. */
export const SNAPSHOT_FORMAT_VERSION = 2;

/**
 * The snapshot of a session: everything needed to restore it exactly.
 *
 * @example
 * localStorage.setItem('observatoire', JSON.stringify(toSnapshot(seed, state)));
 */
export function toSnapshot(seed: string, state: SessionState): SessionSnapshot {
  return { format: 'observatoire-session', formatVersion: SNAPSHOT_FORMAT_VERSION, surveyId: state.surveyId, contentVersion: state.contentVersion, seed, state };
}
