// The elements' reference pages (docs/elements.md, "Reference pages"), after the manifest
// (90-manifest.mjs): dist/reference/index.html and one page per element, from
// packages/elements/custom-elements.json and the TypeScript declarations of the events' `detail`
// types in the elements' sources. `npm start` serves them at /dist/reference/ (the examples'
// index links them).
import ts from 'typescript';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detailTypeOf, elementsOf, pageOf, renderElementPage, renderIndex, STYLESHEET } from '../reference-docs.mjs';

const root = new URL('../..', import.meta.url).pathname;
const sourceDir = join(root, 'packages/elements/src');

/** Exported interfaces and type aliases of the elements' sources (tests aside), by name. */
function declarations(dir, found = new Map()) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) declarations(path, found);
    else if (/\.ts$/.test(entry.name) && !/\.d\.ts$|\.test\.|^test-|fixture/.test(entry.name)) {
      const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
      for (const statement of source.statements)
        if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && !found.has(statement.name.text))
          found.set(statement.name.text, statement.getText(source));
    }
  }
  return found;
}

const manifest = JSON.parse(readFileSync(join(root, 'packages/elements/custom-elements.json'), 'utf8'));
const elements = elementsOf(manifest);
const types = declarations(sourceDir);
const untyped = elements.flatMap((e) => (e.events ?? []).filter((event) => !types.has(detailTypeOf(event) ?? '')).map((event) => `<${e.tagName}> ${event.name}`));
if (untyped.length) throw new Error(`reference: events without a declared detail type (@fires {CustomEvent<Detail>} name): ${untyped.join(', ')}`);

const out = join(root, 'dist/reference');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'reference.css'), STYLESHEET);
writeFileSync(join(out, 'index.html'), renderIndex(elements));
for (const element of elements) writeFileSync(join(out, pageOf(element)), renderElementPage(element, types));
console.log(`  dist/reference/: index.html and ${elements.length} element pages`);
