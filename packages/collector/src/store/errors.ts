/** Errors a store throws that are about the request, not the store's health. */

/**
 * A write for a session that was erased (or erased while the write was on its way): the app
 * answers `410 session_erased`, which an outbox must treat as final.
 *
 * @example
 * if (await store.isErased(id)) throw new SessionGoneError(id);
 */
export class SessionGoneError extends Error {
  override readonly name = 'SessionGoneError';
  constructor(readonly sessionId: string) {
    super(`session ${sessionId} was erased`);
  }
}
