/**
 * The analysts' side: the export (docs/export-format.md) and erasure of a session (right to
 * erasure). Both behind the admin token.
 */
import type { Hono } from 'hono';
import { errorResponse, invalidRequest } from '../api/errors.js';
import { exportPage, exportStream, parseExportQuery } from '../export/stream.js';
import { requireAdmin } from '../middleware/admin-auth/index.js';
import type { RouteContext } from './context.js';

export function adminRoutes(app: Hono, ctx: RouteContext, adminToken: string | undefined): void {
  const admin = requireAdmin(adminToken);

  app.get('/v1/export', admin, async (c) => {
    const parsed = parseExportQuery(c.req.query());
    if (!parsed.ok) return invalidRequest(c, parsed.issues);
    const { query } = parsed;
    const stamp = new Date(ctx.now()).toISOString().slice(0, 10);
    c.header('Content-Disposition', `attachment; filename="observatoire-export-${stamp}.${query.format}"`);
    const type = query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
    if (query.limit === undefined) return c.body(exportStream(ctx.store, ctx.surveys, query), 200, { 'Content-Type': type });
    const page = await exportPage(ctx.store, ctx.surveys, { ...query, limit: query.limit });
    if (page.next) c.header('X-Next-Cursor', page.next);
    return c.body(page.body, 200, { 'Content-Type': type });
  });

  // GET /v1/report (buildReport over the export) belongs here, behind the same `admin` check.

  app.delete('/v1/sessions/:id', admin, async (c) => {
    const id = c.req.param('id');
    if (!(await ctx.store.deleteSession(id, ctx.now()))) return errorResponse(c, 404, 'session_not_found', `No session "${id}" (its id is refused from now on all the same).`);
    return c.body(null, 204);
  });
}
