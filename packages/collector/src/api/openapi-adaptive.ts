/** The OpenAPI paths of the adaptive tests (docs/collector.md, "Adaptive sessions"), for `openapi.ts`. */
import * as z from 'zod/mini';
import * as S from '@observatoire/core/api';
import { admin, bearer, common, error, idParam, json, keyErrors, sessionAuth } from './openapi-parts.js';

/**
 * The adaptive tests' routes (docs/collector.md, "Adaptive sessions").
 *
 * @example
 * const paths = { ...adaptivePaths() };
 */
export function adaptivePaths(): Record<string, unknown> {
  return {
    '/v1/adaptive-sessions': {
      post: {
        summary: 'Create an adaptive test session with its bank, seed and configuration (idempotent with the same id and token)',
        requestBody: { required: true, content: json(S.CreateAdaptiveSessionBody) },
        responses: {
          '201': { description: 'Created', content: json(S.AdaptiveSessionCreated) },
          '200': { description: 'Already created by this client (retry)', content: json(S.AdaptiveSessionCreated) },
          '409': error('The sessionId exists with another token'),
          ...common,
        },
      },
    },
    '/v1/adaptive-sessions/{id}/answers': {
      post: {
        summary: 'Post the answer to the item asked at place `seq`; the server re-runs the test, checks the item and stores its own verdict',
        parameters: idParam,
        security: bearer,
        requestBody: { required: true, content: json(S.PostAdaptiveAnswerBody) },
        responses: {
          '201': { description: 'Stored', content: json(S.AdaptiveAnswerStored) },
          '200': { description: 'This answerId was already stored: the first result', content: json(S.AdaptiveAnswerStored) },
          '409': error('`item_not_expected` (not the item the test asks there, or an earlier answer missing), `item_already_answered` (a client outbox treats it as delivered), `session_finished`, `unknown_bank`'),
          ...sessionAuth,
          ...common,
        },
      },
    },
    '/v1/adaptive-sessions/{id}/finish': {
      post: {
        summary: 'End the test: by its stopping rule (`completed`) or by the mediator (`stopped`); returns the final estimate',
        parameters: idParam,
        security: bearer,
        requestBody: { required: true, content: json(S.FinishAdaptiveBody) },
        responses: {
          '201': { description: 'Finished', content: json(S.AdaptiveFinished) },
          '200': { description: 'This eventId already finished the test', content: json(S.AdaptiveFinished) },
          '409': error('`test_not_finished` (the stopping rule asks for more answers), `session_finished`, `unknown_bank`'),
          ...sessionAuth,
          ...common,
        },
      },
    },
    '/v1/adaptive-sessions/{id}': {
      delete: {
        summary: 'Erase an adaptive session and its answers (admin key; audited)',
        parameters: idParam,
        security: admin,
        responses: { '204': { description: 'Erased' }, '404': error('Unknown session'), ...keyErrors },
      },
    },
    '/v1/export/adaptive': {
      get: {
        summary: 'One row per adaptive test: final θ, SE, pix, each competence level and each item status (docs/export-format.md), streamed; filters and pages (any key, within its scope; audited)',
        security: admin,
        parameters: [
          { name: 'format', in: 'query', required: false, schema: z.toJSONSchema(S.ExportFormat) },
          ...['organisation', 'from', 'to', 'after'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 10_000 } },
        ],
        responses: {
          '200': {
            description: 'The export',
            content: {
              'text/csv': { schema: { type: 'string' } },
              'application/json': { schema: { type: 'array', items: { type: 'object', additionalProperties: { type: 'string' } } } },
            },
          },
          '400': error('Bad query, or a `territory` (adaptive tests carry none)'),
          ...keyErrors,
        },
      },
    },
  };
}
