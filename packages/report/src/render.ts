/**
 * The report as Markdown, as a self-contained, accessible HTML page, or as CSV tables; each renders the
 * same description, `reportView` of `@observatoire/core/analysis`, which `<obs-report>` renders too.
 */
export { escapeHtml, renderHtml } from './render-html.js';
export { renderMarkdown } from './render-markdown.js';
export { renderCsvTables } from './render-csv.js';
