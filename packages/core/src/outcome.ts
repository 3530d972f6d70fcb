/**
 * Course outcomes (docs/outcomes.md): what became of each course of a session, in one vocabulary,
 * read either from a session's state (the results card, the session itself) or from stored records
 * (the collector's results and export). The analysis reads the same outcomes, so a course counts
 * as passed, and a staircase level is reached, by one rule everywhere.
 */
import { isPassingRate, SUCCESS_THRESHOLD } from './chaining.js';
import type { AnswerStatus } from './checking/types.js';
import type { SurveyDefinition } from './content/types.js';
import { successRate } from './scoring.js';

/**
 * The status of a course, the one vocabulary (also the export's `course<n>_status` values):
 * - `not_reached`: not started (yet, or ever);
 * - `in_progress`: started, its end-of-course page not reached (running, or left mid-course);
 * - `ended`: every challenge closed;
 * - `skipped_remaining`: ended by the mediator's "skip the remaining challenges".
 */
export const COURSE_STATUS = {
  notReached: 'not_reached',
  inProgress: 'in_progress',
  ended: 'ended',
  skippedRemaining: 'skipped_remaining',
} as const;

export type CourseStatus = (typeof COURSE_STATUS)[keyof typeof COURSE_STATUS];

/** The course statuses in the order a course goes through them. */
export const COURSE_STATUSES: readonly CourseStatus[] = Object.values(COURSE_STATUS);

/** How a session ended: `completed` (after the last course), `quit` (at an end-of-course page), or still `in_progress`. */
export type SessionEndReason = 'completed' | 'quit' | typeof COURSE_STATUS.inProgress;

/** What became of one course. */
export interface CourseOutcome {
  courseId: string;
  status: CourseStatus;
  /** Share of `ok` among the course's challenges once it ended (`ended` or `skipped_remaining`), else `null`. */
  successRate: number | null;
}

/** A course outcome with each challenge's status, for the results and the export. */
export interface PlayedCourseOutcome extends CourseOutcome {
  /** One per challenge of the course, in play order; `null` when not played. */
  challenges: { challengeId: string; status: AnswerStatus | null }[];
}

/**
 * The status of a course from three facts: whether it was started, whether it reached its end, and
 * whether the mediator skipped its remaining challenges.
 *
 * @example
 * courseStatus({ started: true, ended: true, skippedRemaining: true }); // 'skipped_remaining'
 */
export function courseStatus(facts: { started: boolean; ended: boolean; skippedRemaining: boolean }): CourseStatus {
  if (facts.ended) return facts.skippedRemaining ? COURSE_STATUS.skippedRemaining : COURSE_STATUS.ended;
  return facts.started ? COURSE_STATUS.inProgress : COURSE_STATUS.notReached;
}

/**
 * Whether a course reached its end-of-course page (by its last challenge or by the mediator's skip).
 *
 * @example
 * hasEnded('skipped_remaining'); // true
 */
export function hasEnded(status: CourseStatus): boolean {
  return status === COURSE_STATUS.ended || status === COURSE_STATUS.skippedRemaining;
}

/**
 * A course is passed when it ended (by the mediator's skip too) with a success rate strictly above
 * the threshold (`SUCCESS_THRESHOLD`, 60%, unless another is given).
 *
 * @example
 * coursePassed({ courseId: 'manipulation', status: 'ended', successRate: 2 / 3 }); // true
 */
export function coursePassed(outcome: CourseOutcome | undefined, threshold: number = SUCCESS_THRESHOLD): boolean {
  return outcome !== undefined && hasEnded(outcome.status) && outcome.successRate !== null && isPassingRate(outcome.successRate, threshold);
}

/** 0 to the number of courses (3 in the Observatoire survey). */
export type StaircaseLevel = 0 | 1 | 2 | 3;

/**
 * The staircase level: the number of consecutive courses passed from the first. Undefined when the
 * first course did not end (such a session has no level).
 *
 * @example
 * staircaseLevel([{ courseId: 'a', status: 'ended', successRate: 1 }, { courseId: 'b', status: 'ended', successRate: 0.4 }]); // 1
 */
