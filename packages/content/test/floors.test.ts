// The content's floors (docs/elements.md, "How the elements are built"): the data entry
// depends on the core only, so installing the content for the collector does not pull in lit;
// the widgets depend on the core's widget contract and on @observatoire/theme, never on the
// elements.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const src = new URL('../src/', import.meta.url).pathname;

/** Every module a source file reaches through relative imports, with its bare imports. */
function reach(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const text = readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)].map((m) => (m[1] ?? m[2])!);
    seen.set(file, specifiers.filter((s) => !s.startsWith('.')));
    for (const s of specifiers.filter((s) => s.startsWith('.') && s.endsWith('.js'))) visit(resolve(dirname(file), s.replace(/\.js$/, '.ts')));
  };
  visit(entry);
  return seen;
}

function offending(entry: string, forbidden: (specifier: string) => boolean): string[] {
  return [...reach(entry)].flatMap(([file, bare]) => bare.filter(forbidden).map((s) => `${file.slice(src.length)} → ${s}`));
}

describe('content floors', () => {
  test('the data entry imports neither lit nor the elements', () => {
    assert.deepEqual(offending(`${src}index.ts`, (s) => s === 'lit' || s.startsWith('lit/') || s.startsWith('@lit/') || s.startsWith('@observatoire/elements')), []);
  });
  test('the widgets never import the elements', () => {
    assert.deepEqual(offending(`${src}widgets/index.ts`, (s) => s.startsWith('@observatoire/elements')), []);
  });
});
