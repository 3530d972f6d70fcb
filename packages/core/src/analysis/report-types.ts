/**
 * The report contract: what `buildReport` returns, what `npx observatoire report --format json` writes,
 * what the collector's `/v1/report` serves and what `<obs-report>` renders.
 * Plain JSON data only (no class, no Date, no typed array), codes rather than labels
 * (labels: `analysisLabels`, a `Catalogue`).
 */
import type { RefusalReason } from '../api/codes.js';
import type { LocalizedText } from '../content/types.js';

/**
 * How intervals are computed (docs/analysis.md, "Reading the figures"): `linearised`, the design-based variance of
 * the raked estimator with a normal interval (the default); `wilson_effective_n`, Wilson on the Kish effective size.
 */
export type IntervalMethod = 'linearised' | 'wilson_effective_n';

/** Bump only on a breaking change of the shape below. */
export const REPORT_VERSION = 1;

/** A two-sided interval for a proportion or a mean, at `ObservatoireReport.confidenceLevel`. */
export interface Interval {
  low: number;
  high: number;
}

/** The national figure a domain figure is compared with. */
export interface NationalComparison extends Interval {
  value: number;
  /** True when the two intervals do not overlap: the difference is beyond the intervals. */
  differs: boolean;
}

/** One category of a weighted distribution. */
export interface CategoryEstimate extends Interval {
  category: string;
  /** Unweighted respondents in the category. */
  count: number;
  /** Weighted share among the respondents with a known value, 0..1. */
  proportion: number;
  /** Present in domain and profile results. */
  national?: NationalComparison;
}

/** A weighted distribution of one variable over the respondents with a known value. */
export interface Distribution {
  variable: DistributionVariable;
  /** Respondents with a known value (the base of the proportions). */
  n: number;
  /** Kish effective sample size, (Σw)² / Σw². */
  nEffective: number;
  /** Kish design effect, n Σw² / (Σw)². */
  designEffect: number;
  categories: CategoryEstimate[];
}

export type DistributionVariable = 'staircase_level' | 'distance' | 'illectronisme' | 'halo' | 'profile';

/** A weighted mean with its interval (normal approximation on the effective sample size). */
export interface MeanEstimate extends Interval {
  variable: 'staircase_level';
  n: number;
  nEffective: number;
  mean: number;
  national?: NationalComparison;
}

/** The indicators computed for the nation, a domain or a profile. */
export interface IndicatorSet {
  /** Valid respondents (after exclusions). */
  n: number;
  /** Sum of the weights. */
  weightedTotal: number;
  nEffective: number;
  designEffect: number;
  /** Staircase level 0..3 (categories `0`, `1`, `2`, `3`). */
  staircase: Distribution;
  /** Levels of digital distance: `non_user`, `user_level_0` … `user_level_3`. */
  distance: Distribution;
  /**
   * INSEE-like measure of illectronisme (categories `yes`, `no`), people aged 15 and over: non-user (INSEE's usage
   * half, as INSEE asks it), or user who did not pass course 1 (approximating INSEE's skills half, "no basic skill
   * in any of five areas", by our handling course). The code stays `illectronisme`; labels say "INSEE-like".
   */
  illectronisme: Distribution;
  /** CRÉDOC-like halo (categories `yes`, `no`): non-users plus users who say they are not at ease (`pas_du_tout`, `un_peu`). */
  halo: Distribution;
  /** The four 2023 profiles plus `unclassified`. */
  profiles: Distribution;
  meanStaircaseLevel: MeanEstimate;
  /** Each course of the staircase. */
  courses: CourseSummary[];
}

/** Who people are: the variables every indicator is broken down by (docs/analysis.md, "Breakdowns"). */
export type BreakdownVariable = 'age_band' | 'gender' | 'diploma' | 'activity' | 'equipment' | 'home_connection' | 'ease' | 'commune_size';

/** The indicators within one category of a breakdown variable, compared with the national figures. */
export interface BreakdownGroup {
  category: string;
  /** Unweighted respondents in the group. */
  n: number;
  /** True under `ObservatoireReport.minimumCellSize`: figures shown but fragile. */
  small: boolean;
  indicators: IndicatorSet;
}

export interface Breakdown {
  variable: BreakdownVariable;
  /** Respondents with a known value. */
  n: number;
  groups: BreakdownGroup[];
}

