/**
 * The courses of a session (docs/protocol.md, "Phases and actions" and "Chaining"): starting a
 * course, showing its challenges one after the other, recording their results, ending it, and the
 * end-of-course advice.
 */
import type { ChallengeAnswer } from '../checking/types.js';
import type { Course, SurveyDefinition } from '../content/types.js';
import { ProtocolError } from '../errors.js';
import { recommendationReasons, testTimeMs } from '../chaining.js';
import { COURSE_STATUS } from '../outcome.js';
import { successRate } from '../scoring.js';
import { seededRandom, shuffled } from './random.js';
import type { ChallengeResult, CourseProgress, CurrentChallenge, Recommendation, SessionEvent, SessionState, TransitionContext } from './types.js';

/** The course at `index` in the definition (an index out of range is a bug, not a protocol error). */
export function courseDefinition(definition: SurveyDefinition, index: number): Course {
  const course = definition.courses[index];
  if (!course) throw new Error(`no course at index ${index}`);
  return course;
}

/** Enter phase `course` at course `index`, showing its first challenge. */
export function startCourse(definition: SurveyDefinition, state: SessionState, index: number, context: TransitionContext): SessionState {
  const course = courseDefinition(definition, index);
  return {
    ...state,
    phase: 'course',
    courseIndex: index,
    courses: updateCourse(state.courses, index, (progress) => ({ ...progress, status: COURSE_STATUS.inProgress, startedAt: context.now })),
    current: challengeAt(definition, course, 0, context),
  };
}

/** The challenge at `index` of a course, shown now; QCU/QCM with `shuffle` get their seeded order. */
function challengeAt(definition: SurveyDefinition, course: Course, index: number, context: TransitionContext): CurrentChallenge {
  const challengeId = course.challenges[index] as string;
  const challenge = definition.challenges.find((c) => c.id === challengeId);
  const current: CurrentChallenge = { challengeId, index, startedAt: context.now, ...(challenge?.timer && { timeLimitMs: challenge.timer * 1000 }) };
  if ((challenge?.type === 'QCU' || challenge?.type === 'QCM') && challenge.shuffle) {
    const indexes = challenge.proposals.map((_, i) => i + 1);
    return { ...current, proposalOrder: shuffled(indexes, seededRandom(`${context.seed}/${challengeId}`)) };
  }
  return current;
}

/** The current challenge, checking that the action names it (when it names one). */
export function currentChallenge(state: SessionState, challengeId: string | undefined): CurrentChallenge {
  const current = state.current;
  if (!current) throw new Error('phase "course" without a current challenge');
  if (challengeId !== undefined && challengeId !== current.challengeId)
    throw new ProtocolError('not_current_challenge', `"${challengeId}" is not the current challenge ("${current.challengeId}")`, [challengeId]);
  return current;
}

/** The result of a challenge shown at `shown.startedAt` and closed now by `event`. */
export function closedChallenge(
  shown: CurrentChallenge,
  event: SessionEvent,
  context: TransitionContext,
  outcome: Pick<ChallengeResult, 'status' | 'details'> & { answer?: ChallengeAnswer; skippedRemaining?: true; timedOut?: true },
): ChallengeResult {
  return {
    challengeId: shown.challengeId,
    status: outcome.status,
    ...(outcome.answer !== undefined && { answer: outcome.answer }),
    details: outcome.details.keys ? { keys: { ...outcome.details.keys } } : {},
    startedAt: shown.startedAt,
    answeredAt: context.now,
    // A device clock can step back (time sync); a duration is never negative.
    durationMs: Math.max(0, context.now - shown.startedAt),
    actor: event.actor,
    eventId: event.id,
    ...(outcome.skippedRemaining && { skippedRemaining: true }),
    ...(outcome.timedOut && { timedOut: true }),
  };
}

