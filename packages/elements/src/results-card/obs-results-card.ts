import { ContextConsumer } from '@lit/context';
import { css, html, LitElement, nothing, svg, type TemplateResult } from 'lit';
import type { Lang, SessionState, SurveyDefinition } from '@observatoire/core';
import { surveyContext } from '../context.js';
import { toLang, translate, type MessageParams } from '@observatoire/core/i18n';
import { base } from '../shared/styles.js';
import { messages } from './messages.js';
import { COURSE_STATUS } from '@observatoire/core';
import { challengesTemplate } from './challenges.js';
import { courseSummaries, levelReached, nextStep, type CourseSummary } from './summary.js';

export { courseSummaries, levelReached, nextStep, type CourseSummary, type NextStep } from './summary.js';

/** Drawing units of the chart (the SVG scales to its box). */
const CHART = { width: 320, row: 56, label: 18, barY: 26, barHeight: 20, barWidth: 230 } as const;

/**
 * The end page of the survey. For the participant: plain, encouraging words and what they
 * succeeded at, course by course. For the mediator (`mediator`): the success rate of each
 * course, the level reached on the staircase, and what to work on next. A small bar chart
 * shows the success per course; the same figures are written out beside it.
 *
 * @example
 * const card = document.createElement('obs-results-card');
 * card.definition = session.definition;
 * card.state = session.state;
 * card.mediator = true;
 * document.body.append(card);
 *
 * @attr lang - `fr` (default) or `en` (the survey context wins when present).
 * @attr mediator - Adds the mediator's section (rates, staircase level, next step).
 * @prop {SessionState | undefined} state - The session state (from `session.state`) when not inside `<obs-survey>`.
 * @prop {SurveyDefinition | undefined} definition - The survey definition when not inside `<obs-survey>`.
 * @csspart heading - The title.
 * @csspart courses - The participant's list of courses.
 * @csspart chart - The SVG bar chart.
 * @csspart mediator - The mediator's section.
 * @csspart print - The "Imprimer" button.
 * @cssprop --obs-color-primary - Colour of the bars.
 * @cssprop --obs-color-surface - Track behind the bars.
 * @cssprop --obs-color-text - Text of the chart.
 */
export class ObsResultsCard extends LitElement {
  static override properties = {
    state: { attribute: false },
    definition: { attribute: false },
    lang: { reflect: true },
    mediator: { type: Boolean, reflect: true },
  };

  static override styles = [
    base,
    css`
      .courses {
        padding-inline-start: 1.25em;
      }
      .chart {
        display: block;
        width: 100%;
        max-width: 32rem;
        margin-bottom: var(--_space);
      }
      .chart .track {
        fill: var(--_surface);
        stroke: var(--_border);
      }
      .chart .bar {
        fill: var(--_primary);
      }
      .chart text {
        fill: var(--_text);
      }
      .mediator {
        border-top: 2px solid var(--_border);
        margin-top: var(--_space);
        padding-top: var(--_space);
      }
      table {
        border-collapse: collapse;
        width: 100%;
        margin-bottom: var(--_space);
      }
      caption {
        text-align: start;
        font-weight: 600;
        margin-bottom: 0.25em;
      }
      th,
      td {
        text-align: start;
        border-bottom: 1px solid var(--_border);
        padding: 0.4em 0.5em 0.4em 0;
        overflow-wrap: anywhere;
      }
      .level {
        font-weight: 600;
      }
      @media print {
        .print {
          display: none;
        }
      }
    `,
  ];

  declare state: SessionState | undefined;
  declare definition: SurveyDefinition | undefined;
  declare lang: string;
  declare mediator: boolean;

  #context = new ContextConsumer(this, { context: surveyContext, subscribe: true });
  #focused = false;

  constructor() {
    super();
    this.lang = 'fr';
    this.mediator = false;
  }

