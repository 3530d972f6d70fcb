/**
 * The indicators of one set of respondents (staircase, distance, illectronisme, halo, profiles, courses), with
 * intervals and the national comparison (docs/analysis.md, "Reading the figures").
 */
import { compareWithNational, Z95 } from './estimates.js';
import { memberSums, type CellTotals, type CountedVariable, type GroupSums } from './group-totals.js';
import { HALO_COLUMNS, isInHalo } from './definitions.js';
import type { CalibrationDesign, DomainEstimator } from './linearisation.js';
import { COURSE_RESULTS, courseResult, endedResult, type CourseResult } from './course-results.js';
import { COURSE_COUNT, RESPONDENT_COLUMNS, respondentFromRow } from './from-export.js';
import { perCombination } from './cells.js';
import { agesAtSession, INSEE_MINIMUM_AGE } from './integrity.js';
import { COURSE_STATUS, staircaseLevel } from '../outcome.js';
import { DISTANCE_LEVELS, distanceLevel, isIllectronic } from './levels.js';
import { rowView, type ExportTable } from './table.js';
import { PROFILES, profileOf } from './profiles.js';
import type { CategoryEstimate, CourseSummary, Distribution, DistributionVariable, IndicatorSet, IntervalMethod, MeanEstimate, SessionCounts } from './report-types.js';

/**
 * Per-respondent derived values, as small codes: for each distribution variable the index of the respondent's
 * category in `CATEGORIES` (−1 unknown), per course the index in `COURSE_RESULTS` (−1 unknown) and whether it
 * counts as passed (0 passed, 1 ended without passing, −1 not ended).
 */
export interface Derived {
  codes: Record<DistributionVariable, Int8Array>;
  level: Float64Array;
  courses: Int8Array[];
  passed: Int8Array[];
  courseIds: string[];
}

const CATEGORIES: Readonly<Record<DistributionVariable, readonly string[]>> = {
  staircase_level: ['0', '1', '2', '3'],
  distance: DISTANCE_LEVELS,
  illectronisme: ['yes', 'no'],
  halo: ['yes', 'no'],
  profile: PROFILES,
};

/** The counted variables in `GroupSums` order: the distributions, then per course whether it was passed, then its result. */
const DISTRIBUTIONS = Object.keys(CATEGORIES) as DistributionVariable[];
const PASSED = (c: number): number => DISTRIBUTIONS.length + c;
const RESULT = (c: number): number => DISTRIBUTIONS.length + COURSE_COUNT + c;
/** Per course result, 0 passed, 1 ended without passing, −1 not ended (as `deriveRespondents` writes `passed`). */
const PASSED_OF_RESULT = Int8Array.from(COURSE_RESULTS, (r) => (endedResult(r) ? (r === 'passed' ? 0 : 1) : -1));

/**
 * The derived values as counted variables (`group-totals.ts`), in the order the indicators read them.
 *
 * @example
 * countedVariables(derived)[0].size; // 4 (the staircase levels)
 */
export function countedVariables(derived: Derived): CountedVariable[] {
  return [
    ...DISTRIBUTIONS.map((v) => ({ codes: derived.codes[v], size: CATEGORIES[v].length })),
    // Whether a course was passed follows from its result (`endedResult`): counted from the results.
    ...derived.passed.map((codes, c) => ({ codes, size: 2, from: { variable: RESULT(c), categories: PASSED_OF_RESULT } })),
    ...derived.courses.map((codes) => ({ codes, size: COURSE_RESULTS.length })),
  ];
}

/**
 * How intervals are computed: the method, the margins' design, the estimator of linearised variances, and the
 * cells' weights when groups can be counted in one pass (`cellTotals`; read from their members otherwise).
 */
export interface Estimation {
  method: IntervalMethod;
  design: CalibrationDesign | undefined;
  estimator: DomainEstimator;
  totals?: CellTotals;
}

/** Replaces Wilson intervals by the linearised normal interval (clamped to [0, 1]) when asked (also used by diagnostic.ts). */
export function withIntervals(codes: Int8Array, categories: CategoryEstimate[], members: Int32Array, estimation: Estimation): CategoryEstimate[] {
  if (estimation.method !== 'linearised') return categories;
  return withErrors(categories, estimation.estimator.shares(codes, categories.length, members).map((e) => e.standardError));
}

