/** The OpenAPI paths of webhook endpoints, their delivery log and replay, for `openapi.ts`. */
import * as z from 'zod/mini';
import * as S from '@observatoire/core/api';
import { admin, common, error, json, keyErrors, list, output } from './openapi-parts.js';

/**
 * Webhooks (docs/webhooks.md). The payload sent to an endpoint is `components.schemas.WebhookPayload`.
 *
 * @example
 * const paths = { ...webhookPaths() };
 */
export function webhookPaths(): Record<string, unknown> {
  const idParam = (name: string) => [{ name, in: 'path', required: true, schema: { type: 'string' } }];
  const disabled = { '409': error('`webhook_disabled`: the endpoint is disabled, its deliveries are not sent again') };
  const unknown = { '404': error('No such webhook or delivery (admin); a structure key gets 403 for it, as for another organisation\'s') };
  return {
    '/v1/webhooks': {
      post: {
        summary: 'Add a webhook endpoint for an organisation or one campaign; its secret is in this response only (admin, or structure for its own)',
        security: admin,
        requestBody: { required: true, content: json(S.CreateWebhookBody) },
        responses: { '201': { description: 'Created', content: output(S.WebhookCreated) }, '404': error('`organisation_unknown`, `campaign_unknown`'), ...keyErrors, ...common },
      },
      get: { summary: 'The webhook endpoints, without secrets (admin: all; structure: its organisation\'s)', security: admin, responses: { ...list('Endpoints', S.WebhookEndpoint), ...keyErrors } },
    },
    '/v1/webhooks/{id}': {
      delete: {
        summary: 'Disable an endpoint: nothing more is sent to it, its pending deliveries are cancelled; it stays listed (admin, structure)',
        security: admin,
        parameters: idParam('id'),
        responses: { '204': { description: 'Disabled' }, ...unknown, ...keyErrors },
      },
    },
    '/v1/webhooks/{id}/deliveries': {
      get: {
        summary: 'The delivery log of an endpoint, newest first (admin, structure)',
        security: admin,
        parameters: [...idParam('id'), { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000 } }],
        responses: { ...list('Deliveries', S.WebhookDelivery), ...unknown, ...keyErrors },
      },
    },
    '/v1/webhooks/{id}/replay': {
      post: {
        summary: 'Queue again every failed delivery of the endpoint made since a time, each with its own webhook-id (admin, structure)',
        security: admin,
        parameters: idParam('id'),
        requestBody: { required: true, content: json(S.ReplayWebhookBody) },
        responses: { '200': { description: 'Queued again', content: output(S.ReplayResult) }, ...unknown, ...disabled, ...keyErrors, ...common },
      },
    },
    '/v1/webhook-deliveries/{deliveryId}/replay': {
      post: {
        summary: 'Queue one delivery again, whatever its status, with its own webhook-id (admin, structure)',
        security: admin,
        parameters: idParam('deliveryId'),
        responses: { '200': { description: 'Queued again', content: output(S.ReplayResult) }, ...unknown, ...disabled, ...keyErrors },
      },
    },
  };
}

/**
 * The body every endpoint receives, for `components.schemas`.
 *
 * @example
 * const schemas = { WebhookPayload: webhookPayloadSchema() };
 */
export function webhookPayloadSchema(): unknown {
  return z.toJSONSchema(S.WebhookPayload, { io: 'output', unrepresentable: 'any' });
}
