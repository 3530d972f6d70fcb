/**
 * The report's tables of figures, in the shape of report-view.ts: the indicators of one scope (all respondents,
 * a territory, a profile), the breakdowns by who people are, and the challenges (docs/analysis.md).
 */
import { localize } from '../content/types.js';
import { endedCount } from './course-results.js';
import { analysisLabel, type ReportLang } from './labels.js';
import type { ReportFormat, ReportMessageKey } from './report-messages.js';
import type { Breakdown, CategoryEstimate, Distribution, IndicatorSet, MeanEstimate, NationalComparison, ObservatoireReport } from './report-types.js';
import type { ReportBlock, ReportDetails, ReportSection, ReportTable } from './report-view-types.js';

const COURSE_RESULTS = ['passed', 'failed', 'stopped_by_mediator', 'left', 'not_reached'] as const;

/** `12,5 % (10,1 % à 15,0 %)` */
const withInterval = ({ t, percent }: ReportFormat, x: { low: number; high: number }, value: number): string => t('withInterval', { value: percent(value), low: percent(x.low), high: percent(x.high) });

/** The national figure beside a domain's, and whether the gap is beyond the intervals. */
const nationalCells = (f: ReportFormat, n: NationalComparison | undefined, write: (x: number) => string): string[] =>
  n ? [f.t('withInterval', { value: write(n.value), low: write(n.low), high: write(n.high) }), f.t(n.differs ? 'yes' : 'no')] : [f.t('noFigure'), f.t('noFigure')];

/** One distribution as a table (share, interval, respondents; the national figure in a domain), its title and optionally its chart. */
function distributionTable(id: string, d: Distribution, name: ReportMessageKey, scope: string, lang: ReportLang, f: ReportFormat, chart: boolean): ReportTable {
  const { t, percent, number } = f;
  const title = t('scoped', { name: t(name), scope });
  const label = (code: string) => analysisLabel(d.variable, code, lang);
  const compared = d.categories.some((c) => c.national);
  const table: ReportTable = {
    kind: 'table',
    id: `${id}-${d.variable}`,
    caption: t('tableCaption', { title, n: d.n, neff: number(d.nEffective, 1) }),
    head: [t('colCategory'), t('colShare'), t('colInterval'), t('colCount'), ...(compared ? [t('colNational'), t('colDiffers')] : [])],
    rows: d.categories.map((c: CategoryEstimate) => [
      label(c.category),
      percent(c.proportion),
      t('interval', { low: percent(c.low), high: percent(c.high) }),
      number(c.count),
      ...(compared ? nationalCells(f, c.national, percent) : []),
    ]),
  };
  if (!chart) return table;
  const items = d.categories.map((c) => t('chartItem', { label: label(c.category), share: percent(c.proportion), low: percent(c.low), high: percent(c.high) }));
  return {
    ...table,
    chart: {
      title,
      summary: t('chartSummary', { title, n: d.n, items: items.join(' ; ') }),
      bars: d.categories.map((c) => ({ label: label(c.category), share: c.proportion, low: c.low, high: c.high, text: percent(c.proportion) })),
    },
  };
}

function meanTable(id: string, m: MeanEstimate, scope: string, f: ReportFormat): ReportTable {
  const { t, number } = f;
  const two = (x: number) => number(x, 2);
  return {
    kind: 'table',
    id: `${id}-mean`,
    caption: t('scoped', { name: t('mean'), scope }),
    head: [t('mean'), t('colInterval'), ...(m.national ? [t('colNational'), t('colDiffers')] : [])],
    rows: [[two(m.mean), t('interval', { low: two(m.low), high: two(m.high) }), ...(m.national ? nationalCells(f, m.national, two) : [])]],
  };
}

/**
 * The indicators of one scope: the distance chart and its table, the illectronisme share in words, then (all
 * the figures, under a summary) the staircase, illectronisme, halo and profile tables, the courses and the mean level.
 *
 * @example
 * indicatorBlocks('national', report.national, 'Ensemble des répondants', 'fr', reportFormat('fr'));
 */
