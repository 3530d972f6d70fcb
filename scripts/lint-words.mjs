// npm run lint:words (and npm test): the words of docs/glossary.md, checked on every French text people
// read: the FR catalogues of the elements and the widgets, and the FR texts of the shipped content.
// - everywhere: none of the words the glossary rejects, no "(s)" plural, a non-breaking space inside « »
//   and before : ; ! ?;
// - on participant screens (everything but the mediator's and the integrator's texts): sentences of 15
//   words or fewer, and a reading score (core's readingScore, Kandel and Moles) of 60 or more for a text
//   of 8 words or more.
// Prints every problem (every score with --all) and fails when there is one.
// Run with: node --conditions=source --import tsx scripts/lint-words.mjs [--all]
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readingScore } from '@observatoire/core/validate';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The lowest reading score of a participant text (docs/glossary.md, "Readability"). */
export const MIN_SCORE = 60;
/** A score means nothing for a label of a few words: only texts of this many words or more are scored. */
export const MIN_WORDS = 8;
/** The longest sentence on a participant screen, in words. */
export const MAX_SENTENCE_WORDS = 15;

/**
 * The words the glossary rejects (docs/glossary.md, "Avoid"), every form of each (singular, plural,
 * feminine), with the word to use instead. Words the glossary keeps in one sense and rejects in another
 * ("question", "formulaire", "Envoyer") are left to the reader.
 */
export const REJECTED = [
  { word: 'épreuves?', use: 'défi' },
  { word: 'exercices?', use: 'défi' },
  { word: 'séries?', use: 'parcours' },
  { word: 'animat(?:eur|rice)s?', use: 'médiateur, médiatrice' },
  { word: 'candidat(?:e|es|s)?', use: 'personne, participant' },
  { word: 'utilisat(?:eur|rice)s?', use: 'personne, participant' },
  { word: 'verdicts?', use: 'conseil' },
  { word: 'abandonn\\p{L}*', use: '« Je passe », « Arrêter ici »' },
];

/**
 * Folders whose catalogues only the mediator or the integrator reads: vocabulary and typography are
 * checked there too, sentence length and reading score are not.
 */
const NOT_PARTICIPANT_DIRS = ['outbox', 'dashboard'];
/**
 * Folders not checked at all: the statistical report (`<obs-report>`) is read by analysts, with words of
 * its own (répondants, redressement); its typography is to be brought in line when it is next rewritten.
 */
const NOT_CHECKED_DIRS = ['report'];
/** Catalogue keys, folder by folder, that only the mediator or the integrator reads. */
const NOT_PARTICIPANT_KEYS = {
  'results-card': /^(mediator|table|col|successCell|yes|notYet|notEnded|advice|level|next|skill|allPassed|testTime|challenges|challengeName|outcome)/,
  'course-chainer': /^(mediatorRegion|choiceMediator|testTime|skipRemaining|skipQuestion|skipConfirm|skipCancel|skippedRemaining|protocolError)/,
  'challenge-player': /^(widgetMissing|answerShape)$/,
  survey: /^(loadError)/,
  'adaptive-test': /^stop$/,
};
/** Content fields the participant never reads (the mediator's result per capacity, the competences' names, the provenance). */
const NOT_PARTICIPANT_PATHS = /\.(capacities|competences|provenance)\b/;

/** Words of a text, a placeholder such as {n} read as one short word. */
export function wordsOf(text) {
  return text.replace(/\{[^}]+\}/g, 'x').match(/[\p{L}\p{N}’'-]+/gu) ?? [];
}

/** The sentences of a text: cut at . ! ? … and at : ; (a list after a colon reads as its own sentence). */
export function sentencesOf(text) {
  return text
    .replace(/\{[^}]+\}/g, 'x')
    .split(/[.!?:;…]+(?:\s|$)/u)
    .filter((sentence) => /\p{L}/u.test(sentence));
}

const letter = '[\\p{L}]';

/**
 * Every problem of one French text, each with its rule and what to do.
 *
 * @example
 * problemsOf('Il y a 3 épreuve(s) :', { participant: true });
 * // [{ rule: 'rejected-word', … }, { rule: 'plural-s', … }, { rule: 'nbsp', … }]
 */
