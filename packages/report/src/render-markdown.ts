/** The report as Markdown, from the same description as the HTML and `<obs-report>` (`reportView`, docs/analysis.md). */
import { reportView, type ObservatoireReport, type ReportBlock, type ReportLang } from '@observatoire/core/analysis';

const mdCell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function block(b: ReportBlock): string[] {
  switch (b.kind) {
    case 'paragraph':
      return [b.text, ''];
    case 'list':
      return [...b.items.map((item) => `- ${mdCell(item)}`), ''];
    case 'table':
      return [`**${mdCell(b.caption)}**`, '', `| ${b.head.map(mdCell).join(' | ')} |`, `|${b.head.map(() => ' --- ').join('|')}|`, ...b.rows.map((row) => `| ${row.map(mdCell).join(' | ')} |`), ''];
    case 'details':
      return b.blocks.flatMap(block);
  }
}

/**
 * The report as Markdown.
 *
 * @example
 * writeFileSync('rapport.md', renderMarkdown(report, 'fr'));
 */
export function renderMarkdown(report: ObservatoireReport, lang: ReportLang = 'fr'): string {
  const view = reportView(report, lang);
  const lines = [`# ${view.title}`, ''];
  if (view.generatedAt) lines.push(view.generatedAt, '');
  for (const p of view.intro) lines.push(p, '');
  for (const s of view.sections) {
    lines.push(`## ${mdCell(s.heading)}`, '', ...s.blocks.flatMap(block));
    for (const sub of s.subsections) lines.push(`### ${mdCell(sub.heading)}`, '', ...sub.blocks.flatMap(block));
  }
  return lines.join('\n');
}
