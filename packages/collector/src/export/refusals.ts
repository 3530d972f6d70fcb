/**
 * The refusals' export (docs/export-format.md, "Refusals"): one row per person offered the survey
 * who did not take it, with the reason and the day only. Also read by the report (sample description).
 */
import type { RefusalFilter, RefusalRecord } from '../store/refusal-types.js';
import type { SessionFilter, SessionKey, Store } from '../store/types.js';
import { compareKeys } from '../store/filter.js';

export const REFUSAL_COLUMNS = ['refusal_id', 'survey_id', 'content_version', 'organisation', 'campaign', 'reason', 'offered_on'] as const;

/**
 * One refusal's row: the day it was offered (UTC), never the time.
 *
 * @example
 * refusalRow(record)['offered_on']; // '2025-10-14'
 */
export function refusalRow(record: RefusalRecord): Record<string, string> {
  return {
    refusal_id: record.id,
    survey_id: record.surveyId,
    content_version: record.contentVersion,
    organisation: record.organisation ?? '',
    campaign: record.campaign ?? '',
    reason: record.reason,
    offered_on: new Date(record.at).toISOString().slice(0, 10),
  };
}

/**
 * The rows of the refusals `filter` selects (dates on the day offered, `after` for pages), in order.
 *
 * @example
 * for await (const { row } of refusalRows(store, { organisation: 'org-1' })) console.log(row['reason']);
 */
export async function* refusalRows(store: Store, filter: SessionFilter): AsyncGenerator<{ key: SessionKey; row: Record<string, string> }> {
  const { organisation, campaign, campaignOrganisation, startedFrom, startedBefore, after } = filter;
  const selection: RefusalFilter = {
    ...(organisation !== undefined && { organisation }),
    ...(campaign !== undefined && { campaign }),
    ...(campaignOrganisation !== undefined && { campaignOrganisation }),
  };
  for (const record of await store.refusals.listRefusals(selection)) {
    if (after && compareKeys(record, after) <= 0) continue;
    if ((startedFrom !== undefined && record.at < startedFrom) || (startedBefore !== undefined && record.at >= startedBefore)) continue;
    yield { key: { receivedAt: record.receivedAt, id: record.id }, row: refusalRow(record) };
  }
}
