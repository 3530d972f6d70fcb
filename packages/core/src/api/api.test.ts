import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CreateSessionBody, ERROR_CODES, ErrorBody, base64, isAlreadyStored, newToken, randomBytes, type ErrorCode } from './index.js';

describe('randomBytes: the one source of secrets', () => {
  test('as many bytes as asked', () => assert.deepEqual([0, 1, 32].map((n) => randomBytes(n).length), [0, 1, 32]));
  test('no cryptographic generator: no_random_source, never a weaker one', () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      assert.throws(() => randomBytes(32), { code: 'no_random_source' });
    } finally {
      Object.defineProperty(globalThis, 'crypto', descriptor);
    }
  });
  test('new bytes each time', () => assert.equal(new Set(Array.from({ length: 50 }, () => base64(randomBytes(32)))).size, 50));
  for (const [bytes, url, text] of [
    [[251, 255], false, '+/8='],
    [[251, 255], true, '-_8'],
    [[], true, ''],
  ] as const) {
    test(`base64 of [${bytes.join(', ')}]${url ? ' for URLs' : ''} is "${text}"`, () => assert.equal(base64(Uint8Array.from(bytes), { url }), text));
  }
});

describe('newToken: a secret the collector accepts', () => {
  test('43 base64url characters (32 bytes)', () => assert.match(newToken(), /^[A-Za-z0-9_-]{43}$/));
  test('a new one each time', () => assert.equal(new Set(Array.from({ length: 50 }, newToken)).size, 50));
  test('valid as the token of a session', () => {
    const body = { surveyId: 's', contentVersion: '1', device: 'desktop', lang: 'fr', sessionId: 'x', token: newToken() };
    assert.equal(CreateSessionBody.safeParse(body).success, true);
  });
});

describe('isAlreadyStored: the 409s a client counts as delivered', () => {
  const cases: [ErrorCode, boolean, string][] = [
    ['questionnaire_already_validated', true, 'the questionnaire is stored once and never replaced'],
    ['challenge_already_answered', true, 'a challenge keeps its first answer'],
    ['item_already_answered', true, 'a place of an adaptive test keeps its first answer'],
    ['item_not_expected', false, 'the engine would not ask that item there: something is wrong'],
    ['session_exists', false, 'another token: something is wrong'],
    ['session_finished', false, 'the data would be lost'],
    ['questionnaire_missing', false, 'the answers came before the questionnaire'],
  ];
  for (const [code, expected, why] of cases) test(`${code}: ${why}`, () => assert.equal(isAlreadyStored(code), expected));
});

describe('ErrorBody: the error codes are the contract', () => {
  test('every listed code is accepted', () => {
    for (const error of ERROR_CODES) assert.equal(ErrorBody.safeParse({ error }).success, true, error);
  });
  test('an unknown code is refused', () => assert.equal(ErrorBody.safeParse({ error: 'teapot' }).success, false));
});
