/**
 * The export as columns (docs/analysis.md, "Performance"): each column is dictionary-encoded, one small
 * integer code per respondent in a typed array and the distinct values once. No object per row, so a
 * million-row export stays a few bytes per cell and every rule reads codes.
 */

/** One export row: column → value, empty string for no value. */
export type Row = Readonly<Record<string, string | undefined>>;

/**
 * Whether the analysis input is a table (else rows).
 *
 * @example
 * isTable(parseCsvTable(text)); // true
 */
export function isTable(data: readonly Row[] | ExportTable): data is ExportTable {
  return !Array.isArray(data);
}

/** Codes of one column: Uint8Array up to 256 distinct values, Uint16Array up to 65,536, Uint32Array beyond. */
export type ColumnCodes = Uint8Array | Uint16Array | Uint32Array;

/** One dictionary-encoded column: `dictionary[codes[i]]` is respondent i's value (`''` when empty). */
export interface ExportColumn {
  readonly codes: ColumnCodes;
  readonly dictionary: readonly string[];
}

/**
 * A column of instants read as numbers (the CSV reader's `instants` option; docs/analysis.md, "Start times").
 */
export interface InstantColumn {
  /** Milliseconds since 1970-01-01 UTC of each respondent's value (`parseInstant`); NaN when empty or unreadable. */
  readonly times: Float64Array;
  /** The value as written when its number does not give it back exactly (`exactInstant`), else `''`. */
  readonly written: ExportColumn;
}

/** The export read column by column (`parseCsvTable`, `readCsvTable`, or `tableFromRows`). */
export interface ExportTable {
  /** Number of respondents (rows). */
  readonly length: number;
  /** Columns by name, in the header's order (instant columns apart). */
  readonly columns: ReadonlyMap<string, ExportColumn>;
  /** Columns read as instants (`createCsvTableReader({ instants })`), by name; absent from `columns`. */
  readonly instants?: ReadonlyMap<string, InstantColumn>;
}

/**
 * The text of respondent i's value in an instant column, as it was written.
 *
 * @example
 * instantText(table.instants.get('started_at'), 0); // '2026-10-12T09:00:00.000Z'
 */
export function instantText(column: InstantColumn, i: number): string {
  const written = column.written.dictionary[column.written.codes[i] as number] as string;
  if (written !== '') return written;
  const t = column.times[i] as number;
  return Number.isNaN(t) ? '' : new Date(t).toISOString();
}

/**
 * Respondent i's value in a column; undefined when the table has no such column.
 *
 * @example
 * valueAt(table, 'q_genre', 0); // 'feminin'
 */
export function valueAt(table: ExportTable, name: string, i: number): string | undefined {
  const column = table.columns.get(name);
  if (column !== undefined) return column.dictionary[column.codes[i] as number];
  const instant = table.instants?.get(name);
  return instant === undefined ? undefined : instantText(instant, i);
}

/** The hash of text[start, end) that `ColumnBuilder` indexes values by (the CSV reader computes it while scanning). */
export function textHash(text: string, start = 0, end = text.length): number {
  let h = 0;
  for (let k = start; k < end; k++) h = (Math.imul(h, 31) + text.charCodeAt(k)) | 0;
  return h;
}

/**
 * A growable dictionary-encoded column, widening its codes as the dictionary grows. Values are found by an
 * open-addressing table on `textHash`, compared in place in the text they were read from, so a value already
 * seen costs no new string.
 */
export class ColumnBuilder {
  codes: ColumnCodes;
  readonly dictionary: string[] = [];
  // Per slot, code + 1 (0 = empty) then the value's hash, side by side: a probe reads one place in memory, and a
  // new value (every value of a column such as a timestamp) is found new without reading any other value.
  private slots = new Int32Array(128);
  private shift = 26; // 32 − log2(number of slots)
  private limit = 255; // the largest code `codes` holds
  length = 0;

  constructor(capacity = 1024) {
    this.codes = new Uint8Array(Math.max(16, capacity));
  }

  /** The code of a value, added to the dictionary when new. */
  codeOf(value: string): number {
    return this.codeAt(value, 0, value.length, textHash(value));
  }

  /** The code of text[start, end) whose `textHash` is `hash`, added to the dictionary when new. */
  codeAt(text: string, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const length = end - start;
    let slot = Math.imul(hash, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const s = slots[2 * slot] as number;
      if (s === 0) break;
      if (slots[2 * slot + 1] === hash) {
        const value = this.dictionary[s - 1] as string;
        if (value.length === length && text.startsWith(value, start)) return s - 1;
      }
      slot = (slot + 1) & mask;
    }
    const code = this.dictionary.length;
    this.dictionary.push(start === 0 && end === text.length ? text : copyOf(text.slice(start, end)));
    slots[2 * slot] = code + 1;
    slots[2 * slot + 1] = hash;
    if (4 * this.dictionary.length > slots.length) this.grow();
    return code;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    this.shift--;
    const mask = (slots.length >> 1) - 1;
    for (let k = 0; k < old.length; k += 2) {
      const s = old[k] as number;
      if (s === 0) continue;
      const hash = old[k + 1] as number;
      let slot = Math.imul(hash, 0x9e3779b1) >>> this.shift;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = s;
      slots[2 * slot + 1] = hash;
    }
    this.slots = slots;
  }

  /** Appends a code (from `codeOf` or `codeAt`), widening or growing the array when needed. */
  pushCode(code: number): void {
    this.set(this.length, code);
  }

