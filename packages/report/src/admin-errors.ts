/** What `observatoire admin` commands share: their two kinds of failure and the date options. */

/** Bad usage: exit 2, with the usage. */
export class UsageError extends Error {}

/** A refusal from the collector (its status, error code and message), or a collector out of reach: exit 1. */
export class CollectorError extends Error {}

/**
 * An ISO date or date-time option as epoch milliseconds.
 *
 * @example
 * date('--opens', '2025-10-01'); // 1759276800000
 */
export function date(option: string, value: string): number {
  const at = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(at)) throw new UsageError(`${option} must be an ISO date (2025-10-01) or date-time (2025-10-01T09:00:00Z), got "${value}"`);
  return at;
}

/**
 * @example
 * iso(0); // '1970-01-01T00:00:00.000Z'
 */
export function iso(at: number): string {
  return new Date(at).toISOString();
}
