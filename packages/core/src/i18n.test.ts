import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Lang } from './content/types.js';
import { toLang, translate, type Catalogue, type MessageParams } from './i18n.js';

const messages = {
  fr: { progress: 'Question {n} sur {total}', hello: 'Bonjour {name}' },
  en: { progress: 'Question {n} of {total}', hello: 'Hello {name}' },
} satisfies Catalogue<'progress' | 'hello'>;

describe('translate: the text of a key in a language, placeholders filled in', () => {
  const cases: [string, Lang, 'progress' | 'hello', MessageParams | undefined, string][] = [
    ['French, numbers formatted for French', 'fr', 'progress', { n: 3, total: 1200 }, 'Question 3 sur 1\u202f200'],
    ['English, numbers formatted for English', 'en', 'progress', { n: 3, total: 1200 }, 'Question 3 of 1,200'],
    ['French, small whole numbers as they are', 'fr', 'progress', { n: -999, total: 999 }, 'Question -999 sur 999'],
    ['French, negative thousands grouped', 'fr', 'progress', { n: -1000, total: 1234567 }, 'Question -1\u202f000 sur 1\u202f234\u202f567'],
    ['French, decimals with a comma', 'fr', 'progress', { n: 2.5, total: -0 }, 'Question 2,5 sur -0'],
    ['English, decimals with a point', 'en', 'progress', { n: 2.5, total: 1000 }, 'Question 2.5 of 1,000'],
    ['strings are left as they are', 'fr', 'hello', { name: 'Aïcha' }, 'Bonjour Aïcha'],
    ['an unknown placeholder stays visible', 'fr', 'hello', {}, 'Bonjour {name}'],
    ['no parameters: the text as written', 'en', 'hello', undefined, 'Hello {name}'],
  ];
  for (const [reason, lang, key, params, expected] of cases)
    test(reason, () => assert.equal(translate(messages, lang, key, params), expected));
});

describe('toLang: French unless English is asked for', () => {
  const cases: [string | null | undefined, Lang][] = [
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN', 'en'],
    ['fr', 'fr'],
    ['de', 'fr'],
    ['', 'fr'],
    [null, 'fr'],
    [undefined, 'fr'],
  ];
  for (const [value, expected] of cases) test(`${String(value)} → ${expected}`, () => assert.equal(toLang(value), expected));
});
