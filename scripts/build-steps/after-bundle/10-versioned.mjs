// The pinned script-tag build (docs/versioning.md), once the bundles are written: copies dist/ (the
// scripts, their chunks and maps, the commune shards, the checked definitions and their pictures)
// to dist/observatoire@<version>/, so chunks and shards still resolve against the script's own
// URL, prints the Subresource Integrity hash (SHA-384) of every script-tag file and writes every
// JavaScript file's hash to dist/observatoire@<version>/integrity.json.
//
// `--readme` also rewrites the README's embedding snippet with the new version and hashes
// (scripts/integrity.test.mjs fails while they differ from the build's).
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinnedScripts, root, SCRIPT_TAGS, sri, version, versionedDir } from '../../integrity.mjs';

const dist = join(root, 'dist');
const current = version();
const { name, path: out } = versionedDir(current);

// Only the current version stays: an older folder would be served with files of the old build.
for (const entry of readdirSync(dist)) if (entry.startsWith('observatoire@')) rmSync(join(dist, entry), { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const copied = ['communes', 'surveys', 'pictures'];
for (const entry of readdirSync(dist, { withFileTypes: true })) {
  if (entry.isFile() && /^observatoire.*\.js(\.map)?$/.test(entry.name)) cpSync(join(dist, entry.name), join(out, entry.name));
  else if (entry.isDirectory() && copied.includes(entry.name)) cpSync(join(dist, entry.name), join(out, entry.name), { recursive: true });
}

const hashes = (files) => Object.fromEntries(files.sort().map((file) => [file, sri(readFileSync(join(out, file)))]));
const js = readdirSync(out).filter((file) => file.endsWith('.js'));
const missing = SCRIPT_TAGS.filter((file) => !js.includes(file));
if (missing.length) throw new Error(`versioned build: ${missing.join(', ')} not built`);
const integrity = {
  version: current,
  /** Classic scripts: the `integrity` attribute of their `<script>` tag. */
  scripts: hashes(SCRIPT_TAGS.slice()),
  /** Modules the loader and the first screen import (for a copy's check; browsers do not verify them). */
  modules: hashes(js.filter((file) => !SCRIPT_TAGS.includes(file))),
};
writeFileSync(join(out, 'integrity.json'), `${JSON.stringify(integrity, null, 2)}\n`);
for (const [file, hash] of Object.entries(integrity.scripts)) console.log(`  dist/${name}/${file}  ${hash}`);
console.log(`  dist/${name}/integrity.json (${Object.keys(integrity.modules).length} modules too)`);

if (process.argv.includes('--readme')) {
  const readmePath = join(root, 'README.md');
  let readme = readFileSync(readmePath, 'utf8');
  for (const { file, tag } of pinnedScripts(readme)) {
    const hash = integrity.scripts[file];
    if (!hash) throw new Error(`README.md: ${file} is not a script-tag file (${SCRIPT_TAGS.join(', ')})`);
    const fixed = tag.replace(/observatoire@[^/"]+\//, `${name}/`).replace(/\bintegrity="[^"]*"/, `integrity="${hash}"`);
    readme = readme.replace(tag, fixed);
  }
  writeFileSync(readmePath, readme);
  console.log('  README.md: embedding snippet pinned to this build');
}
