// The custom elements manifest of @observatoire/elements (packages/elements/custom-elements.json),
// generated from the elements' sources and JSDoc (@attr, @prop, @fires, @csspart, @cssprop) with
// @custom-elements-manifest/analyzer and its lit plugin. Editors, Storybook and docs read it.
//
// Two things the analyzer cannot see by itself are filled in here:
// - the tag names, since the elements register through `define('obs-x', Class)` (guarded), in
//   their own small `*.define.ts` files;
// - lit's internal reactive state (`{ state: true }`), which is not an attribute;
// - events dispatched under a constant's name, which the `@fires` tags already name.
import { create, ts } from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const packageDir = join(root, 'packages/elements');
const sourceDir = join(packageDir, 'src');

/** Element sources: no tests, test helpers or fixtures, no declaration files. */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : sources(path);
    return /\.ts$/.test(entry.name) && !/\.d\.ts$|\.test\.|^test-|fixture/.test(entry.name) ? [path] : [];
  });
}

const files = sources(sourceDir).sort();
const texts = new Map(files.map((file) => [relative(packageDir, file), readFileSync(file, 'utf8')]));
const modules = [...texts].map(([path, text]) => ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true));
const manifest = create({ modules, plugins: litPlugin() });

// Class name → tag, from every `define('obs-x', Class)` call.
const tags = new Map(
  [...texts.values()].flatMap((text) => [...text.matchAll(/\bdefine\(\s*'([a-z][a-z0-9-]*)'\s*,\s*(\w+)\s*\)/g)].map(([, tag, name]) => [name, tag])),
);
for (const module of manifest.modules) {
  const text = texts.get(module.path) ?? '';
  const internal = new Set([...text.matchAll(/^\s*(\w+):\s*\{[^}\n]*\bstate:\s*true\b[^}\n]*\}/gm)].map(([, name]) => name));
  for (const declaration of module.declarations ?? []) {
    const tag = tags.get(declaration.name);
    if (tag) {
      declaration.tagName = tag;
      declaration.customElement = true;
      module.exports = [...(module.exports ?? []).filter((e) => e.kind !== 'custom-element-definition' || e.name !== tag),
        { kind: 'custom-element-definition', name: tag, declaration: { name: declaration.name, module: module.path } }];
    }
    if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !internal.has(a.fieldName ?? a.name));
    // `new CustomEvent(SOME_EVENT, …)`: the analyzer lists the constant's name; the `@fires` tag names the event.
    if (declaration.events) declaration.events = declaration.events.filter((event) => /^[a-z][a-z0-9-]*$/.test(event.name));
    for (const member of declaration.members ?? []) {
      if (internal.has(member.name)) {
        member.privacy = 'private';
        delete member.attribute;
        delete member.reflects;
      }
    }
  }
}

// Point at what the package ships: dist/*.js beside dist/*.d.ts.
const toDist = (path) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
const json = JSON.stringify(manifest, (key, value) => (key === 'path' || key === 'module') && typeof value === 'string' ? toDist(value) : value, 2);
writeFileSync(join(packageDir, 'custom-elements.json'), `${json}\n`);

const elements = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName));
for (const element of elements) {
  const count = (list) => (list ?? []).length;
  console.log(
    `  <${element.tagName}> ${count(element.attributes)} attributes, ${count(element.events)} events, ${count(element.cssParts)} parts, ${count(element.cssProperties)} CSS properties`,
  );
}
