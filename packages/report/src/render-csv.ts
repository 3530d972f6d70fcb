/** Every table of the report as CSV, from the same description as the HTML and `<obs-report>` (`reportView`, docs/analysis.md). */
import { reportView, type ObservatoireReport, type ReportLang, type ReportTable } from '@observatoire/core/analysis';

const csvCell = (s: string): string => (/[",\r\n]/.test(s) || /^[=+\-@\t\r]/.test(s) ? `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s);

/**
 * Every table of the report as CSV (labels, never codes; RFC 4180, cells that could start a formula quoted and
 * prefixed with `'`), each with a file name made from its position and caption.
 *
 * @example
 * for (const t of renderCsvTables(report, 'fr')) writeFileSync(join('rapport-csv', t.name), t.csv);
 */
export function renderCsvTables(report: ObservatoireReport, lang: ReportLang = 'fr'): { name: string; caption: string; csv: string }[] {
  const tables = reportView(report, lang)
    .sections.flatMap((s) => [s, ...s.subsections])
    .flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'details' ? b.blocks : [b])))
    .filter((b): b is ReportTable => b.kind === 'table');
  return tables.map((table, k) => {
    const slug = table.caption
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60);
    const lines = [table.head, ...table.rows].map((r) => r.map(csvCell).join(','));
    return { name: `${String(k + 1).padStart(2, '0')}-${slug}.csv`, caption: table.caption, csv: `${lines.join('\r\n')}\r\n` };
  });
}
