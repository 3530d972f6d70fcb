import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { AnswerShapeError, createChallengeSession, ObservatoireError } from '@observatoire/core';
import { toLang, translate } from '@observatoire/core/i18n';
import type { AnswerResult, Challenge, ChallengeAnswer, ChallengeResult, Lang, SessionState, SurveySession } from '@observatoire/core';
import type { WidgetAnswerDetail } from '@observatoire/core/widget';
import { emit } from '../events.js';
import { Announcer } from '../shared/announcer.js';
import { ScreenGuard } from '../shared/screen-guard.js';
import { Subscription } from '../shared/subscription.js';
import type { ChallengeWidget } from '../widget.js';
import { recordAlone } from './alone.js';
import { buildAnswer, type Refusal } from './answer.js';
import { PLAYER_SUBMIT_EVENT, playerTimeEvent, type PlayerSubmitDetail } from './events.js';
import { createWidget, readDraft, widgetMissingError } from './fields.js';
import { moveFocus, type PlayerFocus } from './focus.js';
import { outcomeText } from './help.js';
import { renderProgress } from './instruction.js';
import { messages, type PlayerText } from './messages.js';
import { styles } from './styles.js';
import { formatDuration, systemClock, type PlayerClock } from './timer.js';
import { TimerController, type TimerNews } from './timer-controller.js';
import { renderChallengeScreen } from './screen.js';
import { renderIntro, timerNewsText, timerView, type TimerView } from './timer-view.js';

export type PlayerMode = 'measurement' | 'learning';

/** `intro`: the timed challenge's "how much time" screen; `answering`; `sent`: read-only. */
type Stage = 'intro' | 'answering' | 'sent';

/** The verdict the player shows in learning mode (the core's, or the parent's). */
type Verdict = Pick<AnswerResult, 'status'>;

/**
 * Plays one challenge of any type (QCU, QCM, QROC, QROCM-ind, QROCM-dep, interactive) and
 * reports what the person answered. It never shows a correction in `measurement` mode.
 *
 * Alone, it drives a core session of its one challenge (`createChallengeSession`, docs/protocol.md,
 * "Alone on a page"): time limit, verdict and event ids are the session's. A parent that records
 * answers (the course chainer) gives its session as `survey` and handles `obs-player-submit` and
 * `obs-player-time`: the player then reads the time limit from it and runs no session of its own.
 *
 * A timed challenge first says how much time there is; the person can ask for more time or
 * remove the limit, before and while it runs (RGAA 13.1). The limit runs from "Commencer"
 * (`startTimeLimit`, docs/player.md, "Time limits"). When the time runs out the person can still
 * answer: the session records the answer as timed out.
 *
 * @example
 * const player = document.createElement('obs-challenge-player');
 * player.challenge = parseChallenge(json);
 * player.addEventListener('obs-answer', (event) => console.log(event.detail.result.status));
 * document.body.append(player);
 *
 * @attr lang - `fr` (default) or `en`.
 * @attr mode - `measurement` (default, no correction) or `learning` (help after a miss).
 * @attr base-url - Base URL for the illustration and links given as relative URLs.
 * @attr mediator - A mediator is beside the participant: technical errors are addressed to them.
 * @attr position - 1-based position of the challenge in its course ("Défi 2 sur 7").
 * @attr total - Number of challenges in the course.
 * @prop {Challenge | undefined} challenge - The challenge to play (from a parsed definition).
 * @prop {readonly number[] | undefined} proposalOrder - Display order of a shuffled QCU/QCM (`session.state.current.proposalOrder`).
 * @prop {{ status: AnswerStatus } | undefined} result - The verdict recorded by a parent (learning mode shows help when it is not `ok`).
 * @prop {PlayerClock} clock - Time source of the timer and of the player's session (tests inject a fake one).
 * @prop {SurveySession | undefined} survey - The survey's session, when a parent records the answers and time actions in it (the course chainer).
 * @prop {SurveySession | undefined} session - The session the player reads (read-only): `survey`, else its own of this challenge alone (`createChallengeSession`).
 * @fires {CustomEvent<PlayerSubmitDetail>} obs-player-submit - `{ challengeId, answer, timedOut }` (cancelable; `answer` is `null` for "Je passe"). A parent that records the answer calls `preventDefault()`.
 * @fires {CustomEvent<PlayerTimeDetail>} obs-player-time - `{ challengeId, action }`: `startTimeLimit`, `extendTime` or `removeTimeLimit`, for a parent that records them.
 * @fires {CustomEvent<AnswerEventDetail>} obs-answer - Only when no parent handled `obs-player-submit`: the result the player's session recorded (`courseId` is empty; `eventId` from the session).
 * @fires {CustomEvent<ErrorEventDetail>} obs-error - `widget_missing` (the widget element is not defined) or `answer_shape` (the core refused the answer's shape).
 * @csspart heading - The heading: progress and instruction.
 * @csspart progress - "Défi 2 sur 7".
 * @csspart illustration - The figure holding the picture.
 * @csspart timer - The remaining time and its controls.
 * @csspart form - The answer form.
 * @csspart widget - The container of an interactive challenge's widget.
 * @csspart validate - The "Je valide" button.
 * @csspart skip - The "Je passe" button.
 * @csspart error - The message of a refused answer.
 * @csspart help - The help shown in learning mode.
 * @csspart status - The live region.
 * @cssprop --obs-color-primary - Main action colour.
 * @cssprop --obs-color-error - Error messages and fields in error.
 * @cssprop --obs-color-surface - Background of the timer and the help.
 * @cssprop --obs-target-size - Minimum size of buttons and choices (default 48px).
 * @cssprop --obs-font-size - Base text size.
 */
