/**
 * The report's charts and tables, as template functions over `reportView`'s description: the element owns
 * which tables are open; these only draw.
 */
import { html, svg, type TemplateResult } from 'lit';
import { REPORT_VERSION, type ReportChart, type ReportTable } from '@observatoire/core/analysis';
import type { ReportLoadError } from './check.js';
import type { ReportText } from './messages.js';

/** Drawing units of a chart (the SVG scales to its box): one row per category. */
const CHART = { width: 400, row: 56, label: 16, barY: 24, barHeight: 18, barWidth: 300, valueX: 308, axis: 22 } as const;

export interface ChartView {
  t: ReportText;
  /** The chart's table is shown. */
  open: boolean;
  toggle: () => void;
}

/** The bars with their 95 % interval whiskers, on an axis in tens of percent. */
function bars(chart: ReportChart): TemplateResult {
  const max = Math.min(1, Math.max(0.1, Math.ceil(Math.max(...chart.bars.map((b) => b.high), 0) * 10) / 10));
  const x = (p: number) => Math.round((Math.min(p, max) / max) * CHART.barWidth * 10) / 10;
  const rows = chart.bars.length;
  const ticks = Array.from({ length: Math.round(max * 10) + 1 }, (_, i) => i / 10);
  return svg`${ticks.map(
    (t) => svg`<line class="axis" x1=${x(t)} x2=${x(t)} y1="0" y2=${rows * CHART.row}></line>
      <text x=${x(t)} y=${rows * CHART.row + 16} font-size="11" text-anchor=${t === 0 ? 'start' : 'middle'}>${Math.round(t * 100)}</text>`,
  )}
  ${chart.bars.map((b, i) => {
    const y = i * CHART.row;
    const mid = y + CHART.barY + CHART.barHeight / 2;
    return svg`<text class="label" x="0" y=${y + CHART.label} font-size="13">${b.label}</text>
      <rect class="track" x="0" y=${y + CHART.barY} width=${CHART.barWidth} height=${CHART.barHeight}></rect>
      <rect class="bar" x="0" y=${y + CHART.barY} width=${x(b.share)} height=${CHART.barHeight}></rect>
      <line class="whisker" x1=${x(b.low)} x2=${x(b.high)} y1=${mid} y2=${mid}></line>
      <line class="whisker" x1=${x(b.low)} x2=${x(b.low)} y1=${mid - 6} y2=${mid + 6}></line>
      <line class="whisker" x1=${x(b.high)} x2=${x(b.high)} y1=${mid - 6} y2=${mid + 6}></line>
      <text class="value" x=${CHART.valueX} y=${mid + 5} font-size="13">${b.text}</text>`;
  })}`;
}

/**
 * A table's chart as SVG bars with their 95 % intervals (`role="img"`, named by its caption and a text
 * summary), and the table itself behind "Voir le tableau".
 *
 * @example
 * renderChart(table, chart, { t, open: false, toggle });
 */
export function renderChart(table: ReportTable, chart: ReportChart, view: ChartView): TemplateResult {
  const { id } = table;
  const height = chart.bars.length * CHART.row + CHART.axis;
  return html`<figure>
      <figcaption id="${id}-caption">${chart.title}</figcaption>
      <svg class="chart" part="chart" role="img" aria-labelledby="${id}-caption ${id}-summary" viewBox="0 0 ${CHART.width} ${height}" width=${CHART.width} height=${height} focusable="false">
        ${bars(chart)}
      </svg>
      <p id="${id}-summary" class="visually-hidden">${chart.summary}</p>
    </figure>
    <div class="actions">
      <button type="button" aria-expanded=${view.open ? 'true' : 'false'} aria-controls="${id}-table" @click=${view.toggle}>${view.t(view.open ? 'hideTable' : 'showTable')}</button>
    </div>
    <div id="${id}-table" ?hidden=${!view.open}>${renderTable(table)}</div>`;
}

/**
 * A real table; it scrolls inside a focusable, labelled region when it is wider than the element.
 *
 * @example
 * renderTable({ kind: 'table', id: 'sessions', caption: 'Sessions', head: ['Sessions', 'Nombre'], rows: [['Lues', '120']] });
 */
export function renderTable(table: ReportTable): TemplateResult {
  const { id } = table;
  return html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="${id}-cap">
    <table part="table">
      <caption id="${id}-cap">${table.caption}</caption>
      <thead>
        <tr>
          ${table.head.map((h) => html`<th scope="col">${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${table.rows.map(
          (row) => html`<tr>
            ${row.map((cell, k) => (k === 0 ? html`<th scope="row">${cell}</th>` : html`<td class="number">${cell}</td>`))}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/**
 * What went wrong with a report, in words for the person reading it.
 *
 * @example
 * errorText(new ReportLoadError('not_json', 'x is not JSON'), 'x', t);
 */
export function errorText(e: ReportLoadError, src: string, t: ReportText): string {
  switch (e.code) {
    case 'load_failed':
      if (e.status === 401 || e.status === 403) return t('errorAuth', { status: String(e.status) });
      return e.status === undefined ? t('errorLoad', { src }) : t('errorStatus', { status: String(e.status), src });
    case 'not_json':
      return t('errorNotJson');
    case 'unsupported_version':
      return t('errorVersion', { version: e.detail ?? '?', expected: String(REPORT_VERSION) });
    default:
      return t('errorNotReport', { detail: e.detail ?? e.message });
  }
}
