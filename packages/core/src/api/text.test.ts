import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sanitizeJson, sanitizeText } from './text.js';

describe('text sanitised on the device before it is queued (docs/outbox.md)', () => {
  const cases: Array<{ rule: string; input: string; expected: string }> = [
    { rule: 'plain text is kept', input: 'Élodie, 5 mars 1958 🙂', expected: 'Élodie, 5 mars 1958 🙂' },
    { rule: 'U+0000 is removed', input: 'a\u0000b\u0000', expected: 'ab' },
    { rule: 'a lone high surrogate becomes U+FFFD', input: 'x\uD83D', expected: 'x\uFFFD' },
    { rule: 'a lone low surrogate becomes U+FFFD', input: '\uDE42y', expected: '\uFFFDy' },
    { rule: 'two high surrogates in a row are both lone', input: '\uD83D\uD83D', expected: '\uFFFD\uFFFD' },
    { rule: 'a pair is kept even next to a lone one', input: '\uD83D\uD83D\uDE42', expected: '\uFFFD🙂' },
    { rule: 'other control characters are kept (tabs, new lines)', input: 'a\tb\nc', expected: 'a\tb\nc' },
  ];
  for (const { rule, input, expected } of cases) {
    it(rule, () => assert.equal(sanitizeText(input), expected));
  }

  it('cleans every string of a JSON value, keys included, and keeps other values', () => {
    const body = { answerId: 'a1', answer: { 'k\u0000': 'v\uD800', n: '1' }, list: ['\u0000x'], durationMs: 12, timedOut: true, none: null };
    assert.deepEqual(sanitizeJson(body), { answerId: 'a1', answer: { k: 'v\uFFFD', n: '1' }, list: ['x'], durationMs: 12, timedOut: true, none: null });
  });

  it('returns the same object when nothing needed cleaning', () => {
    const body = { answer: { k: 'v' }, list: ['x'] };
    assert.equal(sanitizeJson(body), body);
  });
});
