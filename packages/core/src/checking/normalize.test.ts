import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { levenshtein } from './levenshtein.js';
import { normalizeAnswer } from './normalize.js';
import { parseTypedNumber } from './number.js';

describe('normalizeAnswer: pre-treatment, then T1, then T2', () => {
  const cases: [string, Parameters<typeof normalizeAnswer>[1], string][] = [
    [' Élysée  Palace ! ', undefined, 'elyseepalace'],
    [' Élysée  Palace ! ', { t2: false }, 'elyseepalace!'],
    [' Élysée  Palace ! ', { t1: false }, ' lyse Palace '],
    [' Élysée  Palace ! ', { t1: false, t2: false }, ' Élysée  Palace ! '],
    ['E\u0301\u00A0a\u202Fb', { t1: false, t2: false }, 'É a b'],
    ['Œuvre ø', undefined, 'oeuvre'],
    ['sœur, cæcum', undefined, 'soeurcaecum'],
    ['Œuvre', { t1: false }, 'uvre'],
    ['İstanbul', undefined, 'istanbul'],
  ];
  for (const [input, tolerances, expected] of cases)
    it(`${JSON.stringify(input)} ${JSON.stringify(tolerances ?? {})} → ${JSON.stringify(expected)}`, () =>
      assert.equal(normalizeAnswer(input, tolerances), expected));
});

describe('levenshtein', () => {
  const cases: [string, string, number][] = [
    ['', '', 0], ['', 'abc', 3], ['abc', '', 3], ['chat', 'chats', 1], ['chat', 'chta', 2],
    ['kitten', 'sitting', 3], ['ordinateur', 'ordinatuer', 2], ['😀a', 'a', 1],
  ];
  for (const [a, b, expected] of cases) {
    it(`${JSON.stringify(a)} ↔ ${JSON.stringify(b)} = ${expected}`, () => {
      assert.equal(levenshtein(a, b), expected);
      assert.equal(levenshtein(b, a), expected);
    });
  }
});

describe('parseTypedNumber', () => {
  const cases: [string, number | undefined][] = [
    ['7', 7], [' 7,00 ', 7], ['-3,5', -3.5], ['+0.25', 0.25], ['\u22122', -2], ['1 000 000,5', 1000000.5], ['007', 7],
    ['7a', undefined], ['', undefined], ['-', undefined], [',5', undefined], ['7,', undefined], ['1e3', undefined],
    ['1,000.5', undefined], ['12 34', undefined], ['Infinity', undefined], ['0x10', undefined],
  ];
  for (const [text, expected] of cases)
    it(`${JSON.stringify(text)} → ${String(expected)}`, () => assert.equal(parseTypedNumber(text), expected));
});
