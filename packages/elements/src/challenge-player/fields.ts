/**
 * The answer fields of each challenge type, as template functions: the player owns the state,
 * these only draw it. Field names are what the player reads back from the form (`choice`,
 * `input-<key>`); a field in error is marked `aria-invalid` and described by `#error`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { ObservatoireError, type Challenge, type Input, type Lang, type LocalizedText } from '@observatoire/core';
import type { ChallengeWidget } from '../widget.js';
import { displayOrder, type Draft, type Refusal } from './answer.js';
import type { PlayerText } from './messages.js';

/** What the form needs from the player. */
export interface FormView {
  lang: Lang;
  /** The answer is sent: the fields are read-only and the buttons gone. */
  disabled: boolean;
  /** Display order of a shuffled QCU/QCM. */
  proposalOrder: readonly number[] | undefined;
  /** Why "Je valide" was last refused; its fields are marked in error. */
  refusal: Refusal | undefined;
  t: PlayerText;
  /** The interactive challenge's widget element, made by the player. */
  widget: HTMLElement | undefined;
  /** Incremented for each challenge shown: the fields are rebuilt, so nothing typed carries over. */
  play: number;
  onSubmit: (event: Event) => void;
  /** "Je passe" without an argument asks; `true` confirms, `false` stays. */
  onSkip: (confirm?: boolean) => void;
  onWidgetAnswer: (event: CustomEvent) => void;
  /** "Je passe" was pressed: the question "skip?" replaces the buttons. */
  confirmingSkip: boolean;
}

/**
 * The answer form: the fields, the refusal message, "Je valide" and "Je passe".
 *
 * @example
 * html`<section>${renderForm(challenge, view)}</section>`;
 */
export function renderForm(challenge: Challenge, view: FormView): TemplateResult {
  return html`<form part="form" novalidate @submit=${view.onSubmit}>
    ${keyed(view.play, renderFields(challenge, view))}
    ${view.refusal ? renderRefusal(refusalText(challenge, view.refusal, view.lang, view.t)) : nothing}
    ${view.disabled ? nothing : renderActions(view)}
  </form>`;
}

/**
 * The refusal, focusable and named by its own text: focus goes to it when no field can take it
 * (a widget), so a screen reader reads the message (docs/player.md, "Focus").
 */
function renderRefusal(text: string): TemplateResult {
  return html`<div class="error" id="error" part="error" role="group" tabindex="-1" aria-labelledby="error-text">
    <p id="error-text">${text}</p>
  </div>`;
}

/** "Je valide" and "Je passe", or the question asked after "Je passe". */
function renderActions(view: FormView): TemplateResult {
  const t = view.t;
  if (view.confirmingSkip)
    return html`<div class="actions confirm" role="group" aria-labelledby="skip-question">
      <p id="skip-question" tabindex="-1">${t('skipQuestion')}</p>
      <button type="button" part="skip" @click=${() => view.onSkip(true)}>${t('skipYes')}</button>
      <button type="button" @click=${() => view.onSkip(false)}>${t('skipNo')}</button>
    </div>`;
  return html`<div class="actions">
    <button type="submit" class="primary" part="validate">${t('validate')}</button>
    <button type="button" id="skip" part="skip" @click=${() => view.onSkip()}>${t('skip')}</button>
  </div>`;
}

/** Whether the last refusal named `field`. */
function inError(view: FormView, field: string): boolean {
  return view.refusal?.fields.includes(field) ?? false;
}

/**
 * The fields of `challenge`. Field names are what `readDraft` reads back.
 */
function renderFields(challenge: Challenge, view: FormView): TemplateResult {
  switch (challenge.type) {
    case 'QCU':
    case 'QCM':
      return renderChoices(challenge.proposals, challenge.type === 'QCM', view);
    case 'QROC':
      return html`<div class="inputs">${renderInput(challenge.inputs[0] as Input, challenge, view)}</div>`;
    case 'QROCM-ind':
    case 'QROCM-dep':
      return html`<fieldset ?disabled=${view.disabled} class="inputs">
        <legend>${view.t('answerLegend')}</legend>
        ${challenge.inputs.map((input) => renderInput(input, challenge, view))}
      </fieldset>`;
    case 'interactive':
      return html`<div
        class="widget"
        part="widget"
        aria-describedby=${inError(view, 'widget') ? 'error' : nothing}
        @obs-widget-answer=${view.onWidgetAnswer}
      >
        ${view.widget ?? nothing}
      </div>`;
  }
}

