/**
 * The export streamed from the store page by page (docs/collector.md, "Export"): memory stays the
 * same for 100 or 100,000 sessions. Filters narrow it; `limit` and `after` page through it.
 */
import { parseTerritory, ReportError, type TerritoryRef } from '@observatoire/core/analysis';
import type { RequestIssue } from '../api/errors.js';
import type { SurveyIndex } from '../definitions.js';
import type { SessionFilter, SessionKey, Store } from '../store/types.js';
import { csvLine, jsonRow } from './format.js';
import { exportColumns, exportRowOf } from './rows.js';

export type ExportFormat = 'csv' | 'json';

export interface ExportQuery {
  format: ExportFormat;
  filter: SessionFilter;
  /** Keeps the rows whose department, region, EPCI or organisation is this one. */
  territory?: TerritoryRef;
  /** Keeps only the rows of this territory too (a `territory` key's own). */
  scope?: TerritoryRef;
  /** Rows per page; without it, every row in one response. */
  limit?: number;
}

/** Largest page of `limit`. */
export const MAX_PAGE = 10_000;

/**
 * Read `format`, `organisation`, `campaign`, `territory` (`dep:35`…), `from` and `to` (ISO dates on the session's
 * start, `to` excluded), `limit` and `after` (the cursor of the previous page).
 *
 * @example
 * parseExportQuery({ format: 'json', territory: 'dep:35', limit: '500' });
 * // { ok: true, query: { format: 'json', filter: {}, territory: { kind: 'department', code: '35' }, limit: 500 } }
 */
export function parseExportQuery(params: Readonly<Record<string, string>>): { ok: true; query: ExportQuery } | { ok: false; issues: RequestIssue[] } {
  const issues: RequestIssue[] = [];
  const format = params['format'] ?? 'csv';
  if (format !== 'csv' && format !== 'json') issues.push({ path: 'format', message: 'must be "csv" or "json"' });
  const filter: SessionFilter = {};
  if (params['organisation'] !== undefined) filter.organisation = params['organisation'];
  if (params['campaign'] !== undefined) {
    if (/^[A-Za-z0-9]{3}-[A-Za-z0-9]{3}$/.test(params['campaign'])) filter.campaign = params['campaign'].toUpperCase();
    else issues.push({ path: 'campaign', message: 'must be a campaign code such as ABC-234' });
  }
  for (const [name, key] of [['from', 'startedFrom'], ['to', 'startedBefore']] as const) {
    const value = params[name];
    if (value === undefined) continue;
    const at = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value) ? Date.parse(value) : NaN;
    if (Number.isNaN(at)) issues.push({ path: name, message: 'must be an ISO date (2025-05-12) or date-time (2025-05-12T09:00:00Z)' });
    else filter[key] = at;
  }
  let territory: TerritoryRef | undefined;
  if (params['territory'] !== undefined && params['territory'] !== '') {
    try {
      territory = parseTerritory(params['territory']);
    } catch (error) {
      if (!(error instanceof ReportError)) throw error;
      issues.push({ path: 'territory', message: 'must be dep:<code>, region:<code>, epci:<SIREN> or org:<code>' });
    }
  }
  let limit: number | undefined;
  if (params['limit'] !== undefined) {
    limit = /^\d{1,5}$/.test(params['limit']) ? Number(params['limit']) : NaN;
    if (!(limit >= 1 && limit <= MAX_PAGE)) issues.push({ path: 'limit', message: `must be a whole number from 1 to ${MAX_PAGE}` });
  }
  if (params['after'] !== undefined) {
    const after = decodeCursor(params['after']);
    if (after) filter.after = after;
    else issues.push({ path: 'after', message: 'must be the cursor of a previous page (the X-Next-Cursor header)' });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, query: { format: format as ExportFormat, filter, ...(territory ? { territory } : {}), ...(limit ? { limit } : {}) } };
}

/**
 * The export rows of the sessions `filter` selects, one at a time, each with its place in the order.
 *
 * @example
 * for await (const { row } of exportRows(store, surveys, {})) console.log(row['session_id']);
 */
