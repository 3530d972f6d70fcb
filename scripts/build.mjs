// npm run build: per-package ESM + .d.ts (tsc -b), the script-tag bundles (rollup),
// the custom elements manifest, then each output's gzip size.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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
// Chunk names carry a hash: the previous build's must not linger beside the new ones.
for (const file of readdirSync(join(root, 'dist'))) if (/^observatoire-.*\.js(\.map)?$/.test(file)) rmSync(join(root, 'dist', file));
run(bin('rollup'), ['-c', 'rollup.config.mjs', '--silent']);

const KB = 1024;
const dist = join(root, 'dist');
const gzipOf = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
console.log('\nOutput                                              raw        gzip');
for (const file of readdirSync(dist).filter((f) => f.endsWith('.js')).sort()) {
  const raw = statSync(join(dist, file)).size;
  console.log(`dist/${file.padEnd(46)} ${(raw / KB).toFixed(1).padStart(7)} KB ${(gzipOf(file) / KB).toFixed(1).padStart(7)} KB`);
}

// Budgets (docs/loading.md): every survey file (widgets included, report and dashboard aside) ≤ 120 KB gzip
// fails the build; the first screen (the one <script>, observatoire-main.js and its static
// imports) has a 25 KB target, reported when missed. The questionnaire's file, which
// observatoire.js preloads beside the first screen, is reported with it.
const staticImports = (file) => [...readFileSync(join(dist, file), 'utf8').matchAll(/(?:^|[;}])import\s*[^()'"]*?from\s*["']\.\/([^"']+)["']|(?:^|[;}])import\s*["']\.\/([^"']+)["']/g)]
  .map((match) => match[1] ?? match[2]);
const first = new Set(['observatoire.js', 'observatoire-main.js']);
for (const file of first) for (const imported of staticImports(file)) first.add(imported);
const preloaded = [...readFileSync(join(dist, 'observatoire.js'), 'utf8').matchAll(/'(observatoire-[^']+\.js)'/g)].map((match) => match[1]);
const withQuestionnaire = [...new Set([...first, ...preloaded])];
console.log(`first screen and questionnaire (+ ${withQuestionnaire.filter((f) => !first.has(f)).join(' + ')}): ${(withQuestionnaire.reduce((sum, f) => sum + gzipOf(f), 0) / KB).toFixed(1)} KB gzip`);
const survey = readdirSync(dist).filter((f) => f.startsWith('observatoire') && f.endsWith('.js') && f !== 'observatoire-report.js' && !f.startsWith('observatoire-dashboard'));
// The dashboard as it opens (its loader, its module and their static imports); `<obs-report>` and the
// content validation are chunks it fetches only when it needs them (docs/dashboard.md).
const dashboard = new Set(['observatoire-dashboard.js', 'observatoire-dashboard-main.js']);
for (const file of dashboard) for (const imported of staticImports(file)) dashboard.add(imported);
const later = readdirSync(dist).filter((f) => f.startsWith('observatoire-dashboard-') && f.endsWith('.js') && !dashboard.has(f));
console.log(`dashboard as it opens (${[...dashboard].join(' + ')}): ${(([...dashboard].reduce((sum, f) => sum + gzipOf(f), 0)) / KB).toFixed(1)} KB gzip; fetched when needed: ${later.map((f) => `${f} ${(gzipOf(f) / KB).toFixed(1)} KB`).join(', ')}`);
const budgets = [
  { what: `first screen (${[...first].join(' + ')})`, files: [...first], budget: 25 * KB, hard: false },
  { what: 'a full survey (every survey file, widgets and validation included)', files: survey, budget: 120 * KB, hard: true },
];
let over = false;
for (const { what, files, budget, hard } of budgets) {
  const gz = files.reduce((sum, file) => sum + gzipOf(file), 0);
  if (gz > budget && hard) over = true;
  const verdict = gz > budget ? `, OVER the ${budget / KB} KB ${hard ? 'budget' : 'target'}` : ` (${hard ? 'budget' : 'target'} ${budget / KB} KB)`;
  console.log(`${what}: ${(gz / KB).toFixed(1)} KB gzip${verdict}`);
}
if (over) process.exitCode = 1;

// Steps that need the bundles (the pinned, versioned copy and its integrity hashes).
const afterBundle = join(steps, 'after-bundle');
for (const file of readdirSync(afterBundle).filter((f) => f.endsWith('.mjs')).sort()) {
  console.log(`› after-bundle/${file}`);
  run(process.execPath, [join(afterBundle, file)]);
}
