/**
 * The definitions of digital distance side by side, per respondent (docs/analysis.md, "Definitions side by
 * side"): the staircase level and the distance levels of our test, an INSEE-like measure on people aged 15 and
 * over, and a CRÉDOC-like halo. `respondentIndicators` gives them for one export row so that analysts can
 * recompute every figure.
 */
import { staircaseLevel } from '../outcome.js';
import { courseResult, type CourseResult } from './course-results.js';
import { respondentFromRow } from './from-export.js';
import { ageAtSession, INSEE_MINIMUM_AGE } from './integrity.js';
import { distanceLevel, isIllectronic, isNonUser, type DistanceLevel } from './levels.js';
import type { Row } from './margins.js';
import { profileOf } from './profiles.js';
import type { ProfileCode } from './report-types.js';

/** Ease answers read as "not at ease" for the CRÉDOC-like halo ("peu ou pas du tout compétent"). */
export const NOT_AT_EASE: readonly string[] = ['pas_du_tout', 'un_peu'];

/** The columns `isInHalo` reads. */
export const HALO_COLUMNS: readonly string[] = ['q_dernier_usage_internet', 'q_aisance'];

/**
 * The CRÉDOC-like halo: non-users plus users who say they are not at ease (`pas_du_tout` or `un_peu`).
 * Undefined when an answer it needs is missing.
 *
 * @example
 * isInHalo({ q_dernier_usage_internet: 'moins_de_3_mois', q_aisance: 'un_peu' }); // true
 */
export function isInHalo(row: Row): boolean | undefined {
  const nonUser = isNonUser(row.q_dernier_usage_internet);
  if (nonUser === true) return true;
  const ease = row.q_aisance ?? '';
  if (nonUser === undefined || ease === '') return undefined;
  return NOT_AT_EASE.includes(ease);
}

/** Every per-respondent value the report counts, for one export row. */
export interface RespondentIndicators {
  /** Age at the session (year of the session − year of birth). */
  age: number | undefined;
  staircaseLevel: 0 | 1 | 2 | 3 | undefined;
  distance: DistanceLevel | undefined;
  /** INSEE-like measure, only for people aged 15 and over (undefined under 15 or when unknown). */
  inseeLike: boolean | undefined;
  /** CRÉDOC-like halo. */
  halo: boolean | undefined;
  profile: ProfileCode;
  /** Result of each course, in course order. */
  courses: (CourseResult | undefined)[];
}

/**
 * The per-respondent values of one export row.
 *
 * @example
 * respondentIndicators(row).inseeLike; // true, false, or undefined (under 15 or unknown)
 */
export function respondentIndicators(row: Row): RespondentIndicators {
  const respondent = respondentFromRow(row);
  const age = ageAtSession(row);
  const under15 = age !== undefined && age < INSEE_MINIMUM_AGE;
  return {
    age,
    staircaseLevel: staircaseLevel(respondent.courses),
    distance: distanceLevel(respondent),
    inseeLike: under15 ? undefined : isIllectronic(respondent),
    halo: isInHalo(row),
    profile: profileOf(row),
    courses: respondent.courses.map(courseResult),
  };
}

const yesNo = (b: boolean | undefined): string => (b === undefined ? '' : b ? 'yes' : 'no');

/** Column names of `indicatorColumns`, in order. */
export const INDICATOR_COLUMNS: readonly string[] = ['age', 'staircase_level', 'distance', 'insee_like', 'halo', 'profile', 'course1_result', 'course2_result', 'course3_result'];

/**
 * The per-respondent values as export-like string columns (empty = unknown), to append to the export's rows.
 *
 * @example
 * indicatorColumns(row).insee_like; // 'yes'
 */
export function indicatorColumns(row: Row): Record<string, string> {
  const v = respondentIndicators(row);
  return {
    age: v.age === undefined ? '' : String(v.age),
    staircase_level: v.staircaseLevel === undefined ? '' : String(v.staircaseLevel),
    distance: v.distance ?? '',
    insee_like: yesNo(v.inseeLike),
    halo: yesNo(v.halo),
    profile: v.profile,
    course1_result: v.courses[0] ?? '',
    course2_result: v.courses[1] ?? '',
    course3_result: v.courses[2] ?? '',
  };
}