/** Record results in the current course, then show the next challenge or end the course. */
export function closeChallenges(
  definition: SurveyDefinition,
  state: SessionState,
  results: readonly ChallengeResult[],
  skippedRemaining: boolean,
  context: TransitionContext,
): SessionState {
  const index = state.courseIndex;
  const course = courseDefinition(definition, index);
  const { current: _closed, ...rest } = state;
  const next = (state.current?.index ?? 0) + results.length;
  if (next < course.challenges.length) {
    return {
      ...rest,
      courses: updateCourse(state.courses, index, (progress) => ({ ...progress, results: [...progress.results, ...results] })),
      current: challengeAt(definition, course, next, context),
    };
  }
  const last = index === definition.courses.length - 1;
  return {
    ...rest,
    phase: last ? 'finished' : 'endOfCourse',
    ...(last && { endReason: 'completed' as const }),
    courses: updateCourse(state.courses, index, (progress) => ({
      ...progress,
      status: COURSE_STATUS.ended,
      endedAt: context.now,
      results: [...progress.results, ...results],
      skippedRemaining,
    })),
  };
}

/** The courses' progress with the one at `index` updated. */
function updateCourse(courses: readonly CourseProgress[], index: number, update: (progress: CourseProgress) => CourseProgress): CourseProgress[] {
  return courses.map((progress, i) => (i === index ? update(progress) : progress));
}

/**
 * Test time so far (docs/protocol.md, "Chaining"): the challenges' durations, plus the running
 * challenge up to `now`. The questionnaire and the end-of-course pages do not count.
 *
 * @example
 * elapsedTestTimeMs(state, Date.now()); // 312000
 */
export function elapsedTestTimeMs(state: SessionState, now: number): number {
  const durations = state.courses.flatMap((course) => course.results.map((result) => result.durationMs));
  if (state.current) durations.push(now - state.current.startedAt);
  return testTimeMs(durations);
}

/**
 * The end-of-course advice (docs/protocol.md, "Chaining"): go on only when the course's success
 * rate is strictly above `chaining.successThreshold` and the test time strictly below
 * `chaining.testTimeBudgetSeconds`. Given in phase `endOfCourse`, and in `finished` after the
 * last course was completed (`isLastCourse: true`); `null` otherwise.
 *
 * @example
 * courseRecommendation(definition, state, Date.now());
 * // { courseId: 'manipulation', successRate: 2 / 3, testTimeMs: 95000, continue: true, reasons: [], isLastCourse: false }
 */
export function courseRecommendation(definition: SurveyDefinition, state: SessionState, now: number): Recommendation | null {
  const ended = state.phase === 'endOfCourse' || (state.phase === 'finished' && state.endReason === 'completed');
  const progress = state.courses[state.courseIndex];
  if (!ended || !progress) return null;
  return recommendationFor(definition, progress, state.courseIndex, elapsedTestTimeMs(state, now));
}

/**
 * The advice given at the end of each course that ended, in course order: the same rule as
 * `courseRecommendation`, with the test time as it stood when that course ended (the time of the
 * courses up to it), so the results card shows what the person was told at each end of course.
 *
 * @example
 * courseRecommendations(definition, state).map((r) => [r.courseId, r.continue]);
 * // [['manipulation', true], ['bases', false]]
 */
export function courseRecommendations(definition: SurveyDefinition, state: SessionState): Recommendation[] {
  const recommendations: Recommendation[] = [];
  const durations: number[] = [];
  state.courses.forEach((progress, index) => {
    durations.push(...progress.results.map((result) => result.durationMs));
    if (progress.status === COURSE_STATUS.ended) recommendations.push(recommendationFor(definition, progress, index, testTimeMs(durations)));
  });
  return recommendations;
}

function recommendationFor(definition: SurveyDefinition, progress: CourseProgress, index: number, elapsedMs: number): Recommendation {
  const rate = successRate(progress.results);
  const reasons = recommendationReasons(definition.chaining, rate, elapsedMs);
  return {
    courseId: progress.courseId,
    successRate: rate,
    testTimeMs: elapsedMs,
    continue: reasons.length === 0,
    reasons,
    isLastCourse: index === definition.courses.length - 1,
  };
}
