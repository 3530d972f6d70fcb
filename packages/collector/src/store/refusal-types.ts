/**
 * What the collector keeps of people offered the survey who did not take it (docs/collector.md,
 * "Refusals"): a reason from a closed list, the day, the survey and the organisation or campaign.
 * Nothing about the person.
 */
import type { RefusalReason } from '@observatoire/core/api';

/** Times are epoch milliseconds: `at` from the device's clock, `receivedAt` the server's. */
export interface RefusalRecord {
  /** Client-made, so a retry stores it once. */
  id: string;
  surveyId: string;
  contentVersion: string;
  organisation: string | null;
  campaign: string | null;
  reason: RefusalReason;
  at: number;
  receivedAt: number;
}

/** Which refusals a read selects: as `SessionFilter`, without dates nor pages (refusals are few). */
export interface RefusalFilter {
  organisation?: string;
  campaign?: string;
  /** Only the refusals of this organisation's campaigns (what a `structure` key may read). */
  campaignOrganisation?: string;
}

/**
 * Storage of refusals, idempotent by id like every write of the collector.
 *
 * @example
 * const { created } = await store.refusals.addRefusal(record); // false on a retry
 */
export interface RefusalStore {
  /** Insert unless this id is stored; returns the stored refusal either way. */
  addRefusal(record: RefusalRecord): Promise<{ created: boolean; record: RefusalRecord }>;
  getRefusal(id: string): Promise<RefusalRecord | null>;
  /** Ordered by `receivedAt` then id. */
  listRefusals(filter?: RefusalFilter): Promise<RefusalRecord[]>;
}
