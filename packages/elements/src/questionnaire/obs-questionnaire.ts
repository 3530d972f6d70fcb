import { ContextConsumer } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { isTestCity, missingRequired, testCommune, visibleQuestions } from '@observatoire/core';
import { toLang, translate } from '@observatoire/core/i18n';
import type { CommuneAnswer, Lang, Question, QuestionAnswer, Questionnaire, QuestionnaireAnswers } from '@observatoire/core';
import type { MessageParams } from '@observatoire/core/i18n';
import { surveyContext } from '../context.js';
import { emit } from '../events.js';
import { afterPaint } from '../shared/after-paint.js';
import { CommuneLookup } from './commune-lookup.js';
import { defaultCommunesUrl } from './communes.js';
import { commitQuestion, type FieldCommit } from './field-commit.js';
import { errorMessage, messages, refusalErrors, type MessageKey } from './messages.js';
import { applyPrefill } from './prefill.js';
import { LocalQuestionnaire, sessionModel, type QuestionnaireAction, type QuestionnaireModel } from './model.js';
import { resumeScreen, showStep, type QuestionnaireStepDetail } from './position.js';
import { focusQuestion, renderScreen } from './screen.js';
import { renderReview } from './review.js';
import { styles } from './styles.js';
import { warmWhenIdle } from './warm.js';

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
 * @prop {Record<string, unknown>} prefill - Answers the structure already knows, by question id and option code (alone; inside `<obs-survey>` set it there): marked "à confirmer" until the review is validated; a bad entry is reported (`obs-error`) and left out.
 * @fires {CustomEvent<QuestionnaireValidatedDetail>} obs-questionnaire-validated - `{ answers, filledByMediator, testRun, prefilled }` once the answers are confirmed.
 * @fires {CustomEvent<ErrorEventDetail>} obs-error - `{ code, message, error }` when the session refuses an action it should not have received.
 * @fires {CustomEvent<QuestionnaireStepDetail>} obs-questionnaire-step - `{ step }` (a question id, or `review`) when another screen shows; bubbles, not composed.
 * @csspart progress - "Question 3 sur 13".
 * @csspart form - The form of the current screen.
 * @csspart question - Each question (a fieldset or a field).
 * @csspart error-summary - The list of errors (one-page mode).
 * @csspart actions - The row of buttons.
 * @csspart mediator - The mediator's switch.
 * @csspart test-note - The note shown during a test session.
 * @csspart review - The review page and the read-only answers.
 * @csspart prefilled - The "Déjà renseigné par la structure — à confirmer" mark of a prefilled answer.
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
    prefill: { attribute: false },
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
  declare prefill: Readonly<Record<string, unknown>> | undefined;
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
  /** The commune question's postal code lookup. */
  private communes = new CommuneLookup(this, {
    baseUrl: () => this.communesUrl || defaultCommunesUrl,
    announce: (status) => (this.status = status),
    found: (questionId, answer) => this.answer(questionId, answer),
  });
  /** "Modifier" was used: the next "Suivant" goes back to the review. */
  private backToReview = false;
  /** `heading`, or the id of the question whose field gets the focus after the next render. */
  private focusTarget: string | undefined;
  /** The survey session whose questionnaire was opened at its position. */
  private positioned: string | undefined;
  /** The focus moved once the screen is painted (`afterPaint`); `updateComplete` waits for it. */
  private focused: Promise<void> = Promise.resolve();

  constructor() {
    super();
    this.mediator = this.onePage = false;
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

  private t = (key: MessageKey, params?: MessageParams): string => translate(messages, this.language, key, params);

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('questionnaire') || changed.has('answers') || changed.has('prefill')) {
      this.local = this.questionnaire && new LocalQuestionnaire(this.questionnaire);
      // Given answers go through the same checks as typed ones: a bad one is reported and left out.
      for (const [questionId, value] of Object.entries(this.answers ?? {}))
        try {
          this.local?.dispatch({ type: 'answerQuestion', questionId, value });
        } catch (error) {
          this.fail(error);
        }
      if (this.local) applyPrefill(this, this.local, this.prefill);
      this.screen = 0;
    }
    const model = this.model;
    if (!model) return;
    // A paper form is typed in by a mediator: every question on one page, keyboard-fast (docs/questionnaire.md).
    if (model.paper) this.onePage = true;
    // A resumed session's questionnaire opens where it was on this device; a new one at question 1.
    const state = this.survey.value?.state;
    if (state && state.sessionId !== this.positioned) {
      this.positioned = state.sessionId;
      this.screen = state.interruptions > 0 ? resumeScreen(model.questionnaire, model.answers, state.sessionId) : 0;
    }
    for (const question of this.shownQuestions(model))
      if (question.kind === 'commune') this.communes.ensure(question.id, model.answers[question.id] as CommuneAnswer | undefined);
  }

  override updated(): void {
    const target = this.focusTarget;
    this.focusTarget = undefined;
    if (target !== undefined) this.focused = afterPaint().then(() => focusQuestion(this.renderRoot, target));
    const [model, sessionId] = [this.model, this.survey.value?.state.sessionId];
    const question = model?.stage === 'answering' && !this.onePage;
    if (model) showStep(this, { step: question ? this.shownQuestions(model)[0]!.id : model.stage, question, sessionId });
    if (model?.stage === 'answering') warmWhenIdle(model, { lang: this.language, t: this.t, mediator: this.isMediator });
  }

  /** Resolves once the screen is drawn and the focus has moved to it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    return this.focused.then(() => done);
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
    return html`
      ${model.testRun ? html`<p class="note" part="test-note">${this.t('testRun')}</p>` : nothing}
      ${model.stage === 'answering'
        ? this.renderForm(model)
        : renderReview(model, { lang: this.language, t: this.t, change: (id) => this.change(id), validate: this.validate })}
      <div class="visually-hidden" aria-live="polite">${this.status ? this.t(...this.status) : ''}</div>
    `;
  }

  private renderForm(model: QuestionnaireModel): TemplateResult {
    const shown = this.shownQuestions(model);
    return renderScreen(model, {
      lang: this.language, t: this.t, onePage: this.onePage, mediator: this.isMediator, backToReview: this.backToReview,
      visible: visibleQuestions(model.questionnaire, model.answers), shown, failed: shown.filter((q) => this.errors.has(q.id)),
      error: (question) => this.errorText(question), draft: (questionId) => this.communes.get(questionId),
      prefilled: (questionId) => model.prefilled.includes(questionId),
      answer: (questionId, value) => this.answer(questionId, value), retry: (questionId) => this.retry(questionId),
      typePostalCode: (questionId, value) => this.typePostalCode(questionId, value),
      submit: () => this.submit(), previous: () => this.back(), focusField: (questionId) => this.focusField(questionId),
      setFilledByMediator: (value) => this.act({ type: 'setFilledByMediator', value, actor: 'mediator' }),
      setTestRun: (on) => this.setTestRun(model, on),
    });
  }

  /** The message of a question's error, with the question named in it; '' when none. */
  private errorText(question: Question): string {
    const draft = this.communes.get(question.id);
    const key = this.errors.get(question.id) ?? this.communes.problem(question.id);
    return key ? errorMessage(question, key, { code: draft?.postal ?? '', currentYear: this.model?.currentYear }, this.language) : '';
  }

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
      const errors = refusalErrors(error, model.questionnaire);
      if (errors) {
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

  /** "Suivant": check and save the shown answers, then go to the next screen or the review. */
  private submit(): void {
    const model = this.model;
    if (!model) return;
    const errors = new Map<string, MessageKey>();
    const commit: FieldCommit = {
      root: this.renderRoot, draft: (id) => this.communes.get(id), communeProblem: (id) => this.communes.problem(id),
      answer: (questionId, value) => this.act({ type: 'answerQuestion', questionId, value }),
    };
    for (const question of this.shownQuestions(model)) {
      const key = commitQuestion(model, question, commit);
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

  /** "Précédent" (and Back in `<obs-survey history>`); from the review, the last question. False if none. @example questionnaire.back() */
  back(): boolean {
    const model = this.model;
    if (model?.stage === 'review') return this.change(visibleQuestions(model.questionnaire, model.answers).at(-1)!.id), true;
    if (model?.stage !== 'answering' || this.onePage || this.screen === 0) return false;
    [this.errors, this.screen, this.focusTarget] = [new Map(), this.screen - 1, 'heading'];
    return true;
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
    const { answers, filledByMediator, testRun, prefilled } = model;
    emit(this, 'obs-questionnaire-validated', { answers, filledByMediator, testRun, prefilled, ...this.survey.value?.links });
  }

  private typePostalCode(questionId: string, value: string): void {
    const postal = value.trim();
    this.communes.type(questionId, postal);
    this.errors = new Map([...this.errors].filter(([id]) => id !== questionId));
    const answer = this.model?.answers[questionId];
    if (isTestCity(postal)) this.answer(questionId, testCommune());
    else if (answer !== undefined) this.answer(questionId, null);
  }

  /** "Session de test": the commune answered as `TEST` written as the city (docs/questionnaire.md, "Test runs"). */
  private setTestRun(model: QuestionnaireModel, on: boolean): void {
    const commune = model.questionnaire.questions.find((question) => question.kind === 'commune');
    if (commune) this.typePostalCode(commune.id, on ? testCommune().name : '');
  }

  private retry(questionId: string): void {
    this.communes.retry(questionId);
    this.focusField(questionId);
  }
}

