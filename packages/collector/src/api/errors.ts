/** JSON error bodies: `{ error, message?, issues? }`, `error` a stable code of the wire contract (`ErrorCode`). */
import type * as z from 'zod/mini';
import type { ErrorBody, ErrorCode } from '@observatoire/core/api';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** One problem of a request: a dotted path with indexes (`answers.annee_naissance`, empty for the whole body) and a message. */
export type RequestIssue = NonNullable<ErrorBody['issues']>[number];

export function errorResponse(c: Context, status: ContentfulStatusCode, error: ErrorCode, message?: string, issues?: RequestIssue[]): Response {
  return c.json({ error, ...(message === undefined ? {} : { message }), ...(issues === undefined ? {} : { issues }) }, status);
}

/** 400 `invalid_request` with the list of issues. */
export function invalidRequest(c: Context, issues: RequestIssue[]): Response {
  return errorResponse(c, 400, 'invalid_request', issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), issues);
}

export function issuesOf(error: z.core.$ZodError): RequestIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: describe(issue) }));
}

/** `['answers', 'x', 0]` → `answers.x[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out;
}

/** `zod/mini` carries no message catalogue: say what is wrong from the issue itself. */
function describe(issue: z.core.$ZodIssue): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `is required (${issue.expected})` : `must be ${article(issue.expected)}, not ${typeOf(issue.input)}`;
    case 'too_small':
      return issue.origin === 'string' ? `must be at least ${String(issue.minimum)} characters` : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_union':
      return 'is not of an accepted kind';
    case 'invalid_key':
      return 'has an invalid key';
    default:
      return 'is not valid';
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : article(typeof value);
}
