/**
 * Request and response bodies of the `/v1` API (docs/collector.md), as `zod/mini` schemas, with
 * their inferred types. The collector validates with them and generates `/openapi.json` from them;
 * the outbox builds its requests against the inferred types, so the three cannot drift apart.
 * Unknown fields are dropped (a client-computed `status` is never read).
 */
import '../zod-config.js';
import * as z from 'zod/mini';
import type { AnswerStatus as CoreAnswerStatus } from '../checking/types.js';
import type { Lang as CoreLang } from '../content/types.js';
import type { Actor as CoreActor } from '../session/types.js';
import { COURSE_STATUS } from '../outcome.js';
import { CHANNELS } from '../session/channel.js';
import { DEVICES, ERROR_CODES, EVENT_TYPES, isExternalRef, REFUSAL_REASONS } from './codes.js';
import { isFollowUpCode } from './follow-up.js';

/** A client-made id (session, answer, event): letters, digits, `_ - . :`, 1 to 128 characters. */
export const ClientId = z.string().check(
  z.regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'must be 1 to 128 letters, digits, "_", "-", "." or ":"'),
);

/** Same rule as the content ids of the core. */
export const ContentId = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be 1 to 64 letters, digits, "-" or "_"'));

/** A secret made by the client (or the server): 32 to 256 visible ASCII characters. */
export const Token = z.string().check(z.regex(/^[\x21-\x7e]{32,256}$/, 'must be 32 to 256 visible ASCII characters'));

/** Epoch milliseconds, from the client's clock. */
export const Timestamp = z.number().check(z.int('must be an integer (milliseconds)'), z.gte(0), z.lte(8_640_000_000_000_000));

// The core's own vocabularies, spelled out for the wire: `satisfies` keeps them in step.
const LANGS = ['fr', 'en'] as const satisfies readonly CoreLang[];
const ACTORS = ['participant', 'mediator'] as const satisfies readonly CoreActor[];
const ANSWER_STATUSES = ['ok', 'ko', 'aband', 'timedout'] as const satisfies readonly CoreAnswerStatus[];

export const Device = z.enum(DEVICES);
export const Lang = z.enum(LANGS);
export const Actor = z.enum(ACTORS);
export const EventType = z.enum(EVENT_TYPES);
export const AnswerStatus = z.enum(ANSWER_STATUSES);

/** A campaign's short code, `ABC-234` (any case: the collector reads it in capitals). */
export const CampaignCode = z.string().check(z.regex(/^[A-Za-z0-9]{3}-[A-Za-z0-9]{3}$/, 'must be a campaign code such as ABC-234'));

/**
 * A platform's own reference for the session (`external-ref`, docs/elements.md, "Linking a session"):
 * opaque to the Observatoire, 1 to 128 visible ASCII characters, never shown.
 */
export const ExternalRef = z.string().check(z.refine(isExternalRef, 'must be 1 to 128 visible ASCII characters (no space)'));

/** A pseudonymous follow-up code in its printed form, `ABCD-EFGH`, with a right check character (docs/follow-up.md). */
export const FollowUpCode = z.string().check(z.refine(isFollowUpCode, 'must be a follow-up code such as ABCD-EFGH, with its check character'));

export const Text = (max: number) => z.string().check(z.maxLength(max, `must be at most ${max} characters`));

export const CreateSessionBody = z.object({
  surveyId: ContentId,
  contentVersion: z.string().check(z.minLength(1), z.maxLength(64)),
  /** Organisation code given by the host page (replaced by the campaign's organisation when `campaign` is given). */
  organisation: z.optional(Text(100)),
  /** Code of the campaign the session takes part in (`ABC-234`): refused when unknown or closed. */
  campaign: z.optional(CampaignCode),
  device: Device,
  lang: Lang,
  /** Client-made id, so an offline outbox can queue everything before the first response. Needs `token`. */
  sessionId: z.optional(ClientId),
  token: z.optional(Token),
  /** When the session started on the device; defaults to when the server receives it. */
  startedAt: z.optional(Timestamp),
  /** The host platform's reference for this session (stored, exported, never shown). */
  externalRef: z.optional(ExternalRef),
  /** The pseudonymous follow-up code shared with earlier sessions of the same person (docs/follow-up.md). */
  followUpCode: z.optional(FollowUpCode),
  /** `paper`: a paper form typed in by a mediator (docs/protocol.md, "Paper channel"); `online` by default. */
  channel: z.optional(z.enum(CHANNELS)),
  /** The date written on the paper form (`YYYY-MM-DD`), with `channel: 'paper'` only; checked by the core's `paperDateProblem`. */
  paperDate: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'))),
});

export const SessionCreated = z.object({ sessionId: ClientId, token: Token });

/** A commune is checked in detail by the core (`validateQuestionAnswer`). */
const CommuneLike = z.record(z.string(), z.union([Text(200), z.boolean()]));
export const QuestionAnswer = z.union([Text(1000), z.array(Text(200)).check(z.maxLength(100)), z.number(), CommuneLike]);

