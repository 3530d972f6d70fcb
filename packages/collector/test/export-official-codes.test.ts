/**
 * The export writes the official code (Coop, Baromètre, INSEE) beside the survey's own code for every
 * mapped question of the shipped survey (docs/export-format.md, "Official codes").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { QuestionnaireAnswers } from '@observatoire/core';
import { OFFICIAL_COLUMNS } from '@observatoire/core/analysis';
import { observatoire2025 } from '@observatoire/content';
import { SurveyIndex } from '../src/definitions.js';
import { exportTable } from '../src/export/rows.js';
import type { SessionData } from '../src/store/types.js';

const startedAt = Date.UTC(2025, 4, 12, 9, 0);

function session(answers: QuestionnaireAnswers): SessionData {
  return {
    session: {
      id: 's1', tokenHash: '', surveyId: observatoire2025.id, contentVersion: observatoire2025.version, organisation: null,
      device: 'tablet', lang: 'fr', startedAt, receivedAt: startedAt, endedAt: null, endReason: null,
    },
    questionnaire: { sessionId: 's1', answers, filledByMediator: false, validatedAt: startedAt, receivedAt: startedAt },
    answers: [],
    events: [],
  };
}

test('every mapped question of the shipped survey has its official column, right after the questions', () => {
  const { columns } = exportTable([], new SurveyIndex([observatoire2025]));
  const questions = new Set(observatoire2025.questionnaire?.questions.map((q) => q.id));
  for (const { question, column } of OFFICIAL_COLUMNS) {
    assert.ok(questions.has(question), `the survey asks ${question}`);
    assert.ok(columns.includes(`q_${question}`) && columns.includes(column), column);
  }
  const lastQuestion = Math.max(...columns.map((c, i) => (c.startsWith('q_') ? i : -1)));
  assert.deepEqual(columns.slice(lastQuestion + 1, lastQuestion + 1 + OFFICIAL_COLUMNS.length), OFFICIAL_COLUMNS.map((c) => c.column));
});

const cases: [string, Record<string, string | number>, Record<string, string>][] = [
  ['finer survey codes keep their own column and gain the official one',
    { annee_naissance: 1958, situation: 'au_foyer', diplome: 'ne_sait_pas', dernier_usage_internet: 'plus_de_3_mois' },
    { q_situation: 'au_foyer', statut_social: 'sans_emploi', q_diplome: 'ne_sait_pas', diplome_barometre: 'non_communique',
      q_dernier_usage_internet: 'plus_de_3_mois', internet_3_mois_insee: 'non', q_annee_naissance: '1958', age_band: 'soixante_soixante_neuf' }],
  ['"je préfère ne pas répondre" is non_communique on the official side',
    { situation: 'non_communique', diplome: 'non_communique' },
    { q_situation: 'non_communique', statut_social: 'non_communique', q_diplome: 'non_communique', diplome_barometre: 'non_communique' }],
  ['codes that already are official are copied',
    { situation: 'retraite', diplome: 'baccalaureat', dernier_usage_internet: 'moins_de_3_mois' },
    { statut_social: 'retraite', diplome_barometre: 'baccalaureat', internet_3_mois_insee: 'oui' }],
];
for (const [name, answers, expected] of cases)
  test(name, () => {
    const { rows } = exportTable([session(answers)], new SurveyIndex([observatoire2025]));
    for (const [column, value] of Object.entries(expected)) assert.equal(rows[0]?.[column], value, column);
  });
