/**
 * The one way an export is answered (docs/collector.md, "Export"): a dated attachment, streamed
 * whole or one page with `X-Next-Cursor`, and written to the audit log with its row count. Used by
 * the survey's export and the adaptive tests'.
 */
import type { Context } from 'hono';
import { tablePage, tableStream, type ExportFormat } from '../export/stream.js';
import type { SessionKey } from '../store/types.js';
import { audit } from './audit.js';
import type { RouteContext } from './context.js';

export interface ExportAnswer {
  /** The file name before its date: `observatoire-export`. */
  file: string;
  /** The audit action; a stream the client stops is logged as `<action>_cancelled`. */
  action: string;
  format: ExportFormat;
  /** Rows per page; without it the whole export is streamed. */
  limit: number | undefined;
  columns: readonly string[];
  rows: AsyncGenerator<{ key: SessionKey; row: Record<string, string> }>;
}

/**
 * @example
 * return exportResponse(c, ctx, { file: 'observatoire-export', action: 'export', format: 'csv', limit: undefined, columns, rows });
 */
export async function exportResponse(c: Context, ctx: RouteContext, answer: ExportAnswer): Promise<Response> {
  const { file, action, format, limit, columns, rows } = answer;
  const stamp = new Date(ctx.now()).toISOString().slice(0, 10);
  const target = new URL(c.req.url).search || null;
  c.header('Content-Disposition', `attachment; filename="${file}-${stamp}.${format}"`);
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
  if (limit === undefined) {
    const onEnd = (sent: number, complete: boolean) => audit(ctx, c, complete ? action : `${action}_cancelled`, target, sent);
    return c.body(tableStream(columns, rows, format, onEnd), 200, { 'Content-Type': type });
  }
  const page = await tablePage(columns, rows, format, limit);
  await audit(ctx, c, action, target, page.rows);
  if (page.next) c.header('X-Next-Cursor', page.next);
  return c.body(page.body, 200, { 'Content-Type': type });
}
