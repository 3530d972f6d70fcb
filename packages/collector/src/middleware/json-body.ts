/**
 * The request's JSON body for a middleware that looks into it before the route does, or `NOT_JSON`
 * when it is not JSON: the route then refuses it with its own 400 (docs/collector.md, "Bad input").
 * Hono keeps the parsed body, so reading it here costs no second parse.
 */
import type { Context } from 'hono';

export const NOT_JSON = Symbol('not JSON');

/**
 * @example
 * const body = await jsonBodyOf(c);
 * if (body === NOT_JSON) return next();
 */
export async function jsonBodyOf(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch (error) {
    // Anything but a parse error (e.g. the body limit) is not the client's JSON's fault.
    if (!(error instanceof SyntaxError)) throw error;
    return NOT_JSON;
  }
}
