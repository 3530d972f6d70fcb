/**
 * The report as its readers see it: sections of headed paragraphs, lists and tables, every code turned into
 * its label and every number written for the language. One description for every renderer: the report
 * command's HTML, Markdown and CSV, and `<obs-report>` (docs/analysis.md, "One report, several renderings").
 * Plain strings only: each renderer escapes them for its format.
 */
import { analysisLabel, domainLabel, marginCategoryLabel, marginLabel, type ReportLang } from './labels.js';
import { reportFormat, type ReportFormat } from './report-messages.js';
import type { DomainResult, ObservatoireReport, OfferedCounts } from './report-types.js';
import { breakdownSection, breakdownTables, indicatorBlocks, itemsSection } from './report-view-tables.js';
import { diagnosticSections } from './report-view-diagnostic.js';
import type { ReportBlock, ReportParagraph, ReportSection, ReportTable, ReportView, ReportViewOptions } from './report-view-types.js';

const section = (id: string, heading: string, blocks: ReportBlock[], subsections: ReportSection[] = []): ReportSection => ({ id, heading, blocks, subsections });
const paragraph = (text: string, tone?: ReportParagraph['tone']): ReportParagraph => (tone ? { kind: 'paragraph', text, tone } : { kind: 'paragraph', text });

function sessionsSection(report: ObservatoireReport, lang: ReportLang, { t, number }: ReportFormat): ReportSection {
  const s = report.sessions;
  const rows = [
    [t('sessionsRead'), number(s.total)],
    ...Object.entries(s.excluded).map(([reason, n]) => [analysisLabel('exclusion', reason, lang), number(n)]),
    [t('sessionsAnalysed'), number(s.analysed)],
    // `paper` is absent from the reports made before the paper channel: no row rather than a wrong 0.
    ...(['testNotTaken', 'course1NotFinished', 'under15', 'filledByMediator', 'resumed', 'paper'] as const)
      .filter((k) => typeof s[k] === 'number')
      .map((k) => [analysisLabel('counted', k, lang), number(s[k])]),
  ];
  // Who was offered the survey and did not take it, by reason (docs/analysis.md, "Who is counted").
  if (s.offered) rows.push(...offeredRows(s.offered, lang, number));
  return section('sessions', t('sessionsTitle'), [{ kind: 'table', id: 'sessions', caption: t('sessionsCaption'), head: [t('colSessions'), t('colNumber')], rows }]);
}

function offeredRows(o: OfferedCounts, lang: ReportLang, number: ReportFormat['number']): string[][] {
  return [
    [analysisLabel('offered', 'offered', lang), number(o.offered)],
    [analysisLabel('offered', 'tookPart', lang), number(o.tookPart)],
    [analysisLabel('offered', 'refused', lang), number(o.refused)],
    ...Object.entries(o.byReason).map(([reason, n]) => [analysisLabel('refusal', reason, lang), number(n)]),
  ];
}

/** A territory or organisation in detail: from 100 respondents its indicators, its refusals and its breakdowns; under, its count and why. */
function domainBlocks(report: ObservatoireReport, d: DomainResult, lang: ReportLang, format: ReportFormat): ReportBlock[] {
  const { t, number } = format;
  const name = domainLabel(d, lang);
  const blocks: ReportBlock[] =
    d.status === 'estimated'
      ? indicatorBlocks('domain', d.indicators, name, lang, format)
      : [paragraph(t('notEstimatedCount', { name, min: d.minimum, n: d.n }), 'skipped')];
  if (d.status === 'estimated' && d.offered)
    blocks.push({ kind: 'table', id: 'domain-offered', caption: t('scoped', { name: t('offeredCaption'), scope: name }), head: [t('colSessions'), t('colNumber')], rows: offeredRows(d.offered, lang, number) });
  if (d.status === 'estimated' && d.breakdowns && d.breakdowns.length > 0)
    blocks.push(paragraph(t('domainBreakdownNote', { name, min: report.minimumCellSize })), ...breakdownTables(d.breakdowns, report, lang, format, name));
  return blocks;
}

function progressSection(report: ObservatoireReport, { t, percent }: ReportFormat): ReportSection {
  const p = report.progress;
  return section('progress', t('progressTitle'), [
    paragraph(t('progressNote', { n: p.inWindow, target: p.target, from: p.window.from, to: p.window.to, share: percent(p.inWindow / p.target), outside: p.outsideWindow })),
    {
      kind: 'table',
      id: 'progress',
      caption: t('progressCaption', { target: p.territoryTarget }),
      head: [t('colName'), t('colCount'), t('colStatus')],
      rows: p.territories.map((d) => [d.name ?? d.code, t('progressCount', { n: d.n, target: p.territoryTarget }), t(d.reached ? 'reached' : 'inProgress')]),
    },
  ]);
}

