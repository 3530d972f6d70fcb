// The pinned script-tag build (docs/versioning.md): one semantic version in every package, and a
// README whose embedding snippet names this version and the hashes of the built files. Needs the
// build (scripts/test.sh runs the Node tests after it).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pinnedScripts, root, SCRIPT_TAGS, sri, version, versionedDir } from './integrity.mjs';

const FIX = 'run `node scripts/build.mjs`, then `node scripts/build-steps/after-bundle/10-versioned.mjs --readme`';

describe('pinnedScripts: the versioned script tags of a text', () => {
  const cases = [
    ['a pinned tag', '<script src="/o/observatoire@1.2.3/observatoire.js" integrity="sha384-abc" defer></script>', [['1.2.3', 'observatoire.js', 'sha384-abc']]],
    ['a versioned tag without integrity', '<script src="observatoire@1.2.3/observatoire.js"></script>', [['1.2.3', 'observatoire.js', undefined]]],
    ['an unversioned tag is not pinned', '<script src="/o/observatoire.js" integrity="sha384-abc"></script>', []],
    ['a module script of the host is left alone', '<script type="module" src="app.js"></script>', []],
  ];
  for (const [name, text, expected] of cases)
    test(name, () => assert.deepEqual(pinnedScripts(text).map((s) => [s.version, s.file, s.integrity]), expected));
});

test('sri: SHA-384 in base64, as browsers check it', () => {
  // echo -n 'alert(1)' | openssl dgst -sha384 -binary | base64
  assert.equal(sri(Buffer.from('alert(1)')), 'sha384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW');
});

test('every package carries the same semantic version', () => {
  const manifests = ['package.json', ...readdirSync(join(root, 'packages')).map((name) => `packages/${name}/package.json`)];
  const versions = manifests.filter((path) => existsSync(join(root, path))).map((path) => [path, JSON.parse(readFileSync(join(root, path), 'utf8')).version]);
  for (const [path, v] of versions) {
    assert.match(v ?? '', /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, `${path}: "${v}" is not a semantic version`);
    assert.equal(v, version(), `${path}: ${v}, not ${version()} as @observatoire/elements`);
  }
});

describe('the README embeds the pinned build', () => {
  const { name, path } = versionedDir();
  const pinned = pinnedScripts(readFileSync(join(root, 'README.md'), 'utf8'));

  test('the snippet pins the loader with this version', () => {
    assert.ok(pinned.some((s) => s.file === 'observatoire.js'), 'README.md: no <script src="…/observatoire@<version>/observatoire.js">');
    for (const s of pinned) {
      assert.equal(s.version, version(), `README.md: ${s.tag} names ${s.version}; ${FIX}`);
      assert.ok(SCRIPT_TAGS.includes(s.file), `README.md: ${s.file} is not a script-tag file`);
      assert.match(s.tag, /\bcrossorigin="anonymous"/, `README.md: ${s.tag} lacks crossorigin="anonymous"`);
    }
  });

  test(`each integrity equals the hash of the built dist/${name}/ file and of integrity.json`, () => {
    assert.ok(existsSync(join(path, 'integrity.json')), `dist/${name}/integrity.json is missing: ${FIX}`);
    const recorded = JSON.parse(readFileSync(join(path, 'integrity.json'), 'utf8'));
    assert.equal(recorded.version, version());
    for (const s of pinned) {
      const built = sri(readFileSync(join(path, s.file)));
      assert.equal(recorded.scripts[s.file], built, `dist/${name}/integrity.json is stale for ${s.file}`);
      assert.equal(s.integrity, built, `README.md: the integrity of ${s.file} is not the build's; ${FIX}`);
    }
  });
});
