import { ContextConsumer } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { AnswerShapeError, ObservatoireError } from '@observatoire/core';
import { toLang, translate } from '@observatoire/core/i18n';
import type { Actor, AnswerStatus, Challenge, Lang, SessionAction, SessionState, SurveySession } from '@observatoire/core';
import type { ObsChallengePlayer, PlayerMode } from '../challenge-player/obs-challenge-player.js';
import type { PlayerSubmitDetail, PlayerTimeDetail } from '../challenge-player/events.js';
import { surveyContext } from '../context.js';
import { COURSES_DONE_EVENT, type CoursesDoneDetail } from './events.js';
import { emit } from '../events.js';
import { Announcer } from '../shared/announcer.js';
import { ScreenGuard } from '../shared/screen-guard.js';
import { Subscription } from '../shared/subscription.js';
import { messages, type ChainerText } from './messages.js';
import { renderCourseTitle, renderEnd, renderIntro, renderMediatorBar, type Question, type ScreenView } from './screens.js';
import { LeaveGuard, Refresh } from './guards.js';
import { styles } from './styles.js';

/** How often the mediator's test time is refreshed. */
const REFRESH_MS = 5000;

/**
 * A miss shown with its help (learning mode) before what comes next: the next challenge, the
 * end-of-course page or, after the last challenge, the results. Display only: the session
 * already moved on.
 */
interface Feedback {
  key: string;
  challenge: Challenge;
  status: AnswerStatus;
  position: number;
  total: number;
  courseNumber: number;
  proposalOrder: readonly number[] | undefined;
}

/**
 * Drives the survey session across the courses: plays each challenge of the current course in
 * `<obs-challenge-player>`, shows the end-of-course page with the session's recommendation in
 * plain words, and gives the mediator the test time and "Passer les défis restants".
 * Renders from `session.state` only: what people do becomes `session.dispatch(...)`.
 *
 * Inside `<obs-survey>` it takes the session from the survey context; alone, give it a
 * `session` (from `createSurveySession`). While a course is running, closing the tab asks for
 * a confirmation (leaving mid-course loses the session for good).
 *
 * @example
 * const chainer = document.createElement('obs-course-chainer');
 * chainer.session = createSurveySession(definition);
 * chainer.session.dispatch({ type: 'start', consent: true }); // a definition without questionnaire goes straight to course 1
 * chainer.addEventListener('obs-course-end', (event) => console.log(event.detail.recommendation));
 * document.body.append(chainer);
 *
 * @attr lang - `fr` (default) or `en` (the survey context wins when present).
 * @attr mediator - Shows the mediator bar (test time, skip the remaining challenges); end-of-course choices are recorded as the mediator's.
 * @attr mode - `measurement` (default) or `learning` (help after a miss, before the next challenge, the end-of-course page or the results).
 * @attr base-url - Base URL of the content's relative pictures and links.
 * @attr theme - `dsfr` to follow the host's DSFR variables (State sites only); passed to the player.
 * @prop {SurveySession | undefined} session - The session to drive when not inside `<obs-survey>`.
 * @fires {CustomEvent<AnswerEventDetail>} obs-answer - After each challenge (one per challenge closed by "skip the remaining"), with the session's result.
 * @fires {CustomEvent<CourseEndDetail>} obs-course-end - When a course ends, with the session's recommendation.
 * @fires {CustomEvent<CoursesDoneDetail>} obs-courses-done - Once the session is finished and nothing is left to show (in learning mode, after the help of a last challenge missed): time for the results. Detail: `state`.
 * @fires {CustomEvent<ErrorEventDetail>} obs-error - An action the session refused (`wrong_phase`, …); the message is shown to the mediator.
 * @csspart course-title - "Parcours 1 sur 3 : Manipulation".
 * @csspart player - The nested `<obs-challenge-player>`.
 * @csspart end-of-course - The end-of-course page.
 * @csspart mediator-bar - The mediator's bar.
 * @csspart status - The live region.
 * @cssprop --obs-color-primary - Main action colour.
 * @cssprop --obs-color-surface - Background of the mediator bar.
 * @cssprop --obs-target-size - Minimum size of buttons (default 48px).
 */
export class ObsCourseChainer extends LitElement {
  static override properties = {
    session: { attribute: false },
    lang: { reflect: true },
    mediator: { type: Boolean, reflect: true },
    mode: { reflect: true },
    baseUrl: { attribute: 'base-url' },
    theme: { reflect: true },
    asking: { state: true },
    feedback: { state: true },
    failure: { state: true },
  };

  static override styles = styles;

  declare session: SurveySession | undefined;
  declare lang: string;
  declare mediator: boolean;
  declare mode: PlayerMode;
  declare baseUrl: string | undefined;
  declare theme: string | undefined;
  /** The confirmation question shown, if any: "Passer les défis restants" or "Arrêter ici" was pressed. */
  declare private asking: Question | undefined;
  declare private feedback: Feedback | undefined;
  declare private failure: string | undefined;

