/**
 * The contract between `<obs-challenge-player>` and the widget of an interactive challenge
 * (a manipulation task or a simulated page). A widget is any custom element; the player
 * creates it by the name given in the challenge (`widget.name`), sets its properties, and
 * listens for one event. The widget never decides success: it reports what the person did,
 * and the core checks that report against the challenge's solution (so the collector can
 * check it again).
 *
 * @example
 * class ClickTask extends LitElement implements ChallengeWidget {
 *   static properties = { config: { attribute: false }, lang: {}, disabled: { type: Boolean } };
 *   declare config: Record<string, unknown>; declare lang: 'fr' | 'en'; declare disabled: boolean;
 *   pick(id: string) { reportWidgetAnswer(this, { clicked: id }, true); }
 * }
 * customElements.define('obs-widget-click', ClickTask);
 */
import type { Lang } from '@observatoire/core';

export interface ChallengeWidget extends HTMLElement {
  /** `challenge.widget.config`, as written in the content. */
  config: Readonly<Record<string, unknown>>;
  /** Language of the texts to show. */
  lang: Lang;
  /** Set once the answer has been sent: the widget becomes read-only. */
  disabled: boolean;
}

export interface WidgetAnswerDetail {
  /** What the person did, by key: checked by the core against `challenge.solution`. */
  answer: Readonly<Record<string, string>>;
  /**
   * `true` when the task is over by itself (the button was clicked, the file dropped):
   * the player sends the answer at once. `false`: the player keeps it until "Je valide".
   */
  complete: boolean;
}

/** Name of the event a widget dispatches (bubbling, composed). */
export const WIDGET_ANSWER_EVENT = 'obs-widget-answer';

/** Dispatch the widget's report. */
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
