/** The answer treatments of docs/checking.md ("How a text is compared"), shared by the answer and every accepted value. */
import type { Tolerances } from '../content/types.js';

/** Non-breaking space and narrow non-breaking space (French typography puts them before `?`, `:`, `€`…). */
const NON_BREAKING_SPACES = /[\u00A0\u202F]/g;
const COMBINING_MARKS = /\p{M}/gu;
const WHITE_SPACE = /\s+/g;
const NOT_ALPHANUMERIC_OR_SPACE = /[^a-zA-Z0-9 ]/g;
const SPACE_RUNS = / {2,}/g;
/** French ligatures that accent removal does not split: people type "coeur" for "cœur". */
const LIGATURES: Readonly<Record<string, string>> = { œ: 'oe', æ: 'ae' };
const LIGATURE = /[œæ]/g;

/**
 * Treat a text as the checker sees it: Unicode NFC and non-breaking spaces to spaces first,
 * then T1 (trim, lower case, no accents, `œ`/`æ` spelt `oe`/`ae`, no white space) and T2 (only `a-z A-Z 0-9` and
 * single spaces), each on unless turned off. T3 (typos) is not a treatment but a comparison:
 * see `evaluateAnswer`.
 *
 * @example
 * normalizeAnswer(' Élysée  Palace ! '); // 'elyseepalace'
 * normalizeAnswer('Élysée  Palace !', { t1: false }); // 'lyse Palace ' (T2 drops the accented letters)
 */
export function normalizeAnswer(text: string, tolerances: Partial<Tolerances> = {}): string {
  let out = text.normalize('NFC').replace(NON_BREAKING_SPACES, ' ');
  if (tolerances.t1 !== false) {
    out = out.trim().toLowerCase().normalize('NFD').replace(COMBINING_MARKS, '').replace(WHITE_SPACE, '');
    out = out.replace(LIGATURE, (ligature) => LIGATURES[ligature] ?? ligature);
  }
  if (tolerances.t2 !== false) {
    out = out.replace(NOT_ALPHANUMERIC_OR_SPACE, '').replace(SPACE_RUNS, ' ');
  }
  return out;
}
