import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Row } from './margins.js';
import { PROFILE_RULES, profileOf, profileRule } from './profiles.js';

const user = { q_dernier_usage_internet: 'moins_de_3_mois' };

describe('profiles of the 2023 survey: one case per rule, in order', () => {
  const cases: [string, Row, string][] = [
    ['age_unknown', { age_band: 'non_communique', q_situation: 'en_emploi', q_aisance: 'tres', ...user }, 'unclassified'],
    ['age_unknown', { q_situation: 'demandeur_emploi', ...user }, 'unclassified'],
    ['young_job_seeker_or_student', { age_band: 'vingt_cinq_trente_neuf', q_situation: 'demandeur_emploi', q_aisance: 'tres', ...user }, 'insertion_paths'],
    ['young_job_seeker_or_student', { age_band: 'dix_huit_vingt_quatre', q_situation: 'etudes_formation', q_aisance: 'pas_du_tout', ...user }, 'insertion_paths'],
    ['young_other', { age_band: 'quarante_cinquante_neuf', q_situation: 'en_emploi', q_aisance: 'assez', ...user }, 'improvement_paths'],
    ['young_other', { age_band: 'quarante_cinquante_neuf', q_situation: 'au_foyer', q_aisance: 'pas_du_tout', ...user }, 'improvement_paths'],
    ['young_other', { age_band: 'vingt_cinq_trente_neuf', ...user }, 'improvement_paths'],
    ['senior_non_user', { age_band: 'soixante_dix_plus', q_situation: 'retraite', q_aisance: 'assez', q_dernier_usage_internet: 'jamais' }, 'beginner_seniors'],
    ['senior_non_user', { age_band: 'quarante_cinquante_neuf', q_situation: 'retraite', q_dernier_usage_internet: 'plus_de_3_mois' }, 'beginner_seniors'],
    ['senior_not_at_ease', { age_band: 'soixante_soixante_neuf', q_situation: 'retraite', q_aisance: 'pas_du_tout', q_diplome: 'enseignement_superieur', ...user }, 'beginner_seniors'],
    ['senior_little_ease_no_diploma', { age_band: 'soixante_dix_plus', q_aisance: 'un_peu', q_diplome: 'aucun_diplome', ...user }, 'beginner_seniors'],
    ['senior_little_ease', { age_band: 'soixante_dix_plus', q_aisance: 'un_peu', q_diplome: 'bepc_cap_bep', ...user }, 'initiated_seniors'],
    ['senior_little_ease', { age_band: 'non_communique', q_situation: 'retraite', q_aisance: 'un_peu', q_diplome: 'ne_sait_pas', ...user }, 'initiated_seniors'],
    ['senior_at_ease', { age_band: 'soixante_soixante_neuf', q_situation: 'en_emploi', q_aisance: 'assez', ...user }, 'improvement_paths'],
    ['senior_at_ease', { age_band: 'soixante_dix_plus', q_aisance: 'tres', q_diplome: 'aucun_diplome', ...user }, 'improvement_paths'],
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

  test('the last rule always matches, so every respondent gets a profile', () => {
    assert.equal(PROFILE_RULES.at(-1)!.matches({}), true);
  });
});
