import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ReportError, WeightingError } from './errors.js';
import { wilson } from './estimates.js';
import type { Margin } from './margins.js';
import { buildReport, MINIMUM_RESPONDENTS, parseTerritory } from './report.js';
import type { EstimatedDomain } from './report-types.js';

/** A valid respondent; `i` varies the answers deterministically. */
function respondent(i: number, extra: Record<string, string> = {}): Record<string, string> {
  const rates = ['0.3333', '1', '0.6667', '1'];
  return {
    session_id: `s${i}`,
    organisation: '',
    test_run: '0',
    left_mid_course: '0',
    q_commune: '35238',
    q_genre: i % 3 === 0 ? 'masculin' : 'feminin',
    age_band: i % 4 === 0 ? 'quarante_cinquante_neuf' : 'soixante_dix_plus',
    q_situation: i % 4 === 0 ? 'en_emploi' : 'retraite',
    q_aisance: i % 2 === 0 ? 'un_peu' : 'pas_du_tout',
    q_diplome: 'baccalaureat',
    q_dernier_usage_internet: i % 10 === 0 ? 'jamais' : 'moins_de_3_mois',
    department: '35',
    region: '53',
    epci: '243500139',
    course1_status: 'ended',
    course1_success_rate: rates[i % 4] as string,
    course2_status: i % 4 === 0 ? 'not_reached' : 'ended',
    course2_success_rate: i % 4 === 0 ? '' : i % 8 === 1 ? '0.8571' : '0.4286',
    course3_status: 'not_reached',
    course3_success_rate: '',
    ...extra,
  };
}

function sample(inDep35: number, elsewhere: number): Record<string, string>[] {
  const rows = [];
  for (let i = 0; i < inDep35; i++) rows.push(respondent(i));
  for (let i = 0; i < elsewhere; i++) rows.push(respondent(i + 7, { department: '29', epci: '242900314', q_commune: '29019' }));
  return rows;
}

const genreMargin: Margin = { type: 'categorical', variable: 'q_genre', targets: { feminin: 0.72, masculin: 0.28 }, source: 'Enquête 2023 (exemple)' };

describe('buildReport: the 100-respondent rule', () => {
  test(`a territory at ${MINIMUM_RESPONDENTS - 1} valid respondents is not estimated, and says why`, () => {
    const report = buildReport(sample(99, 150), [genreMargin], { territory: parseTerritory('dep:35') });
    assert.deepEqual(report.focus, { kind: 'department', code: '35', n: 99, status: 'too_few_respondents', minimum: 100 });
    assert.equal('indicators' in report.focus!, false);
  });

  test(`a territory at ${MINIMUM_RESPONDENTS} valid respondents is estimated, with the national figure beside`, () => {
    const report = buildReport(sample(100, 150), [genreMargin], { territory: parseTerritory('dep:35') });
    const focus = report.focus as EstimatedDomain;
    assert.equal(focus.status, 'estimated');
    assert.equal(focus.n, 100);
    const level0 = focus.indicators.staircase.categories[0]!;
    const national0 = report.national.staircase.categories[0]!;
    assert.deepEqual(level0.national && [level0.national.value, level0.national.low, level0.national.high], [national0.proportion, national0.low, national0.high]);
    assert.equal(typeof level0.national?.differs, 'boolean');
  });

  test('excluded sessions do not count towards the 100', () => {
    const rows = [...sample(100, 150).slice(0, 99), respondent(500, { test_run: '1' }), ...sample(0, 150)];
    const report = buildReport(rows, [], { territory: parseTerritory('dep:35') });
    assert.equal(report.focus?.status, 'too_few_respondents');
  });

  test('a territory absent from the data is reported with n = 0', () => {
    const report = buildReport(sample(100, 0), [], { territory: parseTerritory('region:11') });
    assert.deepEqual(report.focus, { kind: 'region', code: '11', n: 0, status: 'too_few_respondents', minimum: 100 });
  });

  test('every department, region, EPCI present is listed, names added when given', () => {
    const report = buildReport(sample(120, 50), [], { names: { 'department:35': 'Ille-et-Vilaine' } });
    assert.deepEqual(report.domains.map((d) => [d.kind, d.code, d.n, d.status]), [
      ['department', '29', 50, 'too_few_respondents'],
      ['department', '35', 120, 'estimated'],
      ['region', '53', 170, 'estimated'],
      ['epci', '242900314', 50, 'too_few_respondents'],
      ['epci', '243500139', 120, 'estimated'],
    ]);
    assert.equal(report.domains[1]!.name, 'Ille-et-Vilaine');
  });
});

