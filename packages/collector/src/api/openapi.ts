/** The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with. */
import * as z from 'zod/mini';
import * as S from '@observatoire/core/api';
import { adaptivePaths } from './openapi-adaptive.js';
import { admin, bearer, common, error, idParam, json, keyErrors, sessionAuth } from './openapi-parts.js';
import { structurePaths } from './openapi-structures.js';
import { webhookPayloadSchema, webhookPaths } from './openapi-webhooks.js';

/**
 * @example
 * app.get('/openapi.json', (c) => c.json(openApiDocument()));
 */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Observatoire collector',
      version: '1.0.0',
      description:
        'Receives Observatoire sessions: questionnaire, answers (re-checked by the core: the stored status is the server\'s), protocol events. Every write is idempotent by its client-made id. Times are epoch milliseconds.',
    },
    components: {
      securitySchemes: {
        sessionToken: { type: 'http', scheme: 'bearer', description: 'The token of the session (given or returned at creation).' },
        adminToken: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN of the collector, or an API key (admin, structure or territory) within its scope.' },
      },
      schemas: { WebhookPayload: webhookPayloadSchema() },
    },
    paths: {
      '/v1/sessions': {
        post: {
          summary: 'Create a session (idempotent with the same sessionId and token)',
          requestBody: { required: true, content: json(S.CreateSessionBody) },
          responses: {
            '201': { description: 'Created', content: json(S.SessionCreated) },
            '200': { description: 'Already created by this client (retry)', content: json(S.SessionCreated) },
            '404': error('`campaign_unknown`: no campaign has this code'),
            '409': error('The sessionId exists with another token, or `campaign_closed`: the campaign is not open'),
            ...common,
          },
        },
      },
      '/v1/refusals': {
        post: {
          summary: 'Record a person offered the survey who did not take it: a reason code, the day, the survey and organisation or campaign; nothing personal (idempotent by refusalId; rate-limited as session creation)',
          requestBody: { required: true, content: json(S.PostRefusalBody) },
          responses: {
            '201': { description: 'Recorded', content: json(S.RefusalStored) },
            '200': { description: 'This refusalId was already recorded', content: json(S.RefusalStored) },
            '404': error('`campaign_unknown`: no campaign has this code'),
            '409': error('`campaign_closed`: the campaign is not open'),
            ...common,
          },
        },
      },
      '/v1/export/refusals': {
        get: {
          summary: 'One row per refusal (docs/export-format.md, "Refusals"), CSV or JSON (any key, within its scope; a territory key reads none)',
          security: admin,
          parameters: [
            { name: 'format', in: 'query', required: false, schema: z.toJSONSchema(S.ExportFormat) },
            ...['organisation', 'campaign', 'from', 'to', 'after'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 10_000 } },
          ],
          responses: {
            '200': { description: 'The refusals', content: { 'text/csv': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'array', items: { type: 'object', additionalProperties: { type: 'string' } } } } } },
            ...keyErrors,
          },
        },
      },
      ...structurePaths(),
      ...webhookPaths(),
      '/v1/sessions/{id}/questionnaire': {
        put: {
          summary: 'Put the validated questionnaire, once',
          parameters: idParam,
          security: bearer,
          requestBody: { required: true, content: json(S.PutQuestionnaireBody) },
          responses: {
            '201': { description: 'Stored', content: json(S.QuestionnaireStored) },
            '409': error('`questionnaire_already_validated`: already stored (a client outbox treats it as delivered)'),
            ...sessionAuth,
            ...common,
          },
        },
      },
      '/v1/sessions/{id}/answers': {
        post: {
          summary: 'Post an answer; the server checks it and stores its own verdict',
          parameters: idParam,
          security: bearer,
          requestBody: { required: true, content: json(S.PostAnswerBody) },
          responses: {
            '201': { description: 'Stored', content: json(S.AnswerStored) },
            '200': { description: 'This answerId was already stored: the first result', content: json(S.AnswerStored) },
            '409': error('`questionnaire_missing`, `session_finished` or `challenge_already_answered`'),
            ...sessionAuth,
            ...common,
          },
        },
      },
      '/v1/sessions/{id}/events': {
        post: {
          summary: 'Post a protocol event; `quit` and `finished` end the session',
          parameters: idParam,
          security: bearer,
          requestBody: { required: true, content: json(S.PostEventBody) },
          responses: {
            '201': { description: 'Stored', content: json(S.EventStored) },
            '200': { description: 'This eventId was already stored', content: json(S.EventStored) },
            '409': error('`session_finished`'),
            ...sessionAuth,
            ...common,
          },
        },
      },
      '/v1/sessions/{id}/results': {
        get: {
          summary: "The server's statuses, per course success rates, test time",
          parameters: idParam,
          security: bearer,
          responses: { '200': { description: 'Results', content: json(S.SessionResults) }, ...sessionAuth, '429': common['429'] },
        },
      },
      '/v1/sessions/{id}': {
        get: {
          summary: "One participant's progress and results (admin; a structure key for its campaigns; a territory key for its territory)",
          parameters: idParam,
          security: admin,
          responses: { '200': { description: 'The session', content: { 'application/json': { schema: z.toJSONSchema(S.ParticipantResults, { io: 'output', unrepresentable: 'any' }) } } }, ...keyErrors },
        },
        delete: {
          summary: 'Erase a session and all its data (admin)',
          parameters: idParam,
          security: admin,
          responses: { '204': { description: 'Erased' }, '404': error('Unknown session'), '401': error('No token'), '403': error('Wrong admin token') },
        },
      },
      '/v1/export': {
        get: {
          summary: 'One row per respondent (docs/export-format.md), CSV or JSON, streamed; filters and pages (any key, within its scope)',
          security: admin,
          parameters: [
            { name: 'format', in: 'query', required: false, schema: z.toJSONSchema(S.ExportFormat) },
            ...['organisation', 'campaign', 'territory', 'from', 'to', 'after'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
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
            '401': error('No token'),
            '403': error('Wrong admin token'),
          },
        },
      },
      ...adaptivePaths(),
      '/v1/report': {
        get: {
          summary: 'The weighted report (ObservatoireReport of @observatoire/core), on MARGINS_FILE when set (admin; a scoped key gets the national figures and its own domain)',
          security: admin,
          parameters: [
            { name: 'territory', in: 'query', required: false, schema: { type: 'string', pattern: '^(dep|region|epci|org):.+$' } },
            { name: 'survey', in: 'query', required: false, description: 'The survey reported on, needed when the collector holds sessions of several', schema: { type: 'string' } },
          ],
          responses: {
            '200': { description: 'The report', content: { 'application/json': { schema: { type: 'object' } } } },
            '400': error('Bad territory or survey id'),
            '401': error('No token'),
            '403': error('Wrong admin token'),
            '409': error('Margins that do not fit the data, no valid respondent, or sessions of several surveys without ?survey='),
          },
        },
      },
    },
  };
}

