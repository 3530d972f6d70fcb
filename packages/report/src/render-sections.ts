/**
 * The report as format-neutral sections of paragraphs and tables, shared by the HTML, Markdown and CSV
 * renderings (docs/analysis.md describes the figures).
 */
import { analysisLabel, marginCategoryLabel, marginLabel, type CategoryEstimate, type Distribution, type DomainResult, type IndicatorSet, type ObservatoireReport, type ReportLang } from '@observatoire/core/analysis';
import { fmt, pct } from './render-messages.js';
import { breakdownSections } from './render-breakdowns.js';
import { neffText, textsFor, type Section, type Table } from './render-table.js';

function distributionTable(d: Distribution, title: string, lang: ReportLang): Table {
  const t = textsFor(lang);
  const compared = d.categories.some((c) => c.national);
  return {
    caption: `${title} (${neffText(t, d.n, d.nEffective, d.designEffect)})`,
    head: [t('category'), t('count'), t('share'), t('interval'), ...(compared ? [t('nationalCol'), t('differs')] : [])],
    rows: d.categories.map((c: CategoryEstimate) => [
      analysisLabel(d.variable, c.category, lang),
      String(c.count),
      pct(c.proportion),
      `${pct(c.low)} – ${pct(c.high)}`,
      ...(c.national ? [`${pct(c.national.value)} (${pct(c.national.low)} – ${pct(c.national.high)})`, c.national.differs ? t('yes') : t('no')] : compared ? ['', ''] : []),
    ]),
  };
}

function indicatorTables(set: IndicatorSet, scope: string, lang: ReportLang): Table[] {
  const t = textsFor(lang);
  const m = set.meanStaircaseLevel;
  return [
    distributionTable(set.staircase, `${scope} – ${t('distributionStaircaseLevel')}`, lang),
    distributionTable(set.distance, `${scope} – ${t('distributionDistance')}`, lang),
    distributionTable(set.illectronisme, `${scope} – ${t('distributionIllectronisme')}`, lang),
    distributionTable(set.halo, `${scope} – ${t('distributionHalo')}`, lang),
    distributionTable(set.profiles, `${scope} – ${t('distributionProfile')}`, lang),
    {
      caption: `${scope} – ${t('courses')}`,
      head: [t('category'), ...set.courses.map((c) => t('course', { n: c.course }))],
      rows: [
        [t('passedAmongEnded'), ...set.courses.map((c) => `${pct(c.passed.proportion)} (${pct(c.passed.low)} – ${pct(c.passed.high)})`)],
        ...(['passed', 'failed', 'stopped_by_mediator', 'left', 'not_reached'] as const).map((r) => [analysisLabel('course_result', r, lang), ...set.courses.map((c) => String(c.counts[r]))]),
      ],
    },
    {
      caption: `${scope} – ${t('mean')}`,
      head: [t('mean'), t('interval'), ...(m.national ? [t('nationalCol'), t('differs')] : [])],
      rows: [[fmt(m.mean, 2), `${fmt(m.low, 2)} – ${fmt(m.high, 2)}`, ...(m.national ? [`${fmt(m.national.value, 2)} (${fmt(m.national.low, 2)} – ${fmt(m.national.high, 2)})`, m.national.differs ? t('yes') : t('no')] : [])]],
    },
  ];
}

function domainTitle(d: DomainResult, lang: ReportLang): string {
  return `${analysisLabel('domain', d.kind, lang)} ${d.code}${d.name ? ` – ${d.name}` : ''}`;
}

function weightingSection(report: ObservatoireReport, lang: ReportLang): Section {
  const t = textsFor(lang);
  const w = report.weighting;
  return {
    heading: t('weighting'),
    paragraphs: [
      `${t(w.method === 'raking' ? 'methodRaking' : 'methodNone')}${w.method === 'raking' ? ` – ${t('sweeps', { n: w.iterations })}, ${w.converged ? t('converged') : t('notConverged')}, ${t('maxError')} ${w.maxRelativeError.toExponential(1)}` : ''}. ${neffText(t, report.sessions.analysed, w.nEffective, w.designEffect)} ${t('weights')} ${fmt(w.minWeight, 3)} – ${fmt(w.maxWeight, 3)}${w.cap ? ` (${t('cap', { cap: w.cap })})` : ''}.`,
    ],
    tables: w.margins.map((m) => ({
      caption: `${t('weighting')} – ${marginLabel(m.variable, lang)} (${t('source')} : ${m.source})`,
      head: [t('category'), t('count'), t('target'), t('achieved')],
      rows: m.categories.map((c) => [marginCategoryLabel(m.variable.split(':')[0] as string, c.category, c.merged, lang), String(c.count), pct(c.target), pct(c.achieved)]),
    })),
  };
}