  get #lang(): Lang {
    return this.#context.value?.lang ?? toLang(this.lang);
  }

  #t(key: keyof (typeof messages)['fr'], params?: MessageParams): string {
    return translate(messages, this.#lang, key, params);
  }

  #percent(rate: number): string {
    return new Intl.NumberFormat(this.#lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(rate);
  }

  protected override updated(): void {
    // The end page is a new screen: its heading takes the focus once.
    const heading = this.renderRoot.querySelector<HTMLElement>('#heading');
    if (heading && !this.#focused) {
      this.#focused = true;
      heading.focus();
    }
  }

  override render(): TemplateResult | typeof nothing {
    const state = this.#context.value?.state ?? this.state;
    const definition = this.#context.value?.definition ?? this.definition;
    if (!state || !definition) return nothing;
    const mediator = this.mediator || (this.#context.value?.mediator ?? false);
    const summaries = courseSummaries(definition, state);
    const played = summaries.filter((summary) => summary.status === 'ended');
    return html`
      <section aria-labelledby="heading">
        <h2 id="heading" tabindex="-1" part="heading">${this.#t('title')}</h2>
        ${state.testRun ? html`<p class="hint">${this.#t('testRun')}</p>` : nothing}
        <p>${this.#t('thanks')}</p>
        ${played.length > 0
          ? html`<p>${this.#t('succeededIntro')}</p>
              <ul class="courses" part="courses" id="figures">
                ${played.map((summary) => html`<li>${this.#courseLine(summary)}</li>`)}
              </ul>`
          : nothing}
        ${this.#chart(summaries)}
        <p>${this.#t('encourage')}</p>
        ${mediator ? this.#mediatorSection(definition, state, summaries) : nothing}
        <div class="actions print">
          <button type="button" part="print" @click=${() => window.print()}>${this.#t('print')}</button>
        </div>
      </section>
    `;
  }

  #courseLine(summary: CourseSummary): string {
    const course = summary.title[this.#lang];
    const params = { course, n: summary.succeeded, total: summary.total };
    if (summary.succeeded === 0) return this.#t('courseLineNone', params);
    return this.#t(summary.succeeded === 1 ? 'courseLineOne' : 'courseLineMany', params);
  }

  #chart(summaries: readonly CourseSummary[]): TemplateResult {
    const lang = this.#lang;
    const figures = summaries
      .map((s) => `${s.title[lang]} ${s.status === 'ended' ? this.#percent(s.rate) : this.#t('chartNotPlayed')}`)
      .join(', ');
    const height = summaries.length * CHART.row;
    return html`<svg
      class="chart"
      part="chart"
      role="img"
      aria-labelledby="chart-title"
      viewBox="0 0 ${CHART.width} ${height}"
      width=${CHART.width}
      height=${height}
      focusable="false"
    >
      <title id="chart-title">${this.#t('chartTitle', { figures })}</title>
      ${summaries.map((s, i) => {
        const y = i * CHART.row;
        const played = s.status === 'ended';
        return svg`<text x="0" y=${y + CHART.label} font-size="15">${s.title[lang]}</text>
          <rect class="track" x="0" y=${y + CHART.barY} width=${CHART.barWidth} height=${CHART.barHeight} rx="3"></rect>
          <rect class="bar" x="0" y=${y + CHART.barY} width=${Math.round(s.rate * CHART.barWidth)} height=${CHART.barHeight} rx="3"></rect>
          <text x=${CHART.barWidth + 8} y=${y + CHART.barY + 15} font-size="15">${played ? this.#percent(s.rate) : '–'}</text>`;
      })}
    </svg>`;
  }

  #mediatorSection(definition: SurveyDefinition, state: SessionState, summaries: readonly CourseSummary[]): TemplateResult {
    const lang = this.#lang;
    const step = nextStep(definition, state);
    return html`<section class="mediator" part="mediator" aria-labelledby="mediator-heading">
      <h3 id="mediator-heading">${this.#t('mediatorTitle')}</h3>
      <table>
        <caption>${this.#t('tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">${this.#t('colCourse')}</th>
            <th scope="col">${this.#t('colSuccess')}</th>
            <th scope="col">${this.#t('colPassed')}</th>
          </tr>
        </thead>
        <tbody>
          ${summaries.filter((s) => s.status !== COURSE_STATUS.notReached).map((s) => {
            const played = s.status === 'ended';
            return html`<tr>
              <th scope="row">${s.title[lang]}</th>
              <td>${played ? this.#t('successCell', { n: s.succeeded, total: s.total, percent: this.#percent(s.rate) }) : this.#t('notPlayed')}</td>
              <td>${played ? this.#t(s.passed ? 'yes' : 'notYet') : '–'}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${challengesTemplate(definition, state, lang, (key, params) => this.#t(key, params))}
      <p class="level">${this.#t('level', { level: levelReached(definition, state), max: Math.min(3, definition.courses.length) })}</p>
      <p class="hint">${this.#t('levelExplain')}</p>
      <h4>${this.#t('nextTitle')}</h4>
      ${step
        ? html`<p>${this.#t('nextCourse', { course: step.title[lang] })}</p>
            ${step.skills.length > 0
              ? html`<p>${this.#t('nextSkills')}</p>
                  <ul>
                    ${step.skills.map(
                      (skill) =>
                        html`<li>
                          ${skill.competence
                            ? this.#t('skill', { competence: skill.competence, level: skill.level })
                            : this.#t('skillNoCompetence', { area: skill.area, level: skill.level })}
                        </li>`,
                    )}
                  </ul>`
              : nothing}`
        : html`<p>${this.#t('allPassed')}</p>`}
    </section>`;
  }
}
