/**
 * Who is counted (docs/analysis.md, "Who is counted"): one survey per report, then the sessions that never
 * count (test runs, out-of-scope beneficiaries, probable duplicates) and, among those kept, the facts the
 * report counts (test not taken, course 1 not finished, under 15, filled by the mediator, resumed).
 */
import { isTestCity } from '../questionnaire/test-run.js';
import { ReportError } from './errors.js';
import { combinationsOf, perCombination } from './cells.js';
import type { Row } from './margins.js';
import { instantsOf, parseInstant, yearOfInstant } from './instants.js';
import { asTable, isTable, rowView, type ExportTable } from './table.js';
import type { ExclusionReason } from './report-types.js';

/** Reasons in the order they are checked; a session is counted under the first that applies. */
export const EXCLUSION_REASONS: readonly ExclusionReason[] = ['other_survey', 'test_run', 'out_of_scope', 'probable_duplicate'];

/** The survey a report is built for: its id and, optionally, a range of content versions (inclusive). */
export interface SurveySelection {
  surveyId: string;
  /** Lowest content version kept (compared as `2025.1` < `2025.10`, numerically per dot-separated part). */
  fromVersion?: string;
  /** Highest content version kept. */
  toVersion?: string;
}

/** Default window within which a restart counts as the same person (docs/analysis.md, "Probable duplicates"). */
export const DUPLICATE_WINDOW_HOURS = 24;

/** The answer that puts a beneficiary out of the protocol's scope: already several accompaniments. */
export const OUT_OF_SCOPE_ACCOMPAGNEMENT = 'plusieurs';

/** INSEE computes illectronisme on people aged 15 and over. */
export const INSEE_MINIMUM_AGE = 15;

/**
 * Compares two content versions part by part (`2025.2` < `2025.10`); parts that are not numbers compare as text.
 *
 * @example
 * compareVersions('2025.2', '2025.10'); // negative
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (x !== '' && y !== '' && Number.isFinite(nx) && Number.isFinite(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * The survey of the report: the one asked for, or the only one in the rows. Several surveys and none asked
 * for is refused (`ReportError` `mixed_surveys`), unless `allowMixed`: then undefined (every row kept).
 *
 * @example
 * surveyOfReport([{ survey_id: 'observatoire-2025' }]); // { surveyId: 'observatoire-2025' }
 */
export function surveyOfReport(data: readonly Row[] | ExportTable, asked?: SurveySelection, allowMixed = false): SurveySelection | undefined {
  if (asked) return asked;
  const ids = new Set<string>();
  if (isTable(data)) {
    const column = data.columns.get('survey_id');
    if (column) {
      const used = new Uint8Array(column.dictionary.length);
      for (let i = 0; i < data.length; i++) used[column.codes[i] as number] = 1;
      column.dictionary.forEach((id, d) => used[d] && ids.add(id));
    }
  } else for (const row of data) ids.add(row.survey_id ?? '');
  ids.delete('');
  if (ids.size <= 1) {
    const [only] = ids;
    return only === undefined ? undefined : { surveyId: only };
  }
  if (allowMixed) return undefined;
  throw new ReportError(
    'mixed_surveys',
    `the export holds several surveys (${[...ids].sort().join(', ')}); choose one with --survey <id> (or surveyId), or allow mixing explicitly with --mix-surveys`,
  );
}

/**
 * Whether a row belongs to the selected survey (id and version range).
 *
 * @example
 * inSurvey({ survey_id: 'a', content_version: '2025.1' }, { surveyId: 'a', fromVersion: '2025.2' }); // false
 */
export function inSurvey(row: Row, selection: SurveySelection | undefined): boolean {
  if (!selection) return true;
  if ((row.survey_id ?? '') !== selection.surveyId) return false;
  const version = row.content_version ?? '';
  if (selection.fromVersion !== undefined && compareVersions(version, selection.fromVersion) < 0) return false;
  if (selection.toVersion !== undefined && compareVersions(version, selection.toVersion) > 0) return false;
  return true;
}

/**
 * Age in whole years at the session, approximated as the UTC year of `started_at` minus the year of birth
 * (the questionnaire asks only the year); undefined when either is missing or unreadable.
 *
 * @example
 * ageAtSession({ q_annee_naissance: '1960', started_at: '2026-10-12T09:00:00.000Z' }); // 66
 */
export function ageAtSession(row: Row): number | undefined {
  const age = yearOfInstant(parseInstant(row.started_at ?? '')) - birthYear(row.q_annee_naissance ?? '');
  return Number.isNaN(age) ? undefined : age;
}

function birthYear(value: string): number {
  return /^\d{4}$/.test(value) ? Number(value) : NaN;
}

/**
 * `ageAtSession` of every respondent of a table (NaN when unknown), read from the columns.
 *
 * @example
 * agesAtSession(table)[0]; // 66
 */
