/** Which sessions a read selects (export, report), shared by the survey's and the adaptive tests' stores. */

/** Where a session sits in the export order: by `receivedAt`, then id. */
export interface SessionKey {
  receivedAt: number;
  id: string;
}

/** Which sessions an export reads. Dates are epoch milliseconds on the session's `startedAt`. */
export interface SessionFilter {
  organisation?: string;
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
 *
 * @example
 * for (const data of selected(sessions.values(), { organisation: 'org-1' })) yield copy(data);
 */
export function selected<T extends { session: SessionKey & { organisation: string | null; startedAt: number } }>(all: Iterable<T>, filter: SessionFilter): T[] {
  const after = filter.after;
  return [...all]
    .filter(({ session: s }) => {
      if (after && compareKeys(s, after) <= 0) return false;
      if (filter.organisation !== undefined && s.organisation !== filter.organisation) return false;
      if (filter.startedFrom !== undefined && s.startedAt < filter.startedFrom) return false;
      return filter.startedBefore === undefined || s.startedAt < filter.startedBefore;
    })
    .sort((a, b) => compareKeys(a.session, b.session));
}
