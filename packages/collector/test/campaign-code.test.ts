/** Campaign codes (docs/collector.md, "Organisations and campaigns"). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newCampaignCode, normaliseCampaignCode } from '../src/campaign-code.js';

test('a code is three letters, a dash and three digits, without look-alikes', () => {
  for (let i = 0; i < 500; i++) assert.match(newCampaignCode(), /^[A-HJKMNP-Z]{3}-[2-9]{3}$/);
});

test('bytes in the biased tail are drawn again, so every character is as likely', () => {
  // Letters: 256 = 23 × 11 + 3, so 253 to 255 are drawn again. Digits: 256 = 8 × 32, no tail (255 → '9').
  const bytes = [253, 0, 1, 2, 255, 0, 8];
  const random = () => new Uint8Array([bytes.shift() ?? 0]);
  assert.equal(newCampaignCode(random), 'ABC-922');
  assert.equal(bytes.length, 0, 'the rejected byte cost one more draw');
});

for (const [typed, stored] of [[' kxr-482 ', 'KXR-482'], ['KXR-482', 'KXR-482'], ['Kxr-482', 'KXR-482']] as const) {
  test(`"${typed}" is read as ${stored}`, () => assert.equal(normaliseCampaignCode(typed), stored));
}
