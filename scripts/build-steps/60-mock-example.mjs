// Bundles examples/mock (the survey with an endpoint answered by msw in the page, no server) with
// esbuild into examples/mock/dist/ (ignored by git). The collector's mock handlers come from its
// browser-safe `@observatoire/collector/mock` entry. Runs after `tsc -b`, before rollup.
import { build } from 'esbuild';
import { linkCommunes } from '../link-communes.mjs';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const dir = join(root, 'examples/mock');
const outdir = join(dir, 'dist');
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: [join(dir, 'main.js')],
  outfile: join(outdir, 'main.js'),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  // The packages' sources (esbuild strips the types), so the example never lags behind them.
  conditions: ['source', 'production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
  metafile: true,
});
linkCommunes(outdir, 'examples/mock');
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + (output.bytes ?? 0), 0);
console.log(`  examples/mock/dist/main.js (${(bytes / 1024).toFixed(0)} KB with its source map)`);
