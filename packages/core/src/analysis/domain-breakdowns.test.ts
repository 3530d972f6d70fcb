import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { domainFilter, offeredCounts, organisationPlaces } from './refusals.js';
import { buildReport, parseTerritory } from './report.js';
import type { DomainResult, EstimatedDomain } from './report-types.js';

/** A valid respondent of department 35 (region 53) unless `extra` says otherwise; `i` varies the answers. */
function respondent(i: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    session_id: `s${i}`,
    survey_id: 's',
    organisation: 'fs-35',
    test_run: '0',
    q_genre: i % 3 === 0 ? 'masculin' : 'feminin',
    q_aisance: i % 2 === 0 ? 'un_peu' : 'pas_du_tout',
    q_dernier_usage_internet: 'moins_de_3_mois',
    department: '35',
    region: '53',
    epci: '243500139',
    course1_status: 'ended',
    course1_success_rate: i % 5 === 0 ? '0.3333' : '1',
    ...extra,
  };
}

/** 120 respondents in 35 (organisation fs-35), 130 in 29 (fs-29, all failing course 1), 20 in 56 (fs-56). */
const rows = [
  ...Array.from({ length: 120 }, (_, i) => respondent(i)),
  ...Array.from({ length: 130 }, (_, i) => respondent(200 + i, { organisation: 'fs-29', department: '29', course1_success_rate: '0' })),
  ...Array.from({ length: 20 }, (_, i) => respondent(400 + i, { organisation: 'fs-56', department: '56' })),
];
const domain = (report: { domains: DomainResult[] }, kind: string, code: string) => report.domains.find((d) => d.kind === kind && d.code === code)!;

describe('territories and organisations: every breakdown from 100 respondents (docs/analysis.md, "Territories and organisations")', () => {
  const report = buildReport(rows, []);
  const cases: [string, string, string, boolean][] = [
    ['a department of 120', 'department', '35', true],
    ['a department of 130', 'department', '29', true],
    ['a department of 20: no breakdown', 'department', '56', false],
    ['a region of 270', 'region', '53', true],
    ['an EPCI: its indicators, no breakdown', 'epci', '243500139', false],
    ['an organisation of 130', 'organisation', 'fs-29', true],
    ['an organisation of 20: no breakdown', 'organisation', 'fs-56', false],
  ];
  for (const [name, kind, code, broken] of cases)
    test(name, () => {
      const d = domain(report, kind, code);
      assert.equal(d.status === 'estimated' && (d.breakdowns ?? []).length > 0, broken);
    });

  test('the groups are those of the domain, each beside the same group nationally', () => {
    const d = domain(report, 'department', '35') as EstimatedDomain;
    const gender = d.breakdowns!.find((b) => b.variable === 'gender')!;
    assert.deepEqual(gender.groups.map((g) => [g.category, g.n]), [['feminin', 80], ['masculin', 40]]);
    const women = gender.groups[0]!.indicators.illectronisme.categories.find((c) => c.category === 'yes')!;
    const nationalWomen = report.breakdowns.find((b) => b.variable === 'gender')!.groups[0]!.indicators.illectronisme.categories.find((c) => c.category === 'yes')!;
    assert.deepEqual([women.national!.value, women.national!.low, women.national!.high], [nationalWomen.proportion, nationalWomen.low, nationalWomen.high]);
  });

  test('`differs` when the intervals do not overlap: in 29 everyone fails course 1, unlike the nation', () => {
    const d = domain(report, 'department', '29') as EstimatedDomain;
    const women = d.breakdowns!.find((b) => b.variable === 'gender')!.groups[0]!;
    const level0 = women.indicators.staircase.categories.find((c) => c.category === '0')!;
    assert.equal(level0.proportion, 1);
    assert.equal(level0.national!.differs, true);
  });

  test('a group under the minimum cell size within the domain is flagged small', () => {
    const d = domain(buildReport(rows, [], { minimumCellSize: 50 }), 'department', '35') as EstimatedDomain;
    const gender = d.breakdowns!.find((b) => b.variable === 'gender')!;
    assert.deepEqual(gender.groups.map((g) => g.small), [false, true]);
  });
});

describe('refusals per territory and organisation', () => {
  const refusals = [
    { survey_id: 's', organisation: 'fs-35', reason: 'declined' },
    { survey_id: 's', organisation: 'fs-35', reason: 'reading' },
    { survey_id: 's', organisation: 'fs-29', reason: 'no_time' },
    { survey_id: 's', organisation: 'fs-both', reason: 'language' },
    { survey_id: 's', organisation: '', reason: 'other' },
    { survey_id: 's', organisation: 'fs-unknown', reason: 'declined' },
  ];
  // fs-both works in 35 and 29: its refusals are in neither department, but in region 53 where both lie.
  const sessions = [...rows, respondent(500, { organisation: 'fs-both' }), respondent(501, { organisation: 'fs-both', department: '29' })];
  const places = organisationPlaces(sessions, 'department', { surveyId: 's' });
  const regions = organisationPlaces(sessions, 'region', { surveyId: 's' });
  const cases: [string, ReturnType<typeof domainFilter>, { tookPart: number; refused: number }][] = [
    ['an organisation: its own sessions and refusals', domainFilter('organisation', 'fs-35'), { tookPart: 120, refused: 2 }],
    ['an organisation with refusals only elsewhere', domainFilter('organisation', 'fs-56'), { tookPart: 20, refused: 0 }],
    ['a department: the refusals of the organisations working only there', domainFilter('department', '35', places), { tookPart: 121, refused: 2 }],
    ['an organisation spanning two departments is placed in neither', domainFilter('department', '29', places), { tookPart: 131, refused: 1 }],
    ['…but in the region holding both', domainFilter('region', '53', regions), { tookPart: 272, refused: 4 }],
  ];
  for (const [name, within, expected] of cases)
    test(name, () => {
      const counts = offeredCounts(sessions, refusals, { surveyId: 's' }, within);
      assert.deepEqual({ tookPart: counts.tookPart, refused: counts.refused }, expected);
      assert.equal(counts.offered, counts.tookPart + counts.refused);
    });

  test('in the report: each domain of 100 or more has its offered counts when refusals are given', () => {
    const report = buildReport(sessions, [], { refusals, territory: parseTerritory('org:fs-56') });
    const fs35 = domain(report, 'organisation', 'fs-35') as EstimatedDomain;
    assert.deepEqual([fs35.offered?.tookPart, fs35.offered?.byReason.reading], [120, 1]);
    const fs35Alone = domain(buildReport(sessions, []), 'organisation', 'fs-35') as EstimatedDomain;
    assert.equal(fs35Alone.offered, undefined, 'no refusals given: nothing said');
  });

  test('under 100, no refusal count either: counts by reason could single a person out', () => {
    const report = buildReport(sessions, [], { refusals, territory: parseTerritory('org:fs-56') });
    assert.deepEqual(report.focus, { kind: 'organisation', code: 'fs-56', n: 20, status: 'too_few_respondents', minimum: 100 });
  });
});
