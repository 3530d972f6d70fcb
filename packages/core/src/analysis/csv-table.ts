/**
 * The export CSV read straight into columns (docs/analysis.md, "Performance"): the same RFC 4180 rules as
 * `createCsvParser` (quoted cells with doubled quotes, commas and line breaks inside quotes, CRLF or LF, a
 * UTF-8 byte order mark, blank lines skipped, the export's formula guard removed) and the same `CsvError`s,
 * but each cell goes to its column's dictionary as it is read: no record array, no object per row.
 * Core does no I/O: it takes text, or chunks of text that the caller reads (streamed by the report command).
 */
import { unguardCell } from './csv.js';
import { CsvError } from './errors.js';
import { ColumnBuilder, type ExportColumn, type ExportTable } from './table.js';

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

/**
 * An incremental CSV reader that builds an `ExportTable` (header row first).
 *
 * @example
 * const reader = createCsvTableReader();
 * reader.push('q_genre,age_band\r\nfeminin,soix');
 * reader.push('ante_dix_plus\r\n');
 * reader.end().columns.get('age_band')?.dictionary; // ['soixante_dix_plus']
 */
export function createCsvTableReader(): CsvTableReader {
  let carry = '';
  let first = true;
  let pendingCr = false; // the last chunk ended a record with CR: a LF at the start of the next one belongs to it
  let line = 1;
  let header: string[] | undefined;
  let builders: ColumnBuilder[] = [];
  let rows = 0;
  const cells: string[] = [];

  const record = (): void => {
    if (!header) {
      const seen = new Set<string>();
      for (const name of cells) {
        if (seen.has(name)) throw new CsvError(1, `column "${name}" appears twice in the header`);
        seen.add(name);
      }
      header = [...cells];
      builders = header.map(() => new ColumnBuilder());
    } else {
      if (cells.length !== header.length) {
        throw new CsvError(rows + 2, `record ${rows + 2} has ${cells.length} cells, the header has ${header.length}`);
      }
      for (let k = 0; k < cells.length; k++) {
        const b = builders[k] as ColumnBuilder;
        b.pushCode(b.codeOf(cells[k] as string));
      }
      rows++;
    }
    cells.length = 0;
  };

  /** Reads every complete record of `buf`; returns where the incomplete rest starts. */
  function scan(buf: string, final: boolean): number {
    let pos = 0;
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
      let complete = false;
      for (;;) {
        c = pos < len ? buf.charCodeAt(pos) : -1;
        let value: string;
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
          value = unguardCell(text);
          pos = closed + 1;
          c = pos < len ? buf.charCodeAt(pos) : -1;
          if (c !== COMMA && c !== LF && c !== CR && c !== -1) {
            throw new CsvError(line, `unexpected "${buf[pos] as string}" after a closing quote; double the quotes inside a quoted cell`);
          }
        } else {
          let j = pos;
          while (j < len) {
            const d = buf.charCodeAt(j);
            if (d === COMMA || d === LF || d === CR) break;
            if (d === QUOTE) throw new CsvError(line, 'a quote inside an unquoted cell; quote the whole cell and double the quote');
            j++;
          }
          if (j === len && !final) break;
          value = buf.slice(pos, j);
          if (value.charCodeAt(0) === APOSTROPHE) value = unguardCell(value);
          pos = j;
          c = pos < len ? buf.charCodeAt(pos) : -1;
        }
        cells.push(value);
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
      if (pendingCr && text.length > 0) {
        pendingCr = false;
        if (text.charCodeAt(0) === LF) text = text.slice(1);
      }
      const buf = carry + text;
      carry = buf.slice(scan(buf, false));
    },
    end(): ExportTable {
      if (carry !== '') scan(carry, true);
      carry = '';
      const columns = new Map<string, ExportColumn>();
      (header ?? []).forEach((name, k) => columns.set(name, (builders[k] as ColumnBuilder).finish()));
      return { length: rows, columns };
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
