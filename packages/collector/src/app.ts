/**
 * The collector as one Hono app on web-standard Request/Response only: the same app runs in
 * Node (`server.ts`) and inside msw handlers in a browser (`mock.ts`).
 */
import type { SurveyDefinition } from '@observatoire/core';
import type { AdaptiveBank } from '@observatoire/core/adaptive';
import type { Margin } from '@observatoire/core/analysis';
import { Hono } from 'hono';
import { errorResponse } from './api/errors.js';
import { openApiDocument } from './api/openapi.js';
import { BankIndex } from './banks.js';
import { SurveyIndex } from './definitions.js';
import { limitBody } from './middleware/body-limit/index.js';
import { refuseGuessableTokens } from './middleware/client-token/index.js';
import { allowOrigins } from './middleware/cors/index.js';
import { rateLimit, type RateLimitOptions } from './middleware/rate-limit/index.js';
import { errorLine, requestLog, type LogSink } from './middleware/request-log/index.js';
import { requireJson } from './middleware/require-json/index.js';
import { securityHeaders } from './middleware/security-headers/index.js';
import { checkSessionId } from './middleware/session-id/index.js';
import { guardText } from './middleware/text-guard/index.js';
import { checkTimes } from './middleware/time-window/index.js';
import { Metrics } from './middleware/metrics/index.js';
import { keyAuth } from './middleware/api-key/index.js';
import { adaptiveRoutes } from './routes/adaptive.js';
import { adminRoutes } from './routes/admin.js';
import { auditRoutes } from './routes/audit.js';
import { keyRoutes } from './routes/keys.js';
import { participantRoutes } from './routes/participants.js';
import { structureRoutes } from './routes/structures.js';
import { progressRoutes } from './routes/progress.js';
import { opsRoutes } from './routes/ops.js';
import { refusalRoutes } from './routes/refusals.js';
import { reportRoutes } from './routes/report.js';
import { sessionRoutes } from './routes/sessions.js';
import { webhookRoutes } from './routes/webhooks.js';
import { sessionErased } from './routes/context.js';
import { SessionCache } from './session-cache.js';
import { SessionGoneError } from './store/errors.js';
import type { Store } from './store/types.js';

export interface AppOptions {
  store: Store;
  /** Parsed with `parseSurveyDefinition`; sessions name one by id and version. */
  definitions: readonly SurveyDefinition[];
  /** Adaptive item banks (`parseAdaptiveBank`); adaptive sessions name one by id and version. */
  banks?: readonly AdaptiveBank[];
  /**
   * Bootstrap admin secret: an admin key (export, erasure, organisations, campaigns, API keys).
   * Without it only the API keys in the store open those routes.
   */
  adminToken?: string;
  /** Origins allowed by CORS (`*` for any). Empty: same-origin only. */
  allowedOrigins?: readonly string[];
  /** `false` turns the limit off (mock mode, tests). */
  rateLimit?: Omit<RateLimitOptions, 'now'> | false;
  /** Default 64 KiB. */
  maxBodyBytes?: number;
  /** Epoch milliseconds; defaults to `Date.now`. */
  now?: () => number;
  /** Weighting margins of `GET /v1/report` (`MARGINS_FILE`); without them the report is unweighted. */
  margins?: readonly Margin[];
  /** Territory names for `GET /v1/report`, by `kind:code` (e.g. `department:35`). */
  territoryNames?: Readonly<Record<string, string>>;
  /**
   * Where request and error lines go (JSON objects, see `LogLine`). Without it requests are not
   * logged and unexpected errors go to `console.error`, one JSON line each.
   */
  log?: LogSink;
  /** Webhook URLs may use `http:` to this machine (default); `false` in production: https only (docs/webhooks.md). */
  webhookLoopbackHttp?: boolean;
  /** `true` once the server is shutting down: `/readyz` then answers 503. */
  draining?: () => boolean;
}

/** Default limit: a session posts about 30 requests in 30 minutes; bursts after a reconnection. */
export const DEFAULT_RATE_LIMIT = { burst: 120, perSecond: 10 } as const;

/**
 * @example
 * const app = createApp({ store: new MemoryStore(), definitions: [definition], adminToken: 'secret' });
 * const response = await app.fetch(new Request('http://collector/openapi.json'));
 */
export function createApp(options: AppOptions): Hono {
  const now = options.now ?? Date.now;
  const app = new Hono();
  const logError: LogSink = options.log ?? ((line) => console.error(JSON.stringify(line)));
  const metrics = new Metrics();
  app.use('*', requestLog(options.log, now));
  app.use('*', metrics.middleware());
  app.use('*', securityHeaders());
  app.use('*', allowOrigins(options.allowedOrigins ?? []));
  if (options.rateLimit !== false) app.use('/v1/*', rateLimit({ ...(options.rateLimit ?? DEFAULT_RATE_LIMIT), now }));
  app.use('/v1/*', limitBody(options.maxBodyBytes ?? 64 * 1024));
  app.use('/v1/*', requireJson());
  app.use('/v1/*', guardText());
  app.use('/v1/*', checkTimes(now));
  app.post('/v1/sessions', refuseGuessableTokens());
  app.post('/v1/adaptive-sessions', refuseGuessableTokens());
  for (const path of ['/v1/sessions/:id', '/v1/sessions/:id/*', '/v1/adaptive-sessions/:id', '/v1/adaptive-sessions/:id/*']) app.use(path, checkSessionId());

  const ctx = {
    store: options.store,
    surveys: new SurveyIndex(options.definitions),
    banks: new BankIndex(options.banks ?? []),
    now,
    openSessions: new SessionCache(),
  };
  const keys = keyAuth({ adminToken: options.adminToken, store: options.store });
  sessionRoutes(app, ctx);
  adaptiveRoutes(app, ctx, keys);
  adminRoutes(app, ctx, keys);
  participantRoutes(app, ctx, keys);
  structureRoutes(app, ctx, keys);
  refusalRoutes(app, ctx, keys);
  progressRoutes(app, ctx, keys);
  keyRoutes(app, ctx, keys);
  auditRoutes(app, ctx, keys);
  webhookRoutes(app, ctx, keys, { allowLoopbackHttp: options.webhookLoopbackHttp ?? true });
  reportRoutes(app, ctx, { keys, margins: options.margins, names: options.territoryNames });
  opsRoutes(app, { store: options.store, metrics, ...(options.draining ? { draining: options.draining } : {}) });
  const openapi = openApiDocument();
  app.get('/openapi.json', (c) => c.json(openapi));

  app.notFound((c) => errorResponse(c, 404, 'not_found', `No route ${c.req.method} ${new URL(c.req.url).pathname}.`));
  app.onError((error, c) => {
    // A write that raced an erasure: final, like every request for an erased session.
    if (error instanceof SessionGoneError) return sessionErased(c);
    // One line: the error's class and message with the request id; never the request's address, headers or body.
    logError(errorLine(c, error, now));
    return errorResponse(c, 500, 'internal_error', 'The collector failed to handle this request; retry later.');
  });
  return app;
}
