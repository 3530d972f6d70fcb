/**
 * The questionnaire's questions, as template functions: a text or year field, single or
 * multiple choices, and the commune question (postal code, then the commune). The element owns
 * the state and the actions; these only draw them. A question in error is marked
 * `aria-invalid` and described by its message, which names the question.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CommuneAnswer, Lang, LocalizedText, Question, QuestionAnswer } from '@observatoire/core';
import type { MessageParams } from '@observatoire/core/i18n';
import { communeAnswer } from './communes.js';
import type { CommuneDraft } from './commune-lookup.js';
import type { MessageKey } from './messages.js';

/** What the questions need from the element. */
export interface QuestionView {
  lang: Lang;
  t: (key: MessageKey, params?: MessageParams) => string;
  /** Every question on one page: no heading per question. */
  onePage: boolean;
  mediator: boolean;
  /** The message of the question's error, '' when none. */
  error: (question: Question) => string;
  /** Whether the question's answer is prefilled by the structure (docs/questionnaire.md, "Prefill"). */
  prefilled: (questionId: string) => boolean;
  draft: (questionId: string) => CommuneDraft | undefined;
  answer: (questionId: string, value: QuestionAnswer | null) => void;
  typePostalCode: (questionId: string, value: string) => void;
  retry: (questionId: string) => void;
}

/**
 * One question with its current answer.
 *
 * @example
 * html`<form>${visible.map((question) => renderQuestion(question, answers[question.id], view))}</form>`;
 */
export function renderQuestion(question: Question, answer: QuestionAnswer | undefined, view: QuestionView): TemplateResult {
  const text = (content: LocalizedText): string => content[view.lang];
  const id = `q-${question.id}`;
  const error = view.error(question);
  const invalid = error ? 'true' : nothing;
  const prefilled = view.prefilled(question.id);
  const describedBy = [question.hint ? `${id}-hint` : '', prefilled ? `${id}-prefilled` : '', error ? `${id}-error` : ''].join(' ').trim() || nothing;
  const label = html`${text(question.label)}${question.required ? nothing : html` <span class="optional">${view.t('optional')}</span>`}`;
  const heading = (content: TemplateResult) => (view.onePage ? content : html`<h2 class="title" tabindex="-1">${content}</h2>`);
  const extras = html`${question.hint ? html`<p class="hint" id="${id}-hint">${text(question.hint)}</p>` : nothing}
  ${prefilled ? html`<p class="prefilled" part="prefilled" id="${id}-prefilled">${view.t('prefilled')}</p>` : nothing}
  ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}`;

  if (question.kind === 'year' || question.kind === 'text') {
    const isYear = question.kind === 'year';
    return html`<div class="field" part="question">
      ${heading(html`<label for=${id}>${label}</label>`)} ${extras}
      <input
        id=${id}
        type="text"
        class=${isYear ? 'short' : 'long'}
        inputmode=${isYear ? 'numeric' : nothing}
        autocomplete=${isYear ? 'bday-year' : 'off'}
        ?required=${question.required}
        aria-invalid=${invalid}
        aria-describedby=${describedBy}
        .value=${answer === undefined ? '' : String(answer)}
      />
    </div>`;
  }
  const legend = html`<legend>${heading(label)}</legend>`;
  if (question.kind === 'commune') return renderCommune(question, answer as CommuneAnswer | undefined, { legend, extras, error }, view);
  const selected = typeof answer === 'string' ? [answer] : Array.isArray(answer) ? (answer as readonly string[]) : [];
  const single = question.kind === 'single';
  return html`<fieldset part="question" aria-describedby=${describedBy}>
    ${legend} ${extras}
    ${question.options.map(
      (option) => html`<label class="choice">
        <input
          type=${single ? 'radio' : 'checkbox'}
          name=${id}
          value=${option.code}
          ?required=${single && question.required}
          aria-invalid=${invalid}
          .checked=${live(selected.includes(option.code))}
          @change=${(event: Event) => {
            const checked = (event.target as HTMLInputElement).checked;
            if (single) return view.answer(question.id, option.code);
            const others = selected.filter((code) => code !== option.code && !(option.exclusive || question.options.find((o) => o.code === code)?.exclusive));
            const codes = checked ? [...others, option.code] : others;
            view.answer(question.id, codes.length ? codes : null);
          }}
        />
        ${text(option.label)}
      </label>`,
    )}
  </fieldset>`;
}

function renderCommune(
  question: Question,
  answer: CommuneAnswer | undefined,
  parts: { legend: TemplateResult; extras: TemplateResult; error: string },
  view: QuestionView,
): TemplateResult {
  const id = `q-${question.id}`;
  const draft = view.draft(question.id)!;
  const chosen = answer && !answer.test && answer.postalCode === draft.postal ? answer.code : undefined;
  const describedBy = [`${id}-postal-hint`, question.hint ? `${id}-hint` : '', parts.error ? `${id}-error` : ''].join(' ').trim();
  return html`<fieldset part="question">
    ${parts.legend} ${parts.extras}
    <label for=${id}>${view.t('postalCode')}</label>
    <p class="hint" id="${id}-postal-hint">${view.t('postalHint')} ${view.mediator ? view.t('testHint') : nothing}</p>
    <input
      id=${id}
      type="text"
      class="short"
      inputmode="numeric"
      autocomplete="postal-code"
      ?required=${question.required}
      aria-invalid=${parts.error ? 'true' : nothing}
      aria-describedby=${describedBy}
      .value=${draft.postal}
      @input=${(event: Event) => view.typePostalCode(question.id, (event.target as HTMLInputElement).value)}
    />
    ${draft.status === 'failed' ? html`<p><button type="button" @click=${() => view.retry(question.id)}>${view.t('retry')}</button></p>` : nothing}
    ${draft.status === 'ready' && draft.rows.length
      ? html`<fieldset class="communes">
          <legend>${view.t('chooseCommune')}</legend>
          ${draft.rows.map(
            (row) => html`<label class="choice">
              <input
                type="radio"
                name="${id}-commune"
                ?required=${question.required}
                .checked=${live(chosen === row[1])}
                @change=${() => view.answer(question.id, communeAnswer(draft.postal, row))}
              />
              ${row[0]}
            </label>`,
          )}
        </fieldset>`
      : nothing}
  </fieldset>`;
}
