/**
 * The one CSV reader of the project (RFC 4180): quoted cells with doubled quotes, commas and line
 * breaks inside quotes, CRLF or LF, a UTF-8 byte order mark, and the export's formula guard (a `'`
 * put before a cell starting with `=`, `+`, `-`, `@`, tab or carriage return) removed.
 * Incremental, so a large file can be read in chunks with a progress bar.
 */
import { CsvError } from './errors.js';

const GUARDED = /^'[=+\-@\t\r]/;

/** Removes the export's formula guard from a cell. */
export function unguardCell(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}

export interface CsvParser {
  /** Feeds a chunk; returns the records completed by it. */
  push(chunk: string): string[][];
  /** Ends the input; returns the last record, if any. Throws `CsvError` on an unclosed quote. */
  end(): string[][];
}

/**
 * An incremental RFC 4180 parser (cells are returned unguarded).
 *
 * @example
 * const parser = createCsvParser();
 * const records = [...parser.push('a,"b\r\n'), ...parser.push('c"\r\n'), ...parser.end()]; // [['a', 'b\r\nc']]
 */
export function createCsvParser(): CsvParser {
  let cell = '';
  let record: string[] = [];
  let inQuotes = false;
  let quoteSeen = false; // a quote inside a quoted cell: either the closing one or the first of a pair
  let afterQuoted = false; // the quoted part of a cell ended: only a separator may follow
  let started = false; // something was read for the current record
  let line = 1;
  let first = true;
  let pendingCr = false;

  const endCell = (): void => {
    record.push(unguardCell(cell));
    cell = '';
    afterQuoted = false;
  };

  function push(chunk: string): string[][] {
    const out: string[][] = [];
    let i = 0;
    if (first && chunk.length > 0) {
      first = false;
      if (chunk.charCodeAt(0) === 0xfeff) i = 1;
    }
    for (; i < chunk.length; i++) {
      const ch = chunk[i] as string;
      if (pendingCr) {
        pendingCr = false;
        if (ch === '\n') continue;
      }
      if (inQuotes) {
        if (quoteSeen) {
          quoteSeen = false;
          if (ch === '"') {
            cell += '"';
            continue;
          }
          inQuotes = false;
          afterQuoted = true;
          // fall through to the unquoted handling of ch
        } else {
          if (ch === '"') quoteSeen = true;
          else {
            if (ch === '\n') line++;
            cell += ch;
          }
          continue;
        }
      }
      if (ch === ',') {
        endCell();
        started = true;
      } else if (ch === '\n' || ch === '\r') {
        if (started || cell !== '' || afterQuoted) {
          endCell();
          out.push(record);
        }
        record = [];
        started = false;
        line++;
        if (ch === '\r') pendingCr = true;
      } else if (afterQuoted) {
        throw new CsvError(line, `unexpected "${ch}" after a closing quote; double the quotes inside a quoted cell`);
      } else if (ch === '"') {
        if (cell !== '') throw new CsvError(line, 'a quote inside an unquoted cell; quote the whole cell and double the quote');
        inQuotes = true;
        started = true;
      } else {
        cell += ch;
        started = true;
      }
    }
    return out;
  }

  function end(): string[][] {
    if (inQuotes && !quoteSeen) throw new CsvError(line, 'a quoted cell is not closed');
    if (quoteSeen) {
      inQuotes = false;
      quoteSeen = false;
      afterQuoted = true;
    }
    if (started || cell !== '' || afterQuoted) {
      endCell();
      const last = record;
      record = [];
      started = false;
      return [last];
    }
    return [];
  }

  return { push, end };
}

/**
 * Parses a whole CSV text into records.
 *
 * @example
 * parseCsv('a,b\r\n"x, y",\'=1\r\n'); // [['a', 'b'], ['x, y', '=1']]
 */
export function parseCsv(text: string): string[][] {
  const parser = createCsvParser();
  return [...parser.push(text), ...parser.end()];
}

/**
 * Turns records into objects keyed by the header row. Throws `CsvError` when a row has another number
 * of cells than the header, or the header repeats a column.
 *
 * @example
 * toRows([['a', 'b'], ['1', '2']]); // [{ a: '1', b: '2' }]
 */
export function toRows(records: readonly (readonly string[])[]): Record<string, string>[] {
  const [header, ...body] = records;
  if (!header) return [];
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw new CsvError(1, `column "${name}" appears twice in the header`);
    seen.add(name);
  }
  return body.map((cells, r) => {
    if (cells.length !== header.length) {
      throw new CsvError(r + 2, `record ${r + 2} has ${cells.length} cells, the header has ${header.length}`);
    }
    const row: Record<string, string> = {};
    header.forEach((name, k) => (row[name] = cells[k] as string));
    return row;
  });
}
