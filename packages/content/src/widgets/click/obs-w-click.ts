import { html, css, nothing, type TemplateResult } from 'lit';
import { message as translate } from '../shared/messages.js';
import { WidgetElement } from '../shared/widget-element.js';
import { widgetStyles } from '../shared/styles.js';
import { clickSpec, type ClickConfig } from './config.js';
import { clickMessages } from './messages.js';
import { icon } from '../shared/icons.js';

/**
 * Click a named button among others (a manipulation task). A click selects the button and says
 * which one is selected; the person can change their mind, or take the choice back with « Annuler mon
 * choix »; "Je valide" sends the last one: a slip of the finger is never an answer by itself.
 * A widget reports its state and never submits (docs/player.md, "One submission model").
 * A button may carry a picture (`icon`), so the task asks for a shape rather than a word.
 *
 * @example
 * const el = document.createElement('obs-w-click');
 * el.config = { buttons: [{ id: 'annuler', label: { fr: 'Annuler', en: 'Cancel' } }, { id: 'envoyer', label: { fr: 'Envoyer', en: 'Send' } }] };
 * el.addEventListener('obs-widget-answer', (e) => e.detail.answer); // { clicked: 'envoyer' }, complete: false
 *
 * @prop {object} config - `{ buttons: [{ id, label: { fr, en }, icon? }] }` (at least 2; `icon`: `send`, `cancel`, `help`, `back`…).
 * @attr lang - `fr` (default) or `en`.
 * @attr disabled - Read-only once the answer is sent.
 * @fires obs-widget-answer - `{ answer: { clicked: id }, complete: false }` at each click; `{ answer: {}, complete: false }` when the choice is undone.
 */
export class ObsWClick extends WidgetElement<ClickConfig> {
  static override styles = [
    widgetStyles,
    css`
      .row { justify-content: center; padding: var(--_space) 0; }
      button { min-width: 7em; }
      .chosen { text-align: center; margin: 0; min-height: 1.5em; }
      .row:has(.undo) { padding: 0; }
    `,
  ];
  static override properties = { clicked: { state: true } };
  protected readonly spec = clickSpec;
  declare private clicked: string | undefined;

  protected override configChanged(): void {
    this.clicked = undefined;
  }

  /** "Annuler mon choix": no button is chosen any more; focus goes back to the first button. */
  private undo(): void {
    this.clicked = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('[data-id]')?.focus());
  }

  private choose(id: string): void {
    if (this.disabled) return;
    this.clicked = id;
    this.report({ clicked: id }, false);
  }

  /** "Vous avez choisi « Envoyer »." once a button is selected. */
  private chosenText(config: ClickConfig): string {
    const button = config.buttons.find((b) => b.id === this.clicked);
    return button ? translate(clickMessages, this.language, 'chosen', { label: this.t(button.label) }) : '';
  }

  protected renderWidget(config: ClickConfig): TemplateResult {
    return html`<div class="row" role="group" aria-label=${translate(clickMessages, this.language, 'group')}>
      ${config.buttons.map(
        (button) => html`<button
          type="button"
          data-id=${button.id}
          aria-pressed=${this.clicked === button.id ? 'true' : 'false'}
          ?disabled=${this.disabled}
          @click=${() => this.choose(button.id)}
        >
          ${button.icon ? icon(button.icon) : nothing}${this.t(button.label)}
        </button>`,
      )}
    </div>
    <p class="chosen" aria-live="polite">${this.chosenText(config)}</p>
    ${this.clicked ? html`<div class="row">${this.undoButton(() => this.undo())}</div>` : nothing}`;
  }
}
