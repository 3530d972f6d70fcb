import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { AnswerShapeError, evaluateAnswer, ObservatoireError } from '@observatoire/core';
import { toLang, translate } from '@observatoire/core/i18n';
import type { AnswerResult, Challenge, ChallengeAnswer, ChallengeResult, Lang } from '@observatoire/core';
import type { WidgetAnswerDetail } from '@observatoire/core/widget';
import { emit } from '../events.js';
import { Announcer } from '../shared/announcer.js';
import { ScreenGuard } from '../shared/screen-guard.js';
import type { ChallengeWidget } from '../widget.js';
import { buildAnswer, type Refusal } from './answer.js';
import { PLAYER_SUBMIT_EVENT, playerTimeEvent, type PlayerSubmitDetail } from './events.js';
import { createWidget, readDraft, renderForm, widgetMissingError } from './fields.js';
import { moveFocus, type PlayerFocus } from './focus.js';
import { outcomeText, renderOutcome } from './help.js';
import { renderAlternative, renderIllustration, renderProgress, resolveUrl } from './instruction.js';
import { messages, type PlayerText } from './messages.js';
import { styles } from './styles.js';
import { formatDuration, systemClock, type PlayerClock } from './timer.js';
import { TimerController, type TimerNews } from './timer-controller.js';
import { renderIntro, renderTimer, timerNewsText, timerView, type TimerView } from './timer-view.js';

export type PlayerMode = 'measurement' | 'learning';

/** `intro`: the timed challenge's "how much time" screen; `answering`; `sent`: read-only. */
type Stage = 'intro' | 'answering' | 'sent';

/** The verdict the player shows in learning mode (the core's, or the parent's). */
type Verdict = Pick<AnswerResult, 'status'>;

