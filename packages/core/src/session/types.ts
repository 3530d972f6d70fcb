/** The survey protocol (docs/protocol.md) as data: phases, actions, state, events. */
import type { RecommendationReason } from '../chaining.js';
import type { SurveyDefinition } from '../content/types.js';
import type { AnswerDetails, AnswerStatus, ChallengeAnswer } from '../checking/types.js';
import type { COURSE_STATUS, CourseStatus } from '../outcome.js';
import type { QuestionAnswer, QuestionnaireAnswers } from '../questionnaire/types.js';
import type { Channel } from './channel.js';

export type { RecommendationReason } from '../chaining.js';

/**
 * information → questionnaire → review → validated → course → endOfCourse → course → … → finished.
 * Without a questionnaire in the definition, `start` goes straight to the first course.
 * After the last course the session is `finished`.
 */
export type Phase = 'information' | 'questionnaire' | 'review' | 'validated' | 'course' | 'endOfCourse' | 'finished';

export type Actor = 'participant' | 'mediator';

interface ActionBase {
  /** Who acted. Defaults to `participant`, except `skipRemaining` which defaults to `mediator`. */
  actor?: Actor;
}

export type SessionAction = ActionBase &
  (
    /**
     * `consent` must be `true`: the participant agreed on the information screen (or on the paper form).
     * A paper form typed in by a mediator is `channel: 'paper'` with the date written on it (`YYYY-MM-DD`).
     */
    | { type: 'start'; consent: true; channel?: Channel; paperDate?: string }
    | { type: 'answerQuestion'; questionId: string; value: QuestionAnswer | null }
    /**
     * Answers the structure already knows (by question id and option code), to be confirmed on the
     * review (`mergePrefill`); actor `mediator` by default. Refused whole when one is not valid.
     */
    | { type: 'prefill'; answers: QuestionnaireAnswers }
    | { type: 'setFilledByMediator'; value: boolean }
    | { type: 'review' }
    | { type: 'editAnswers' }
    | { type: 'validateQuestionnaire' }
    /**
     * `timedOut` is the sender's view; the session computes it from the challenge's time limit and
     * the clock, and refuses `timedOut: true` on a challenge without a running time limit.
     */
    | { type: 'answerChallenge'; challengeId: string; answer: ChallengeAnswer; timedOut?: boolean }
    | { type: 'skipChallenge'; challengeId: string }
    | { type: 'skipRemaining' }
    /**
     * The person pressed "Commencer" on a timed challenge's "how much time" screen: its time limit
     * runs from now (docs/protocol.md, "Time limits").
     */
    | { type: 'startTimeLimit'; challengeId: string }
    /** Doubles the current challenge's time limit (RGAA 13.1: the person controls every time limit). */
    | { type: 'extendTime'; challengeId: string }
    /** Removes the current challenge's time limit. */
    | { type: 'removeTimeLimit'; challengeId: string }
    | { type: 'continue' }
    | { type: 'quit' }
    | { type: 'resume' }
  );

export type SessionActionType = SessionAction['type'];

/** One entry of the append-only log. `id` is unique across sessions (`<sessionId>-<seq>`). */
export interface SessionEvent {
  id: string;
  seq: number;
  /** Milliseconds from the session's clock. */
  at: number;
  actor: Actor;
  action: SessionAction;
}

export interface ChallengeResult {
  challengeId: string;
  status: AnswerStatus;
  /** Absent when skipped. */
  answer?: ChallengeAnswer;
  details: AnswerDetails;
  startedAt: number;
  answeredAt: number;
  durationMs: number;
  actor: Actor;
  /** Id of the event that produced this result (the collector's answer id). */
  eventId: string;
  /** Set on the challenges closed by the mediator's "skip the remaining challenges". */
  skippedRemaining?: boolean;
  /** Set when the answer came after the challenge's time limit (computed by the session). */
  timedOut?: true;
}

export interface CourseProgress {
  courseId: string;
  /** In the outcome vocabulary (docs/outcomes.md); a course ended by the mediator's skip is `ended` with `skippedRemaining`. */
  status: Exclude<CourseStatus, typeof COURSE_STATUS.skippedRemaining>;
  startedAt?: number;
  endedAt?: number;
  /** In play order; once the course has ended, one per challenge of the course. */
  results: readonly ChallengeResult[];
  skippedRemaining: boolean;
}

