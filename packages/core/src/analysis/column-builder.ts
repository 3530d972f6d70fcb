/**
 * A column being read from the export's bytes (docs/analysis.md, "Performance"): the CSV reader hashes each cell
 * while it scans it and finds its value by comparing the cell's bytes with the bytes of the values already seen,
 * so a value met before costs no string and no call; a new value is decoded once (UTF-8) into the dictionary.
 * UTF-8 is read and written here, in plain ECMAScript, as core uses no platform API.
 */
import { codesFor, type ColumnCodes, type ExportColumn } from './table.js';

/** The hash of bytes[start, end) that `ColumnBuilder` indexes values by (the CSV reader computes it while scanning). */
export function bytesHash(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let h = 0;
  for (let k = start; k < end; k++) h = (Math.imul(h, 31) + (bytes[k] as number)) | 0;
  return h;
}

/**
 * The text of UTF-8 bytes[start, end); undefined when they are not valid UTF-8 (a truncated or overlong sequence,
 * a surrogate, or a code point above U+10FFFF), as a fatal `TextDecoder` would refuse them.
 *
 * @example
 * decodeUtf8(Uint8Array.of(0x4c, 0xc3, 0xa9, 0x61), 0, 4); // 'Léa'
 */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string | undefined {
  const units: number[] = [];
  let text = '';
  for (let k = start; k < end; ) {
    const b = bytes[k] as number;
    let cp: number;
    let extra: number;
    if (b < 0x80) {
      cp = b;
      extra = 0;
    } else if (b >= 0xc2 && b <= 0xdf) {
      cp = b & 0x1f;
      extra = 1;
    } else if (b >= 0xe0 && b <= 0xef) {
      cp = b & 0x0f;
      extra = 2;
    } else if (b >= 0xf0 && b <= 0xf4) {
      cp = b & 0x07;
      extra = 3;
    } else return undefined;
    for (let e = 1; e <= extra; e++) {
      if (k + e >= end) return undefined; // cut
      const c = bytes[k + e] as number;
      if ((c & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    if ((extra === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (extra === 3 && (cp < 0x10000 || cp > 0x10ffff))) return undefined;
    if (cp < 0x10000) units.push(cp);
    else units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    k += extra + 1;
    if (units.length >= 4096) {
      text += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return text + String.fromCharCode(...units);
}

/**
 * The UTF-8 bytes of a text (a lone surrogate becomes U+FFFD, as `TextEncoder` does).
 *
 * @example
 * encodeUtf8('Léa'); // Uint8Array [0x4c, 0xc3, 0xa9, 0x61]
 */
export function encodeUtf8(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let n = 0;
  for (let k = 0; k < text.length; k++) {
    let cp = text.charCodeAt(k);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      const next = text.charCodeAt(k + 1);
      if (cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        k++;
      } else cp = 0xfffd;
    }
    if (cp < 0x80) out[n++] = cp;
    else if (cp < 0x800) {
      out[n++] = 0xc0 | (cp >> 6);
      out[n++] = 0x80 | (cp & 0x3f);
    } else if (cp < 0x10000) {
      out[n++] = 0xe0 | (cp >> 12);
      out[n++] = 0x80 | ((cp >> 6) & 0x3f);
      out[n++] = 0x80 | (cp & 0x3f);
    } else {
      out[n++] = 0xf0 | (cp >> 18);
      out[n++] = 0x80 | ((cp >> 12) & 0x3f);
      out[n++] = 0x80 | ((cp >> 6) & 0x3f);
      out[n++] = 0x80 | (cp & 0x3f);
    }
  }
  return out.subarray(0, n);
}

function maxCode(codes: ColumnCodes): number {
  return codes instanceof Uint8Array ? 255 : codes instanceof Uint16Array ? 65_535 : 4_294_967_295;
}

/**
 * A growable dictionary-encoded column, widening its codes as the dictionary grows. Values are found by an
 * open-addressing table on `bytesHash`; each value's bytes are kept end to end in one array, where a cell is
 * compared byte by byte.
 */
export class ColumnBuilder {
  codes: ColumnCodes;
  readonly dictionary: string[] = [];
  // Per slot, code + 1 (0 = empty) then the value's hash, side by side: a probe reads one place in memory, and a
  // new value is found new without reading any other value.
  private slots = new Int32Array(128);
  private shift = 26; // 32 − log2(number of slots)
  private limit = 255; // the largest code `codes` holds
  // The values' bytes end to end: value k is bytes[starts[k], starts[k + 1]).
  private bytes = new Uint8Array(256);
  private starts = new Int32Array(64);
  length = 0;

  constructor(capacity = 1024) {
    this.codes = new Uint8Array(Math.max(16, capacity));
  }

  /** The code of a value, added to the dictionary when new. */
  codeOf(value: string): number {
    const bytes = encodeUtf8(value);
    return this.codeAt(bytes, 0, bytes.length, bytesHash(bytes));
  }

  /**
   * The code of the UTF-8 bytes[start, end) whose `bytesHash` is `hash`, added to the dictionary when new; −1 when
   * they are new and not valid UTF-8.
   */
  codeAt(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const length = end - start;
    let slot = Math.imul(hash, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const s = slots[2 * slot] as number;
      if (s === 0) break;
      if (slots[2 * slot + 1] === hash) {
        const from = this.starts[s - 1] as number;
        if ((this.starts[s] as number) - from === length) {
          const known = this.bytes;
          const offset = from - start;
          let k = start;
          while (k < end && known[offset + k] === bytes[k]) k++;
          if (k === end) return s - 1;
        }
      }
      slot = (slot + 1) & mask;
    }
    const value = decodeUtf8(bytes, start, end);
    if (value === undefined) return -1;
    const code = this.dictionary.length;
    this.dictionary.push(value);
    this.keep(bytes, start, end, code);
    slots[2 * slot] = code + 1;
    slots[2 * slot + 1] = hash;
    if (4 * this.dictionary.length > slots.length) this.grow();
    return code;
  }

  private keep(bytes: Uint8Array, start: number, end: number, code: number): void {
    if (code + 2 > this.starts.length) {
      const starts = new Int32Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
    }
    const from = this.starts[code] as number;
    if (from + end - start > this.bytes.length) {
      const wider = new Uint8Array(Math.max(this.bytes.length * 2, from + end - start));
      wider.set(this.bytes.subarray(0, from));
      this.bytes = wider;
    }
    this.bytes.set(bytes.subarray(start, end), from);
    this.starts[code + 1] = from + end - start;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    this.shift--;
    const mask = (slots.length >> 1) - 1;
    for (let k = 0; k < old.length; k += 2) {
      const s = old[k] as number;
      if (s === 0) continue;
      const hash = old[k + 1] as number;
      let slot = Math.imul(hash, 0x9e3779b1) >>> this.shift;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = s;
      slots[2 * slot + 1] = hash;
    }
    this.slots = slots;
  }

  /**
   * Writes respondent `row`'s code (from `codeOf` or `codeAt`), widening or growing the array when needed; the
   * CSV reader writes a record's cells in place and writes them again when the record was cut by its chunk.
   */
  set(row: number, code: number): void {
    let codes = this.codes;
    if (row >= codes.length || code > this.limit) {
      const capacity = row >= codes.length ? Math.max(codes.length * 2, row + 1) : codes.length;
      const dictionarySize = Math.max(this.dictionary.length, code + 1);
      const wider = codesFor(dictionarySize, capacity);
      wider.set(codes.subarray(0, this.length));
      this.codes = codes = wider;
      this.limit = maxCode(wider);
    }
    codes[row] = code;
    if (row >= this.length) this.length = row + 1;
  }

  /** The finished column of the first `length` respondents (all those written, by default). */
  finish(length = this.length): ExportColumn {
    return { codes: this.codes.slice(0, length), dictionary: this.dictionary };
  }
}
