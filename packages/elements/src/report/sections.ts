/**
 * `reportView`'s sections as lit templates: the same headings, notes, lists and tables as the report command's
 * HTML (docs/report-element.md). Distributions with a chart are drawn, their table behind a button.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ReportBlock, ReportSection } from '@observatoire/core/analysis';
import { renderChart, renderTable } from './chart.js';
import type { ReportText } from './messages.js';

/** What the templates need from the element: its texts and which charts and folded figures are open. */
export interface SectionsView {
  t: ReportText;
  isOpen: (tableId: string) => boolean;
  toggle: (tableId: string) => void;
}

function block(b: ReportBlock, view: SectionsView): TemplateResult {
  switch (b.kind) {
    case 'paragraph':
      return html`<p class=${ifDefined(b.tone)}>${b.text}</p>`;
    case 'list':
      return html`<ul class=${ifDefined(b.tone && `${b.tone}-list`)}>
        ${b.items.map((item) => html`<li>${item}</li>`)}
      </ul>`;
    case 'table':
      return b.chart ? renderChart(b, b.chart, { t: view.t, open: view.isOpen(b.id), toggle: () => view.toggle(b.id) }) : renderTable(b);
    case 'details': {
      // Folded behind a button: on a screen, all the tables at once are a wall of figures. Rendered
      // only when open, so a folded report stays as light as the charts alone.
      const open = view.isOpen(b.id);
      return html`<div class="actions">
          <button type="button" class="disclosure" aria-expanded=${open ? 'true' : 'false'} aria-controls="${b.id}-panel" @click=${() => view.toggle(b.id)}>${b.summary}</button>
        </div>
        <div id="${b.id}-panel" class="panel" ?hidden=${!open}>${open ? b.blocks.map((inner) => block(inner, view)) : nothing}</div>`;
    }
  }
}

/**
 * One section (`<h3>`) with its blocks and its subsections (`<h4>`); `controls` go right under the heading
 * (the territory selector).
 *
 * @example
 * renderSection(view.sections[0], { t, isOpen, toggle });
 */
export function renderSection(section: ReportSection, view: SectionsView, controls: TemplateResult | typeof nothing = nothing): TemplateResult {
  return html`<section aria-labelledby="${section.id}-heading">
    <h3 id="${section.id}-heading">${section.heading}</h3>
    ${controls} ${section.blocks.map((b) => block(b, view))}
    ${section.subsections.map((sub) => html`<h4>${sub.heading}</h4>
        ${sub.blocks.map((b) => block(b, view))}`)}
  </section>`;
}
