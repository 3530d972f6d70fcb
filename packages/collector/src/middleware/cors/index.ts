/**
 * CORS for the host sites listed in `ALLOWED_ORIGINS`. Other origins get no CORS header, so
 * their pages cannot read the responses. `*` allows every origin (mock mode, demos).
 */
import { cors } from 'hono/cors';
import type { MiddlewareHandler } from 'hono';

/**
 * @example
 * app.use('*', allowOrigins(['https://coop-numerique.anct.gouv.fr']));
 */
export function allowOrigins(origins: readonly string[]): MiddlewareHandler {
  const any = origins.includes('*');
  const allowed = new Set(origins.map((origin) => origin.replace(/\/+$/, '')));
  return cors({
    origin: (origin) => (any ? '*' : allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization', 'If-None-Match'],
    exposeHeaders: ['Retry-After', 'X-Next-Cursor', 'X-Request-Id', 'ETag'],
    maxAge: 600,
  });
}