/**
 * Plays one challenge of any type (QCU, QCM, QROC, QROCM-ind, QROCM-dep, interactive) and
 * reports what the person answered. It never shows a correction in `measurement` mode.
 *
 * A timed challenge first says how much time there is; the person can ask for more time or
 * remove the limit, before and while it runs (RGAA 13.1). When the time runs out the person
 * can still answer: the answer is sent with `timedOut: true`.
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
 * @prop {PlayerClock} clock - Time source for the timer (tests inject a fake one).
 * @fires obs-player-submit - `{ challengeId, answer, timedOut }` (cancelable; `answer` is `null` for "Je passe"). A parent that records the answer calls `preventDefault()`.
 * @fires obs-answer - Only when no parent handled `obs-player-submit`: the locally checked result (`courseId` is empty).
 * @fires obs-error - `widget_missing` (the widget element is not defined) or `answer_shape` (the core refused the answer's shape).
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
    stage: { state: true },
    refusal: { state: true },
    alternativeShown: { state: true },
    localResult: { state: true },
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

  declare private stage: Stage;
  declare private refusal: Refusal | undefined;
  declare private alternativeShown: boolean;
  declare private localResult: Verdict | undefined;
  declare private failure: string | undefined;
  declare private confirmingSkip: boolean;

  /** Incremented for each challenge shown: the form is rebuilt, so nothing typed carries over. */
  private play = 0;
  private shownAt = 0;
  /** The time limit: ticks while connected and answering. */
  private timer = new TimerController(this, () => this.clock, (news) => this.onTimerNews(news));
  private announcer = new Announcer(this);
  readonly guard = new ScreenGuard(this); // input begun before this challenge was shown never acts on it
  private widget: HTMLElement | undefined;
  private widgetAnswer: Readonly<Record<string, string>> | undefined;
  private focusNext: PlayerFocus | undefined;
  private reportedFailure = false;
  private localSeq = 0;
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

  private get language(): Lang {
    return toLang(this.lang);
  }

  private t: PlayerText = (key, params) => translate(messages, this.language, key, params);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('challenge')) this.reset();
    if (this.widget) Object.assign(this.widget, { lang: this.language, disabled: this.stage === 'sent' } satisfies Partial<ChallengeWidget>);
  }

  /** A new challenge: everything about the previous one is forgotten. */
  private reset(): void {
    this.play += 1;
    this.refusal = this.localResult = undefined;
    this.alternativeShown = false;
    this.failure = undefined;
    this.reportedFailure = false;
    this.widget = undefined;
    this.widgetAnswer = undefined;
    this.skipped = false;
    this.confirmingSkip = false;
    this.guard.screenChanged();
    this.announcer.clear();
    const challenge = this.challenge;
    this.timer.reset(challenge?.timer);
    if (!challenge) return;
    this.focusNext = 'heading';
    if (challenge.type === 'interactive') {
      this.widget = createWidget(challenge.widget.name, challenge.widget.config ?? {}, this.language);
      if (!this.widget) this.failure = this.t('widgetMissing', { name: challenge.widget.name });
    }
    if (this.timer.limitMs !== null) this.stage = 'intro';
    else this.begin();
  }

  /** The challenge is shown: its time (if any) starts now. */
  private begin(): void {
    this.stage = 'answering';
    this.shownAt = this.clock.now();
    this.timer.start(this.shownAt);
  }

  private onTimerNews(news: TimerNews): void {
    this.announcer.say(timerNewsText(news, this.language, this.t));
  }

  private moreTime(): void {
    const left = this.timer.double(this.stage !== 'intro');
    if (left === undefined) return;
    if (this.challenge) this.dispatchEvent(playerTimeEvent(this.challenge.id, 'extendTime'));
    this.announcer.say(this.t('timeExtended', { duration: formatDuration(left, this.language) }));
  }

  private removeLimit(): void {
    this.timer.remove();
    if (this.challenge) this.dispatchEvent(playerTimeEvent(this.challenge.id, 'removeTimeLimit'));
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
    this.focusNext = confirm === undefined ? 'skip' : confirm ? undefined : 'heading';
    if (confirm) this.send(challenge, null);
  }

  private onWidgetAnswer(event: CustomEvent<WidgetAnswerDetail>): void {
    const challenge = this.challenge;
    if (!challenge || this.stage !== 'answering') return;
    this.widgetAnswer = event.detail.answer; // its current state: only "Je valide" sends it (docs/player.md)
    this.refusal = undefined;
  }

  private send(challenge: Challenge, answer: ChallengeAnswer | null): void {
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
    this.checkAlone(challenge, answer, timedOut);
  }

  /** Alone on the page: check the answer with the core and report it as `obs-answer`. */
  private checkAlone(challenge: Challenge, answer: ChallengeAnswer | null, timedOut: boolean): void {
    let verdict: AnswerResult;
    try {
      verdict = evaluateAnswer(challenge, answer, { timedOut });
    } catch (error) {
      if (!(error instanceof AnswerShapeError)) throw error;
      this.showAnswerShapeError(error);
      return;
    }
    const answeredAt = this.clock.now();
    this.localSeq += 1;
    const result: ChallengeResult = {
      challengeId: challenge.id,
      status: verdict.status,
      ...(answer !== null && { answer }),
      details: verdict.details,
      startedAt: this.shownAt,
      answeredAt,
      durationMs: Math.max(0, answeredAt - this.shownAt),
      actor: 'participant',
      eventId: `local-${challenge.id}-${this.localSeq}`,
    };
    this.localResult = { status: verdict.status };
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
    return outcomeText({ skipped: this.skipped, learning: this.mode === 'learning', verdict: this.result ?? this.localResult }, this.t);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.failure && !this.reportedFailure && this.challenge?.type === 'interactive' && !this.widget) {
      this.reportedFailure = true;
      const error = widgetMissingError(this.challenge);
      emit(this, 'obs-error', { code: error.code, message: error.message, error });
    }
    if (changed.has('result') && this.result && this.stage === 'sent') this.announcer.say(this.outcomeText());
    const focus = this.focusNext;
    this.focusNext = undefined;
    moveFocus(this.renderRoot, focus);
  }

  override render(): TemplateResult {
    const challenge = this.challenge;
    const status = html`<p class="visually-hidden" aria-live="polite" part="status" id="status">${this.announcer.text}</p>`;
    if (!challenge) return html`<p class="hint">${this.t('noChallenge')}</p>${status}`;
    if (this.stage === 'intro') return html`${renderIntro(renderProgress(this.position, this.total, this.t), this.timerView(), this.onStart)}${status}`;
    const lang = this.language;
    const disabled = this.stage === 'sent';
    const t = this.t;
    const verdict = this.result ?? this.localResult;
    return html`
      <section aria-labelledby="heading">
        <h2 id="heading" tabindex="-1" part="heading">${renderProgress(this.position, this.total, this.t)}<span class="instruction">${challenge.instruction[lang]}</span></h2>
        ${renderAlternative(challenge, { lang, t, shown: this.alternativeShown, onToggle: this.toggleAlternative })}
        ${challenge.type === 'QCM' ? html`<p class="hint" id="qcm-hint">${this.t('qcmHint')}</p>` : nothing}
        ${renderIllustration(challenge, lang, (url) => resolveUrl(url, this.baseUrl))}
        ${this.stage === 'answering' ? renderTimer(this.timerView()) : nothing}
        ${this.failure ? html`<p class="error" id="failure" tabindex="-1" role="alert">${this.failure}</p>` : nothing}
        ${renderForm(challenge, {
          lang, disabled, t, proposalOrder: this.proposalOrder, refusal: this.refusal, widget: this.widget, play: this.play,
          onSubmit: this.onSubmit, onSkip: (confirm) => this.onSkip(confirm), onWidgetAnswer: this.onWidgetAnswer, confirmingSkip: this.confirmingSkip,
        })}
        ${disabled
          ? renderOutcome(challenge, {
              lang, t, outcome: this.outcomeText(), resolve: (url: string) => resolveUrl(url, this.baseUrl),
              showHelp: this.mode === 'learning' && verdict !== undefined && verdict.status !== 'ok',
            })
          : nothing}
      </section>
      ${status}
    `;
  }

  private onStart(): void {
    this.focusNext = 'heading';
    this.guard.screenChanged();
    this.begin();
  }

  private toggleAlternative(): void {
    this.alternativeShown = !this.alternativeShown;
  }

  private timerView(): TimerView {
    return timerView(this.timer, this.language, this.t, { onMoreTime: this.moreTime, onRemoveLimit: this.removeLimit });
  }
}