export class ObsChallengePlayer extends LitElement {
  static override properties = {
    challenge: { attribute: false },
    lang: { reflect: true },
    mode: { reflect: true },
    proposalOrder: { attribute: false },
    baseUrl: { attribute: 'base-url' },
    mediator: { type: Boolean, reflect: true },
    position: { type: Number },
    total: { type: Number },
    result: { attribute: false },
    clock: { attribute: false },
    survey: { attribute: false },
    sessionState: { state: true },
    stage: { state: true },
    refusal: { state: true },
    alternativeShown: { state: true },
    failure: { state: true },
    confirmingSkip: { state: true },
  };

  static override styles = styles;

  declare challenge: Challenge | undefined;
  declare lang: string;
  declare mode: PlayerMode;
  declare proposalOrder: readonly number[] | undefined;
  declare baseUrl: string | undefined;
  declare mediator: boolean;
  declare position: number | undefined;
  declare total: number | undefined;
  declare result: Verdict | undefined;
  declare clock: PlayerClock;
  declare survey: SurveySession | undefined;

  /** The last state of the player's session: each change renders. */
  declare private sessionState: SessionState | undefined;
  declare private stage: Stage;
  declare private refusal: Refusal | undefined;
  declare private alternativeShown: boolean;
  declare private failure: string | undefined;
  declare private confirmingSkip: boolean;

  /** Incremented for each challenge shown: the form is rebuilt, so nothing typed carries over. */
  private play = 0;
  /** The session of this challenge alone (no `survey`): its time limit, and its verdict. */
  private solo: SurveySession | undefined;
  private sessionChanges = new Subscription(this, () => this.solo, (state: SessionState) => (this.sessionState = state));
  /** The time limit, read from the session: ticks while connected and answering. Alone, the player's session records each time action; a parent records it in the survey's. */
  private timer = new TimerController(this, () => this.clock, () => this.session, () => this.challenge?.id, (news) => this.onTimerNews(news), (action, challengeId) => {
    this.solo?.dispatch({ type: action, challengeId });
    this.dispatchEvent(playerTimeEvent(challengeId, action));
  });
  private announcer = new Announcer(this);
  readonly guard = new ScreenGuard(this); // input begun before this challenge was shown never acts on it
  private widget: HTMLElement | undefined;
  private widgetAnswer: Readonly<Record<string, string>> | undefined;
  private focusNext: PlayerFocus | undefined;
  private reportedFailure = false;
  private skipped = false;

  constructor() {
    super();
    this.lang = 'fr';
    this.mode = 'measurement';
    this.mediator = false;
    this.clock = systemClock;
    this.stage = 'answering';
    this.alternativeShown = false;
    this.confirmingSkip = false;
  }

