/**
 * "Vérifiez vos réponses" (and, once validated, the read-only answers), as a template function:
 * every visible question with its answer in words and, before validation, a "Modifier" button.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { testCommune, visibleQuestions, type CommuneAnswer, type Lang, type Question, type QuestionAnswer } from '@observatoire/core';
import { type MessageParams } from '@observatoire/core/i18n';
import type { MessageKey } from './messages.js';
import type { QuestionnaireModel } from './model.js';

export interface ReviewView {
  lang: Lang;
  t: (key: MessageKey, params?: MessageParams) => string;
  change: (questionId: string) => void;
  validate: () => void;
}

/**
 * The review page of `model` (its stage is `review` or `validated`).
 *
 * @example
 * renderReview(model, { lang: 'fr', t, change: (id) => edit(id), validate });
 */
export function renderReview(model: QuestionnaireModel, view: ReviewView): TemplateResult {
  const review = model.stage === 'review';
  const { t } = view;
  return html`<section part="review">
    <h2 class="title" tabindex="-1">${t(review ? 'reviewTitle' : 'validatedTitle')}</h2>
    <p>${t(review ? 'reviewIntro' : 'validatedIntro')}</p>
    ${model.filledByMediator ? html`<p class="hint">${t('filledByMediator')}</p>` : nothing}
    ${review && model.prefilled.length ? html`<p class="hint">${t('prefilledIntro')}</p>` : nothing}
    <dl class="summary">
      ${visibleQuestions(model.questionnaire, model.answers).map((question) => {
        const label = question.label[view.lang];
        // A prefilled answer is shown for confirmation, never taken silently (docs/questionnaire.md, "Prefill").
        const prefilled = review && model.prefilled.includes(question.id);
        return html`<div class="row">
          <dt>${label}</dt>
          <dd>
            ${answerText(question, model.answers[question.id], view)}
            ${prefilled ? html`<span class="prefilled" part="prefilled">${t('prefilled')}</span>` : nothing}
          </dd>
          ${review
            ? html`<dd>
                <button type="button" class="link" @click=${() => view.change(question.id)}>
                  ${t('change')}<span class="visually-hidden"> : ${label}</span>
                </button>
              </dd>`
            : nothing}
        </div>`;
      })}
    </dl>
    ${review
      ? html`<div class="actions" part="actions">
          <button type="button" class="primary" @click=${view.validate}>${t('validate')}</button>
        </div>`
      : nothing}
  </section>`;
}

/** An answer in words: the options' labels, the commune's name and postal code, the text or year. */
function answerText(question: Question, answer: QuestionAnswer | undefined, view: ReviewView): string {
  if (answer === undefined) return view.t('noAnswer');
  if (question.kind === 'single' || question.kind === 'multiple') {
    const codes = typeof answer === 'string' ? [answer] : (answer as readonly string[]);
    return question.options
      .filter((option) => codes.includes(option.code))
      .map((option) => option.label[view.lang])
      .join(', ');
  }
  if (question.kind === 'commune') {
    const commune = answer as CommuneAnswer;
    return commune.test ? testCommune().name : `${commune.name} (${commune.postalCode})`;
  }
  return String(answer);
}
