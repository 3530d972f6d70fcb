/**
 * What the collector keeps, and the one small interface every storage adapter implements.
 * The adapters only persist; checking answers and the protocol rules live in the routes.
 */
import type { Actor, AnswerDetails, AnswerStatus, ChallengeAnswer, Lang, QuestionnaireAnswers } from '@observatoire/core';
import type { Channel, Device, EventType } from '@observatoire/core/api';
import type { AdaptiveStore } from './adaptive-types.js';
import type { RefusalStore } from './refusal-types.js';
import type { SessionFilter } from './filter.js';
import type { WebhookEvent, WebhookStore } from './webhook-types.js';

export type EndReason = 'completed' | 'quit';

/** Times are epoch milliseconds. `receivedAt` is the server's clock, the others the client's. */
export interface SessionRecord {
  id: string;
  /** SHA-256 of the session token, hex. The token itself is never stored. */
  tokenHash: string;
  surveyId: string;
  contentVersion: string;
  organisation: string | null;
  /** Code of the campaign the session takes part in (its organisation is then the campaign's). */
  campaign?: string | null;
  /** The host platform's own reference (`external-ref`): stored and exported, never shown. */
  externalRef?: string | null;
  /** Pseudonymous follow-up code shared by the sessions of one person (docs/follow-up.md). */
  followUpCode?: string | null;
  /** How the answers came in (docs/protocol.md, "Paper channel"); stored `online` when absent. */
  channel?: Channel;
  /** The date written on a paper form, `YYYY-MM-DD`; `null` online. */
  paperDate?: string | null;
  device: Device;
  lang: Lang;
  startedAt: number;
  receivedAt: number;
  endedAt: number | null;
  endReason: EndReason | null;
}

export interface QuestionnaireRecord {
  sessionId: string;
  answers: QuestionnaireAnswers;
  filledByMediator: boolean;
  validatedAt: number;
  receivedAt: number;
  /** Questions whose answer was prefilled by the structure and kept unchanged; stored `[]` when absent. */
  prefilled?: readonly string[];
}

export interface AnswerRecord {
  sessionId: string;
  answerId: string;
  challengeId: string;
  /** `null`: skipped. */
  answer: ChallengeAnswer | null;
  timedOut: boolean;
  /** The collector's own verdict, never the client's. */
  status: AnswerStatus;
  details: AnswerDetails;
  actor: Actor;
  startedAt: number;
  answeredAt: number;
  durationMs: number;
  skippedRemaining: boolean;
  receivedAt: number;
}

export interface EventRecord {
  sessionId: string;
  eventId: string;
  type: EventType;
  courseId: string | null;
  at: number;
  actor: Actor;
  detail: string | null;
  receivedAt: number;
}

/** A session as the routes need it to decide: its row and whether its questionnaire is stored. */
export interface SessionHead extends SessionRecord {
  hasQuestionnaire: boolean;
}

/** Everything stored about one session (results, export). Answers and events in arrival order. */
export interface SessionData {
  session: SessionRecord;
  questionnaire: QuestionnaireRecord | null;
  answers: AnswerRecord[];
  events: EventRecord[];
}

/** The database's load, for `/metrics`. */
export interface StoreStats {
  /** Queries waiting for a connection (PostgreSQL) or for the embedded database (PGlite). */
  waiting: number;
  /** Open connections, and of them the idle ones (0 for the memory and PGlite stores). */
  connections: number;
  idle: number;
}

export type { SessionKey, SessionFilter } from './filter.js';

/**
 * - `inserted`: stored now;
 * - `duplicate`: this id was already stored: `record` is the first one (idempotent retry);
 * - `conflict`: another answer to the same challenge is already stored under another id;
 * - `closed`: the session has ended; nothing was stored.
 */
export type AddAnswerResult =
  | { outcome: 'inserted' | 'duplicate'; record: AnswerRecord }
  | { outcome: 'conflict'; record: AnswerRecord }
  | { outcome: 'closed' };

/** As for answers; `too_many`: the session already holds `maxEvents` events, nothing was stored. */
export type AddEventResult = { outcome: 'inserted' | 'duplicate'; record: EventRecord } | { outcome: 'too_many' };

/**
 * Storage of the collector. Writes for a session that does not exist (erased) throw
 * `SessionGoneError`. Every write is idempotent by its client-made id, and correct when
 * several collector instances share the store (no in-memory state is needed for correctness).
 *
 * @example
 * const store = await PgliteStore.open('.data/collector');
 * const { created, session } = await store.createSession(record); // the new row, or the one already there
 */
