/**
 * The quick diagnostic's report as its readers see it (docs/analysis.md, "The quick diagnostic"): who is counted,
 * the weighting, per capacity the shares of people at each level, and per challenge its success, each challenge
 * named by its instruction. The staircase, definitions and profiles are the Observatoire survey's: not shown.
 */
import { localize } from '../content/types.js';
import { CAPACITY_LEVELS } from './diagnostic.js';
import { analysisLabel, type ReportLang } from './labels.js';
import type { ReportFormat } from './report-messages.js';
import type { DiagnosticResult, ObservatoireReport } from './report-types.js';
import { itemsSection } from './report-view-tables.js';
import type { ReportSection } from './report-view-types.js';

/**
 * The diagnostic's own sections: its capacities, then its challenges (those played by someone).
 *
 * @example
 * diagnosticSections(report, report.diagnostic, 'fr', reportFormat('fr')).map((s) => s.id); // ['capacities', 'items']
 */
export function diagnosticSections(report: ObservatoireReport, diagnostic: DiagnosticResult, lang: ReportLang, f: ReportFormat): ReportSection[] {
  const { t, percent, number } = f;
  const capacities: ReportSection = {
    id: 'capacities',
    heading: t('capacitiesTitle'),
    blocks: [
      { kind: 'paragraph', text: t('capacitiesNote') },
      {
        kind: 'table',
        id: 'capacities',
        caption: t('capacitiesCaption'),
        head: [t('colCapacity'), t('colCount'), ...CAPACITY_LEVELS.map((level) => analysisLabel('capacity_level', level, lang))],
        rows: diagnostic.capacities.map((c) => [
          localize(c.title, lang),
          number(c.n),
          ...CAPACITY_LEVELS.map((level) => c.levels.find((l) => l.category === level)).map((l) =>
            l ? t('withInterval', { value: percent(l.proportion), low: percent(l.low), high: percent(l.high) }) : t('noFigure'),
          ),
        ]),
      },
    ],
    subsections: [],
  };
  const played = { ...report, items: report.items.filter((it) => it.n > 0) };
  const items = played.items.length > 0 ? [itemsSection(played, f, lang)] : [];
  return [capacities, ...items];
}