export interface CurrentChallenge {
  challengeId: string;
  /** 0-based position within the course. */
  index: number;
  startedAt: number;
  /** QCU/QCM with `shuffle`: original 1-based proposal indexes in display order. */
  proposalOrder?: readonly number[];
  /**
   * Only for a challenge with a `timer`: its time limit in milliseconds from `startedAt`, doubled by
   * each `extendTime`, `null` once removed by `removeTimeLimit`.
   */
  timeLimitMs?: number | null;
  /**
   * When the person started the time limit (`startTimeLimit`, the last one when the screen was shown
   * again); until then the limit runs from `startedAt`.
   */
  timeLimitStartedAt?: number;
}

export interface SessionState {
  readonly sessionId: string;
  readonly surveyId: string;
  readonly contentVersion: string;
  readonly phase: Phase;
  readonly startedAt: number;
  readonly questionnaire: {
    readonly answers: QuestionnaireAnswers;
    readonly filledByMediator: boolean;
    readonly locked: boolean;
    readonly validatedAt?: number;
    /**
     * Questions whose answer was prefilled (`prefill`) and is unchanged, in content order; absent
     * when nothing was prefilled.
     */
    readonly prefilled?: readonly string[];
  };
  /** `paper`: a paper form typed in by a mediator (absent online); it has no course (docs/protocol.md, "Paper channel"). */
  readonly channel?: 'paper';
  /** The date written on the paper form, `YYYY-MM-DD`. */
  readonly paperDate?: string;
  /** `TEST` was written as the city: the session must never count in results. */
  readonly testRun: boolean;
  readonly courses: readonly CourseProgress[];
  /** Index of the current (or last played) course; -1 before the first. */
  readonly courseIndex: number;
  readonly current?: CurrentChallenge;
  readonly endReason?: 'completed' | 'quit';
  /** How many times the session was resumed after an interruption. */
  readonly interruptions: number;
  readonly events: readonly SessionEvent[];
}

/** The end-of-course advice: go on only when success > threshold and test time < budget. */
export interface Recommendation {
  courseId: string;
  successRate: number;
  testTimeMs: number;
  continue: boolean;
  /** Empty when `continue` is true. */
  reasons: readonly RecommendationReason[];
  isLastCourse: boolean;
}

/**
 * Everything needed to restore a session exactly; plain JSON. Format 2 since `start` carries consent
 * and time limits are actions; a format-1 snapshot is migrated on restore when that is certain
 * (docs/protocol.md, "Snapshots of an earlier version").
 */
export interface SessionSnapshot {
  format: 'observatoire-session';
  formatVersion: 2;
  surveyId: string;
  contentVersion: string;
  seed: string;
  state: SessionState;
}

export interface SessionOptions {
  /** Milliseconds; defaults to `Date.now`. Inject a fake clock in tests. */
  clock?: () => number;
  /** Seed of the session's randomness (shuffles, ids). Random when absent. */
  seed?: string;
}

export interface SurveySession {
  readonly definition: SurveyDefinition;
  readonly state: SessionState;
  /** Apply an action; returns the new state. Throws `ProtocolError` when the action is not allowed now. */
  dispatch(action: SessionAction): SessionState;
  /** The advice for the course just ended (phase `endOfCourse` or `finished`), else `null`. */
  recommendation(): Recommendation | null;
  /** Test time so far: the time spent inside courses. */
  testTimeMs(): number;
  /**
   * Time left (milliseconds, negative once it ran out) on the current challenge's time limit, from
   * `timeLimitStart` on the session's clock (docs/protocol.md, "Time limits"); `null` when no limit runs
   * (no current challenge, no timer, or removed). The player's timer shows this.
   */
  timeLeftMs(): number | null;
  /** The session's clock (milliseconds): what the rules that depend on the date read (year bounds). */
  now(): number;
  /** Called after every successful dispatch. Returns the unsubscribe function. */
  subscribe(listener: (state: SessionState, event: SessionEvent) => void): () => void;
  toJSON(): SessionSnapshot;
}

/** What a transition needs from outside: the time of the action and the session's seed. */
export interface TransitionContext {
  /** Milliseconds, from the session's clock. */
  now: number;
  seed: string;
}
