/**
 * Which sessions count (docs/analysis.md, "Exclusions (counted in the report)"): test runs never do, and a session that did
 * not reach the end of course 1 has no level and would bias results.
 */
import { hasEnded } from '../outcome.js';
import type { Respondent } from './levels.js';
import type { ExclusionReason } from './report-types.js';

/** Reasons in the order they are checked; a session is counted under the first that applies. */
export const EXCLUSION_REASONS: readonly ExclusionReason[] = ['test_run', 'left_before_course1_end'];

/**
 * Why a session is excluded, or undefined when it is analysed.
 * - `test_run`: a test run;
 * - `left_before_course1_end`: course 1 did not end (by its last challenge or the mediator's skip)
 *   with a success rate. Leaving later, in course 2 or 3, keeps the session: the unfinished course
 *   counts as not passed.
 *
 * @example
 * exclusionReason({ testRun: true, courses: [] }); // 'test_run'
 */
export function exclusionReason(respondent: Respondent): ExclusionReason | undefined {
  if (respondent.testRun) return 'test_run';
  const first = respondent.courses[0];
  if (first === undefined || !hasEnded(first.status) || first.successRate === null) return 'left_before_course1_end';
  return undefined;
}
