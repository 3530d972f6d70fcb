/**
 * Levels of digital distance per respondent (domain.md §2, §3): the staircase level from the courses
 * and INSEE's illectronisme criterion combined with it.
 */
import type { Row } from './margins.js';

/** A course is passed when its success rate is strictly above this share (the "more than 60%" of the protocol). */
export const PASS_THRESHOLD = 0.6;

/** Number of courses of the staircase test. */
export const COURSE_COUNT = 3;

export type StaircaseLevel = 0 | 1 | 2 | 3;

/** Statuses of a course that reached its end-of-course page. */
const ENDED = new Set(['ended', 'skipped_remaining']);

/** Success rate of course `n` (1-based) when the course ended with a valid rate, else undefined. */
export function courseRate(row: Row, n: number): number | undefined {
  if (!ENDED.has(row[`course${n}_status`] ?? '')) return undefined;
  const raw = row[`course${n}_success_rate`] ?? '';
  if (!/^(0(\.\d+)?|1(\.0+)?)$/.test(raw)) return undefined;
  return Number(raw);
}

/**
 * Course `n` is passed when it ended (including by the mediator's skip) with a success rate strictly
 * above 60%.
 *
 * @example
 * coursePassed({ course1_status: 'ended', course1_success_rate: '0.6667' }, 1); // true
 */
export function coursePassed(row: Row, n: number): boolean {
  const rate = courseRate(row, n);
  return rate !== undefined && rate > PASS_THRESHOLD;
}

/**
 * Staircase level 0..3: the number of consecutive courses passed from course 1 (0: course 1 not
 * passed; 1: course 1 passed; 2: course 2 passed too; 3: all three). Undefined when course 1 did not
 * end (such sessions are excluded, see `exclusionReason`).
 *
 * @example
 * staircaseLevel({ course1_status: 'ended', course1_success_rate: '1', course2_status: 'ended', course2_success_rate: '0.4286' }); // 1
 */
export function staircaseLevel(row: Row): StaircaseLevel | undefined {
  if (courseRate(row, 1) === undefined) return undefined;
  let level = 0;
  while (level < COURSE_COUNT && coursePassed(row, level + 1)) level++;
  return level as StaircaseLevel;
}

/** INSEE's usage criterion: no Internet use in the last 3 months (`plus_de_3_mois` or `jamais`). */
export function isNonUser(row: Row): boolean | undefined {
  const answer = row.q_dernier_usage_internet ?? '';
  if (answer === 'plus_de_3_mois' || answer === 'jamais') return true;
  if (answer === 'moins_de_3_mois') return false;
  return undefined;
}

/**
 * Levels of digital distance, from the furthest:
 * `non_user` (no Internet use in the last 3 months, whatever the tests), then users by staircase level
 * `user_level_0` (course 1, handling, not passed) … `user_level_3` (all three courses passed).
 */
export type DistanceLevel = 'non_user' | 'user_level_0' | 'user_level_1' | 'user_level_2' | 'user_level_3';

export const DISTANCE_LEVELS: readonly DistanceLevel[] = ['non_user', 'user_level_0', 'user_level_1', 'user_level_2', 'user_level_3'];

/**
 * The respondent's level of digital distance; undefined when the last-use answer or the staircase
 * level is unknown.
 *
 * @example
 * distanceLevel({ q_dernier_usage_internet: 'jamais', course1_status: 'ended', course1_success_rate: '1' }); // 'non_user'
 */
export function distanceLevel(row: Row): DistanceLevel | undefined {
  const nonUser = isNonUser(row);
  const level = staircaseLevel(row);
  if (nonUser === undefined || level === undefined) return undefined;
  return nonUser ? 'non_user' : (`user_level_${level}` as DistanceLevel);
}

/**
 * Illectronisme, INSEE's two criteria read with our tests: no Internet use in the last 3 months, or
 * not passing course 1 (handling: the most basic skills). Known as soon as one criterion settles it.
 *
 * @example
 * isIllectronic({ q_dernier_usage_internet: 'moins_de_3_mois', course1_status: 'ended', course1_success_rate: '0.3333' }); // true
 */
export function isIllectronic(row: Row): boolean | undefined {
  const nonUser = isNonUser(row);
  const level = staircaseLevel(row);
  if (nonUser === true || level === 0) return true;
  if (nonUser === false && level !== undefined) return false;
  return undefined;
}