export function staircaseLevel(courses: readonly (CourseOutcome | undefined)[]): StaircaseLevel | undefined {
  const first = courses[0];
  if (first === undefined || !hasEnded(first.status) || first.successRate === null) return undefined;
  let level = 0;
  while (level < courses.length && coursePassed(courses[level])) level++;
  return level as StaircaseLevel;
}

/**
 * The outcome of every course of a definition, in order, from what was played: per course whether
 * it was started and ended, whether the mediator skipped its remaining challenges, and the status of
 * each challenge played. Unplayed challenges of an ended course count as not succeeded.
 */
function outcomesOf(
  definition: SurveyDefinition,
  facts: (courseId: string) => { started: boolean; ended: boolean; skippedRemaining: boolean },
  statusOf: (challengeId: string) => AnswerStatus | undefined,
): PlayedCourseOutcome[] {
  return definition.courses.map((course) => {
    const challenges = course.challenges.map((challengeId) => ({ challengeId, status: statusOf(challengeId) ?? null }));
    const status = courseStatus(facts(course.id));
    const rate = hasEnded(status) ? successRate(challenges.map((c) => ({ status: c.status ?? ('aband' as const) }))) : null;
    return { courseId: course.id, status, successRate: rate, challenges };
  });
}

/** What `courseOutcomesOfSession` reads from a session's state (`SessionState['courses']`). */
export interface CourseProgressLike {
  courseId: string;
  /** `not_reached`, `in_progress` or `ended`. */
  status: CourseStatus;
  skippedRemaining: boolean;
  results: readonly { challengeId: string; status: AnswerStatus }[];
}

/**
 * Course outcomes from a session's state.
 *
 * @example
 * courseOutcomesOfSession(definition, session.state.courses)[0]; // { courseId: 'manipulation', status: 'ended', successRate: 1, challenges: […] }
 */
export function courseOutcomesOfSession(definition: SurveyDefinition, courses: readonly CourseProgressLike[]): PlayedCourseOutcome[] {
  const progress = new Map(courses.map((course) => [course.courseId, course]));
  const statuses = new Map(courses.flatMap((course) => course.results.map((result) => [result.challengeId, result.status] as const)));
  return outcomesOf(
    definition,
    (courseId) => {
      const course = progress.get(courseId);
      const status = course?.status ?? COURSE_STATUS.notReached;
      return { started: status !== COURSE_STATUS.notReached, ended: hasEnded(status), skippedRemaining: course?.skippedRemaining === true };
    },
    (challengeId) => statuses.get(challengeId),
  );
}

/** A stored answer, as far as outcomes go. */
export interface AnswerRecordLike {
  challengeId: string;
  status: AnswerStatus;
  skippedRemaining: boolean;
}

/** A stored protocol event naming a course (`course_end`, `skip_remaining`), as far as outcomes go. */
export interface CourseEventLike {
  type: string;
  courseId: string | null;
}

/**
 * Course outcomes from stored records: a course has ended when each of its challenges has an answer
 * or a `course_end` event names it; it ended by the mediator's skip when one of its answers is marked
 * `skippedRemaining` or a `skip_remaining` event names it; it started when it has an answer or was skipped.
 *
 * @example
 * courseOutcomesOfRecords(definition, data.answers, data.events)[1].status; // 'skipped_remaining'
 */
export function courseOutcomesOfRecords(
  definition: SurveyDefinition,
  answers: readonly AnswerRecordLike[],
  events: readonly CourseEventLike[],
): PlayedCourseOutcome[] {
  const byChallenge = new Map(answers.map((answer) => [answer.challengeId, answer]));
  return outcomesOf(
    definition,
    (courseId) => {
      const course = definition.courses.find((c) => c.id === courseId);
      const played = (course?.challenges ?? []).map((id) => byChallenge.get(id));
      const named = (type: string) => events.some((event) => event.type === type && event.courseId === courseId);
      const skippedRemaining = played.some((answer) => answer?.skippedRemaining === true) || named('skip_remaining');
      return {
        started: played.some((answer) => answer !== undefined) || skippedRemaining,
        ended: played.every((answer) => answer !== undefined) || named('course_end'),
        skippedRemaining,
      };
    },
    (challengeId) => byChallenge.get(challengeId)?.status,
  );
}
