import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { territoriesOf, territoryNames } from './geography.js';

describe('territoriesOf: commune code → department, region, EPCI', () => {
  test('Rennes: Ille-et-Vilaine, Bretagne, Rennes Métropole (a métropole)', () => {
    const t = territoriesOf('35238')!;
    assert.equal(t.department, '35');
    assert.equal(t.departmentName, 'Ille-et-Vilaine');
    assert.equal(t.region, '53');
    assert.equal(t.regionName, 'Bretagne');
    assert.equal(t.epciType, 'METRO');
    assert.match(t.epciName!, /Rennes/);
    assert.ok(t.postalCodes.includes('35000'));
  });

  test('a municipal arrondissement belongs to its commune’s métropole (Marseille 1er)', () => {
    const t = territoriesOf('13201')!;
    assert.equal(t.department, '13');
    assert.equal(t.region, '93');
    assert.equal(t.epci, territoriesOf('13055')!.epci);
    assert.equal(t.epciType, 'METRO');
  });

  test('the Métropole de Lyon has its own type', () => {
    assert.equal(territoriesOf('69123')!.epciType, 'MET69');
  });

  test('an overseas commune (Pointe-à-Pitre)', () => {
    const t = territoriesOf('97120')!;
    assert.equal(t.department, '971');
    assert.equal(t.region, '01');
  });

  test('a rural commune in a communauté de communes (L’Abergement-Clémenciat)', () => {
    const t = territoriesOf('01001')!;
    assert.equal(t.department, '01');
    assert.equal(t.region, '84');
    assert.equal(t.epciType, 'CC');
  });

  test('an unknown code or TEST gives undefined', () => {
    assert.equal(territoriesOf('99999'), undefined);
    assert.equal(territoriesOf('TEST'), undefined);
  });

  test('names by kind:code for the report', () => {
    const names = territoryNames();
    assert.equal(names['department:35'], 'Ille-et-Vilaine');
    assert.equal(names['region:53'], 'Bretagne');
  });
});
