// The examples' bundles look for the commune shards in `communes/` beside themselves (the
// questionnaire's default): link to the one copy in dist/ rather than copying 2 MB per example.
import { existsSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

const communes = new URL('../dist/communes', import.meta.url).pathname;

/** Make `<outdir>/communes` point at `dist/communes`. */
export function linkCommunes(outdir, label) {
  if (!existsSync(communes)) {
    console.warn(`  ${label}: dist/communes/ is missing, the commune question will not find its list`);
    return;
  }
  const link = join(outdir, 'communes');
  rmSync(link, { recursive: true, force: true });
  symlinkSync(relative(outdir, communes), link, 'dir');
}
