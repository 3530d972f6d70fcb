/**
 * The export CSV read straight into columns (docs/analysis.md, "Performance"): the same RFC 4180 rules as
 * `createCsvParser` (quoted cells with doubled quotes, commas and line breaks inside quotes, CRLF or LF, a
 * UTF-8 byte order mark, blank lines skipped, the export's formula guard removed) and the same `CsvError`s,
 * but each cell goes to its column's dictionary as it is read: no record array, no object per row.
 * Core does no I/O: it takes text, or chunks of text that the caller reads (streamed by the report command).
 */
import { unguardCell } from './csv.js';
import { CsvError } from './errors.js';
import { InstantBuilder } from './instants.js';
import { ColumnBuilder, type ExportColumn, type ExportTable, type InstantColumn } from './table.js';

const COMMA = 44;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const APOSTROPHE = 39;

export interface CsvTableReader {
  /** Feeds a chunk of text. Throws `CsvError` on a malformed record. */
  push(chunk: string): void;
  /** Ends the input and returns the table. Throws `CsvError` on an unclosed quote or a short last record. */
  end(): ExportTable;
}

/** Options of `createCsvTableReader`. */
export interface CsvTableOptions {
  /** Columns left out of the table: their cells are checked as CSV but not dictionary-encoded. */
  skip?: readonly string[];
  /**
   * Columns read as instants (`ExportTable.instants`: milliseconds, the text kept only when written otherwise than
   * the export writes it), for columns such as `started_at` whose values nearly all differ (docs/analysis.md,
   * "Start times").
   */
  instants?: readonly string[];
}

/**
 * An incremental CSV reader that builds an `ExportTable` (header row first).
 *
 * @example
 * const reader = createCsvTableReader();
 * reader.push('q_genre,age_band\r\nfeminin,soix');
 * reader.push('ante_dix_plus\r\n');
 * reader.end().columns.get('age_band')?.dictionary; // ['soixante_dix_plus']
 */
