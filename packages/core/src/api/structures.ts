/**
 * Bodies of the structures' part of the `/v1` API (docs/collector.md, "Organisations and
 * campaigns", "Access"): organisations, their campaigns, API keys and the audit log.
 */
import '../zod-config.js';
import * as z from 'zod/mini';
import { KEY_ROLES } from './codes.js';
import { PARTICIPANT_STAGES } from '../participant-progress.js';
import { Actor, AnswerStatus, CampaignCode, ClientId, ContentId, CourseStatus, Text, Timestamp } from './schemas.js';

/**
 * Whether a SIRET's check digit is right: Luhn over the 14 digits, except La Poste's
 * establishments (SIREN 356000000), whose digits add up to a multiple of 5.
 *
 * @example
 * validSiret('73282932000074'); // true
 * validSiret('73282932000075'); // false
 */
export function validSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  const digits = [...siret].map(Number);
  if (siret.startsWith('356000000')) return digits.reduce((a, b) => a + b, 0) % 5 === 0;
  let sum = 0;
  digits.forEach((d, i) => {
    const doubled = i % 2 === 0 ? d * 2 : d;
    sum += doubled > 9 ? doubled - 9 : doubled;
  });
  return sum % 10 === 0;
}

/** An INSEE commune code: five digits, or 2A/2B and three digits (Corsica). */
export const CommuneCode = z.string().check(z.regex(/^(\d{5}|2[AB]\d{3})$/, 'must be an INSEE commune code such as 35360 or 2A004'));

export const Siret = z.string().check(
  z.regex(/^\d{14}$/, 'must be 14 digits (no spaces)'),
  // The shape is the regex's to report: the check digit is judged on 14 digits only.
  z.refine((siret) => !/^\d{14}$/.test(siret) || validSiret(siret), 'is not a valid SIRET (its check digit is wrong)'),
);

export const CreateOrganisationBody = z.object({
  /** Its code in the sessions and the export (`organisation` column); made from the name when absent. */
  id: z.optional(ContentId),
  name: z.string().check(z.minLength(1, 'is required'), z.maxLength(200, 'must be at most 200 characters')),
  siret: z.optional(Siret),
  commune: CommuneCode,
});

export const Organisation = z.object({
  id: ContentId,
  name: z.string(),
  siret: z.nullable(z.string()),
  commune: z.string(),
  createdAt: z.number(),
});

export const CreateCampaignBody = z.object({
  organisation: ContentId,
  surveyId: ContentId,
  contentVersion: z.string().check(z.minLength(1), z.maxLength(64)),
  /** Server clock, epoch milliseconds: sessions are taken from `opensAt` (included) to `closesAt` (excluded). */
  opensAt: Timestamp,
  closesAt: z.optional(Timestamp),
  /** Respondents hoped for. */
  target: z.optional(z.number().check(z.int(), z.gte(1), z.lte(1_000_000))),
  label: z.optional(Text(200)),
});

export const Campaign = z.object({
  code: CampaignCode,
  organisation: ContentId,
  surveyId: ContentId,
  contentVersion: z.string(),
  opensAt: z.number(),
  closesAt: z.nullable(z.number()),
  target: z.nullable(z.number()),
  label: z.nullable(z.string()),
  createdAt: z.number(),
});

/** `GET /v1/campaigns`. */
export const CampaignList = z.array(Campaign);

const Role = z.enum(KEY_ROLES);

export const CreateApiKeyBody = z.object({
  role: Role,
  /** The organisation of a `structure` key. */
  organisation: z.optional(ContentId),
  /** The territory of a `territory` key: `dep:35` or `region:53`. */
  territory: z.optional(z.string().check(z.regex(/^(dep|region):[0-9AB]{2,3}$/, 'must be dep:<code> or region:<code>'))),
  label: z.string().check(z.minLength(1, 'is required'), z.maxLength(100, 'must be at most 100 characters')),
});

export const ApiKeyInfo = z.object({
  id: z.string(),
  role: Role,
  organisation: z.nullable(z.string()),
  territory: z.nullable(z.string()),
  label: z.string(),
  createdAt: z.number(),
  revokedAt: z.nullable(z.number()),
});

