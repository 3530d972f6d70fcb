import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CreateSessionBody, ERROR_CODES, ErrorBody, isAlreadyStored, newToken, type ErrorCode } from './index.js';

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