function withErrors(categories: CategoryEstimate[], errors: readonly number[]): CategoryEstimate[] {
  return categories.map((c, k) => {
    const standardError = errors[k] as number;
    const se = Number.isFinite(standardError) ? standardError : 0;
    return { ...c, low: Math.max(0, c.proportion - Z95 * se), high: Math.min(1, c.proportion + Z95 * se) };
  });
}

function distribution(variable: DistributionVariable, sums: GroupSums, method: IntervalMethod, national?: Distribution): Distribution {
  const j = DISTRIBUTIONS.indexOf(variable);
  const r = sums.proportions(j, CATEGORIES[variable]);
  const intervals = method === 'linearised' ? withErrors(r.categories, sums.shareErrors(j)) : r.categories;
  const categories: CategoryEstimate[] = intervals.map((c) => {
    const n = national?.categories.find((x) => x.category === c.category);
    return n ? { ...c, national: compareWithNational(c, { value: n.proportion, low: n.low, high: n.high }) } : c;
  });
  return { variable, n: r.n, nEffective: r.nEffective, designEffect: r.designEffect, categories };
}

function courseSummaries(derived: Derived, sums: GroupSums, method: IntervalMethod, national?: IndicatorSet): CourseSummary[] {
  return derived.courses.map((_, c) => {
    const tally = sums.tally(RESULT(c));
    const counts = Object.fromEntries(COURSE_RESULTS.map((r, k) => [r, tally[k] as number])) as Record<CourseResult, number>;
    // Codes 0 passed, 1 ended without passing: both categories are estimated, the share passed is reported.
    const shares = sums.proportions(PASSED(c), ['yes', 'no']).categories;
    const estimate = (method === 'linearised' ? withErrors(shares, sums.shareErrors(PASSED(c))) : shares)[0] as CategoryEstimate;
    const n = national?.courses[c]?.passed;
    return {
      course: c + 1,
      courseId: derived.courseIds[c] ?? '',
      counts,
      passed: n ? { ...estimate, national: compareWithNational(estimate, { value: n.proportion, low: n.low, high: n.high }) } : estimate,
    };
  });
}

/**
 * Every indicator over `members` (indexes of respondents), with the national figure beside each when given.
 * Each estimate loops over the members only (docs/analysis.md, "Performance").
 *
 * @example
 * const national = indicators(derived, weights, membersOf(weights.length), { method: 'linearised', design, estimator });
 */
export function indicators(derived: Derived, weights: Float64Array, members: Int32Array, estimation: Estimation, national?: IndicatorSet): IndicatorSet {
  return indicatorsOf(derived, memberSums(countedVariables(derived), derived.level, weights, members, estimation.estimator), estimation.method, national);
}

/**
 * Every indicator of one group from its sums (`GroupSums`: counted in one pass, or read from its members).
 *
 * @example
 * indicatorsOf(derived, counts.sums(0, 0, 0), 'linearised');
 */
export function indicatorsOf(derived: Derived, sums: GroupSums, method: IntervalMethod, national?: IndicatorSet): IndicatorSet {
  const k = sums.kish();
  const m = sums.mean();
  const mean: MeanEstimate = { variable: 'staircase_level', n: m.n, nEffective: m.nEffective, mean: m.mean, low: m.low, high: m.high };
  if (method === 'linearised') {
    const se = sums.meanError();
    mean.low = m.mean - Z95 * se;
    mean.high = m.mean + Z95 * se;
  }
  if (national) mean.national = compareWithNational(mean, { value: national.meanStaircaseLevel.mean, low: national.meanStaircaseLevel.low, high: national.meanStaircaseLevel.high });
  return {
    n: k.n,
    weightedTotal: k.weightedTotal,
    nEffective: k.nEffective,
    designEffect: k.designEffect,
    staircase: distribution('staircase_level', sums, method, national?.staircase),
    distance: distribution('distance', sums, method, national?.distance),
    illectronisme: distribution('illectronisme', sums, method, national?.illectronisme),
    halo: distribution('halo', sums, method, national?.halo),
    profiles: distribution('profile', sums, method, national?.profiles),
    meanStaircaseLevel: mean,
    courses: courseSummaries(derived, sums, method, national),
  };
}

