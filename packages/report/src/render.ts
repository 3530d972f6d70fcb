/**
 * The report as Markdown, as a self-contained, accessible HTML page, or as CSV tables; the texts are in
 * render-messages.ts, the sections shared by every format in render-sections.ts.
 */
export { escapeHtml, renderHtml } from './render-html.js';
export { renderMarkdown } from './render-markdown.js';
export { renderCsvTables } from './render-csv.js';