/**
 * Every section of the report in reading order: sessions, weighting, overall figures, progress, breakdowns,
 * challenges, the requested territory, profiles and the list of domains.
 *
 * @example
 * sections(report, 'fr')[0].heading; // 'Sessions'
 */
export function sections(report: ObservatoireReport, lang: ReportLang): Section[] {
  const t = textsFor(lang);
  const out: Section[] = [
    {
      heading: t('sessions'),
      paragraphs: [],
      tables: [
        {
          caption: t('sessions'),
          head: [t('category'), t('count')],
          rows: [
            [t('read'), String(report.sessions.total)],
            ...Object.entries(report.sessions.excluded).map(([reason, n]) => [analysisLabel('exclusion', reason, lang), String(n)]),
            [t('analysed'), String(report.sessions.analysed)],
            ...(['testNotTaken', 'course1NotFinished', 'under15', 'filledByMediator', 'resumed'] as const).map((k) => [analysisLabel('counted', k, lang), String(report.sessions[k])]),
          ],
        },
      ],
    },
    weightingSection(report, lang),
    {
      heading: t('national'),
      paragraphs: [t('intervalNote', { min: report.minimumRespondents, method: t(report.interval === 'linearised' ? 'intervalLinearised' : 'intervalWilson') })],
      tables: indicatorTables(report.national, t('national'), lang),
    },
  ];
  const pr = report.progress;
  out.push({
    heading: t('progress'),
    paragraphs: [t('progressNote', { n: pr.inWindow, target: pr.target, from: pr.window.from, to: pr.window.to, share: pct(pr.inWindow / pr.target), outside: pr.outsideWindow })],
    tables: [
      {
        caption: t('progressTerritories', { target: pr.territoryTarget }),
        head: [t('name'), t('count'), t('status')],
        rows: pr.territories.map((d) => [d.name ?? d.code, `${d.n} / ${pr.territoryTarget}`, d.reached ? t('reached') : t('notReached')]),
      },
    ],
  });
  out.push(...breakdownSections(report, lang));
  if (report.items.length > 0)
    out.push({
      heading: t('items'),
      paragraphs: [t('itemsNote')],
      tables: [
        {
          caption: t('items'),
          head: [t('challenge'), t('count'), t('itemSuccess'), t('itemSkipped'), t('itemTimedOut'), t('difficulty'), t('discrimination'), t('flag')],
          rows: report.items.map((it) => [
            it.challengeId,
            String(it.n),
            pct(it.success),
            pct(it.skipped),
            pct(it.timedOut),
            fmt(it.difficulty, 2),
            it.discrimination === null ? '–' : fmt(it.discrimination, 2),
            it.notDiscriminating ? t('notDiscriminating') : '',
          ]),
        },
      ],
    });
  if (report.focus) {
    const f = report.focus;
    out.push({
      heading: `${t('focus')} : ${domainTitle(f, lang)}`,
      paragraphs: f.status === 'estimated' ? [] : [t('tooFew', { n: f.n, min: f.minimum })],
      tables: f.status === 'estimated' ? indicatorTables(f.indicators, domainTitle(f, lang), lang) : [],
    });
  }
  for (const p of report.profiles) {
    const title = `${t('profiles')} : ${analysisLabel('profile', p.profile, lang)}`;
    out.push(p.status === 'estimated' ? { heading: title, paragraphs: [], tables: indicatorTables(p.indicators, analysisLabel('profile', p.profile, lang), lang) } : { heading: title, paragraphs: [t('tooFew', { n: p.n, min: p.minimum })], tables: [] });
  }
  out.push({
    heading: t('domains'),
    paragraphs: [],
    tables: [
      {
        caption: t('domains'),
        head: [t('kind'), t('code'), t('name'), t('count'), t('status')],
        rows: report.domains.map((d) => [analysisLabel('domain', d.kind, lang), d.code, d.name ?? '', String(d.n), d.status === 'estimated' ? t('estimated') : t('skipped')]),
      },
    ],
  });
  return out;
}
