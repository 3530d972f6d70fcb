/**
 * Numbers as people type them in France: optional sign, `,` or `.` as the decimal separator,
 * spaces between groups of three digits (`1 000,5`). Anything else (`7a`, `1e3`, `7,`) is not a number.
 */
const NUMBER = /^([+\-\u2212]?)\s*(\d+|\d{1,3}(?: \d{3})+)(?:[.,](\d+))?$/;

/**
 * The value of a typed number, or `undefined` when the text is not one.
 *
 * @example
 * parseTypedNumber(' 7,00 '); // 7
 * parseTypedNumber('-3,5'); // -3.5
 * parseTypedNumber('7a'); // undefined
 */
export function parseTypedNumber(text: string): number | undefined {
  const match = NUMBER.exec(text.normalize('NFC').replace(/[\u00A0\u202F]/g, ' ').trim());
  if (!match) return undefined;
  const [, sign, integer = '', fraction] = match;
  const value = Number(`${integer.replace(/ /g, '')}${fraction ? `.${fraction}` : ''}`);
  return sign === '-' || sign === '\u2212' ? -value : value;
}
