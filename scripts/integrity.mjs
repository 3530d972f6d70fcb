// The pinned script-tag build (docs/versioning.md): the versioned folder `dist/observatoire@<version>/`
// and the Subresource Integrity hashes of its scripts, shared by the build step that writes them
// (scripts/build-steps/after-bundle/10-versioned.mjs) and the test that keeps the README's
// embedding snippet in step with them (scripts/integrity.test.mjs).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

/** The version every package carries; the script-tag folder is named after it. */
export function version() {
  return JSON.parse(readFileSync(join(root, 'packages/elements/package.json'), 'utf8')).version;
}

/**
 * `dist/observatoire@<version>` (absolute) and its name.
 * @example versionedDir('0.2.0').name // 'observatoire@0.2.0'
 */
export function versionedDir(v = version()) {
  const name = `observatoire@${v}`;
  return { name, path: join(root, 'dist', name) };
}

/** The classic scripts hosts put in a `<script>` tag; every other `.js` file is a module the loader imports. */
export const SCRIPT_TAGS = ['observatoire.js', 'observatoire-widgets.js', 'observatoire-report.js'];

/**
 * The `integrity` attribute value of a file's bytes (SHA-384, base64).
 * @example sri(Buffer.from('alert(1)')) // 'sha384-…'
 * @param {Uint8Array} bytes
 */
export function sri(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/**
 * Every `<script src="…/observatoire@<version>/<file>" integrity="…">` tag in a text (the README).
 * @example pinnedScripts('<script src="/o/observatoire@0.2.0/observatoire.js" integrity="sha384-…">')[0].file // 'observatoire.js'
 * @param {string} text
 * @returns {{ version: string, file: string, integrity: string | undefined, tag: string }[]}
 */
export function pinnedScripts(text) {
  return [...text.matchAll(/<script\b[^>]*>/g)].flatMap(([tag]) => {
    const src = /\bsrc="(?:[^"]*\/)?observatoire@([^/"]+)\/([^/"]+)"/.exec(tag);
    if (!src) return [];
    return [{ version: src[1], file: src[2], integrity: /\bintegrity="([^"]*)"/.exec(tag)?.[1], tag }];
  });
}
