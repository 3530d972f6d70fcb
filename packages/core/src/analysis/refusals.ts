/**
 * People offered the survey who did not take it (docs/analysis.md, "Who is counted"): counted by
 * reason beside the sessions, from the collector's refusals export (`survey_id`, `content_version`,
 * `reason`).
 */
import { REFUSAL_REASONS, type RefusalReason } from '../api/codes.js';
import { inSurvey, type SurveySelection } from './integrity.js';
import type { Row } from './margins.js';
import { isTable, rowView, type ExportTable } from './table.js';
import type { OfferedCounts } from './report-types.js';
import { respondentFromRow } from './from-export.js';

/** Which sessions and refusals belong to a domain (a territory or an organisation). */
export interface DomainFilter {
  session: (row: Row) => boolean;
  refusal: (row: Row) => boolean;
}

const EVERYWHERE: DomainFilter = { session: () => true, refusal: () => true };

/**
 * Where each organisation's sessions (of the survey, with a place) lie, by the export column of a territory kind
 * (`department`, `region`, `epci`): what places its refusals (see `domainFilter`).
 *
 * @example
 * organisationPlaces(rows, 'department', { surveyId: 's' }).get('fs-35-01'); // Set { '35' }
 */
export function organisationPlaces(sessions: readonly Row[] | ExportTable, column: string, survey: SurveySelection | undefined): Map<string, Set<string>> {
  const places = new Map<string, Set<string>>();
  forEachRow(sessions, (row) => {
    const organisation = row['organisation'] ?? '';
    const place = row[column] ?? '';
    if (organisation === '' || place === '' || !inSurvey(row, survey)) return;
    let set = places.get(organisation);
    if (!set) places.set(organisation, (set = new Set()));
    set.add(place);
  });
  return places;
}

/** Each row of rows or of a table (through one reused view: read it before the next call). */
function forEachRow(data: readonly Row[] | ExportTable, visit: (row: Row) => void): void {
  if (!isTable(data)) {
    for (const row of data) visit(row);
    return;
  }
  const view = rowView(data);
  for (let i = 0; i < data.length; i++) visit(view.at(i));
}

/**
 * The sessions and refusals of one domain (docs/analysis.md, "Territories and organisations"). An organisation's
 * are its own (`places` undefined). A refusal records nothing about the person, so not where they live: it is
 * placed in a territory through its organisation, when every session of that organisation (`organisationPlaces`)
 * lies in that territory; the refusals of an organisation whose sessions span several territories are in none.
 *
 * @example
 * const within = domainFilter('department', '35', organisationPlaces(rows, 'department', survey));
 * offeredCounts(rows, refusals, survey, within).refused; // the refusals of organisations working in 35 only
 */
export function domainFilter(column: string, code: string, places?: ReadonlyMap<string, ReadonlySet<string>>): DomainFilter {
  const session = (row: Row): boolean => row[column] === code;
  if (!places) return { session, refusal: (row) => (row['organisation'] ?? '') !== '' && row['organisation'] === code };
  return {
    session,
    refusal: (row) => {
      const set = places.get(row['organisation'] ?? '');
      return set !== undefined && set.size === 1 && set.has(code);
    },
  };
}

/**
 * Offered, took part, refused and refused by reason, for the report's survey (within one domain when given,
 * see `domainFilter`): sessions that are not test runs took part; refusals of another survey, or with a reason
 * outside the closed list, are not counted.
 *
 * @example
 * offeredCounts(sessionRows, [{ survey_id: 's', content_version: '1', reason: 'no_time' }], { surveyId: 's' });
 * // { offered: 11, tookPart: 10, refused: 1, byReason: { declined: 0, no_time: 1, … } }
 */
export function offeredCounts(sessions: readonly Row[] | ExportTable, refusals: readonly Row[], survey: SurveySelection | undefined, within: DomainFilter = EVERYWHERE): OfferedCounts {
  const byReason = Object.fromEntries(REFUSAL_REASONS.map((reason) => [reason, 0])) as Record<RefusalReason, number>;
  for (const row of refusals) {
    const reason = row['reason'] ?? '';
    if (inSurvey(row, survey) && within.refusal(row) && (REFUSAL_REASONS as readonly string[]).includes(reason)) byReason[reason as RefusalReason]++;
  }
  let tookPart = 0;
  forEachRow(sessions, (row) => {
    if (inSurvey(row, survey) && within.session(row) && !respondentFromRow(row).testRun) tookPart++;
  });
  const refused = REFUSAL_REASONS.reduce((sum, reason) => sum + byReason[reason], 0);
  return { offered: tookPart + refused, tookPart, refused, byReason };
}
