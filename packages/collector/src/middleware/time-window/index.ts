/**
 * Client timestamps that pass the schema but cannot be true are refused (400), so they never
 * distort the test time or the age band (docs/collector.md, "Bad input"): every time must lie in
 * the session window around the server's clock, and an answer's times must agree with each other.
 * The device clock is recorded as sent (next to the server's `received_at`), never corrected.
 */
import type { MiddlewareHandler } from 'hono';
import { invalidRequest, type RequestIssue } from '../../api/errors.js';
import { answerTimeProblems, clientTimeProblem } from '../../limits.js';
import { jsonBodyOf, NOT_JSON } from '../json-body.js';

/** The body fields that hold a client's epoch milliseconds, in the `/v1` bodies. */
const TIME_FIELDS = ['startedAt', 'answeredAt', 'at', 'validatedAt'] as const;

/**
 * @example
 * app.use('/v1/*', checkTimes(Date.now));
 */
export function checkTimes(now: () => number): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'POST' && c.req.method !== 'PUT') return next();
    const body = await jsonBodyOf(c);
    if (body === NOT_JSON) return next();
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return next();
    const fields = body as Record<string, unknown>;
    const issues: RequestIssue[] = [];
    const serverNow = now();
    for (const field of TIME_FIELDS) {
      const value = fields[field];
      // Shapes are the schema's business (the route says what is wrong): only valid timestamps are judged here.
      if (!isTimestamp(value)) continue;
      const problem = clientTimeProblem(value, serverNow);
      if (problem) issues.push({ path: field, message: problem });
    }
    const { startedAt, answeredAt, durationMs } = fields;
    if (issues.length === 0 && isTimestamp(startedAt) && isTimestamp(answeredAt) && isTimestamp(durationMs))
      issues.push(...answerTimeProblems({ startedAt, answeredAt, durationMs }));
    if (issues.length > 0) return invalidRequest(c, issues);
    return next();
  };
}

function isTimestamp(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
