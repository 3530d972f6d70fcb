import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { communeInTerritory, communePlace } from './territories.js';

describe('the department and region of a commune code', () => {
  const cases: [string, string, { department: string; region: string } | undefined][] = [
    ['Vitré', '35360', { department: '35', region: '53' }],
    ['Ajaccio (Corsica, letters)', '2A004', { department: '2A', region: '94' }],
    ['Saint-Denis (overseas: three characters)', '97411', { department: '974', region: '04' }],
    ['Bourg-en-Bresse (leading zero)', '01053', { department: '01', region: '84' }],
    ['no such department', '96001', undefined],
    ['Saint-Pierre-et-Miquelon (an overseas collectivity, no region)', '97502', undefined],
  ];
  for (const [name, code, expected] of cases) test(name, () => assert.deepEqual(communePlace(code), expected));
  test('every department of mainland France and overseas has one region', () => {
    const mainland = Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((d) => d !== '20');
    for (const department of [...mainland, '2A', '2B', '971', '972', '973', '974', '976'])
      assert.ok(communePlace(`${department}${department.length === 2 ? '001' : '01'}`), department);
  });
});

describe('a commune in a territory', () => {
  const cases: [string, string, { kind: string; code: string }, boolean][] = [
    ['in its department', '35360', { kind: 'department', code: '35' }, true],
    ['in another department', '35360', { kind: 'department', code: '22' }, false],
    ['in its region', '29019', { kind: 'region', code: '53' }, true],
    ['in another region', '75056', { kind: 'region', code: '53' }, false],
    ['an EPCI is not read from a commune code', '35360', { kind: 'epci', code: '243500139' }, false],
  ];
  for (const [name, commune, territory, expected] of cases) test(name, () => assert.equal(communeInTerritory(commune, territory), expected));
});
