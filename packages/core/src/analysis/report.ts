/**
 * From export rows to the report: exclusions, weighting, levels and profiles per respondent, then
 * national, per-domain and per-profile estimates with the national figure beside them.
 */
import { ReportError } from './errors.js';
import { compareWithNational, kish, weightedMean, weightedProportions, Z95 } from './estimates.js';
import { isInHalo } from './definitions.js';
import { itemStatistics } from './items.js';
import { BREAKDOWN_CATEGORIES, BREAKDOWN_VARIABLES, breakdownValue, MINIMUM_CELL_SIZE } from './breakdowns.js';
import { calibrationDesign, linearisedMean, type CalibrationDesign } from './linearisation.js';
import { COURSE_RESULTS, courseResult, endedResult, type CourseResult } from './course-results.js';
import { COURSE_COUNT, respondentFromRow } from './from-export.js';
import {
  ageAtSession,
  DUPLICATE_WINDOW_HOURS,
  EXCLUSION_REASONS,
  exclusionOfRow,
  INSEE_MINIMUM_AGE,
  probableDuplicates,
  surveyOfReport,
  type SurveySelection,
} from './integrity.js';
import { COURSE_STATUS, staircaseLevel } from '../outcome.js';
import { DISTANCE_LEVELS, distanceLevel, isIllectronic, type Respondent } from './levels.js';
import { prepareRaking, type Margin, type Row } from './margins.js';
import { PROFILES, profileOf } from './profiles.js';
import { rakeProblem, type RakeOptions } from './rake.js';
import {
  REPORT_VERSION,
  type CategoryEstimate,
  type Distribution,
  type Breakdown,
  type CollectionProgress,
  type CourseSummary,
  type DistributionVariable,
  type DomainKind,
  type DomainResult,
  type ExclusionReason,
  type IntervalMethod,
  type IndicatorSet,
  type MeanEstimate,
  type ObservatoireReport,
  type ProfileResult,
  type WeightingSummary,
} from './report-types.js';

/** A domain (territory or organisation) is estimated from this many valid respondents (docs/analysis.md, "Reading the figures"). */
export const MINIMUM_RESPONDENTS = 100;

/** The study's national target of valid respondents (docs/analysis.md, "Progress"). */
export const NATIONAL_TARGET = 1000;

/** Export column that holds each domain kind's code. */
export const DOMAIN_COLUMNS: Readonly<Record<DomainKind, string>> = {
  department: 'department',
  region: 'region',
  epci: 'epci',
  organisation: 'organisation',
};

const TERRITORY_PREFIXES: Readonly<Record<string, DomainKind>> = { dep: 'department', region: 'region', epci: 'epci', org: 'organisation' };

export interface TerritoryRef {
  kind: DomainKind;
  code: string;
}

/**
 * Reads a `--territory` value: `dep:35`, `region:53`, `epci:243500139` or `org:CODE`.
 * Throws `ReportError` `invalid_option` otherwise.
 *
 * @example
 * parseTerritory('dep:35'); // { kind: 'department', code: '35' }
 */
export function parseTerritory(spec: string): TerritoryRef {
  const match = /^(dep|region|epci|org):(\S+)$/.exec(spec.trim());
  const kind = match ? TERRITORY_PREFIXES[match[1] as string] : undefined;
  if (!match || !kind) {
    throw new ReportError('invalid_option', `territory "${spec}" is not understood; write dep:35, region:53, epci:<SIREN code> or org:<code>`);
  }
  return { kind, code: match[2] as string };
}

export interface BuildReportOptions extends RakeOptions {
  /** The domain to put in `focus`, e.g. `{ kind: 'department', code: '35' }` (see `parseTerritory`). */
  territory?: TerritoryRef;
  /** Default `MINIMUM_RESPONDENTS` (100). */
  minimumRespondents?: number;
  /** Stamped as `generatedAt` (core has no clock). */
  generatedAt?: string;
  /** Domain names by `kind:code`, e.g. `{ 'department:35': 'Ille-et-Vilaine' }`. */
  names?: Readonly<Record<string, string>>;
  /** The survey (and content versions) to report on; by default the only `survey_id` of the export. */
  survey?: SurveySelection;
  /** Analyse rows of several surveys together (refused by default: `ReportError` `mixed_surveys`). */
  mixSurveys?: boolean;
  /** Two sessions within this many hours can be a probable duplicate (default `DUPLICATE_WINDOW_HOURS`, 24). */
  duplicateWindowHours?: number;
  /** Keep only sessions filled (true) or not filled (false) by the mediator, resumed or not; the rest is `filtered_out`. */
  filter?: { filledByMediator?: boolean; resumed?: boolean };
  /**
   * `linearised` (default): the design-based variance of the raked estimator, normal interval; `wilson_effective_n`:
   * Wilson on the Kish effective size, weights treated as fixed (more cautious in small domains).
   */
  interval?: IntervalMethod;
  /** The collection window (ISO dates, inclusive); default October 1 to December 31 of the latest session's year. */
  collectionWindow?: { from: string; to: string };
  /** National target of valid respondents (default `NATIONAL_TARGET`, 1,000). */
  target?: number;
  /** Breakdown groups under this many respondents are flagged `small` (default `MINIMUM_CELL_SIZE`, 30). */
  minimumCellSize?: number;
  /** Population band of each commune by INSEE code (the report package's `communeSizes()`); without it, no size breakdown. */
  communeSizes?: Readonly<Record<string, string>>;
}

