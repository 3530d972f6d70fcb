/**
 * The export CSV read straight into columns (docs/analysis.md, "Performance"): the same RFC 4180 rules as
 * `createCsvParser` (quoted cells with doubled quotes, commas and line breaks inside quotes, CRLF or LF, a
 * UTF-8 byte order mark, blank lines skipped, the export's formula guard removed) and the same `CsvError`s,
 * but each cell goes to its column's dictionary as it is read: no record array, no object per row. The reader
 * works on UTF-8 bytes (a file's chunks as they come; text is encoded first), so a cell already seen costs no
 * string. Core does no I/O: it takes text or bytes, or chunks of them that the caller reads.
 */
import { bytesHash, ColumnBuilder, decodeUtf8, encodeUtf8 } from './column-builder.js';
import { unguardCell } from './csv.js';
import { CsvError } from './errors.js';
import { InstantBuilder } from './instants.js';
import type { ExportColumn, ExportTable, InstantColumn } from './table.js';

const COMMA = 44;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const APOSTROPHE = 39;
const BOM = [0xef, 0xbb, 0xbf];
const EMPTY = new Uint8Array(0);

export interface CsvTableReader {
  /** Feeds a chunk: text, or UTF-8 bytes (cut anywhere). Throws `CsvError` on a malformed record or bytes that are not UTF-8. */
  push(chunk: string | Uint8Array): void;
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

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function notUtf8(line: number): CsvError {
  return new CsvError(line, 'the text is not valid UTF-8; save the export as UTF-8');
}

/**
 * An incremental CSV reader that builds an `ExportTable` (header row first).
 *
 * @example
 * const reader = createCsvTableReader();
 * reader.push('q_genre,age_band\r\nfeminin,soix');
 * reader.push(new TextEncoder().encode('ante_dix_plus\r\n'));
 * reader.end().columns.get('age_band')?.dictionary; // ['soixante_dix_plus']
 */
export function createCsvTableReader(options: CsvTableOptions = {}): CsvTableReader {
  const skip = new Set(options.skip ?? []);
  const instants = new Set(options.instants ?? []);
  let carry: Uint8Array = EMPTY;
  let start: Uint8Array = EMPTY; // the first bytes, until it is known whether they begin with a byte order mark
  let first = true;
  let highSurrogate = ''; // a text chunk ending inside a surrogate pair: its first half, kept for the next chunk
  let pendingCr = false; // the last chunk ended a record with CR: a LF at the start of the next one belongs to it
  let line = 1;
  let header: string[] | undefined;
  // Per column, its builder: a text column's, or an instant column's (apart, so that each call site sees one class).
  let builders: (ColumnBuilder | undefined)[] = [];
  let instantBuilders: (InstantBuilder | undefined)[] = [];
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
      else {
        const instant = instantBuilders[cellCount];
        if (instant) instant.set(rows, instant.codeOf(value));
      }
      cellCount++;
    }
  };

  const addSlice = (buf: Uint8Array, from: number, to: number, hash: number): void => {
    if (!header) {
      const text = decodeUtf8(buf, from, to);
      if (text === undefined) throw notUtf8(line);
      cells.push(text);
    } else {
      const builder = builders[cellCount];
      if (builder) {
        const code = builder.codeAt(buf, from, to, hash);
        if (code < 0) throw notUtf8(line);
        builder.set(rows, code);
      } else {
        const instant = instantBuilders[cellCount];
        if (instant) {
          const code = instant.codeAt(buf, from, to, hash);
          if (code < 0) throw notUtf8(line);
          instant.set(rows, code);
        }
      }
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
      builders = header.map((name) => (skip.has(name) || instants.has(name) ? undefined : new ColumnBuilder()));
      instantBuilders = header.map((name) => (!skip.has(name) && instants.has(name) ? new InstantBuilder() : undefined));
    } else {
      if (cellCount !== header.length) {
        throw new CsvError(rows + 2, `record ${rows + 2} has ${cellCount} cells, the header has ${header.length}`);
      }
      rows++;
    }
    cells.length = 0;
    cellCount = 0;
  };

  /** The text of a quoted cell from its opening quote at `pos`: [text, closing quote], or closing −1 when cut. */
  function quoted(buf: Uint8Array, pos: number, final: boolean): [string, number] {
    const len = buf.length;
    const parts: Uint8Array[] = [];
    let j = pos + 1;
    for (;;) {
      const q = buf.indexOf(QUOTE, j);
      if (q < 0) return ['', -1];
      if (q + 1 < len && buf[q + 1] === QUOTE) {
        parts.push(buf.subarray(j, q + 1));
        j = q + 2;
        continue;
      }
      if (q + 1 === len && !final) return ['', -1]; // a doubled quote may be cut by the chunk
      parts.push(buf.subarray(j, q));
      const bytes = parts.length === 1 ? (parts[0] as Uint8Array) : parts.reduce(concat, EMPTY);
      const text = decodeUtf8(bytes, 0, bytes.length);
      if (text === undefined) throw notUtf8(line);
      return [text, q];
    }
  }

  /** Reads every complete record of `buf` from `from`; returns where the incomplete rest starts. */
  function scan(buf: Uint8Array, from: number, final: boolean): number {
    let pos = from;
    const len = buf.length;
    while (pos < len) {
      const recordStart = pos;
      const recordLine = line;
      let c = buf[pos] as number;
      if (c === LF || c === CR) {
        // A blank line: no record.
        line++;
        pos++;
        if (c === CR) {
          if (pos < len) {
            if (buf[pos] === LF) pos++;
          } else pendingCr = true;
        }
        continue;
      }
      cells.length = 0;
      cellCount = 0;
      let complete = false;
      for (;;) {
        c = pos < len ? (buf[pos] as number) : -1;
        if (c === QUOTE) {
          const [text, closed] = quoted(buf, pos, final);
          if (closed < 0) {
            if (final) {
              for (let k = pos; k < len; k++) if (buf[k] === LF) line++;
              throw new CsvError(line, 'a quoted cell is not closed');
            }
            break;
          }
          for (let k = pos; k < closed; k++) if (buf[k] === LF) line++;
          addText(unguardCell(text));
          pos = closed + 1;
          c = pos < len ? (buf[pos] as number) : -1;
          if (c !== COMMA && c !== LF && c !== CR && c !== -1) {
            const after = decodeUtf8(buf, pos, Math.min(len, pos + 4))?.[0] ?? String.fromCharCode(c);
            throw new CsvError(line, `unexpected "${after}" after a closing quote; double the quotes inside a quoted cell`);
          }
        } else {
          let j = pos;
          let hash = 0;
          while (j < len) {
            const d = buf[j] as number;
            if (d === COMMA || d === LF || d === CR) break;
            if (d === QUOTE) throw new CsvError(line, 'a quote inside an unquoted cell; quote the whole cell and double the quote');
            hash = (Math.imul(hash, 31) + d) | 0;
            j++;
          }
          if (j === len && !final) break;
          if (buf[pos] === APOSTROPHE) {
            const text = decodeUtf8(buf, pos, j);
            if (text === undefined) throw notUtf8(line);
            addText(unguardCell(text));
          } else addSlice(buf, pos, j, hash);
          pos = j;
          c = pos < len ? (buf[pos] as number) : -1;
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
            if (buf[pos] === LF) pos++;
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

  /** Feeds bytes that follow the byte order mark, if any. */
  function pushBytes(bytes: Uint8Array): void {
    let from = 0;
    if (pendingCr && bytes.length > 0) {
      pendingCr = false;
      if (bytes[0] === LF) from = 1;
    }
    if (carry.length > 0) {
      // The record cut by the previous chunk is finished on a short array (carry + up to the first line break), so
      // that the chunk itself is scanned as it came, without a copy.
      const cr = bytes.indexOf(CR, from);
      const lf = bytes.indexOf(LF, from);
      const nl = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
      if (nl < 0) {
        carry = concat(carry, bytes.subarray(from));
        return;
      }
      const head = concat(carry, bytes.subarray(from, nl + 1));
      if (scan(head, 0, false) < head.length) {
        // A line break inside quotes: read the two together.
        const buf = concat(carry, bytes.subarray(from));
        carry = buf.slice(scan(buf, 0, false));
        return;
      }
      from = nl + 1;
      if (pendingCr && from < bytes.length) {
        pendingCr = false;
        if (bytes[from] === LF) from++;
      }
    }
    // The rest is copied (`slice` of a plain Uint8Array): the caller may reuse its chunk's memory.
    carry = bytes.slice(scan(bytes, from, false));
  }

  return {
    push(chunk: string | Uint8Array): void {
      let bytes: Uint8Array;
      if (typeof chunk === 'string') {
        let text = highSurrogate + chunk;
        highSurrogate = '';
        const last = text.charCodeAt(text.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) {
          highSurrogate = text.slice(-1);
          text = text.slice(0, -1);
        }
        bytes = encodeUtf8(text);
      } else {
        // A plain view of the bytes (a Node Buffer is a subclass): the scanning loop then reads one kind of array.
        bytes = chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      }
      if (first) {
        // The byte order mark is dropped, even when the first chunks are shorter than it.
        start = concat(start, bytes);
        if (start.length < BOM.length && BOM.slice(0, start.length).every((b, k) => start[k] === b)) return;
        first = false;
        bytes = BOM.every((b, k) => start[k] === b) ? start.subarray(BOM.length) : start;
        start = EMPTY;
      }
      pushBytes(bytes);
    },
    end(): ExportTable {
      if (first && start.length > 0) {
        first = false;
        pushBytes(start);
      }
      if (highSurrogate !== '') pushBytes(encodeUtf8(highSurrogate));
      if (carry.length > 0) scan(carry, 0, true);
      carry = EMPTY;
      const columns = new Map<string, ExportColumn>();
      const instantColumns = new Map<string, InstantColumn>();
      (header ?? []).forEach((name, k) => {
        const builder = builders[k];
        const instant = instantBuilders[k];
        if (builder) columns.set(name, builder.finish(rows));
        if (instant) instantColumns.set(name, instant.finish(rows));
      });
      return instantColumns.size > 0 ? { length: rows, columns, instants: instantColumns } : { length: rows, columns };
    },
  };
}

/**
 * Reads a whole CSV text, or chunks of it (text or UTF-8 bytes), into an `ExportTable`.
 *
 * @example
 * parseCsvTable('q_genre\r\nfeminin\r\n').length; // 1
 */
export function parseCsvTable(input: string | Uint8Array | Iterable<string | Uint8Array>, options: CsvTableOptions = {}): ExportTable {
  const reader = createCsvTableReader(options);
  if (typeof input === 'string' || input instanceof Uint8Array) reader.push(input);
  else for (const chunk of input) reader.push(chunk);
  return reader.end();
}

/**
 * Reads chunks of CSV text or UTF-8 bytes as they come (e.g. a file stream) into an `ExportTable`.
 *
 * @example
 * const table = await readCsvTable(fileChunks);
 */
export async function readCsvTable(chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>, options: CsvTableOptions = {}): Promise<ExportTable> {
  const reader = createCsvTableReader(options);
  for await (const chunk of chunks) reader.push(chunk);
  return reader.end();
}
