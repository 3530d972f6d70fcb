/**
 * How easy a text is to read (docs/content.md, "Reading score"): the Flesch reading ease adapted to
 * French by Kandel and Moles, 207 - 1.015 × words per sentence - 73.6 × syllables per word. About 100
 * for "Appuyez ici.", 60 to 70 for ordinary prose, under 30 for dense administrative French. Pure: the
 * content check prints it for every instruction and a word linter can reuse it.
 */

const VOWELS = /[aeiouyàâäéèêëîïôöûùüÿœæ]+/g;

/** Syllables of one French word, by groups of vowels, a final mute `e`, `es` or `ent` not counted. */
function syllables(word: string): number {
  const w = word.toLowerCase().replace(/qu/g, 'k').replace(/gu(?=[eéèêiy])/g, 'g');
  if (/^\d+$/.test(w)) return Math.max(1, w.length); // digits are read one by one
  let count = (w.match(VOWELS) ?? []).length;
  if (count > 1 && /[^aeiouyàâäéèêëîïôöûùü](e|es|ent)$/.test(w)) count -= 1;
  return Math.max(1, count);
}

export interface ReadingScore {
  /** Kandel–Moles reading ease, rounded to the unit (higher is easier). */
  score: number;
  words: number;
  sentences: number;
  syllables: number;
}

/**
 * The reading ease of a French text. An empty text scores 100 (nothing to read).
 *
 * @example
 * readingScore('Appuyez sur le bouton.').score; // 93
 * readingScore('Veuillez procéder à la régularisation administrative de votre dossier.').score < 30; // true
 */
export function readingScore(text: string): ReadingScore {
  const words = text.split(/[\s’'«»“”"()/]+/).map((w) => w.replace(/[^\p{L}\p{N}-]/gu, '')).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return { score: 100, words: 0, sentences: 0, syllables: 0 };
  const sentences = Math.max(1, text.split(/[.!?:;…]+(?:\s|$)/).filter((s) => /[\p{L}\p{N}]/u.test(s)).length);
  const total = words.reduce((sum, w) => sum + syllables(w), 0);
  const score = Math.round(207 - 1.015 * (words.length / sentences) - 73.6 * (total / words.length));
  return { score, words: words.length, sentences, syllables: total };
}