export function problemsOf(text, { participant }) {
  const problems = [];
  for (const { word, use } of REJECTED) {
    const found = text.match(new RegExp(`(?<!${letter})${word}(?!${letter})`, 'iu'));
    if (found) problems.push({ rule: 'rejected-word', message: `"${found[0]}": the glossary says "${use}"` });
  }
  if (/\((?:e?s|x)\)/u.test(text)) problems.push({ rule: 'plural-s', message: 'a "(s)" plural: write the singular and the plural apart' });
  // U+00A0 or U+202F (narrow) before : ; ! ? » and after «; a colon inside a URL or a time has no space before it.
  if (/[ \t\n][:;!?»]|«[ \t\n]/u.test(text)) problems.push({ rule: 'nbsp', message: 'a plain space inside « » or before : ; ! ?: use U+00A0' });
  if (!participant) return problems;
  const long = sentencesOf(text).find((sentence) => wordsOf(sentence).length > MAX_SENTENCE_WORDS);
  if (long) problems.push({ rule: 'long-sentence', message: `a sentence of ${wordsOf(long).length} words (at most ${MAX_SENTENCE_WORDS}): "${long.trim()}"` });
  if (wordsOf(text).length >= MIN_WORDS) {
    const { score } = readingScore(text.replace(/\{[^}]+\}/g, 'x'));
    if (score < MIN_SCORE) problems.push({ rule: 'readability', message: `reading score ${score}, under ${MIN_SCORE}: shorter sentences, shorter words` });
  }
  return problems;
}

function* files(dir, pattern) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') yield* files(path, pattern);
    else if (entry.isFile() && pattern.test(entry.name)) yield path;
  }
}

/** Every French text to check, with where it is and whether participants read it. */
export async function frenchTexts() {
  const texts = [];
  for (const dir of ['packages/elements/src', 'packages/content/src/widgets']) {
    for (const path of files(join(root, dir), /^messages\.ts$/)) {
      const folder = relative(join(root, dir), path).split('/')[0];
      if (NOT_CHECKED_DIRS.includes(folder)) continue;
      const module = await import(pathToFileURL(path).href);
      for (const [name, value] of Object.entries(module)) {
        if (!(value && typeof value === 'object' && 'fr' in value && typeof value.fr === 'object')) continue;
        for (const [key, text] of Object.entries(value.fr)) {
          if (typeof text !== 'string') continue;
          const participant = !NOT_PARTICIPANT_DIRS.includes(folder) && !NOT_PARTICIPANT_KEYS[folder]?.test(key);
          texts.push({ where: `${relative(root, path)} ${name}.${key}`, text, participant });
        }
      }
    }
  }
  const walk = (node, where) => {
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${where}[${i}]`));
    else if (node && typeof node === 'object') {
      if (typeof node.fr === 'string' && typeof node.en === 'string') texts.push({ where, text: node.fr, participant: !NOT_PARTICIPANT_PATHS.test(where) });
      else for (const [key, value] of Object.entries(node)) walk(value, `${where}.${key}`);
    }
  };
  for (const path of files(join(root, 'packages/content/surveys'), /\.json$/)) walk(JSON.parse(readFileSync(path, 'utf8')), relative(root, path));
  return texts;
}

async function main() {
  const all = process.argv.includes('--all');
  const texts = await frenchTexts();
  let failed = 0;
  for (const { where, text, participant } of texts) {
    const problems = problemsOf(text, { participant });
    failed += problems.length;
    for (const { rule, message } of problems) console.log(`${rule.padEnd(14)} ${where}: ${message}\n${' '.repeat(15)}${text}`);
    if (all && problems.length === 0 && participant && wordsOf(text).length >= MIN_WORDS)
      console.log(`ok ${String(readingScore(text.replace(/\{[^}]+\}/g, 'x')).score).padStart(11)} ${where}: ${text}`);
  }
  console.log(`\n${texts.length} French texts (${texts.filter((t) => t.participant).length} on participant screens), ${failed} problem${failed === 1 ? '' : 's'}.`);
  process.exitCode = failed > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
