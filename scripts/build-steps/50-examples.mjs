// Bundles the examples that import the npm packages (examples/esm, examples/react) with esbuild,
// into their own `dist/` folders (ignored by git), and links what they load at run time: the
// commune shards the questionnaire fetches from `communes/` beside the script that defines it.
// Runs after `tsc -b` (the packages' dist/ exist) and before rollup.
import { build } from 'esbuild';
import { linkCommunes } from '../link-communes.mjs';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

const examples = [
  { dir: 'examples/esm', entry: 'main.js', out: 'main.js' },
  { dir: 'examples/react', entry: 'app.tsx', out: 'app.js' },
];


for (const { dir, entry, out } of examples) {
  const outdir = join(root, dir, 'dist');
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    entryPoints: [join(root, dir, entry)],
    outfile: join(outdir, out),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    jsx: 'automatic',
    // The packages' compiled ESM, in production mode (no lit dev warnings).
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    metafile: true,
  });
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + (output.bytes ?? 0), 0);
  linkCommunes(outdir, dir);
  console.log(`  ${dir}/dist/${out} (${(bytes / 1024).toFixed(0)} KB with its source map)`);
}
