/**
 * Typings for hosts that write the elements as JSX tags (React 19, Preact, Solid…), so the
 * editor completes their properties and events. Derived from the element classes, so they
 * cannot drift from them. React 19 sets the properties and listens to `on<event-name>`.
 *
 * @example
 * // observatoire.d.ts in a React 19 app
 * import type { HTMLAttributes, RefAttributes } from 'react';
 * import type { ObservatoireJSXElements } from '@observatoire/elements';
 * declare module 'react' {
 *   namespace JSX {
 *     interface IntrinsicElements extends ObservatoireJSXElements<HTMLAttributes<HTMLElement> & RefAttributes<HTMLElement>> {}
 *   }
 * }
 * // then: <obs-survey definition="/survey.json" mediator onobs-survey-complete={(e) => save(e.detail.snapshot)} />
 */
import type { LitElement } from 'lit';
import type { ObsChallengePlayer } from './challenge-player/obs-challenge-player.js';
import type { ObsCourseChainer } from './course-chainer/obs-course-chainer.js';
import type { ObservatoireEventMap } from './events.js';
import type { ObsQuestionnaire } from './questionnaire/obs-questionnaire.js';
import type { ObsResultsCard } from './results-card/obs-results-card.js';
import type { ObsSurvey } from './survey/obs-survey.js';

type IfEquals<X, Y, A, B> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : B;

/** Keys a host may set: public, writable, not a method, not inherited from `LitElement`. */
type SettableKeys<E> = Exclude<
  {
    [K in keyof E]-?: E[K] extends (...args: never[]) => unknown
      ? never
      : IfEquals<{ [Q in K]: E[K] }, { -readonly [Q in K]: E[K] }, K, never>;
  }[keyof E],
  keyof LitElement
>;

/** The settable properties of an element, all optional. */
export type ElementProperties<E> = Partial<Pick<E, SettableKeys<E>>>;

/** `on<event-name>` handlers, as React 19 attaches them to custom elements. */
export type ElementEventHandlers<M> = {
  [K in keyof M as `on${K & string}`]?: (event: M[K]) => void;
};

/** Every tag of `@observatoire/elements` with its properties and events, on top of the framework's own `Base` attributes. */
export interface ObservatoireJSXElements<Base = unknown> {
  'obs-survey': Base & ElementProperties<ObsSurvey> & ElementEventHandlers<ObservatoireEventMap>;
  'obs-questionnaire': Base &
    ElementProperties<ObsQuestionnaire> &
    ElementEventHandlers<Pick<ObservatoireEventMap, 'obs-questionnaire-validated' | 'obs-error'>>;
  'obs-challenge-player': Base &
    ElementProperties<ObsChallengePlayer> &
    ElementEventHandlers<Pick<ObservatoireEventMap, 'obs-answer' | 'obs-error'>>;
  'obs-course-chainer': Base &
    ElementProperties<ObsCourseChainer> &
    ElementEventHandlers<Pick<ObservatoireEventMap, 'obs-answer' | 'obs-course-end' | 'obs-error'>>;
  'obs-results-card': Base & ElementProperties<ObsResultsCard>;
}
