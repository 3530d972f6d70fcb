/**
 * Verified-session cache of the answer route: one database round trip per answer instead of two
 * (docs/collector.md, "Performance"). It keeps only sessions that were open with their questionnaire
 * stored, and only what never changes afterwards (id, token hash, survey, start). Whether the session
 * is still open is decided by the answer's insert itself (`Store.addAnswer` stores only into an open
 * session), so a stale entry, even after another instance ended or erased the session, can
 * never let an answer in: it costs the slow path once.
 */
import type { SessionHead } from './store/types.js';

/**
 * A bounded map, least recently used first out.
 *
 * @example
 * const cache = new SessionCache(10_000);
 * cache.remember(head); // only if open with its questionnaire
 * cache.get(head.id);
 */
export class SessionCache {
  private readonly heads = new Map<string, SessionHead>();

  constructor(private readonly maxEntries = 10_000) {}

  get(id: string): SessionHead | undefined {
    const head = this.heads.get(id);
    if (head) {
      this.heads.delete(id);
      this.heads.set(id, head);
    }
    return head;
  }

  /** Keep `head` if it can take answers now (questionnaire stored, not ended). */
  remember(head: SessionHead): void {
    if (!head.hasQuestionnaire || head.endedAt !== null) return;
    this.heads.set(head.id, head);
    if (this.heads.size > this.maxEntries) this.heads.delete(this.heads.keys().next().value as string);
  }

  forget(id: string): void {
    this.heads.delete(id);
  }
}
