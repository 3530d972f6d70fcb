import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { live } from 'lit/directives/live.js';
import {
  currentYearAt,
  missingRequired,
  validateQuestionAnswer,
  visibleQuestions,
  type CommuneAnswer,
  type Lang,
  type Question,
  type QuestionAnswer,
  type Questionnaire,
  type QuestionnaireAnswers,
} from '@observatoire/core';
import { surveyContext } from '../context.js';
import { emit } from '../events.js';
import { toLang, translate, type MessageParams } from '@observatoire/core';
import { communeAnswer, communesOf, defaultCommunesUrl, type CommuneRow } from './communes.js';
import { messages, type MessageKey } from './messages.js';
import { LocalQuestionnaire, sessionModel, type QuestionnaireAction, type QuestionnaireModel } from './model.js';
import { styles } from './styles.js';

/** What the commune field knows besides the answer: the typed postal code and its communes. */
interface CommuneDraft {
  postal: string;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  rows: readonly CommuneRow[];
}

const POSTAL = /^\d{5}$/;
const isTest = (text: string) => text.toUpperCase() === 'TEST';
/** The upper bound of year questions without `max`, by the session's rule (the UTC year). */
const year = () => currentYearAt(Date.now());

/**
 * The socio-demographic questionnaire: one question per screen ("Question 3 sur 13"), errors
 * that say how to fix them, conditional questions, a "Vérifiez vos réponses" page with a
 * "Modifier" button per answer, then "Valider mes réponses", after which it is read-only.
 *
 * Inside `<obs-survey>` it works on the survey session; alone, give it `questionnaire`.
 *
 * @example
 * <obs-questionnaire mediator></obs-questionnaire>
 * <script type="module">
 *   const el = document.querySelector('obs-questionnaire');
 *   el.questionnaire = definition.questionnaire;
 *   el.addEventListener('obs-questionnaire-validated', (e) => save(e.detail.answers));
 * </script>
 *
 * @attr lang - `fr` (default) or `en`; switches every text at once.
 * @attr mediator - Shows the mediator's controls ("Rempli par le médiateur pour le participant").
 * @attr one-page - Every question on one page, with an error summary, instead of one per screen.
 * @attr communes-url - Base URL of the commune shards (`<base>35.json`); defaults to `communes/` beside the defining script.
 * @attr theme - `dsfr` to follow the host page's DSFR variables (State sites only).
 * @prop {Questionnaire} questionnaire - The definition's questionnaire (alone; inside `<obs-survey>` the session's is used).
 * @prop {QuestionnaireAnswers} answers - Answers to start from (alone).
 * @fires obs-questionnaire-validated - `{ answers, filledByMediator, testRun }` once the answers are confirmed.
 * @fires obs-error - `{ code, message, error }` when the session refuses an action it should not have received.
 * @csspart progress - "Question 3 sur 13".
 * @csspart form - The form of the current screen.
 * @csspart question - Each question (a fieldset or a field).
 * @csspart error-summary - The list of errors (one-page mode).
 * @csspart actions - The row of buttons.
 * @csspart mediator - The mediator's switch.
 * @csspart test-note - The note shown during a test session.
 * @csspart review - The review page and the read-only answers.
 * @cssprop --obs-color-primary - Buttons, selected choices.
 * @cssprop --obs-color-error - Error messages and fields in error.
 * @cssprop --obs-color-text-muted - Hints and progress.
 * @cssprop --obs-color-border - Fields and choices.
 * @cssprop --obs-color-surface - Background of the notes and of the mediator's box.
 * @cssprop --obs-font-size - Base text size (1.125rem).
 * @cssprop --obs-target-size - Minimum height of buttons, fields and choices (48px).
 */
export class ObsQuestionnaire extends LitElement {
  static override styles = styles;
  static override properties = {
    questionnaire: { attribute: false },
    answers: { attribute: false },
    lang: { reflect: true },
    mediator: { type: Boolean },
    onePage: { type: Boolean, attribute: 'one-page' },
    communesUrl: { attribute: 'communes-url' },
    screen: { state: true },
    errors: { state: true },
    status: { state: true },
  };

  declare questionnaire: Questionnaire | undefined;
  declare answers: QuestionnaireAnswers | undefined;
  declare lang: string;
  declare mediator: boolean;
  declare onePage: boolean;
  declare communesUrl: string | undefined;
  /** Index of the shown question among the visible ones (UI state). */
  declare private screen: number;
  /** Question id → message of its error, until the screen is submitted again. */
  declare private errors: ReadonlyMap<string, MessageKey>;
  /** Text of the live region. */
  declare private status: [MessageKey, MessageParams?] | undefined;

