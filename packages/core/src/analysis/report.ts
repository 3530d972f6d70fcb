/**
 * From export rows to the report: exclusions, weighting, levels and profiles per respondent, then
 * national, per-domain and per-profile estimates with the national figure beside them.
 */
import { ReportError } from './errors.js';
import { itemStatistics } from './items.js';
import { itemModeStatistics } from './item-modes.js';
import type { SurveyDefinition } from '../content/types.js';
import { diagnosticResult, isDiagnostic } from './diagnostic.js';
import { MINIMUM_CELL_SIZE } from './breakdowns.js';
import { breakdownGroupings, breakdownsOf, breakdownValues, groupedSums } from './report-breakdowns.js';
import { cellTotals, type GroupCounts } from './group-totals.js';
import { domainEstimator } from './linearisation.js';
import { DUPLICATE_WINDOW_HOURS, EXCLUSION_REASONS, exclusionsOf, probableDuplicates, surveyOfReport, type SurveySelection } from './integrity.js';
import type { Margin, Row } from './margins.js';
import { dayOfInstant, instantsOf, parseInstant, yearOfInstant } from './instants.js';
import { PROFILES } from './profiles.js';
import { domainFilter, offeredCounts, organisationPlaces } from './refusals.js';
import type { RakeOptions } from './rake.js';
import { deriveRespondents, indicatorsOf, type Estimation } from './report-indicators.js';
import { weightRespondents } from './report-weighting.js';
import { asTable, rowView, subTable, type ExportTable } from './table.js';
import {
  REPORT_VERSION,
  type CollectionProgress,
  type DomainKind,
  type DomainResult,
  type ExclusionReason,
  type IntervalMethod,
  type ObservatoireReport,
  type ProfileResult,
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
  /** Rows of the collector's refusals export: counted as `sessions.offered` (docs/analysis.md, "Who is counted"). */
  refusals?: readonly Row[];
  /** Population band of each commune by INSEE code (the report package's `communeSizes()`); without it, no size breakdown. */
  communeSizes?: Readonly<Record<string, string>>;
  /**
   * The survey definitions known (the content's, the collector's): the report's survey's names its challenges in
   * words; when it is a quick diagnostic (it has capacities), the report is the diagnostic's (docs/analysis.md).
   */
  definitions?: readonly SurveyDefinition[];
}

/**
 * Builds the report from the export, read column by column (`parseCsvTable`, `readCsvTable`) or as rows (`parseCsv`
 * + `toRows`, or the collector's JSON export; converted to columns once), and weighting margins (none: every
 * weight is 1). Throws `ReportError` when no session is left after the exclusions or a needed column is missing,
 * `WeightingError` on bad margins.
 *
 * @example
 * const report = buildReport(parseCsvTable(csvText), margins, { territory: parseTerritory('dep:35'), generatedAt: new Date().toISOString() });
 * report.national.staircase.categories[0]; // { category: '0', proportion: 0.31, low: 0.28, high: 0.34, count: … }
 */
