/**
 * The audit log (docs/collector.md, "Access"): every admin and export action, who (the key id, or
 * `admin-token`), what, when and how many rows. `GET /v1/audit` reads it, for admin keys only.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { KeyRole } from '@observatoire/core/api';
import { invalidRequest } from '../api/errors.js';
import type { RouteContext } from './context.js';

/** Largest page of `GET /v1/audit`. */
const MAX_AUDIT_PAGE = 1000;

/**
 * Write one entry for the request's principal (set by `keyAuth`).
 *
 * @example
 * await audit(ctx, c, 'erase', sessionId);
 */
export async function audit(ctx: RouteContext, c: Context, action: string, target: string | null, rows: number | null = null): Promise<void> {
  await ctx.store.structures.addAudit({ at: ctx.now(), actor: c.get('principal').actor, action, target, rows });
}

/**
 * Registers `GET /v1/audit?limit=100&before=<id>`: newest first; `X-Next-Cursor` holds the `before`
 * of the next page.
 *
 * @example
 * auditRoutes(app, ctx, keyAuth({ adminToken, store }));
 */
export function auditRoutes(app: Hono, ctx: RouteContext, keys: (...roles: KeyRole[]) => MiddlewareHandler): void {
  app.get('/v1/audit', keys('admin'), async (c) => {
    const limitText = c.req.query('limit') ?? '100';
    const beforeText = c.req.query('before');
    const limit = /^\d{1,4}$/.test(limitText) ? Number(limitText) : NaN;
    const issues = [];
    if (!(limit >= 1 && limit <= MAX_AUDIT_PAGE)) issues.push({ path: 'limit', message: `must be a whole number from 1 to ${MAX_AUDIT_PAGE}` });
    if (beforeText !== undefined && !/^\d{1,15}$/.test(beforeText)) issues.push({ path: 'before', message: 'must be the X-Next-Cursor of a previous page' });
    if (issues.length > 0) return invalidRequest(c, issues);
    const entries = await ctx.store.structures.listAudit(limit, beforeText === undefined ? undefined : Number(beforeText));
    const last = entries.at(-1);
    if (entries.length === limit && last?.id !== undefined) c.header('X-Next-Cursor', String(last.id));
    c.header('Cache-Control', 'no-store');
    return c.json(entries.map(({ id: _id, ...entry }) => entry));
  });
}
