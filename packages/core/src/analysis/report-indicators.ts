/**
 * The indicators of one set of respondents (staircase, distance, illectronisme, halo, profiles, courses), with
 * intervals and the national comparison (docs/analysis.md, "Reading the figures").
 */
import { compareWithNational, kish, weightedMean, weightedProportions, Z95 } from './estimates.js';
import { isInHalo } from './definitions.js';
import { linearisedMean, type CalibrationDesign } from './linearisation.js';
import { COURSE_RESULTS, courseResult, endedResult, type CourseResult } from './course-results.js';
import { COURSE_COUNT } from './from-export.js';
import { ageAtSession, INSEE_MINIMUM_AGE } from './integrity.js';
import { COURSE_STATUS, staircaseLevel } from '../outcome.js';
import { DISTANCE_LEVELS, distanceLevel, isIllectronic, type Respondent } from './levels.js';
import type { Row } from './margins.js';
import { PROFILES, profileOf } from './profiles.js';
import type { CategoryEstimate, CourseSummary, Distribution, DistributionVariable, IndicatorSet, IntervalMethod, MeanEstimate, SessionCounts } from './report-types.js';

/** Per-respondent derived values, as strings so that every variable is read the same way. */
export interface Derived {
  staircase_level: (string | undefined)[];
  distance: (string | undefined)[];
  illectronisme: (string | undefined)[];
  halo: (string | undefined)[];
  profile: (string | undefined)[];
  level: Float64Array;
  courses: (CourseResult | undefined)[][];
  courseIds: string[];
}

const CATEGORIES: Readonly<Record<DistributionVariable, readonly string[]>> = {
  staircase_level: ['0', '1', '2', '3'],
  distance: DISTANCE_LEVELS,
  illectronisme: ['yes', 'no'],
  halo: ['yes', 'no'],
  profile: PROFILES,
};

/** How intervals are computed: the method, and the margins' design for the linearised variance. */
export interface Estimation {
  method: IntervalMethod;
  design: CalibrationDesign | undefined;
}

/** Replaces Wilson intervals by the linearised normal interval (clamped to [0, 1]) when asked (also used by diagnostic.ts). */
export function withIntervals(values: readonly (string | undefined)[], categories: CategoryEstimate[], weights: Float64Array, include: (i: number) => boolean, estimation: Estimation): CategoryEstimate[] {
  if (estimation.method !== 'linearised') return categories;
  return categories.map((c) => {
    const indicator = Float64Array.from(values, (v) => (v === undefined || v === '' ? NaN : v === c.category ? 1 : 0));
    const { standardError } = linearisedMean(estimation.design, indicator, weights, include);
    const se = Number.isFinite(standardError) ? standardError : 0;
    return { ...c, low: Math.max(0, c.proportion - Z95 * se), high: Math.min(1, c.proportion + Z95 * se) };
  });
}

function distribution(variable: DistributionVariable, derived: Derived, weights: Float64Array, include: (i: number) => boolean, estimation: Estimation, national?: Distribution): Distribution {
  const r = weightedProportions(derived[variable], weights, CATEGORIES[variable], include);
  const categories: CategoryEstimate[] = withIntervals(derived[variable], r.categories, weights, include, estimation).map((c) => {
    const n = national?.categories.find((x) => x.category === c.category);
    return n ? { ...c, national: compareWithNational(c, { value: n.proportion, low: n.low, high: n.high }) } : c;
  });
  return { variable, n: r.n, nEffective: r.nEffective, designEffect: r.designEffect, categories };
}

