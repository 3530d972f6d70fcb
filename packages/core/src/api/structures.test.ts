import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CreateApiKeyBody, CreateOrganisationBody, validSiret } from './structures.js';

for (const [siret, valid, reason] of [
  ['73282932000074', true, 'a SIRET whose Luhn sum is a multiple of 10'],
  ['73282932000075', false, 'the same with its last digit changed'],
  ['35600000000001', true, "La Poste's establishment: digits adding up to 15, a multiple of 5"],
  ['35600000000002', false, "La Poste's establishment with digits adding up to 16"],
  ['7328293200007', false, '13 digits'],
  ['7328293200007A', false, 'a letter'],
] as const) {
  test(`SIRET: ${reason} is ${valid ? 'valid' : 'refused'}`, () => assert.equal(validSiret(siret), valid));
}

for (const [commune, valid] of [['35360', true], ['2A004', true], ['2C004', false], ['3536', false], ['Vitré', false]] as const) {
  test(`organisation commune "${commune}" is ${valid ? 'an INSEE code' : 'refused'}`, () => {
    assert.equal(CreateOrganisationBody.safeParse({ name: 'Médiathèque', commune }).success, valid);
  });
}

for (const [territory, valid] of [['dep:35', true], ['dep:2A', true], ['region:53', true], ['epci:243500139', false], ['org:x', false], ['35', false]] as const) {
  test(`key territory "${territory}" is ${valid ? 'a department or region' : 'refused'}`, () => {
    assert.equal(CreateApiKeyBody.safeParse({ role: 'territory', territory, label: 'x' }).success, valid);
  });
}
