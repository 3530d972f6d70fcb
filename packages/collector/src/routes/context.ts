/** What every route needs, built once by `createApp`. */
import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { errorResponse, invalidRequest, issuesOf } from '../api/errors.js';
import type { SurveyIndex } from '../definitions.js';
import type { SessionCache } from '../session-cache.js';
import type { SessionHead, Store } from '../store/types.js';
import type { AdaptiveSessionData } from '../store/adaptive-types.js';
import type { BankIndex } from '../banks.js';
import { SESSION_WINDOW_MS } from '../limits.js';
import { bearerToken, hashToken, sameHash } from '../token.js';

export interface RouteContext {
  store: Store;
  /** Sessions verified open by the answer route (see `SessionCache`). */
  openSessions?: SessionCache;
  surveys: SurveyIndex;
  /** The adaptive item banks, by id and version. */
  banks: BankIndex;
  /** Epoch milliseconds. */
  now: () => number;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Read the JSON body and validate it; a bad body becomes the 400 response to send. */
export async function readBody<T extends z.ZodMiniType>(c: Context, schema: T): Promise<Parsed<z.output<T>>> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch (error) {
    // Anything but a parse error (e.g. the body limit) is not the client's JSON's fault.
    if (!(error instanceof SyntaxError)) throw error;
    return { ok: false, response: invalidRequest(c, [{ path: '', message: 'the body must be JSON' }]) };
  }
  // `reportInput` lets a message tell a missing field from a wrong type (the input is never echoed).
  const result = schema.safeParse(json, { reportInput: true });
  if (!result.success) return { ok: false, response: invalidRequest(c, issuesOf(result.error)) };
  return { ok: true, data: result.data as z.output<T> };
}

/**
 * The session named in the path, if the bearer token is its own: 401 without a token, 403 with a
 * token that does not open it, whether the id exists or not (a 404 would tell a stranger which ids
 * exist), 410 `session_erased` for an erased one, 403 `token_expired` once the session's window is over (`SESSION_WINDOW_MS`).
 */
export async function authorizeSession(c: Context, ctx: RouteContext, options: { cached?: boolean } = {}): Promise<Parsed<SessionHead>> {
  const token = bearerToken(c.req.header('Authorization'));
  if (!token) return { ok: false, response: missingToken(c) };
  const id = c.req.param('id') ?? '';
  // `cached`: the caller's write checks that the session is still open (see `SessionCache`).
  const cache = options.cached ? ctx.openSessions : undefined;
  let session = cache?.get(id, token);
  if (!session) {
    const stored = await ctx.store.getSession(id);
    const refused = await tokenRefusal(c, ctx, id, token, stored);
    if (refused || !stored) return { ok: false, response: refused ?? forbidden(c) };
    cache?.remember(stored, token);
    session = stored;
  }
  return admit(c, ctx, session);
}

/**
 * The same rules for an adaptive session (`/v1/adaptive-sessions/:id/…`), loaded with its answers
 * (the routes re-run the test from them).
 */
export async function authorizeAdaptiveSession(c: Context, ctx: RouteContext): Promise<Parsed<AdaptiveSessionData>> {
  const token = bearerToken(c.req.header('Authorization'));
  if (!token) return { ok: false, response: missingToken(c) };
  const id = c.req.param('id') ?? '';
  const stored = await ctx.store.getAdaptiveSessionData(id);
  const refused = await tokenRefusal(c, ctx, id, token, stored?.session ?? null);
  if (refused || !stored) return { ok: false, response: refused ?? forbidden(c) };
  const admitted = await admit(c, ctx, stored.session);
  return admitted.ok ? { ok: true, data: stored } : admitted;
}

function missingToken(c: Context): Response {
  return errorResponse(c, 401, 'missing_token', 'Send the session token as "Authorization: Bearer <token>".');
}

function forbidden(c: Context): Response {
  return errorResponse(c, 403, 'forbidden', 'This token does not open this session.');
}

/** 410 for an erased id, 403 for a token that does not open the stored session (or no session); null when it does. */
async function tokenRefusal(c: Context, ctx: RouteContext, id: string, token: string, stored: { tokenHash: string } | null): Promise<Response | null> {
  if (!stored && (await ctx.store.isErased(id))) return sessionErased(c);
  if (!stored || !sameHash(await hashToken(token), stored.tokenHash)) return forbidden(c);
  return null;
}

/** Once the token opened the session: its window, then its own rate-limit bucket. */
async function admit<T extends { id: string; receivedAt: number }>(c: Context, ctx: RouteContext, session: T): Promise<Parsed<T>> {
  if (ctx.now() - session.receivedAt > SESSION_WINDOW_MS)
    return { ok: false, response: errorResponse(c, 403, 'token_expired', 'This session is closed: its collection window is over.') };
  // Only now is the request known to be this session's: charge its own rate-limit bucket.
  const limited = await c.get('sessionLimit')?.(c, session.id);
  if (limited) return { ok: false, response: limited };
  return { ok: true, data: session };
}

/** 410: the session was erased; an outbox must drop what it still holds for it. */
export function sessionErased(c: Context): Response {
  return errorResponse(c, 410, 'session_erased', 'This session was erased: it takes nothing more.');
}