export interface Store extends AdaptiveStore {
  /** Insert unless a session with this id exists; returns the stored session either way. Throws `SessionGoneError` for an erased id. */
  createSession(record: SessionRecord): Promise<{ created: boolean; session: SessionRecord }>;
  getSession(id: string): Promise<SessionHead | null>;
  /**
   * `false` when the session already has a questionnaire (it is never replaced). With `webhook`, the
   * event's deliveries are queued with the questionnaire, only when it is stored (docs/webhooks.md).
   */
  putQuestionnaire(record: QuestionnaireRecord, webhook?: WebhookEvent): Promise<boolean>;
  /** Stored only while the session is open (not ended), checked by the write itself. */
  addAnswer(record: AnswerRecord): Promise<AddAnswerResult>;
  /**
   * A `quit` or `finished` event also ends the session (the first one wins). With `maxEvents`, a new
   * event is stored only while the session holds fewer (concurrent inserts may pass it by a few).
   * With `webhook`, the event's deliveries are queued with the session's end, only when this event
   * ended it (docs/webhooks.md).
   */
  addEvent(record: EventRecord, maxEvents?: number, webhook?: WebhookEvent): Promise<AddEventResult>;
  /** Already stored answer (same session, same id), to answer a retry without re-checking. */
  findAnswer(sessionId: string, answerId: string): Promise<AnswerRecord | null>;
  findEvent(sessionId: string, eventId: string): Promise<EventRecord | null>;
  getSessionData(id: string): Promise<SessionData | null>;
  /** Every session, ordered by `receivedAt` then id. Holds them all in memory: prefer `streamSessionData`. */
  listSessionData(): Promise<SessionData[]>;
  /**
   * The sessions matching `filter`, ordered by `receivedAt` then id, read `pageSize` at a time so
   * memory stays constant whatever the number of sessions. Each page is one consistent snapshot;
   * sessions stored during the read may or may not appear.
   */
  streamSessionData(filter?: SessionFilter, pageSize?: number): AsyncIterable<SessionData>;
  /**
   * Remove the session and all its data, and keep its id as erased (a tombstone) so any later write
   * for it fails with `SessionGoneError`. `false` when there was no session (the id is kept all the same).
   */
  deleteSession(id: string, erasedAt: number): Promise<boolean>;
  /** Whether the id was erased. */
  isErased(id: string): Promise<boolean>;
  /** Organisations, campaigns, API keys and the audit log (docs/collector.md, "Access"). */
  structures: StructureStore;
  /** Webhook endpoints and the queue of their deliveries (docs/webhooks.md). */
  webhooks: WebhookStore;
  /** People offered the survey who did not take it (docs/collector.md, "Refusals"). */
  refusals: RefusalStore;
  /** Resolves when the database answers (`/readyz`). */
  ping(): Promise<void>;
  stats(): StoreStats;
  close(): Promise<void>;
}

/** Times are the server's epoch milliseconds. */
export interface OrganisationRecord {
  id: string;
  name: string;
  siret: string | null;
  /** INSEE commune code. */
  commune: string;
  createdAt: number;
}

export interface CampaignRecord {
  /** `ABC-234`: the short code people type; also its id. */
  code: string;
  organisation: string;
  surveyId: string;
  contentVersion: string;
  opensAt: number;
  closesAt: number | null;
  target: number | null;
  label: string | null;
  createdAt: number;
}

export type KeyRole = 'admin' | 'structure' | 'territory';

export interface ApiKeyRecord {
  id: string;
  /** SHA-256 of the key, hex. The key itself is never stored. */
  keyHash: string;
  role: KeyRole;
  /** A `structure` key's organisation. */
  organisation: string | null;
  /** A `territory` key's territory: `dep:35` or `region:53`. */
  territory: string | null;
  label: string;
  createdAt: number;
  revokedAt: number | null;
}

export interface AuditRecord {
  /** Its place in the log, given by the store (increasing). */
  id?: number;
  at: number;
  /** A key id, or `admin-token`. */
  actor: string;
  /**
   * `export`, `export_cancelled`, `report`, `erase`, `adaptive_export`, `adaptive_export_cancelled`, `refusals_export`, `refusals_export_cancelled`,
   * `adaptive_erase`, `organisation_create`, `campaign_create`, `key_create`, `key_revoke`.
   */
  action: string;
  target: string | null;
  /** Rows read by an export or a report. */
  rows: number | null;
}

/**
 * The structures' storage: organisations, campaigns, API keys (hashed) and the audit log.
 *
 * @example
 * if (!(await store.structures.createOrganisation(record))) conflict();
 */
export interface StructureStore {
  /** `false` when the id is taken. */
  createOrganisation(record: OrganisationRecord): Promise<boolean>;
  getOrganisation(id: string): Promise<OrganisationRecord | null>;
  listOrganisations(): Promise<OrganisationRecord[]>;
  /** `false` when the code is taken (draw another). */
  createCampaign(record: CampaignRecord): Promise<boolean>;
  getCampaign(code: string): Promise<CampaignRecord | null>;
  /** By creation time; only `organisation`'s when given. */
  listCampaigns(organisation?: string): Promise<CampaignRecord[]>;
  createApiKey(record: ApiKeyRecord): Promise<void>;
  findApiKey(keyHash: string): Promise<ApiKeyRecord | null>;
  listApiKeys(): Promise<ApiKeyRecord[]>;
  /** `false` when there is no such key; revoking twice keeps the first time. */
  revokeApiKey(id: string, at: number): Promise<boolean>;
  addAudit(record: AuditRecord): Promise<void>;
  /** Newest first, at most `limit`; only the entries older than the entry `beforeId` when given. */
  listAudit(limit: number, beforeId?: number): Promise<AuditRecord[]>;
}

/**
 * Token buckets behind the rate limit (docs/collector.md, "Rate limit"): kept in memory by the
 * middleware (`MemoryBuckets`), or in the database (`SqlStore.rateLimitBuckets`) so several collector
 * instances share them. Times are epoch milliseconds.
 */
export interface Buckets {
  /** Take one token from `key`'s bucket: 0 when taken, else the seconds to wait before one is back. */
  take(key: string, at: number): Promise<number>;
  /** Whether `key`'s bucket holds a token, without taking it. */
  has(key: string, at: number): Promise<boolean>;
}

export interface BucketRule {
  /** Requests a client may send at once. */
  burst: number;
  /** Requests per second added back to the bucket. */
  perSecond: number;
}
