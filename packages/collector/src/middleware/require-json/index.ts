/**
 * Bodies must say they are JSON. A `text/plain` POST is a "simple" request that any web page can
 * send without a CORS preflight; requiring `application/json` makes the browser ask first, so only
 * the origins of `ALLOWED_ORIGINS` can write (docs/collector.md, "Bad input").
 */
import type { MiddlewareHandler } from 'hono';
import { errorResponse } from '../../api/errors.js';

/**
 * 415 `unsupported_media_type` for a POST, PUT or PATCH whose `Content-Type` is not `application/json`.
 *
 * @example
 * app.use('/v1/*', requireJson());
 */
export function requireJson(): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    if ((method === 'POST' || method === 'PUT' || method === 'PATCH') && !/^application\/json\s*(;|$)/i.test(c.req.header('Content-Type') ?? ''))
      return errorResponse(c, 415, 'unsupported_media_type', 'Send the body as JSON, with "Content-Type: application/json".');
    return next();
  };
}
