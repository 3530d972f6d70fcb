/** The adaptive test as data: actions, events, state, snapshot (docs/adaptive.md, "Session"). */
import type { AnswerStatus, ChallengeAnswer } from '../checking/types.js';
import type { AdaptiveBank } from './bank.js';
import type { AdaptiveTestConfig } from './engine.js';
import type { Estimate } from './estimate.js';
import type { StopReason } from './stopping.js';

export type AdaptiveAction =
  | { type: 'answerItem'; itemId: string; answer: ChallengeAnswer; timedOut?: boolean }
  | { type: 'skipItem'; itemId: string }
  /** The mediator ends the test now; the profile is computed from the answers so far. */
  | { type: 'stop' };

export type AdaptiveActionType = AdaptiveAction['type'];

/** One entry of the append-only log. `id` is `<sessionId>-<seq>`. */
export interface AdaptiveEvent {
  id: string;
  seq: number;
  /** Milliseconds from the session's clock. */
  at: number;
  action: AdaptiveAction;
}

export interface AdaptiveResponse {
  itemId: string;
  status: AnswerStatus;
  /** Only `ok` counts as right. */
  correct: boolean;
  /** Absent when skipped. */
  answer?: ChallengeAnswer;
  startedAt: number;
  answeredAt: number;
  eventId: string;
}

/** `asking`: an item is on screen; `finished`: a stopping rule (or the mediator) ended the test. */
export type AdaptivePhase = 'asking' | 'finished';

export interface AdaptiveState {
  bankId: string;
  bankVersion: string;
  sessionId: string;
  startedAt: number;
  config: AdaptiveTestConfig;
  phase: AdaptivePhase;
  /** The item being asked, null once finished. `proposalOrder`: the seeded display order of a shuffled QCU/QCM. */
  current: { itemId: string; startedAt: number; proposalOrder?: readonly number[] } | null;
  responses: readonly AdaptiveResponse[];
  /** The estimate after the answers so far (before any: the prior). */
  estimate: Estimate;
  /** Why the test finished; `stopped` when the mediator ended it. */
  stopReason: StopReason | 'stopped' | null;
  events: readonly AdaptiveEvent[];
}

export interface AdaptiveSnapshot {
  format: 'observatoire-adaptive-session';
  formatVersion: 1;
  bankId: string;
  bankVersion: string;
  seed: string;
  state: AdaptiveState;
}

export interface AdaptiveSessionOptions {
  /** Default `DEFAULT_ADAPTIVE_CONFIG`. A restored session keeps its snapshot's configuration. */
  config?: AdaptiveTestConfig;
  seed?: string;
  clock?: () => number;
}

export interface AdaptiveSession {
  readonly bank: AdaptiveBank;
  readonly state: AdaptiveState;
  dispatch(action: AdaptiveAction): AdaptiveState;
  subscribe(listener: (state: AdaptiveState, event: AdaptiveEvent) => void): () => void;
  toJSON(): AdaptiveSnapshot;
}