  /**
   * Writes respondent `row`'s code (from `codeOf` or `codeAt`), widening or growing the array when needed; the
   * CSV reader writes a record's cells in place and writes them again when the record was cut by its chunk.
   */
  set(row: number, code: number): void {
    let codes = this.codes;
    if (row >= codes.length || code > this.limit) {
      const capacity = row >= codes.length ? Math.max(codes.length * 2, row + 1) : codes.length;
      const dictionarySize = Math.max(this.dictionary.length, code + 1);
      const wider = dictionarySize > 65_536 ? new Uint32Array(capacity) : dictionarySize > 256 ? new Uint16Array(capacity) : new Uint8Array(capacity);
      wider.set(codes.subarray(0, this.length));
      this.codes = codes = wider;
      this.limit = maxCode(wider);
    }
    codes[row] = code;
    if (row >= this.length) this.length = row + 1;
  }

  /** The finished column of the first `length` respondents (all those written, by default). */
  finish(length = this.length): ExportColumn {
    return { codes: this.codes.slice(0, length), dictionary: this.dictionary };
  }
}

/**
 * A copy of a value cut from a chunk of text. A slice of 13 characters or more may keep the whole chunk alive (the
 * engine shares the chunk's memory); appending and cutting one character makes a string of its own.
 */
function copyOf(value: string): string {
  return value.length < 13 ? value : `${value} `.slice(0, -1);
}

function maxCode(codes: ColumnCodes): number {
  return codes instanceof Uint8Array ? 255 : codes instanceof Uint16Array ? 65_535 : 4_294_967_295;
}

/**
 * The table of rows already in memory (the collector's JSON export, or rows built by a caller): columns are
 * the union of the rows' keys, a key missing from a row reads as `''`.
 *
 * @example
 * const table = tableFromRows([{ q_genre: 'feminin' }, { q_genre: 'masculin' }]);
 * table.columns.get('q_genre')?.dictionary; // ['feminin', 'masculin']
 */
export function tableFromRows(rows: readonly Row[]): ExportTable {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const name of Object.keys(row)) {
      if (!seen.has(name)) {
        seen.add(name);
        names.push(name);
      }
    }
  }
  const columns = new Map<string, ExportColumn>();
  for (const name of names) {
    const builder = new ColumnBuilder(rows.length);
    for (const row of rows) builder.pushCode(builder.codeOf(row[name] ?? ''));
    columns.set(name, builder.finish());
  }
  return { length: rows.length, columns };
}

/**
 * The rows of a table, one object per row (for small tables and tests; the analysis reads columns).
 *
 * @example
 * rowsOfTable(tableFromRows([{ a: '1' }])); // [{ a: '1' }]
 */
export function rowsOfTable(table: ExportTable): Record<string, string>[] {
  const rows: Record<string, string>[] = Array.from({ length: table.length }, () => ({}));
  for (const [name, column] of table.columns) {
    rows.forEach((row, i) => (row[name] = column.dictionary[column.codes[i] as number] as string));
  }
  for (const [name, column] of table.instants ?? []) rows.forEach((row, i) => (row[name] = instantText(column, i)));
  return rows;
}

/** One row of a table read in place: `at(i)` moves it to respondent i (see `rowView`). */
export interface RowView {
  /** The row: each column a getter reading respondent i's value; the same object for every i. */
  readonly row: Row;
  /** Moves the view to respondent i and returns the row. */
  at(i: number): Row;
}

/**
 * The analysis input as a table: itself when it is one, else its rows converted once (`tableFromRows`).
 *
 * @example
 * asTable([{ q_genre: 'feminin' }]).length; // 1
 */
export function asTable(data: readonly Row[] | ExportTable): ExportTable {
  return isTable(data) ? data : tableFromRows(data);
}

/**
 * A view that reads a table as rows, for the rules written on rows (`respondentFromRow`, `profileOf`…): one
 * object whose columns are getters on the current respondent, so no object is made per row. The row changes
 * when the view moves: read what you need before the next `at`.
 *
 * @example
 * const view = rowView(table);
 * for (let i = 0; i < table.length; i++) profiles[i] = profileOf(view.at(i));
 */
export function rowView(table: ExportTable): RowView {
  let current = 0;
  const proto: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [name, column] of table.columns) {
    const { codes, dictionary } = column;
    Object.defineProperty(proto, name, { enumerable: true, get: () => dictionary[codes[current] as number] });
  }
  for (const [name, column] of table.instants ?? []) {
    Object.defineProperty(proto, name, { enumerable: true, get: () => instantText(column, current) });
  }
  const row = Object.create(proto) as Row;
  return {
    row,
    at(i: number): Row {
      current = i;
      return row;
    },
  };
}

/**
 * The rows `members` of a table, as a table of their own (codes gathered, dictionaries shared).
 *
 * @example
 * const kept = subTable(table, Int32Array.of(0, 2));
 */
export function subTable(table: ExportTable, members: Int32Array): ExportTable {
  if (members.length === table.length) return table;
  const gather = (column: ExportColumn): ExportColumn => {
    const codes = new (column.codes.constructor as new (length: number) => ColumnCodes)(members.length);
    for (let k = 0; k < members.length; k++) codes[k] = column.codes[members[k] as number] as number;
    return { codes, dictionary: column.dictionary };
  };
  const columns = new Map<string, ExportColumn>();
  for (const [name, column] of table.columns) columns.set(name, gather(column));
  if (!table.instants) return { length: members.length, columns };
  const instants = new Map<string, InstantColumn>();
  for (const [name, column] of table.instants) {
    const times = new Float64Array(members.length);
    for (let k = 0; k < members.length; k++) times[k] = column.times[members[k] as number] as number;
    instants.set(name, { times, written: gather(column.written) });
  }
  return { length: members.length, columns, instants };
}
