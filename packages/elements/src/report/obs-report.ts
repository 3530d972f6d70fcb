import { css, html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { type Lang } from '@observatoire/core';
import { toLang, translate } from '@observatoire/core/i18n';
import { analysisLabel, domainLabel, reportMessages, reportView, type DomainResult, type ObservatoireReport, type ReportView } from '@observatoire/core/analysis';
import { emit } from '../events.js';
import { base } from '../shared/styles.js';
import { checkReport, ReportLoadError } from './check.js';
import { errorText } from './chart.js';
import { messages, type ReportText } from './messages.js';
import { renderSection, type SectionsView } from './sections.js';
import { reportStyles } from './styles.js';


type Phase = { kind: 'empty' } | { kind: 'loading' } | { kind: 'error'; error: ReportLoadError } | { kind: 'ready'; report: ObservatoireReport };

/** `kind:code`, the key of a domain in the selector. */
const domainKey = (d: { kind: string; code: string }): string => `${d.kind}:${d.code}`;

/**
 * Renders an Observatoire report (`ObservatoireReport`) with the same sections, headings, notes and
 * tables as the command's HTML (`npx observatoire report --format html`): both render the core's
 * `reportView`. Who is counted, collection progress, weighting (margins and their sources), all
 * respondents, breakdowns, a territory or organisation picked in a selector, each beneficiary
 * profile, challenges. Each distance chart is an SVG bar chart with its 95 % interval (`role="img"`,
 * named by its caption and a text summary) and its table behind a "Voir le tableau" button. Domains
 * and profiles under the report's minimum are listed as not estimated, with their count, never with
 * a figure.
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
 * @fires {CustomEvent<ErrorEventDetail>} obs-error - `{ code, message, error }` when the report cannot be loaded or is not a report (`load_failed`, `not_json`, `invalid_report`, `unsupported_version`).
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
  #cached: { report: ObservatoireReport; lang: Lang; domain: DomainResult | null; view: ReportView } | undefined;

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

  /** The description of the report shown, rebuilt only when the report, the language or the domain changes. */
  #view(report: ObservatoireReport): ReportView {
    const lang = this.#lang;
    const domain = report.domains.find((d) => domainKey(d) === this.domain) ?? null;
    const cached = this.#cached;
    if (cached && cached.report === report && cached.lang === lang && cached.domain === domain) return cached.view;
    const view = reportView(report, lang, { domain });
    this.#cached = { report, lang, domain, view };
    return view;
  }

  override render(): TemplateResult {
    const phase = this.phase;
    return html`
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${phase.kind === 'error'
        ? html`<section aria-labelledby="heading">
            <h2 id="heading" part="heading">${translate(reportMessages, this.#lang, 'title')}</h2>
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
    const view = this.#view(report);
    const sections: SectionsView = { t: this.#t, isOpen: (id) => this.open.has(id), toggle: (id) => this.#toggle(id) };
    return html`<article aria-labelledby="heading">
      <h2 id="heading" part="heading">${view.title}</h2>
      ${view.generatedAt ? html`<p class="hint">${view.generatedAt}</p>` : nothing} ${view.intro.map((p) => html`<p>${p}</p>`)}
      ${view.sections.map((s) => renderSection(s, sections, s.id === 'territory' ? this.#selector(report) : nothing))}
    </article>`;
  }

  /** The territory selector: every domain, grouped by kind; a domain under the minimum says so. */
  #selector(report: ObservatoireReport): TemplateResult | typeof nothing {
    if (report.domains.length === 0) return nothing;
    const lang = this.#lang;
    const kinds = [...new Set(report.domains.map((d) => d.kind))];
    return html`<div class="field">
      <label for="territory">${this.#t('territoryLabel')}</label>
      <select id="territory" part="territory" @change=${this.#onDomain}>
        ${kinds.map(
          (kind) => html`<optgroup label=${analysisLabel('domain', kind, lang)}>
            ${report.domains
              .filter((d) => d.kind === kind)
              .map((d) => {
                const key = domainKey(d);
                const name = domainLabel(d, lang);
                return html`<option value=${key} ?selected=${key === this.domain}>${d.status === 'estimated' ? name : this.#t('optionSkipped', { name, n: d.n })}</option>`;
              })}
          </optgroup>`,
        )}
      </select>
    </div>`;
  }

  #onDomain(event: Event): void {
    const select = event.target as HTMLSelectElement;
    this.domain = select.value;
    const phase = this.phase;
    const d = phase.kind === 'ready' ? phase.report.domains.find((x) => domainKey(x) === select.value) : undefined;
    this.announcement = d ? this.#t('territoryShown', { name: domainLabel(d, this.#lang) }) : '';
  }

  #toggle(id: string): void {
    const next = new Set(this.open);
    if (!next.delete(id)) next.add(id);
    this.open = next;
  }
}
