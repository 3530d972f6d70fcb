import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ageBand, AGE_BANDS, statutSocial, type AgeBand, type StatutSocial } from './mappings.js';

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
    [undefined, 'non_communique'],
    ['toString', 'non_communique'],
    [['retraite'], 'non_communique'],
  ];
  for (const [situation, expected] of cases) test(`${JSON.stringify(situation)} → ${expected}`, () => assert.equal(statutSocial(situation), expected));
});
