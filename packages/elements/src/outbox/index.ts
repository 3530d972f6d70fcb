/** The offline-safe path from a survey session to the collector (docs/outbox.md). */
export { Outbox, retryDelay, retryAfterMs, RETRY_BASE_MS, RETRY_CAP_MS } from './outbox.js';
export type { OutboxRequest, OutboxStatus, OutboxState, OutboxError, OutboxOptions, OutboxTimers, RequestKind, StoredRequest } from './outbox.js';
export { requestsFor, type SessionTarget } from './requests.js';
export type { Device } from '@observatoire/core/api';
export { findUnfinished, forgetSession, type SavedSession } from './saved-sessions.js';
export { openRecordedSession, sharedOutbox, deviceType, type RecordedSessionOptions } from './recorder.js';
export { ObsSyncStatus } from './obs-sync-status.js';
