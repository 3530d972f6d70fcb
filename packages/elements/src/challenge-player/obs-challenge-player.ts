import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import {
  AnswerShapeError,
  evaluateAnswer,
  ObservatoireError,
  type AnswerResult,
  type Challenge,
  type ChallengeAnswer,
  type ChallengeResult,
  type Input,
  type Lang,
  type Link,
  type WidgetAnswerDetail,
} from '@observatoire/core';
import { emit } from '../events.js';
import { toLang, translate, type MessageParams } from '@observatoire/core';
import type { ChallengeWidget } from '../widget.js';
import { buildAnswer, displayOrder, type Draft, type Refusal } from './answer.js';
import { PLAYER_SUBMIT_EVENT, type PlayerSubmitDetail } from './events.js';
import { messages } from './messages.js';
import { styles } from './styles.js';
import { crossedThreshold, formatDuration, systemClock, type PlayerClock } from './timer.js';

export type { PlayerSubmitDetail } from './events.js';
export { PLAYER_SUBMIT_EVENT } from './events.js';
export { buildAnswer, displayOrder, type Draft, type Refusal } from './answer.js';
export { systemClock, formatDuration, type PlayerClock } from './timer.js';

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
 * @attr position - 1-based position of the challenge in its course ("Épreuve 2 sur 7").
 * @attr total - Number of challenges in the course.
 * @prop {Challenge | undefined} challenge - The challenge to play (from a parsed definition).
 * @prop {readonly number[] | undefined} proposalOrder - Display order of a shuffled QCU/QCM (`session.state.current.proposalOrder`).
 * @prop {{ status: AnswerStatus } | undefined} result - The verdict recorded by a parent (learning mode shows help when it is not `ok`).
 * @prop {PlayerClock} clock - Time source for the timer (tests inject a fake one).
 * @fires obs-player-submit - `{ challengeId, answer, timedOut }` (cancelable; `answer` is `null` for "Je passe"). A parent that records the answer calls `preventDefault()`.
 * @fires obs-answer - Only when no parent handled `obs-player-submit`: the locally checked result (`courseId` is empty).
 * @fires obs-error - `widget_missing` (the widget element is not defined) or `answer_shape` (the core refused the answer's shape).
 * @csspart heading - The heading: progress and instruction.
 * @csspart progress - "Épreuve 2 sur 7".
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
    limitMs: { state: true },
    now: { state: true },
    timedOut: { state: true },
    refusal: { state: true },
    alternativeShown: { state: true },
    localResult: { state: true },
    failure: { state: true },
    announcement: { state: true },
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
  /** `null`: no time limit (none in the content, or removed by the person). */
  declare private limitMs: number | null;
  declare private now: number;
  declare private timedOut: boolean;
  declare private refusal: Refusal | undefined;
  declare private alternativeShown: boolean;
  declare private localResult: Verdict | undefined;
  declare private failure: string | undefined;
  declare private announcement: string;

  /** Incremented for each challenge shown: the form is rebuilt, so nothing typed carries over. */
  private play = 0;
  private shownAt = 0;
  private timerStartedAt = 0;
  private stopTicking: (() => void) | undefined;
  private widget: HTMLElement | undefined;
  private widgetAnswer: Readonly<Record<string, string>> | undefined;
  private focusNext: 'heading' | 'error' | 'start' | 'outcome' | undefined;
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
    this.limitMs = null;
    this.now = 0;
    this.timedOut = false;
    this.alternativeShown = false;
    this.announcement = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.stage === 'answering' && this.limitMs !== null && !this.timedOut && !this.stopTicking) this.startTicking();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTimer();
  }

  private get language(): Lang {
    return toLang(this.lang);
  }

  private t(key: keyof (typeof messages)['fr'], params?: MessageParams): string {
    return translate(messages, this.language, key, params);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('challenge')) this.reset();
    if (this.widget) {
      const widget = this.widget as Partial<ChallengeWidget>;
      widget.lang = this.language;
      widget.disabled = this.stage === 'sent';
    }
  }

  /** A new challenge: everything about the previous one is forgotten. */
  private reset(): void {
    this.stopTimer();
    this.play += 1;
    this.refusal = undefined;
    this.alternativeShown = false;
    this.localResult = undefined;
    this.failure = undefined;
    this.reportedFailure = false;
    this.widget = undefined;
    this.widgetAnswer = undefined;
    this.timedOut = false;
    this.skipped = false;
    this.announcement = '';
    const challenge = this.challenge;
    if (!challenge) return;
    this.limitMs = challenge.timer ? challenge.timer * 1000 : null;
    this.focusNext = 'heading';
    if (challenge.type === 'interactive') this.createWidget(challenge.widget.name, challenge.widget.config ?? {});
    if (this.limitMs !== null) this.stage = 'intro';
    else this.begin();
  }

  private createWidget(name: string, config: Readonly<Record<string, unknown>>): void {
    if (!customElements.get(name)) {
      this.failure = this.t('widgetMissing', { name });
      return;
    }
    const widget = document.createElement(name) as Partial<ChallengeWidget> & HTMLElement;
    widget.config = config;
    widget.lang = this.language;
    widget.disabled = false;
    this.widget = widget;
  }

  /** The challenge is shown: its time (if any) starts now. */
  private begin(): void {
    this.stage = 'answering';
    this.shownAt = this.clock.now();
    if (this.limitMs !== null) {
      this.timerStartedAt = this.shownAt;
      this.now = this.shownAt;
      this.startTicking();
      this.announce(this.t('timeLeftAnnounce', { time: formatDuration(this.limitMs, this.language) }));
    }
  }

  private startTicking(): void {
    this.stopTicking = this.clock.every(1000, () => this.tick());
  }

  private stopTimer(): void {
    this.stopTicking?.();
    this.stopTicking = undefined;
  }

  private remainingAt(time: number): number {
    return (this.limitMs ?? 0) - (time - this.timerStartedAt);
  }

  private tick(): void {
    if (this.limitMs === null || this.stage !== 'answering') return this.stopTimer();
    const before = this.remainingAt(this.now);
    this.now = this.clock.now();
    const after = this.remainingAt(this.now);
    if (after <= 0) {
      this.timedOut = true;
      this.stopTimer();
      this.announce(this.t('timeUp'));
      return;
    }
    const threshold = crossedThreshold(before, after);
    if (threshold !== undefined) this.announce(this.t('timeLeftAnnounce', { time: formatDuration(after, this.language) }));
  }

  private moreTime(): void {
    if (this.limitMs === null) return;
    this.limitMs *= 2;
    const left = this.stage === 'intro' ? this.limitMs : this.remainingAt(this.clock.now());
    this.now = this.clock.now();
    this.announce(this.t('timeExtended', { duration: formatDuration(left, this.language) }));
  }

  private removeLimit(): void {
    this.limitMs = null;
    this.stopTimer();
    this.announce(this.t('timeRemoved'));
    this.focusNext = this.stage === 'intro' ? 'start' : 'heading';
  }

  private announce(text: string): void {
    // The same text twice in a row would not be read again: make it differ.
    this.announcement = text === this.announcement ? `${text}\u00A0` : text;
  }

  private readDraft(): Draft {
    const form = this.renderRoot.querySelector('form');
    const data = form ? new FormData(form) : new FormData();
    const texts: Record<string, string> = {};
    const challenge = this.challenge;
    if (challenge && 'inputs' in challenge)
      for (const input of challenge.inputs) texts[input.key] = String(data.get(`input-${input.key}`) ?? '');
    return {
      choices: data.getAll('choice').map((value) => Number(value)),
      texts,
      ...(this.widgetAnswer && { widget: this.widgetAnswer }),
    };
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    const challenge = this.challenge;
    if (!challenge || this.stage !== 'answering') return;
    const built = buildAnswer(challenge, this.readDraft());
    if ('refusal' in built) {
      this.refusal = built.refusal;
      this.focusNext = 'error';
      return;
    }
    this.send(challenge, built.answer);
  }

  private onSkip(): void {
    const challenge = this.challenge;
    if (!challenge || this.stage !== 'answering') return;
    this.send(challenge, null);
  }

  private onWidgetAnswer(event: CustomEvent<WidgetAnswerDetail>): void {
    const challenge = this.challenge;
    if (!challenge || this.stage !== 'answering') return;
    this.widgetAnswer = event.detail.answer;
    this.refusal = undefined;
    if (event.detail.complete) this.send(challenge, event.detail.answer);
  }

  private send(challenge: Challenge, answer: ChallengeAnswer | null): void {
    const timedOut = answer !== null && this.timedOut;
    this.stopTimer();
    this.refusal = undefined;
    this.failure = undefined;
    this.stage = 'sent';
    this.focusNext = 'outcome';
    this.skipped = answer === null;
    const detail: PlayerSubmitDetail = { challengeId: challenge.id, answer, timedOut };
    const submit = new CustomEvent(PLAYER_SUBMIT_EVENT, { detail, bubbles: true, composed: true, cancelable: true });
    const handled = !this.dispatchEvent(submit);
    if (handled) {
      this.announce(this.outcomeText());
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
    this.announce(this.outcomeText());
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
    const verdict = this.result ?? this.localResult;
    if (this.skipped) return this.t('skipped');
    if (this.mode !== 'learning' || !verdict) return this.t('sent');
    return this.t(verdict.status === 'ok' ? 'right' : 'notRight');
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.failure && !this.reportedFailure && this.challenge?.type === 'interactive' && !this.widget) {
      this.reportedFailure = true;
      const name = this.challenge.widget.name;
      const error = new ObservatoireError('widget_missing', `${this.challenge.id}: the widget element "${name}" is not defined`);
      emit(this, 'obs-error', { code: error.code, message: error.message, error });
    }
    if (changed.has('result') && this.result && this.stage === 'sent') this.announce(this.outcomeText());
    const focus = this.focusNext;
    this.focusNext = undefined;
    if (focus === 'heading') this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
    else if (focus === 'start') this.renderRoot.querySelector<HTMLElement>('#start')?.focus();
    else if (focus === 'outcome') this.renderRoot.querySelector<HTMLElement>('.outcome')?.focus();
    else if (focus === 'error') {
      const target =
        this.renderRoot.querySelector<HTMLElement>('form [aria-invalid="true"]') ??
        (this.refusal?.fields.includes('widget') ? this.widget : undefined) ??
        this.renderRoot.querySelector<HTMLElement>('#error, #failure');
      target?.focus();
    }
  }

  override render(): TemplateResult {
    const challenge = this.challenge;
    const status = html`<p class="visually-hidden" aria-live="polite" part="status" id="status">${this.announcement}</p>`;
    if (!challenge) return html`<p class="hint">${this.t('noChallenge')}</p>${status}`;
    if (this.stage === 'intro') return html`${this.renderIntro()}${status}`;
    const lang = this.language;
    const disabled = this.stage === 'sent';
    return html`
      <section aria-labelledby="heading">
        <h2 id="heading" tabindex="-1" part="heading">${this.renderProgress()}<span class="instruction">${challenge.instruction[lang]}</span></h2>
        ${this.renderAlternative(challenge)}
        ${challenge.type === 'QCM' ? html`<p class="hint" id="qcm-hint">${this.t('qcmHint')}</p>` : nothing}
        ${this.renderIllustration(challenge)} ${this.renderTimer()}
        ${this.failure ? html`<p class="error" id="failure" tabindex="-1" role="alert">${this.failure}</p>` : nothing}
        <form part="form" novalidate @submit=${this.onSubmit}>
          ${keyed(this.play, this.renderFields(challenge, disabled))}
          ${this.refusal ? html`<p class="error" id="error" part="error">${this.refusalText(challenge, this.refusal)}</p>` : nothing}
          ${disabled
            ? nothing
            : html`<div class="actions">
                <button type="submit" class="primary" part="validate">${this.t('validate')}</button>
                <button type="button" part="skip" @click=${this.onSkip}>${this.t('skip')}</button>
              </div>`}
        </form>
        ${disabled ? this.renderOutcome(challenge) : nothing}
      </section>
      ${status}
    `;
  }

  private renderProgress(): TemplateResult | typeof nothing {
    if (!this.position || !this.total) return nothing;
    return html`<span class="progress" part="progress">${this.t('progress', { n: this.position, total: this.total })}</span> `;
  }

  private renderIntro(): TemplateResult {
    const limit = this.limitMs;
    return html`
      <section aria-labelledby="heading" class="intro">
        <h2 id="heading" tabindex="-1" part="heading">${this.renderProgress()}<span class="instruction">${this.t('timedTitle')}</span></h2>
        <p>${limit === null ? this.t('timedNoLimit') : this.t('timedIntro', { duration: formatDuration(limit, this.language) })}</p>
        <div class="actions">
          <button type="button" id="start" class="primary" @click=${this.onStart}>${this.t('start')}</button>
          ${limit === null ? nothing : this.renderTimeControls()}
        </div>
      </section>
    `;
  }

  private onStart(): void {
    this.focusNext = 'heading';
    this.begin();
  }

  private renderTimeControls(): TemplateResult {
    return html`
      <button type="button" @click=${this.moreTime}>${this.t('moreTime')}</button>
      <button type="button" @click=${this.removeLimit}>${this.t('noLimit')}</button>
    `;
  }

  private renderTimer(): TemplateResult | typeof nothing {
    if (this.limitMs === null || this.stage !== 'answering') return nothing;
    const text = this.timedOut
      ? this.t('timeUp')
      : this.t('timeLeft', { time: formatDuration(this.remainingAt(this.now), this.language) });
    return html`
      <div class="timer" part="timer" role="group" aria-label=${this.t('timerRegion')}>
        <p class="time-left">${text}</p>
        ${this.timedOut ? nothing : html`<div class="actions">${this.renderTimeControls()}</div>`}
      </div>
    `;
  }

  private renderAlternative(challenge: Challenge): TemplateResult | typeof nothing {
    const alternative = challenge.alternativeInstruction;
    if (!alternative) return nothing;
    return html`
      <button type="button" class="link" aria-expanded=${this.alternativeShown ? 'true' : 'false'} aria-controls="alternative" @click=${this.toggleAlternative}>
        ${this.t(this.alternativeShown ? 'hideAlternative' : 'showAlternative')}
      </button>
      <div id="alternative" class="alternative" ?hidden=${!this.alternativeShown}>
        <p><span class="visually-hidden">${this.t('alternativeLabel')} </span>${alternative[this.language]}</p>
      </div>
    `;
  }

  private toggleAlternative(): void {
    this.alternativeShown = !this.alternativeShown;
  }

  private renderIllustration(challenge: Challenge): TemplateResult | typeof nothing {
    const picture = challenge.illustration;
    if (!picture) return nothing;
    return html`<figure part="illustration">
      <img src=${this.resolve(picture.src)} alt=${picture.alt[this.language]} width=${picture.width ?? nothing} height=${picture.height ?? nothing} />
    </figure>`;
  }

  private resolve(url: string): string {
    try {
      return new URL(url, this.baseUrl ? new URL(this.baseUrl, document.baseURI) : document.baseURI).href;
    } catch {
      return url;
    }
  }

  private inError(field: string): boolean {
    return this.refusal?.fields.includes(field) ?? false;
  }

  private renderFields(challenge: Challenge, disabled: boolean): TemplateResult {
    const lang = this.language;
    switch (challenge.type) {
      case 'QCU':
      case 'QCM': {
        const multiple = challenge.type === 'QCM';
        const invalid = this.inError('choices');
        const describedBy = [invalid ? 'error' : '', multiple ? 'qcm-hint' : ''].filter(Boolean).join(' ');
        return html`<fieldset ?disabled=${disabled}>
          <legend>${this.t(multiple ? 'chooseSeveral' : 'chooseOne')}</legend>
          ${displayOrder(challenge.proposals.length, this.proposalOrder).map(
            (index) => html`<label class="choice">
              <input
                type=${multiple ? 'checkbox' : 'radio'}
                name="choice"
                value=${index}
                aria-invalid=${invalid ? 'true' : nothing}
                aria-describedby=${describedBy || nothing}
              />
              <span>${challenge.proposals[index - 1]?.[lang]}</span>
            </label>`,
          )}
        </fieldset>`;
      }
      case 'QROC':
        return html`<div class="inputs">${this.renderInput(challenge.inputs[0] as Input, challenge, disabled)}</div>`;
      case 'QROCM-ind':
      case 'QROCM-dep':
        return html`<fieldset ?disabled=${disabled} class="inputs">
          <legend>${this.t('answerLegend')}</legend>
          ${challenge.inputs.map((input) => this.renderInput(input, challenge, disabled))}
        </fieldset>`;
      case 'interactive':
        return html`<div
          class="widget"
          part="widget"
          aria-describedby=${this.inError('widget') ? 'error' : nothing}
          @obs-widget-answer=${this.onWidgetAnswer}
        >
          ${this.widget ?? nothing}
        </div>`;
    }
  }

  private renderInput(input: Input, challenge: Challenge, disabled: boolean): TemplateResult {
    const lang = this.language;
    const id = `input-${input.key}`;
    const invalid = this.inError(input.key);
    const format = input.format ?? challenge.format ?? 'mots';
    const common = { id, invalid: invalid ? 'true' : nothing, describedBy: invalid ? 'error' : nothing };
    let field: TemplateResult;
    if (input.kind === 'select') {
      field = html`<select id=${id} name=${id} ?disabled=${disabled} aria-invalid=${common.invalid} aria-describedby=${common.describedBy}>
        <option value="">${this.t('selectPlaceholder')}</option>
        ${(input.options ?? []).map((option) => html`<option value=${option.value}>${option.label[lang]}</option>`)}
      </select>`;
    } else if (format === 'paragraphe') {
      field = html`<textarea id=${id} name=${id} rows="5" class="size-paragraphe" ?disabled=${disabled} spellcheck="false"
        aria-invalid=${common.invalid} aria-describedby=${common.describedBy}></textarea>`;
    } else {
      field = html`<input id=${id} name=${id} type="text" class=${`size-${format}`} ?disabled=${disabled}
        inputmode=${format === 'nombre' ? 'decimal' : nothing} autocomplete="off" autocapitalize="off" spellcheck="false"
        aria-invalid=${common.invalid} aria-describedby=${common.describedBy} />`;
    }
    return html`<div class="field"><label for=${id}>${input.label[lang]}</label>${field}</div>`;
  }

  private refusalText(challenge: Challenge, refusal: Refusal): string {
    if (refusal.reason === 'qcmNeedsTwo') return this.t('qcmNeedsTwo');
    if (refusal.reason === 'emptyInputs' && 'inputs' in challenge) {
      const labels = challenge.inputs.filter((input) => refusal.fields.includes(input.key)).map((input) => `« ${input.label[this.language]} »`);
      return this.t('emptyInputs', { fields: labels.join(', ') });
    }
    return this.t('emptyAnswer');
  }

  private renderOutcome(challenge: Challenge): TemplateResult | typeof nothing {
    const verdict = this.result ?? this.localResult;
    const learning = this.mode === 'learning';
    const text = html`<p class="outcome" tabindex="-1">${this.outcomeText()}</p>`;
    if (!learning || !verdict || verdict.status === 'ok' || !challenge.help) return text;
    const help = challenge.help;
    const lang = this.language;
    const nextTime = help.hint || help.tutorials?.length;
    return html`${text}
      ${nextTime
        ? html`<section class="help" part="help" aria-labelledby="help-next">
            <h3 id="help-next">${this.t('helpNextTime')}</h3>
            ${help.hint ? html`<p>${help.hint[lang]}</p>` : nothing} ${this.renderLinks(help.tutorials)}
          </section>`
        : nothing}
      ${help.learnMore?.length
        ? html`<section class="help" part="help" aria-labelledby="help-more">
            <h3 id="help-more">${this.t('helpLearnMore')}</h3>
            ${this.renderLinks(help.learnMore)}
          </section>`
        : nothing}`;
  }

  private renderLinks(links: readonly Link[] | undefined): TemplateResult | typeof nothing {
    if (!links?.length) return nothing;
    const lang = this.language;
    return html`<ul class="links">
      ${links.map(
        (link) => html`<li>
          <a href=${this.resolve(link.url)} target="_blank" rel="noopener noreferrer">${link.title[lang]}<span class="visually-hidden"> ${this.t('newWindow')}</span></a>
        </li>`,
      )}
    </ul>`;
  }
}
