/** The OpenAPI paths of organisations, campaigns, API keys and the audit log, for `openapi.ts`. */
import * as z from 'zod/mini';
import * as S from '@observatoire/core/api';
import { admin, common, error, json, keyErrors, list, output } from './openapi-parts.js';

/**
 * Organisations, campaigns, API keys and the audit log (docs/collector.md, "Access").
 *
 * @example
 * const paths = { ...structurePaths() };
 */
export function structurePaths(): Record<string, unknown> {
  const created = (schema: z.ZodMiniType) => ({ description: 'Created', content: output(schema) });
  return {
    '/v1/organisations': {
      post: {
        summary: 'Create an organisation (admin)',
        security: admin,
        requestBody: { required: true, content: json(S.CreateOrganisationBody) },
        responses: { '201': created(S.Organisation), '409': error('`organisation_exists`'), ...keyErrors, ...common },
      },
      get: { summary: 'The organisations (admin: all; structure: its own)', security: admin, responses: { ...list('Organisations', S.Organisation), ...keyErrors } },
    },
    '/v1/campaigns': {
      post: {
        summary: "Create a campaign of an organisation; its short code is made by the collector (admin)",
        security: admin,
        requestBody: { required: true, content: json(S.CreateCampaignBody) },
        responses: { '201': created(S.Campaign), '404': error('`organisation_unknown`'), ...keyErrors, ...common },
      },
      get: { summary: 'The campaigns (admin: all; structure: its organisation\'s; territory: those of the organisations in its territory)', security: admin, responses: { ...list('Campaigns', S.Campaign), ...keyErrors } },
    },
    '/v1/campaigns/{code}/status': {
      get: {
        summary: 'Whether a campaign takes sessions now (no key: a survey page checks its code before the person starts)',
        parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'Open', content: { 'application/json': { schema: { type: 'object' } } } },
          '404': error('`campaign_unknown`'),
          '409': error('`campaign_closed`: not yet open, or closed'),
          '429': common['429'],
        },
      },
    },
    '/v1/campaigns/{code}/progress': {
      get: {
        summary: "A campaign's counts and one page of its participants (session ids, stage, course outcomes) in arrival order (admin, structure; a territory key: counts only). `ETag` on every answer; `If-None-Match` with it → 304",
        security: admin,
        parameters: [
          { name: 'code', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
          { name: 'after', in: 'query', required: false, description: 'The `next` of the previous page', schema: { type: 'string' } },
          { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
        ],
        responses: {
          '200': { description: 'Progress', content: { 'application/json': { schema: z.toJSONSchema(S.CampaignProgress, { io: 'output', unrepresentable: 'any' }) } } },
          '304': { description: 'Unchanged since the `ETag` sent in `If-None-Match`' },
          '400': error('A bad `limit` or `after`'),
          '404': error('`campaign_unknown` (admin)'),
          ...keyErrors,
        },
      },
    },
    '/v1/keys': {
      post: {
        summary: 'Create an API key; the key is in this response only (admin)',
        security: admin,
        requestBody: { required: true, content: json(S.CreateApiKeyBody) },
        responses: { '201': created(S.ApiKeyCreated), '404': error('`organisation_unknown`'), ...keyErrors, ...common },
      },
      get: { summary: 'The API keys, without the keys (admin)', security: admin, responses: { ...list('Keys', S.ApiKeyInfo), ...keyErrors } },
    },
    '/v1/keys/{keyId}': {
      delete: {
        summary: 'Revoke an API key (admin)',
        security: admin,
        parameters: [{ name: 'keyId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '204': { description: 'Revoked' }, '404': error('No such key'), ...keyErrors },
      },
    },
    '/v1/audit': {
      get: {
        summary: 'The audit log, newest first; X-Next-Cursor is the `before` of the next page (admin)',
        security: admin,
        parameters: [
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000 } },
          { name: 'before', in: 'query', required: false, schema: { type: 'string' } },
        ],
        responses: { ...list('Entries', S.AuditEntry), ...keyErrors },
      },
    },
  };
}
