import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ColumnBuilder, decodeUtf8, encodeUtf8 } from './column-builder.js';

describe('UTF-8 read and written in plain ECMAScript, as the platform codecs do', () => {
  const fatal = new TextDecoder('utf-8', { fatal: true });
  const platform = (bytes: Uint8Array): string | undefined => {
    try {
      return fatal.decode(bytes);
    } catch {
      return undefined;
    }
  };

  test('texts of every width, lone surrogates included, encode as TextEncoder and decode back', () => {
    const texts = ['', 'Rennes', 'Léa, Françoise', 'Saint-Étienne', '€ 12', '😀 emoji', 'a\u0000b', '\ud800 lone', 'end \udfff', 'x'.repeat(10_000) + 'é'];
    for (const text of texts) {
      const bytes = encodeUtf8(text);
      assert.deepEqual([...bytes], [...new TextEncoder().encode(text)], JSON.stringify(text.slice(0, 20)));
      assert.equal(decodeUtf8(bytes, 0, bytes.length), platform(bytes));
    }
  });

  test('what is not UTF-8 is refused, as a fatal TextDecoder refuses it', () => {
    // [why, bytes]
    const cases: [string, number[]][] = [
      ['a Latin-1 é', [0x4c, 0xe9, 0x61]],
      ['a lone continuation byte', [0x80]],
      ['a sequence cut short', [0xc3]],
      ['a three-byte sequence cut short', [0xe2, 0x82]],
      ['an overlong slash', [0xc0, 0xaf]],
      ['an overlong three-byte form', [0xe0, 0x80, 0xaf]],
      ['an encoded surrogate', [0xed, 0xa0, 0x80]],
      ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
      ['an F5 byte', [0xf5, 0x80, 0x80, 0x80]],
    ];
    for (const [why, list] of cases) {
      const bytes = Uint8Array.from(list);
      assert.equal(platform(bytes), undefined, why);
      assert.equal(decodeUtf8(bytes, 0, bytes.length), undefined, why);
    }
    // The bytes around a range are not read.
    const inside = Uint8Array.of(0xe9, 0x61, 0x62, 0xe9);
    assert.equal(decodeUtf8(inside, 1, 3), 'ab');
  });

  test('random byte strings: the same verdict and text as TextDecoder', () => {
    let seed = 5;
    const random = () => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
    for (let k = 0; k < 20_000; k++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 6) }, () => (random() < 0.5 ? 0x80 + Math.floor(random() * 0x80) : Math.floor(random() * 0x100)));
      assert.equal(decodeUtf8(bytes, 0, bytes.length), platform(bytes), [...bytes].map((b) => b.toString(16)).join(' '));
    }
  });
});

describe('a column read from bytes', () => {
  test('each value once, found again from its bytes wherever they are', () => {
    const builder = new ColumnBuilder();
    const values = ['feminin', 'masculin', 'Léa', '', 'feminin', 'Léa', 'masculin', ''];
    values.forEach((value, row) => {
      const bytes = encodeUtf8(`,,${value},`);
      builder.set(row, builder.codeAt(bytes, 2, bytes.length - 1, [...bytes.subarray(2, bytes.length - 1)].reduce((h, b) => (Math.imul(h, 31) + b) | 0, 0)));
    });
    const column = builder.finish();
    assert.deepEqual(column.dictionary, ['feminin', 'masculin', 'Léa', '']);
    assert.deepEqual([...column.codes], [0, 1, 2, 3, 0, 2, 1, 3]);
    assert.equal(builder.codeOf('Léa'), 2);
  });

  test('a new value that is not UTF-8 gets no code', () => {
    const builder = new ColumnBuilder();
    assert.equal(builder.codeAt(Uint8Array.of(0xe9), 0, 1, 0xe9), -1);
    assert.deepEqual(builder.dictionary, []);
  });

  test('values whose hashes collide stay apart', () => {
    // "Aa" and "BB" have the same 31-based hash.
    const builder = new ColumnBuilder();
    const a = builder.codeOf('Aa');
    const b = builder.codeOf('BB');
    assert.notEqual(a, b);
    assert.equal(builder.codeOf('Aa'), a);
    assert.equal(builder.codeOf('BB'), b);
  });

  test('thousands of values: the lookup table and the bytes grow, every code found again', () => {
    const builder = new ColumnBuilder();
    const codes = Array.from({ length: 5000 }, (_, k) => builder.codeOf(`commune-${k}-é`));
    assert.deepEqual(codes, Array.from({ length: 5000 }, (_, k) => k));
    for (let k = 0; k < 5000; k += 7) assert.equal(builder.codeOf(`commune-${k}-é`), k);
  });
});
