/**
 * In-memory `Store` for mock mode (msw, in a browser) and unit tests. Same rules as the SQL
 * adapters (ids unique per session, one answer per challenge, first end wins); no Node imports.
 */
import type {
  AddAnswerResult,
  AddEventResult,
  AnswerRecord,
  EventRecord,
  QuestionnaireRecord,
  SessionData,
  SessionFilter,
  SessionHead,
  SessionRecord,
  Store,
  StoreStats,
} from './types.js';
import { SessionGoneError } from './errors.js';
import { compareKeys, selected } from './filter.js';
import type { AdaptiveAnswerRecord, AdaptiveEnd, AdaptiveSessionData, AdaptiveSessionRecord, AddAdaptiveAnswerResult } from './adaptive-types.js';
import { MemoryAdaptiveStore } from './memory-adaptive.js';
import { MemoryStructures } from './memory-structures.js';
import { MemoryWebhooks } from './memory-webhooks.js';
import type { WebhookEvent } from './webhook-types.js';
import { MemoryRefusals } from './memory-refusals.js';

/**
 * @example
 * const app = createApp({ store: new MemoryStore(), definitions, adminToken: 'secret' });
 */
export class MemoryStore implements Store {
  private readonly sessions = new Map<string, SessionData>();
  private readonly erased = new Set<string>();
  /** Adaptive tests, with the same tombstones. */
  private readonly adaptive = new MemoryAdaptiveStore(this.erased);
  readonly structures = new MemoryStructures();
  readonly webhooks = new MemoryWebhooks((campaign) => this.structures.campaigns.get(campaign)?.organisation);
  readonly refusals = new MemoryRefusals((campaign) => this.structures.campaigns.get(campaign)?.organisation);

  async createSession(record: SessionRecord): Promise<{ created: boolean; session: SessionRecord }> {
    const existing = this.sessions.get(record.id);
    if (existing) return { created: false, session: copy(existing.session) };
    if (this.erased.has(record.id)) throw new SessionGoneError(record.id);
    // As the SQL adapters store it: no campaign (reference, code) is `null`, no channel `online`.
    const session = {
      ...copy(record),
      campaign: record.campaign ?? null,
      externalRef: record.externalRef ?? null,
      followUpCode: record.followUpCode ?? null,
      channel: record.channel ?? 'online',
      paperDate: record.paperDate ?? null,
    };
    this.sessions.set(record.id, { session, questionnaire: null, answers: [], events: [] });
    return { created: true, session: copy(session) };
  }

  async getSession(id: string): Promise<SessionHead | null> {
    const data = this.sessions.get(id);
    return data ? { ...copy(data.session), hasQuestionnaire: data.questionnaire !== null } : null;
  }

  async putQuestionnaire(record: QuestionnaireRecord, webhook?: WebhookEvent): Promise<boolean> {
    const data = this.need(record.sessionId);
    if (data.questionnaire) return false;
    data.questionnaire = { ...copy(record), prefilled: [...(record.prefilled ?? [])] };
    if (webhook) this.webhooks.enqueue(data.session, webhook);
    return true;
  }

  async addAnswer(record: AnswerRecord): Promise<AddAnswerResult> {
    const data = this.need(record.sessionId);
    const same = data.answers.find((a) => a.answerId === record.answerId);
    if (same) return { outcome: 'duplicate', record: copy(same) };
    const other = data.answers.find((a) => a.challengeId === record.challengeId);
    if (other) return { outcome: 'conflict', record: copy(other) };
    if (data.session.endedAt !== null) return { outcome: 'closed' };
    data.answers.push(copy(record));
    return { outcome: 'inserted', record: copy(record) };
  }

  async addEvent(record: EventRecord, maxEvents = Infinity, webhook?: WebhookEvent): Promise<AddEventResult> {
    const data = this.need(record.sessionId);
    const same = data.events.find((e) => e.eventId === record.eventId);
    if (same) return { outcome: 'duplicate', record: copy(same) };
    if (data.events.length >= maxEvents) return { outcome: 'too_many' };
    data.events.push(copy(record));
    if ((record.type === 'quit' || record.type === 'finished') && data.session.endedAt === null) {
      data.session.endedAt = record.at;
      data.session.endReason = record.type === 'quit' ? 'quit' : 'completed';
      if (webhook) this.webhooks.enqueue(data.session, webhook);
    }
    return { outcome: 'inserted', record: copy(record) };
  }

  async findAnswer(sessionId: string, answerId: string): Promise<AnswerRecord | null> {
    const found = this.sessions.get(sessionId)?.answers.find((a) => a.answerId === answerId);
    return found ? copy(found) : null;
  }

  async findEvent(sessionId: string, eventId: string): Promise<EventRecord | null> {
    const found = this.sessions.get(sessionId)?.events.find((e) => e.eventId === eventId);
    return found ? copy(found) : null;
  }

  async getSessionData(id: string): Promise<SessionData | null> {
    const data = this.sessions.get(id);
    return data ? copy(data) : null;
  }

  async listSessionData(): Promise<SessionData[]> {
    return [...this.sessions.values()].sort((a, b) => compareKeys(a.session, b.session)).map(copy);
  }

  async *streamSessionData(filter: SessionFilter = {}): AsyncIterable<SessionData> {
    const organisationOf = (campaign: string) => this.structures.campaigns.get(campaign)?.organisation;
    for (const data of selected(this.sessions.values(), filter, organisationOf)) yield copy(data);
  }

  async deleteSession(id: string): Promise<boolean> {
    this.erased.add(id);
    this.webhooks.forgetSession(id);
    return this.sessions.delete(id);
  }

  async isErased(id: string): Promise<boolean> {
    return this.erased.has(id);
  }

  createAdaptiveSession(record: AdaptiveSessionRecord): Promise<{ created: boolean; session: AdaptiveSessionRecord }> {
    return this.adaptive.createAdaptiveSession(record);
  }

  getAdaptiveSessionData(id: string): Promise<AdaptiveSessionData | null> {
    return this.adaptive.getAdaptiveSessionData(id);
  }

  addAdaptiveAnswer(record: AdaptiveAnswerRecord): Promise<AddAdaptiveAnswerResult> {
    return this.adaptive.addAdaptiveAnswer(record);
  }

  finishAdaptiveSession(id: string, end: AdaptiveEnd): Promise<AdaptiveSessionRecord> {
    return this.adaptive.finishAdaptiveSession(id, end);
  }

  streamAdaptiveSessionData(filter?: SessionFilter): AsyncIterable<AdaptiveSessionData> {
    return this.adaptive.streamAdaptiveSessionData(filter);
  }

  deleteAdaptiveSession(id: string): Promise<boolean> {
    return this.adaptive.deleteAdaptiveSession(id);
  }

  async ping(): Promise<void> {}

  stats(): StoreStats {
    return { waiting: 0, connections: 0, idle: 0 };
  }

  async close(): Promise<void> {}

  private need(id: string): SessionData {
    const data = this.sessions.get(id);
    // The SQL adapters fail the same way, on the foreign key.
    if (!data) throw new SessionGoneError(id);
    return data;
  }
}

/** Stored values are copies, as a database would give, so callers cannot change the store by mistake. */
function copy<T>(value: T): T {
  return structuredClone(value);
}
