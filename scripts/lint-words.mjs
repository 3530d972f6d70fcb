// npm run lint:words: a Flesch-style readability score (Kandel & Moles' French adaptation:
// 207 - 1.015 × words per sentence - 73.6 × syllables per word) for every participant-facing
// French string: the FR catalogues of the elements and the widgets, and the FR texts of the
// shipped content. Prints every score; fails when one is under 60 (docs/glossary.md, "Readability").
// Run with: node --conditions=source --import tsx scripts/lint-words.mjs [--all]
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const MIN = 60;
/** A score means nothing for a label of a few words: only texts of this many words or more are scored. */
const MIN_WORDS = 8;
/** Catalogue keys that participants do not read (mediator screens, technical errors, the report). */
const SKIP_DIRS = ['report', 'adaptive-test', 'results-card', 'outbox'];

function* files(dir, pattern) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !SKIP_DIRS.includes(entry.name) && entry.name !== 'node_modules') yield* files(path, pattern);
    else if (entry.isFile() && pattern.test(entry.name)) yield path;
  }
}

/** Vowel groups, a final silent "e" (or "es", "ent") dropped: a fair count for French. */
export function syllables(word) {
  const w = word.toLowerCase().replace(/(?<=[a-zà-ÿ]{3})(e|es|ent)$/u, '');
  return Math.max(1, (w.match(/[aeiouyàâäéèêëîïôöûùüœæ]+/gu) ?? []).length);
}

/** The readability score of `text` (placeholders such as {n} read as one short word). */
export function score(text) {
  const clean = text.replace(/\{[^}]+\}/g, 'x');
  const sentences = Math.max(1, clean.split(/[.!?:;]+(?:\s|$)/u).filter((s) => /\p{L}/u.test(s)).length);
  const words = clean.match(/[\p{L}\p{N}’'-]+/gu) ?? [];
  if (words.length === 0) return 100;
  const syl = words.reduce((sum, word) => sum + syllables(word), 0);
  return 207 - 1.015 * (words.length / sentences) - 73.6 * (syl / words.length);
}

const texts = [];
for (const dir of ['packages/elements/src', 'packages/content/src/widgets']) {
  for (const path of files(join(root, dir), /^messages\.ts$/)) {
    const module = await import(pathToFileURL(path).href);
    for (const [name, value] of Object.entries(module)) {
      if (value && typeof value === 'object' && 'fr' in value && typeof value.fr === 'object')
        for (const [key, text] of Object.entries(value.fr)) if (typeof text === 'string') texts.push({ where: `${relative(root, path)} ${name}.${key}`, text });
    }
  }
}
function walk(node, where) {
  if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${where}[${i}]`));
  else if (node && typeof node === 'object') {
    if (typeof node.fr === 'string' && typeof node.en === 'string') texts.push({ where, text: node.fr });
    else for (const [key, value] of Object.entries(node)) walk(value, `${where}.${key}`);
  }
}
for (const path of files(join(root, 'packages/content/surveys'), /\.json$/)) walk(JSON.parse(readFileSync(path, 'utf8')), relative(root, path));

const all = process.argv.includes('--all');
let failed = 0;
for (const { where, text } of texts) {
  if ((text.match(/[\p{L}\p{N}’'-]+/gu) ?? []).length < MIN_WORDS) continue;
  const value = score(text);
  if (value < MIN) failed += 1;
  if (all || value < MIN) console.log(`${value < MIN ? 'LOW ' : 'ok  '} ${value.toFixed(0).padStart(4)}  ${where}: ${text}`);
}
console.log(`\n${texts.length} strings, ${failed} under ${MIN}.`);
process.exitCode = failed > 0 ? 1 : 0;
