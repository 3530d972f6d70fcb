/**
 * API keys (docs/collector.md, "Access"): created, listed and revoked by an admin key. A key is
 * shown once, in the creation's response; the store keeps its SHA-256.
 */
import { parseTerritory } from '@observatoire/core/analysis';
import { CreateApiKeyBody, newToken, type KeyRole } from '@observatoire/core/api';
import type { Hono, MiddlewareHandler } from 'hono';
import { errorResponse, invalidRequest } from '../api/errors.js';
import type { ApiKeyRecord } from '../store/types.js';
import { hashToken } from '../token.js';
import { audit } from './audit.js';
import { readBody, type RouteContext } from './context.js';

/**
 * A new key: `obs_` and 32 random bytes in base64url (256 bits: a SHA-256 of it is enough to keep).
 *
 * @example
 * newApiKey(); // 'obs_Xo3…' (47 characters)
 */
export function newApiKey(): string {
  return `obs_${newToken()}`;
}

export function keyRoutes(app: Hono, ctx: RouteContext, keys: (...roles: KeyRole[]) => MiddlewareHandler): void {
  const structures = ctx.store.structures;

  app.post('/v1/keys', keys('admin'), async (c) => {
    const body = await readBody(c, CreateApiKeyBody);
    if (!body.ok) return body.response;
    const { role, organisation, territory, label } = body.data;
    if (role === 'structure' && organisation === undefined) return invalidRequest(c, [{ path: 'organisation', message: 'is required for a structure key' }]);
    if (role === 'territory' && territory === undefined) return invalidRequest(c, [{ path: 'territory', message: 'is required for a territory key (dep:35 or region:53)' }]);
    if (role !== 'structure' && organisation !== undefined) return invalidRequest(c, [{ path: 'organisation', message: 'is only for a structure key' }]);
    if (role !== 'territory' && territory !== undefined) return invalidRequest(c, [{ path: 'territory', message: 'is only for a territory key' }]);
    if (organisation !== undefined && !(await structures.getOrganisation(organisation)))
      return errorResponse(c, 404, 'organisation_unknown', `No organisation "${organisation}": create it first.`);
    const key = newApiKey();
    const record: ApiKeyRecord = {
      id: `key_${crypto.randomUUID().slice(0, 8)}`,
      keyHash: await hashToken(key),
      role,
      organisation: organisation ?? null,
      // Stored as written (`dep:35`), read back with `parseTerritory`.
      territory: territory === undefined ? null : `${parseTerritory(territory).kind === 'department' ? 'dep' : 'region'}:${parseTerritory(territory).code}`,
      label,
      createdAt: ctx.now(),
      revokedAt: null,
    };
    await structures.createApiKey(record);
    await audit(ctx, c, 'key_create', record.id);
    c.header('Cache-Control', 'no-store');
    return c.json({ ...keyView(record), key }, 201);
  });

  app.get('/v1/keys', keys('admin'), async (c) => c.json((await structures.listApiKeys()).map(keyView)));

  app.delete('/v1/keys/:keyId', keys('admin'), async (c) => {
    const id = c.req.param('keyId');
    if (!(await structures.revokeApiKey(id, ctx.now()))) return errorResponse(c, 404, 'not_found', `No API key "${id}".`);
    await audit(ctx, c, 'key_revoke', id);
    return c.body(null, 204);
  });
}

/** A key as listed: never its hash. */
function keyView(record: ApiKeyRecord) {
  const { keyHash: _hash, ...view } = record;
  return view;
}
