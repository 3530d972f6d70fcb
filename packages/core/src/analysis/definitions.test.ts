import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { indicatorColumns, INDICATOR_COLUMNS, isInHalo } from './definitions.js';
import type { Row } from './margins.js';

describe('CRÉDOC-like halo: non-users plus users not at ease', () => {
  const cases: [string, Row, boolean | undefined][] = [
    ['a non-user is in the halo whatever the ease', { q_dernier_usage_internet: 'jamais', q_aisance: 'tres' }, true],
    ['a user "pas du tout à l’aise" is in the halo', { q_dernier_usage_internet: 'moins_de_3_mois', q_aisance: 'pas_du_tout' }, true],
    ['a user "un peu à l’aise" is in the halo', { q_dernier_usage_internet: 'moins_de_3_mois', q_aisance: 'un_peu' }, true],
    ['a user "assez à l’aise" is not', { q_dernier_usage_internet: 'moins_de_3_mois', q_aisance: 'assez' }, false],
    ['a user without an ease answer is unknown', { q_dernier_usage_internet: 'moins_de_3_mois' }, undefined],
    ['no last-use answer is unknown', { q_aisance: 'tres' }, undefined],
  ];
  for (const [name, row, expected] of cases) test(name, () => assert.equal(isInHalo(row), expected));
});

describe('per-respondent values, as columns analysts can recompute from', () => {
  const base = {
    started_at: '2026-10-10T09:00:00.000Z',
    q_dernier_usage_internet: 'moins_de_3_mois',
    q_aisance: 'tres',
    age_band: 'soixante_dix_plus',
    q_situation: 'retraite',
    course1_status: 'ended',
    course1_success_rate: '0.3333',
    course2_status: 'not_reached',
    course2_success_rate: '',
    course3_status: 'not_reached',
    course3_success_rate: '',
  };
  test('a senior at ease who fails course 1', () =>
    assert.deepEqual(indicatorColumns({ ...base, q_annee_naissance: '1950' }), {
      age: '76',
      staircase_level: '0',
      distance: 'user_level_0',
      insee_like: 'yes',
      halo: 'no',
      profile: 'beginner_seniors',
      course1_result: 'failed',
      course2_result: 'not_reached',
      course3_result: 'not_reached',
    }));
  test('under 15: no INSEE-like value', () => assert.equal(indicatorColumns({ ...base, q_annee_naissance: '2013' }).insee_like, ''));
  test('the columns are listed in order', () => assert.deepEqual(Object.keys(indicatorColumns(base)), INDICATOR_COLUMNS));
});