  private local: LocalQuestionnaire | undefined;
  private survey = new ContextConsumer(this, { context: surveyContext, subscribe: true });
  private drafts = new Map<string, CommuneDraft>();
  /** "Modifier" was used: the next "Suivant" goes back to the review. */
  private backToReview = false;
  /** `heading`, or the id of the question whose field gets the focus after the next render. */
  private focusTarget: string | undefined;

  constructor() {
    super();
    this.mediator = false;
    this.onePage = false;
    this.screen = 0;
    this.errors = new Map();
  }

  private get model(): QuestionnaireModel | undefined {
    const survey = this.survey.value;
    const questionnaire = survey?.definition.questionnaire;
    return survey && questionnaire ? sessionModel(survey.session, questionnaire) : this.local;
  }

  private get language(): Lang {
    return toLang(this.lang || this.survey.value?.lang);
  }

  private get isMediator(): boolean {
    return this.mediator || !!this.survey.value?.mediator;
  }

  private t(key: MessageKey, params?: MessageParams): string {
    return translate(messages, this.language, key, params);
  }

  private text(content: { fr: string; en: string }): string {
    return content[this.language];
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('questionnaire') || changed.has('answers')) {
      this.local = this.questionnaire && new LocalQuestionnaire(this.questionnaire);
      // Given answers go through the same checks as typed ones: a bad one is reported and left out.
      for (const [questionId, value] of Object.entries(this.answers ?? {}))
        try {
          this.local?.dispatch({ type: 'answerQuestion', questionId, value });
        } catch (error) {
          this.fail(error);
        }
      this.screen = 0;
    }
    const model = this.model;
    if (!model) return;
    for (const question of this.shownQuestions(model)) {
      const answer = model.answers[question.id] as CommuneAnswer | undefined;
      if (question.kind === 'commune' && !this.drafts.has(question.id))
        this.drafts.set(question.id, { postal: answer ? (answer.test ? 'TEST' : answer.postalCode) : '', status: 'idle', rows: [] });
    }
  }

  override updated(): void {
    for (const [id, draft] of this.drafts) if (draft.status === 'idle' && POSTAL.test(draft.postal)) void this.loadCommunes(id, draft);
    const target = this.focusTarget;
    if (target === undefined) return;
    this.focusTarget = undefined;
    const root = this.renderRoot as ShadowRoot;
    const element =
      target === 'heading'
        ? root.querySelector<HTMLElement>('.title')
        : root.querySelector<HTMLElement>(`#q-${target}, [name="q-${target}"]`);
    element?.focus();
  }

  /** The visible questions shown now: all of them on one page, else the current screen's. */
  private shownQuestions(model: QuestionnaireModel): Question[] {
    const visible = visibleQuestions(model.questionnaire, model.answers);
    if (this.onePage || model.stage !== 'answering') return visible;
    const question = visible[Math.min(this.screen, visible.length - 1)];
    return question ? [question] : [];
  }

  override render() {
    const model = this.model;
    if (!model) return nothing;
    const status = this.status;
    return html`
      ${model.testRun ? html`<p class="note" part="test-note">${this.t('testRun')}</p>` : nothing}
      ${model.stage === 'answering' ? this.renderForm(model) : this.renderReview(model)}
      <div class="visually-hidden" aria-live="polite">${status ? this.t(...status) : ''}</div>
    `;
  }

  private renderForm(model: QuestionnaireModel) {
    const visible = visibleQuestions(model.questionnaire, model.answers);
    const shown = this.shownQuestions(model);
    const index = this.onePage ? 0 : visible.indexOf(shown[0]!);
    const last = this.onePage || index === visible.length - 1;
    const failed = shown.filter((question) => this.errors.has(question.id));
    return html`
      <form part="form" novalidate @submit=${this.onSubmit} @keydown=${this.onKeydown}>
        ${this.onePage && failed.length
          ? html`<div class="error-summary" part="error-summary">
              <h2>${this.t('errorSummary')}</h2>
              <ul>
                ${failed.map(
                  (question) =>
                    html`<li>
                      <button type="button" class="link" @click=${() => this.focusField(question.id)}>${this.errorText(question)}</button>
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing}
        ${this.onePage ? nothing : html`<p class="progress" part="progress">${this.t('progress', { n: index + 1, total: visible.length })}</p>`}
        <p class="hint">${this.t('requiredNote')}</p>
        ${shown.map((question) => keyed(question.id, this.renderQuestion(model, question)))}
        <div class="actions" part="actions">
          ${index > 0 ? html`<button type="button" @click=${this.previous}>${this.t('previous')}</button>` : nothing}
          <button type="submit" class="primary">${this.t(last || this.backToReview ? 'toReview' : 'next')}</button>
        </div>
      </form>
      ${this.isMediator
        ? html`<div class="mediator" part="mediator">
            <label class="choice">
              <input
                type="checkbox"
                role="switch"
                .checked=${live(model.filledByMediator)}
                @change=${(event: Event) =>
                  this.act({ type: 'setFilledByMediator', value: (event.target as HTMLInputElement).checked, actor: 'mediator' })}
              />
              ${this.t('mediatorSwitch')}
            </label>
          </div>`
        : nothing}
    `;
  }

  private renderQuestion(model: QuestionnaireModel, question: Question): TemplateResult {
    const id = `q-${question.id}`;
    const answer = model.answers[question.id];
    const error = this.errorText(question);
    const invalid = error ? 'true' : nothing;
    const describedBy = [question.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim() || nothing;
    const label = html`${this.text(question.label)}${question.required
      ? nothing
      : html` <span class="optional">${this.t('optional')}</span>`}`;
    const heading = (content: TemplateResult) => (this.onePage ? content : html`<h2 class="title" tabindex="-1">${content}</h2>`);
    const extras = html`${question.hint ? html`<p class="hint" id="${id}-hint">${this.text(question.hint)}</p>` : nothing}
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
    if (question.kind === 'commune') return this.renderCommune(question, answer as CommuneAnswer | undefined, legend, extras, error);
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
              if (single) return this.answer(question.id, option.code);
              const others = selected.filter((code) => code !== option.code && !(option.exclusive || question.options.find((o) => o.code === code)?.exclusive));
              const codes = checked ? [...others, option.code] : others;
              this.answer(question.id, codes.length ? codes : null);
            }}
          />
          ${this.text(option.label)}
        </label>`,
      )}
    </fieldset>`;
  }

  private renderCommune(question: Question, answer: CommuneAnswer | undefined, legend: TemplateResult, extras: TemplateResult, error: string) {
    const id = `q-${question.id}`;
    const draft = this.drafts.get(question.id)!;
    const chosen = answer && !answer.test && answer.postalCode === draft.postal ? answer.code : undefined;
    const describedBy = [`${id}-postal-hint`, question.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim();
    return html`<fieldset part="question">
      ${legend} ${extras}
      <label for=${id}>${this.t('postalCode')}</label>
      <p class="hint" id="${id}-postal-hint">${this.t('postalHint')} ${this.isMediator ? this.t('testHint') : nothing}</p>
      <input
        id=${id}
        type="text"
        class="short"
        inputmode="numeric"
        autocomplete="postal-code"
        ?required=${question.required}
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${describedBy}
        .value=${draft.postal}
        @input=${(event: Event) => this.typePostalCode(question.id, (event.target as HTMLInputElement).value)}
      />
      ${draft.status === 'failed' ? html`<p><button type="button" @click=${() => this.retry(question.id)}>${this.t('retry')}</button></p>` : nothing}
      ${draft.status === 'ready' && draft.rows.length
        ? html`<fieldset class="communes">
            <legend>${this.t('chooseCommune')}</legend>
            ${draft.rows.map(
              (row) => html`<label class="choice">
                <input
                  type="radio"
                  name="${id}-commune"
                  ?required=${question.required}
                  .checked=${live(chosen === row[1])}
                  @change=${() => this.answer(question.id, communeAnswer(draft.postal, row))}
                />
                ${row[0]}
              </label>`,
            )}
          </fieldset>`
        : nothing}
    </fieldset>`;
  }

  private renderReview(model: QuestionnaireModel) {
    const review = model.stage === 'review';
    return html`<section part="review">
      <h2 class="title" tabindex="-1">${this.t(review ? 'reviewTitle' : 'validatedTitle')}</h2>
      <p>${this.t(review ? 'reviewIntro' : 'validatedIntro')}</p>
      ${model.filledByMediator ? html`<p class="hint">${this.t('filledByMediator')}</p>` : nothing}
      <dl class="summary">
        ${visibleQuestions(model.questionnaire, model.answers).map((question) => {
          const label = this.text(question.label);
          return html`<div class="row">
            <dt>${label}</dt>
            <dd>${this.answerText(question, model.answers[question.id])}</dd>
            ${review
              ? html`<dd>
                  <button type="button" class="link" @click=${() => this.change(question.id)}>
                    ${this.t('change')}<span class="visually-hidden"> : ${label}</span>
                  </button>
                </dd>`
              : nothing}
          </div>`;
        })}
      </dl>
      ${review
        ? html`<div class="actions" part="actions">
            <button type="button" class="primary" @click=${this.validate}>${this.t('validate')}</button>
          </div>`
        : nothing}
    </section>`;
  }

  private answerText(question: Question, answer: QuestionAnswer | undefined): string {
    if (answer === undefined) return this.t('noAnswer');
    if (question.kind === 'single' || question.kind === 'multiple') {
      const codes = typeof answer === 'string' ? [answer] : (answer as readonly string[]);
      return question.options
        .filter((option) => codes.includes(option.code))
        .map((option) => this.text(option.label))
        .join(', ');
    }
    if (question.kind === 'commune') {
      const commune = answer as CommuneAnswer;
      return commune.test ? 'TEST' : `${commune.name} (${commune.postalCode})`;
    }
    return String(answer);
  }

  /** The message of a question's error, with the question named in it; '' when none. */
  private errorText(question: Question): string {
    const draft = this.drafts.get(question.id);
    const key =
      this.errors.get(question.id) ??
      (draft?.status === 'failed' ? 'communesFailed' : draft?.status === 'ready' && !draft.rows.length ? 'unknownPostalCode' : undefined);
    if (!key) return '';
    const max = question.kind === 'year' ? (question.max ?? year()) : question.kind === 'text' ? question.maxLength : 0;
    const min = question.kind === 'year' ? question.min : 0;
    return this.t(key, {
      label: this.text(question.label),
      min: String(min),
      max: String(max),
      example: String(Math.min(Math.max(1956, min), max)),
      code: draft?.postal ?? '',
    });
  }

  // ——— Actions ———

  /** Apply an action; a refusal becomes field errors (or `obs-error`), never an exception. */
  private act(action: QuestionnaireAction): boolean {
    const model = this.model;
    if (!model) return false;
    try {
      model.dispatch(action);
      this.requestUpdate();
      return true;
    } catch (error) {
      this.requestUpdate(); // puts the choices back as the model has them
      const { code, ids } = error as { code?: string; ids?: readonly string[] };
      if ((code === 'questionnaire_incomplete' || code === 'invalid_question_answer') && ids?.length) {
        const errors = new Map<string, MessageKey>();
        for (const id of ids) {
          const question = model.questionnaire.questions.find((q) => q.id === id);
          if (question) errors.set(id, code === 'invalid_question_answer' ? 'errOther' : requiredKey(question));
        }
        if (model.stage === 'review') model.dispatch({ type: 'editAnswers' });
        this.showErrors(model, errors);
        return false;
      }
      this.fail(error);
      return false;
    }
  }

  private fail(error: unknown): void {
    const failure = error instanceof Error ? error : new Error(String(error));
    emit(this, 'obs-error', { code: (failure as { code?: string }).code ?? 'unexpected', message: failure.message, error: failure });
  }

  private answer(questionId: string, value: QuestionAnswer | null): void {
    if (this.act({ type: 'answerQuestion', questionId, value }) && this.errors.has(questionId)) {
      const errors = new Map(this.errors);
      errors.delete(questionId);
      this.errors = errors;
    }
  }

  private showErrors(model: QuestionnaireModel, errors: Map<string, MessageKey>): void {
    this.errors = errors;
    const visible = visibleQuestions(model.questionnaire, model.answers);
    const first = visible.findIndex((q) => errors.has(q.id));
    if (first < 0) return;
    if (!this.onePage) this.screen = first;
    this.focusField(visible[first]!.id);
    this.status = ['errorCount', { n: errors.size }];
  }

  private focusField(questionId: string): void {
    this.focusTarget = questionId;
    this.requestUpdate();
  }

  private onKeydown(event: KeyboardEvent): void {
    // Enter on any field submits the screen (radios and checkboxes included), as people expect.
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      this.submit();
    }
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    this.submit();
  }

  /** "Suivant": check and save the shown answers, then go to the next screen or the review. */
  private submit(): void {
    const model = this.model;
    if (!model) return;
    const errors = new Map<string, MessageKey>();
    for (const question of this.shownQuestions(model)) {
      const key = this.commit(model, question);
      if (key) errors.set(question.id, key);
    }
    if (errors.size) return this.showErrors(model, errors);
    this.errors = errors;
    this.status = undefined;
    const visible = visibleQuestions(model.questionnaire, model.answers);
    if (!this.onePage && this.backToReview) {
      const missing = missingRequired(model.questionnaire, model.answers)[0];
      if (missing) {
        this.screen = visible.findIndex((q) => q.id === missing);
        return this.focusField('heading');
      }
    }
    if (this.onePage || this.backToReview || this.screen >= visible.length - 1) {
      if (this.act({ type: 'review' })) {
        this.backToReview = false;
        this.focusField('heading');
      }
      return;
    }
    this.screen = Math.min(this.screen, visible.length - 1) + 1;
    this.focusField('heading');
  }

  /** Save what was typed in a question's field; the error to show, if any. */
  private commit(model: QuestionnaireModel, question: Question): MessageKey | undefined {
    const answer = model.answers[question.id];
    const required = question.required ? requiredKey(question) : undefined;
    if (question.kind === 'single' || question.kind === 'multiple') return answer === undefined ? required : undefined;
    if (question.kind === 'commune') {
      if (answer !== undefined) return undefined;
      const draft = this.drafts.get(question.id)!;
      if (draft.postal === '') return required;
      if (!POSTAL.test(draft.postal)) return 'errPostalCode';
      if (draft.status === 'failed') return 'communesFailed';
      return draft.status === 'ready' && !draft.rows.length ? 'unknownPostalCode' : 'errCommune';
    }
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#q-${question.id}`)!;
    const raw = input.value.trim();
    if (raw === '') {
      if (answer !== undefined) this.act({ type: 'answerQuestion', questionId: question.id, value: null });
      return required;
    }
    const value = question.kind === 'year' ? (/^\d+$/.test(raw) ? Number(raw) : NaN) : raw;
    const issue = validateQuestionAnswer(question, value, { currentYear: year() });
    if (issue) return question.kind === 'year' ? 'errYear' : issue.code === 'too_long' ? 'errTooLong' : 'errOther';
    if (value !== answer && !this.act({ type: 'answerQuestion', questionId: question.id, value })) return 'errOther';
    return undefined;
  }

  private previous(): void {
    this.errors = new Map();
    this.screen = Math.max(0, this.screen - 1);
    this.focusField('heading');
  }

  /** "Modifier": back to that question; its "Suivant" returns to the review. */
  private change(questionId: string): void {
    const model = this.model;
    if (!model || !this.act({ type: 'editAnswers' })) return;
    this.screen = visibleQuestions(model.questionnaire, model.answers).findIndex((q) => q.id === questionId);
    this.backToReview = true;
    this.focusField(this.onePage ? questionId : 'heading');
  }

  private validate(): void {
    const model = this.model;
    if (!model || !this.act({ type: 'validateQuestionnaire' })) return;
    this.status = ['validatedTitle'];
    this.focusField('heading');
    emit(this, 'obs-questionnaire-validated', { answers: model.answers, filledByMediator: model.filledByMediator, testRun: model.testRun });
  }

  // ——— Commune ———

  private typePostalCode(questionId: string, value: string): void {
    const postal = value.trim();
    const draft: CommuneDraft = { postal, status: 'idle', rows: [] };
    this.drafts.set(questionId, draft);
    const errors = new Map(this.errors);
    errors.delete(questionId);
    this.errors = errors;
    const answer = this.model?.answers[questionId];
    if (isTest(postal)) this.answer(questionId, { test: true, name: 'TEST' });
    else if (answer !== undefined) this.answer(questionId, null);
    this.requestUpdate();
  }

  private retry(questionId: string): void {
    const draft = this.drafts.get(questionId);
    if (!draft) return;
    draft.status = 'idle';
    this.focusField(questionId);
  }

  private async loadCommunes(questionId: string, draft: CommuneDraft): Promise<void> {
    draft.status = 'loading';
    this.status = ['communesLoading'];
    let rows: readonly CommuneRow[];
    try {
      rows = await communesOf(draft.postal, this.communesUrl || defaultCommunesUrl);
    } catch {
      if (this.drafts.get(questionId) !== draft) return;
      draft.status = 'failed';
      this.status = ['communesFailed'];
      return;
    }
    if (this.drafts.get(questionId) !== draft) return;
    draft.status = 'ready';
    draft.rows = rows;
    this.status = rows.length ? ['communesFound', { n: rows.length, code: draft.postal }] : ['unknownPostalCode', { code: draft.postal }];
    if (rows.length === 1) this.answer(questionId, communeAnswer(draft.postal, rows[0]!));
  }
}

function requiredKey(question: Question): MessageKey {
  switch (question.kind) {
    case 'single':
      return 'errRequiredChoice';
    case 'multiple':
      return 'errRequiredTicks';
    case 'year':
      return 'errYear';
    case 'commune':
      return 'errPostalCode';
    default:
      return 'errRequiredText';
  }
}
