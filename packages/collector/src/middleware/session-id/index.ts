/**
 * The `:id` of `/v1/sessions/:id…` is checked before any query, with the same rule as a
 * client-made session id: a malformed id never reaches the database (docs/collector.md, "Bad input").
 */
import type { MiddlewareHandler } from 'hono';
import { invalidRequest } from '../../api/errors.js';
import { ClientId } from '@observatoire/core/api';

/**
 * 400 `invalid_request` on path `id` when the session id is not a client id.
 *
 * @example
 * app.use('/v1/sessions/:id/*', checkSessionId());
 */
export function checkSessionId(): MiddlewareHandler {
  return async (c, next) => {
    const id = c.req.param('id');
    if (id !== undefined && !ClientId.safeParse(id).success)
      return invalidRequest(c, [{ path: 'id', message: 'must be 1 to 128 letters, digits, "_", "-", "." or ":"' }]);
    return next();
  };
}