describe('buildReport: exclusions and weighting', () => {
  test('test runs are excluded; sessions without course 1 (paper forms among them) are kept without a level, and counted', () => {
    const rows = [
      ...sample(10, 0),
      respondent(100, { test_run: '1' }),
      respondent(101, { q_commune: 'TEST', test_run: '0' }),
      respondent(102, { course1_status: 'in_progress', course1_success_rate: '', left_mid_course: '1' }),
      respondent(103, { course1_status: 'not_reached', course1_success_rate: '' }),
      respondent(104, { course2_status: 'in_progress', course2_success_rate: '', left_mid_course: '1' }),
      respondent(105, { channel: 'paper', paper_date: '2025-10-02', filled_by_mediator: '1', course1_status: 'not_reached', course1_success_rate: '' }),
    ];
    const report = buildReport(rows, []);
    assert.deepEqual(report.sessions, {
      total: 16,
      excluded: { other_survey: 0, test_run: 2, out_of_scope: 0, probable_duplicate: 0, filtered_out: 0 },
      analysed: 14,
      testNotTaken: 2,
      course1NotFinished: 1,
      under15: 0,
      filledByMediator: 1,
      resumed: 0,
      paper: 1,
    });
    assert.equal(report.national.n, 14);
    assert.equal(report.national.staircase.n, 11);
  });

  test('weights meet the margins; the report carries the sources and Kish figures', () => {
    const report = buildReport(sample(200, 0), [genreMargin]);
    assert.equal(report.weighting.method, 'raking');
    assert.equal(report.weighting.converged, true);
    const genre = report.weighting.margins[0]!;
    assert.equal(genre.source, 'Enquête 2023 (exemple)');
    for (const c of genre.categories) assert.ok(Math.abs(c.achieved - c.target) < 1e-9);
    assert.ok(report.national.designEffect > 1);
    assert.ok(Math.abs(report.national.nEffective * report.national.designEffect - 200) < 1e-9);
    assert.ok(Math.abs(report.national.weightedTotal - 200) < 1e-9);
  });

  test('the national shares are weighted, inside their interval, and sum to 1', () => {
    const report = buildReport(sample(200, 0), [genreMargin]);
    const cats = report.national.staircase.categories;
    assert.ok(Math.abs(cats.reduce((a, c) => a + c.proportion, 0) - 1) < 1e-12);
    for (const c of cats) assert.ok(c.low <= c.proportion && c.proportion <= c.high);
    assert.ok(report.national.meanStaircaseLevel.low < report.national.meanStaircaseLevel.mean);
  });

  test('profiles under 100 respondents are not estimated', () => {
    const report = buildReport(sample(200, 0), []);
    const byProfile = Object.fromEntries(report.profiles.map((p) => [p.profile, p.status]));
    assert.equal(byProfile.insertion_paths, 'too_few_respondents');
    assert.equal(byProfile.beginner_seniors, 'estimated');
  });

  test('intervals are linearised for the raked estimator by default, Wilson on the effective size as an option', () => {
    const linearised = buildReport(sample(200, 0), [genreMargin]);
    assert.equal(linearised.interval, 'linearised');
    const wilsonReport = buildReport(sample(200, 0), [genreMargin], { interval: 'wilson_effective_n' });
    assert.equal(wilsonReport.interval, 'wilson_effective_n');
    const a = linearised.national.staircase.categories[0]!;
    const b = wilsonReport.national.staircase.categories[0]!;
    assert.equal(a.proportion, b.proportion);
    assert.notEqual(a.low, b.low);
    assert.ok(Math.abs((a.low + a.high) / 2 - a.proportion) < 1e-12, 'a normal interval is centred on the share');
    assert.deepEqual([b.low, b.high], Object.values(wilson(b.proportion, wilsonReport.national.staircase.nEffective)));
  });

  test('the report is plain JSON (survives a round trip)', () => {
    const report = buildReport(sample(120, 0), [genreMargin], { generatedAt: '2025-01-01T00:00:00.000Z', territory: parseTerritory('dep:35') });
    assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
    assert.equal(report.format, 'observatoire-report');
  });

  test('refusals given: people offered, took part and refused by reason in the sample description', () => {
    const refusals = [{ reason: 'declined' }, { reason: 'reading' }, { reason: 'reading' }];
    const report = buildReport([...sample(20, 0), respondent(99, { test_run: '1' })], [], { refusals });
    assert.deepEqual(report.sessions.offered, {
      offered: 23, tookPart: 20, refused: 3,
      byReason: { declined: 1, no_time: 0, language: 0, health_disability: 0, reading: 2, other: 0 },
    });
    assert.equal(buildReport(sample(20, 0), []).sessions.offered, undefined, 'no refusals given: nothing said about them');
  });

  test('bad inputs are typed errors', () => {
    assert.throws(() => buildReport([respondent(1, { test_run: '1' })], []), (e: unknown) => e instanceof ReportError && e.code === 'no_valid_respondents');
    assert.throws(() => buildReport([{ session_id: 'x' }], []), (e: unknown) => e instanceof ReportError && e.code === 'missing_column');
    assert.throws(() => buildReport(sample(10, 0), [{ ...genreMargin, targets: { feminin: 0.7, masculin: 0.7 } }]), WeightingError);
    for (const bad of ['dep', 'dep:', 'commune:35238', 'dep:3 5', ''])
      assert.throws(() => parseTerritory(bad), (e: unknown) => e instanceof ReportError && e.code === 'invalid_option');
  });
});