function courseSummaries(derived: Derived, weights: Float64Array, include: (i: number) => boolean, estimation: Estimation, national?: IndicatorSet): CourseSummary[] {
  return derived.courses.map((results, c) => {
    const counts = Object.fromEntries(COURSE_RESULTS.map((r) => [r, 0])) as Record<CourseResult, number>;
    const passed: (string | undefined)[] = results.map((r, i) => {
      if (r !== undefined && include(i)) counts[r]++;
      return endedResult(r) ? (r === 'passed' ? 'yes' : 'no') : undefined;
    });
    const estimate = withIntervals(passed, weightedProportions(passed, weights, ['yes'], include).categories, weights, include, estimation)[0] as CategoryEstimate;
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
 * Every indicator over the respondents `include` keeps, with the national figure beside each when given.
 *
 * @example
 * const national = indicators(derived, weights, () => true, { method: 'linearised', design });
 */
export function indicators(derived: Derived, weights: Float64Array, include: (i: number) => boolean, estimation: Estimation, national?: IndicatorSet): IndicatorSet {
  const k = kish(weights, include);
  const m = weightedMean(derived.level, weights, include);
  const mean: MeanEstimate = { variable: 'staircase_level', n: m.n, nEffective: m.nEffective, mean: m.mean, low: m.low, high: m.high };
  if (estimation.method === 'linearised') {
    const se = linearisedMean(estimation.design, derived.level, weights, include).standardError;
    mean.low = m.mean - Z95 * se;
    mean.high = m.mean + Z95 * se;
  }
  if (national) mean.national = compareWithNational(mean, { value: national.meanStaircaseLevel.mean, low: national.meanStaircaseLevel.low, high: national.meanStaircaseLevel.high });
  return {
    n: k.n,
    weightedTotal: k.weightedTotal,
    nEffective: k.nEffective,
    designEffect: k.designEffect,
    staircase: distribution('staircase_level', derived, weights, include, estimation, national?.staircase),
    distance: distribution('distance', derived, weights, include, estimation, national?.distance),
    illectronisme: distribution('illectronisme', derived, weights, include, estimation, national?.illectronisme),
    halo: distribution('halo', derived, weights, include, estimation, national?.halo),
    profiles: distribution('profile', derived, weights, include, estimation, national?.profiles),
    meanStaircaseLevel: mean,
    courses: courseSummaries(derived, weights, include, estimation, national),
  };
}

/**
 * The derived values of the kept respondents, and the counts the report states about them.
 *
 * @example
 * const { derived, counted } = deriveRespondents(kept, kept.map(respondentFromRow));
 */
export function deriveRespondents(kept: readonly Row[], respondents: readonly Respondent[]): { derived: Derived; counted: Omit<SessionCounts, 'total' | 'excluded' | 'analysed'> } {
  const derived: Derived = {
    staircase_level: [],
    distance: [],
    illectronisme: [],
    halo: [],
    profile: [],
    level: new Float64Array(kept.length),
    courses: Array.from({ length: COURSE_COUNT }, () => []),
    courseIds: Array.from({ length: COURSE_COUNT }, (_, c) => kept.find((row) => (row[`course${c + 1}_id`] ?? '') !== '')?.[`course${c + 1}_id`] ?? ''),
  };
  const counted = { testNotTaken: 0, course1NotFinished: 0, under15: 0, filledByMediator: 0, resumed: 0, paper: 0 };
  kept.forEach((row, i) => {
    const respondent = respondents[i] as Respondent;
    const level = staircaseLevel(respondent.courses);
    const age = ageAtSession(row);
    const under15 = age !== undefined && age < INSEE_MINIMUM_AGE;
    const illectronic = under15 ? undefined : isIllectronic(respondent);
    const first = respondent.courses[0];
    if (first === undefined || first.status === COURSE_STATUS.notReached) counted.testNotTaken++;
    else if (level === undefined) counted.course1NotFinished++;
    if (under15) counted.under15++;
    if (row.filled_by_mediator === '1') counted.filledByMediator++;
    if (row.resumed === '1') counted.resumed++;
    // A paper form has no course: it counts in `testNotTaken` too (docs/protocol.md, "Paper channel").
    if (row.channel === 'paper') counted.paper++;
    derived.courses.forEach((results, c) => results.push(courseResult(respondent.courses[c])));
    derived.staircase_level.push(level === undefined ? undefined : String(level));
    derived.distance.push(distanceLevel(respondent));
    derived.illectronisme.push(illectronic === undefined ? undefined : illectronic ? 'yes' : 'no');
    const halo = isInHalo(row);
    derived.halo.push(halo === undefined ? undefined : halo ? 'yes' : 'no');
    derived.profile.push(profileOf(row));
    derived.level[i] = level ?? NaN;
  });
  return { derived, counted };
}
