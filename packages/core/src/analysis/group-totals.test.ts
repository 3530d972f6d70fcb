import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { membersOf } from './estimates.js';
import { cellTotals, countGroups } from './group-totals.js';
import { domainEstimator } from './linearisation.js';
import type { Margin } from './margins.js';
import { breakdownGroupings, breakdownsWithin, breakdownValues, groupedSums, groupsOf } from './report-breakdowns.js';
import { countedVariables, deriveRespondents, indicators, indicatorsOf, type Estimation } from './report-indicators.js';
import type { IntervalMethod } from './report-types.js';
import { weightRespondents } from './report-weighting.js';
import { tableFromRows } from './table.js';

/**
 * A constructed export: three departments, every breakdown variable with missing values, courses passed, failed,
 * stopped, left and not reached, answers varied with different periods so that no group is all alike.
 */
function respondent(i: number): Record<string, string> {
  const rate = ['0.2857', '1', '0.7143', '0.4286', '0.8571'][i % 5] as string;
  const second = ['ended', 'not_reached', 'skipped_remaining', 'in_progress', 'ended', 'ended'][i % 6] as string;
  return {
    session_id: `s${i}`,
    survey_id: 'observatoire-2026',
    organisation: ['fs-35', 'fs-29', 'fs-56', 'fs-22'][i % 4] as string,
    test_run: '0',
    started_at: '2026-10-12T09:00:00.000Z',
    department: ['35', '29', '56'][i % 3] as string,
    region: '53',
    epci: i % 2 === 0 ? '243500139' : '242900314',
    q_commune: ['35238', '29019', '', '56260'][i % 4] as string,
    q_annee_naissance: String(1940 + ((i * 7) % 70)),
    q_genre: ['feminin', 'masculin', 'feminin', 'non_communique', 'feminin', ''][i % 6] as string,
    age_band: ['soixante_dix_plus', 'quarante_cinquante_neuf', 'vingt_cinq_trente_neuf', 'soixante_soixante_neuf', ''][i % 5] as string,
    statut_social: ['retraite', 'en_emploi', 'sans_emploi'][i % 3] as string,
    q_situation: ['retraite', 'en_emploi', 'demandeur_emploi', 'au_foyer', '', 'autre', 'etudes_formation'][i % 7] as string,
    q_diplome: ['aucun_diplome', 'baccalaureat', '', 'bepc_cap_bep', 'enseignement_superieur'][(i * 3) % 5] as string,
    q_aisance: ['pas_du_tout', 'un_peu', 'assez', 'tres', ''][(i * 2) % 5] as string,
    q_appareils: ['ordinateur|telephone', 'telephone', 'aucun', '', 'tablette'][i % 5] as string,
    q_connexion_domicile: ['oui', 'non', 'ne_sait_pas', ''][(i * 5) % 4] as string,
    q_dernier_usage_internet: i % 11 === 0 ? 'jamais' : 'moins_de_3_mois',
    q_connu_par: ['caf', 'mairie', 'france_travail'][i % 3] as string,
    q_accompagnement: 'premier',
    course1_id: 'parcours-1',
    course1_status: i % 13 === 0 ? 'in_progress' : 'ended',
    course1_success_rate: i % 13 === 0 ? '' : rate,
    course2_id: 'parcours-2',
    course2_status: second,
    course2_success_rate: second === 'ended' || second === 'skipped_remaining' ? (['0.4286', '1', '0.8571'][i % 3] as string) : '',
    course3_id: 'parcours-3',
    course3_status: i % 4 === 0 ? 'ended' : 'not_reached',
    course3_success_rate: i % 4 === 0 ? (['0.5714', '1'][(i >> 2) % 2] as string) : '',
  };
}

const table = tableFromRows(Array.from({ length: 720 }, (_, i) => respondent(i)));
const margins: Margin[] = [
  { type: 'categorical', variable: 'q_genre', targets: { feminin: 0.7, masculin: 0.3 }, source: 'test' },
  { type: 'categorical', variable: 'statut_social', targets: { retraite: 0.5, en_emploi: 0.3, sans_emploi: 0.2 }, source: 'test' },
];
const { derived } = deriveRespondents(table);
const values = breakdownValues(table, { '35238': '200000_et_plus', '29019': 'de_50000_a_199999', '56260': 'de_10000_a_49999' });

/** Every number of `a` equals the one of `b` within 1e-12 (relative above 1); everything else is identical. */
function assertClose(a: unknown, b: unknown, path = ''): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) && Number.isNaN(b)) return;
    assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b)), `${path}: ${a} ≠ ${b}`);
    return;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    assert.equal(a, b, path);
    return;
  }
  assert.deepEqual(Object.keys(a), Object.keys(b), path);
  for (const [key, value] of Object.entries(a)) assertClose(value, (b as Record<string, unknown>)[key], `${path}.${key}`);
}

const cases: [string, readonly Margin[], IntervalMethod][] = [
  ['raked on two margins, linearised intervals', margins, 'linearised'],
  ['raked on two margins, Wilson intervals', margins, 'wilson_effective_n'],
  ['no margins (every weight 1), linearised intervals', [], 'linearised'],
];

describe('groups counted in one pass equal the straightforward estimates, group by group (docs/analysis.md, "Performance")', () => {
  for (const [name, m, method] of cases) {
    const { weights, design } = weightRespondents(table, m, {});
    const plain: Estimation = { method, design, estimator: domainEstimator(design, weights) };
    const totals = cellTotals(design, weights);
    const counted: Estimation = { ...plain, ...(totals ? { totals } : {}) };
    const national = indicators(derived, weights, membersOf(table.length), plain);

    test(`${name}: the cells' weights allow counting`, () => {
      assert.ok(totals);
      assert.ok(countGroups(totals, countedVariables(derived), { size: 1 }, breakdownGroupings(values, table.length)));
    });

    test(`${name}: the nation and every breakdown group`, () => {
      const nationally = groupedSums(derived, weights, counted, { size: 1 }, breakdownGroupings(values, table.length));
      assertClose(indicatorsOf(derived, nationally.sums(0, 0, 0), method), national);
      const scope = { national, minimumCellSize: 30 };
      assertClose(breakdownsWithin(values, derived, weights, counted, scope), breakdownsWithin(values, derived, weights, plain, scope));
    });

    test(`${name}: every department and its breakdowns, in one pass`, () => {
      const column = table.columns.get('department')!;
      const scope = { codes: column.codes, size: column.dictionary.length };
      const grouped = groupedSums(derived, weights, counted, scope, breakdownGroupings(values, table.length));
      const members = groupsOf(column.codes, column.dictionary.length);
      column.dictionary.forEach((_, d) => {
        const own = members[d]!;
        assertClose(indicatorsOf(derived, grouped.sums(d, 0, 0), method, national), indicators(derived, weights, own, plain, national));
        const groupScope = { members: own, national, minimumCellSize: 30 };
        assertClose(breakdownsWithin(values, derived, weights, counted, groupScope), breakdownsWithin(values, derived, weights, plain, groupScope));
      });
    });
  }

  test('weights that differ within a cell are read from the members', () => {
    const { weights, design } = weightRespondents(table, margins, {});
    const changed = Float64Array.from(weights, (w, i) => (i === 0 ? w * 1.5 : w));
    assert.equal(cellTotals(design, changed), undefined);
    assert.equal(cellTotals(undefined, changed), undefined);
  });
});
