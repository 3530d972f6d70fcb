/** The report as a self-contained, accessible HTML page: every table has a caption and header cells; every text is escaped. */
import type { ObservatoireReport, ReportLang } from '@observatoire/core/analysis';
import { reportText } from './render-messages.js';
import { sections } from './render-sections.js';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/**
 * The report as one self-contained HTML page (no external resource), every text escaped.
 *
 * @example
 * writeFileSync('rapport.html', renderHtml(report, 'fr'));
 */
export function renderHtml(report: ObservatoireReport, lang: ReportLang = 'fr'): string {
  const e = escapeHtml;
  const body = sections(report, lang)
    .map(
      (s) =>
        `<section>\n<h2>${e(s.heading)}</h2>\n${s.paragraphs.map((p) => `<p>${e(p)}</p>`).join('\n')}\n${s.tables
          .map(
            (table) =>
              `<table>\n<caption>${e(table.caption)}</caption>\n<thead><tr>${table.head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${table.rows
                .map((row) => `<tr>${row.map((cell, k) => (k === 0 ? `<th scope="row">${e(cell)}</th>` : `<td>${e(cell)}</td>`)).join('')}</tr>`)
                .join('\n')}\n</tbody>\n</table>`,
          )
          .join('\n')}\n</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(reportText(lang, 'title'))}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #1e1e1e; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
caption { text-align: left; font-weight: bold; padding: 0.5rem 0; }
th, td { border: 1px solid #767676; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #f0f0f0; }
@media print {
  @page { size: A4; margin: 15mm; }
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  section { break-before: page; }
  section:first-of-type { break-before: auto; }
  table { break-inside: auto; font-size: 8.5pt; }
  tr, caption { break-inside: avoid; }
  thead { display: table-header-group; }
  h2 { break-after: avoid; }
}
</style>
</head>
<body>
<main>
<h1>${e(reportText(lang, 'title'))}</h1>
${report.generatedAt ? `<p>${e(report.generatedAt)}</p>\n` : ''}${body}
</main>
</body>
</html>
`;
}