function codeOf(categories: readonly string[], value: string | undefined): number {
  return value === undefined ? -1 : categories.indexOf(value);
}

/**
 * The derived values of the kept respondents (read in place from the table), and the counts the report states
 * about them.
 *
 * @example
 * const { derived, counted } = deriveRespondents(keptTable);
 */
export function deriveRespondents(table: ExportTable): { derived: Derived; counted: Omit<SessionCounts, 'total' | 'excluded' | 'analysed'> } {
  const n = table.length;
  const codes = Object.fromEntries((Object.keys(CATEGORIES) as DistributionVariable[]).map((v) => [v, new Int8Array(n)])) as Record<DistributionVariable, Int8Array>;
  const courseId = (c: number): string => {
    const column = table.columns.get(`course${c + 1}_id`);
    if (!column) return '';
    for (let i = 0; i < n; i++) {
      const id = column.dictionary[column.codes[i] as number] ?? '';
      if (id !== '') return id;
    }
    return '';
  };
  const derived: Derived = {
    codes,
    level: new Float64Array(n),
    courses: Array.from({ length: COURSE_COUNT }, () => new Int8Array(n)),
    passed: Array.from({ length: COURSE_COUNT }, () => new Int8Array(n)),
    courseIds: Array.from({ length: COURSE_COUNT }, (_, c) => courseId(c)),
  };
  const counted = { testNotTaken: 0, course1NotFinished: 0, under15: 0, filledByMediator: 0, resumed: 0, paper: 0 };
  // The rules on the courses and the last use, and the halo, once per distinct combination of the columns they read
  // (docs/analysis.md, "Performance"); the age and the profile per respondent.
  const tests = perCombination(table, RESPONDENT_COLUMNS, (row) => {
    const respondent = respondentFromRow(row);
    const level = staircaseLevel(respondent.courses);
    const first = respondent.courses[0];
    const results = respondent.courses.map((course) => {
      const result = courseResult(course);
      return result === undefined ? -1 : COURSE_RESULTS.indexOf(result);
    });
    return {
      level,
      results,
      passed: results.map((r) => (r < 0 ? -1 : (PASSED_OF_RESULT[r] as number))),
      distance: codeOf(CATEGORIES.distance, distanceLevel(respondent)),
      illectronic: isIllectronic(respondent),
      notTaken: first === undefined || first.status === COURSE_STATUS.notReached,
    };
  });
  const halos = perCombination(table, HALO_COLUMNS, (row) => {
    const halo = isInHalo(row);
    return halo === undefined ? -1 : halo ? 0 : 1;
  });
  const view = rowView(table);
  const ages = agesAtSession(table);
  for (let i = 0; i < n; i++) {
    const row = view.at(i);
    const t = tests.results[tests.of[i] as number] as (typeof tests.results)[number];
    const level = t.level;
    const under15 = (ages[i] as number) < INSEE_MINIMUM_AGE; // false when unknown (NaN)
    const illectronic = under15 ? undefined : t.illectronic;
    if (t.notTaken) counted.testNotTaken++;
    else if (level === undefined) counted.course1NotFinished++;
    if (under15) counted.under15++;
    if (row.filled_by_mediator === '1') counted.filledByMediator++;
    if (row.resumed === '1') counted.resumed++;
    // A paper form has no course: it counts in `testNotTaken` too (docs/protocol.md, "Paper channel").
    if (row.channel === 'paper') counted.paper++;
    for (let c = 0; c < COURSE_COUNT; c++) {
      (derived.courses[c] as Int8Array)[i] = t.results[c] as number;
      (derived.passed[c] as Int8Array)[i] = t.passed[c] as number;
    }
    codes.staircase_level[i] = level === undefined ? -1 : level;
    codes.distance[i] = t.distance;
    codes.illectronisme[i] = illectronic === undefined ? -1 : illectronic ? 0 : 1;
    codes.halo[i] = halos.results[halos.of[i] as number] as number;
    codes.profile[i] = codeOf(CATEGORIES.profile, profileOf(row, { level }));
    derived.level[i] = level ?? NaN;
  }
  return { derived, counted };
}
