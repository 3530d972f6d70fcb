import { html, nothing, type TemplateResult } from 'lit';
import { icon } from '../shared/icons.js';
import { WidgetElement } from '../shared/widget-element.js';
import { typeSpec, type TypeConfig } from './config.js';

/**
 * Type a given word in a field (a manipulation task). The player sends it on "Je valide"; what was
 * typed is taken back the way every field is, by deleting it.
 *
 * @example
 * const el = document.createElement('obs-w-type');
 * el.config = { label: { fr: 'Votre texte', en: 'Your text' } };
 *
 * @prop {object} config - `{ label: { fr, en }, icon? }` (`icon`: a picture before the label, such as `keyboard`).
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
      <label for="typed">${config.icon ? icon(config.icon) : nothing}${this.t(config.label)}</label>
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
