import { html, css, type TemplateResult } from 'lit';
import { message as translate } from '../shared/messages.js';
import { WidgetElement } from '../shared/widget-element.js';
import { widgetStyles } from '../shared/styles.js';
import { formSpec, type FormConfig } from './config.js';
import { formMessages } from './messages.js';

/**
 * A simulated administrative form: labelled fields (with the expected format as a hint)
 * and the form's own submit button, which ends the task. Nothing is checked here: the core
 * compares the reported values with the challenge's solution.
 *
 * @example
 * const el = document.createElement('obs-w-form');
 * el.config = { title: { fr: 'Demande', en: 'Application' }, submit: { fr: 'Envoyer', en: 'Send' },
 *   fields: [{ key: 'naissance', label: { fr: 'Date de naissance', en: 'Date of birth' }, hint: { fr: 'JJ/MM/AAAA', en: 'DD/MM/YYYY' } }] };
 *
 * @prop {object} config - `{ title, fields: [{ key, label, hint? }], submit }`, texts as `{ fr, en }`.
 * @attr lang - `fr` (default) or `en`.
 * @attr disabled - Read-only once the answer is sent.
 * @fires obs-widget-answer - `{ answer: { [key]: value }, complete: false }` while typing and on the form's own button: only "Je valide" sends.
 */
export class ObsWForm extends WidgetElement<FormConfig> {
  static override styles = [
    widgetStyles,
    css`
      form { max-width: 32em; }
      button[type='submit'] {
        background: var(--_primary);
        border-color: var(--_primary);
        color: var(--_primary-text);
        font-weight: 600;
      }
      button[type='submit']:hover:not(:disabled) { background: var(--_primary); text-decoration: underline; }
    `,
  ];
  static override properties = { values: { state: true }, sent: { state: true } };
  protected readonly spec = formSpec;
  declare private values: Record<string, string>;
  declare private sent: boolean;

  protected override configChanged(config: FormConfig): void {
    this.values = Object.fromEntries(config.fields.map((f) => [f.key, '']));
    this.sent = false;
  }

  private onInput(key: string, event: Event): void {
    this.values = { ...this.values, [key]: (event.target as HTMLInputElement).value };
    this.report(this.values, false);
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.disabled) return;
    this.sent = true;
    this.report(this.values, false);
  }

  protected renderWidget(config: FormConfig): TemplateResult {
    return html`<section class="frame" aria-labelledby="caption">
      <p class="caption" id="caption">${translate(formMessages, this.language, 'caption')}</p>
      <form class="inside" novalidate @submit=${this.onSubmit}>
        <h3>${this.t(config.title)}</h3>
        ${config.fields.map(
          (field) => html`<div class="field">
            <label for=${`f-${field.key}`}>${this.t(field.label)}</label>
            ${field.hint ? html`<span class="hint" id=${`h-${field.key}`}>${this.t(field.hint)}</span>` : ''}
            <input
              id=${`f-${field.key}`}
              name=${field.key}
              type="text"
              autocomplete="off"
              aria-describedby=${field.hint ? `h-${field.key}` : ''}
              ?disabled=${this.disabled}
              @input=${(e: Event) => this.onInput(field.key, e)}
            />
          </div>`,
        )}
        <button type="submit" ?disabled=${this.disabled}>${this.t(config.submit)}</button>
        <p class="status" role="status">${this.sent ? translate(formMessages, this.language, 'sent') : ''}</p>
      </form>
    </section>`;
  }
}