function renderChoices(proposals: readonly LocalizedText[], multiple: boolean, view: FormView): TemplateResult {
  const invalid = inError(view, 'choices');
  const describedBy = [invalid ? 'error' : '', multiple ? 'qcm-hint' : ''].filter(Boolean).join(' ');
  return html`<fieldset ?disabled=${view.disabled}>
    <legend>${view.t(multiple ? 'chooseSeveral' : 'chooseOne')}</legend>
    ${displayOrder(proposals.length, view.proposalOrder).map(
      (index) => html`<label class="choice">
        <input
          type=${multiple ? 'checkbox' : 'radio'}
          name="choice"
          value=${index}
          aria-invalid=${invalid ? 'true' : nothing}
          aria-describedby=${describedBy || nothing}
        />
        <span>${proposals[index - 1]?.[view.lang]}</span>
      </label>`,
    )}
  </fieldset>`;
}

function renderInput(input: Input, challenge: Challenge, view: FormView): TemplateResult {
  const { lang, disabled } = view;
  const id = `input-${input.key}`;
  const invalid = inError(view, input.key);
  const format = input.format ?? challenge.format ?? 'mots';
  const common = { id, invalid: invalid ? 'true' : nothing, describedBy: invalid ? 'error' : nothing };
  let field: TemplateResult;
  if (input.kind === 'select') {
    field = html`<select id=${id} name=${id} ?disabled=${disabled} aria-invalid=${common.invalid} aria-describedby=${common.describedBy}>
      <option value="">${view.t('selectPlaceholder')}</option>
      ${(input.options ?? []).map((option) => html`<option value=${option.value}>${option.label[lang]}</option>`)}
    </select>`;
  } else if (format === 'paragraphe') {
    field = html`<textarea id=${id} name=${id} rows="5" class="size-paragraphe" ?disabled=${disabled} spellcheck="false"
      aria-invalid=${common.invalid} aria-describedby=${common.describedBy}></textarea>`;
  } else {
    field = html`<input id=${id} name=${id} type="text" class=${`size-${format}`} ?disabled=${disabled}
      inputmode=${format === 'nombre' ? 'decimal' : nothing} autocomplete="off" autocapitalize="off" spellcheck="false"
      aria-invalid=${common.invalid} aria-describedby=${common.describedBy} />`;
  }
  return html`<div class="field"><label for=${id}>${input.label[lang]}</label>${field}</div>`;
}

/**
 * Why the form was refused, in words that say how to fix it.
 *
 * @example
 * refusalText(challenge, { reason: 'qcmNeedsTwo', fields: ['choices'] }, 'fr', t); // 'Vous avez coché une seule case. Cochez au moins deux réponses…'
 */
export function refusalText(challenge: Challenge, refusal: Refusal, lang: Lang, t: PlayerText): string {
  if (refusal.reason === 'qcmNeedsTwo') return t('qcmNeedsTwo');
  if (refusal.reason === 'emptyInputs' && 'inputs' in challenge) {
    const labels = challenge.inputs.filter((input) => refusal.fields.includes(input.key)).map((input) => `« ${input.label[lang]} »`);
    return t('emptyInputs', { fields: labels.join(', ') });
  }
  return t('emptyAnswer');
}

/**
 * The widget element of an interactive challenge, given its configuration; `undefined` when
 * no such element is defined in the page.
 *
 * @example
 * createWidget('obs-w-click', { target: 'send' }, 'fr');
 */
export function createWidget(name: string, config: Readonly<Record<string, unknown>>, lang: Lang): HTMLElement | undefined {
  if (!customElements.get(name)) return undefined;
  const widget = document.createElement(name) as Partial<ChallengeWidget> & HTMLElement;
  widget.config = config;
  widget.lang = lang;
  widget.disabled = false;
  return widget;
}

/**
 * What the person entered in `form` (a missing form reads as empty).
 *
 * @example
 * buildAnswer(challenge, readDraft(root.querySelector('form'), challenge, undefined));
 */
export function readDraft(form: HTMLFormElement | null, challenge: Challenge, widget: Readonly<Record<string, string>> | undefined): Draft {
  const data = form ? new FormData(form) : new FormData();
  const texts: Record<string, string> = {};
  if ('inputs' in challenge) for (const input of challenge.inputs) texts[input.key] = String(data.get(`input-${input.key}`) ?? '');
  return {
    choices: data.getAll('choice').map((value) => Number(value)),
    texts,
    ...(widget && { widget }),
  };
}

/**
 * The host's error when the widget element of an interactive challenge is not defined.
 *
 * @example
 * widgetMissingError(challenge).code; // 'widget_missing'
 */
export function widgetMissingError(challenge: Challenge & { type: 'interactive' }): ObservatoireError {
  return new ObservatoireError('widget_missing', `${challenge.id}: the widget element "${challenge.widget.name}" is not defined`);
}
