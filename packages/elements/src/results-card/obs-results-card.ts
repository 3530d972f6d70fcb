import { ContextConsumer } from '@lit/context';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import type { Lang, SessionState, SurveyDefinition } from '@observatoire/core';
import { surveyContext } from '../context.js';
import { toLang, translate, type MessageParams } from '@observatoire/core/i18n';
import { base } from '../shared/styles.js';
import { messages } from './messages.js';
import { chartTemplate } from './chart.js';
import { mediatorTemplate } from './mediator.js';
import { participantCapacities, sessionCapacities } from './capacities.js';
import { courseSummaries, type CourseSummary } from '../shared/course-summary.js';
import '../referral-sheet/obs-referral-sheet.define.js';

export { courseSummaries, levelReached, nextStep, type CourseSummary, type NextStep } from '../shared/course-summary.js';

/**
 * The end page of the survey (docs/player.md, "<obs-results-card>"). For the participant: plain,
 * encouraging words and what they succeeded at, course by course, never a "0": a small bar chart
 * shows only the courses with a success, and the same figures are written out beside it. For the
 * mediator (`mediator`): per started course its success, whether it is passed and the advice given at
 * its end; each challenge's outcome (a skipped one as skipped, and by whom); the test time; the level
 * reached on the staircase; and what to work on next, its competences named in words. Below, the
 * referral sheet to print and take home (docs/player.md, "<obs-referral-sheet>").
 *
 * @example
 * const card = document.createElement('obs-results-card');
 * card.definition = session.definition;
 * card.state = session.state;
 * card.mediator = true;
 * document.body.append(card);
 *
 * @attr lang - `fr` (default) or `en` (the survey context wins when present).
 * @attr mediator - Adds the mediator's section (rates, advice given, challenge outcomes, test time, staircase level, next step).
 * @prop {SessionState | undefined} state - The session state (from `session.state`) when not inside `<obs-survey>`.
 * @prop {SurveyDefinition | undefined} definition - The survey definition when not inside `<obs-survey>`.
 * @prop {string | undefined} followUpCode - The session's follow-up code (docs/follow-up.md), shown in the mediator's section; inside `<obs-survey>`, the survey's session's (read it here for the referral sheet).
 * @csspart heading - The title.
 * @csspart courses - The participant's list of courses.
 * @csspart chart - The SVG bar chart.
 * @csspart mediator - The mediator's section.
 * @csspart follow-up-code - The mediator's line giving the follow-up code.
 * @csspart courses-table - The mediator's table of the started courses.
 * @csspart challenges - The mediator's table of challenge outcomes.
 * @csspart skills - The mediator's list of competences to work on.
 * @csspart capacities - The participant's result per capacity (a definition with capacities, such as the quick diagnostic).
 * @csspart capacities-table - The mediator's result per capacity, in place of the staircase level and next course.
 * @prop {unknown} referralLinks - The structure's next steps for the referral sheet (`<obs-referral-sheet>`'s `links`).
 * @attr follow-up-code - A pseudonymous follow-up code, printed on the referral sheet.
 * @csspart referral-sheet - The referral sheet (`<obs-referral-sheet>`), below the results.
 * @csspart print - Its "Imprimer la fiche" button: the sheet prints alone, not the page.
 * @cssprop --obs-color-primary - Colour of the bars.
 * @cssprop --obs-color-surface - Track behind the bars.
 * @cssprop --obs-color-text - Text of the chart.
 */
export class ObsResultsCard extends LitElement {
  static override properties = {
    state: { attribute: false },
    definition: { attribute: false },
    followUpCode: { attribute: false, noAccessor: true },
    lang: { reflect: true },
    mediator: { type: Boolean, reflect: true },
    referralLinks: { attribute: false },
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
    `,
  ];

  declare state: SessionState | undefined;
  declare definition: SurveyDefinition | undefined;
  declare lang: string;
  declare mediator: boolean;
  declare referralLinks: unknown;

  #context = new ContextConsumer(this, { context: surveyContext, subscribe: true });
  #focused = false;
  #followUpCode: string | undefined;

  /** The follow-up code given, else the one of the survey's session. */
  get followUpCode(): string | undefined {
    return this.#followUpCode ?? this.#context.value?.links.followUpCode;
  }

  set followUpCode(code: string | undefined) {
    const old = this.followUpCode;
    this.#followUpCode = code;
    this.requestUpdate('followUpCode', old);
  }

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
    const lang = this.#lang;
    const percent = (rate: number) => this.#percent(rate);
    const t = (key: keyof (typeof messages)['fr'], params?: MessageParams) => this.#t(key, params);
    // A definition with capacities (a quick diagnostic) reads per capacity, in words (docs/player.md).
    const capacities = definition.capacities ? sessionCapacities(definition, state) : undefined;
    return html`
      <section aria-labelledby="heading">
        <h2 id="heading" tabindex="-1" part="heading">${this.#t('title')}</h2>
        ${state.testRun ? html`<p class="hint">${this.#t('testRun')}</p>` : nothing}
        <p>${this.#t('thanks')}</p>
        ${capacities
          ? participantCapacities(capacities, lang, t)
          : played.length > 0
          ? html`<p>${this.#t('succeededIntro')}</p>
              <ul class="courses" part="courses" id="figures">
                ${played.map((summary) => html`<li>${this.#courseLine(summary)}</li>`)}
              </ul>`
          : nothing}
        ${capacities ? nothing : chartTemplate(summaries, lang, percent, (figures) => this.#t('chartTitle', { figures }))}
        <p>${this.#t('encourage')}</p>
        ${mediator ? mediatorTemplate(definition, state, { lang, t, percent, followUpCode: this.followUpCode, capacities }) : nothing}
        <obs-referral-sheet
          part="referral-sheet"
          exportparts="print"
          lang=${lang}
          .state=${state}
          .definition=${definition}
          .links=${this.referralLinks}
          follow-up-code=${this.followUpCode ?? nothing}
        ></obs-referral-sheet>
      </section>
    `;
  }

  #courseLine(summary: CourseSummary): string {
    const course = summary.title[this.#lang];
    const params = { course, n: summary.succeeded, total: summary.total };
    if (summary.succeeded === 0) return this.#t('courseLineNone', params);
    return this.#t(summary.succeeded === 1 ? 'courseLineOne' : 'courseLineMany', params);
  }
}
