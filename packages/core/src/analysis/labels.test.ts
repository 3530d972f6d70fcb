import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analysisLabels } from './label-catalogue.js';
import { analysisLabel, domainLabel, marginCategoryLabel, marginLabel, type ReportLang } from './labels.js';

describe('report labels: one catalogue, read through translate', () => {
  test('French and English list the same keys', () => assert.deepEqual(Object.keys(analysisLabels.en).sort(), Object.keys(analysisLabels.fr).sort()));

  const cases: [string, () => string, string][] = [
    ['a known code gets its label', () => analysisLabel('profile', 'beginner_seniors'), 'Séniors débutants'],
    ['in English when asked', () => analysisLabel('course_result', 'not_reached', 'en'), 'Not reached'],
    ['an unknown code is shown as it is', () => analysisLabel('profile', 'nouveau_profil'), 'nouveau_profil'],
    ['a domain: kind, code and name', () => domainLabel({ kind: 'region', code: '53', name: 'Bretagne' }, 'en'), 'Region 53 – Bretagne'],
    ['a domain without a name', () => domainLabel({ kind: 'organisation', code: 'ORG1' }), 'Structure ORG1'],
    ['70+ with 60-69 merged into it is "60 and over"', () => marginCategoryLabel('age_band', 'soixante_dix_plus', ['soixante_soixante_neuf']), '60 ans et plus'],
    ['merged young bands read "under"', () => marginCategoryLabel('age_band', 'moins_de_douze', ['douze_dix_huit'], 'en'), 'Under 18'],
    ['merged middle bands give the last age', () => marginCategoryLabel('age_band', 'vingt_cinq_trente_neuf', ['quarante_cinquante_neuf']), '25 à 59 ans'],
    ['a margin category uses its variable’s labels', () => marginCategoryLabel('q_genre', 'feminin'), 'Femmes'],
    ['merged categories are joined', () => marginCategoryLabel('q_diplome', 'aucun_diplome', ['bepc_cap_bep']), 'Aucun diplôme + BEPC, CAP, BEP'],
    ['"(missing)" is "not answered"', () => marginCategoryLabel('q_genre', '(missing)', [], 'en'), 'Not answered'],
    ['a margin', () => marginLabel('q_genre'), 'Genre'],
    ['one theme of the themes margin', () => marginLabel('q_thematiques:email', 'en'), 'Themes: Use e-mail'],
    ['one theme, in French', () => marginLabel('q_thematiques:email'), 'Thématiques : Utiliser les e-mails'],
  ];
  for (const [reason, label, expected] of cases) test(reason, () => assert.equal(label(), expected));

  for (const lang of ['fr', 'en'] as ReportLang[])
    test(`no label in ${lang} is empty or a code`, () => {
      for (const [key, text] of Object.entries(analysisLabels[lang])) assert.ok(text.trim() !== '' && !/^[a-z0-9]+_[a-z0-9_]+$/.test(text), key);
    });
});
