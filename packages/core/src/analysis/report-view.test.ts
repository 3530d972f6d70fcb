import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { reportMessages } from './report-messages.js';
import type { ObservatoireReport } from './report-types.js';
import { withGroupNobodyLevelled } from './fixtures/nobody-levelled.js';
import { reportView } from './report-view.js';
import type { ReportBlock, ReportSection, ReportTable, ReportView } from './report-view-types.js';

const example = JSON.parse(readFileSync(new URL('../../../../examples/report/report.json', import.meta.url), 'utf8')) as ObservatoireReport;
const copy = (): ObservatoireReport => structuredClone(example);

const flat = (blocks: ReportBlock[]): ReportBlock[] => blocks.flatMap((b): ReportBlock[] => (b.kind === 'details' ? [b, ...b.blocks] : [b]));
const allSections = (view: ReportView): ReportSection[] => view.sections.flatMap((s) => [s, ...s.subsections]);
const blocksOf = (s: ReportSection | undefined): ReportBlock[] => flat(s?.blocks ?? []);
const tablesOf = (view: ReportView): ReportTable[] => allSections(view).flatMap((s) => blocksOf(s)).filter((b): b is ReportTable => b.kind === 'table');
const textOf = (s: ReportSection | undefined): string => JSON.stringify(s ?? null);
const section = (view: ReportView, id: string): ReportSection | undefined => allSections(view).find((s) => s.id === id);
const warnings = (view: ReportView): string[] => blocksOf(section(view, 'weighting')).flatMap((b) => (b.kind === 'paragraph' && b.tone === 'warning' ? [b.text] : []));

