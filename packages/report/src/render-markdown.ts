/** The report as Markdown (docs/analysis.md describes the figures). */
import type { ObservatoireReport, ReportLang } from '@observatoire/core/analysis';
import { reportText } from './render-messages.js';
import { sections } from './render-sections.js';

const mdCell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/**
 * The report as Markdown.
 *
 * @example
 * writeFileSync('rapport.md', renderMarkdown(report, 'fr'));
 */
export function renderMarkdown(report: ObservatoireReport, lang: ReportLang = 'fr'): string {
  const lines = [`# ${reportText(lang, 'title')}`, ''];
  if (report.generatedAt) lines.push(report.generatedAt, '');
  for (const s of sections(report, lang)) {
    lines.push(`## ${mdCell(s.heading)}`, '');
    for (const p of s.paragraphs) lines.push(p, '');
    for (const table of s.tables) {
      lines.push(`**${mdCell(table.caption)}**`, '', `| ${table.head.map(mdCell).join(' | ')} |`, `|${table.head.map(() => ' --- ').join('|')}|`);
      for (const row of table.rows) lines.push(`| ${row.map(mdCell).join(' | ')} |`);
      lines.push('');
    }
  }
  return lines.join('\n');
}
