/**
 * Who calls a route that is not a participant's (docs/collector.md, "Access"): the bearer token is
 * the bootstrap `ADMIN_TOKEN` or an API key (kept as its SHA-256 in the store), with a role and a
 * scope. The route then reads `c.get('principal')`.
 */
import { parseTerritory, type TerritoryRef } from '@observatoire/core/analysis';
import type { KeyRole } from '@observatoire/core/api';
import type { MiddlewareHandler } from 'hono';
import { errorResponse } from '../../api/errors.js';
import type { Store } from '../../store/types.js';
import { bearerToken, hashToken, sameHash } from '../../token.js';

/** Whoever holds the key of a request, and what it may read. */
export interface Principal {
  /** The key's id, or `admin-token` for `ADMIN_TOKEN` (as written in the audit log). */
  actor: string;
  role: KeyRole;
  /** A `structure` key's organisation. */
  organisation: string | null;
  /** A `territory` key's department or region. */
  territory: TerritoryRef | null;
}

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal;
  }
}

/** The actor of the bootstrap secret in the audit log. */
export const ADMIN_TOKEN_ACTOR = 'admin-token';

/**
 * Lets the request through when its bearer token is the admin token or a live API key of one of
 * `roles`: 401 without a token, 403 `forbidden` for an unknown key or another role, 403
 * `key_revoked` for a revoked one, 403 `admin_disabled` when there is neither an admin token nor
 * such a key.
 *
 * @example
 * const keys = keyAuth({ adminToken: process.env.ADMIN_TOKEN, store });
 * app.delete('/v1/sessions/:id', keys('admin'), erase);
 * app.get('/v1/export', keys('admin', 'structure', 'territory'), exportHandler);
 */
export function keyAuth(options: { adminToken: string | undefined; store: Store }): (...roles: KeyRole[]) => MiddlewareHandler {
  const expected = options.adminToken ? hashToken(options.adminToken) : null;
  return (...roles) =>
    async (c, next) => {
      const given = bearerToken(c.req.header('Authorization'));
      if (!given) return errorResponse(c, 401, 'missing_token', 'Send the admin token or an API key as "Authorization: Bearer <key>".');
      const hash = await hashToken(given);
      let principal: Principal;
      if (expected && sameHash(hash, await expected)) principal = { actor: ADMIN_TOKEN_ACTOR, role: 'admin', organisation: null, territory: null };
      else {
        const key = await options.store.structures.findApiKey(hash);
        if (!key) {
          if (!expected) return errorResponse(c, 403, 'admin_disabled', 'No admin token is configured on this collector (ADMIN_TOKEN) and this is not an API key.');
          return errorResponse(c, 403, 'forbidden', 'Unknown key: send the admin token or an API key.');
        }
        if (key.revokedAt !== null) return errorResponse(c, 403, 'key_revoked', 'This API key was revoked: ask an administrator for a new one.');
        principal = { actor: key.id, role: key.role, organisation: key.organisation, territory: key.territory ? parseTerritory(key.territory) : null };
      }
      if (!roles.includes(principal.role))
        return errorResponse(c, 403, 'forbidden', `A ${principal.role} key cannot do this (it needs a ${roles.join(' or ')} key).`);
      c.set('principal', principal);
      await next();
    };
}
