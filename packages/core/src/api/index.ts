/**
 * `@observatoire/core/api`: the `/v1` wire contract between a client (the elements' outbox) and
 * the collector (docs/collector.md): request and response schemas (`zod/mini`) with their inferred
 * types, the error codes, the device, event and refusal vocabularies, the token maker, the
 * random bytes every secret is made of and the follow-up codes (docs/follow-up.md).
 *
 * A browser client imports only the types and the plain constants: the schemas (and zod) then stay
 * out of its bundle.
 *
 * @example
 * import { PostEventBody } from '@observatoire/core/api';
 * const parsed = PostEventBody.safeParse(await request.json());
 * @packageDocumentation
 */
export {
  DEVICES,
  EVENT_TYPES,
  ERROR_CODES,
  KEY_ROLES,
  CAMPAIGN_CODE_ALPHABET,
  REFUSAL_REASONS,
  isAlreadyStored,
  isExternalRef,
  type RefusalReason,
  type Device,
  type EventType,
  type ErrorCode,
  type KeyRole,
} from './codes.js';
export { newToken } from './token.js';
export { randomBytes, base64 } from '../random-bytes.js';
export {
  FOLLOW_UP_ALPHABET,
  newFollowUpCode,
  checkFollowUpCode,
  isFollowUpCode,
  type FollowUpCodeCheck,
  type FollowUpCodeProblem,
} from './follow-up.js';
/** The channels of a session and the rule for a paper form's date (docs/protocol.md, "Paper channel"). */
export { CHANNELS, paperDateProblem, type Channel } from '../session/channel.js';
/** The fields of an interactive answer its challenge does not score: the collector refuses them (docs/checking.md). */
export { unscoredFields } from '../checking/scored.js';
export { sanitizeText, sanitizeJson } from './text.js';
export {
  ClientId,
  Token,
  CreateSessionBody,
  SessionCreated,
  PutQuestionnaireBody,
  QuestionnaireStored,
  PostAnswerBody,
  AnswerStored,
  PostEventBody,
  EventStored,
  SessionResults,
  ExternalRef,
  FollowUpCode,
  PostRefusalBody,
  RefusalStored,
  CourseStatus,
  ErrorBody,
  ExportFormat,
} from './schemas.js';
export {
  AdaptiveConfig,
  CreateAdaptiveSessionBody,
  AdaptiveSessionCreated,
  PostAdaptiveAnswerBody,
  AdaptiveAnswerStored,
  FinishAdaptiveBody,
  AdaptiveFinished,
} from './adaptive.js';
export {
  validSiret,
  CreateOrganisationBody,
  Organisation,
  CreateCampaignBody,
  Campaign,
  CreateApiKeyBody,
  ApiKeyInfo,
  ApiKeyCreated,
  AuditEntry,
  CampaignList,
  CampaignProgress,
  ParticipantProgress,
  ProgressCounts,
  ParticipantResults,
} from './structures.js';
export {
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_SECRET_PREFIX,
  DELIVERY_STATUSES,
  webhookUrlProblem,
  WebhookEventType,
  CreateWebhookBody,
  WebhookEndpoint,
  WebhookCreated,
  WebhookDelivery,
  ReplayWebhookBody,
  ReplayResult,
  WebhookPayload,
  type DeliveryStatus,
} from './webhooks.js';
