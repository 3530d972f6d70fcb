// The shipped survey definitions, validated at build time (docs/loading.md): each
// packages/content/surveys/*.json is checked by the core (a broken one fails the build) and
// written, with its defaults filled in, to dist/surveys/ (pictures to dist/pictures/); dist/surveys/digests.json lists their
// SHA-256, which the script-tag bundle embeds (rollup.config.mjs) to trust them after a cheap
// integrity check in the browser instead of validating them again.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const { parseSurveyDefinition } = await import(join(root, 'packages/core/dist/validate.js'));

const source = join(root, 'packages/content/surveys');
const out = join(root, 'dist/surveys');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const digests = [];
for (const file of readdirSync(source).filter((name) => name.endsWith('.json')).sort()) {
  let definition;
  try {
    definition = parseSurveyDefinition(readFileSync(join(source, file), 'utf8'));
  } catch (error) {
    const lines = error.issues?.map((issue) => `    ${issue.path}: ${issue.message}`).join('\n') ?? String(error);
    throw new Error(`packages/content/surveys/${file} is not a valid survey definition:\n${lines}`);
  }
  const text = JSON.stringify(definition);
  const digest = createHash('sha256').update(text, 'utf8').digest('hex');
  writeFileSync(join(out, file), text);
  digests.push(digest);
  console.log(`  dist/surveys/${file} validated, sha256 ${digest.slice(0, 12)}…`);
}
// Their pictures keep the same relative links (`../pictures/…`).
rmSync(join(root, 'dist/pictures'), { recursive: true, force: true });
cpSync(join(root, 'packages/content/pictures'), join(root, 'dist/pictures'), { recursive: true });
writeFileSync(join(out, 'digests.json'), `${JSON.stringify(digests, null, 2)}\n`);
