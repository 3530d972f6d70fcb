/**
 * Restoring a session (saving is `snapshot-format.ts`). A snapshot is plain JSON (it goes to `localStorage` or the
 * collector), so on the way back in it is untrusted: the state is rebuilt by replaying its event
 * log through the protocol, and the stored state must be exactly what the log gives.
 */
import type { SurveyDefinition } from '../content/types.js';
import { ProtocolError } from '../errors.js';
import { migrateV1, outdated, sessionFacts } from './snapshot-migration.js';
import { SNAPSHOT_FORMAT_VERSION } from './snapshot-format.js';
import { initialSessionState, transition } from './transition.js';
import type { SessionAction, SessionState } from './types.js';

/**
 * Check a snapshot read back from storage and return its seed and a frozen copy of its state. A
 * snapshot of format 1 is migrated first when the mapping is certain (docs/protocol.md, "Snapshots
 * of an earlier version").
 *
 * @example
 * const { seed, state } = readSnapshot(definition, JSON.parse(localStorage.getItem('observatoire')!));
 * @throws {ProtocolError} `invalid_snapshot` when it is not a (sound) session snapshot,
 *   `restore_mismatch` when it belongs to another survey or content version, `snapshot_outdated` when
 *   it is of format 1 and does not replay to the same session under the current rules.
 */
export function readSnapshot(definition: SurveyDefinition, input: unknown): { seed: string; state: SessionState } {
  if (typeof input !== 'object' || input === null || (input as { format?: unknown }).format !== 'observatoire-session')
    throw invalid('not a session snapshot (expected format "observatoire-session")');
  const header = input as { formatVersion?: unknown; surveyId?: unknown; contentVersion?: unknown };
  const migrating = header.formatVersion === 1;
  if (!migrating && header.formatVersion !== SNAPSHOT_FORMAT_VERSION)
    throw invalid(`unsupported snapshot formatVersion ${JSON.stringify(header.formatVersion)} (expected ${SNAPSHOT_FORMAT_VERSION}, or 1 to migrate)`);
  if (header.surveyId !== definition.id || header.contentVersion !== definition.version)
    throw new ProtocolError(
      'restore_mismatch',
      `the snapshot is of survey "${String(header.surveyId)}" version "${String(header.contentVersion)}", not "${definition.id}" version "${definition.version}"`,
    );
  const snapshot = migrating ? migrateV1(input as Record<string, unknown>) : input;
  const { seed, state } = snapshot as { seed?: unknown; state?: unknown };
  if (typeof seed !== 'string') throw invalid('seed must be a string');
  if (typeof state !== 'object' || state === null) throw invalid('state must be an object');
  const { startedAt, events } = state as { startedAt?: unknown; events?: unknown };
  if (typeof startedAt !== 'number') throw invalid('state.startedAt must be a number');
  if (!Array.isArray(events)) throw invalid('state.events must be an array');
  // The state is derived from its event log: replaying the log through the protocol checks every
  // action again (phase, answers, ids) and rebuilds the state; the stored state must be that one.
  // A migrated log that no longer replays, or replays to another session, is outdated, not damaged.
  const replayed = replayEventLog(initialSessionState(definition, { seed, now: startedAt }), events, migrating ? outdated : invalid, (current, event) =>
    transition(definition, current, { ...(event.action as SessionAction), actor: event.actor } as SessionAction, { now: event.at, seed }),
  );
  const difference = migrating
    ? firstDifference(sessionFacts(replayed as unknown as Record<string, unknown>), sessionFacts(state as Record<string, unknown>), 'state')
    : firstDifference(replayed, state, 'state');
  if (difference) throw (migrating ? outdated : invalid)(`${difference} does not match what the event log gives`);
  return { seed, state: replayed };
}

/** One stored event, as read back before it is checked. */
export interface StoredEvent {
  at: number;
  actor: unknown;
  action: unknown;
}

/**
 * Replays a stored event log from `initial` through `step` (the session's transition), checking each
 * event's time and id on the way, so a restored state is always the one its log gives
 * (docs/protocol.md, "Seeds, replay, save and restore"). Used by the survey session and the adaptive session alike.
 *
 * @example
 * const state = replayEventLog(initial, snapshot.state.events, invalid, (s, e) => transition(definition, s, e.action, { now: e.at, seed }));
 */
export function replayEventLog<S extends { readonly events: readonly { readonly id: string }[] }, E extends Error>(
  initial: S,
  events: unknown,
  invalid: (message: string) => E,
  step: (state: S, event: StoredEvent) => S,
): S {
  let replayed = initial;
  for (const [i, event] of (events as unknown[]).entries()) {
    const { at, actor, action, id } = (typeof event === 'object' && event !== null ? event : {}) as Record<string, unknown>;
    if (typeof at !== 'number') throw invalid(`state.events[${i}].at must be a number`);
    if (typeof action !== 'object' || action === null) throw invalid(`state.events[${i}].action must be an object`);
    try {
      replayed = step(replayed, { at, actor, action });
    } catch (error) {
      throw invalid(`state.events[${i}]: ${(error as Error).message}`);
    }
    if (replayed.events[i]?.id !== id) throw invalid(`state.events[${i}]: id must be "${replayed.events[i]?.id}"`);
  }
  return replayed;
}

/** Path of the first place where two JSON values differ, or null when they are equal. */
export function firstDifference(expected: unknown, actual: unknown, path: string): string | null {
  if (typeof expected !== 'object' || expected === null || typeof actual !== 'object' || actual === null)
    return Object.is(expected, actual) ? null : path;
  if (Array.isArray(expected) !== Array.isArray(actual)) return path;
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const key of keys) {
    const difference = firstDifference(
      (expected as Record<string, unknown>)[key],
      (actual as Record<string, unknown>)[key],
      Array.isArray(expected) ? `${path}[${key}]` : `${path}.${key}`,
    );
    if (difference) return difference;
  }
  return null;
}

function invalid(message: string): ProtocolError {
  return new ProtocolError('invalid_snapshot', message);
}
