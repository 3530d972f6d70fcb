import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isIllectronic } from './levels.js';
import { respondentFromRow } from './from-export.js';
import type { Row } from './margins.js';
import { PROFILE_RULES, profileOf, profileRule } from './profiles.js';

const user = { q_dernier_usage_internet: 'moins_de_3_mois' };
/** Course outcomes as the export writes them: course 1 passed or not, then course 2 and 3. */
const level = (n: 0 | 1 | 2 | 3): Record<string, string> => ({
  course1_status: 'ended',
  course1_success_rate: n >= 1 ? '1' : '0.3333',
  course2_status: n >= 1 ? 'ended' : 'not_reached',
  course2_success_rate: n >= 2 ? '1' : n === 1 ? '0.4' : '',
  course3_status: n >= 2 ? 'ended' : 'not_reached',
  course3_success_rate: n === 3 ? '1' : n === 2 ? '0.2' : '',
});

describe('profiles at entry: one case per rule, in order (docs/analysis.md, "Profiles at entry")', () => {
  const cases: [string, Row, string][] = [
    ['age_unknown', { age_band: 'non_communique', q_situation: 'en_emploi', q_aisance: 'tres', ...user }, 'unclassified'],
    ['age_unknown', { q_situation: 'demandeur_emploi', ...user }, 'unclassified'],
    ['young_seeking_or_prescribed', { age_band: 'vingt_cinq_trente_neuf', q_situation: 'demandeur_emploi', q_aisance: 'tres', ...user, ...level(3) }, 'insertion_paths'],
    ['young_seeking_or_prescribed', { age_band: 'dix_huit_vingt_quatre', q_situation: 'etudes_formation', q_aisance: 'pas_du_tout', ...user }, 'insertion_paths'],
    ['young_seeking_or_prescribed', { age_band: 'quarante_cinquante_neuf', q_situation: 'au_foyer', q_connu_par: 'caf', q_aisance: 'un_peu', ...user, ...level(1) }, 'insertion_paths'],
    ['young_seeking_or_prescribed', { age_band: 'quarante_cinquante_neuf', q_situation: 'en_emploi', q_connu_par: 'france_travail', ...user }, 'insertion_paths'],
    // The first case: 45, at home, never used the Internet, no diploma, not at ease at all.
    ['young_distant', { age_band: 'quarante_cinquante_neuf', q_situation: 'au_foyer', q_dernier_usage_internet: 'jamais', q_diplome: 'aucun_diplome', q_aisance: 'pas_du_tout' }, 'insertion_paths'],
    ['young_distant', { age_band: 'vingt_cinq_trente_neuf', q_situation: 'en_emploi', q_aisance: 'tres', ...user, ...level(0) }, 'insertion_paths'],
    ['young_other', { age_band: 'quarante_cinquante_neuf', q_situation: 'en_emploi', q_aisance: 'assez', ...user, ...level(2) }, 'improvement_paths'],
    ['young_other', { age_band: 'vingt_cinq_trente_neuf', q_aisance: 'un_peu', ...user }, 'improvement_paths'],
    ['senior_non_user', { age_band: 'soixante_dix_plus', q_situation: 'retraite', q_aisance: 'assez', q_dernier_usage_internet: 'jamais' }, 'beginner_seniors'],
    ['senior_non_user', { age_band: 'quarante_cinquante_neuf', q_situation: 'retraite', q_dernier_usage_internet: 'plus_de_3_mois' }, 'beginner_seniors'],
    // The second case: a senior "très à l'aise" who fails course 1.
    ['senior_handling_not_passed', { age_band: 'soixante_dix_plus', q_situation: 'retraite', q_aisance: 'tres', q_diplome: 'enseignement_superieur', ...user, ...level(0) }, 'beginner_seniors'],
    ['senior_not_at_ease', { age_band: 'soixante_soixante_neuf', q_situation: 'retraite', q_aisance: 'pas_du_tout', q_diplome: 'enseignement_superieur', ...user, ...level(1) }, 'beginner_seniors'],
    ['senior_at_ease_skilled', { age_band: 'soixante_soixante_neuf', q_situation: 'en_emploi', q_aisance: 'assez', ...user, ...level(2) }, 'improvement_paths'],
    ['senior_at_ease_skilled', { age_band: 'soixante_dix_plus', q_aisance: 'tres', q_diplome: 'aucun_diplome', ...user, ...level(3) }, 'improvement_paths'],
    ['senior_little_ease_no_diploma', { age_band: 'soixante_dix_plus', q_aisance: 'un_peu', q_diplome: 'aucun_diplome', ...user, ...level(1) }, 'beginner_seniors'],
    ['senior_initiated', { age_band: 'soixante_dix_plus', q_aisance: 'un_peu', q_diplome: 'bepc_cap_bep', ...user, ...level(1) }, 'initiated_seniors'],
    ['senior_initiated', { age_band: 'non_communique', q_situation: 'retraite', q_aisance: 'tres', q_diplome: 'ne_sait_pas', ...user, ...level(1) }, 'initiated_seniors'],
    ['senior_initiated', { age_band: 'soixante_dix_plus', q_aisance: 'un_peu', q_diplome: 'aucun_diplome', ...user, ...level(3) }, 'initiated_seniors'],
    ['senior_ease_unknown', { age_band: 'soixante_dix_plus', q_situation: 'retraite', ...user }, 'unclassified'],
  ];
  for (const [rule, row, profile] of cases)
    test(`${rule} → ${profile}`, () => {
      assert.equal(profileRule(row).id, rule);
      assert.equal(profileOf(row), profile);
    });

  test('every rule has a case above', () => {
    const covered = new Set(cases.map(([rule]) => rule));
    assert.deepEqual(PROFILE_RULES.map((r) => r.id).filter((id) => !covered.has(id)), []);
  });

  test('nobody in the improvement paths is illectronic', () => {
    for (const [, row] of cases) if (profileOf(row) === 'improvement_paths') assert.notEqual(isIllectronic(respondentFromRow(row)), true);
  });

  test('the last rule always matches, so every respondent gets a profile', () => {
    assert.equal(PROFILE_RULES.at(-1)!.matches({}), true);
  });
});
