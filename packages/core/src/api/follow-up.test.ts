import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkCharacter, checkFollowUpCode, FOLLOW_UP_ALPHABET, isFollowUpCode, newFollowUpCode } from './follow-up.js';
import { CreateSessionBody, ExternalRef, FollowUpCode, PostRefusalBody } from './schemas.js';

/** A valid code to derive the cases from (its check character computed by the rule under test). */
const BODY = 'K7QM3RX';
const VALID = `K7QM-3RX${checkCharacter(BODY)}`;
const other = (c: string) => FOLLOW_UP_ALPHABET[(FOLLOW_UP_ALPHABET.indexOf(c) + 1) % FOLLOW_UP_ALPHABET.length]!;

describe('follow-up codes: made on the device, typed again later (docs/follow-up.md)', () => {
  test('the alphabet is the campaign codes\' one: no 0, O, 1, I or L', () => {
    assert.equal(FOLLOW_UP_ALPHABET.length, 31);
    for (const c of '0O1IL') assert.equal(FOLLOW_UP_ALPHABET.includes(c), false, c);
  });
  test('a new code is printed ABCD-EFGH and passes its own check', () => {
    for (let i = 0; i < 200; i++) {
      const code = newFollowUpCode();
      assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      assert.equal(isFollowUpCode(code), true, code);
    }
  });
  test('a new one each time', () => assert.equal(new Set(Array.from({ length: 200 }, () => newFollowUpCode())).size, 200));
  test('an injected generator gives a known code', () => assert.equal(newFollowUpCode(() => 0), `AAAA-AAA${checkCharacter('AAAAAAA')}`));

  const cases: [string, string, ReturnType<typeof checkFollowUpCode>][] = [
    [VALID, 'the printed form', { ok: true, code: VALID }],
    [VALID.toLowerCase(), 'typed in lower case', { ok: true, code: VALID }],
    [` ${VALID.replace('-', ' ')} `, 'with spaces instead of the hyphen', { ok: true, code: VALID }],
    [VALID.replace('-', ''), 'without the hyphen', { ok: true, code: VALID }],
    [VALID.slice(0, -1), 'a character missing', { ok: false, problem: 'length' }],
    [`${VALID}A`, 'a character too many', { ok: false, problem: 'length' }],
    ['', 'nothing typed', { ok: false, problem: 'length' }],
    [VALID.replace('K', 'O'), 'an O, never in a code', { ok: false, problem: 'character' }],
    [VALID.replace('7', '1'), 'a 1, never in a code', { ok: false, problem: 'character' }],
    [VALID.replace('K', other('K')), 'one wrong character', { ok: false, problem: 'check' }],
    [VALID.slice(0, -1) + other(VALID.at(-1)!), 'a wrong check character', { ok: false, problem: 'check' }],
    ['7KQM-3RX' + VALID.at(-1), 'two neighbours swapped', { ok: false, problem: 'check' }],
    ['KRQM-37X' + VALID.at(-1), 'two distant characters swapped', { ok: false, problem: 'check' }],
  ];
  for (const [typed, why, expected] of cases) test(`"${typed}": ${why}`, () => assert.deepEqual(checkFollowUpCode(typed), expected));

  test('every single substitution of every position is caught', () => {
    for (let i = 0; i < 8; i++) {
      const compact = VALID.replace('-', '');
      for (const c of FOLLOW_UP_ALPHABET) {
        if (c === compact[i]) continue;
        const typo = compact.slice(0, i) + c + compact.slice(i + 1);
        assert.deepEqual(checkFollowUpCode(typo), { ok: false, problem: 'check' }, typo);
      }
    }
  });
  test('the wire takes only the printed form', () => {
    assert.equal(isFollowUpCode(VALID), true);
    assert.equal(isFollowUpCode(VALID.toLowerCase()), false);
    assert.equal(FollowUpCode.safeParse(VALID.replace('-', '')).success, false);
  });
});

describe('external reference: opaque, 1 to 128 visible ASCII characters', () => {
  const cases: [string, boolean, string][] = [
    ['benef-2025/000123', true, 'a platform\'s id with a slash'],
    ['a', true, 'one character'],
    ['x'.repeat(128), true, '128 characters'],
    ['x'.repeat(129), false, 'too long'],
    ['', false, 'empty'],
    ['ab cd', false, 'a space'],
    ['réf-1', false, 'not ASCII'],
    ['ab\ncd', false, 'a line break'],
  ];
  for (const [value, ok, why] of cases) test(`${JSON.stringify(value.slice(0, 20))}: ${why}`, () => assert.equal(ExternalRef.safeParse(value).success, ok));
  test('carried by the session\'s creation with a follow-up code', () => {
    const body = { surveyId: 's', contentVersion: '1', device: 'desktop', lang: 'fr', externalRef: 'coop:42', followUpCode: VALID };
    assert.equal(CreateSessionBody.safeParse(body).success, true);
    assert.equal(CreateSessionBody.safeParse({ ...body, followUpCode: VALID.slice(0, -1) + other(VALID.at(-1)!) }).success, false);
  });
});

describe('refusals: a reason from the closed list, nothing personal', () => {
  const body = { refusalId: 'r-1', surveyId: 's', contentVersion: '1', reason: 'no_time', at: 1_700_000_000_000 };
  test('a known reason is taken', () => assert.equal(PostRefusalBody.safeParse(body).success, true));
  test('an unknown reason is refused', () => assert.equal(PostRefusalBody.safeParse({ ...body, reason: 'busy' }).success, false));
  test('free text about the person is dropped', () => {
    const parsed = PostRefusalBody.parse({ ...body, name: 'Jeanne' });
    assert.equal('name' in parsed, false);
  });
});