function weightingSection(report: ObservatoireReport, lang: ReportLang, { t, number, percent }: ReportFormat): ReportSection {
  const w = report.weighting;
  // The report has no "example" flag: the example margins say so in their sources (docs/report-element.md).
  const example = w.margins.some((m) => /\b(exemple|example)\b/i.test(m.source));
  const blocks: ReportBlock[] =
    w.method === 'none'
      ? [paragraph(t('weightingNone'), 'warning')]
      : [
          paragraph(t('weightingRaking', { iterations: w.iterations })),
          ...(w.converged ? [] : [paragraph(t('weightingNotConverged', { iterations: w.iterations, error: w.maxRelativeError.toExponential(1) }), 'warning')]),
          ...(example ? [paragraph(t('exampleMargins'), 'warning')] : []),
        ];
  blocks.push(paragraph(t('weightingFigures', { neff: number(w.nEffective, 1), deff: number(w.designEffect, 2), min: number(w.minWeight, 2), max: number(w.maxWeight, 2) })));
  if (w.cap !== undefined) blocks.push(paragraph(t('weightingCap', { cap: number(w.cap, 1) })));
  w.margins.forEach((m, i) => {
    blocks.push(paragraph(t('marginSource', { source: m.source }), 'source'), {
      kind: 'table',
      id: `margin-${i}`,
      caption: t('marginsCaption', { variable: marginLabel(m.variable, lang) }),
      head: [t('colCategory'), t('colCount'), t('colTarget'), t('colAchieved')],
      rows: m.categories.map((c) => [marginCategoryLabel(m.variable.split(':')[0]!, c.category, c.merged, lang), number(c.count), percent(c.target), percent(c.achieved)]),
    });
  });
  return section('weighting', t('weightingTitle'), blocks);
}

function territorySection(report: ObservatoireReport, shown: DomainResult | null, lang: ReportLang, format: ReportFormat): ReportSection {
  const { t, number } = format;
  const notEstimated = (d: DomainResult & { status: 'too_few_respondents' }) => t('notEstimatedCount', { name: domainLabel(d, lang), min: d.minimum, n: d.n });
  const subsections: ReportSection[] = [];
  if (shown) subsections.push(section('domain', domainLabel(shown, lang), domainBlocks(report, shown, lang, format)));
  const skipped = report.domains.filter((d) => d.status === 'too_few_respondents');
  if (skipped.length > 0) subsections.push(section('skipped-domains', t('skippedListTitle'), [{ kind: 'list', items: skipped.map(notEstimated), tone: 'skipped' }]));
  const table: ReportTable = {
    kind: 'table',
    id: 'domains',
    caption: t('domainsCaption'),
    head: [t('colName'), t('colKind'), t('colCode'), t('colCount'), t('colStatus')],
    rows: report.domains.map((d) => [d.name ?? d.code, analysisLabel('domain', d.kind, lang), d.code, number(d.n), d.status === 'estimated' ? t('estimated') : t('notEstimated', { min: d.minimum })]),
  };
  return section('territory', t('territoryTitle'), report.domains.length > 0 ? [{ kind: 'details', id: 'domains-all', summary: t('domainsCaption'), blocks: [table] }] : [], subsections);
}

function profilesSection(report: ObservatoireReport, lang: ReportLang, format: ReportFormat): ReportSection {
  const { t } = format;
  return section(
    'profiles',
    t('profilesTitle'),
    [],
    report.profiles.map((p) => {
      const name = analysisLabel('profile', p.profile, lang);
      const blocks = p.status === 'estimated' ? indicatorBlocks(`profile-${p.profile}`, p.indicators, name, lang, format) : [paragraph(t('notEstimatedCount', { name, min: p.minimum, n: p.n }), 'skipped')];
      return section(`profile-${p.profile}`, name, blocks);
    }),
  );
}

/**
 * The report ready to render in `lang`: who is counted, progress, weighting, all respondents, breakdowns, one
 * territory or organisation (the focus unless `options.domain` says another), profiles, challenges. A domain
 * or profile under the minimum shows its count and why, never a figure.
 *
 * @example
 * const view = reportView(report, 'fr');
 * view.sections.map((s) => s.heading); // ['Sessions', 'Avancement de la collecte', 'Redressement', …]
 */
export function reportView(report: ObservatoireReport, lang: ReportLang = 'fr', options: ReportViewOptions = {}): ReportView {
  const format = reportFormat(lang);
  const { t } = format;
  const date = report.generatedAt ? new Date(report.generatedAt) : undefined;
  const shown = options.domain === undefined ? (report.focus ?? null) : options.domain;
  // A quick diagnostic's report has its own, simpler sections (docs/analysis.md, "The quick diagnostic").
  const sections = report.diagnostic
    ? [sessionsSection(report, lang, format), weightingSection(report, lang, format), ...diagnosticSections(report, report.diagnostic, lang, format)]
    : [
        sessionsSection(report, lang, format),
        progressSection(report, format),
        weightingSection(report, lang, format),
        section('national', t('nationalTitle'), indicatorBlocks('national', report.national, t('nationalTitle'), lang, format)),
        ...(report.breakdowns.length > 0 ? [breakdownSection(report, lang, format)] : []),
        territorySection(report, shown, lang, format),
        profilesSection(report, lang, format),
        ...(report.items.length > 0 ? [itemsSection(report, format, lang)] : []),
      ];
  return {
    lang,
    title: t(report.diagnostic ? 'diagnosticTitle' : 'title'),
    // Dates in UTC, so the command and the element write the same day whatever the machine's zone.
    ...(date && !Number.isNaN(date.getTime())
      ? { generatedAt: t('generatedAt', { date: new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(date) }) }
      : {}),
    intro: [t('readingNote', { min: report.minimumRespondents, method: t(report.interval === 'linearised' ? 'intervalLinearised' : 'intervalWilson') })],
    sections,
  };
}