/** One capacity's figures (docs/analysis.md, "The quick diagnostic"). */
export interface CapacityEstimate {
  capacity: string;
  title: LocalizedText;
  /** Its challenges, in content order. */
  challenges: string[];
  /** Respondents whose course holding the capacity's challenges ended. */
  n: number;
  /** Weighted shares of `mastered`, `partly`, `notYet`, each with its interval. */
  levels: CategoryEstimate[];
}

/** The diagnostic part of a report: its capacities. */
export interface DiagnosticResult {
  capacities: CapacityEstimate[];
}

/** One challenge's statistics (docs/analysis.md, "Per challenge"). */
export interface ItemStatistics {
  challengeId: string;
  /** Respondents who played it. */
  n: number;
  /** Weighted shares among those who played it: `ok`, skipped (`aband`), timed out. */
  success: number;
  skipped: number;
  /** Weighted share skipped by the mediator (`skip_<id>` = `mediator`); null when the export has no `skip_` column. */
  skippedByMediator: number | null;
  timedOut: number;
  /** Weighted median time in seconds among those with a time (`t_<id>`); null when nobody has one. */
  medianSeconds: number | null;
  /** Unweighted share `ok` (classical item difficulty: higher is easier). */
  difficulty: number;
  /** Point-biserial item–rest correlation; null when it cannot be computed. */
  discrimination: number | null;
  /** Flag for the content team: from 30 respondents, discrimination under 0.2 (or undefined). */
  notDiscriminating: boolean;
}

/** One challenge's success for one way of doing its task (docs/analysis.md, "Per challenge"). */
export interface ItemModeStatistics {
  challengeId: string;
  /** How the task was done: `drag`, `keyboard` or `tap`. */
  mode: 'drag' | 'keyboard' | 'tap';
  /** Respondents who played it that way. */
  n: number;
  /** Weighted share `ok` among them. */
  success: number;
}

/** Progress of the collection towards its targets (docs/analysis.md, "Progress"). */
export interface CollectionProgress {
  /** National target of valid respondents (1,000). */
  target: number;
  /** Per territory target (100, the minimum for an estimate). */
  territoryTarget: number;
  /** The collection window, ISO dates (inclusive); by default October to December. */
  window: { from: string; to: string };
  /** Analysed sessions started inside the window. */
  inWindow: number;
  /** Analysed sessions started outside it (or without a start date): counted, shown apart. */
  outsideWindow: number;
  /** Share of the national target reached by `inWindow`, 0..1 (can exceed 1). */
  share: number;
  /** Each department present, with its analysed respondents and whether it reached the territory target. */
  territories: { kind: DomainKind; code: string; name?: string; n: number; reached: boolean }[];
}

export type DomainKind = 'department' | 'region' | 'epci' | 'organisation';

interface DomainBase {
  kind: DomainKind;
  code: string;
  /** Human name when known (territory names come from the official geography). */
  name?: string;
  /** Valid respondents in the domain. */
  n: number;
}

/** A domain with enough respondents: estimated and compared with the nation. */
export interface EstimatedDomain extends DomainBase {
  status: 'estimated';
  indicators: IndicatorSet;
  /** People offered the survey in the domain, when refusals were given (docs/analysis.md, "Territories and organisations"). */
  offered?: OfferedCounts;
  /** Every breakdown within the domain, each group beside the same group nationally (absent from earlier reports). */
  breakdowns?: Breakdown[];
}

/** A domain under the minimum: no figure is given, and the result says why. */
export interface SkippedDomain extends DomainBase {
  status: 'too_few_respondents';
  minimum: number;
}

export type DomainResult = EstimatedDomain | SkippedDomain;

export type ProfileCode =
  | 'beginner_seniors'
  | 'initiated_seniors'
  | 'improvement_paths'
  | 'insertion_paths'
  | 'unclassified';

/** Indicators within one profile (the profile is a domain like a territory, with the same minimum). */
export type ProfileResult =
  | { profile: ProfileCode; n: number; status: 'estimated'; indicators: IndicatorSet }
  | { profile: ProfileCode; n: number; status: 'too_few_respondents'; minimum: number };

/**
 * Why a session is left out of every figure (docs/analysis.md, "Who is counted"), in the order checked:
 * another survey or content version, a test run, out of the protocol's scope (`accompagnement = plusieurs`),
 * a probable duplicate of another session, or left out by the report's filters (mediator-filled, resumed).
 */
export type ExclusionReason = 'other_survey' | 'test_run' | 'out_of_scope' | 'probable_duplicate' | 'filtered_out';

