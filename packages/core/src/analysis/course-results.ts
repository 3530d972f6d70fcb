/**
 * What became of each course for one respondent, as the report counts it (docs/analysis.md, "Per-course
 * results"), read from the one vocabulary of course statuses (docs/outcomes.md): a course not reached is
 * never a failure, and a course the mediator stopped is told apart.
 */
import { COURSE_STATUS, coursePassed, type CourseOutcome } from '../outcome.js';
import type { CourseResultCode } from './report-types.js';

/**
 * - `passed`: ended (or stopped by the mediator) with a success rate above the threshold;
 * - `failed`: ended by its last challenge without passing;
 * - `stopped_by_mediator`: ended by the mediator's "skip the remaining challenges" without passing;
 * - `left`: started and left before its end;
 * - `not_reached`: never started (the session stopped before it, by time, choice or advice).
 */
export type CourseResult = CourseResultCode;

export const COURSE_RESULTS: readonly CourseResult[] = ['passed', 'failed', 'stopped_by_mediator', 'left', 'not_reached'];

/**
 * The result of one course; undefined when its status is unknown.
 *
 * @example
 * courseResult({ courseId: 'c2', status: 'not_reached', successRate: null }); // 'not_reached'
 */
export function courseResult(outcome: CourseOutcome | undefined): CourseResult | undefined {
  if (outcome === undefined) return undefined;
  if (coursePassed(outcome)) return 'passed';
  switch (outcome.status) {
    case COURSE_STATUS.ended:
      return outcome.successRate === null ? undefined : 'failed';
    case COURSE_STATUS.skippedRemaining:
      return 'stopped_by_mediator';
    case COURSE_STATUS.inProgress:
      return 'left';
    case COURSE_STATUS.notReached:
      return 'not_reached';
  }
}

/**
 * Whether a course result counts in the course's success rate: only courses that ended (passed, failed,
 * stopped by the mediator). A course left or not reached is counted apart, never as failed.
 *
 * @example
 * endedResult('not_reached'); // false
 */
export function endedResult(result: CourseResult | undefined): boolean {
  return result === 'passed' || result === 'failed' || result === 'stopped_by_mediator';
}

/**
 * How many respondents a course's success rate is a share of: those whose course ended (`endedResult`).
 *
 * @example
 * endedCount({ passed: 3, failed: 1, stopped_by_mediator: 1, left: 2, not_reached: 4 }); // 5
 */
export function endedCount(counts: Readonly<Record<CourseResult, number>>): number {
  return COURSE_RESULTS.reduce((sum, result) => (endedResult(result) ? sum + counts[result] : sum), 0);
}
