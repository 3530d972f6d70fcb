/**
 * The analysts' side: the export (docs/export-format.md) and erasure of a session (right to
 * erasure). The export is open to every key within its scope (docs/collector.md, "Access");
 * erasure to admin keys only. Both are written to the audit log.
 */
import type { KeyRole } from '@observatoire/core/api';
import type { Hono, MiddlewareHandler } from 'hono';
import { errorResponse, invalidRequest } from '../api/errors.js';
import { exportPage, exportStream, parseExportQuery } from '../export/stream.js';
import { scopedFilter } from '../scope.js';
import { audit } from './audit.js';
import type { RouteContext } from './context.js';

export function adminRoutes(app: Hono, ctx: RouteContext, keys: (...roles: KeyRole[]) => MiddlewareHandler): void {
  app.get('/v1/export', keys('admin', 'structure', 'territory'), async (c) => {
    const parsed = parseExportQuery(c.req.query());
    if (!parsed.ok) return invalidRequest(c, parsed.issues);
    const principal = c.get('principal');
    const query = { ...parsed.query, filter: scopedFilter(principal, parsed.query.filter), ...(principal.territory ? { scope: principal.territory } : {}) };
    const stamp = new Date(ctx.now()).toISOString().slice(0, 10);
    const target = new URL(c.req.url).search || null;
    c.header('Content-Disposition', `attachment; filename="observatoire-export-${stamp}.${query.format}"`);
    const type = query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
    if (query.limit === undefined) {
      const onEnd = (rows: number, complete: boolean) => audit(ctx, c, complete ? 'export' : 'export_cancelled', target, rows);
      return c.body(exportStream(ctx.store, ctx.surveys, query, onEnd), 200, { 'Content-Type': type });
    }
    const page = await exportPage(ctx.store, ctx.surveys, { ...query, limit: query.limit });
    await audit(ctx, c, 'export', target, page.rows);
    if (page.next) c.header('X-Next-Cursor', page.next);
    return c.body(page.body, 200, { 'Content-Type': type });
  });

  app.delete('/v1/sessions/:id', keys('admin'), async (c) => {
    const id = c.req.param('id');
    const erased = await ctx.store.deleteSession(id, ctx.now());
    await audit(ctx, c, 'erase', id);
    if (!erased) return errorResponse(c, 404, 'session_not_found', `No session "${id}" (its id is refused from now on all the same).`);
    return c.body(null, 204);
  });
}