export function buildReport(data: readonly Row[] | ExportTable, margins: readonly Margin[], options: BuildReportOptions = {}): ObservatoireReport {
  const table = asTable(data);
  const minimum = options.minimumRespondents ?? MINIMUM_RESPONDENTS;
  if (table.length > 0 && !table.columns.has('course1_status')) {
    throw new ReportError('missing_column', 'the export has no "course1_status" column; give the collector export (docs/export-format.md)');
  }
  const survey = surveyOfReport(table, options.survey, options.mixSurveys === true);
  const excluded = Object.fromEntries(EXCLUSION_REASONS.concat('filtered_out').map((r) => [r, 0])) as Record<ExclusionReason, number>;
  const view = rowView(table);
  const early = exclusionsOf(table, survey);
  const duplicates = probableDuplicates(table, options.duplicateWindowHours ?? DUPLICATE_WINDOW_HOURS, (i) => early[i] === undefined);
  const filter = options.filter ?? {};
  const keptIndexes: number[] = [];
  for (let i = 0; i < table.length; i++) {
    const row = view.at(i);
    let reason = early[i] ?? (duplicates.has(i) ? 'probable_duplicate' : undefined);
    if (
      reason === undefined &&
      ((filter.filledByMediator !== undefined && (row.filled_by_mediator === '1') !== filter.filledByMediator) ||
        (filter.resumed !== undefined && (row.resumed === '1') !== filter.resumed))
    )
      reason = 'filtered_out';
    if (reason) excluded[reason]++;
    else keptIndexes.push(i);
  }
  if (keptIndexes.length === 0) {
    const counts = (Object.entries(excluded) as [ExclusionReason, number][]).filter(([, n]) => n > 0).map(([r, n]) => `${n} ${r}`);
    throw new ReportError('no_valid_respondents', `no session left to analyse (${table.length} read${counts.length ? `, ${counts.join(', ')}` : ''})`);
  }
  const kept = subTable(table, Int32Array.from(keptIndexes));
  const n = kept.length;

  const { weights, weighting, design } = weightRespondents(kept, margins, options);

  const { derived, counted } = deriveRespondents(kept);

  const estimation: Estimation = { method: options.interval ?? 'linearised', design, estimator: domainEstimator(design, weights) };
  const totals = cellTotals(design, weights);
  if (totals) estimation.totals = totals;
  const minimumCellSize = options.minimumCellSize ?? MINIMUM_CELL_SIZE;
  const values = breakdownValues(kept, options.communeSizes);
  const withBreakdowns = breakdownGroupings(values, n);
  // The nation: everyone, each breakdown group and each profile, counted in one pass (docs/analysis.md, "Performance").
  const nationally = groupedSums(derived, weights, estimation, { size: 1 }, [...withBreakdowns, { codes: derived.codes.profile, size: PROFILES.length }]);
  const national = indicatorsOf(derived, nationally.sums(0, 0, 0), estimation.method);
  const breakdowns = breakdownsOf(nationally, 0, derived, estimation.method, { national, minimumCellSize });

  // Refusals are placed in a territory through their organisation (docs/analysis.md, "Territories and organisations").
  const places = new Map<DomainKind, Map<string, Set<string>>>();
  const offeredIn = (kind: DomainKind, code: string) => {
    if (!options.refusals) return {};
    const column = DOMAIN_COLUMNS[kind];
    let placesOfKind = places.get(kind);
    if (kind !== 'organisation' && !placesOfKind) places.set(kind, (placesOfKind = organisationPlaces(table, column, survey)));
    return { offered: offeredCounts(table, options.refusals, survey, domainFilter(column, code, placesOfKind)) };
  };

  /** Domain `d` of a kind, whose groups are counted in `grouped` (made when first needed). */
  const domainResult = (kind: DomainKind, code: string, size: number, d: number, grouped: () => GroupCounts): DomainResult => {
    const name = options.names?.[`${kind}:${code}`];
    const base = { kind, code, ...(name === undefined ? {} : { name }), n: size };
    if (size < minimum) return { ...base, status: 'too_few_respondents', minimum };
    return {
      ...base,
      // Counts by reason could single a person out in a small place: from the minimum only, as every figure.
      ...offeredIn(kind, code),
      status: 'estimated',
      indicators: indicatorsOf(derived, grouped().sums(d, 0, 0), estimation.method, national),
      // Departments, regions and organisations: the places the study reports on (docs/analysis.md, "Territories and organisations").
      ...(kind === 'epci' ? {} : { breakdowns: breakdownsOf(grouped(), d, derived, estimation.method, { national: breakdowns, minimumCellSize }) }),
    };
  };

  const domains: DomainResult[] = [];
  const byKind = new Map<DomainKind, DomainResult[]>();
  for (const kind of Object.keys(DOMAIN_COLUMNS) as DomainKind[]) {
    const column = kept.columns.get(DOMAIN_COLUMNS[kind]);
    const results: DomainResult[] = [];
    if (column) {
      const size = column.dictionary.length;
      const scope = { codes: column.codes, size };
      // Every domain of the kind (and its breakdowns) in one pass.
      let grouped: GroupCounts | undefined;
      const groupedOnce = () => (grouped ??= groupedSums(derived, weights, estimation, scope, kind === 'epci' ? [{ size: 1 }] : withBreakdowns));
      const sizes = new Int32Array(size);
      for (let i = 0; i < n; i++) {
        const d = column.codes[i] as number;
        sizes[d] = (sizes[d] as number) + 1;
      }
      const codes = column.dictionary.map((code, d) => ({ code, d })).filter(({ code, d }) => code !== '' && (sizes[d] as number) > 0);
      codes.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      for (const { code, d } of codes) results.push(domainResult(kind, code, sizes[d] as number, d, groupedOnce));
    }
    byKind.set(kind, results);
    domains.push(...results);
  }

  const profiles: ProfileResult[] = PROFILES.map((profile, p) => {
    const sums = nationally.sums(0, withBreakdowns.length, p);
    const size = sums.kish().n;
    if (size < minimum) return { profile, n: size, status: 'too_few_respondents', minimum };
    return { profile, n: size, status: 'estimated', indicators: indicatorsOf(derived, sums, estimation.method, national) };
  });

  // Each session's start read as an instant (docs/analysis.md, "Start times"): the latest UTC year gives the default
  // window; a session is inside when its UTC day is.
  const starts = instantsOf(kept, 'started_at') ?? new Float64Array(n).fill(NaN);
  let latestYear = 0;
  for (let i = 0; i < n; i++) {
    const y = yearOfInstant(starts[i] as number);
    if (y > latestYear) latestYear = y; // false for an unreadable start (NaN)
  }
  const year = latestYear > 0 ? latestYear : 1970;
  const window = options.collectionWindow ?? { from: `${year}-10-01`, to: `${year}-12-31` };
  const [firstDay, lastDay] = [window.from, window.to].map((day) => dayOfInstant(parseInstant(day))) as [number, number];
  let inWindow = 0;
  for (let i = 0; i < n; i++) {
    const day = dayOfInstant(starts[i] as number);
    if (day >= firstDay && day <= lastDay) inWindow++;
  }
  const target = options.target ?? NATIONAL_TARGET;
  const progress: CollectionProgress = {
    target,
    territoryTarget: minimum,
    window,
    inWindow,
    outsideWindow: n - inWindow,
    share: inWindow / target,
    territories: domains
      .filter((d) => d.kind === 'department')
      .map((d) => ({ kind: d.kind, code: d.code, ...(d.name === undefined ? {} : { name: d.name }), n: d.n, reached: d.n >= minimum })),
  };

  // The report's survey decides which report it is; a mixed report is never a diagnostic's.
  const definition = survey?.surveyId === undefined ? undefined : options.definitions?.find((d) => d.id === survey.surveyId);
  const diagnostic = definition && isDiagnostic(definition) ? definition : undefined;

  const report: ObservatoireReport = {
    format: 'observatoire-report',
    version: REPORT_VERSION,
    ...(options.generatedAt === undefined ? {} : { generatedAt: options.generatedAt }),
    confidenceLevel: 0.95,
    interval: estimation.method,
    minimumRespondents: minimum,
    survey: { ...(survey ?? {}), mixed: survey === undefined && options.mixSurveys === true },
    sessions: {
      total: table.length,
      excluded,
      analysed: n,
      ...counted,
      ...(options.refusals ? { offered: offeredCounts(table, options.refusals, survey) } : {}),
    },
    weighting,
    national,
    profiles,
    progress,
    items: itemStatistics(kept, weights),
    itemModes: itemModeStatistics(kept, weights),
    ...(definition ? { challengeNames: Object.fromEntries(definition.challenges.map((c) => [c.id, c.instruction])) } : {}),
    ...(diagnostic ? { diagnostic: diagnosticResult(kept, weights, diagnostic, estimation) } : {}),
    minimumCellSize,
    breakdowns,
    domains,
  };
  if (options.territory) {
    const { kind, code } = options.territory;
    report.focus = byKind.get(kind)?.find((d) => d.code === code) ?? domainResult(kind, code, 0, -1, () => nationally);
  }
  return report;
}
