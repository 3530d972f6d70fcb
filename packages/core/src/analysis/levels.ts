/**
 * Levels of digital distance per respondent (docs/analysis.md, "Levels of digital distance"): the staircase level from
 * the course outcomes and INSEE's illectronisme criterion combined with it. The analysis reads typed
 * respondents; `from-export.ts` reads them from export rows.
 */
import { staircaseLevel, type CourseOutcome } from '../outcome.js';

/** What the levels, the exclusions and the report read of one respondent. */
export interface Respondent {
  /** A test run (docs/questionnaire.md, "Test runs"): never counted. */
  testRun: boolean;
  /** Course outcomes in course order (course 1 first). */
  courses: readonly (CourseOutcome | undefined)[];
  /** Answer to "last use of the Internet" (`moins_de_3_mois`, `plus_de_3_mois`, `jamais`), when given. */
  lastInternetUse?: string | undefined;
}

/**
 * INSEE's usage criterion: no Internet use in the last 3 months (`plus_de_3_mois` or `jamais`).
 * Undefined when the answer is missing or unknown.
 *
 * @example
 * isNonUser('jamais'); // true
 */
export function isNonUser(lastInternetUse: string | undefined): boolean | undefined {
  if (lastInternetUse === 'plus_de_3_mois' || lastInternetUse === 'jamais') return true;
  if (lastInternetUse === 'moins_de_3_mois') return false;
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
 * distanceLevel({ testRun: false, lastInternetUse: 'jamais', courses: [{ courseId: 'c1', status: 'ended', successRate: 1 }] }); // 'non_user'
 */
export function distanceLevel(respondent: Respondent): DistanceLevel | undefined {
  const nonUser = isNonUser(respondent.lastInternetUse);
  const level = staircaseLevel(respondent.courses);
  if (nonUser === undefined || level === undefined) return undefined;
  return nonUser ? 'non_user' : (`user_level_${level}` as DistanceLevel);
}

/**
 * Illectronisme, INSEE's two criteria read with our tests: no Internet use in the last 3 months, or
 * not passing course 1 (handling: the most basic skills). Known as soon as one criterion settles it.
 *
 * @example
 * isIllectronic({ testRun: false, lastInternetUse: 'moins_de_3_mois', courses: [{ courseId: 'c1', status: 'ended', successRate: 1 / 3 }] }); // true
 */
export function isIllectronic(respondent: Respondent): boolean | undefined {
  const nonUser = isNonUser(respondent.lastInternetUse);
  const level = staircaseLevel(respondent.courses);
  if (nonUser === true || level === 0) return true;
  if (nonUser === false && level !== undefined) return false;
  return undefined;
}
