/**
 * Bodies of the webhooks' part of the `/v1` API (docs/webhooks.md): endpoints of an organisation or a
 * campaign, the events they receive, the payload sent to them and the delivery log.
 */
import '../zod-config.js';
import * as z from 'zod/mini';
import { COURSE_STATUS } from '../outcome.js';
import { CampaignCode, ClientId, ContentId, CourseStatus, Text, Timestamp } from './schemas.js';

/**
 * The events a webhook endpoint may subscribe to (docs/webhooks.md, "Events"): the questionnaire
 * stored, the session ended after its last course, the session ended by the participant leaving.
 */
export const WEBHOOK_EVENT_TYPES = ['questionnaire.validated', 'session.completed', 'session.left'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Prefix of a webhook secret in the Standard Webhooks form (`whsec_` and base64 bytes). */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** Hosts an `http:` endpoint may name: this machine only (development and tests). */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * Why a webhook URL is refused, or `null` when it is fine: `https:` anywhere, `http:` only to this
 * machine (docs/webhooks.md, "Endpoints"), never with a user or password in it.
 *
 * @example
 * webhookUrlProblem('https://coop.example.fr/hooks/observatoire'); // null
 * webhookUrlProblem('http://coop.example.fr/hooks'); // 'must use https (http only for localhost)'
 */
export function webhookUrlProblem(url: string): string | null {
  // Read by hand: the core runs with no URL class (no DOM, no Node).
  const parts = /^([a-z][a-z0-9+.-]*):\/\/(?:([^@/?#]*)@)?(\[[0-9a-f:.]+\]|[^:/?#[\]]+)(?::\d{1,5})?(?:[/?#]\S*)?$/i.exec(url);
  if (!parts || /\s/.test(url)) return 'must be an absolute URL (https://…)';
  const [, scheme = '', credentials, host = ''] = parts;
  if (credentials !== undefined) return 'must not hold a user or password';
  if (scheme.toLowerCase() === 'https') return null;
  if (scheme.toLowerCase() === 'http' && LOOPBACK.test(host.toLowerCase())) return null;
  return 'must use https (http only for localhost)';
}

export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);

export const WebhookUrl = z.string().check(
  z.maxLength(2000, 'must be at most 2000 characters'),
  z.superRefine((url, context) => {
    const problem = webhookUrlProblem(url);
    if (problem) context.issues.push({ code: 'custom', message: problem, input: url });
  }),
);

export const CreateWebhookBody = z.object({
  url: WebhookUrl,
  /** The events sent to it, at least one, each once. */
  events: z.array(WebhookEventType).check(
    z.minLength(1, 'must name at least one event'),
    z.refine((events) => new Set(events).size === events.length, 'must name each event once'),
  ),
  /** The organisation whose campaigns' sessions it hears about; or give `campaign`. */
  organisation: z.optional(ContentId),
  /** One campaign's sessions only. */
  campaign: z.optional(CampaignCode),
  label: z.optional(Text(100)),
});

export const WebhookEndpoint = z.object({
  id: z.string(),
  organisation: ContentId,
  campaign: z.nullable(z.string()),
  url: z.string(),
  events: z.array(WebhookEventType),
  label: z.nullable(z.string()),
  createdAt: z.number(),
  disabledAt: z.nullable(z.number()),
});

/** The secret is in this response only; the receiver keeps it to check signatures. */
export const WebhookCreated = z.extend(WebhookEndpoint, { secret: z.string() });

/** `cancelled`: still pending when its endpoint was disabled (docs/webhooks.md, "Delivery"). */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One line of the delivery log: its id is the `webhook-id` header of every attempt. */
export const WebhookDelivery = z.object({
  id: z.string(),
  endpointId: z.string(),
  sessionId: z.string(),
  type: WebhookEventType,
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  /** When the next attempt is due (server clock); `null` once delivered, failed or cancelled. */
  nextAttemptAt: z.nullable(z.number()),
  lastStatusCode: z.nullable(z.number()),
  lastError: z.nullable(z.string()),
  createdAt: z.number(),
  deliveredAt: z.nullable(z.number()),
});

/** `POST /v1/webhooks/:id/replay`: every failed delivery of the endpoint made since then (server clock). */
export const ReplayWebhookBody = z.object({ since: Timestamp });

export const ReplayResult = z.object({ requeued: z.number() });

/**
 * The body of every webhook request (the Standard Webhooks layout: `type`, `timestamp`, `data`).
 * Ids, the external reference and the results summary only: never what the participant typed nor
 * the questionnaire's answers (docs/webhooks.md, "Payload").
 */
export const WebhookPayload = z.strictObject({
  type: WebhookEventType,
  /** When the event happened, ISO 8601 (server clock). */
  timestamp: z.string(),
  data: z.strictObject({
    sessionId: ClientId,
    surveyId: ContentId,
    contentVersion: z.string(),
    campaign: z.nullable(z.string()),
    organisation: z.nullable(z.string()),
    /** The integrator's own reference for the session (`external-ref`), or `null`. */
    externalRef: z.nullable(z.string()),
    endReason: z.enum(['completed', 'quit', COURSE_STATUS.inProgress]),
    /** Time spent inside courses, milliseconds. */
    testTimeMs: z.number(),
    /** Consecutive courses passed from the first (docs/outcomes.md); `null` when the first course did not end. */
    staircaseLevel: z.nullable(z.number()),
    courses: z.array(z.strictObject({ courseId: ContentId, status: CourseStatus, successRate: z.nullable(z.number()) })),
  }),
});

/** `POST /v1/webhooks`. */
export type CreateWebhookBody = z.input<typeof CreateWebhookBody>;
export type WebhookEndpoint = z.output<typeof WebhookEndpoint>;
export type WebhookCreated = z.output<typeof WebhookCreated>;
/** `GET /v1/webhooks/:id/deliveries`. */
export type WebhookDelivery = z.output<typeof WebhookDelivery>;
/** `POST /v1/webhooks/:id/replay`. */
export type ReplayWebhookBody = z.input<typeof ReplayWebhookBody>;
export type WebhookPayload = z.output<typeof WebhookPayload>;
