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
