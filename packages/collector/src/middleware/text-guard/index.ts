/**
 * Text the database cannot hold is refused at the door: U+0000 (PostgreSQL `text` and `jsonb`
 * reject it) and lone UTF-16 surrogates (not Unicode text; `jsonb` rejects their escapes). Before
 * this check such strings reached the SQL driver and came back as 500s, which an outbox retries
 * forever (docs/collector.md, "Bad input").
 */
import type { MiddlewareHandler } from 'hono';
import { formatPath, invalidRequest, type RequestIssue } from '../../api/errors.js';
import { jsonBodyOf, NOT_JSON } from '../json-body.js';

/** U+0000, a high surrogate not followed by a low one, or a low one not preceded by a high one. */
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether a string can be stored as PostgreSQL text.
 *
 * @example
 * isStorableText('a\u0000b'); // false
 * isStorableText('\uD83D\uDE00'); // true (a whole emoji)
 */
export function isStorableText(value: string): boolean {
  return !unstorable.test(value);
}

const PROBLEM = 'must not contain U+0000 or a lone UTF-16 surrogate';

/**
 * Every issue of a parsed JSON value: strings and object keys that cannot be stored, with their path.
 *
 * @example
 * unstorableStrings({ answers: { x: ['ok', 'a\u0000'] } }); // [{ path: 'answers.x[1]', message: '…' }]
 */
export function unstorableStrings(value: unknown, path: PropertyKey[] = [], issues: RequestIssue[] = []): RequestIssue[] {
  if (typeof value === 'string') {
    if (!isStorableText(value)) issues.push({ path: formatPath(path), message: PROBLEM });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unstorableStrings(item, [...path, i], issues));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) issues.push({ path: formatPath([...path, '(key)']), message: `a key ${PROBLEM}` });
      else unstorableStrings(item, [...path, key], issues);
    }
  }
  return issues;
}

/**
 * Refuse (400 `invalid_request`) a request whose path, query or JSON body holds unstorable text,
 * naming where: `path`, `query.<name>`, or the body's field path. A body that is not JSON is left
 * to the route, which says so.
 *
 * @example
 * app.use('/v1/*', guardText());
 */
export function guardText(): MiddlewareHandler {
  return async (c, next) => {
    const issues: RequestIssue[] = [];
    const url = new URL(c.req.url);
    for (const segment of url.pathname.split('/')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        issues.push({ path: 'path', message: 'is not valid percent-encoded UTF-8' });
        break;
      }
      if (!isStorableText(decoded)) {
        issues.push({ path: 'path', message: PROBLEM });
        break;
      }
    }
    for (const [name, value] of url.searchParams) {
      if (!isStorableText(name) || !isStorableText(value)) issues.push({ path: `query.${isStorableText(name) ? name : '(name)'}`, message: PROBLEM });
    }
    if (issues.length === 0 && hasJsonBody(c.req.header('Content-Type'), c.req.method)) {
      const body = await jsonBodyOf(c);
      if (body === NOT_JSON) return next();
      unstorableStrings(body, [], issues);
    }
    if (issues.length > 0) return invalidRequest(c, issues);
    return next();
  };
}

function hasJsonBody(contentType: string | undefined, method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && /^application\/json\s*(;|$)/i.test(contentType ?? '');
}
