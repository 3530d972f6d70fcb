/**
 * @observatoire/collector: the reference server that receives Observatoire sessions.
 * `createApp` is web-standard (runs anywhere); the SQL stores need Node.
 * @packageDocumentation
 */
export { createApp, DEFAULT_RATE_LIMIT, type AppOptions } from './app.js';
export { SurveyIndex, type KnownSurvey } from './definitions.js';
export { BankIndex } from './banks.js';
export { MemoryStore } from './store/memory.js';
export { PgliteStore } from './store/pglite.js';
export { PostgresStore } from './store/postgres.js';
export { SqlStore } from './store/sql.js';
export { migrate, type SqlClient, type SqlQueries, type Migration } from './store/sql-client.js';
export { loadMigrations } from './store/migrations.js';
export type {
  Store,
  SessionRecord,
  SessionHead,
  SessionData,
  SessionKey,
  SessionFilter,
  StoreStats,
  QuestionnaireRecord,
  AnswerRecord,
  EventRecord,
  EndReason,
  AddAnswerResult,
  AddEventResult,
  StructureStore,
  OrganisationRecord,
  CampaignRecord,
  ApiKeyRecord,
  AuditRecord,
} from './store/types.js';
export type {
  AdaptiveStore,
  AdaptiveSessionRecord,
  AdaptiveAnswerRecord,
  AdaptiveSessionData,
  AdaptiveEnd,
  AdaptiveStopReason,
  AddAdaptiveAnswerResult,
} from './store/adaptive-types.js';
export type { WebhookStore, WebhookEndpointRecord, WebhookEvent, DeliveryRecord, ClaimedDelivery, DeliveryOutcome } from './store/webhook-types.js';
export { WebhookWorker, type WebhookWorkerOptions, type RetryRule } from './webhooks/worker.js';
export { SessionGoneError } from './store/errors.js';
export { exportTable, exportColumns, exportRowOf, type ExportTable } from './export/rows.js';
export { exportRows, parseExportQuery, type ExportQuery } from './export/stream.js';
export { toCsv, toJson, csvLine, jsonRow } from './export/format.js';
export { adaptiveExportColumns, adaptiveExportRow, adaptiveExportRows } from './export/adaptive.js';
export { sessionOutcome, type SessionOutcome, type CourseOutcome, type CourseStatus } from './export/progress.js';
export { openApiDocument } from './api/openapi.js';
export { hashToken } from './token.js';
