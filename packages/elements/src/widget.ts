/**
 * The elements' side of the widget contract (`WidgetProperties`, `WidgetAnswerDetail` and
 * `WIDGET_ANSWER_EVENT` live in the core, below the elements and the widgets): a widget is any
 * custom element with the contract's properties; it reports what the person did with one event.
 *
 * @example
 * class ClickTask extends LitElement implements ChallengeWidget {
 *   static properties = { config: { attribute: false }, lang: {}, disabled: { type: Boolean } };
 *   declare config: Record<string, unknown>; declare lang: 'fr' | 'en'; declare disabled: boolean;
 *   pick(id: string) { reportWidgetAnswer(this, { clicked: id }, true); }
 * }
 * customElements.define('obs-widget-click', ClickTask);
 */
import { WIDGET_ANSWER_EVENT, type WidgetAnswerDetail, type WidgetProperties } from '@observatoire/core/widget';

/** A widget element, as the player sees it. */
export type ChallengeWidget = Omit<HTMLElement, keyof WidgetProperties> & WidgetProperties;

/**
 * Dispatch the widget's report.
 *
 * @example
 * reportWidgetAnswer(this, { clicked: 'send' }, true);
 */
export function reportWidgetAnswer(widget: HTMLElement, answer: Record<string, string>, complete: boolean): void {
  widget.dispatchEvent(
    new CustomEvent<WidgetAnswerDetail>(WIDGET_ANSWER_EVENT, { detail: { answer, complete }, bubbles: true, composed: true }),
  );
}

declare global {
  interface HTMLElementEventMap {
    'obs-widget-answer': CustomEvent<WidgetAnswerDetail>;
  }
}