export function indicatorBlocks(id: string, set: IndicatorSet, scope: string, lang: ReportLang, f: ReportFormat): ReportBlock[] {
  const { t, percent, number } = f;
  const ill = set.illectronisme.categories.find((c) => c.category === 'yes');
  return [
    distributionTable(id, set.distance, 'distance', scope, lang, f, true),
    ...(ill ? [{ kind: 'paragraph' as const, text: t('illectronisme', { share: percent(ill.proportion), low: percent(ill.low), high: percent(ill.high) }) }] : []),
    {
      kind: 'details',
      id: `${id}-all`,
      summary: t('scoped', { name: t('allFigures'), scope }),
      blocks: [
        distributionTable(id, set.staircase, 'staircase', scope, lang, f, false),
        distributionTable(id, set.illectronisme, 'illectronismeName', scope, lang, f, false),
        distributionTable(id, set.halo, 'halo', scope, lang, f, false),
        distributionTable(id, set.profiles, 'profiles', scope, lang, f, false),
        {
          kind: 'table',
          id: `${id}-courses`,
          caption: t('scoped', { name: t('courses'), scope }),
          head: [t('colCategory'), ...set.courses.map((c) => t('course', { n: c.course }))],
          rows: [
            [t('passedAmongEnded'), ...set.courses.map((c) => withInterval(f, c.passed, c.passed.proportion))],
            ...COURSE_RESULTS.map((r) => [analysisLabel('course_result', r, lang), ...set.courses.map((c) => number(c.counts[r]))]),
          ],
        },
        meanTable(id, set.meanStaircaseLevel, scope, f),
      ],
    },
  ];
}

/**
 * One table per breakdown variable, each folded under its summary: a row per group with the key indicators, `*`
 * when a figure differs from the one it stands beside, small groups marked. `scope` names a territory or an
 * organisation (its tables' ids start with `domain-`); the nation's have none.
 *
 * @example
 * breakdownTables(report.breakdowns, report, 'fr', reportFormat('fr'))[0].summary; // 'Tranche d’âge'
 */
export function breakdownTables(breakdowns: readonly Breakdown[], report: ObservatoireReport, lang: ReportLang, f: ReportFormat, scope?: string): ReportDetails[] {
  const { t, number } = f;
  const prefix = scope === undefined ? 'breakdown' : 'domain-breakdown';
  const mark = (text: string, differs: boolean | undefined) => (differs ? t('differsMark', { value: text }) : text);
  // A share of nobody (a group with nobody levelled, no course ended) is a dash, not 0 % (docs/report-element.md).
  const share = (c: CategoryEstimate | undefined, base: number): string => (c && base > 0 ? mark(withInterval(f, c, c.proportion), c.national?.differs) : t('noFigure'));
  const yes = (d: Distribution): CategoryEstimate | undefined => d.categories.find((c) => c.category === 'yes');
  const table = (b: Breakdown): ReportTable => {
    const caption = t('scoped', { name: t('breakdownsTitle'), scope: analysisLabel('breakdown', b.variable, lang) });
    return {
      kind: 'table',
      id: `${prefix}-${b.variable}`,
      caption: scope === undefined ? caption : t('scoped', { name: caption, scope }),
      head: [
        analysisLabel('breakdown', b.variable, lang),
        t('colCount'),
        t('illectronismeName'),
        t('halo'),
        analysisLabel('staircase_level', '0', lang),
        ...report.national.courses.map((c) => t('scoped', { name: t('course', { n: c.course }), scope: t('passedAmongEnded') })),
        t('mean'),
      ],
      rows: b.groups.map((g) => [
        analysisLabel(b.variable, g.category, lang),
        g.small ? t('smallGroup', { n: number(g.n) }) : number(g.n),
        share(yes(g.indicators.illectronisme), g.indicators.illectronisme.n),
        share(yes(g.indicators.halo), g.indicators.halo.n),
        share(g.indicators.staircase.categories.find((c) => c.category === '0'), g.indicators.staircase.n),
        ...g.indicators.courses.map((c) => share(c.passed, endedCount(c.counts))),
        g.indicators.meanStaircaseLevel.n > 0 ? mark(number(g.indicators.meanStaircaseLevel.mean, 2), g.indicators.meanStaircaseLevel.national?.differs) : t('noFigure'),
      ]),
    };
  };
  return breakdowns.map((b): ReportDetails => ({ kind: 'details', id: `${prefix}-${b.variable}-all`, summary: analysisLabel('breakdown', b.variable, lang), blocks: [table(b)] }));
}

