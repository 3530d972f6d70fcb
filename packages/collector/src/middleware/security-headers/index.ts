/**
 * Every response is data for a script, never a page: no sniffing, no rendering, no caching.
 * Text that a participant typed (`<script>…`) stays inert even if a browser opens the URL.
 */
import type { MiddlewareHandler } from 'hono';

/**
 * @example
 * app.use('*', securityHeaders());
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
  };
}
