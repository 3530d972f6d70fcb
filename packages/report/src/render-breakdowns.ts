/** The breakdown section of the report: one table per variable describing who the respondents are (docs/analysis.md). */
import { analysisLabel, type CategoryEstimate, type Distribution, type ObservatoireReport, type ReportLang } from '@observatoire/core/analysis';
import { fmt, pct } from './render-messages.js';
import { textsFor, type Section } from './render-table.js';

/**
 * One table per breakdown variable: a row per group with the key indicators, `*` when it differs from the national figure.
 *
 * @example
 * breakdownSections(report, 'fr')[0]?.heading; // 'Selon le profil des répondants'
 */
export function breakdownSections(report: ObservatoireReport, lang: ReportLang): Section[] {
  const t = textsFor(lang);
  if (report.breakdowns.length === 0) return [];
  const share = (c: CategoryEstimate | undefined): string => (c ? `${pct(c.proportion)} (${pct(c.low)} – ${pct(c.high)})${c.national?.differs ? ' *' : ''}` : '');
  const yes = (d: Distribution): CategoryEstimate | undefined => d.categories.find((c) => c.category === 'yes');
  const courses = report.national.courses;
  return [
    {
      heading: t('breakdowns'),
      paragraphs: [t('breakdownNote', { min: report.minimumCellSize })],
      tables: report.breakdowns.map((b) => ({
        caption: `${t('breakdowns')} – ${analysisLabel('breakdown', b.variable, lang)}`,
        head: [
          analysisLabel('breakdown', b.variable, lang),
          t('count'),
          t('distributionIllectronisme'),
          t('distributionHalo'),
          analysisLabel('staircase_level', '0', lang),
          ...courses.map((c) => `${t('course', { n: c.course })} – ${t('passedAmongEnded')}`),
          t('mean'),
        ],
        rows: b.groups.map((g) => [
          analysisLabel(b.variable, g.category, lang),
          `${g.n}${g.small ? ` (${t('small')})` : ''}`,
          share(yes(g.indicators.illectronisme)),
          share(yes(g.indicators.halo)),
          share(g.indicators.staircase.categories.find((c) => c.category === '0')),
          ...g.indicators.courses.map((c) => share(c.passed)),
          `${fmt(g.indicators.meanStaircaseLevel.mean, 2)}${g.indicators.meanStaircaseLevel.national?.differs ? ' *' : ''}`,
        ]),
      })),
    },
  ];
}
