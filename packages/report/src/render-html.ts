/**
 * The report as a self-contained, accessible HTML page, from the same description as `<obs-report>`
 * (`reportView`, docs/analysis.md "One report, several renderings"): every table has a caption and header
 * cells; every text is escaped.
 */
import { reportView, type ObservatoireReport, type ReportBlock, type ReportLang, type ReportSection } from '@observatoire/core/analysis';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const e = escapeHtml;

function block(b: ReportBlock): string {
  switch (b.kind) {
    case 'paragraph':
      return b.tone ? `<p class="${b.tone}">${e(b.text)}</p>` : `<p>${e(b.text)}</p>`;
    case 'list':
      return `<ul${b.tone ? ` class="${b.tone}-list"` : ''}>\n${b.items.map((item) => `<li>${e(item)}</li>`).join('\n')}\n</ul>`;
    case 'table':
      return `<table>\n<caption>${e(b.caption)}</caption>\n<thead><tr>${b.head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${b.rows
        .map((row) => `<tr>${row.map((cell, k) => (k === 0 ? `<th scope="row">${e(cell)}</th>` : `<td>${e(cell)}</td>`)).join('')}</tr>`)
        .join('\n')}\n</tbody>\n</table>`;
    case 'details':
      // Open: a page to read and print whole (the element folds them).
      return `<details open>\n<summary>${e(b.summary)}</summary>\n${b.blocks.map(block).join('\n')}\n</details>`;
  }
}

/** A top-level section (`<h2>`) and its subsections (`<h3>`). */
function section(s: ReportSection): string {
  const sub = s.subsections.map((x) => `<h3>${e(x.heading)}</h3>\n${x.blocks.map(block).join('\n')}`);
  return `<section aria-labelledby="${e(s.id)}-heading">\n<h2 id="${e(s.id)}-heading">${e(s.heading)}</h2>\n${[...s.blocks.map(block), ...sub].join('\n')}\n</section>`;
}

/**
 * The report as one self-contained HTML page (no external resource), every text escaped. Shows the report's
 * focus as the territory in detail.
 *
 * @example
 * writeFileSync('rapport.html', renderHtml(report, 'fr'));
 */
export function renderHtml(report: ObservatoireReport, lang: ReportLang = 'fr'): string {
  const view = reportView(report, lang);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(view.title)}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #1e1e1e; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
caption { text-align: left; font-weight: bold; padding: 0.5rem 0; }
th, td { border: 1px solid #767676; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #f0f0f0; }
.warning { border-left: 4px solid #b00020; padding-left: 0.75rem; font-weight: bold; }
.skipped { border-left: 4px solid #767676; padding-left: 0.75rem; }
.source { overflow-wrap: anywhere; }
summary { font-weight: bold; margin: 0.5rem 0; }
@media print {
  @page { size: A4; margin: 15mm; }
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  section { break-before: page; }
  section:first-of-type { break-before: auto; }
  table { break-inside: auto; font-size: 8.5pt; }
  tr, caption { break-inside: avoid; }
  thead { display: table-header-group; }
  h2, h3 { break-after: avoid; }
}
</style>
</head>
<body>
<main>
<h1>${e(view.title)}</h1>
${view.generatedAt ? `<p>${e(view.generatedAt)}</p>\n` : ''}${view.intro.map((p) => `<p>${e(p)}</p>\n`).join('')}${view.sections.map(section).join('\n')}
</main>
</body>
</html>
`;
}