  #context = new ContextConsumer(this, { context: surveyContext, subscribe: true });
  /** A standalone chainer (given `session`) re-renders on every change of it. */
  #sessionChanges = new Subscription(this, () => this.#session, () => this.requestUpdate());
  #announcer = new Announcer(this);
  #leaveGuard = new LeaveGuard(this);
  /** Input begun before a screen was shown never acts on it (a double-click on "Commencer"). */
  readonly guard = new ScreenGuard(this);
  #shown = '';
  /** The mediator's test time, refreshed while a course runs. */
  #refresh = new Refresh(this, REFRESH_MS);
  #screen = '';
  #focusNext: string | undefined;
  /** The session whose end was announced with obs-courses-done (once per session). */
  #doneFor: SurveySession | undefined;

  constructor() {
    super();
    this.lang = 'fr';
    this.mediator = false;
    this.mode = 'measurement';
  }

  get #session(): SurveySession | undefined {
    return this.#context.value?.session ?? this.session;
  }
  get #lang(): Lang {
    return this.#context.value?.lang ?? toLang(this.lang);
  }
  get #mediator(): boolean {
    return this.mediator || (this.#context.value?.mediator ?? false);
  }
  get #mode(): PlayerMode {
    return this.#context.value?.mode ?? (this.mode === 'learning' ? 'learning' : 'measurement');
  }
  get #baseUrl(): string | undefined {
    return this.#context.value?.baseUrl ?? this.baseUrl;
  }

  #t: ChainerText = (key, params) => translate(messages, this.#lang, key, params);

  protected override updated(_changed: PropertyValues<this>): void {
    const state = this.#session?.state;
    const phase = state?.phase;
    this.#leaveGuard.set(phase === 'course');
    this.#refresh.set(this.#mediator && (phase === 'course' || phase === 'endOfCourse'));
    // A new screen (not a new challenge: the player focuses its own heading) gets the focus.
    const screen = state && (phase === 'validated' || phase === 'endOfCourse') ? `${phase}:${state.courseIndex}` : '';
    if (screen && screen !== this.#screen && !this.feedback) this.#focusNext = '#screen-heading';
    this.#screen = this.feedback ? this.#screen : screen;
    // A confirmation question is a new screen too: a double-click never answers it.
    const shown = `${phase ?? ''}:${state?.courseIndex ?? -1}:${state ? this.#playerKey(state) : ''}:${this.feedback?.key ?? ''}:${this.asking ?? ''}`;
    if (shown !== this.#shown) this.guard.screenChanged();
    this.#shown = shown;
    const focus = this.#focusNext;
    this.#focusNext = undefined;
    if (focus) this.renderRoot.querySelector<HTMLElement>(focus)?.focus();
    const session = this.#session;
    if (session && phase === 'finished' && !this.feedback && this.#doneFor !== session) {
      this.#doneFor = session;
      const detail: CoursesDoneDetail = { state: session.state };
      this.dispatchEvent(new CustomEvent(COURSES_DONE_EVENT, { detail, bubbles: true, composed: true }));
    }
  }

  /** Dispatch, then tell the host what changed: new results, a course that ended. */
  #act(action: SessionAction): boolean {
    const session = this.#session;
    if (!session) return false;
    const before = session.state;
    try {
      session.dispatch(action);
    } catch (error) {
      if (error instanceof AnswerShapeError) throw error;
      this.#fail(error);
      return false;
    }
    this.failure = undefined;
    this.#report(session, before, session.state);
    return true;
  }

  #fail(error: unknown): void {
    const failure = error instanceof Error ? error : new Error(String(error));
    const code = failure instanceof ObservatoireError ? failure.code : 'unexpected';
    this.failure = this.#t('protocolError', { message: failure.message });
    emit(this, 'obs-error', { code, message: failure.message, error: failure });
  }

  #report(session: SurveySession, before: SessionState, after: SessionState): void {
    const index = before.courseIndex;
    const previous = before.courses[index];
    const progress = after.courses[index];
    if (!previous || !progress) return;
    for (const result of progress.results.slice(previous.results.length)) emit(this, 'obs-answer', { result, courseId: progress.courseId, ...this.#context.value?.links });
    if (previous.status !== 'ended' && progress.status === 'ended') {
      const recommendation = session.recommendation();
      if (recommendation) emit(this, 'obs-course-end', { courseId: progress.courseId, recommendation, ...this.#context.value?.links });
    }
  }

  #onPlayerSubmit(event: CustomEvent<PlayerSubmitDetail>): void {
    event.preventDefault();
    const session = this.#session;
    if (!session) return;
    const { challengeId, answer, timedOut } = event.detail;
    const before = session.state;
    const player = event.target as ObsChallengePlayer;
    const action: SessionAction =
      answer === null ? { type: 'skipChallenge', challengeId } : { type: 'answerChallenge', challengeId, answer, ...(timedOut && { timedOut }) };
    try {
      if (!this.#act(action)) return;
    } catch (error) {
      // Never from the UI's own fields; a widget bug. The player says so and emits obs-error.
      player.showAnswerShapeError(error as AnswerShapeError);
      return;
    }
    this.asking = undefined;
    const result = session.state.courses[before.courseIndex]?.results.find((r) => r.challengeId === challengeId);
    const challenge = session.definition.challenges.find((c) => c.id === challengeId);
    const current = before.current;
    const course = session.definition.courses[before.courseIndex];
    if (this.#mode === 'learning' && result && result.status !== 'ok' && challenge?.help && current && course) {
      this.feedback = {
        key: this.#playerKey(before),
        challenge,
        status: result.status,
        position: current.index + 1,
        total: course.challenges.length,
        courseNumber: before.courseIndex + 1,
        proposalOrder: current.proposalOrder,
      };
      return;
    }
    if (session.state.phase === 'course') this.#announcer.say(this.#t('answerSaved'));
  }

  #onNext(): void {
    this.feedback = undefined;
  }

  /** The question gets the focus; "Annuler" / "Non, revenir" gives it back to the button that asked. */
  #ask(question: Question): void {
    this.asking = question;
    this.#focusNext = `#${question}-question`;
  }

  #cancel(): void {
    this.#focusNext = `#${this.asking}`;
    this.asking = undefined;
  }

  #confirmSkip(): void {
    this.asking = undefined;
    if (this.#act({ type: 'skipRemaining', actor: 'mediator' })) this.#announcer.say(this.#t('skippedRemaining'));
  }

  #choose(type: 'continue' | 'quit'): void {
    this.asking = undefined;
    const actor: Actor = this.#mediator ? 'mediator' : 'participant';
    this.#act({ type, actor });
  }

  #playerKey(state: SessionState): string {
    return `${state.courseIndex}:${state.current?.index ?? -1}:${state.current?.startedAt ?? 0}`;
  }

  override render(): TemplateResult {
    const session = this.#session;
    const status = html`<p class="visually-hidden" aria-live="polite" part="status">${this.#announcer.text}</p>`;
    const failure = this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing;
    if (!session) return status;
    const state = session.state;
    let body: TemplateResult | typeof nothing = nothing;
    if (this.feedback) body = this.#renderPlaying(session, this.feedback);
    else if (state.phase === 'validated') body = renderIntro(session.definition, this.#t, () => this.#act({ type: 'continue' }));
    else if (state.phase === 'course') body = this.#renderCourse(session, state);
    else if (state.phase === 'endOfCourse') body = renderEnd(session, this.#screenView());
    return html`${failure}${body}${status}`;
  }

  #player(challenge: Challenge, position: number, total: number, proposalOrder: readonly number[] | undefined, status?: AnswerStatus): TemplateResult {
    return html`<obs-challenge-player
      part="player"
      .challenge=${challenge}
      .proposalOrder=${proposalOrder}
      .result=${status ? { status } : undefined}
      .survey=${this.#session}
      lang=${this.#lang}
      mode=${this.#mode}
      base-url=${this.#baseUrl ?? nothing}
      theme=${this.theme ?? nothing}
      ?mediator=${this.#mediator}
      position=${position}
      total=${total}
      @obs-player-submit=${this.#onPlayerSubmit}
      @obs-player-time=${(event: CustomEvent<PlayerTimeDetail>) => this.#act({ type: event.detail.action, challengeId: event.detail.challengeId })}
    ></obs-challenge-player>`;
  }

  #renderCourse(session: SurveySession, state: SessionState): TemplateResult {
    const definition = session.definition;
    const current = state.current;
    const course = definition.courses[state.courseIndex];
    const challenge = current && definition.challenges.find((c) => c.id === current.challengeId);
    if (!current || !course || !challenge) return html``;
    return this.#renderPlaying(session, {
      key: this.#playerKey(state),
      challenge,
      status: undefined,
      position: current.index + 1,
      total: course.challenges.length,
      courseNumber: state.courseIndex + 1,
      proposalOrder: current.proposalOrder,
    });
  }

  /**
   * One template for a challenge being played and for a miss shown with its help (learning
   * mode), so the player that was answered stays the same element and keeps what was entered.
   */
  #renderPlaying(session: SurveySession, view: Feedback | (Omit<Feedback, 'status'> & { status: undefined })): TemplateResult {
    const feedback = view.status !== undefined;
    // The button names what follows the help.
    const phase = session.state.phase;
    const next = phase === 'finished' ? 'seeResults' : phase === 'endOfCourse' ? 'continue' : 'next';
    return html`${feedback ? nothing : renderMediatorBar(session, view.total - view.position + 1, this.#screenView())}
      ${renderCourseTitle(session.definition, view.courseNumber - 1, this.#lang, this.#t)}
      ${keyed(view.key, this.#player(view.challenge, view.position, view.total, view.proposalOrder, view.status))}
      ${feedback
        ? html`<div class="actions">
            <button type="button" class="primary" @click=${this.#onNext}>${this.#t(next)}</button>
          </div>`
        : nothing}`;
  }

  #screenView(): ScreenView {
    return {
      lang: this.#lang, t: this.#t, mediator: this.#mediator, asking: this.asking,
      ask: (question) => this.#ask(question), cancel: () => this.#cancel(), confirmSkip: this.#confirmSkip,
      choose: (type) => this.#choose(type),
    };
  }
}
