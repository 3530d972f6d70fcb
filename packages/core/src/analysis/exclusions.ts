/**
 * Which sessions count (domain.md §2): test runs never do, and a session that did not reach the end
 * of course 1 has no level and would bias results.
 */
import type { Row } from './margins.js';
import type { ExclusionReason } from './report-types.js';
import { courseRate } from './levels.js';

/** Reasons in the order they are checked; a session is counted under the first that applies. */
export const EXCLUSION_REASONS: readonly ExclusionReason[] = ['test_run', 'left_before_course1_end'];

/**
 * Why a session is excluded, or undefined when it is analysed.
 * - `test_run`: `test_run = 1`, or the commune answer is `TEST`;
 * - `left_before_course1_end`: course 1 is not `ended` / `skipped_remaining` with a success rate
 *   (so `in_progress`, `not_reached`, or left mid-course 1 with `left_mid_course = 1`). Leaving later,
 *   in course 2 or 3, keeps the session: the unfinished course counts as not passed.
 *
 * @example
 * exclusionReason({ test_run: '1' }); // 'test_run'
 */
export function exclusionReason(row: Row): ExclusionReason | undefined {
  if (row.test_run === '1' || (row.q_commune ?? '').trim().toUpperCase() === 'TEST') return 'test_run';
  if (courseRate(row, 1) === undefined) return 'left_before_course1_end';
  return undefined;
}