/**
 * The breakdowns of all respondents (see `breakdownTables`), under their note.
 *
 * @example
 * breakdownSection(report, 'fr', reportFormat('fr')).heading; // 'Selon le profil des répondants'
 */
export function breakdownSection(report: ObservatoireReport, lang: ReportLang, f: ReportFormat): ReportSection {
  const { t } = f;
  return {
    id: 'breakdowns',
    heading: t('breakdownsTitle'),
    blocks: [{ kind: 'paragraph', text: t('breakdownNote', { min: report.minimumCellSize }) }, ...breakdownTables(report.breakdowns, report, lang, f)],
    subsections: [],
  };
}

/**
 * The challenges' statistics for the content team: success, skipped, skipped by the mediator and timed-out
 * shares, median time, difficulty, discrimination, and the ones that do not discriminate.
 *
 * @example
 * itemsSection(report, reportFormat('en'), 'en').heading; // 'Per challenge'
 */
export function itemsSection(report: ObservatoireReport, f: ReportFormat, lang: ReportLang): ReportSection {
  const { t, percent, number } = f;
  // In words when the survey's definition was known (its instruction), else the id (reports made without it).
  const name = (id: string): string => {
    const words = report.challengeNames?.[id];
    return words ? localize(words, lang) : id;
  };
  return {
    id: 'items',
    heading: t('itemsTitle'),
    blocks: [
      { kind: 'paragraph', text: t('itemsNote') },
      {
        kind: 'details',
        id: 'items-all',
        summary: t('itemsCaption'),
        blocks: [
          {
            kind: 'table',
            id: 'items',
            caption: t('itemsCaption'),
            head: [
              t('colChallenge'),
              t('colCount'),
              t('colSuccess'),
              t('colSkipped'),
              t('colSkippedByMediator'),
              t('colTimedOut'),
              t('colMedianTime'),
              t('colDifficulty'),
              t('colDiscrimination'),
              t('colFlag'),
            ],
            rows: report.items.map((it) => [
              name(it.challengeId),
              number(it.n),
              percent(it.success),
              percent(it.skipped),
              // Reports made before these figures have neither.
              typeof it.skippedByMediator === 'number' ? percent(it.skippedByMediator) : t('noFigure'),
              percent(it.timedOut),
              typeof it.medianSeconds === 'number' ? t('seconds', { n: number(it.medianSeconds) }) : t('noFigure'),
              number(it.difficulty, 2),
              it.discrimination === null ? t('noFigure') : number(it.discrimination, 2),
              it.notDiscriminating ? t('notDiscriminating') : '',
            ]),
          },
        ],
      },
      ...itemModeBlocks(report, f, name),
    ],
    subsections: [],
  };
}

/** Success by how the task was done, apart (a report made before modes has none). */
function itemModeBlocks(report: ObservatoireReport, f: ReportFormat, name: (id: string) => string): ReportBlock[] {
  const { t, percent, number } = f;
  const lines = report.itemModes ?? [];
  if (lines.length === 0) return [];
  return [
    { kind: 'paragraph', text: t('modesNote') },
    {
      kind: 'table',
      id: 'item-modes',
      caption: t('modesCaption'),
      head: [t('colChallenge'), t('colMode'), t('colCount'), t('colSuccess')],
      rows: lines.map((line) => [name(line.challengeId), t(`mode_${line.mode}`), number(line.n), percent(line.success)]),
    },
  ];
}
