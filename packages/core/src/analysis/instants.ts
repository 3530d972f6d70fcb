/**
 * Start times read as numbers (docs/analysis.md, "Start times"): nearly every `started_at` differs, so a
 * dictionary of its texts would hold one string per session. The CSV reader parses the export's form
 * (`YYYY-MM-DDTHH:MM:SS.sssZ`, what the collector writes) straight from the text into milliseconds, and keeps
 * only the values written otherwise as text. Every rule on a start time (the year of the age, the collection
 * window, the duplicate window) reads these numbers, in UTC.
 */
import { bytesHash, ColumnBuilder, decodeUtf8, encodeUtf8 } from './column-builder.js';
import type { ExportColumn, ExportTable, InstantColumn } from './table.js';

const DAY_MS = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (month 1–12). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The instant of a UTC date and time given by its fields (`offset` in minutes east of UTC); NaN when one is out of range. */
function instantOf(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, offset = 0): number {
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && ms >= 0;
  return valid && year >= 0 ? daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute - offset) * 60 + second) * 1000 + ms : NaN;
}

/**
 * Milliseconds since 1970-01-01 UTC of an ISO 8601 date or date-time (`2026-10-12`, `2026-10-12T09:00`,
 * `2026-10-12T09:00:00.000Z`, `2026-10-12T11:00:00+02:00`); a time without an offset is read as UTC, as the
 * export writes it. NaN for anything else, an impossible date included.
 *
 * @example
 * parseInstant('2026-10-12T09:00:00.000Z'); // 1791795600000
 * parseInstant('12/10/2026'); // NaN
 */
export function parseInstant(text: string): number {
  const m = ISO.exec(text);
  if (!m) return NaN;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const fraction = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000 + 1e-6);
  const zone = m[8] ?? 'Z';
  const offset = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  return instantOf(year, month, day, hour, minute, second, fraction, offset);
}

const ZERO = 48;

/** The number written by the ASCII digits bytes[start, start + count), or -1 when one is not a digit. */
function digits(bytes: Uint8Array, start: number, count: number): number {
  let value = 0;
  for (let k = start; k < start + count; k++) {
    const d = (bytes[k] as number) - ZERO;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * The instant of the UTF-8 bytes[start, end) when they are written exactly as `Date.prototype.toISOString` writes
 * (`YYYY-MM-DDTHH:MM:SS.sssZ`, year 0000–9999), else NaN: such a value is given back exactly from its number.
 *
 * @example
 * exactInstant(new TextEncoder().encode('2026-10-12T09:00:00.000Z')); // 1791795600000
 * exactInstant(new TextEncoder().encode('2026-10-12T09:00:00Z')); // NaN (valid, but not written as the export writes it)
 */
export function exactInstant(bytes: Uint8Array, start = 0, end = bytes.length): number {
  if (end - start !== 24) return NaN;
  const at = (k: number): number => bytes[start + k] as number;
  if (at(4) !== 45 || at(7) !== 45 || at(10) !== 84 || at(13) !== 58 || at(16) !== 58 || at(19) !== 46 || at(23) !== 90) return NaN; // - - T : : . Z
  // A field that is not all digits reads as −1, out of every range.
  return instantOf(
    digits(bytes, start, 4),
    digits(bytes, start + 5, 2),
    digits(bytes, start + 8, 2),
    digits(bytes, start + 11, 2),
    digits(bytes, start + 14, 2),
    digits(bytes, start + 17, 2),
    digits(bytes, start + 20, 3),
  );
}

/**
 * The UTC year of an instant (NaN stays NaN).
 *
 * @example
 * yearOfInstant(parseInstant('2026-12-31T23:59:59.999Z')); // 2026
 */
export function yearOfInstant(ms: number): number {
  if (!Number.isFinite(ms)) return NaN;
  // civil_from_days: the year of day z, counted from 0000-03-01 in eras of 400 years.
  const z = Math.floor(ms / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

/**
 * The UTC day of an instant, as a day number since 1970-01-01 (NaN stays NaN).
 *
 * @example
 * dayOfInstant(parseInstant('1970-01-02T10:00:00.000Z')); // 1
 */
export function dayOfInstant(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/**
 * Each respondent's instant in a column (`parseInstant` of its value), whether the table holds it as an instant
 * column (the CSV reader's `instants` option) or as text; undefined when the table has no such column.
 *
 * @example
 * instantsOf(table, 'started_at')?.[0]; // 1791795600000
 */
export function instantsOf(table: ExportTable, name: string): Float64Array | undefined {
  const instant = table.instants?.get(name);
  if (instant) return instant.times;
  const column = table.columns.get(name);
  if (!column) return undefined;
  const byCode = Float64Array.from(column.dictionary, parseInstant);
  const times = new Float64Array(table.length);
  for (let i = 0; i < table.length; i++) times[i] = byCode[column.codes[i] as number] as number;
  return times;
}

/**
 * A growable instant column for the CSV reader, with the calls of `ColumnBuilder` it makes (`codeAt` or `codeOf`
 * for a cell, then `set`), so the reader treats both alike.
 */
export class InstantBuilder {
  private times: Float64Array;
  private readonly written = new ColumnBuilder();
  private pending = NaN;

  constructor(capacity = 1024) {
    this.times = new Float64Array(Math.max(16, capacity));
    this.written.codeOf(''); // code 0: written exactly as the number gives it back (or empty)
  }

  /** Reads the UTF-8 bytes[start, end) (whose `bytesHash` is `hash`); returns the code of the text as written (−1: not UTF-8). */
  codeAt(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const exact = exactInstant(bytes, start, end);
    if (!Number.isNaN(exact)) {
      this.pending = exact;
      return 0;
    }
    this.pending = start === end ? NaN : parseInstant(decodeUtf8(bytes, start, end) ?? '');
    return this.written.codeAt(bytes, start, end, hash);
  }

  /** Reads a whole value (a quoted cell). */
  codeOf(value: string): number {
    const bytes = encodeUtf8(value);
    return this.codeAt(bytes, 0, bytes.length, bytesHash(bytes));
  }

  /** Writes respondent `row`'s value: the one last read, whose code `codeAt` or `codeOf` returned. */
  set(row: number, code: number): void {
    if (row >= this.times.length) {
      const wider = new Float64Array(Math.max(this.times.length * 2, row + 1));
      wider.set(this.times);
      this.times = wider;
    }
    this.times[row] = this.pending;
    this.written.set(row, code);
  }

  /** The finished column of the first `length` respondents. */
  finish(length: number): InstantColumn {
    return { times: this.times.slice(0, length), written: this.written.finish(length) };
  }
}