export async function* exportRows(
  store: Store,
  surveys: SurveyIndex,
  filter: SessionFilter,
  territories: readonly (TerritoryRef | undefined)[] = [],
): AsyncGenerator<{ key: SessionKey; row: Record<string, string> }> {
  const columns = exportColumns(surveys);
  async function* all() {
    for await (const data of store.streamSessionData(filter))
      yield { key: { receivedAt: data.session.receivedAt, id: data.session.id }, row: exportRowOf(data, surveys, columns) };
  }
  yield* withinTerritories(all(), territories);
}

/**
 * The rows that lie in every one of `territories` (`undefined` ones ignored): a row without the
 * territory's column (an adaptive test's) lies in none.
 *
 * @example
 * const rows = withinTerritories(adaptiveExportRows(store, banks, {}), [principal.territory ?? undefined]);
 */
export async function* withinTerritories<T extends { row: Record<string, string> }>(
  rows: AsyncIterable<T>,
  territories: readonly (TerritoryRef | undefined)[],
): AsyncGenerator<T> {
  // The kinds (department, region, epci, organisation) are the export's column names.
  for await (const item of rows) if (!territories.some((territory) => territory && item.row[territory.kind] !== territory.code)) yield item;
}

/**
 * Rows as one streamed body (CSV with its header line, or a JSON array), pulled only as fast as the
 * client reads: the survey's export and the adaptive tests' (`adaptive.ts`). `onEnd` learns how many
 * rows were sent, before the body ends (`complete`) or once the client went away.
 *
 * @example
 * return c.body(tableStream(columns, rows, 'csv'), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
 */
export function tableStream(
  columns: readonly string[],
  rows: AsyncGenerator<{ row: Record<string, string> }>,
  format: ExportFormat,
  onEnd: (rows: number, complete: boolean) => Promise<void> = async () => {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let first = true;
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const opening = first ? (format === 'csv' ? csvLine(columns) : '[') : '';
      const next = await rows.next();
      if (next.done) {
        // Recorded before the last bytes leave: a client holding the whole body finds it in the audit log.
        await onEnd(sent, true);
        controller.enqueue(encoder.encode(`${opening}${format === 'json' ? ']' : ''}`));
        controller.close();
        return;
      }
      sent += 1;
      const line = format === 'csv' ? csvLine(columns.map((c) => next.value.row[c] ?? '')) : `${first ? '' : ','}${jsonRow(columns, next.value.row)}`;
      first = false;
      controller.enqueue(encoder.encode(opening + line));
    },
    async cancel() {
      await rows.return(undefined);
      await onEnd(sent, false);
    },
  }, { highWaterMark: 16 });
}

/**
 * One page of at most `limit` rows (held in memory: a page is bounded), the cursor of the next
 * page (`null` after the last) and how many rows it holds.
 *
 * @example
 * const { body, next } = await tablePage(columns, rows, 'json', 500);
 */
export async function tablePage(
  columns: readonly string[],
  rows: AsyncGenerator<{ key: SessionKey; row: Record<string, string> }>,
  format: ExportFormat,
  limit: number,
): Promise<{ body: string; next: string | null; rows: number }> {
  const lines: string[] = [];
  let last: SessionKey | undefined;
  let more = false;
  for await (const { key, row } of rows) {
    if (lines.length === limit) {
      more = true;
      break;
    }
    lines.push(format === 'csv' ? csvLine(columns.map((c) => row[c] ?? '')) : jsonRow(columns, row));
    last = key;
  }
  const body = format === 'csv' ? csvLine(columns) + lines.join('') : `[${lines.join(',')}]`;
  return { body, next: more && last ? encodeCursor(last) : null, rows: lines.length };
}

/** Every row of the export, for the report (rows only: the stored sessions are never all in memory). */
export async function allExportRows(store: Store, surveys: SurveyIndex, filter: SessionFilter = {}): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  for await (const { row } of exportRows(store, surveys, filter)) rows.push(row);
  return rows;
}

export function encodeCursor(key: SessionKey): string {
  return btoa(JSON.stringify([key.receivedAt, key.id])).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(cursor: string): SessionKey | null {
  try {
    const value: unknown = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')));
    if (Array.isArray(value) && value.length === 2 && Number.isSafeInteger(value[0]) && typeof value[1] === 'string')
      return { receivedAt: value[0] as number, id: value[1] };
  } catch {
    // not base64 or not JSON: refused below
  }
  return null;
}
