// The rules of scripts/import-graph.mjs, on small graphs (the real graph is checked by npm test itself).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { cycles, floorOf, folderOf } from './import-graph.mjs';

const packages = fileURLToPath(new URL('../packages/', import.meta.url));
const file = (path) => join(packages, path);

describe('cycles: every strongly connected group of two or more, as one path', () => {
  const cases = [
    ['no edge', [], []],
    ['a chain', [['a', 'b'], ['b', 'c']], []],
    ['a self-import is no cycle', [['a', 'a']], []],
    ['two files importing each other', [['a', 'b'], ['b', 'a']], [['a', 'b', 'a']]],
    ['a type cycle of three', [['outbox', 'saved'], ['saved', 'requests'], ['requests', 'outbox']], [['outbox', 'saved', 'requests', 'outbox']]],
    ['two separate cycles', [['a', 'b'], ['b', 'a'], ['c', 'd'], ['d', 'c'], ['b', 'c']], [['c', 'd', 'c'], ['a', 'b', 'a']]],
  ];
  for (const [name, edges, expected] of cases) test(name, () => assert.deepEqual(cycles(edges), expected));
});

describe('folderOf: the unit of the folder graph', () => {
  const cases = [
    ['core/src/session/transition.ts', 'core/session', 'a folder under src'],
    ['core/src/scoring.ts', 'core/scoring', 'a top-level file by its stem'],
    ['content/surveys/observatoire-2025.json', 'content/surveys', 'data outside src'],
    ['elements/src/outbox/recorder.ts', 'elements/outbox', 'the recorder sits in the outbox'],
  ];
  for (const [path, expected, why] of cases) test(`${path}: ${why}`, () => assert.equal(folderOf(file(path)), expected));
});

describe('floorOf: low to high, content data < widgets < elements', () => {
  const cases = [
    ['core/src/api/index.ts', 'core'],
    ['content/src/index.ts', 'content data'],
    ['content/surveys/diagnostic-rapide.json', 'content data'],
    ['content/src/widgets/mail/config.ts', 'content data'],
    ['content/src/widgets/mail/obs-w-mail.ts', 'widgets and tokens'],
    ['theme/src/tokens.ts', 'widgets and tokens'],
    ['elements/src/survey/obs-survey.ts', 'elements'],
    ['collector/src/app.ts', 'report and collector'],
    ['report/src/cli.ts', 'report and collector'],
  ];
  for (const [path, expected] of cases) test(`${path}: ${expected}`, () => assert.equal(floorOf(file(path)).name, expected));
  test('content data → elements goes up a floor', () => assert.ok(floorOf(file('content/src/index.ts')).floor < floorOf(file('elements/src/index.ts')).floor));
  test('a file of no floor is an error naming it', () => assert.throws(() => floorOf(file('widgets/src/index.ts')), /packages\/widgets\/src\/index\.ts has no floor/));
});
