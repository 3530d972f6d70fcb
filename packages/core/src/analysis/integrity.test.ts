import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { courseResult } from './course-results.js';
import { ReportError } from './errors.js';
import { ageAtSession, compareVersions, exclusionOfRow, exclusionsOf, probableDuplicates, surveyOfReport, type SurveySelection } from './integrity.js';
import { tableFromRows } from './table.js';
import type { Row } from './margins.js';
import { buildReport } from './report.js';

const OBS: SurveySelection = { surveyId: 'observatoire-2025' };

/** A complete, valid Observatoire session; `extra` overrides columns. */
function row(i: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    session_id: `s${i}`,
    survey_id: 'observatoire-2025',
    content_version: '2025.1',
    organisation: 'ORG1',
    device: 'tablet',
    started_at: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00.000Z`,
    test_run: '0',
    filled_by_mediator: '0',
    resumed: '0',
    left_mid_course: '0',
    end_reason: 'completed',
    q_annee_naissance: String(1940 + (i % 60)),
    q_genre: i % 2 === 0 ? 'feminin' : 'masculin',
    q_commune: '35238',
    q_accompagnement: 'premier',
    q_dernier_usage_internet: 'moins_de_3_mois',
    age_band: 'soixante_dix_plus',
    q_situation: 'retraite',
    course1_id: 'manipulation',
    course1_status: 'ended',
    course1_success_rate: i % 2 === 0 ? '1' : '0.3333',
    course2_id: 'bases',
    course2_status: i % 2 === 0 ? 'ended' : 'not_reached',
    course2_success_rate: i % 2 === 0 ? '0.5' : '',
    course3_id: 'culture',
    course3_status: 'not_reached',
    course3_success_rate: '',
    ...extra,
  };
}

describe('exclusion rules (docs/analysis.md, "Who is counted")', () => {
  const cases: [string, Row, string | undefined][] = [
    ['a session of another survey (quick diagnostic) is left out', row(1, { survey_id: 'diagnostic-rapide' }), 'other_survey'],
    ['a content version outside the range is left out', row(1, { content_version: '2024.9' }), 'other_survey'],
    ['a test run (test_run = 1) is excluded', row(1, { test_run: '1' }), 'test_run'],
    ['a session whose commune answer is TEST is a test run', row(1, { q_commune: 'test' }), 'test_run'],
    ['accompagnement = plusieurs is out of the protocol scope', row(1, { q_accompagnement: 'plusieurs' }), 'out_of_scope'],
    ['a second accompaniment is in scope', row(1, { q_accompagnement: 'deuxieme' }), undefined],
    ['course 1 not reached (questionnaire only) is kept', row(1, { course1_status: 'not_reached', course1_success_rate: '' }), undefined],
    ['left in the middle of course 1 is kept', row(1, { course1_status: 'in_progress', course1_success_rate: '', left_mid_course: '1' }), undefined],
    ['a completed session is kept', row(1), undefined],
  ];
  for (const [name, r, expected] of cases) test(name, () => assert.equal(exclusionOfRow(r, { ...OBS, fromVersion: '2025.1' }, false), expected));

  test('read on columns (exclusionsOf), each rule gives the same reason as on rows', () => {
    const rows = [...cases.map(([, r]) => r), row(2, { survey_id: '', q_commune: ' TEST ' }), row(3, { test_run: '1', q_accompagnement: 'plusieurs' })];
    const selections: (SurveySelection | undefined)[] = [{ ...OBS, fromVersion: '2025.1' }, OBS, { ...OBS, toVersion: '2024.9' }, undefined];
    for (const selection of selections) {
      const reasons = exclusionsOf(tableFromRows(rows), selection);
      assert.deepEqual(reasons, rows.map((r) => exclusionOfRow(r, selection, false)), JSON.stringify(selection));
    }
    // A column missing from the export reads as empty on every row, as on rows.
    const bare = [{ course1_status: 'ended' }, { course1_status: 'ended', test_run: '1' }];
    for (const selection of selections) {
      const reasons = exclusionsOf(tableFromRows(bare), selection);
      assert.deepEqual(reasons, bare.map((r) => exclusionOfRow(r, selection, false)), `missing columns, ${JSON.stringify(selection)}`);
    }
  });
});

describe('probable duplicates', () => {
  const left = { end_reason: 'in_progress', course1_status: 'in_progress', course1_success_rate: '' };
  const cases: [string, Row[], number[]][] = [
    ['an abandon then a restart an hour later: the abandoned one is dropped', [row(0, { ...left }), row(0, { started_at: '2026-10-01T10:00:00.000Z' })], [0]],
    ['a completed session then an abandoned restart: the abandoned one is dropped', [row(0), row(0, { ...left, started_at: '2026-10-01T10:00:00.000Z' })], [1]],
    ['two completed sessions are two people', [row(0), row(0, { started_at: '2026-10-01T10:00:00.000Z' })], []],
    ['outside the window: two people', [row(0, { ...left }), row(0, { started_at: '2026-10-03T10:00:00.000Z' })], []],
    ['another year of birth: two people', [row(0, { ...left }), row(0, { q_annee_naissance: '1941' })], []],
    ['another device: two people', [row(0, { ...left }), row(0, { device: 'mobile' })], []],
    ['another organisation: two people', [row(0, { ...left }), row(0, { organisation: 'ORG2' })], []],
    ['quit at an end-of-course page is not an abandon', [row(0, { end_reason: 'quit' }), row(0, { started_at: '2026-10-01T10:00:00.000Z' })], []],
    ['no organisation code: never a duplicate', [row(0, { ...left, organisation: '' }), row(0, { organisation: '' })], []],
    ['no year of birth: never a duplicate', [row(0, { ...left, q_annee_naissance: '' }), row(0, { q_annee_naissance: '' })], []],
    ['three abandons in a row: the two earlier ones are dropped', [row(0, { ...left }), row(0, { ...left, started_at: '2026-10-01T09:30:00.000Z' }), row(0, { ...left, started_at: '2026-10-01T10:00:00.000Z' })], [0, 1]],
  ];
  for (const [name, rows, expected] of cases) test(name, () => assert.deepEqual([...probableDuplicates(rows, 24)].sort(), expected));

  test('the window is a setting', () => {
    const rows = [row(0, { end_reason: 'in_progress' }), row(0, { started_at: '2026-10-01T12:00:00.000Z' })];
    assert.deepEqual([...probableDuplicates(rows, 2)], []);
    assert.deepEqual([...probableDuplicates(rows, 3)], [0]);
  });
});

describe('one survey per report', () => {
  test('the only survey of the export is the report survey', () => assert.deepEqual(surveyOfReport([row(1), row(2)]), OBS));
  test('several surveys without a choice are refused with a typed error', () =>
    assert.throws(
      () => surveyOfReport([row(1), row(2, { survey_id: 'diagnostic-rapide' })]),
      (e: unknown) => e instanceof ReportError && e.code === 'mixed_surveys' && /diagnostic-rapide, observatoire-2025/.test(e.message),
    ));
  test('mixing is allowed only when asked', () => assert.equal(surveyOfReport([row(1), row(2, { survey_id: 'diagnostic-rapide' })], undefined, true), undefined));
  test('versions compare part by part', () => {
    assert.ok(compareVersions('2025.2', '2025.10') < 0);
    assert.equal(compareVersions('2025.1', '2025.1'), 0);
  });
  test('diagnostic rows mixed in: refused, or left out as other_survey when the survey is chosen', () => {
    const rows = [...Array.from({ length: 10 }, (_, i) => row(i)), ...Array.from({ length: 5 }, (_, i) => row(100 + i, { survey_id: 'diagnostic-rapide', course1_success_rate: '0' }))];
    assert.throws(() => buildReport(rows, []), (e: unknown) => e instanceof ReportError && e.code === 'mixed_surveys');
    const report = buildReport(rows, [], { survey: OBS });
    assert.equal(report.sessions.excluded.other_survey, 5);
    assert.equal(report.sessions.analysed, 10);
    assert.deepEqual(report.survey, { surveyId: 'observatoire-2025', mixed: false });
    const mixed = buildReport(rows, [], { mixSurveys: true });
    assert.equal(mixed.sessions.analysed, 15);
    assert.equal(mixed.survey.mixed, true);
  });
});

describe('per-course results: not reached is never failed', () => {
  const cases: [string, Parameters<typeof courseResult>[0], ReturnType<typeof courseResult>][] = [
    ['ended above 60 %: passed', { courseId: 'c', status: 'ended', successRate: 2 / 3 }, 'passed'],
    ['ended at 60 %: failed', { courseId: 'c', status: 'ended', successRate: 0.6 }, 'failed'],
    ['stopped by the mediator below the threshold', { courseId: 'c', status: 'skipped_remaining', successRate: 0.2 }, 'stopped_by_mediator'],
    ['stopped by the mediator above the threshold: passed', { courseId: 'c', status: 'skipped_remaining', successRate: 0.8 }, 'passed'],
    ['left in the middle', { courseId: 'c', status: 'in_progress', successRate: null }, 'left'],
    ['not reached', { courseId: 'c', status: 'not_reached', successRate: null }, 'not_reached'],
    ['unknown', undefined, undefined],
  ];
  for (const [name, outcome, expected] of cases) test(name, () => assert.equal(courseResult(outcome), expected));

  test('in the report, a course not reached stays out of the course success rate', () => {
    const rows = Array.from({ length: 20 }, (_, i) => row(i));
    const report = buildReport(rows, []);
    const course2 = report.national.courses[1]!;
    assert.equal(course2.courseId, 'bases');
    assert.deepEqual(course2.counts, { passed: 0, failed: 10, stopped_by_mediator: 0, left: 0, not_reached: 10 });
    assert.equal(course2.passed.count, 0);
    assert.equal(report.national.courses[0]!.passed.proportion, 0.5);
  });
});

describe('who is counted: the report table', () => {
  test('out of scope, duplicates, test runs, test not taken, mediator-filled, resumed, under 15', () => {
    const rows = [
      ...Array.from({ length: 10 }, (_, i) => row(i)),
      row(20, { q_accompagnement: 'plusieurs' }),
      row(21, { test_run: '1' }),
      row(22, { end_reason: 'in_progress', course1_status: 'in_progress', course1_success_rate: '' }),
      row(22, { started_at: '2026-10-23T10:00:00.000Z' }),
      row(23, { course1_status: 'not_reached', course1_success_rate: '', course2_status: 'not_reached', course2_success_rate: '' }),
      row(24, { course1_status: 'in_progress', course1_success_rate: '', course2_status: 'not_reached', course2_success_rate: '', end_reason: 'in_progress' }),
      row(25, { filled_by_mediator: '1', resumed: '1' }),
    ];
    const report = buildReport(rows, []);
    assert.deepEqual(report.sessions.excluded, { other_survey: 0, test_run: 1, out_of_scope: 1, probable_duplicate: 1, filtered_out: 0 });
    assert.equal(report.sessions.analysed, 14);
    assert.equal(report.sessions.testNotTaken, 1);
    assert.equal(report.sessions.course1NotFinished, 1);
    assert.equal(report.sessions.filledByMediator, 1);
    assert.equal(report.sessions.resumed, 1);
    // The questionnaire-only session counts for questionnaire figures, not for levels.
    assert.equal(report.national.staircase.n, 12);
    const onlyMediator = buildReport(rows, [], { filter: { filledByMediator: true } });
    assert.equal(onlyMediator.sessions.analysed, 1);
    assert.equal(onlyMediator.sessions.excluded.filtered_out, 13);
  });

  test('under-15s are out of the INSEE-like measure, and counted', () => {
    const rows = [
      ...Array.from({ length: 10 }, (_, i) => row(i, { q_annee_naissance: '1960' })),
      row(30, { q_annee_naissance: '2013', course1_success_rate: '0' }),
      row(31, { q_annee_naissance: '2011', course1_success_rate: '0' }),
    ];
    assert.equal(ageAtSession(rows[10]!), 13);
    const report = buildReport(rows, []);
    assert.equal(report.sessions.under15, 1);
    assert.equal(report.national.illectronisme.n, 11);
    assert.equal(report.national.staircase.n, 12);
  });
});

describe('progress towards the targets', () => {
  const rows = [...Array.from({ length: 12 }, (_, i) => row(i, { department: '35' })), row(50, { started_at: '2026-09-30T09:00:00.000Z', department: '29' })];
  test('by default the window is October to December of the latest session year', () => {
    const { progress } = buildReport(rows, [], { minimumRespondents: 10 });
    assert.deepEqual(progress.window, { from: '2026-10-01', to: '2026-12-31' });
    assert.deepEqual([progress.inWindow, progress.outsideWindow, progress.target], [12, 1, 1000]);
    assert.equal(progress.share, 0.012);
    assert.deepEqual(progress.territories.map((t) => [t.code, t.n, t.reached]), [['29', 1, false], ['35', 12, true]]);
  });
  test('the window is a setting', () => {
    const { progress } = buildReport(rows, [], { collectionWindow: { from: '2026-09-01', to: '2026-10-05' } });
    assert.equal(progress.inWindow, 6);
  });
});
