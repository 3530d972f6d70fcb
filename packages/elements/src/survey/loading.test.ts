import { expect } from '@open-wc/testing';
import { isTrusted } from './loading.js';

const sha256 = async (text: string) =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))), (b) => b.toString(16).padStart(2, '0')).join('');

describe('isTrusted (definitions validated at build time, docs/loading.md)', () => {
  const text = '{"id":"observatoire-2025"}';

  for (const [name, digests, edit, expected] of [
    ['the digest of the text is shipped', 'own', (t: string) => t, true],
    ['one character changed', 'own', (t: string) => t.replace('2025', '2026'), false],
    ['no digest shipped (the packages)', 'none', (t: string) => t, false],
    ['another definition’s digest only', 'other', (t: string) => t, false],
  ] as const) {
    it(`${name}: ${expected}`, async () => {
      const list = digests === 'own' ? [await sha256(text)] : digests === 'other' ? [await sha256('{}')] : [];
      expect(await isTrusted(edit(text), list)).to.equal(expected);
    });
  }
});