describe('reportView: the report as its readers see it', () => {
  test('sections in reading order', () =>
    assert.deepEqual(
      reportView(example, 'fr').sections.map((s) => s.id),
      ['sessions', 'progress', 'weighting', 'national', 'breakdowns', 'territory', 'profiles'],
    ));

  test('every table and folded group has its own id (renderers use them as element ids)', () => {
    const view = reportView(example, 'fr');
    const ids = allSections(view).flatMap((s) => blocksOf(s)).flatMap((b) => (b.kind === 'table' || b.kind === 'details' ? [b.id] : []));
    assert.equal(new Set(ids).size, ids.length);
  });

  test('people offered the survey and their refusals by reason, when given (docs/analysis.md, "Who is counted")', () => {
    const sessionsRows = (report: ObservatoireReport) => tablesOf(reportView(report, 'fr')).find((t) => t.id === 'sessions')!.rows;
    assert.equal(sessionsRows(example).some((row) => row[0] === 'Personnes à qui l’enquête a été proposée'), false);
    const report = copy();
    report.sessions.offered = { offered: 12, tookPart: 9, refused: 3, byReason: { declined: 1, no_time: 2, language: 0, health_disability: 0, reading: 0, other: 0 } };
    const rows = sessionsRows(report);
    assert.deepEqual(rows.find((row) => row[0] === 'Personnes à qui l’enquête a été proposée'), ['Personnes à qui l’enquête a été proposée', '12']);
    assert.deepEqual(rows.find((row) => row[0] === 'dont pas le temps'), ['dont pas le temps', '2']);
  });

  describe('per challenge: median time and share skipped by the mediator beside the other figures', () => {
    const item = { challengeId: 'cliquer', n: 120, success: 0.5, skipped: 0.25, timedOut: 0.05, difficulty: 0.5, discrimination: 0.31, notDiscriminating: false };
    const row = (lang: 'fr' | 'en', figures: { skippedByMediator: number | null; medianSeconds: number | null }) => {
      const report = copy();
      report.items = [{ ...item, ...figures }];
      const table = tablesOf(reportView(report, lang)).find((t) => t.id === 'items')!;
      return Object.fromEntries(table.head.map((h, i) => [h, table.rows[0]![i]]));
    };
    const cases: [string, 'fr' | 'en', { skippedByMediator: number | null; medianSeconds: number | null }, Record<string, string>][] = [
      ['in French', 'fr', { skippedByMediator: 0.1, medianSeconds: 1234 }, { 'Passé par le médiateur': '10,0\u00a0%', 'Temps médian': '1\u202f234\u00a0s' }],
      ['in English', 'en', { skippedByMediator: 0.1, medianSeconds: 42 }, { 'Skipped by the mediator': '10.0%', 'Median time': '42\u00a0s' }],
      ['an export made before these columns: a dash, never 0', 'fr', { skippedByMediator: null, medianSeconds: null }, { 'Passé par le médiateur': '–', 'Temps médian': '–' }],
    ];
    for (const [name, lang, figures, expected] of cases)
      test(name, () => {
        const cells = row(lang, figures);
        for (const [head, cell] of Object.entries(expected)) assert.equal(cells[head], cell, head);
      });
  });

  test('the territory shown: its breakdowns beside the same groups nationally, its refusals (docs/analysis.md, "Territories and organisations")', () => {
    const report = copy();
    const focus = report.focus!;
    assert.equal(focus.status, 'estimated');
    focus.offered = { offered: 130, tookPart: 120, refused: 10, byReason: { declined: 4, no_time: 6, language: 0, health_disability: 0, reading: 0, other: 0 } };
    const view = reportView(report, 'fr');
    const domainTables = blocksOf(section(view, 'domain')).filter((b): b is ReportTable => b.kind === 'table');
    const ids = domainTables.map((t) => t.id);
    assert.ok(ids.includes('domain-offered') && ids.includes('domain-breakdown-age_band'), ids.join(' '));
    const offered = domainTables.find((t) => t.id === 'domain-offered')!;
    assert.deepEqual(offered.rows.find((row) => row[0] === 'dont pas le temps'), ['dont pas le temps', '6']);
    const age = domainTables.find((t) => t.id === 'domain-breakdown-age_band')!;
    assert.match(age.caption, /Tranche d’âge – /);
    assert.ok(age.rows.every((row) => !/_/.test(row[0]!)), 'labels, never codes');
    const before = copy();
    delete (before.focus as { breakdowns?: unknown }).breakdowns;
    assert.equal(blocksOf(section(reportView(before, 'fr'), 'domain')).some((b) => b.kind === 'table' && b.id.startsWith('domain-breakdown')), false, 'a report made before them: none');
  });

  test('numbers are written for the language', () => {
    const rows = (lang: 'fr' | 'en') => tablesOf(reportView(example, lang)).find((t) => t.id === 'sessions')!.rows;
    assert.equal(rows('fr')[0]![1], '1\u202f264');
    assert.equal(rows('en')[0]![1], '1,264');
    const share = (lang: 'fr' | 'en') => tablesOf(reportView(example, lang)).find((t) => t.id === 'national-distance')!.rows[0]![1]!;
    assert.match(share('fr'), /^\d+,\d\s%$/);
    assert.match(share('en'), /^\d+\.\d%$/);
  });

  test('the texts are the catalogue’s, in English when asked', () => {
    const view = reportView(example, 'en');
    assert.equal(view.title, reportMessages.en.title);
    assert.equal(section(view, 'breakdowns')?.heading, reportMessages.en.breakdownsTitle);
  });

  describe('the 100-respondent rule: under the minimum, a count and why, never a figure', () => {
    const creuse = example.domains.find((d) => d.status === 'too_few_respondents')!;
    const cases: [string, () => ReportSection | undefined, RegExp][] = [
      ['a territory shown in detail', () => section(reportView(example, 'fr', { domain: creuse }), 'domain'), /non estimé \(moins de 100 répondants\) ; 64 répondants valides/],
      ['a profile', () => section(reportView(example, 'fr'), 'profile-insertion_paths'), /Parcours d’insertion : non estimé \(moins de 100 répondants\) ; 95 répondants valides/],
      ['the list of domains not estimated', () => section(reportView(example, 'fr'), 'skipped-domains'), /Département 23 – Creuse : non estimé/],
    ];
    for (const [name, get, says] of cases)
      test(name, () => {
        const s = get();
        assert.match(textOf(s), says);
        assert.doesNotMatch(textOf(s), /%/);
        assert.equal(blocksOf(s).filter((b) => b.kind === 'table').length, 0);
      });
  });

  describe('the territory shown in detail', () => {
    const cases: [string, () => ReportView, string | undefined][] = [
      ['the report’s focus by default', () => reportView(example, 'fr'), 'Département 35 – Ille-et-Vilaine'],
      ['the one asked for', () => reportView(example, 'fr', { domain: example.domains.find((d) => d.kind === 'region' && d.code === '53')! }), 'Région 53 – Bretagne'],
      ['none when asked for none', () => reportView(example, 'fr', { domain: null }), undefined],
      ['none when the report has no focus', () => reportView({ ...copy(), focus: undefined } as ObservatoireReport, 'fr'), undefined],
    ];
    for (const [name, view, heading] of cases) test(name, () => assert.equal(section(view(), 'domain')?.heading, heading));
  });

  describe('weighting warnings', () => {
    const official = (r: ObservatoireReport) => {
      for (const m of r.weighting.margins) m.source = 'INSEE, recensement 2021';
      return r;
    };
    const cases: [string, () => ObservatoireReport, string[]][] = [
      ['example margins say so', copy, [reportMessages.fr.exampleMargins]],
      ['official margins: no warning', () => official(copy()), []],
      ['no margins: unweighted figures', () => ({ ...copy(), weighting: { ...copy().weighting, method: 'none', margins: [] } }), [reportMessages.fr.weightingNone]],
      [
        'a raking that did not converge',
        () => {
          const r = official(copy());
          r.weighting.converged = false;
          return r;
        },
        [`Attention : le calage n’a pas convergé après ${example.weighting.iterations} itérations (écart relatif maximal ${example.weighting.maxRelativeError.toExponential(1)}). Les chiffres sont à prendre avec prudence.`],
      ],
    ];
    for (const [name, report, expected] of cases) test(name, () => assert.deepEqual(warnings(reportView(report(), 'fr')), expected));
  });

  test('labels, never codes: a margin and its merged age bands', () => {
    const ages = tablesOf(reportView(example, 'fr')).find((t) => t.caption === 'Marges de redressement : Tranche d’âge')!;
    assert.ok(ages.rows.some((row) => row[0] === '60 ans et plus'));
  });
});

describe('a breakdown group with nobody levelled is a group like another (docs/report-element.md)', () => {
  const rowOf = (report: ObservatoireReport, lang: 'fr' | 'en') => {
    const view = reportView(report, lang);
    return tablesOf(view).find((t) => t.id === `breakdown-${report.breakdowns[0]!.variable}`)!.rows[0]!;
  };
  for (const lang of ['fr', 'en'] as const)
    test(`its shares of nobody and its mean are a dash, its other figures stay (${lang})`, () => {
      const before = rowOf(copy(), lang);
      const row = rowOf(withGroupNobodyLevelled(copy()), lang);
      const courses = example.national.courses.length;
      assert.deepEqual(row.slice(0, 4), before.slice(0, 4), 'label, count, illectronisme and halo');
      assert.deepEqual(row.slice(4), Array.from({ length: courses + 2 }, () => reportMessages[lang].noFigure), 'level 0, each course, the mean');
      assert.notEqual(before[4], reportMessages[lang].noFigure);
    });
});
