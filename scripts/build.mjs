// npm run build: per-package ESM + .d.ts (tsc -b), the script-tag bundles (rollup),
// the custom elements manifest, then each output's gzip size.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
const bin = (name) => join(root, 'node_modules', '.bin', name);

console.log('› Compiling packages (tsc -b)…');
run(bin('tsc'), ['-b', 'tsconfig.build.json']);

// Build steps (generated data, examples, manifest), in the order of their file names.
const steps = join(root, 'scripts/build-steps');
for (const file of readdirSync(steps).filter((f) => f.endsWith('.mjs')).sort()) {
  console.log(`› ${file}`);
  run(process.execPath, [join(steps, file)]);
}

console.log('› Bundling (rollup)…');
run(bin('rollup'), ['-c', 'rollup.config.mjs', '--silent']);

const KB = 1024;
const budgets = { 'observatoire.js': 45 * KB };
console.log('\nOutput                          raw        gzip');
let over = false;
for (const file of readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.js')).sort()) {
  const path = join(root, 'dist', file);
  const raw = statSync(path).size;
  const gz = gzipSync(readFileSync(path), { level: 9 }).length;
  const budget = budgets[file];
  const flag = budget ? (gz > budget ? `  OVER the ${budget / KB} KB budget` : `  (budget ${budget / KB} KB)`) : '';
  if (budget && gz > budget) over = true;
  console.log(`dist/${file.padEnd(26)} ${(raw / KB).toFixed(1).padStart(7)} KB ${(gz / KB).toFixed(1).padStart(7)} KB${flag}`);
}
if (over) process.exitCode = 1;
