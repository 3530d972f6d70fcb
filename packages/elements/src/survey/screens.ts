/**
 * `<obs-survey>`'s screens: which one a phase shows, the two it draws itself (information and
 * consent, load failure) as template functions, their names for the live region, and where
 * focus goes when the screen changes.
 */
import { html, nothing, type LitElement, type TemplateResult } from 'lit';
import { localize, type Lang, type SessionState, type SurveyDefinition } from '@observatoire/core';
import { type MessageParams } from '@observatoire/core/i18n';
import { afterPaint } from '../shared/after-paint.js';
import type { LoadFailure } from './load.js';
import type { SurveyMessageKey } from './messages.js';

export type Screen = 'loading' | 'error' | 'information' | 'questionnaire' | 'courses' | 'results';

type Text = (key: SurveyMessageKey, params?: MessageParams) => string;

/** Which screen shows a phase: `<obs-survey>` switches elements, each element handles its own steps. */
export function screenOf(state: SessionState): Screen {
  switch (state.phase) {
    case 'information':
      return 'information';
    case 'questionnaire':
    case 'review':
      return 'questionnaire';
    // The course chainer opens the challenges with its own introduction.
    case 'validated':
    case 'course':
    case 'endOfCourse':
      return 'courses';
    case 'finished':
      return 'results';
  }
}


/**
 * The screens drawn by the nested elements, each given the survey's language and theme.
 *
 * @example
 * renderNested('results', 'fr', nothing, onCoursesDone);
 */
export function renderNested(
  screen: Screen,
  lang: Lang,
  theme: string | typeof nothing,
  onCoursesDone: () => void,
  referralLinks?: unknown,
): TemplateResult | typeof nothing {
  switch (screen) {
    case 'questionnaire':
      return html`<obs-questionnaire part="questionnaire" lang=${lang} theme=${theme}></obs-questionnaire>`;
    case 'courses':
      return html`<obs-course-chainer part="course-chainer" lang=${lang} theme=${theme} @obs-courses-done=${onCoursesDone}></obs-course-chainer>`;
    case 'results':
      return html`<obs-results-card part="results-card" lang=${lang} theme=${theme} .referralLinks=${referralLinks}></obs-results-card>`;
    default:
      return nothing;
  }
}

/**
 * The load failure, with the integrator's lines (in English, as the errors are).
 *
 * @example
 * renderFailure({ code: 'load_failed', details: ['/survey.json: HTTP 404'] }, t);
 */
export function renderFailure(failure: LoadFailure, t: Text): TemplateResult {
  return html`<div part="error" class="error-box" role="alert">
    <h2 part="heading" tabindex="-1">${t('loadErrorTitle')}</h2>
    <p>${t('loadErrorIntro')}</p>
    <p class="hint">${t('loadErrorDetails')}</p>
    <ul lang="en">
      ${failure.details.map((line) => html`<li>${line}</li>`)}
    </ul>
  </div>`;
}

export interface InformationView {
  lang: Lang;
  t: Text;
  /** Who keeps the data, whom to ask to erase it, for how long: the `<obs-survey>` attributes. */
  keeper: DataKeeper;
  consent: boolean;
  /** "Commencer" was pressed without consent. */
  consentError: boolean;
  onConsent: (event: Event) => void;
  onStart: () => void;
}

/**
 * The information screen: the definition's texts, the consent box and "Commencer".
 *
 * @example
 * renderInformation(definition, { lang: 'fr', t, consent: false, consentError: false, onConsent, onStart });
 */
