/**
 * The contract between `<obs-challenge-player>` and the widget of an interactive challenge
 * (a manipulation task or a simulated page), held below both so the widgets do not depend on
 * the elements. A widget is any custom element; the player creates it by the name given in the
 * challenge (`widget.name`), sets the properties below, and listens for one event. The widget
 * never decides success: it reports what the person did, and the core checks that report
 * against the challenge's solution (so the collector can check it again).
 *
 * Types and the event name only: the core has no DOM.
 *
 * @example
 * class ClickTask extends LitElement implements WidgetProperties {
 *   declare config: Record<string, unknown>; declare lang: 'fr' | 'en'; declare disabled: boolean;
 *   pick(id: string) {
 *     const detail: WidgetAnswerDetail = { answer: { clicked: id }, complete: false };
 *     this.dispatchEvent(new CustomEvent(WIDGET_ANSWER_EVENT, { detail, bubbles: true, composed: true }));
 *   }
 * }
 */
import type { Lang } from './content/types.js';

/** What the player sets on a widget element. */
export interface WidgetProperties {
  /** `challenge.widget.config`, as written in the content. */
  config: Readonly<Record<string, unknown>>;
  /** Language of the texts to show. */
  lang: Lang;
  /** Set once the answer has been sent: the widget becomes read-only. */
  disabled: boolean;
}

/** The detail of the widget's one event. */
export interface WidgetAnswerDetail {
  /** What the person did, by key: checked by the core against `challenge.solution`. */
  answer: Readonly<Record<string, string>>;
  /**
   * `true` when the task is over by itself (the button was clicked, the file dropped). The
   * player never sends on it: a widget reports its current state and only "Je valide" sends
   * the last report (docs/player.md, "One submission model"). The shipped widgets send `false`.
   */
  complete: boolean;
}

/** Name of the event a widget dispatches (bubbling, composed). */
export const WIDGET_ANSWER_EVENT = 'obs-widget-answer';
