/**
 * `<obs-survey channel="paper">`: a mediator types in a paper questionnaire (docs/elements.md,
 * "Paper forms"). Its first screen asks the date written on the form and the person's consent given
 * on paper; the session then starts with `channel: 'paper'` and that date, the questionnaire shows
 * every question on one page, and its validation ends the session (no course). Loaded only by a
 * page that asks for it, so the first screen of every other page does not carry it (docs/loading.md).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '@observatoire/core';
import { translate } from '@observatoire/core/i18n';
import { messages, type PaperMessageKey } from './messages.js';

const text = (lang: Lang) => (key: PaperMessageKey): string => translate(messages, lang, key);

export interface PaperEntryView {
  lang: Lang;
  consent: boolean;
  /** "Saisir les réponses" was pressed without consent. */
  consentError: boolean;
  /** The date was refused (not a date, or not a possible one). */
  dateError: boolean;
  onConsent: (event: Event) => void;
  onStart: () => void;
}

/**
 * The date as typed by the mediator, `20/11/2025` (or `2025-11-20`), written `YYYY-MM-DD` for the
 * session; `undefined` when it is not written as a date. Whether it is a possible date is the core's
 * rule (`paperDateProblem`), applied by the session's `start`.
 *
 * @example
 * paperDateOf('20/11/2025'); // '2025-11-20'
 */
export function paperDateOf(typed: string): string | undefined {
  const text = typed.trim();
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (french) return `${french[3]}-${french[2]!.padStart(2, '0')}-${french[1]!.padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined;
}

/**
 * The paper form's first screen: its date, the consent given on paper, "Saisir les réponses".
 *
 * @example
 * renderPaperEntry({ lang: 'fr', consent, consentError, dateError, onConsent, onStart });
 */
export function renderPaperEntry(view: PaperEntryView): TemplateResult {
  const t = text(view.lang);
  const consentInvalid = view.consentError && !view.consent;
  return html`<h2 part="heading" tabindex="-1">${t('paperTitle')}</h2>
    <p>${t('paperIntro')}</p>
    <div class="field">
      <label for="paper-date">${t('paperDate')}</label>
      <p class="hint" id="paper-date-hint">${t('paperDateHint')}</p>
      ${view.dateError ? html`<p class="error" id="paper-date-error">${t('paperDateError')}</p>` : nothing}
      <input
        id="paper-date"
        type="text"
        inputmode="numeric"
        autocomplete="off"
        aria-invalid=${view.dateError ? 'true' : 'false'}
        aria-describedby=${view.dateError ? 'paper-date-hint paper-date-error' : 'paper-date-hint'}
        @keydown=${(event: KeyboardEvent) => event.key === 'Enter' && view.onStart()}
      />
    </div>
    <div class="consent">
      ${consentInvalid ? html`<p id="consent-error" class="error">${t('paperConsentMissing')}</p>` : nothing}
      <label part="consent" class="choice">
        <input
          type="checkbox"
          .checked=${view.consent}
          aria-invalid=${consentInvalid ? 'true' : 'false'}
          aria-describedby=${consentInvalid ? 'consent-error' : nothing}
          @change=${view.onConsent}
        />
        <span>${t('paperConsent')}</span>
      </label>
    </div>
    <div class="actions">
      <button part="start-button" class="primary" type="button" @click=${view.onStart}>${t('paperStart')}</button>
    </div>`;
}

/**
 * After a paper form's validation: saved (`title`, the screen's name the survey also announces), and
 * a button for the next form.
 *
 * @example
 * renderPaperDone('fr', 'Questionnaire papier enregistré', () => this.#load(this.definition));
 */
export function renderPaperDone(lang: Lang, title: string, another: () => void): TemplateResult {
  const t = text(lang);
  return html`<h2 part="heading" tabindex="-1">${title}</h2>
    <p>${t('paperDoneIntro')}</p>
    <div class="actions">
      <button class="primary" type="button" @click=${another}>${t('paperAnother')}</button>
    </div>`;
}
