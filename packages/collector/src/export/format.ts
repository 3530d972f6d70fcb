/**
 * Serialising the export so every value stays data: CSV cells cannot become spreadsheet
 * formulas, JSON text cannot become markup.
 */
import type { ExportTable } from './rows.js';

/** Cells a spreadsheet would read as a formula (or that hide one behind a control character). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 CSV (CRLF, quotes doubled), each cell starting with `=`, `+`, `-`, `@`, tab or carriage
 * return prefixed with `'`.
 *
 * @example
 * toCsv({ columns: ['a'], rows: [{ a: '=1+1' }] }); // "a\r\n'=1+1\r\n"
 */
export function toCsv(table: ExportTable): string {
  return [table.columns, ...table.rows.map((row) => table.columns.map((column) => row[column] ?? ''))].map(csvLine).join('');
}

/**
 * One CSV line (with its CRLF) of cells, each made safe by `csvCell`.
 *
 * @example
 * csvLine(['a', '=1']); // "a,'=1\r\n"
 */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The rows as a JSON array of objects (columns in order), with `<`, `>` and `&` escaped so the
 * text is inert even if someone pastes it into a page.
 *
 * @example
 * toJson({ columns: ['a'], rows: [{ a: '<b>' }] }); // '[{"a":"\\u003cb\\u003e"}]'
 */
export function toJson(table: ExportTable): string {
  return `[${table.rows.map((row) => jsonRow(table.columns, row)).join(',')}]`;
}

/**
 * One row as an inert JSON object, its keys in column order (see `toJson`).
 *
 * @example
 * jsonRow(['a'], { a: '<b>' }); // '{"a":"\\u003cb\\u003e"}'
 */
export function jsonRow(columns: readonly string[], row: Readonly<Record<string, string>>): string {
  const ordered = Object.fromEntries(columns.map((column) => [column, row[column] ?? '']));
  return JSON.stringify(ordered).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
