/** Which sessions a read selects (export, report), shared by the survey's and the adaptive tests' stores. */

/** Where a session sits in the export order: by `receivedAt`, then id. */
export interface SessionKey {
  receivedAt: number;
  id: string;
}

/** Which sessions an export reads. Dates are epoch milliseconds on the session's `startedAt`. */
export interface SessionFilter {
  organisation?: string;
  /** A campaign's code. Adaptive tests belong to no campaign: none is selected. */
  campaign?: string;
  /** Only the sessions of this organisation's campaigns (what a `structure` key may read). */
  campaignOrganisation?: string;
  /** Inclusive. */
  startedFrom?: number;
  /** Exclusive. */
  startedBefore?: number;
  /** Only the sessions after this one (the last of the previous page). */
  after?: SessionKey;
}

/** Export order: `receivedAt`, then id (as the SQL adapters' `ORDER BY received_at, id`, byte order in C collation). */
export function compareKeys(a: SessionKey, b: SessionKey): number {
  return a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The sessions `filter` selects, in export order: the memory stores' reading of a filter.
 * `organisationOf` gives a campaign's organisation (for `campaignOrganisation`); a session without
 * a campaign (every adaptive test) is never selected by `campaign` or `campaignOrganisation`.
 *
 * @example
 * for (const data of selected(sessions.values(), { organisation: 'org-1' })) yield copy(data);
 */
export function selected<T extends { session: SelectedSession }>(
  all: Iterable<T>,
  filter: SessionFilter,
  organisationOf: (campaign: string) => string | undefined = () => undefined,
): T[] {
  const after = filter.after;
  return [...all]
    .filter(({ session: s }) => {
      if (after && compareKeys(s, after) <= 0) return false;
      if (filter.organisation !== undefined && s.organisation !== filter.organisation) return false;
      const campaign = s.campaign ?? null;
      if (filter.campaign !== undefined && campaign !== filter.campaign) return false;
      if (filter.campaignOrganisation !== undefined && (campaign === null || organisationOf(campaign) !== filter.campaignOrganisation)) return false;
      if (filter.startedFrom !== undefined && s.startedAt < filter.startedFrom) return false;
      return filter.startedBefore === undefined || s.startedAt < filter.startedBefore;
    })
    .sort((a, b) => compareKeys(a.session, b.session));
}

/** What `selected` reads of a session: survey sessions may name a campaign, adaptive tests do not. */
interface SelectedSession extends SessionKey {
  organisation: string | null;
  startedAt: number;
  campaign?: string | null;
}
