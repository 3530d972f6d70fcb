/**
 * "La personne ne passe pas le questionnaire" (docs/elements.md, "Refusals"): on the information
 * screen, the mediator records that the person offered the survey refused or could not take the
 * test, with a reason and nothing personal; the refusal goes through the outbox (it works offline),
 * then the screen is ready for the next person.
 */
import { REFUSAL_REASONS, type RefusalReason } from '@observatoire/core/api';
import { translate, type Catalogue } from '@observatoire/core/i18n';
import type { Lang } from '@observatoire/core';
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

type Keys =
  | 'offer' | 'legend' | 'record' | 'cancel' | 'missing' | 'failed' | 'recordedTitle' | 'recordedBody' | 'next'
  | `reason_${RefusalReason}`;

const messages = {
  fr: {
    offer: 'La personne ne passe pas le questionnaire',
    legend: 'Pourquoi la personne ne passe-t-elle pas le questionnaire\u00a0?',
    reason_declined: 'Elle ne souhaite pas le faire',
    reason_no_time: 'Elle n’a pas le temps aujourd’hui',
    reason_language: 'Elle ne lit pas assez bien le français',
    reason_health_disability: 'Sa santé ou un handicap l’en empêche',
    reason_reading: 'Lire ou écrire lui est trop difficile',
    reason_other: 'Une autre raison',
    record: 'Enregistrer',
    cancel: 'Annuler',
    missing: 'Choisissez une raison.',
    failed: 'Ce refus n’a pas pu être gardé sur cet appareil.',
    recordedTitle: 'C’est noté',
    recordedBody: 'Rien sur la personne n’est gardé, seulement la raison et la date.',
    next: 'Personne suivante',
  },
  en: {
    offer: 'The person is not taking the questionnaire',
    legend: 'Why is the person not taking the questionnaire?',
    reason_declined: 'They do not wish to',
    reason_no_time: 'They have no time today',
    reason_language: 'They do not read French well enough',
    reason_health_disability: 'Their health or a disability prevents it',
    reason_reading: 'Reading or writing is too hard for them',
    reason_other: 'Another reason',
    record: 'Record',
    cancel: 'Cancel',
    missing: 'Choose a reason.',
    failed: 'This refusal could not be kept on this device.',
    recordedTitle: 'Recorded',
    recordedBody: 'Nothing about the person is kept, only the reason and the date.',
    next: 'Next person',
  },
} satisfies Catalogue<Keys>;

/** What the controller asks of `<obs-survey>`. */
export interface RefusalHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
}

export interface RefusalOptions {
  lang: () => Lang;
  /** Queue the refusal (`recordRefusal` of the recorder, with the survey's ids); rejects when it could not be kept. */
  record: (reason: RefusalReason) => Promise<void>;
  /** The refusal is recorded and the mediator asked for the next person: the survey starts afresh. */
  onNext: () => void;
}

/**
 * The offer, the reasons and the "recorded" screen, with their small state (closed, choosing,
 * recorded). `<obs-survey>` shows `offer()` under the information screen and `recorded()` instead of it.
 *
 * @example
 * #refusal = new RefusalController(this, { lang: () => this.#lang, record: (reason) => …, onNext: () => this.#restart() });
 */
export class RefusalController implements ReactiveController {
  step: 'closed' | 'choosing' | 'recorded' = 'closed';
  #reason: RefusalReason | undefined;
  #error: 'missing' | 'failed' | undefined;

  constructor(
    private readonly host: RefusalHost,
    private readonly options: RefusalOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Back to the offer, closed (a new definition, a new person). */
  reset(): void {
    [this.step, this.#reason, this.#error] = ['closed', undefined, undefined];
  }

  #t = (key: Keys): string => translate(messages, this.options.lang(), key);

  #go(step: RefusalController['step'], focus: string): void {
    this.step = step;
    this.#error = undefined;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(focus)?.focus());
  }

  async #record(): Promise<void> {
    if (!this.#reason) {
      this.#error = 'missing';
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLInputElement>('input[name="refusal-reason"]')?.focus();
      return;
    }
    try {
      await this.options.record(this.#reason);
    } catch {
      this.#error = 'failed';
      this.host.requestUpdate();
      return;
    }
    this.#go('recorded', '.screen > h2');
  }

  /** The discreet action under the information screen, or the reasons once opened. */
  offer(): TemplateResult {
    if (this.step !== 'choosing')
      return html`<p class="refusal"><button part="refusal-button" class="link" type="button" @click=${() => this.#go('choosing', 'fieldset legend + label input')}>${this.#t('offer')}</button></p>`;
    const error = this.#error;
    return html`<fieldset part="refusal" class="refusal" aria-describedby=${error ? 'refusal-error' : nothing}>
        <legend>${this.#t('legend')}</legend>
        ${REFUSAL_REASONS.map(
          (reason) => html`<label class="choice"
            ><input
              type="radio"
              name="refusal-reason"
              .checked=${this.#reason === reason}
              @change=${() => ((this.#reason = reason), (this.#error = undefined), this.host.requestUpdate())}
            /><span>${this.#t(`reason_${reason}`)}</span></label
          >`,
        )}
        ${error ? html`<p id="refusal-error" class="error" role="alert">${this.#t(error)}</p>` : nothing}
      </fieldset>
      <div class="actions">
        <button type="button" @click=${() => void this.#record()}>${this.#t('record')}</button>
        <button type="button" class="link" @click=${() => ((this.#reason = undefined), this.#go('closed', 'button[part="refusal-button"]'))}>${this.#t('cancel')}</button>
      </div>`;
  }

  /** Shown instead of the information screen once the refusal is queued. */
  recorded(): TemplateResult {
    return html`<h2 part="heading" tabindex="-1">${this.#t('recordedTitle')}</h2>
      <p>${this.#t('recordedBody')}</p>
      <div class="actions">
        <button part="next-button" class="primary" type="button" @click=${() => (this.reset(), this.options.onNext())}>${this.#t('next')}</button>
      </div>`;
  }
}