export const PutQuestionnaireBody = z.object({
  answers: z.record(ContentId, QuestionAnswer),
  filledByMediator: z.boolean(),
  validatedAt: Timestamp,
  /** Questions whose answer was prefilled by the structure and kept unchanged (docs/questionnaire.md, "Prefill"). */
  prefilled: z.optional(z.array(ContentId).check(z.maxLength(100))),
});

export const QuestionnaireStored = z.object({ sessionId: ClientId, testRun: z.boolean() });

export const ChallengeAnswer = z.union([Text(2000), z.record(z.string().check(z.maxLength(64)), Text(2000))]);

export const PostAnswerBody = z.object({
  answerId: ClientId,
  challengeId: ContentId,
  /** `null`: the challenge was skipped. */
  answer: z.nullable(ChallengeAnswer),
  timedOut: z.optional(z.boolean()),
  actor: Actor,
  startedAt: Timestamp,
  answeredAt: Timestamp,
  durationMs: z.number().check(z.int(), z.gte(0), z.lte(86_400_000)),
  skippedRemaining: z.optional(z.boolean()),
});

export const AnswerStored = z.object({
  answerId: ClientId,
  challengeId: ContentId,
  /** The collector's verdict, from the core's `evaluateAnswer`. */
  status: AnswerStatus,
  details: z.object({ keys: z.optional(z.record(z.string(), z.enum(['ok', 'ko']))) }),
});

export const PostEventBody = z.object({
  eventId: ClientId,
  type: EventType,
  courseId: z.optional(ContentId),
  at: Timestamp,
  actor: Actor,
  detail: z.optional(Text(1000)),
});

export const EventStored = z.object({ eventId: ClientId, type: EventType });

/** The course statuses of docs/outcomes.md. */
export const CourseStatus = z.enum([COURSE_STATUS.ended, COURSE_STATUS.skippedRemaining, COURSE_STATUS.notReached, COURSE_STATUS.inProgress]);

export const SessionResults = z.object({
  sessionId: ClientId,
  surveyId: ContentId,
  contentVersion: z.string(),
  endReason: z.enum(['completed', 'quit', COURSE_STATUS.inProgress]),
  testTimeMs: z.number(),
  courses: z.array(
    z.object({
      courseId: ContentId,
      status: CourseStatus,
      /** Share of `ok` among the course's challenges; `null` until the course has ended. */
      successRate: z.nullable(z.number()),
      challenges: z.array(z.object({ challengeId: ContentId, status: z.nullable(AnswerStatus) })),
    }),
  ),
  /** Every stored answer, in arrival order. */
  answers: z.array(AnswerStored),
});

/** `POST /v1/refusals`: a person offered the survey who did not take it; nothing personal (docs/collector.md, "Refusals"). */
export const PostRefusalBody = z.object({
  /** Client-made id, so the outbox can send it again safely. */
  refusalId: ClientId,
  surveyId: ContentId,
  contentVersion: z.string().check(z.minLength(1), z.maxLength(64)),
  organisation: z.optional(Text(100)),
  campaign: z.optional(CampaignCode),
  reason: z.enum(REFUSAL_REASONS),
  /** When the survey was offered, from the device's clock (only its day is exported). */
  at: Timestamp,
});

export const RefusalStored = z.object({ refusalId: ClientId, reason: z.enum(REFUSAL_REASONS) });

export const ErrorBody = z.object({
  error: z.enum(ERROR_CODES),
  message: z.optional(z.string()),
  issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});

export const ExportFormat = z.enum(['csv', 'json']);

/** `POST /v1/sessions`. */
export type CreateSessionBody = z.input<typeof CreateSessionBody>;
export type SessionCreated = z.output<typeof SessionCreated>;
/** `PUT /v1/sessions/:id/questionnaire`. */
export type PutQuestionnaireBody = z.input<typeof PutQuestionnaireBody>;
export type QuestionnaireStored = z.output<typeof QuestionnaireStored>;
/** `POST /v1/sessions/:id/answers`. */
export type PostAnswerBody = z.input<typeof PostAnswerBody>;
export type AnswerStored = z.output<typeof AnswerStored>;
/** `POST /v1/sessions/:id/events`. */
export type PostEventBody = z.input<typeof PostEventBody>;
export type EventStored = z.output<typeof EventStored>;
/** `GET /v1/sessions/:id/results`. */
export type SessionResults = z.output<typeof SessionResults>;
/** `POST /v1/refusals`. */
export type PostRefusalBody = z.input<typeof PostRefusalBody>;
export type RefusalStored = z.output<typeof RefusalStored>;
/** Every error response: `{ error, message?, issues? }`. */
export type ErrorBody = z.output<typeof ErrorBody>;
/** A course's status in `SessionResults`. */
export type CourseStatus = z.output<typeof CourseStatus>;
