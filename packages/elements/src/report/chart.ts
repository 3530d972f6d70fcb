/**
 * The report's charts and tables, as template functions: the element owns which tables are
 * open; these only draw.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Lang } from '@observatoire/core';
import { analysisLabel, REPORT_VERSION, type Distribution } from '@observatoire/core/analysis';
import type { ReportLoadError } from './check.js';
import type { ReportText } from './messages.js';

/** Drawing units of a chart (the SVG scales to its box): one row per category. */
const CHART = { width: 400, row: 56, label: 16, barY: 24, barHeight: 18, barWidth: 300, valueX: 308, axis: 22 } as const;

const locale = (lang: Lang): string => (lang === 'fr' ? 'fr-FR' : 'en-GB');

/**
 * A share as a percentage with one decimal.
 *
 * @example
 * formatPercent(0.125, 'fr'); // '12,5 %'
 */
export function formatPercent(x: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x);
}

/**
 * A number with `digits` decimals, grouped for the language.
 *
 * @example
 * formatNumber(1234.5, 'fr', 1); // '1 234,5'
 */
export function formatNumber(x: number, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

export interface ChartView {
lang: Lang;
t: ReportText;
/** The chart's table is shown. */
open: boolean;
toggle: () => void;
}

/**
 * A distribution as an SVG bar chart with its 95 % intervals (`role="img"`, named by its caption
 * and a text summary), and its table behind "Voir le tableau".
 *
 * @example
 * renderChart('national', report.national.distance, 'Ensemble', { lang: 'fr', t, open: false, toggle });
 */
export function renderChart(id: string, d: Distribution, scope: string, view: ChartView): TemplateResult {
const { t } = view;
const percent = (x: number) => formatPercent(x, view.lang);
const number = (x: number, digits = 0) => formatNumber(x, view.lang, digits);
  const title = t('chartTitle', { scope });
  const label = (code: string) => analysisLabel(d.variable, code, view.lang);
  const items = d.categories.map((c) => t('chartItem', { label: label(c.category), share: percent(c.proportion), low: percent(c.low), high: percent(c.high) }));
  const max = Math.min(1, Math.max(0.1, Math.ceil(Math.max(...d.categories.map((c) => c.high), 0) * 10) / 10));
  const x = (p: number) => Math.round((Math.min(p, max) / max) * CHART.barWidth * 10) / 10;
  const rows = d.categories.length;
  const height = rows * CHART.row + CHART.axis;
  const ticks = Array.from({ length: Math.round(max * 10) + 1 }, (_, i) => i / 10);
  const open = view.open;
  const compared = d.categories.some((c) => c.national);
  return html`<figure>
    <figcaption id="${id}-caption">${title}</figcaption>
    <svg class="chart" part="chart" role="img" aria-labelledby="${id}-caption ${id}-summary" viewBox="0 0 ${CHART.width} ${height}" width=${CHART.width} height=${height} focusable="false">
      ${ticks.map((t) => svg`<line class="axis" x1=${x(t)} x2=${x(t)} y1="0" y2=${rows * CHART.row}></line>
        <text x=${x(t)} y=${rows * CHART.row + 16} font-size="11" text-anchor=${t === 0 ? 'start' : 'middle'}>${number(t * 100)}</text>`)}
      ${d.categories.map((c, i) => {
        const y = i * CHART.row;
        const mid = y + CHART.barY + CHART.barHeight / 2;
        return svg`<text class="label" x="0" y=${y + CHART.label} font-size="13">${label(c.category)}</text>
          <rect class="track" x="0" y=${y + CHART.barY} width=${CHART.barWidth} height=${CHART.barHeight}></rect>
          <rect class="bar" x="0" y=${y + CHART.barY} width=${x(c.proportion)} height=${CHART.barHeight}></rect>
          <line class="whisker" x1=${x(c.low)} x2=${x(c.high)} y1=${mid} y2=${mid}></line>
          <line class="whisker" x1=${x(c.low)} x2=${x(c.low)} y1=${mid - 6} y2=${mid + 6}></line>
          <line class="whisker" x1=${x(c.high)} x2=${x(c.high)} y1=${mid - 6} y2=${mid + 6}></line>
          <text class="value" x=${CHART.valueX} y=${mid + 5} font-size="13">${percent(c.proportion)}</text>`;
      })}
    </svg>
    <p id="${id}-summary" class="visually-hidden">${t('chartSummary', { title, n: d.n, items: items.join(' ; ') })}</p>
  </figure>
  <div class="actions">
    <button type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls="${id}-table" @click=${view.toggle}>${t(open ? 'hideTable' : 'showTable')}</button>
  </div>
  <div id="${id}-table" ?hidden=${!open}>
    ${renderTable(
      `${id}-data`,
      t('tableCaption', { title, n: d.n, neff: number(d.nEffective, 1) }),
      [t('colCategory'), t('colShare'), t('colInterval'), t('colCount'), ...(compared ? [t('colNational'), t('colDiffers')] : [])],
      d.categories.map((c) => [
        label(c.category),
        percent(c.proportion),
        t('interval', { low: percent(c.low), high: percent(c.high) }),
        number(c.count),
        ...(compared ? (c.national ? [percent(c.national.value), t(c.national.differs ? 'yes' : 'no')] : ['–', '–']) : []),
      ]),
    )}
  </div>`;
}

/**
 * A real table; it scrolls inside a focusable, labelled region when it is wider than the element.
 *
 * @example
 * renderTable('sessions', 'Sessions', ['Sessions', 'Nombre'], [['Lues', '120']]);
 */
export function renderTable(id: string, caption: string, head: readonly string[], rows: readonly (readonly string[])[]): TemplateResult {
  return html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="${id}-cap">
    <table part="table">
      <caption id="${id}-cap">${caption}</caption>
      <thead>
        <tr>
          ${head.map((h) => html`<th scope="col">${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
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