export function createCsvTableReader(options: CsvTableOptions = {}): CsvTableReader {
  const skip = new Set(options.skip ?? []);
  const instants = new Set(options.instants ?? []);
  let carry = '';
  let first = true;
  let pendingCr = false; // the last chunk ended a record with CR: a LF at the start of the next one belongs to it
  let line = 1;
  let header: string[] | undefined;
  let builders: (ColumnBuilder | InstantBuilder | undefined)[] = [];
  let rows = 0;
  // The record being read: its cells as text for the header; afterwards each cell goes to its column's dictionary
  // and its code to the column, at the record's row, as soon as it is read (a record cut by the chunk is read
  // again with the next chunk and written again at the same row).
  const cells: string[] = [];
  let cellCount = 0;

  const addText = (value: string): void => {
    if (!header) cells.push(value);
    else {
      const builder = builders[cellCount];
      if (builder) builder.set(rows, builder.codeOf(value));
      cellCount++;
    }
  };

  const addSlice = (buf: string, start: number, end: number, hash: number): void => {
    if (!header) cells.push(buf.slice(start, end));
    else {
      const builder = builders[cellCount];
      if (builder) builder.set(rows, builder.codeAt(buf, start, end, hash));
      cellCount++;
    }
  };

  const record = (): void => {
    if (!header) {
      const seen = new Set<string>();
      for (const name of cells) {
        if (seen.has(name)) throw new CsvError(1, `column "${name}" appears twice in the header`);
        seen.add(name);
      }
      header = [...cells];
      builders = header.map((name) => (skip.has(name) ? undefined : instants.has(name) ? new InstantBuilder() : new ColumnBuilder()));
    } else {
      if (cellCount !== header.length) {
        throw new CsvError(rows + 2, `record ${rows + 2} has ${cellCount} cells, the header has ${header.length}`);
      }
      rows++;
    }
    cells.length = 0;
    cellCount = 0;
  };

  /** Reads every complete record of `buf` from `start`; returns where the incomplete rest starts. */
  function scan(buf: string, start: number, final: boolean): number {
    let pos = start;
    const len = buf.length;
    while (pos < len) {
      const recordStart = pos;
      const recordLine = line;
      let c = buf.charCodeAt(pos);
      if (c === LF || c === CR) {
        // A blank line: no record.
        line++;
        pos++;
        if (c === CR) {
          if (pos < len) {
            if (buf.charCodeAt(pos) === LF) pos++;
          } else pendingCr = true;
        }
        continue;
      }
      cells.length = 0;
      cellCount = 0;
      let complete = false;
      for (;;) {
        c = pos < len ? buf.charCodeAt(pos) : -1;
        if (c === QUOTE) {
          let j = pos + 1;
          let text = '';
          let closed = -1;
          for (;;) {
            const q = buf.indexOf('"', j);
            if (q < 0) break;
            if (q + 1 < len && buf.charCodeAt(q + 1) === QUOTE) {
              text += buf.slice(j, q + 1);
              j = q + 2;
              continue;
            }
            if (q + 1 === len && !final) break; // a doubled quote may be cut by the chunk
            text += buf.slice(j, q);
            closed = q;
            break;
          }
          if (closed < 0) {
            if (final) {
              for (let k = pos; k < len; k++) if (buf.charCodeAt(k) === LF) line++;
              throw new CsvError(line, 'a quoted cell is not closed');
            }
            break;
          }
          for (let k = pos; k < closed; k++) if (buf.charCodeAt(k) === LF) line++;
          addText(unguardCell(text));
          pos = closed + 1;
          c = pos < len ? buf.charCodeAt(pos) : -1;
          if (c !== COMMA && c !== LF && c !== CR && c !== -1) {
            throw new CsvError(line, `unexpected "${buf[pos] as string}" after a closing quote; double the quotes inside a quoted cell`);
          }
        } else {
          let j = pos;
          let hash = 0;
          while (j < len) {
            const d = buf.charCodeAt(j);
            if (d === COMMA || d === LF || d === CR) break;
            if (d === QUOTE) throw new CsvError(line, 'a quote inside an unquoted cell; quote the whole cell and double the quote');
            hash = (Math.imul(hash, 31) + d) | 0;
            j++;
          }
          if (j === len && !final) break;
          if (buf.charCodeAt(pos) === APOSTROPHE) addText(unguardCell(buf.slice(pos, j)));
          else addSlice(buf, pos, j, hash);
          pos = j;
          c = pos < len ? buf.charCodeAt(pos) : -1;
        }
        if (c === COMMA) {
          pos++;
          continue;
        }
        // End of the record: a line break, or the end of the text.
        if (c === -1 && !final) break;
        if (c === CR) {
          pos++;
          if (pos < len) {
            if (buf.charCodeAt(pos) === LF) pos++;
          } else pendingCr = true;
        } else if (c === LF) pos++;
        line++;
        complete = true;
        break;
      }
      if (!complete) {
        line = recordLine;
        cells.length = 0;
        cellCount = 0;
        return recordStart;
      }
      record();
    }
    return len;
  }

  return {
    push(chunk: string): void {
      let text = chunk;
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      let from = 0;
      if (pendingCr && text.length > 0) {
        pendingCr = false;
        if (text.charCodeAt(0) === LF) from = 1;
      }
      if (carry !== '') {
        // The record cut by the previous chunk is finished on a short string (carry + up to the first line break),
        // so that the chunk itself is scanned as it came: a concatenated string is much slower to read.
        const cr = text.indexOf('\r', from);
        const lf = text.indexOf('\n', from);
        const nl = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
        if (nl < 0) {
          carry += text.slice(from);
          return;
        }
        const head = carry + text.slice(from, nl + 1);
        if (scan(head, 0, false) < head.length) {
          // A line break inside quotes: read the two together.
          const buf = carry + text.slice(from);
          carry = buf.slice(scan(buf, 0, false));
          return;
        }
        from = nl + 1;
        if (pendingCr && from < text.length) {
          pendingCr = false;
          if (text.charCodeAt(from) === LF) from++;
        }
      }
      carry = text.slice(scan(text, from, false));
    },
    end(): ExportTable {
      if (carry !== '') scan(carry, 0, true);
      carry = '';
      const columns = new Map<string, ExportColumn>();
      const instantColumns = new Map<string, InstantColumn>();
      (header ?? []).forEach((name, k) => {
        const builder = builders[k];
        if (builder instanceof InstantBuilder) instantColumns.set(name, builder.finish(rows));
        else if (builder) columns.set(name, builder.finish(rows));
      });
      return instantColumns.size > 0 ? { length: rows, columns, instants: instantColumns } : { length: rows, columns };
    },
  };
}

/**
 * Reads a whole CSV text, or chunks of it, into an `ExportTable`.
 *
 * @example
 * parseCsvTable('q_genre\r\nfeminin\r\n').length; // 1
 */
export function parseCsvTable(input: string | Iterable<string>): ExportTable {
  const reader = createCsvTableReader();
  if (typeof input === 'string') reader.push(input);
  else for (const chunk of input) reader.push(chunk);
  return reader.end();
}

/**
 * Reads chunks of CSV text as they come (e.g. a decoded file stream) into an `ExportTable`.
 *
 * @example
 * const table = await readCsvTable(decodedChunks);
 */
export async function readCsvTable(chunks: AsyncIterable<string> | Iterable<string>): Promise<ExportTable> {
  const reader = createCsvTableReader();
  for await (const chunk of chunks) reader.push(chunk);
  return reader.end();
}