export function agesAtSession(table: ExportTable): Float64Array {
  const ages = new Float64Array(table.length).fill(NaN);
  const starts = instantsOf(table, 'started_at');
  const born = table.columns.get('q_annee_naissance');
  if (!starts || !born) return ages;
  const years = Float64Array.from(born.dictionary, birthYear);
  for (let i = 0; i < table.length; i++) ages[i] = yearOfInstant(starts[i] as number) - (years[born.codes[i] as number] as number);
  return ages;
}

/**
 * A session counted as abandoned for the duplicate rule: left without reaching an end (`end_reason` still
 * `in_progress`); a session quit at an end-of-course page was ended on purpose.
 */
function abandoned(row: Row): boolean {
  return (row.end_reason ?? '') === 'in_progress';
}

/**
 * Indexes of the rows that are probable duplicates of another (docs/analysis.md, "Probable duplicates"):
 * same organisation and device, same year of birth, gender and commune, started within `windowHours` of
 * each other, one of the two abandoned. The abandoned one is dropped (the earlier when both were).
 * Rows without an organisation code, birth year, gender, commune or start time are never duplicates (without
 * the organisation, "the same place" is unknown).
 *
 * @example
 * probableDuplicates(rows, 24); // Set { 3 }
 */
export function probableDuplicates(data: readonly Row[] | ExportTable, windowHours: number = DUPLICATE_WINDOW_HOURS, consider: (i: number) => boolean = () => true): Set<number> {
  const table = asTable(data);
  const n = table.length;
  // The group of "the same person at the same place": the combination of the five columns' codes.
  const key = ['organisation', 'device', 'q_annee_naissance', 'q_genre', 'q_commune'].map((name) => {
    const column = table.columns.get(name);
    return column ? { codes: column.codes, size: column.dictionary.length, empty: column.dictionary.indexOf('') } : { codes: new Uint8Array(n), size: 1, empty: 0 };
  });
  const required = [key[0], key[2], key[3], key[4]] as { codes: ArrayLike<number>; empty: number }[];
  const { cellOf: groupOf, size } = combinationsOf(n, key);
  const sizes = new Int32Array(size);
  const eligible = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (required.some((c) => c.codes[i] === c.empty) || !consider(i)) continue;
    eligible[i] = 1;
    sizes[groupOf[i] as number] = (sizes[groupOf[i] as number] as number) + 1;
  }
  const view = rowView(table);
  const starts = instantsOf(table, 'started_at') ?? new Float64Array(n).fill(NaN);
  const time = new Map<number, number>();
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (!eligible[i] || (sizes[groupOf[i] as number] as number) < 2) continue;
    const t = starts[i] as number;
    if (Number.isNaN(t)) continue;
    time.set(i, t);
    const g = groups.get(groupOf[i] as number);
    if (g) g.push(i);
    else groups.set(groupOf[i] as number, [i]);
  }
  const abandonedAt = (i: number): boolean => abandoned(view.at(i));
  const window = windowHours * 3_600_000;
  const dropped = new Set<number>();
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    members.sort((a, b) => (time.get(a) as number) - (time.get(b) as number));
    let previous = members[0] as number;
    for (let k = 1; k < members.length; k++) {
      const current = members[k] as number;
      const a = abandonedAt(previous);
      const b = abandonedAt(current);
      if ((time.get(current) as number) - (time.get(previous) as number) <= window && (a || b)) {
        if (a) {
          dropped.add(previous);
          previous = current;
        } else dropped.add(current);
      } else previous = current;
    }
  }
  return dropped;
}

/**
 * Why a row is left out before any figure, or undefined when it is counted (duplicates are found on the
 * whole export by `probableDuplicates`, so they are passed in).
 *
 * @example
 * exclusionOfRow({ survey_id: 'a', test_run: '0', q_accompagnement: 'plusieurs' }, { surveyId: 'a' }, false); // 'out_of_scope'
 */
export function exclusionOfRow(row: Row, selection: SurveySelection | undefined, duplicate: boolean): ExclusionReason | undefined {
  if (!inSurvey(row, selection)) return 'other_survey';
  if (row.test_run === '1' || isTestCity(row.q_commune)) return 'test_run';
  if (row.q_accompagnement === OUT_OF_SCOPE_ACCOMPAGNEMENT) return 'out_of_scope';
  if (duplicate) return 'probable_duplicate';
  return undefined;
}

/** The columns `exclusionOfRow` reads. */
export const EXCLUSION_COLUMNS: readonly string[] = ['survey_id', 'content_version', 'test_run', 'q_commune', 'q_accompagnement'];

/**
 * `exclusionOfRow` of every row of a table (duplicates apart: `probableDuplicates`), the rule run once per distinct
 * combination of the columns it reads (`perCombination`).
 *
 * @example
 * exclusionsOf(table, { surveyId: 'a' })[0]; // 'test_run'
 */
export function exclusionsOf(table: ExportTable, selection: SurveySelection | undefined): (ExclusionReason | undefined)[] {
  const { of, results } = perCombination(table, EXCLUSION_COLUMNS, (row) => exclusionOfRow(row, selection, false));
  return Array.from(of, (k) => results[k]);
}