/** Per-respondent derived values, as strings so that every variable is read the same way. */
interface Derived {
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
interface Estimation {
  method: IntervalMethod;
  design: CalibrationDesign | undefined;
}

/** Replaces Wilson intervals by the linearised normal interval (clamped to [0, 1]) when asked. */
function withIntervals(values: readonly (string | undefined)[], categories: CategoryEstimate[], weights: Float64Array, include: (i: number) => boolean, estimation: Estimation): CategoryEstimate[] {
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

function indicators(derived: Derived, weights: Float64Array, include: (i: number) => boolean, estimation: Estimation, national?: IndicatorSet): IndicatorSet {
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
 * Builds the report from export rows (`parseCsv` + `toRows`, or the collector's JSON export) and
 * weighting margins (none: every weight is 1). Throws `ReportError` when no session is left after the
 * exclusions or a needed column is missing, `WeightingError` on bad margins.
 *
 * @example
 * const report = buildReport(toRows(parseCsv(csvText)), margins, { territory: parseTerritory('dep:35'), generatedAt: new Date().toISOString() });
 * report.national.staircase.categories[0]; // { category: '0', proportion: 0.31, low: 0.28, high: 0.34, count: … }
 */
export function buildReport(rows: readonly Row[], margins: readonly Margin[], options: BuildReportOptions = {}): ObservatoireReport {
  const minimum = options.minimumRespondents ?? MINIMUM_RESPONDENTS;
  if (rows.length > 0 && !('course1_status' in (rows[0] as object))) {
    throw new ReportError('missing_column', 'the export has no "course1_status" column; give the collector export (docs/export-format.md)');
  }
  const survey = surveyOfReport(rows, options.survey, options.mixSurveys === true);
  const excluded = Object.fromEntries(EXCLUSION_REASONS.concat('filtered_out').map((r) => [r, 0])) as Record<ExclusionReason, number>;
  const early = rows.map((row) => exclusionOfRow(row, survey, false));
  const duplicates = probableDuplicates(rows, options.duplicateWindowHours ?? DUPLICATE_WINDOW_HOURS, (i) => early[i] === undefined);
  const filter = options.filter ?? {};
  const kept: Row[] = [];
  const respondents: Respondent[] = [];
  rows.forEach((row, i) => {
    let reason = early[i] ?? (duplicates.has(i) ? 'probable_duplicate' : undefined);
    if (
      reason === undefined &&
      ((filter.filledByMediator !== undefined && (row.filled_by_mediator === '1') !== filter.filledByMediator) ||
        (filter.resumed !== undefined && (row.resumed === '1') !== filter.resumed))
    )
      reason = 'filtered_out';
    if (reason) excluded[reason]++;
    else {
      kept.push(row);
      respondents.push(respondentFromRow(row));
    }
  });
  if (kept.length === 0) {
    const counts = (Object.entries(excluded) as [ExclusionReason, number][]).filter(([, n]) => n > 0).map(([r, n]) => `${n} ${r}`);
    throw new ReportError('no_valid_respondents', `no session left to analyse (${rows.length} read${counts.length ? `, ${counts.join(', ')}` : ''})`);
  }

  let weights: Float64Array;
  let weighting: WeightingSummary;
  let design: CalibrationDesign | undefined;
  if (margins.length === 0) {
    weights = new Float64Array(kept.length).fill(1);
    weighting = { method: 'none', iterations: 0, converged: true, maxRelativeError: 0, margins: [], minWeight: 1, maxWeight: 1, nEffective: kept.length, designEffect: 1 };
  } else {
    const problem = prepareRaking(kept, margins);
    const r = rakeProblem(problem, options);
    // Capped weights still meet the margins, so the projection holds (as R's calibrate with bounds).
    design = calibrationDesign(problem);
    weights = r.weights;
    const k = kish(weights);
    weighting = {
      method: 'raking',
      iterations: r.iterations,
      converged: r.converged,
      maxRelativeError: r.maxRelativeError,
      margins: r.margins.map((m) => {
        const input = margins.find((x) => x.variable === m.variable);
        const collapse = input?.type === 'categorical' ? Object.entries(input.collapse ?? {}) : [];
        return {
          variable: m.name,
          type: m.type,
          source: m.source,
          categories: m.categories.map((c) => {
            const merged = collapse.filter(([, to]) => to === c.category).map(([from]) => from);
            return merged.length > 0 ? { ...c, merged } : c;
          }),
        };
      }),
      minWeight: weights.reduce((a, b) => Math.min(a, b), Infinity),
      maxWeight: weights.reduce((a, b) => Math.max(a, b), -Infinity),
      nEffective: k.nEffective,
      designEffect: k.designEffect,
    };
    if (options.cap !== undefined) weighting.cap = options.cap;
  }

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
  const counted = { testNotTaken: 0, course1NotFinished: 0, under15: 0, filledByMediator: 0, resumed: 0 };
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
    derived.courses.forEach((results, c) => results.push(courseResult(respondent.courses[c])));
    derived.staircase_level.push(level === undefined ? undefined : String(level));
    derived.distance.push(distanceLevel(respondent));
    derived.illectronisme.push(illectronic === undefined ? undefined : illectronic ? 'yes' : 'no');
    const halo = isInHalo(row);
    derived.halo.push(halo === undefined ? undefined : halo ? 'yes' : 'no');
    derived.profile.push(profileOf(row));
    derived.level[i] = level ?? NaN;
  });

  const all = (): boolean => true;
  const estimation: Estimation = { method: options.interval ?? 'linearised', design };
  const national = indicators(derived, weights, all, estimation);

  const domainResult = (kind: DomainKind, code: string, members: Set<number> | undefined): DomainResult => {
    const n = members?.size ?? 0;
    const name = options.names?.[`${kind}:${code}`];
    const base = { kind, code, ...(name === undefined ? {} : { name }), n };
    if (!members || n < minimum) return { ...base, status: 'too_few_respondents', minimum };
    return { ...base, status: 'estimated', indicators: indicators(derived, weights, (i) => members.has(i), estimation, national) };
  };

  const domains: DomainResult[] = [];
  const byKind = new Map<DomainKind, Map<string, Set<number>>>();
  for (const kind of Object.keys(DOMAIN_COLUMNS) as DomainKind[]) {
    const groups = new Map<string, Set<number>>();
    kept.forEach((row, i) => {
      const code = row[DOMAIN_COLUMNS[kind]] ?? '';
      if (code === '') return;
      let g = groups.get(code);
      if (!g) groups.set(code, (g = new Set()));
      g.add(i);
    });
    byKind.set(kind, groups);
    for (const code of [...groups.keys()].sort()) domains.push(domainResult(kind, code, groups.get(code)));
  }

  const profiles: ProfileResult[] = PROFILES.map((profile) => {
    const members = new Set<number>();
    derived.profile.forEach((p, i) => p === profile && members.add(i));
    if (members.size < minimum) return { profile, n: members.size, status: 'too_few_respondents', minimum };
    return { profile, n: members.size, status: 'estimated', indicators: indicators(derived, weights, (i) => members.has(i), estimation, national) };
  });

  const minimumCell = options.minimumCellSize ?? MINIMUM_CELL_SIZE;
  const breakdowns: Breakdown[] = [];
  for (const variable of BREAKDOWN_VARIABLES) {
    const values = kept.map((row) => breakdownValue(row, variable, options.communeSizes));
    const known = values.filter((v) => v !== undefined).length;
    if (known === 0) continue;
    const groups = BREAKDOWN_CATEGORIES[variable].flatMap((category) => {
      const members = new Set<number>();
      values.forEach((v, i) => v === category && members.add(i));
      if (members.size === 0) return [];
      return [{ category, n: members.size, small: members.size < minimumCell, indicators: indicators(derived, weights, (i) => members.has(i), estimation, national) }];
    });
    breakdowns.push({ variable, n: known, groups });
  }

  const latestYear = kept.reduce((y, row) => Math.max(y, /^\d{4}-/.test(row.started_at ?? '') ? Number((row.started_at as string).slice(0, 4)) : 0), 0);
  const year = latestYear > 0 ? latestYear : 1970;
  const window = options.collectionWindow ?? { from: `${year}-10-01`, to: `${year}-12-31` };
  const inWindow = kept.filter((row) => {
    const day = (row.started_at ?? '').slice(0, 10);
    return day !== '' && day >= window.from && day <= window.to;
  }).length;
  const target = options.target ?? NATIONAL_TARGET;
  const progress: CollectionProgress = {
    target,
    territoryTarget: minimum,
    window,
    inWindow,
    outsideWindow: kept.length - inWindow,
    share: inWindow / target,
    territories: domains
      .filter((d) => d.kind === 'department')
      .map((d) => ({ kind: d.kind, code: d.code, ...(d.name === undefined ? {} : { name: d.name }), n: d.n, reached: d.n >= minimum })),
  };

  const report: ObservatoireReport = {
    format: 'observatoire-report',
    version: REPORT_VERSION,
    ...(options.generatedAt === undefined ? {} : { generatedAt: options.generatedAt }),
    confidenceLevel: 0.95,
    interval: estimation.method,
    minimumRespondents: minimum,
    survey: { ...(survey ?? {}), mixed: survey === undefined && options.mixSurveys === true },
    sessions: { total: rows.length, excluded, analysed: kept.length, ...counted },
    weighting,
    national,
    profiles,
    progress,
    items: itemStatistics(kept, weights),
    minimumCellSize: minimumCell,
    breakdowns,
    domains,
  };
  if (options.territory) {
    const { kind, code } = options.territory;
    report.focus = domains.find((d) => d.kind === kind && d.code === code) ?? domainResult(kind, code, byKind.get(kind)?.get(code));
  }
  return report;
}