export function renderInformation(definition: SurveyDefinition, view: InformationView): TemplateResult {
  const { lang, t } = view;
  const { information } = definition;
  const invalid = view.consentError && !view.consent;
  return html`<h2 part="heading" tabindex="-1">${localize(information.title, lang)}</h2>
    ${information.body.map((paragraph) => html`<p>${localize(paragraph, lang)}</p>`)}
    ${renderYourData(view.keeper, t)}
    <div class="consent">
      ${invalid ? html`<p id="consent-error" class="error">${t('consentMissing')}</p>` : nothing}
      <label part="consent" class="choice">
        <input
          type="checkbox"
          .checked=${view.consent}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'consent-error' : nothing}
          @change=${view.onConsent}
        />
        <span>${localize(information.consent, lang)}</span>
      </label>
    </div>
    <div class="actions">
      <button part="start-button" class="primary" type="button" @click=${view.onStart}>${t('start')}</button>
    </div>`;
}

/** Read from `<obs-survey>`'s `organisation-name`, `contact` and `retention-months` attributes. */
export interface DataKeeper {
  organisationName?: string | undefined;
  contact?: string | undefined;
  retentionMonths?: number | undefined;
}

/**
 * "Vos données": what is kept, why it can identify someone, who keeps it, for what, how long, and
 * whom to ask to erase it (docs/elements.md, "Vos données"). Said by the element, whatever the content says.
 *
 * @example
 * renderYourData({ organisationName: 'Médiathèque de Vitré', contact: 'accueil@example.fr', retentionMonths: 24 }, t);
 */
export function renderYourData(keeper: DataKeeper, t: Text): TemplateResult {
  const months = keeper.retentionMonths;
  const known = months !== undefined && Number.isInteger(months) && months > 0;
  return html`<section part="your-data" aria-labelledby="your-data-heading">
    <h3 id="your-data-heading">${t('dataHeading')}</h3>
    <p>${t('dataKept')} ${t('dataIdentify')}</p>
    <p>
      ${keeper.organisationName ? t('dataKeeper', { organisation: keeper.organisationName }) : t('dataKeeperUnnamed')} ${t('dataPurpose')}
      ${known ? t('dataDuration', { months }) : t('dataDurationUnknown')}
    </p>
    <p>${keeper.contact ? t('dataErase', { contact: keeper.contact }) : t('dataEraseMediator')}</p>
  </section>`;
}

/**
 * The new screen's name, said by the live region.
 *
 * @example
 * screenName(state, definition, t); // 'Questionnaire'
 */
export function screenName(state: SessionState, definition: SurveyDefinition, t: Text): string {
  switch (screenOf(state)) {
    case 'information':
      return t('screenInformation');
    case 'questionnaire':
      return t('screenQuestionnaire');
    case 'results':
      return state.channel === 'paper' ? t('paperDoneTitle') : t('screenResults');
    default:
      return t('screenCourses', { count: definition.courses.length });
  }
}

/**
 * `focusScreen` once the new screen is painted, as the questionnaire does: focusing first would
 * compute style and layout before the paint. Resolves once the survey's own heading has the focus,
 * without waiting for a nested element still on its way.
 *
 * @example
 * this.focused = focusAfterPaint(this.renderRoot);
 */
export function focusAfterPaint(root: ParentNode): Promise<void> {
  return afterPaint().then(() => void focusScreen(root));
}

/**
 * Focus the new screen's heading: the survey's own, or the one of the nested element once it
 * has rendered (unless it placed focus itself).
 *
 * @example
 * await focusScreen(this.renderRoot);
 */
export async function focusScreen(root: ParentNode): Promise<void> {
  const own = root.querySelector<HTMLElement>('.screen > h2[tabindex="-1"]');
  if (own) {
    own.focus();
    return;
  }
  const nested = root.querySelector<HTMLElement>('.screen > *');
  if (!nested) return;
  // The element may come from a file still on its way (docs/loading.md): it is focused once defined.
  if (nested.localName.includes('-')) await customElements.whenDefined(nested.localName);
  await (nested as Partial<LitElement>).updateComplete;
  if (nested.matches(':focus-within')) return;
  nested.shadowRoot?.querySelector<HTMLElement>('[tabindex="-1"], h1, h2')?.focus();
}
