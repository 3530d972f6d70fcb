/**
 * Pseudonymous follow-up codes (docs/follow-up.md): made on the device, printed on the referral
 * sheet, typed again by a mediator at a later session so both sessions share it. Seven random
 * characters of the campaign-code alphabet and a check character, shown `ABCD-EFGH`.
 * No DOM, no zod: the browser bundle uses these functions as they are.
 */
import { CAMPAIGN_CODE_ALPHABET } from './codes.js';
import { randomBytes } from '../random-bytes.js';

/** The 31 characters of a follow-up code: no `0`/`O`, `1`/`I`/`L`. */
export const FOLLOW_UP_ALPHABET = CAMPAIGN_CODE_ALPHABET.letters + CAMPAIGN_CODE_ALPHABET.digits;

const BASE = FOLLOW_UP_ALPHABET.length; // 31, a prime: every weight below has an inverse
const RANDOM_LENGTH = 7;
/** `8⁻¹ mod 31`: the weight of the check character is 8. */
const INVERSE_OF_LAST_WEIGHT = 4;

/** Why a typed code is refused: too short or too long, a character no code holds, or a wrong check character (a typo). */
export type FollowUpCodeProblem = 'length' | 'character' | 'check';

export type FollowUpCodeCheck = { ok: true; code: string } | { ok: false; problem: FollowUpCodeProblem };

/**
 * The check character of seven code characters: the weighted sum Σ (i + 1)·vᵢ over the eight
 * characters is 0 modulo 31, so any single wrong character and any swap of two different
 * characters is caught (docs/follow-up.md, "Check character").
 *
 * @example
 * checkCharacter('K7QM3RX'); // one of FOLLOW_UP_ALPHABET
 */
export function checkCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * FOLLOW_UP_ALPHABET.indexOf(body[i]!);
  return FOLLOW_UP_ALPHABET[(((BASE - (sum % BASE)) % BASE) * INVERSE_OF_LAST_WEIGHT) % BASE]!;
}

/**
 * A new follow-up code from the platform's cryptographic generator (or `random`, in [0, 1), for tests).
 *
 * @example
 * newFollowUpCode(); // 'K7QM-3RXP'
 */
export function newFollowUpCode(random?: () => number): string {
  const values = random
    ? Array.from({ length: RANDOM_LENGTH }, () => Math.floor(random() * BASE))
    : [...randomBytes(RANDOM_LENGTH * 2)]
        // Two bytes per character, modulo 31: the bias is below 0.05 %.
        .reduce<number[]>((acc, byte, i, all) => (i % 2 === 0 ? [...acc, (byte * 256 + all[i + 1]!) % BASE] : acc), []);
  const body = values.map((v) => FOLLOW_UP_ALPHABET[v]!).join('');
  return format(body + checkCharacter(body));
}

/**
 * Reads a code as a person types it (any case, spaces or hyphens anywhere) and says whether it is
 * a follow-up code; when it is, `code` is its printed form `ABCD-EFGH`.
 *
 * @example
 * checkFollowUpCode(' k7qm 3rxp'); // { ok: true, code: 'K7QM-3RXP' } (when P is its check character)
 * checkFollowUpCode('K7QM-3RXQ'); // { ok: false, problem: 'check' }
 */
export function checkFollowUpCode(typed: string): FollowUpCodeCheck {
  const compact = typed.toUpperCase().replace(/[\s-]+/g, '');
  if (compact.length !== RANDOM_LENGTH + 1) return { ok: false, problem: 'length' };
  if ([...compact].some((c) => !FOLLOW_UP_ALPHABET.includes(c))) return { ok: false, problem: 'character' };
  if (checkCharacter(compact.slice(0, RANDOM_LENGTH)) !== compact[RANDOM_LENGTH]) return { ok: false, problem: 'check' };
  return { ok: true, code: format(compact) };
}

/**
 * Whether `value` is a follow-up code in its printed form (what the wire carries).
 *
 * @example
 * isFollowUpCode('K7QM-3RXP'); // true when P is its check character
 */
export function isFollowUpCode(value: string): boolean {
  const checked = checkFollowUpCode(value);
  return checked.ok && checked.code === value;
}

function format(compact: string): string {
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}
