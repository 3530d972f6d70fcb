/** Admin routes (export, erasure) need `Authorization: Bearer <ADMIN_TOKEN>`. */
import type { MiddlewareHandler } from 'hono';
import { errorResponse } from '../../api/errors.js';
import { bearerToken, hashToken, sameHash } from '../../token.js';

/**
 * Without a configured admin token the admin routes are closed (403), never open.
 *
 * @example
 * app.get('/v1/export', requireAdmin(process.env.ADMIN_TOKEN), exportHandler);
 */
export function requireAdmin(adminToken: string | undefined): MiddlewareHandler {
  const expected = adminToken ? hashToken(adminToken) : null;
  return async (c, next) => {
    if (!expected) return errorResponse(c, 403, 'admin_disabled', 'No admin token is configured on this collector (ADMIN_TOKEN).');
    const given = bearerToken(c.req.header('Authorization'));
    if (!given) return errorResponse(c, 401, 'missing_token', 'Send the admin token as "Authorization: Bearer <token>".');
    if (!sameHash(await hashToken(given), await expected)) return errorResponse(c, 403, 'forbidden', 'Wrong admin token.');
    await next();
  };
}
