/**
 * The `/v1/adaptive-sessions` bodies (docs/collector.md, "Adaptive sessions"): an adaptive test
 * (docs/adaptive.md) is created with its bank, seed and configuration, so the collector can re-run
 * the core's adaptive session from the answers it receives; then one answer per item asked, in
 * order; then its end. Same rules as the survey's bodies (schemas.ts): unknown fields dropped.
 */
import '../zod-config.js';
import * as z from 'zod/mini';
import type { AdaptiveTestConfig } from '../adaptive/engine.js';
import type { StopReason } from '../adaptive/stopping.js';
import { Actor, AnswerStatus, ChallengeAnswer, ClientId, ContentId, Device, Lang, Timestamp, Token } from './schemas.js';

const Finite = z.number().check(z.refine(Number.isFinite, 'must be a finite number'));
const Count = (min: number, max: number) => z.number().check(z.int('must be a whole number'), z.gte(min), z.lte(max));

/**
 * The test's configuration as the core reads it (`AdaptiveTestConfig`); the collector checks it
 * further with the core (`checkAdaptiveConfig`). The grid is capped so a request cannot make the
 * server's replay slow.
 */
export const AdaptiveConfig = z.object({
  estimator: z.optional(z.enum(['EAP', 'MAP', 'ML', 'WLE'])),
  grid: z.optional(
    z.object({
      points: z.optional(Count(2, 401)),
      min: z.optional(Finite),
      max: z.optional(Finite),
      prior: z.optional(z.object({ mean: Finite, sd: Finite })),
    }),
  ),
  bounds: z.optional(z.tuple([Finite, Finite])),
  randomesque: z.optional(Count(1, 100)),
  sympsonHetter: z.optional(z.record(ContentId, Finite)),
  balanceBy: z.optional(z.enum(['area', 'competence'])),
  contentTargets: z.optional(z.record(z.string().check(z.regex(/^[1-9](\.[1-9])?$/, 'must be an area or competence code such as "4" or "4.1"')), Finite)),
  stopping: z.object({
    maxItems: Count(1, 200),
    minItems: z.optional(Count(1, 200)),
    maxSe: z.optional(Finite),
    classification: z.optional(z.object({ cut: Finite, z: z.optional(Finite) })),
  }),
});

export const CreateAdaptiveSessionBody = z.object({
  /** `sessionIdFromSeed(seed)`, as the core's adaptive session names itself. */
  sessionId: ClientId,
  token: Token,
  bankId: ContentId,
  bankVersion: z.string().check(z.minLength(1), z.maxLength(64)),
  /** The session's seed: with the answers, it gives every item the test asks. */
  seed: z.string().check(z.minLength(1), z.maxLength(128)),
  config: AdaptiveConfig,
  organisation: z.optional(z.string().check(z.maxLength(100, 'must be at most 100 characters'))),
  device: Device,
  lang: Lang,
  startedAt: Timestamp,
});

export const AdaptiveSessionCreated = z.object({ sessionId: ClientId, token: Token });

export const PostAdaptiveAnswerBody = z.object({
  /** The core's event id (`<sessionId>-<seq>`). */
  answerId: ClientId,
  /** 1 for the first item asked, 2 for the second… */
  seq: Count(1, 200),
  itemId: ContentId,
  /** `null`: the item was skipped. */
  answer: z.nullable(ChallengeAnswer),
  timedOut: z.optional(z.boolean()),
  actor: Actor,
  startedAt: Timestamp,
  answeredAt: Timestamp,
  durationMs: Count(0, 86_400_000),
});

export const AdaptiveAnswerStored = z.object({
  answerId: ClientId,
  seq: z.number(),
  itemId: ContentId,
  /** The collector's verdict, from the core's `evaluateAnswer`. */
  status: AnswerStatus,
  /** The estimate after this answer, from the collector's own replay. */
  theta: z.number(),
  se: z.number(),
  /** The test has ended by its stopping rule with this answer. */
  finished: z.boolean(),
});

// The core's vocabulary, spelled out for the wire: `satisfies` keeps it in step.
const STOP_REASONS = ['length', 'precision', 'classification', 'bank_exhausted', 'stopped'] as const satisfies readonly (StopReason | 'stopped')[];

export const FinishAdaptiveBody = z.object({
  eventId: ClientId,
  /** `completed`: a stopping rule ended the test; `stopped`: the mediator ended it. */
  reason: z.enum(['completed', 'stopped']),
  at: Timestamp,
  actor: Actor,
});

export const AdaptiveFinished = z.object({
  sessionId: ClientId,
  stopReason: z.enum(STOP_REASONS),
  items: z.number(),
  theta: z.number(),
  se: z.number(),
  /** The pix score of the competence profile (0 to 1024). */
  totalPix: z.number(),
});

/** `POST /v1/adaptive-sessions`. */
export type CreateAdaptiveSessionBody = z.input<typeof CreateAdaptiveSessionBody>;
export type AdaptiveSessionCreated = z.output<typeof AdaptiveSessionCreated>;
/** `POST /v1/adaptive-sessions/:id/answers`. */
export type PostAdaptiveAnswerBody = z.input<typeof PostAdaptiveAnswerBody>;
export type AdaptiveAnswerStored = z.output<typeof AdaptiveAnswerStored>;
/** `POST /v1/adaptive-sessions/:id/finish`. */
export type FinishAdaptiveBody = z.input<typeof FinishAdaptiveBody>;
export type AdaptiveFinished = z.output<typeof AdaptiveFinished>;

// The wire's configuration is one the core can run (checked at compile time).
true satisfies z.output<typeof AdaptiveConfig> extends AdaptiveTestConfig ? true : false;
