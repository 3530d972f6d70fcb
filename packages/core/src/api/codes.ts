/**
 * The fixed vocabularies of the `/v1` wire contract (docs/collector.md), as plain constants: the
 * outbox in the browser needs them without the zod schemas, which stay on the server's side.
 */

/** A coarse device type, declared by the client when it creates a session. */
export const DEVICES = ['mobile', 'tablet', 'desktop', 'unknown'] as const;
export type Device = (typeof DEVICES)[number];

/** The protocol events a client posts to `/v1/sessions/:id/events`. */
export const EVENT_TYPES = ['course_end', 'continue', 'skip_remaining', 'quit', 'interruption', 'resume', 'finished'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Every `error` code of a `/v1` error body: stable, so clients branch on it, never on the message. */
export const ERROR_CODES = [
  'invalid_request',
  'not_found',
  'session_not_found',
  'missing_token',
  'forbidden',
  'admin_disabled',
  'session_exists',
  'no_questionnaire',
  'questionnaire_already_validated',
  'questionnaire_missing',
  'session_finished',
  'challenge_already_answered',
  /** A challenge answer for a paper session, which has no course (docs/protocol.md, "Paper channel"). */
  'paper_session',
  'unknown_bank',
  'item_not_expected',
  'item_already_answered',
  'test_not_finished',
  'unknown_survey',
  'campaign_unknown',
  'campaign_closed',
  /** A replay of a disabled webhook endpoint's deliveries: nothing would ever send them. */
  'webhook_disabled',
  'organisation_exists',
  'organisation_unknown',
  'key_revoked',
  'no_valid_respondents',
  'mixed_surveys',
  'weighting_failed',
  'session_erased',
  'token_expired',
  'too_many_events',
  'unsupported_media_type',
  'payload_too_large',
  'rate_limited',
  'draining',
  'database_unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The 409 codes saying the collector already holds a record in that place, which it never replaces
 * (a questionnaire, a challenge's answer, the answer at a place of an adaptive test): sending again
 * cannot change anything, so a client counts the request as delivered.
 *
 * @example
 * if (response.status === 409 && isAlreadyStored(body.error)) forget(request);
 */
export function isAlreadyStored(code: string): boolean {
  return code === 'questionnaire_already_validated' || code === 'challenge_already_answered' || code === 'item_already_answered';
}

/**
 * Why a person offered the survey did not take it (docs/collector.md, "Refusals"): a closed list, so
 * the report counts them by reason; nothing about the person is recorded.
 * `declined`: said no; `no_time`: no time today; `language`: does not read French well enough;
 * `health_disability`: health or a disability prevents it; `reading`: reading or writing is too hard;
 * `other`: any other reason.
 */
export const REFUSAL_REASONS = ['declined', 'no_time', 'language', 'health_disability', 'reading', 'other'] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/**
 * Whether `value` can be a session's external reference (`external-ref`, docs/collector.md, "Linking
 * sessions"): 1 to 128 visible ASCII characters, no space. The wire schema and `<obs-survey>` both ask this.
 *
 * @example
 * isExternalRef('coop:beneficiaire/42'); // true
 * isExternalRef('Jeanne Dupont'); // false (a space)
 */
export function isExternalRef(value: string): boolean {
  return /^[\x21-\x7e]{1,128}$/.test(value);
}

/** Roles of an API key (docs/collector.md, "Access"): what a key may read, and whether it may erase. */
export const KEY_ROLES = ['admin', 'structure', 'territory'] as const;
export type KeyRole = (typeof KEY_ROLES)[number];

/**
 * Letters and digits of a campaign code: no `0`/`O`, `1`/`I`/`L`, so a code read aloud or copied
 * from paper is typed right.
 */
export const CAMPAIGN_CODE_ALPHABET = { letters: 'ABCDEFGHJKMNPQRSTUVWXYZ', digits: '23456789' } as const;
