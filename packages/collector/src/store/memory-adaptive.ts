/**
 * The adaptive half of `MemoryStore` (mock mode, unit tests): the same rules as the SQL adapters
 * (an answer id, a place and an item once per session; first end wins). No Node imports.
 */
import type {
  AdaptiveAnswerRecord,
  AdaptiveEnd,
  AdaptiveSessionData,
  AdaptiveSessionRecord,
  AdaptiveStore,
  AddAdaptiveAnswerResult,
} from './adaptive-types.js';
import { SessionGoneError } from './errors.js';
import { selected, type SessionFilter } from './filter.js';

/**
 * @example
 * const adaptive = new MemoryAdaptiveStore(erasedIds); // the erased ids shared with the survey sessions
 */
export class MemoryAdaptiveStore implements AdaptiveStore {
  private readonly sessions = new Map<string, AdaptiveSessionData>();

  constructor(private readonly erased: Set<string>) {}

  async createAdaptiveSession(record: AdaptiveSessionRecord): Promise<{ created: boolean; session: AdaptiveSessionRecord }> {
    const existing = this.sessions.get(record.id);
    if (existing) return { created: false, session: copy(existing.session) };
    if (this.erased.has(record.id)) throw new SessionGoneError(record.id);
    this.sessions.set(record.id, { session: copy(record), answers: [] });
    return { created: true, session: copy(record) };
  }

  async getAdaptiveSessionData(id: string): Promise<AdaptiveSessionData | null> {
    const data = this.sessions.get(id);
    return data ? copy(data) : null;
  }

  async addAdaptiveAnswer(record: AdaptiveAnswerRecord): Promise<AddAdaptiveAnswerResult> {
    const data = this.need(record.sessionId);
    const same = data.answers.find((a) => a.answerId === record.answerId);
    if (same) return { outcome: 'duplicate', record: copy(same) };
    const other = data.answers.find((a) => a.seq === record.seq || a.itemId === record.itemId);
    if (other) return { outcome: 'conflict', record: copy(other) };
    if (data.session.endedAt !== null) return { outcome: 'closed' };
    data.answers.push(copy(record));
    data.answers.sort((a, b) => a.seq - b.seq);
    return { outcome: 'inserted', record: copy(record) };
  }

  async finishAdaptiveSession(id: string, end: AdaptiveEnd): Promise<AdaptiveSessionRecord> {
    const session = this.need(id).session;
    if (session.endedAt === null) Object.assign(session, end);
    return copy(session);
  }

  async *streamAdaptiveSessionData(filter: SessionFilter = {}): AsyncIterable<AdaptiveSessionData> {
    for (const data of selected(this.sessions.values(), filter)) yield copy(data);
  }

  async deleteAdaptiveSession(id: string): Promise<boolean> {
    this.erased.add(id);
    return this.sessions.delete(id);
  }

  private need(id: string): AdaptiveSessionData {
    const data = this.sessions.get(id);
    if (!data) throw new SessionGoneError(id);
    return data;
  }
}

function copy<T>(value: T): T {
  return structuredClone(value);
}
