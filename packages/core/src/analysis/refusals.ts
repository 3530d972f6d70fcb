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

/**
 * Offered, took part, refused and refused by reason, for the report's survey: sessions that are not
 * test runs took part; refusals of another survey, or with a reason outside the closed list, are not counted.
 *
 * @example
 * offeredCounts(sessionRows, [{ survey_id: 's', content_version: '1', reason: 'no_time' }], { surveyId: 's' });
 * // { offered: 11, tookPart: 10, refused: 1, byReason: { declined: 0, no_time: 1, … } }
 */
export function offeredCounts(sessions: readonly Row[] | ExportTable, refusals: readonly Row[], survey: SurveySelection | undefined): OfferedCounts {
  const byReason = Object.fromEntries(REFUSAL_REASONS.map((reason) => [reason, 0])) as Record<RefusalReason, number>;
  for (const row of refusals) {
    const reason = row['reason'] ?? '';
    if (inSurvey(row, survey) && (REFUSAL_REASONS as readonly string[]).includes(reason)) byReason[reason as RefusalReason]++;
  }
  const tookPartRow = (row: Row): boolean => inSurvey(row, survey) && !respondentFromRow(row).testRun;
  let tookPart = 0;
  if (isTable(sessions)) {
    const view = rowView(sessions);
    for (let i = 0; i < sessions.length; i++) if (tookPartRow(view.at(i))) tookPart++;
  } else tookPart = sessions.filter(tookPartRow).length;
  const refused = REFUSAL_REASONS.reduce((sum, reason) => sum + byReason[reason], 0);
  return { offered: tookPart + refused, tookPart, refused, byReason };
}
