/**
 * The screens `<obs-course-chainer>` draws itself, as template functions: the introduction, the
 * course title, the mediator's bar and the end of a course with its advice. The player draws
 * the challenges.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Lang, Recommendation, SurveyDefinition, SurveySession } from '@observatoire/core';
import type { ChainerText } from './messages.js';

/** Each is also the id of the button that asks it; its question is `#<id>-question`. */
export type Question = 'skip-remaining' | 'quit';

export interface ScreenView {
  lang: Lang;
  t: ChainerText;
  mediator: boolean;
  /**
   * The confirmation asked: the mediator's bar after "Passer les défis restants", the
   * end-of-course page after "Arrêter ici" (docs/player.md, "Double activation").
   */
  asking: Question | undefined;
  ask: (question: Question) => void;
  cancel: () => void;
  confirmSkip: () => void;
  choose: (type: 'continue' | 'quit') => void;
}

/**
 * The screen before the first course: how many courses, and that any can be skipped.
 *
 * @example
 * renderIntro(definition, t, start);
 */
export function renderIntro(definition: SurveyDefinition, t: ChainerText, start: () => void): TemplateResult {
  const view = { t };
  return html`<section aria-labelledby="screen-heading">
    <h2 id="screen-heading" tabindex="-1">${view.t('introTitle')}</h2>
    <p>${view.t('introCourses', { count: definition.courses.length })}</p>
    <p>${view.t('introSkip')}</p>
    <div class="actions">
      <button type="button" class="primary" @click=${start}>${view.t('start')}</button>
    </div>
  </section>`;
}

/**
 * "Parcours 2 sur 3 : Compétences de base".
 *
 * @example
 * renderCourseTitle(definition, 1, 'fr', t);
 */
export function renderCourseTitle(definition: SurveyDefinition, index: number, lang: Lang, t: ChainerText): TemplateResult {
  const view = { lang, t };
  const course = definition.courses[index];
  return html`<p class="course-title" part="course-title">
    ${view.t('courseTitle', { n: index + 1, total: definition.courses.length, title: course?.title[view.lang] ?? '' })}
  </p>`;
}

/**
 * The mediator's bar: the test time so far and, while a course runs, "skip the remaining
 * challenges" with its confirmation.
 *
 * @example
 * renderMediatorBar(session, 3, view);
 */
export function renderMediatorBar(session: SurveySession, remaining: number | undefined, view: ScreenView): TemplateResult | typeof nothing {
  if (!view.mediator) return nothing;
  const minutes = Math.floor(session.testTimeMs() / 60_000);
  return html`<section class="mediator-bar" part="mediator-bar" aria-label=${view.t('mediatorRegion')}>
    <p>${minutes < 1 ? view.t('testTimeUnderOne') : view.t('testTime', { minutes })}</p>
    ${remaining === undefined
      ? nothing
      : view.asking === 'skip-remaining'
        ? html`<div class="confirm" role="group" aria-labelledby="skip-remaining-question">
            <p id="skip-remaining-question" tabindex="-1">
              ${remaining === 1 ? view.t('skipQuestionOne') : view.t('skipQuestionMany', { count: remaining })}
            </p>
            <div class="actions">
              <button type="button" class="primary" @click=${view.confirmSkip}>${view.t('skipConfirm')}</button>
              <button type="button" @click=${view.cancel}>${view.t('skipCancel')}</button>
            </div>
          </div>`
        : html`<button type="button" id="skip-remaining" @click=${() => view.ask('skip-remaining')}>${view.t('skipRemaining')}</button>`}
  </section>`;
}

/**
 * The end of a course: how many challenges succeeded, the advice (continue or stop, and why),
 * and the choice; "Arrêter ici" asks first (docs/player.md, "Double activation").
 *
 * @example
 * renderEnd(session, view);
 */
export function renderEnd(session: SurveySession, view: ScreenView): TemplateResult {
  const definition = session.definition;
  const recommendation = session.recommendation();
  const state = session.state;
  const course = definition.courses[state.courseIndex];
  const progress = state.courses[state.courseIndex];
  if (!recommendation || !course || !progress) return html``;
  const succeeded = progress.results.filter((r) => r.status === 'ok').length;
  const total = course.challenges.length;
  const next = definition.courses[state.courseIndex + 1];
  return html`${renderMediatorBar(session, undefined, view)}
    <section aria-labelledby="screen-heading" part="end-of-course">
      <h2 id="screen-heading" tabindex="-1">${view.t('endTitle', { title: course.title[view.lang] })}</h2>
      <p>${view.t(succeeded === 0 || succeeded === 1 ? 'succeededOne' : 'succeededMany', { n: succeeded, total })}</p>
      ${recommendation.continue
        ? html`<p>${next ? view.t('adviceContinue', { next: next.title[view.lang] }) : view.t('adviceContinueLast')}</p>`
        : html`<p>${view.t('adviceStop')}</p>
            <ul class="reasons">
              ${recommendation.reasons.map((reason) => html`<li>${reasonText(definition, reason, view)}</li>`)}
            </ul>`}
      <p class="hint">${view.t(view.mediator ? 'choiceMediator' : 'choice')}</p>
      ${view.asking === 'quit'
        ? html`<div class="confirm" role="group" aria-labelledby="quit-question">
            <p id="quit-question" tabindex="-1">${view.t('quitQuestion')}</p>
            <div class="actions">
              <button type="button" class="primary" @click=${() => view.choose('quit')}>${view.t('quitConfirm')}</button>
              <button type="button" @click=${view.cancel}>${view.t('quitCancel')}</button>
            </div>
          </div>`
        : html`<div class="actions">
            <button type="button" class=${recommendation.continue ? 'primary' : ''} @click=${() => view.choose('continue')}>${view.t('continue')}</button>
            <button type="button" id="quit" class=${recommendation.continue ? '' : 'primary'} @click=${() => view.ask('quit')}>${view.t('quit')}</button>
          </div>`}
    </section>`;
}

function reasonText(definition: SurveyDefinition, reason: Recommendation['reasons'][number], view: ScreenView): string {
  if (reason === 'test_time_exceeded')
    return view.t('reasonTime', { minutes: Math.round(definition.chaining.testTimeBudgetSeconds / 60) });
  const percent = new Intl.NumberFormat(view.lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent' }).format(definition.chaining.successThreshold);
  return view.t('reasonRate', { percent });
}
