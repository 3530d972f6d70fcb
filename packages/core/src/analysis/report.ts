/**
 * From export rows to the report: exclusions, weighting, levels and profiles per respondent, then
 * national, per-domain and per-profile estimates with the national figure beside them.
 */
import { ReportError } from './errors.js';
import { itemStatistics } from './items.js';
import { itemModeStatistics } from './item-modes.js';
import { BREAKDOWN_CATEGORIES, BREAKDOWN_VARIABLES, breakdownValue, MINIMUM_CELL_SIZE } from './breakdowns.js';
import { respondentFromRow } from './from-export.js';
import { DUPLICATE_WINDOW_HOURS, EXCLUSION_REASONS, exclusionOfRow, probableDuplicates, surveyOfReport, type SurveySelection } from './integrity.js';
import type { Respondent } from './levels.js';
import type { Margin, Row } from './margins.js';
import { PROFILES } from './profiles.js';
import { offeredCounts } from './refusals.js';
import type { RakeOptions } from './rake.js';
import { deriveRespondents, indicators, type Estimation } from './report-indicators.js';
import { weightRespondents } from './report-weighting.js';
import {
  REPORT_VERSION,
  type Breakdown,
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

  const { weights, weighting, design } = weightRespondents(kept, margins, options);

  const { derived, counted } = deriveRespondents(kept, respondents);

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
    sessions: {
      total: rows.length,
      excluded,
      analysed: kept.length,
      ...counted,
      ...(options.refusals ? { offered: offeredCounts(rows, options.refusals, survey) } : {}),
    },
    weighting,
    national,
    profiles,
    progress,
    items: itemStatistics(kept, weights),
    itemModes: itemModeStatistics(kept, weights),
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
