/**
 * Reading the analysis' typed respondents from export rows (docs/export-format.md): the columns
 * `test_run`, `q_commune`, `q_dernier_usage_internet` and `course<n>_status` / `course<n>_success_rate`.
 * An unknown status or a malformed rate reads as missing, never as a guess.
 */
import { COURSE_STATUSES, type CourseOutcome, type CourseStatus } from '../outcome.js';
import { isTestCity } from '../questionnaire/test-run.js';
import type { Respondent } from './levels.js';
import type { Row } from './margins.js';

/** Number of courses of the staircase test, the course column groups the analysis reads. */
export const COURSE_COUNT = 3;

/**
 * The outcome of course `n` (1-based) in a row; undefined when its status is missing or unknown.
 * The success rate is kept only when it is a number in [0, 1] written as the export writes it.
 *
 * @example
 * courseFromRow({ course1_id: 'manipulation', course1_status: 'ended', course1_success_rate: '0.6667' }, 1);
 * // { courseId: 'manipulation', status: 'ended', successRate: 0.6667 }
 */
export function courseFromRow(row: Row, n: number): CourseOutcome | undefined {
  const status = row[`course${n}_status`] ?? '';
  if (!(COURSE_STATUSES as readonly string[]).includes(status)) return undefined;
  const raw = row[`course${n}_success_rate`] ?? '';
  const rate = /^(0(\.\d+)?|1(\.0+)?)$/.test(raw) ? Number(raw) : null;
  return { courseId: row[`course${n}_id`] ?? '', status: status as CourseStatus, successRate: rate };
}

/**
 * The respondent of an export row: a test run when `test_run = 1` or the commune answer is `TEST`.
 *
 * @example
 * respondentFromRow({ test_run: '0', q_dernier_usage_internet: 'jamais', course1_status: 'ended', course1_success_rate: '1' });
 * // { testRun: false, lastInternetUse: 'jamais', courses: [{ courseId: '', status: 'ended', successRate: 1 }, undefined, undefined] }
 */
export function respondentFromRow(row: Row): Respondent {
  const courses: (CourseOutcome | undefined)[] = [];
  for (let n = 1; n <= COURSE_COUNT; n++) courses.push(courseFromRow(row, n));
  return {
    testRun: row.test_run === '1' || isTestCity(row.q_commune),
    courses,
    lastInternetUse: row.q_dernier_usage_internet,
  };
}