/** The key itself is in this response only: the collector keeps its SHA-256. */
export const ApiKeyCreated = z.extend(ApiKeyInfo, { key: z.string() });

export const AuditEntry = z.object({
  at: z.number(),
  /** The key id, or `admin-token` for the bootstrap secret. */
  actor: z.string(),
  action: z.string(),
  target: z.nullable(z.string()),
  /** Rows read (export, report) or changed (replay; the deliveries a webhook's disabling cancelled); `null` for an action on one thing. */
  rows: z.nullable(z.number()),
});

/** A course's outcome in the participant progress (docs/outcomes.md). */
const CourseOutcome = z.object({
  courseId: ContentId,
  status: CourseStatus,
  /** Share of `ok` among the course's challenges; `null` until the course has ended. */
  successRate: z.nullable(z.number()),
});

const PlayedCourse = z.extend(CourseOutcome, { challenges: z.array(z.object({ challengeId: ContentId, status: z.nullable(AnswerStatus) })) });

/** One participant of a campaign, pseudonymous: the session id only (docs/dashboard.md, "Privacy"). */
export const ParticipantProgress = z.object({
  sessionId: ClientId,
  startedAt: z.number(),
  questionnaireValidated: z.boolean(),
  /** `null` while the session runs. */
  endReason: z.nullable(z.enum(['completed', 'quit'])),
  /** The core's `participantStage` (docs/outcomes.md, "Participant progress"). */
  stage: z.enum(PARTICIPANT_STAGES),
  testTimeMs: z.number(),
  /** Each course's outcome with each challenge's status (`null` when not played): the workshop groups read them. */
  courses: z.array(PlayedCourse),
});

/** Participants at each stage, over the whole campaign (not only the page). */
export const ProgressCounts = z.object({
  started: z.number(),
  questionnaireValidated: z.number(),
  courseReached: z.number(),
  completed: z.number(),
  quit: z.number(),
  inProgress: z.number(),
});

/**
 * `GET /v1/campaigns/:code/progress?limit=&after=`: the campaign, its counts and one page of its
 * participants in arrival order; `next` is the `after` of the next page (`null` after the last).
 * A `territory` key gets the counts only (`participants: []`).
 */
export const CampaignProgress = z.object({
  campaign: Campaign,
  counts: ProgressCounts,
  participants: z.array(ParticipantProgress),
  next: z.nullable(z.string()),
});

/** `GET /v1/sessions/:id` to a key: one participant's progress and results, with each answer's status, actor and duration. */
export const ParticipantResults = z.object({
  sessionId: ClientId,
  surveyId: ContentId,
  contentVersion: z.string(),
  organisation: z.nullable(z.string()),
  campaign: z.nullable(z.string()),
  startedAt: z.number(),
  questionnaireValidated: z.boolean(),
  endReason: z.enum(['completed', 'quit', 'in_progress']),
  testTimeMs: z.number(),
  courses: z.array(PlayedCourse),
  answers: z.array(
    z.object({ challengeId: ContentId, status: AnswerStatus, actor: Actor, durationMs: z.number(), skippedRemaining: z.boolean() }),
  ),
});

/** `POST /v1/organisations`. */
export type CreateOrganisationBody = z.input<typeof CreateOrganisationBody>;
export type Organisation = z.output<typeof Organisation>;
/** `POST /v1/campaigns`. */
export type CreateCampaignBody = z.input<typeof CreateCampaignBody>;
export type Campaign = z.output<typeof Campaign>;
/** `POST /v1/keys`. */
export type CreateApiKeyBody = z.input<typeof CreateApiKeyBody>;
export type ApiKeyInfo = z.output<typeof ApiKeyInfo>;
export type ApiKeyCreated = z.output<typeof ApiKeyCreated>;
/** `GET /v1/audit`. */
export type AuditEntry = z.output<typeof AuditEntry>;
/** `GET /v1/campaigns/:code/progress`. */
export type CampaignProgress = z.output<typeof CampaignProgress>;
export type ParticipantProgress = z.output<typeof ParticipantProgress>;
export type ProgressCounts = z.output<typeof ProgressCounts>;
/** `GET /v1/sessions/:id` with a key. */
export type ParticipantResults = z.output<typeof ParticipantResults>;
