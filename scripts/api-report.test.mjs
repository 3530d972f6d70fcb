// The public surface is reviewed: api/observatoire.api.md must be what scripts/api-report.mjs makes
// of the sources, and the main entries stay narrow.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { apiReport, lineDiff, nameCounts, REGENERATE, REPORT_FILE } from './api-report.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const current = apiReport();

/** Most names a main entry may export: a public name is a promise to integrators. */
const LIMITS = [
  ['@observatoire/core', 60],
  ['@observatoire/elements', 25],
];
/**
 * TEMPORARY: limits not met yet on this branch, reported as warnings. Narrowing the elements' index
 * is the work of another branch: the integrator empties this list when both are merged.
 */
const PENDING_LIMITS = new Set();

test(`${REPORT_FILE} lists the public API as it is (else: ${REGENERATE})`, () => {
  const path = join(root, REPORT_FILE);
  const committed = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (committed !== current)
    assert.fail(`The public API changed and ${REPORT_FILE} was not updated:\n${lineDiff(committed, current)}\n\nIf the change is intended, run: ${REGENERATE}`);
});

for (const [entry, limit] of LIMITS) {
  test(`${entry} exports fewer than ${limit} names`, (t) => {
    const count = nameCounts(current)[entry];
    assert.ok(count !== undefined, `${entry} is not in the report`);
    if (PENDING_LIMITS.has(entry) && count >= limit) {
      t.diagnostic(`warning: ${entry} exports ${count} names (limit ${limit}), pending in PENDING_LIMITS`);
      return;
    }
    assert.ok(count < limit, `${entry} exports ${count} names; name fewer than ${limit} in its index.ts`);
  });
}

test('no `export *` in the index files of core, content, collector and report', () => {
  const indexes = ['core/src/index.ts', 'core/src/analysis/index.ts', 'core/src/api/index.ts', 'core/src/validate.ts', 'content/src/index.ts', 'collector/src/index.ts', 'report/src/index.ts'];
  for (const index of indexes) {
    const text = readFileSync(join(root, 'packages', index), 'utf8');
    assert.doesNotMatch(text, /^export (type )?\*/m, `packages/${index} re-exports with export *: name each export`);
  }
});

test('every sideEffects pattern of every package matches a source file', () => {
  for (const dir of ['core', 'content', 'elements', 'collector', 'report']) {
    const pkg = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
    if (!Array.isArray(pkg.sideEffects)) continue;
    const files = listFiles(join(root, 'packages', dir, 'src')).map((file) => `./${file.slice(join(root, 'packages', dir).length + 1)}`);
    for (const pattern of pkg.sideEffects) {
      // Built files (`./dist/…`) exist after a build only: check the source they come from.
      const source = pattern.replace(/^\.\/dist\/(src\/)?/, './src/').replace(/\.js$/, '.ts');
      const regex = new RegExp(`^${source.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*\*\//g, '(?:.*/)?').replace(/\*/g, '[^/]*')}$`);
      assert.ok(files.some((file) => regex.test(file)), `packages/${dir}/package.json: sideEffects "${pattern}" matches no file`);
    }
  }
});

function listFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}
