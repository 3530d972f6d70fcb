import { css, html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { type Lang } from '@observatoire/core';
import { toLang, translate } from '@observatoire/core/i18n';
import { analysisLabel, type DomainResult, type IndicatorSet, type ObservatoireReport } from '@observatoire/core/analysis';
import { emit } from '../events.js';
import { base } from '../shared/styles.js';
import { checkReport, ReportLoadError } from './check.js';
import { errorText, formatNumber, formatPercent, renderChart, renderTable } from './chart.js';
import { messages, type ReportText } from './messages.js';
import { reportStyles } from './styles.js';


type Phase = { kind: 'empty' } | { kind: 'loading' } | { kind: 'error'; error: ReportLoadError } | { kind: 'ready'; report: ObservatoireReport };

/** `kind:code`, the key of a domain in the selector. */
const domainKey = (d: { kind: string; code: string }): string => `${d.kind}:${d.code}`;

/**
 * Renders an Observatoire report (`ObservatoireReport`): levels of digital distance for all
 * respondents, for a territory or organisation picked in a selector, and for each beneficiary
 * profile. Each level chart is an SVG bar chart with its 95 % interval (`role="img"`, named by its
 * caption and a text summary) and a table alternative behind a "Voir le tableau" button. Domains and
 * profiles under the report's minimum are listed as not estimated, with their count, never with a
 * figure. The sessions excluded and the weighting (margins and their sources) are shown too.
 *
 * Load it from its own script (`observatoire-report.js` or `@observatoire/elements/report`): it is
 * not part of the survey bundle.
 *
 * @example
 * <obs-report src="rapport.json"></obs-report>
 * // or from the collector, with the admin token:
 * const el = document.createElement('obs-report');
 * el.token = adminToken;
 * el.src = 'https://collecteur.example.org/v1/report?territory=dep:35';
 * document.body.append(el);
 *
 * @attr lang - `fr` (default) or `en`.
 * @attr src - URL of a report: the JSON output of `npx observatoire report --format json`, or the collector's `/v1/report`.
 * @prop {ObservatoireReport | undefined} report - The report itself (wins over `src`).
 * @prop {string | undefined} token - Admin Bearer token sent with the `src` request (never an attribute, so it is not in the page's markup).
 * @fires obs-error - `{ code, message, error }` when the report cannot be loaded or is not a report (`load_failed`, `not_json`, `invalid_report`, `unsupported_version`).
 * @csspart heading - The title.
 * @csspart chart - Each SVG chart.
 * @csspart table - Each table.
 * @csspart territory - The territory selector.
 * @csspart error - The error message.
 * @cssprop --obs-color-primary - Bars and buttons.
 * @cssprop --obs-color-surface - Track behind the bars.
 * @cssprop --obs-color-text - Text and interval whiskers.
 * @cssprop --obs-color-border - Table rules and chart axis.
 * @cssprop --obs-color-error - Error and warning marks.
 */
export class ObsReport extends LitElement {
  // Typed as lit's own type, so the published declarations do not list the internal state.
  static override properties: PropertyDeclarations = {
    report: { attribute: false },
    src: { reflect: true },
    token: { attribute: false },
    lang: { reflect: true },
    phase: { state: true },
    domain: { state: true },
    open: { state: true },
    announcement: { state: true },
  };

  static override styles = [
    base,
    reportStyles,
    css`
      :host {
        max-width: 100%;
      }
    `,
  ];

  declare report: ObservatoireReport | undefined;
  declare src: string | undefined;
  declare token: string | undefined;
  declare lang: string;
  /** @internal */
  declare private phase: Phase;
  /** @internal Key of the domain shown in the territory section (UI state only). */
  declare private domain: string | undefined;
  /** @internal Ids of the charts whose table is shown. */
  declare private open: ReadonlySet<string>;
  /** @internal */
  declare private announcement: string;

  #request = 0;
  #abort: AbortController | undefined;

  constructor() {
    super();
    this.lang = 'fr';
    this.phase = { kind: 'empty' };
    this.domain = undefined;
    this.open = new Set();
    this.announcement = '';
  }

  get #lang(): Lang {
    return toLang(this.lang);
  }

  #t: ReportText = (key, params) => translate(messages, this.#lang, key, params);

  #percent = (x: number): string => formatPercent(x, this.#lang);

  #number = (x: number, digits = 0): string => formatNumber(x, this.#lang, digits);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('report') && this.report !== undefined) {
      this.#abort?.abort();
      this.#request++;
      try {
        this.#show(checkReport(this.report));
      } catch (error) {
        this.#fail(error);
      }
    } else if (changed.has('src') || (changed.has('token') && this.src && this.report === undefined)) {
      if (this.report === undefined && this.src) void this.#load(this.src);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  async #load(src: string): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const request = ++this.#request;
    this.phase = { kind: 'loading' };
    this.announcement = this.#t('loading');
    let data: unknown;
    try {
      let response: Response;
      try {
        response = await fetch(src, { headers: { Accept: 'application/json', ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}) }, signal: abort.signal });
      } catch (error) {
        if (abort.signal.aborted) return;
        throw new ReportLoadError('load_failed', `cannot load ${src}: ${(error as Error).message}`);
      }
      if (!response.ok) {
        throw new ReportLoadError('load_failed', `${src} answered ${response.status} ${response.statusText}`.trim(), { status: response.status });
      }
      const text = await response.text();
      try {
        data = JSON.parse(text);
      } catch {
        throw new ReportLoadError('not_json', `${src} is not JSON`);
      }
      if (request !== this.#request) return;
      this.#show(checkReport(data));
    } catch (error) {
      if (request !== this.#request || abort.signal.aborted) return;
      this.#fail(error);
    }
  }

  #show(report: ObservatoireReport): void {
    this.phase = { kind: 'ready', report };
    const keys = new Set(report.domains.map(domainKey));
    if (this.domain === undefined || !keys.has(this.domain)) {
      // The asked territory first, else the first estimated domain.
      const first: DomainResult | undefined = report.focus ?? report.domains.find((d) => d.status === 'estimated') ?? report.domains[0];
      this.domain = first ? domainKey(first) : undefined;
    }
    this.announcement = this.#t('loaded');
  }

  #fail(error: unknown): void {
    const e = error instanceof ReportLoadError ? error : new ReportLoadError('invalid_report', (error as Error).message ?? String(error), { detail: String(error) });
    this.phase = { kind: 'error', error: e };
    this.announcement = '';
    emit(this, 'obs-error', { code: e.code, message: e.message, error: e });
  }

  override render(): TemplateResult {
    const phase = this.phase;
    return html`
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${phase.kind === 'error'
        ? html`<section aria-labelledby="heading">
            <h2 id="heading" part="heading">${this.#t('title')}</h2>
            <div class="warning" part="error" role="alert">
              <p>${this.#t('errorTitle')}</p>
              <p>${errorText(phase.error, this.src ?? '', this.#t)}</p>
            </div>
          </section>`
        : phase.kind === 'loading'
          ? html`<p>${this.#t('loading')}</p>`
          : phase.kind === 'ready'
            ? this.#renderReport(phase.report)
            : nothing}
    `;
  }

  #renderReport(report: ObservatoireReport): TemplateResult {
    const lang = this.#lang;
    const date = report.generatedAt ? new Date(report.generatedAt) : undefined;
    return html`<article aria-labelledby="heading">
      <h2 id="heading" part="heading">${this.#t('title')}</h2>
      ${date && !Number.isNaN(date.getTime())
        ? html`<p class="hint">${this.#t('generatedAt', { date: new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' }).format(date) })}</p>`
        : nothing}
      <p>${this.#t('readingNote', { min: report.minimumRespondents })}</p>
      ${this.#sessions(report)} ${this.#weighting(report)}
      <section aria-labelledby="national-heading">
        <h3 id="national-heading">${this.#t('nationalTitle')}</h3>
        ${this.#indicators('national', report.national, this.#t('nationalTitle'))}
      </section>
      ${this.#territories(report)} ${this.#profiles(report)}
    </article>`;
  }

  #sessions(report: ObservatoireReport): TemplateResult {
    const s = report.sessions;
    const rows: [string, number][] = [
      [this.#t('sessionsRead'), s.total],
      ...Object.entries(s.excluded).map(([reason, n]): [string, number] => [analysisLabel('exclusion', reason, this.#lang), n]),
      [this.#t('sessionsAnalysed'), s.analysed],
    ];
    return html`<section aria-labelledby="sessions-heading">
      <h3 id="sessions-heading">${this.#t('sessionsTitle')}</h3>
      ${renderTable('sessions', this.#t('sessionsCaption'), [this.#t('colSessions'), this.#t('colNumber')], rows.map(([label, n]) => [label, this.#number(n)]))}
    </section>`;
  }

  #weighting(report: ObservatoireReport): TemplateResult {
    const w = report.weighting;
    const example = w.margins.some((m) => /\b(exemple|example)\b/i.test(m.source));
    return html`<section aria-labelledby="weighting-heading">
      <h3 id="weighting-heading">${this.#t('weightingTitle')}</h3>
      ${w.method === 'none'
        ? html`<p class="warning">${this.#t('weightingNone')}</p>`
        : html`<p>${this.#t('weightingRaking', { iterations: w.iterations })}</p>
            ${w.converged ? nothing : html`<p class="warning">${this.#t('weightingNotConverged', { iterations: w.iterations, error: w.maxRelativeError.toExponential(1) })}</p>`}
            ${example ? html`<p class="warning">${this.#t('exampleMargins')}</p>` : nothing}`}
      <p>${this.#t('weightingFigures', { neff: this.#number(w.nEffective, 1), deff: this.#number(w.designEffect, 2), min: this.#number(w.minWeight, 2), max: this.#number(w.maxWeight, 2) })}</p>
      ${w.cap !== undefined ? html`<p>${this.#t('weightingCap', { cap: w.cap })}</p>` : nothing}
      ${w.margins.map(
        (m, i) => html`<p class="source">${this.#t('marginSource', { source: m.source })}</p>
          ${renderTable(
            `margin-${i}`,
            this.#t('marginsCaption', { variable: m.variable }),
            [this.#t('colMargin'), this.#t('colCount'), this.#t('colTarget'), this.#t('colAchieved')],
            m.categories.map((c) => [c.category, this.#number(c.count), this.#percent(c.target), this.#percent(c.achieved)]),
          )}`,
      )}
    </section>`;
  }

  #domainName(d: { kind: string; code: string; name?: string }): string {
    return `${analysisLabel('domain', d.kind, this.#lang)} ${d.code}${d.name ? ` – ${d.name}` : ''}`;
  }

  #territories(report: ObservatoireReport): TemplateResult {
    const kinds = [...new Set(report.domains.map((d) => d.kind))];
    const shown = report.domains.find((d) => domainKey(d) === this.domain);
    const skipped = report.domains.filter((d) => d.status === 'too_few_respondents');
    return html`<section aria-labelledby="territory-heading">
      <h3 id="territory-heading">${this.#t('territoryTitle')}</h3>
      ${report.domains.length > 0
        ? html`<div class="field">
            <label for="territory">${this.#t('territoryLabel')}</label>
            <select id="territory" part="territory" @change=${this.#onDomain}>
              ${kinds.map(
                (kind) => html`<optgroup label=${analysisLabel('domain', kind, this.#lang)}>
                  ${report.domains
                    .filter((d) => d.kind === kind)
                    .map((d) => {
                      const key = domainKey(d);
                      const name = this.#domainName(d);
                      return html`<option value=${key} ?selected=${key === this.domain}>${d.status === 'estimated' ? name : this.#t('optionSkipped', { name, n: d.n })}</option>`;
                    })}
                </optgroup>`,
              )}
            </select>
          </div>`
        : nothing}
      ${shown
        ? html`<h4>${this.#domainName(shown)}</h4>
            ${shown.status === 'estimated'
              ? this.#indicators('domain', shown.indicators, this.#domainName(shown))
              : html`<p class="skipped">${this.#t('notEstimatedCount', { name: this.#domainName(shown), min: shown.minimum, n: shown.n })}</p>`}`
        : nothing}
      ${skipped.length > 0
        ? html`<h4>${this.#t('skippedListTitle')}</h4>
            <ul class="skipped-list">
              ${skipped.map((d) => html`<li>${this.#t('notEstimatedCount', { name: this.#domainName(d), min: d.minimum, n: d.n })}</li>`)}
            </ul>`
        : nothing}
    </section>`;
  }

  #onDomain(event: Event): void {
    const select = event.target as HTMLSelectElement;
    this.domain = select.value;
    const phase = this.phase;
    const d = phase.kind === 'ready' ? phase.report.domains.find((x) => domainKey(x) === select.value) : undefined;
    this.announcement = d ? this.#t('territoryShown', { name: this.#domainName(d) }) : '';
  }

  #profiles(report: ObservatoireReport): TemplateResult {
    return html`<section aria-labelledby="profiles-heading">
      <h3 id="profiles-heading">${this.#t('profilesTitle')}</h3>
      ${report.profiles.map((p) => {
        const name = analysisLabel('profile', p.profile, this.#lang);
        return html`<h4>${name}</h4>
          ${p.status === 'estimated'
            ? this.#indicators(`profile-${p.profile}`, p.indicators, name)
            : html`<p class="skipped">${this.#t('notEstimatedCount', { name, min: p.minimum, n: p.n })}</p>`}`;
      })}
    </section>`;
  }

  /** The distance chart, its table, and the illectronisme share of one scope. */
  #indicators(id: string, set: IndicatorSet, scope: string): TemplateResult {
    const ill = set.illectronisme.categories.find((c) => c.category === 'yes');
    const open = this.open.has(id);
    return html`${renderChart(id, set.distance, scope, { lang: this.#lang, t: this.#t, open, toggle: () => this.#toggle(id) })}
      ${ill ? html`<p>${this.#t('illectronisme', { share: this.#percent(ill.proportion), low: this.#percent(ill.low), high: this.#percent(ill.high) })}</p>` : nothing}`;
  }

  #toggle(id: string): void {
    const next = new Set(this.open);
    if (!next.delete(id)) next.add(id);
    this.open = next;
  }
}
