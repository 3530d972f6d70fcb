/**
 * The analysts' side: the export (docs/export-format.md) and erasure of a session (right to
 * erasure). Both behind the admin token.
 */
import type { Hono } from 'hono';
import { errorResponse, invalidRequest } from '../api/errors.js';
import { ExportFormat } from '../api/schemas.js';
import { toCsv, toJson } from '../export/format.js';
import { exportTable } from '../export/rows.js';
import { requireAdmin } from '../middleware/admin-auth/index.js';
import type { RouteContext } from './context.js';

export function adminRoutes(app: Hono, ctx: RouteContext, adminToken: string | undefined): void {
  const admin = requireAdmin(adminToken);

  app.get('/v1/export', admin, async (c) => {
    const format = ExportFormat.safeParse(c.req.query('format') ?? 'csv');
    if (!format.success) return invalidRequest(c, [{ path: 'format', message: 'must be "csv" or "json"' }]);
    const table = exportTable(await ctx.store.listSessionData(), ctx.surveys);
    const stamp = new Date(ctx.now()).toISOString().slice(0, 10);
    c.header('Content-Disposition', `attachment; filename="observatoire-export-${stamp}.${format.data}"`);
    if (format.data === 'csv') return c.body(toCsv(table), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    return c.body(toJson(table), 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  // GET /v1/report (buildReport over the export) belongs here, behind the same `admin` check.

  app.delete('/v1/sessions/:id', admin, async (c) => {
    const id = c.req.param('id');
    if (!(await ctx.store.deleteSession(id, ctx.now()))) return errorResponse(c, 404, 'session_not_found', `No session "${id}" (its id is refused from now on all the same).`);
    return c.body(null, 204);
  });
}
