/**
 * Verified-session cache of the answer route: one database round trip per answer instead of two
 * (docs/collector.md, "Performance"). It keeps only sessions that were open with their questionnaire
 * stored, and only what never changes afterwards (id, token, survey, start). Whether the session
 * is still open is decided by the answer's insert itself (`Store.addAnswer` stores only into an open
 * session), so a stale entry, even after another instance ended or erased the session, can
 * never let an answer in: it costs the slow path once.
 */
import type { SessionHead } from './store/types.js';
import { sameHash } from './token.js';

/**
 * A bounded map, least recently used first out.
 *
 * @example
 * const cache = new SessionCache(10_000);
 * cache.remember(head, token); // only if open with its questionnaire
 * cache.get(head.id, token); // the head, for that token only
 */
export class SessionCache {
  private readonly heads = new Map<string, { head: SessionHead; token: string }>();

  constructor(private readonly maxEntries = 10_000) {}

  /**
   * The session, if `token` is the one already verified for it (compared in constant time): the
   * SHA-256 of the token need not be computed again. Only in this process's memory, never stored.
   */
  get(id: string, token: string): SessionHead | undefined {
    const entry = this.heads.get(id);
    if (!entry || !sameHash(entry.token, token)) return undefined;
    this.heads.delete(id);
    this.heads.set(id, entry);
    return entry.head;
  }

  /** Keep `head` and its verified `token` if it can take answers now (questionnaire stored, not ended). */
  remember(head: SessionHead, token: string): void {
    if (!head.hasQuestionnaire || head.endedAt !== null) return;
    this.heads.set(head.id, { head, token });
    if (this.heads.size > this.maxEntries) this.heads.delete(this.heads.keys().next().value as string);
  }

  forget(id: string): void {
    this.heads.delete(id);
  }
}
