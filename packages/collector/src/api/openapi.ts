/** The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with. */
import * as z from 'zod/mini';
import * as S from '@observatoire/core/api';

const json = (schema: z.ZodMiniType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } });
const error = (description: string) => ({ description, content: json(S.ErrorBody) });
const common = {
  '400': error('Invalid body: `{ error: "invalid_request", issues: [{ path, message }] }`'),
  '413': error('Body too large'),
  '415': error('The body is not sent as `application/json`'),
  '429': error('Rate limited (see `Retry-After`)'),
};
const sessionAuth = {
  '401': error('No bearer token'),
  '403': error('The token does not open this session (or the session does not exist), or `token_expired`'),
  '410': error('The session was erased: final'),
};
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];
const bearer = [{ sessionToken: [] }];
const admin = [{ adminToken: [] }];

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
        adminToken: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN of the collector.' },
      },
    },
    paths: {
      '/v1/sessions': {
        post: {
          summary: 'Create a session (idempotent with the same sessionId and token)',
          requestBody: { required: true, content: json(S.CreateSessionBody) },
          responses: {
            '201': { description: 'Created', content: json(S.SessionCreated) },
            '200': { description: 'Already created by this client (retry)', content: json(S.SessionCreated) },
            '409': error('The sessionId exists with another token'),
            ...common,
          },
        },
      },
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
        delete: {
          summary: 'Erase a session and all its data (admin)',
          parameters: idParam,
          security: admin,
          responses: { '204': { description: 'Erased' }, '404': error('Unknown session'), '401': error('No token'), '403': error('Wrong admin token') },
        },
      },
      '/v1/export': {
        get: {
          summary: 'One row per respondent (docs/export-format.md), CSV or JSON, streamed; filters and pages (admin)',
          security: admin,
          parameters: [
            { name: 'format', in: 'query', required: false, schema: z.toJSONSchema(S.ExportFormat) },
            ...['organisation', 'territory', 'from', 'to', 'after'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
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
          summary: 'The weighted report (ObservatoireReport of @observatoire/core), on MARGINS_FILE when set (admin)',
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

/** The adaptive tests' routes (docs/collector.md, "Adaptive sessions"). */
function adaptivePaths(): Record<string, unknown> {
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
        summary: 'Erase an adaptive session and its answers (admin)',
        parameters: idParam,
        security: admin,
        responses: { '204': { description: 'Erased' }, '404': error('Unknown session'), '401': error('No token'), '403': error('Wrong admin token') },
      },
    },
    '/v1/export/adaptive': {
      get: {
        summary: 'One row per adaptive test: final θ, SE, pix, each competence level and each item status (docs/export-format.md), streamed (admin)',
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
          '401': error('No token'),
          '403': error('Wrong admin token'),
        },
      },
    },
  };
}
