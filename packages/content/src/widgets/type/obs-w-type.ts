import { html, type TemplateResult } from 'lit';
import { WidgetElement } from '../shared/widget-element.js';
import { typeSpec, type TypeConfig } from './config.js';

/**
 * Type a given word in a field (a manipulation task). The player sends it on "Je valide".
 *
 * @example
 * const el = document.createElement('obs-w-type');
 * el.config = { label: { fr: 'Votre texte', en: 'Your text' } };
 *
 * @prop {object} config - `{ label: { fr, en } }`.
 * @attr lang - `fr` (default) or `en`.
 * @attr disabled - Read-only once the answer is sent.
 * @fires obs-widget-answer - `{ answer: { typed: text }, complete: false }` at each keystroke.
 */
export class ObsWType extends WidgetElement<TypeConfig> {
  protected readonly spec = typeSpec;

  private onInput(event: Event): void {
    this.report({ typed: (event.target as HTMLInputElement).value }, false);
  }

  protected renderWidget(config: TypeConfig): TemplateResult {
    return html`<div class="field">
      <label for="typed">${this.t(config.label)}</label>
      <input
        id="typed"
        type="text"
        autocomplete="off"
        autocapitalize="none"
        spellcheck="false"
        ?disabled=${this.disabled}
        @input=${this.onInput}
      />
    </div>`;
  }
}