/** The "who is counted" table. */
export interface SessionCounts {
  /** Rows read. */
  total: number;
  /** Excluded sessions per reason (each session counted once, under its first reason in this order). */
  excluded: Record<ExclusionReason, number>;
  /** Rows kept for the analysis. */
  analysed: number;
  /**
   * Among the analysed sessions: course 1 not reached (questionnaire only: kept for questionnaire figures, no
   * level), course 1 left before its end (no level), under 15 (left out of the INSEE-like measure), filled
   * by the mediator, resumed after an interruption.
   */
  testNotTaken: number;
  course1NotFinished: number;
  under15: number;
  filledByMediator: number;
  resumed: number;
  /** People offered the survey, present when the refusals were given (`BuildReportOptions.refusals`). */
  offered?: OfferedCounts;
  /** Paper forms typed in by a mediator (`channel = paper`): questionnaire only, no level. */
  paper: number;
}

/**
 * People offered the survey (docs/analysis.md, "Who is counted"): those who took part (sessions
 * of the survey, test runs aside) and those who refused or could not take the test, by reason.
 */
export interface OfferedCounts {
  offered: number;
  tookPart: number;
  refused: number;
  byReason: Record<RefusalReason, number>;
}

/** The survey the report is for (`survey_id` of the export and an optional content version range). */
export interface ReportSurvey {
  /** Undefined only when mixing surveys was asked for explicitly. */
  surveyId?: string;
  fromVersion?: string;
  toVersion?: string;
  /** True when rows of several surveys were analysed together on purpose. */
  mixed: boolean;
}

/** Per-respondent result of one course (docs/analysis.md, "Per-course results"). */
export type CourseResultCode = 'passed' | 'failed' | 'stopped_by_mediator' | 'left' | 'not_reached';

/** One course: unweighted counts per result and the weighted share passed among the courses that ended. */
export interface CourseSummary {
  /** 1-based position in the staircase. */
  course: number;
  courseId: string;
  counts: Record<CourseResultCode, number>;
  /** Weighted share passed among passed + failed + stopped by the mediator; not reached and left are apart. */
  passed: CategoryEstimate;
}

/** One weighting margin as applied, with its target and the achieved weighted shares. */
export interface MarginSummary {
  variable: string;
  type: 'categorical' | 'themes';
  source: string;
  /** `merged`: the categories a `collapse` rule merged into this one (labels say so: "60 ans et plus"). */
  categories: { category: string; target: number; achieved: number; count: number; merged?: string[] }[];
}

export interface WeightingSummary {
  method: 'raking' | 'none';
  iterations: number;
  converged: boolean;
  /** Largest relative gap between achieved and target margins. */
  maxRelativeError: number;
  /** Weight cap relative to the mean weight, when one was set. */
  cap?: number;
  margins: MarginSummary[];
  /** Weights are scaled to a mean of 1. */
  minWeight: number;
  maxWeight: number;
  nEffective: number;
  designEffect: number;
}

export interface ObservatoireReport {
  format: 'observatoire-report';
  version: typeof REPORT_VERSION;
  /** ISO 8601, set by the caller (core has no clock). */
  generatedAt?: string;
  confidenceLevel: number;
  interval: IntervalMethod;
  /** Domains and profiles under this many valid respondents are not estimated. */
  minimumRespondents: number;
  survey: ReportSurvey;
  sessions: SessionCounts;
  weighting: WeightingSummary;
  national: IndicatorSet;
  profiles: ProfileResult[];
  /** Groups under this many respondents are flagged `small`. */
  minimumCellSize: number;
  progress: CollectionProgress;
  /** Every challenge of the survey, in export order. */
  items: ItemStatistics[];
  /** Each challenge's instruction when the survey's definition is known, so that challenges are named in words. */
  challengeNames?: Record<string, LocalizedText>;
  /** A quick diagnostic's report: its capacities (then the staircase figures mean nothing and are not shown). */
  diagnostic?: DiagnosticResult;
  /** Success by how the task was done, for the challenges whose answer says it; absent in reports made before. */
  itemModes?: ItemModeStatistics[];
  /** Every indicator by age band, gender, diploma, activity, equipment, home connection, ease and size of commune. */
  breakdowns: Breakdown[];
  /** Every department, region, EPCI and organisation present in the data. */
  domains: DomainResult[];
  /** The domain asked for (`--territory`), also present in `domains`. */
  focus?: DomainResult;
}
