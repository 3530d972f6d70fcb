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
 * An array for the codes of a column whose dictionary holds `size` values: the narrowest of `ColumnCodes`.
 *
 * @example
 * codesFor(300, 10); // Uint16Array(10)
 */
export function codesFor(size: number, length: number): ColumnCodes {
  return size > 65_536 ? new Uint32Array(length) : size > 256 ? new Uint16Array(length) : new Uint8Array(length);
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
    const index = new Map<string, number>();
    const dictionary: string[] = [];
    const all = rows.map((row) => {
      const value = row[name] ?? '';
      let code = index.get(value);
      if (code === undefined) {
        code = dictionary.push(value) - 1;
        index.set(value, code);
      }
      return code;
    });
    const codes = codesFor(dictionary.length, rows.length);
    codes.set(all);
    columns.set(name, { codes, dictionary });
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
