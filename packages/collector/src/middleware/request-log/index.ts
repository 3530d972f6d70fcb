/**
 * One JSON line per request (request id, method, route pattern, status, duration) and one per
 * unexpected error, never with the request's body, headers, address or concrete path: the route
 * pattern (`/v1/sessions/:id/answers`) names no session (docs/collector.md, "Logs").
 */
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
  }
}

export interface RequestLine {
  level: 'info';
  time: string;
  requestId: string;
  method: string;
  route: string;
  status: number;
  durationMs: number;
}

export interface ErrorLine {
  level: 'error';
  time: string;
  requestId: string;
  method: string;
  route: string;
  /** The error's class and message, on one line, at most 300 characters. */
  error: string;
}

export type LogLine = RequestLine | ErrorLine;

/** Where log lines go; the Node server writes them to stdout as JSON. */
export type LogSink = (line: LogLine) => void;

/**
 * Gives each request an id (`X-Request-Id` on the response) and logs it once answered.
 *
 * @example
 * app.use('*', requestLog((line) => console.log(JSON.stringify(line))));
 */
export function requestLog(log: LogSink | undefined, now: () => number = Date.now): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const requestId = crypto.randomUUID();
    c.set('requestId', requestId);
    await next();
    c.header('X-Request-Id', requestId);
    log?.({
      level: 'info',
      time: new Date(now()).toISOString(),
      requestId,
      method: c.req.method,
      route: routeOf(c),
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}

/**
 * The error line of an unexpected failure: its class and first line of message, without stack or data.
 *
 * @example
 * app.onError((error, c) => { sink(errorLine(c, error)); return errorResponse(c, 500, 'internal_error'); });
 */
export function errorLine(c: Context, error: unknown, now: () => number = Date.now): ErrorLine {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    level: 'error',
    time: new Date(now()).toISOString(),
    requestId: c.get('requestId') ?? '',
    method: c.req.method,
    route: routeOf(c),
    error: text.replace(/\s+/g, ' ').slice(0, 300),
  };
}

/** The last matched route pattern (`/v1/sessions/:id/answers`): never the concrete path, which holds ids. */
export function routeOf(c: Context): string {
  const pattern = routePath(c, -1);
  return pattern && pattern !== '*' && pattern !== '/*' ? pattern : '(unmatched)';
}
