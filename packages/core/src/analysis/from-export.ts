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

/** The column names of course n (index n − 1), written once: a name built per row costs a string and a hash per read. */
const COURSE_COLUMNS = Array.from({ length: COURSE_COUNT }, (_, k) => ({
  id: `course${k + 1}_id`,
  status: `course${k + 1}_status`,
  rate: `course${k + 1}_success_rate`,
}));

/** Every course column `respondentFromRow` reads, with `q_dernier_usage_internet`; `test_run` and `q_commune` apart. */
export const RESPONDENT_COLUMNS: readonly string[] = [...COURSE_COLUMNS.flatMap((c) => [c.id, c.status, c.rate]), 'q_dernier_usage_internet'];

const STATUSES: ReadonlySet<string> = new Set(COURSE_STATUSES);

/** Each distinct rate text read once (an export holds few); emptied past 4,096 texts, so it stays small. */
const rates = new Map<string, number | null>();

function rateOf(raw: string): number | null {
  let rate = rates.get(raw);
  if (rate === undefined) {
    rate = /^(0(\.\d+)?|1(\.0+)?)$/.test(raw) ? Number(raw) : null;
    if (rates.size >= 4096) rates.clear();
    rates.set(raw, rate);
  }
  return rate;
}

/**
 * The outcome of course `n` (1-based) in a row; undefined when its status is missing or unknown.
 * The success rate is kept only when it is a number in [0, 1] written as the export writes it.
 *
 * @example
 * courseFromRow({ course1_id: 'manipulation', course1_status: 'ended', course1_success_rate: '0.6667' }, 1);
 * // { courseId: 'manipulation', status: 'ended', successRate: 0.6667 }
 */
export function courseFromRow(row: Row, n: number): CourseOutcome | undefined {
  const columns = COURSE_COLUMNS[n - 1] ?? { id: `course${n}_id`, status: `course${n}_status`, rate: `course${n}_success_rate` };
  const status = row[columns.status] ?? '';
  if (!STATUSES.has(status)) return undefined;
  return { courseId: row[columns.id] ?? '', status: status as CourseStatus, successRate: rateOf(row[columns.rate] ?? '') };
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
