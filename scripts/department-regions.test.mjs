// The committed department → region table is the one the data gives (scripts/department-regions.mjs).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { departmentRegionsModule, MODULE_PATH, readDepartments } from './department-regions.mjs';

describe('the department → region table', () => {
  test('regenerating it from @etalab/decoupage-administratif gives the committed file', () =>
    assert.equal(readFileSync(MODULE_PATH, 'utf8'), departmentRegionsModule(readDepartments()), 'run `node scripts/build-steps/10-communes.mjs`'));

  const cases = [
    ['a department of mainland France', [{ code: '35', region: '53' }], "  '53': ['35'],"],
    ['Corsica: 2A and 2B in one region', [{ code: '2B', region: '94' }, { code: '2A', region: '94' }], "  '94': ['2A', '2B'],"],
    ['an overseas department is its own region', [{ code: '976', region: '06' }], "  '06': ['976'],"],
    ['an overseas collectivity is left out (no region)', [{ code: '975', region: '975' }], undefined],
  ];
  for (const [name, departments, row] of cases)
    test(name, () => {
      const rows = departmentRegionsModule({ departments, version: 'x' }).split('\n').filter((line) => line.startsWith("  '"));
      assert.deepEqual(rows, row ? [row] : []);
    });
});
