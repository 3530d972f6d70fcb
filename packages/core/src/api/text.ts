/**
 * Text made safe to send (docs/outbox.md): a U+0000 or a lone surrogate in an answer (a paste, a
 * broken keyboard) is refused by PostgreSQL and by strict JSON parsers, so the collector would
 * answer 5xx to the same request for ever. The device cleans every string before it is queued.
 */

/** Lone surrogates (a high one not followed by a low one, or a low one not preceded by a high one). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * One string without U+0000 (removed) and with every lone surrogate replaced by U+FFFD.
 *
 * @example
 * sanitizeText('a\u0000b'); // 'ab'
 * sanitizeText('x\uD800'); // 'x\uFFFD'
 */
export function sanitizeText(text: string): string {
  return text.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * A JSON value with `sanitizeText` applied to every string in it, keys included; other values are
 * kept. Returns the same object when nothing needed cleaning.
 *
 * @example
 * sanitizeJson({ answer: { naissance: '05/03/1958\u0000' } }); // { answer: { naissance: '05/03/1958' } }
 */
export function sanitizeJson<T>(value: T): T {
  return clean(value) as T;
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return sanitizeText(value);
  if (Array.isArray(value)) {
    const items = value.map(clean);
    return items.every((item, index) => item === value[index]) ? value : items;
  }
  if (value !== null && typeof value === 'object') {
    let changed = false;
    const entries = Object.entries(value).map(([key, item]) => {
      const entry = [sanitizeText(key), clean(item)] as const;
      if (entry[0] !== key || entry[1] !== item) changed = true;
      return entry;
    });
    return changed ? Object.fromEntries(entries) : value;
  }
  return value;
}
