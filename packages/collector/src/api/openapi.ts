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
const keyErrors = { '401': error('No key'), '403': error('Unknown or revoked key (`key_revoked`), or out of its scope') };
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
        adminToken: { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN of the collector, or an API key (admin, structure or territory) within its scope.' },
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
            '404': error('`campaign_unknown`: no campaign has this code'),
            '409': error('The sessionId exists with another token, or `campaign_closed`: the campaign is not open'),
            ...common,
          },
        },
      },
      ...structurePaths(),
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
          responses: { '200': { description: 'The session', content: { 'application/json': { schema: { type: 'object' } } } }, ...keyErrors },
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

/** Organisations, campaigns, API keys and the audit log (docs/collector.md, "Access"). */
function structurePaths(): Record<string, unknown> {
  const list = (description: string, schema: z.ZodMiniType) => ({ '200': { description, content: { 'application/json': { schema: { type: 'array', items: z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) } } } } });
  const created = (schema: z.ZodMiniType) => ({ description: 'Created', content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) } } });
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
      get: { summary: 'The campaigns (admin: all; structure: its organisation\'s)', security: admin, responses: { ...list('Campaigns', S.Campaign), ...keyErrors } },
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
        summary: 'Counts (started, questionnaire validated, completed, quit, in progress) and each participant\'s progress and course results (admin, structure)',
        security: admin,
        parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'Progress', content: { 'application/json': { schema: { type: 'object' } } } }, '404': error('`campaign_unknown` (admin)'), ...keyErrors },
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
