/**
 * What every widget shares: the contract's properties (`config`, `lang`, `disabled`), its
 * configuration checked once per change, the language, and the report to the player.
 * A widget only says what the person did; the core decides whether it was right.
 */
import { LitElement, html, type CSSResultGroup, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ContentError, type Lang, type LocalizedText } from '@observatoire/core';
import { WIDGET_ANSWER_EVENT, type WidgetAnswerDetail, type WidgetProperties } from '@observatoire/core/widget';
import { parseWidgetConfig, type WidgetSpec } from './config.js';
import { message, sharedMessages } from './messages.js';
import { widgetStyles } from './styles.js';
import { icon } from './icons.js';

export abstract class WidgetElement<Config> extends LitElement implements WidgetProperties {
  static override properties: PropertyDeclarations = {
    config: { attribute: false },
    lang: {},
    disabled: { type: Boolean, reflect: true },
  };
  static override styles: CSSResultGroup = widgetStyles;
  /** The player focuses the widget when "Je valide" finds no answer: focus goes to its first control. */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  declare config: Readonly<Record<string, unknown>>;
  declare lang: Lang;
  declare disabled: boolean;

  /** The configuration, once checked; `undefined` when it is broken. */
  protected settings: Config | undefined;
  /** Why the configuration was refused (also logged, for the content author). */
  protected configError: ContentError | undefined;

  protected abstract readonly spec: WidgetSpec<Config>;
  protected abstract renderWidget(config: Config): TemplateResult;

  constructor() {
    super();
    this.config = {};
    this.disabled = false;
  }

  protected get language(): Lang {
    return this.lang === 'en' ? 'en' : 'fr';
  }

  /** The text of a `{ fr, en }` in the widget's language. */
  protected t(text: LocalizedText): string {
    return text[this.language];
  }

  /**
   * Tell the player what the person did. Nothing is reported once the answer is sent.
   * The contract's event (`WIDGET_ANSWER_EVENT`, from the core): the widgets never load the elements.
   */
  protected report(answer: Record<string, string>, complete: boolean): void {
    if (this.disabled) return;
    const detail: WidgetAnswerDetail = { answer: { ...answer }, complete };
    this.dispatchEvent(new CustomEvent(WIDGET_ANSWER_EVENT, { detail, bubbles: true, composed: true }));
  }

  /**
   * "Annuler mon choix": the person takes back what they chose, before "Je valide" (docs/content.md,
   * "Course 1"). The widget reports nothing chosen (`{}`), which "Je valide" refuses as no answer.
   */
  protected undoButton(onUndo: () => void): TemplateResult {
    return html`<button type="button" class="undo" ?disabled=${this.disabled} @click=${() => {
      if (this.disabled) return;
      onUndo();
      this.report({}, false);
    }}>${icon('undo')}${message(sharedMessages, this.language, 'undo')}</button>`;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('config')) {
      try {
        this.settings = parseWidgetConfig(this.spec, this.config);
        this.configError = undefined;
        this.configChanged(this.settings);
      } catch (error) {
        if (!(error instanceof ContentError)) throw error;
        this.settings = undefined;
        this.configError = error;
        console.error(error);
      }
    }
  }

  /** Reset the widget's own state for a new configuration. */
  protected configChanged(_config: Config): void {}

  override render(): TemplateResult {
    if (!this.settings) return html`<p class="error" role="alert">${message(sharedMessages, this.language, 'brokenConfig')}</p>`;
    return this.renderWidget(this.settings);
  }
}
