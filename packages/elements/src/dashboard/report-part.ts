/**
 * The structure's own report beside the national one (docs/dashboard.md, "Report"): from 100 valid
 * respondents, the collector's report rendered by `<obs-report>` (the same rendering as everywhere,
 * `reportView`); below, the count only and why. The 100-respondent rule is the report's
 * (`MINIMUM_RESPONDENTS`, read from the report's `focus`), never decided here.
 */
import { html, type TemplateResult } from 'lit';
import { MINIMUM_RESPONDENTS } from '@observatoire/core/analysis';
import type { ReportState } from './follow-controller.js';
import type { DashboardView } from './view.js';
import { reportShown } from './report-element.js';

export function reportTemplate(view: DashboardView, state: ReportState, onRefresh: () => void): TemplateResult {
  const { t, lang } = view;
  const refresh = html`<p><button type="button" @click=${onRefresh}>${t('reportRefresh')}</button></p>`;
  switch (state.kind) {
    case 'idle':
    case 'loading':
      return html`<p>${t('reportLoading')}</p>`;
    case 'none':
      return html`<p class="report-counts">${t('reportNone', { minimum: MINIMUM_RESPONDENTS })}</p>
        <p>${t('reportWhy')}</p>
        ${refresh}`;
    case 'error':
      return html`<p class="error" role="alert">${t(`error_${state.error.code}`, { status: state.error.status ?? '', endpoint: '', detail: state.error.message })}</p>
        ${refresh}`;
    case 'ready': {
      const focus = state.report.focus;
      if (reportShown(state.report)) return html`${refresh}<obs-report .report=${state.report} lang=${lang}></obs-report>`;
      const minimum = focus?.status === 'too_few_respondents' ? focus.minimum : MINIMUM_RESPONDENTS;
      return html`<p class="report-counts">${t('reportTooFew', { n: focus?.n ?? 0, minimum })}</p>
        <p>${t('reportWhy')}</p>
        ${refresh}`;
    }
  }
}
