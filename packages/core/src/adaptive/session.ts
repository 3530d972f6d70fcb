/**
 * An adaptive test session: holds the state, applies actions through the pure
 * `adaptiveTransition`, tells subscribers, and saves / restores like the survey session
 * (`createAdaptiveSession`, `restoreAdaptiveSession`).
 */
import { randomSeed } from '../session/random.js';
import { firstDifference, replayEventLog } from '../session/snapshot.js';
import type { AdaptiveBank } from './bank.js';
import { DEFAULT_ADAPTIVE_CONFIG } from './engine.js';
import { AdaptiveError } from './errors.js';
import { adaptiveTransition, initialAdaptiveState } from './transition.js';
import type { AdaptiveAction, AdaptiveEvent, AdaptiveSession, AdaptiveSessionOptions, AdaptiveSnapshot, AdaptiveState } from './types.js';

/**
 * Start an adaptive test on a bank.
 *
 * @example
 * const session = createAdaptiveSession(bank, { seed: 'abc' });
 * session.dispatch({ type: 'answerItem', itemId: session.state.current!.itemId, answer: '2' });
 * @throws {AdaptiveError} `invalid_options`.
 */
export function createAdaptiveSession(bank: AdaptiveBank, options: AdaptiveSessionOptions = {}): AdaptiveSession {
  const clock = options.clock ?? Date.now;
  const seed = options.seed ?? randomSeed();
  return adaptiveSessionOf(bank, seed, initialAdaptiveState(bank, options.config ?? DEFAULT_ADAPTIVE_CONFIG, { seed, now: clock() }), clock);
}

/**
 * Resume an adaptive test saved with `toJSON()`, on the same bank and version, the way
 * `restoreSurveySession` resumes a survey: the state is the one its event log replays to (from the
 * snapshot's configuration), and it goes on with the snapshot's seed.
 *
 * @example
 * const again = restoreAdaptiveSession(bank, JSON.parse(JSON.stringify(session)));
 * @throws {AdaptiveError} `invalid_snapshot`, `restore_mismatch`.
 */
export function restoreAdaptiveSession(bank: AdaptiveBank, snapshot: unknown, options: Pick<AdaptiveSessionOptions, 'clock'> = {}): AdaptiveSession {
  const { seed, state } = readAdaptiveSnapshot(bank, snapshot);
  return adaptiveSessionOf(bank, seed, state, options.clock ?? Date.now);
}

function adaptiveSessionOf(bank: AdaptiveBank, seed: string, initial: AdaptiveState, clock: () => number): AdaptiveSession {
  let state = initial;
  const listeners = new Set<(state: AdaptiveState, event: AdaptiveEvent) => void>();
  return {
    bank,
    get state() {
      return state;
    },
    dispatch(action: AdaptiveAction): AdaptiveState {
      state = adaptiveTransition(bank, state, action, { now: clock(), seed });
      const event = state.events[state.events.length - 1] as AdaptiveEvent;
      for (const listener of [...listeners]) listener(state, event);
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    toJSON(): AdaptiveSnapshot {
      return { format: 'observatoire-adaptive-session', formatVersion: 1, bankId: state.bankId, bankVersion: state.bankVersion, seed, state };
    },
  };
}

/**
 * Check a snapshot read back from storage: the state is rebuilt by replaying its event log from
 * its configuration, and must equal the stored one.
 *
 * @example
 * const { seed, state } = readAdaptiveSnapshot(bank, JSON.parse(saved));
 * @throws {AdaptiveError} `invalid_snapshot`, `restore_mismatch`.
 */
export function readAdaptiveSnapshot(bank: AdaptiveBank, input: unknown): { seed: string; state: AdaptiveState } {
  if (typeof input !== 'object' || input === null || (input as { format?: unknown }).format !== 'observatoire-adaptive-session')
    throw invalid('not an adaptive session snapshot (expected format "observatoire-adaptive-session")');
  const snapshot = input as Partial<AdaptiveSnapshot>;
  if (snapshot.formatVersion !== 1) throw invalid(`unsupported formatVersion ${JSON.stringify(snapshot.formatVersion)} (expected 1)`);
  if (snapshot.bankId !== bank.id || snapshot.bankVersion !== bank.version)
    throw new AdaptiveError('restore_mismatch', `the snapshot is of bank "${String(snapshot.bankId)}" version "${String(snapshot.bankVersion)}", not "${bank.id}" version "${bank.version}"`);
  const { seed, state } = snapshot;
  if (typeof seed !== 'string') throw invalid('seed must be a string');
  if (typeof state !== 'object' || state === null) throw invalid('state must be an object');
  if (typeof state.startedAt !== 'number') throw invalid('state.startedAt must be a number');
  if (!Array.isArray(state.events)) throw invalid('state.events must be an array');
  let replayed: AdaptiveState;
  try {
    replayed = initialAdaptiveState(bank, state.config, { seed, now: state.startedAt });
  } catch (error) {
    throw invalid(`state.config: ${(error as Error).message}`);
  }
  replayed = replayEventLog(replayed, state.events, invalid, (current, event) =>
    adaptiveTransition(bank, current, event.action as AdaptiveAction, { now: event.at, seed }),
  );
  const difference = firstDifference(replayed, state, 'state');
  if (difference) throw invalid(`${difference} does not match what the event log gives`);
  return { seed, state: replayed };
}

function invalid(message: string): AdaptiveError {
  return new AdaptiveError('invalid_snapshot', message);
}
