import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { COURSE_RESULTS } from './course-results.js';
import { indicatorColumns, INDICATOR_COLUMNS, isInHalo, respondentIndicators } from './definitions.js';
import { DISTANCE_LEVELS } from './levels.js';
import type { Row } from './margins.js';
import { PROFILES } from './profiles.js';
import { deriveRespondents } from './report-indicators.js';
import { tableFromRows } from './table.js';

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

describe('the report derives the same per-respondent values as the row rules', () => {
  test('deriveRespondents (rules once per combination of their columns) equals respondentIndicators on each row', () => {
    let seed = 11;
    const random = () => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
    const pick = (values: readonly string[]): string => values[Math.floor(random() * values.length)] as string;
    const statuses = ['ended', 'skipped_remaining', 'in_progress', 'stopped_by_mediator', 'not_reached', '', 'finished?'];
    const rates = ['0', '0.3333', '0.6', '0.6667', '1', '', '1.5', 'abc'];
    const rows: Row[] = Array.from({ length: 3000 }, (_, i) => ({
      session_id: `s${i}`,
      started_at: pick(['2026-10-10T09:00:00.000Z', '2026-12-31T23:00:00-02:00', '', 'hier']),
      q_annee_naissance: pick(['1950', '2013', '2011', '1990', '']),
      q_dernier_usage_internet: pick(['moins_de_3_mois', 'plus_de_3_mois', 'jamais', '']),
      q_aisance: pick(['pas_du_tout', 'un_peu', 'assez', 'tres', '']),
      age_band: pick(['moins_de_vingt_cinq', 'soixante_soixante_neuf', 'soixante_dix_plus', 'non_communique', '']),
      q_situation: pick(['retraite', 'demandeur_emploi', 'en_emploi', '']),
      q_diplome: pick(['aucun_diplome', 'baccalaureat', '']),
      q_connu_par: pick(['caf', 'mairie', '']),
      test_run: '0',
      q_commune: pick(['35238', 'TEST']),
      filled_by_mediator: pick(['0', '1']),
      resumed: pick(['0', '1']),
      channel: pick(['online', 'paper']),
      ...Object.fromEntries([1, 2, 3].flatMap((c) => [[`course${c}_id`, `parcours-${c}`], [`course${c}_status`, pick(statuses)], [`course${c}_success_rate`, pick(rates)]])),
    }));
    const { derived, counted } = deriveRespondents(tableFromRows(rows));
    const index = (values: readonly string[], value: string | undefined): number => (value === undefined ? -1 : values.indexOf(value));
    const yesNo = (b: boolean | undefined): number => (b === undefined ? -1 : b ? 0 : 1);
    rows.forEach((row, i) => {
      const expected = respondentIndicators(row);
      const at = `row ${i}: ${JSON.stringify(row)}`;
      assert.equal(derived.codes.staircase_level[i], expected.staircaseLevel ?? -1, at);
      assert.equal(derived.codes.distance[i], index(DISTANCE_LEVELS, expected.distance), at);
      assert.equal(derived.codes.illectronisme[i], yesNo(expected.inseeLike), at);
      assert.equal(derived.codes.halo[i], yesNo(expected.halo), at);
      assert.equal(derived.codes.profile[i], index(PROFILES, expected.profile), at);
      expected.courses.forEach((result, c) => assert.equal(derived.courses[c]?.[i], index(COURSE_RESULTS, result), `${at}, course ${c + 1}`));
    });
    assert.equal(counted.paper, rows.filter((r) => r.channel === 'paper').length);
    assert.equal(counted.under15, rows.filter((r) => (respondentIndicators(r).age ?? 99) < 15).length);
    assert.ok(counted.testNotTaken > 0 && counted.course1NotFinished > 0);
  });
});
