/**
 * Campaign codes (docs/collector.md, "Organisations and campaigns"): three letters, a dash, three
 * digits, from an alphabet without look-alikes, so a code read aloud or copied from paper is typed right.
 */
import { CAMPAIGN_CODE_ALPHABET, randomBytes } from '@observatoire/core/api';

/**
 * A fresh random code (23³ × 8³, about 6 million codes; the store refuses a taken one).
 *
 * @example
 * newCampaignCode(); // 'KXR-482'
 */
export function newCampaignCode(random: (n: number) => Uint8Array = randomBytes): string {
  const { letters, digits } = CAMPAIGN_CODE_ALPHABET;
  // 256 is not a multiple of 23 or 8: draw again over the biased tail, so every code is as likely.
  const pick = (alphabet: string): string => {
    const limit = 256 - (256 % alphabet.length);
    for (;;) {
      const [byte] = random(1);
      if (byte !== undefined && byte < limit) return alphabet[byte % alphabet.length] as string;
    }
  };
  const part = (alphabet: string) => pick(alphabet) + pick(alphabet) + pick(alphabet);
  return `${part(letters)}-${part(digits)}`;
}

/**
 * A code as people type it, in the stored form: trimmed, in capitals.
 *
 * @example
 * normaliseCampaignCode(' kxr-482 '); // 'KXR-482'
 */
export function normaliseCampaignCode(code: string): string {
  return code.trim().toUpperCase();
}
