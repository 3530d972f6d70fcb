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
import type { Challenge, Lang } from './content/types.js';

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

/**
 * How a person did a task that can be done in several ways (docs/content.md, "How the task was done"):
 * `drag` with a mouse, a pen or a finger; `keyboard` through the widget's keyboard alternative;
 * `tap` by choosing the picture then its place with two clicks or taps (for people who cannot drag).
 * A drag done by keyboard or by taps is not a drag: the analysis reads each apart.
 */
export const ANSWER_MODES = ['drag', 'keyboard', 'tap'] as const;
export type AnswerMode = (typeof ANSWER_MODES)[number];

/** The key under which a widget reports its mode, beside what the person did. */
export const MODE_KEY = 'mode';

/** Widgets whose report carries a `mode`; the collector exports it as `mode_<challengeId>`. */
export const MODE_WIDGETS: readonly string[] = ['obs-w-drag'];

/**
 * Is this value one of the modes?
 *
 * @example
 * isAnswerMode('drag'); // true
 * isAnswerMode('click'); // false
 */
export function isAnswerMode(value: unknown): value is AnswerMode {
  return typeof value === 'string' && (ANSWER_MODES as readonly string[]).includes(value);
}

/**
 * Does this challenge's answer say how the task was done? (Its widget is one of `MODE_WIDGETS`.)
 *
 * @example
 * carriesMode(definition.challenges.find((c) => c.id === 'glisser-photo')!); // true
 */
export function carriesMode(challenge: Challenge): boolean {
  return challenge.type === 'interactive' && MODE_WIDGETS.includes(challenge.widget.name);
}

/**
 * How the task of an answer (a `ChallengeAnswer`, or `null` for a skip) was done, when its challenge carries a mode and the answer says it
 * (a skip, or an answer sent before widgets reported it, has none).
 *
 * @example
 * answerMode(glisserPhoto, { folder: 'animaux', mode: 'drag' }); // 'drag'
 * answerMode(glisserPhoto, null); // undefined
 */
export function answerMode(challenge: Challenge, answer: unknown): AnswerMode | undefined {
  if (!carriesMode(challenge) || typeof answer !== 'object' || answer === null) return undefined;
  const mode = (answer as Readonly<Record<string, unknown>>)[MODE_KEY];
  return isAnswerMode(mode) ? mode : undefined;
}
