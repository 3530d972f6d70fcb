/**
 * The answering screen of the questionnaire, as a template function: the error summary (one
 * page), the progress, the questions, "Précédent" / "Suivant", and the mediator's switches.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import { questionNumbers, type Question } from '@observatoire/core';
import type { QuestionnaireModel } from './model.js';
import { renderQuestion, type QuestionView } from './questions.js';

export interface ScreenView extends QuestionView {
  /** Every visible question, and those shown now (one, or all on one page). */
  visible: readonly Question[];
  shown: readonly Question[];
  /** Questions of the screen in error. */
  failed: readonly Question[];
  /** "Modifier" was used: "Suivant" goes back to the review. */
  backToReview: boolean;
  /** "Suivant" (the button, or Enter on any field). */
  submit: () => void;
  previous: () => void;
  focusField: (questionId: string) => void;
  setFilledByMediator: (value: boolean) => void;
  /** The mediator's "Session de test" switch: the same answer as `TEST` written as the city. */
  setTestRun: (on: boolean) => void;
}

/**
 * The form of the current screen.
 *
 * @example
 * model.stage === 'answering' ? renderScreen(model, view) : renderReview(model, reviewView);
 */
export function renderScreen(model: QuestionnaireModel, view: ScreenView): TemplateResult {
  const { t, onePage, visible, shown, failed } = view;
  const index = onePage ? 0 : visible.indexOf(shown[0]!);
  const last = onePage || index === visible.length - 1;
  return html`
    <form part="form" novalidate @submit=${(event: Event) => submitOn(event, view)} @keydown=${(event: KeyboardEvent) => enterOn(event, view)}>
      ${onePage && failed.length
        ? html`<div class="error-summary" part="error-summary">
            <h2>${t('errorSummary')}</h2>
            <ul>
              ${failed.map(
                (question) =>
                  html`<li>
                    <button type="button" class="link" @click=${() => view.focusField(question.id)}>${view.error(question)}</button>
                  </li>`,
              )}
            </ul>
          </div>`
        : nothing}
      ${onePage ? nothing : renderProgress(model, shown[0]!, t)}
      <p class="hint">${t('requiredNote')}</p>
      ${shown.map((question) => keyed(question.id, renderQuestion(question, model.answers[question.id], view)))}
      <div class="actions" part="actions">
        ${index > 0 ? html`<button type="button" @click=${view.previous}>${t('previous')}</button>` : nothing}
        <button type="submit" class="primary">${t(last || view.backToReview ? 'toReview' : 'next')}</button>
      </div>
    </form>
    ${view.mediator
      ? html`<div class="mediator" part="mediator">
          <label class="choice">
            <input
              type="checkbox"
              role="switch"
              .checked=${live(model.filledByMediator)}
              @change=${(event: Event) => view.setFilledByMediator((event.target as HTMLInputElement).checked)}
            />
            ${t('mediatorSwitch')}
          </label>
          ${model.questionnaire.questions.some((question) => question.kind === 'commune')
            ? html`<label class="choice">
                <input
                  type="checkbox"
                  role="switch"
                  .checked=${live(model.testRun)}
                  @change=${(event: Event) => view.setTestRun((event.target as HTMLInputElement).checked)}
                />
                ${t('testSwitch')}
              </label>`
            : nothing}
        </div>`
      : nothing}
  `;
}

/**
 * "Question 3 sur 13", or "Question 10 (suite) sur 13" for a conditional question: numbers that
 * do not move as questions show and hide (`questionNumbers`, docs/questionnaire.md "Numbering").
 */
function renderProgress(model: QuestionnaireModel, question: Question, t: ScreenView['t']): TemplateResult {
  const { total, numbers } = questionNumbers(model.questionnaire);
  const { number, continued } = numbers[question.id] ?? { number: 1, continued: false };
  return html`<p class="progress" part="progress">${t(continued ? 'progressContinued' : 'progress', { n: number, total })}</p>`;
}

/**
 * Focus the screen's heading (`heading`) or a question's field after a render.
 *
 * @example
 * focusQuestion(this.renderRoot, 'heading');
 */
export function focusQuestion(root: ParentNode, target: string): void {
  const element = target === 'heading' ? root.querySelector<HTMLElement>('.title') : root.querySelector<HTMLElement>(`#q-${target}, [name="q-${target}"]`);
  element?.focus();
}

function submitOn(event: Event, view: ScreenView): void {
  event.preventDefault();
  view.submit();
}

/** Enter on any field submits the screen (radios and checkboxes included), as people expect. */
function enterOn(event: KeyboardEvent, view: ScreenView): void {
  if (event.key === 'Enter' && event.target instanceof HTMLInputElement) submitOn(event, view);
}
