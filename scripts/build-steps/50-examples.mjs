// Bundles the examples that import the npm packages with esbuild into their own `dist/` folders
// (ignored by git), and links what they load at run time: the commune shards the questionnaire
// fetches from `communes/` beside the script that defines it. Runs after `tsc -b`, before rollup.
// - examples/esm, examples/react, examples/vue and examples/angular: the packages' compiled ESM
//   (their dist/); Vue's runtime-only build with its compile-time flags; Angular compiled ahead
//   of time by ngc, then linked while bundling (scripts/angular-aot.mjs);
// - examples/mock (the survey with an endpoint answered by msw in the page, no server): the
//   packages' sources, so the example never lags behind them; the collector's mock handlers come
//   from its browser-safe `@observatoire/collector/mock` entry.
import { build } from 'esbuild';
import { ANGULAR_DEFINES, angularLinker, ngc } from '../angular-aot.mjs';
import { linkCommunes } from '../link-communes.mjs';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

const examples = [
  { dir: 'examples/esm', entry: 'main.js', out: 'main.js', conditions: ['production'] },
  { dir: 'examples/react', entry: 'app.tsx', out: 'app.js', conditions: ['production'] },
  {
    dir: 'examples/vue',
    entry: 'app.ts',
    out: 'app.js',
    conditions: ['production'],
    define: { __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  },
  {
    dir: 'examples/angular',
    // ngc writes dist/ngc/app.js (examples/angular/tsconfig.json), the entry of the bundle.
    prepare: () => ngc(join(root, 'examples/angular/tsconfig.json')),
    entry: 'dist/ngc/app.js',
    out: 'app.js',
    conditions: ['production'],
    define: ANGULAR_DEFINES,
    plugins: [angularLinker],
  },
  { dir: 'examples/mock', entry: 'main.js', out: 'main.js', conditions: ['source', 'production'] },
];

for (const { dir, entry, out, conditions, define = {}, prepare, plugins = [] } of examples) {
  const outdir = join(root, dir, 'dist');
  rmSync(outdir, { recursive: true, force: true });
  prepare?.();
  const result = await build({
    entryPoints: [join(root, dir, entry)],
    outfile: join(outdir, out),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    jsx: 'automatic',
    conditions,
    // Production mode: no lit dev warnings.
    define: { 'process.env.NODE_ENV': '"production"', ...define },
    logLevel: 'warning',
    metafile: true,
    plugins,
  });
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + (output.bytes ?? 0), 0);
  linkCommunes(outdir, dir);
  console.log(`  ${dir}/dist/${out} (${(bytes / 1024).toFixed(0)} KB with its source map)`);
}
