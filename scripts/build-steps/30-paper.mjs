// The printable questionnaires (docs/questionnaire.md, "Paper form"): for each shipped survey with a
// questionnaire, dist/paper/<survey>.fr.html and .en.html, generated from the definition validated by
// the step before (dist/surveys/), never copied by hand. `npm start` serves them; examples/index.html links them.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { paperFormHtml } from '../paper-form.mjs';

const root = new URL('../..', import.meta.url).pathname;
const out = join(root, 'dist/paper');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const surveys = join(root, 'dist/surveys');
for (const file of readdirSync(surveys).filter((name) => name.endsWith('.json') && name !== 'digests.json').sort()) {
  const definition = JSON.parse(readFileSync(join(surveys, file), 'utf8'));
  if (!definition.questionnaire) continue;
  for (const lang of ['fr', 'en']) {
    const name = `${definition.id}.${lang}.html`;
    writeFileSync(join(out, name), paperFormHtml(definition, lang));
    console.log(`  dist/paper/${name}`);
  }
}
