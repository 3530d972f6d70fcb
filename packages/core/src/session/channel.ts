/**
 * How a session's answers came in (docs/protocol.md, "Paper channel"): typed by the person on a screen
 * (`online`), or written on the printed questionnaire and typed in afterwards by a mediator (`paper`),
 * with the date written on the paper form.
 */

/** The channels of a session; `online` unless said otherwise. */
export const CHANNELS = ['online', 'paper'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A paper form older than this is refused: it belongs to an earlier collection. */
export const PAPER_DATE_MAX_AGE_DAYS = 366;

const DAY_MS = 86_400_000;

/**
 * Why `date` cannot be the date of a paper form entered at `now` (the session's clock), or `null`:
 * a calendar date written `YYYY-MM-DD`, not after the UTC day of `now` plus one (a form dated in a
 * time zone ahead of UTC), not more than `PAPER_DATE_MAX_AGE_DAYS` days before it.
 *
 * @example
 * paperDateProblem('2026-11-30', Date.parse('2026-12-02T10:00:00Z')); // null
 * paperDateProblem('2026-02-30', Date.parse('2026-12-02T10:00:00Z')); // 'must be a real calendar date'
 */
export function paperDateProblem(date: unknown, now: number): string | null {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'must be a date written YYYY-MM-DD';
  const at = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== date) return 'must be a real calendar date';
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  if (at > today + DAY_MS) return 'must not be after the day the form is entered';
  if (at < today - PAPER_DATE_MAX_AGE_DAYS * DAY_MS) return `must not be more than ${PAPER_DATE_MAX_AGE_DAYS} days before the day the form is entered`;
  return null;
}