  /** The session the player reads: the survey's, else its own of this challenge alone (docs/protocol.md, "Alone on a page"). */
  get session(): SurveySession | undefined { return this.survey ?? this.solo; }

  private get language(): Lang {
    return toLang(this.lang);
  }

  private t: PlayerText = (key, params) => translate(messages, this.language, key, params);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('challenge') || changed.has('survey')) this.reset();
    if (this.widget) Object.assign(this.widget, { lang: this.language, disabled: this.stage === 'sent' } satisfies Partial<ChallengeWidget>);
  }

  /** A new challenge: a new session of it, and everything about the previous one is forgotten. */
  private reset(): void {
    this.play += 1;
    this.refusal = this.failure = this.widget = this.widgetAnswer = undefined;
    this.alternativeShown = this.reportedFailure = this.skipped = this.confirmingSkip = false;
    this.guard.screenChanged();
    this.announcer.clear();
    this.timer.reset();
    const challenge = this.challenge;
    this.solo = challenge && !this.survey ? createChallengeSession(challenge, { clock: () => this.clock.now() }) : undefined;
    this.sessionChanges.follow();
    this.sessionState = this.solo?.state;
    if (!challenge) return;
    this.focusNext = 'heading';
    if (challenge.type === 'interactive') {
      this.widget = createWidget(challenge.widget.name, challenge.widget.config ?? {}, this.language);
      if (!this.widget) this.failure = this.t('widgetMissing', { name: challenge.widget.name });
    }
    this.stage = this.timer.limitMs === null ? 'answering' : 'intro';
  }

  private onTimerNews(news: TimerNews): void {
    this.announcer.say(timerNewsText(news, this.language, this.t));
  }

  /** "Commencer": the challenge is shown and its time limit (unless removed) starts now. */
  private onStart(): void {
    this.focusNext = 'heading';
    this.guard.screenChanged();
    this.stage = 'answering';
    this.timer.start();
  }

  private moreTime(): void {
    const left = this.timer.extend();
    if (left !== undefined) this.announcer.say(this.t('timeExtended', { duration: formatDuration(left, this.language) }));
  }

  private removeLimit(): void {
    if (!this.timer.remove()) return;
    this.announcer.say(this.t('timeRemoved'));
    this.focusNext = this.stage === 'intro' ? 'start' : 'heading';
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    const challenge = this.challenge;
    if (!challenge || this.stage !== 'answering') return;
    const built = buildAnswer(challenge, readDraft(this.renderRoot.querySelector('form'), challenge, this.widgetAnswer));
    if ('refusal' in built) {
      this.refusal = built.refusal;
      this.confirmingSkip = false;
      this.focusNext = 'error';
      return;
    }
    this.send(challenge, built.answer);
  }

  /** "Je passe" asks first (docs/player.md, "Double activation"); `confirm` answers that question. */
  private onSkip(confirm?: boolean): void {
    const challenge = this.challenge;
    if (!challenge || this.stage !== 'answering') return;
    this.confirmingSkip = confirm === undefined;
    if (this.confirmingSkip) this.guard.screenChanged(); // a double-click on "Je passe" never answers its question
    // "Non, je reste" gives the focus back to "Je passe", where the person was (docs/player.md, "Focus").
    this.focusNext = confirm === undefined ? 'skip' : confirm ? undefined : 'skip-button';
    if (confirm) this.send(challenge, null);
  }

  private onWidgetAnswer(event: CustomEvent<WidgetAnswerDetail>): void {
    const challenge = this.challenge;
    if (!challenge || this.stage !== 'answering') return;
    this.widgetAnswer = event.detail.answer; // its current state: only "Je valide" sends it (docs/player.md)
    this.refusal = undefined;
  }

  private send(challenge: Challenge, answer: ChallengeAnswer | null): void {
    this.timer.sync();
    // The sender's view, from the session's own time left; the session decides anyway (docs/protocol.md).
    const timedOut = answer !== null && this.timer.timedOut;
    this.timer.halt();
    this.refusal = undefined;
    this.failure = undefined;
    this.stage = 'sent';
    this.focusNext = 'outcome';
    this.skipped = answer === null;
    const detail: PlayerSubmitDetail = { challengeId: challenge.id, answer, timedOut };
    const submit = new CustomEvent(PLAYER_SUBMIT_EVENT, { detail, bubbles: true, composed: true, cancelable: true });
    const handled = !this.dispatchEvent(submit);
    if (handled) {
      this.announcer.say(this.outcomeText());
      return;
    }
    this.recordAlone(challenge, answer, timedOut);
  }

  /** Alone on the page: the player's session records the answer; its result goes out as `obs-answer`. */
  private recordAlone(challenge: Challenge, answer: ChallengeAnswer | null, timedOut: boolean): void {
    let result: ChallengeResult | undefined;
    try {
      result = this.solo && recordAlone(this.solo, challenge.id, answer, timedOut);
    } catch (error) {
      if (!(error instanceof AnswerShapeError)) throw error;
      return this.showAnswerShapeError(error);
    }
    if (!result) return;
    this.announcer.say(this.outcomeText());
    emit(this, 'obs-answer', { result, courseId: '' });
  }

  /**
   * The core refused the answer's shape: a bug of the content or of a widget, never the
   * person's fault. Say so, let them skip, and tell the host.
   */
  showAnswerShapeError(error: ObservatoireError): void {
    this.stage = 'answering';
    this.failure = this.t('answerShape');
    this.focusNext = 'error';
    emit(this, 'obs-error', { code: error.code, message: error.message, error });
  }

  /** What is said once the answer is sent: a verdict only in learning mode. */
  private outcomeText(): string {
    return outcomeText({ skipped: this.skipped, learning: this.mode === 'learning', verdict: this.verdict }, this.t);
  }

  /** The parent's verdict, else the one the player's session recorded. */
  private get verdict(): Verdict | undefined {
    return this.result ?? this.sessionState?.courses[0]?.results[0];
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.failure && !this.reportedFailure && this.challenge?.type === 'interactive' && !this.widget) {
      this.reportedFailure = true;
      const error = widgetMissingError(this.challenge);
      emit(this, 'obs-error', { code: error.code, message: error.message, error });
    }
    if (changed.has('result') && this.result && this.stage === 'sent') {
      // The parent's verdict may bring the help: focus goes to it rather than stay on a disabled button.
      this.announcer.say(this.outcomeText());
      this.focusNext ??= 'outcome';
    }
    const focus = this.focusNext;
    this.focusNext = undefined;
    moveFocus(this.renderRoot, focus);
  }

  override render(): TemplateResult {
    // The live region stays the same node from the first render on, whatever the screen: a region
    // created with its first message is often not read (docs/player.md, "Focus").
    return html`${this.renderScreen()}<p class="visually-hidden" aria-live="polite" part="status" id="status">${this.announcer.text}</p>`;
  }

  private renderScreen(): TemplateResult {
    const challenge = this.challenge;
    if (!challenge) return html`<p class="hint">${this.t('noChallenge')}</p>`;
    if (this.stage === 'intro') return renderIntro(renderProgress(this.position, this.total, this.t), this.timerView(), this.onStart);
    const sent = this.stage === 'sent';
    const verdict = this.verdict;
    return renderChallengeScreen(challenge, {
      lang: this.language, t: this.t, position: this.position, total: this.total, baseUrl: this.baseUrl,
      alternativeShown: this.alternativeShown, onToggleAlternative: this.toggleAlternative,
      timer: sent ? undefined : this.timerView(), failure: this.failure,
      form: {
        disabled: sent, proposalOrder: this.proposalOrder, refusal: this.refusal, widget: this.widget, play: this.play, confirmingSkip: this.confirmingSkip,
        onSubmit: this.onSubmit, onSkip: (confirm) => this.onSkip(confirm), onWidgetAnswer: this.onWidgetAnswer,
      },
      outcome: sent ? { text: this.outcomeText(), showHelp: this.mode === 'learning' && verdict !== undefined && verdict.status !== 'ok' } : undefined,
    });
  }

  private toggleAlternative(): void {
    this.alternativeShown = !this.alternativeShown;
  }

  private timerView(): TimerView {
    return timerView(this.timer, this.language, this.t, { onMoreTime: this.moreTime, onRemoveLimit: this.removeLimit });
  }
}
