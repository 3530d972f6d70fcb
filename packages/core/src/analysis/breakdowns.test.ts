import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { breakdownValue, equipmentOf } from './breakdowns.js';
import { buildReport } from './report.js';

describe('breakdown categories from the export', () => {
  const cases: [string, string | undefined, string | undefined][] = [
    ['a computer among other equipment', 'telephone|ordinateur', 'ordinateur'],
    ['phone and tablet without a computer', 'telephone|tablette', 'mobile_seulement'],
    ['no equipment', 'aucun', 'aucun'],
    ['only "other": unknown', 'autre', undefined],
    ['not answered: unknown', '', undefined],
  ];
  for (const [name, answer, expected] of cases) test(`equipment: ${name}`, () => assert.equal(equipmentOf(answer), expected));
  test('non_communique is unknown', () => assert.equal(breakdownValue({ q_genre: 'non_communique' }, 'gender'), undefined));
  test('commune size comes from the given table', () => assert.equal(breakdownValue({ q_commune: '35238' }, 'commune_size', { '35238': '200000_et_plus' }), '200000_et_plus'));
});

describe('breakdowns in the report', () => {
  const rows = Array.from({ length: 120 }, (_, i) => ({
    session_id: `s${i}`,
    test_run: '0',
    q_commune: i < 100 ? '35238' : '35001',
    q_genre: i % 3 === 0 ? 'masculin' : 'feminin',
    q_aisance: i % 2 === 0 ? 'tres' : 'pas_du_tout',
    q_dernier_usage_internet: 'moins_de_3_mois',
    course1_status: 'ended',
    // Everyone at ease passes course 1, nobody else does.
    course1_success_rate: i % 2 === 0 ? '1' : '0',
    course2_status: 'not_reached',
    course2_success_rate: '',
    course3_status: 'not_reached',
    course3_success_rate: '',
  }));
  const report = buildReport(rows, [], { communeSizes: { '35238': '200000_et_plus', '35001': 'moins_de_2000' }, minimumCellSize: 30 });

  test('every indicator per group, with n, a small-group flag, and the national figure beside', () => {
    const ease = report.breakdowns.find((b) => b.variable === 'ease')!;
    assert.deepEqual(ease.groups.map((g) => [g.category, g.n]), [['pas_du_tout', 60], ['tres', 60]]);
    const notAtEase = ease.groups[0]!.indicators.illectronisme.categories.find((c) => c.category === 'yes')!;
    assert.equal(notAtEase.proportion, 1);
    assert.equal(notAtEase.national?.value, 0.5);
    assert.equal(notAtEase.national?.differs, true);
    const size = report.breakdowns.find((b) => b.variable === 'commune_size')!;
    assert.deepEqual(size.groups.map((g) => [g.category, g.n, g.small]), [['moins_de_2000', 20, true], ['200000_et_plus', 100, false]]);
  });

  test('a variable nobody answered has no breakdown', () => assert.equal(report.breakdowns.some((b) => b.variable === 'diploma'), false));
});
