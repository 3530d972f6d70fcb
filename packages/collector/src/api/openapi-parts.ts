/** Pieces shared by the OpenAPI document's parts (`openapi.ts`): bodies, errors, security. */
import * as z from 'zod/mini';
import * as S from '@observatoire/core/api';

export const json = (schema: z.ZodMiniType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } });
/** A response body of `schema`, as the route sends it. */
export const output = (schema: z.ZodMiniType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) } });
/** A `200` listing items of `schema`. */
export const list = (description: string, schema: z.ZodMiniType) => ({
  '200': { description, content: { 'application/json': { schema: { type: 'array', items: z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) } } } },
});
export const error = (description: string) => ({ description, content: json(S.ErrorBody) });
export const common = {
  '400': error('Invalid body: `{ error: "invalid_request", issues: [{ path, message }] }`'),
  '413': error('Body too large'),
  '415': error('The body is not sent as `application/json`'),
  '429': error('Rate limited (see `Retry-After`)'),
};
export const sessionAuth = {
  '401': error('No bearer token'),
  '403': error('The token does not open this session (or the session does not exist), or `token_expired`'),
  '410': error('The session was erased: final'),
};
export const keyErrors = { '401': error('No key'), '403': error('Unknown or revoked key (`key_revoked`), or out of its scope') };
export const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
export const bearer = [{ sessionToken: [] }];
export const admin = [{ adminToken: [] }];
