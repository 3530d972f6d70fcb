import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ageBand, AGE_BANDS, diplomaBand, internetUse3Months, officialCodes, OFFICIAL_COLUMNS, statutSocial, type AgeBand, type StatutSocial } from './mappings.js';

describe('ageBand (Coop thresholds <12, <18, <25, <40, <60, <70, else 70+)', () => {
  const cases: [number | null | undefined, AgeBand][] = [
    [0, 'moins_de_douze'],
    [11, 'moins_de_douze'],
    [12, 'douze_dix_huit'],
    [17, 'douze_dix_huit'],
    [18, 'dix_huit_vingt_quatre'],
    [24, 'dix_huit_vingt_quatre'],
    [25, 'vingt_cinq_trente_neuf'],
    [39, 'vingt_cinq_trente_neuf'],
    [40, 'quarante_cinquante_neuf'],
    [59, 'quarante_cinquante_neuf'],
    [60, 'soixante_soixante_neuf'],
    [69, 'soixante_soixante_neuf'],
    [70, 'soixante_dix_plus'],
    [105, 'soixante_dix_plus'],
  ];
  for (const [age, band] of cases)
    test(`age ${age} → ${band}`, () => assert.equal(ageBand(2025 - (age as number), 2025), band));

  const unknown: [string, number | null | undefined][] = [
    ['absent', undefined],
    ['null', null],
    ['not an integer', 1958.5],
    ['after the reference year', 2026],
  ];
  for (const [name, year] of unknown) test(`${name} → non_communique`, () => assert.equal(ageBand(year, 2025), 'non_communique'));

  test('AGE_BANDS lists every band once, in age order, non_communique last', () => {
    assert.equal(new Set(AGE_BANDS).size, 8);
    assert.equal(AGE_BANDS.at(-1), 'non_communique');
  });
});

describe('statut_social (Coop) from the situation answer', () => {
  const cases: [unknown, StatutSocial][] = [
    ['en_emploi', 'en_emploi'],
    ['demandeur_emploi', 'sans_emploi'],
    ['au_foyer', 'sans_emploi'],
    ['retraite', 'retraite'],
    ['etudes_formation', 'scolarise'],
    ['autre', 'non_communique'],
    ['non_communique', 'non_communique'],
    [undefined, 'non_communique'],
    ['toString', 'non_communique'],
    [['retraite'], 'non_communique'],
  ];
  for (const [situation, expected] of cases) test(`${JSON.stringify(situation)} → ${expected}`, () => assert.equal(statutSocial(situation), expected));
});

describe('diplome → the Baromètre diploma bands', () => {
  const cases: [unknown, string][] = [
    ['aucun_diplome', 'aucun_diplome'],
    ['bepc_cap_bep', 'bepc_cap_bep'],
    ['baccalaureat', 'baccalaureat'],
    ['enseignement_superieur', 'enseignement_superieur'],
    ['ne_sait_pas', 'non_communique'],
    ['non_communique', 'non_communique'],
    [undefined, 'non_communique'],
    ['licence', 'non_communique'],
  ];
  for (const [answer, band] of cases) test(`${JSON.stringify(answer)} → ${band}`, () => assert.equal(diplomaBand(answer), band));
});

describe('dernier_usage_internet → INSEE "used in the last 3 months"', () => {
  const cases: [unknown, string][] = [
    ['moins_de_3_mois', 'oui'],
    ['plus_de_3_mois', 'non'],
    ['jamais', 'non'],
    [undefined, 'non_communique'],
    ['hasOwnProperty', 'non_communique'],
  ];
  for (const [answer, use] of cases) test(`${JSON.stringify(answer)} → ${use}`, () => assert.equal(internetUse3Months(answer), use));
});

describe('officialCodes: one official column per mapped question', () => {
  test('gives every column of OFFICIAL_COLUMNS, each code from its official list', () => {
    const codes = officialCodes({ annee_naissance: 1958, situation: 'au_foyer', diplome: 'ne_sait_pas', dernier_usage_internet: 'jamais' }, 2025);
    assert.deepEqual(codes, { age_band: 'soixante_soixante_neuf', statut_social: 'sans_emploi', diplome_barometre: 'non_communique', internet_3_mois_insee: 'non' });
    for (const { column, codes: list } of OFFICIAL_COLUMNS) assert.ok((list as readonly string[]).includes(codes[column]), column);
  });
  test('no answer at all gives non_communique everywhere', () => {
    assert.deepEqual(new Set(Object.values(officialCodes({}, 2025))), new Set(['non_communique']));
  });
});
