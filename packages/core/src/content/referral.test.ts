import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkReferralLinks, MAX_REFERRAL_LINKS } from './referral.js';

const aidants = { title: 'Aidants Connect', url: 'https://aidantsconnect.beta.gouv.fr' };

for (const [reason, json, kept, issues] of [
  ['a web link with a title is kept', [aidants], 1, []],
  ['a detail (where, when) is kept with it', [{ ...aidants, detail: 'Mardi, 14 h' }], 1, []],
  ['a relative link (the structure’s own page) is kept', [{ title: 'Nos ateliers', url: '/ateliers' }], 1, []],
  ['a javascript: URL never reaches an href', [{ title: 'x', url: 'javascript:alert(1)' }], 0, ['[0].url: must be an http(s) or relative URL']],
  ['a data: URL neither', [aidants, { title: 'x', url: 'data:text/html,<b>' }], 1, ['[1].url: must be an http(s) or relative URL']],
  ['a link without a title is left out, the others kept', [{ url: 'https://pix.fr' }, aidants], 1, ['[0].title: is required (string)']],
  ['an empty title is left out', [{ title: '  ', url: 'https://pix.fr' }], 0, ['[0].title: must not be empty']],
  ['a title too long for the sheet is left out', [{ title: 'a'.repeat(81), url: 'https://pix.fr' }], 0, ['[0].title: must be at most 80 characters']],
  ['an unknown field is refused (a typo is not silently ignored)', [{ ...aidants, titre: 'x' }], 0, ['[0]: unknown field "titre"']],
  ['not an array', { title: 'x' }, 0, [': must be an array of links']],
  [`more than ${MAX_REFERRAL_LINKS} links: the extra ones are left out`, Array.from({ length: MAX_REFERRAL_LINKS + 1 }, () => aidants), MAX_REFERRAL_LINKS, [`[${MAX_REFERRAL_LINKS}]: left out: at most ${MAX_REFERRAL_LINKS} links fit on the sheet`]],
] as const) {
  test(`referral links: ${reason}`, () => {
    const result = checkReferralLinks(json);
    assert.equal(result.links.length, kept);
    assert.deepEqual(result.issues.map((issue) => `${issue.path}: ${issue.message}`), issues);
  });
}
