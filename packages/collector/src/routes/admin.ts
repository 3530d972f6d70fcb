/**
 * The analysts' side: the export (docs/export-format.md) and erasure of a session (right to
 * erasure). The export is open to every key within its scope (docs/collector.md, "Access");
 * erasure to admin keys only. Both are written to the audit log.
 */
import type { KeyRole } from '@observatoire/core/api';
import type { Hono, MiddlewareHandler } from 'hono';
import { errorResponse, invalidRequest } from '../api/errors.js';
import { exportColumns } from '../export/rows.js';
import { exportRows, parseExportQuery } from '../export/stream.js';
import { scopedFilter } from '../scope.js';
import { audit } from './audit.js';
import type { RouteContext } from './context.js';
import { exportResponse } from './export-response.js';

export function adminRoutes(app: Hono, ctx: RouteContext, keys: (...roles: KeyRole[]) => MiddlewareHandler): void {
  app.get('/v1/export', keys('admin', 'structure', 'territory'), async (c) => {
    const parsed = parseExportQuery(c.req.query());
    if (!parsed.ok) return invalidRequest(c, parsed.issues);
    const principal = c.get('principal');
    const query = { ...parsed.query, filter: scopedFilter(principal, parsed.query.filter), ...(principal.territory ? { scope: principal.territory } : {}) };
    const rows = exportRows(ctx.store, ctx.surveys, query.filter, [query.territory, query.scope]);
    return exportResponse(c, ctx, { file: 'observatoire-export', action: 'export', format: query.format, limit: query.limit, columns: exportColumns(ctx.surveys), rows });
  });

  app.delete('/v1/sessions/:id', keys('admin'), async (c) => {
    const id = c.req.param('id');
    const erased = await ctx.store.deleteSession(id, ctx.now());
    await audit(ctx, c, 'erase', id);
    if (!erased) return errorResponse(c, 404, 'session_not_found', `No session "${id}" (its id is refused from now on all the same).`);
    return c.body(null, 204);
  });
}
