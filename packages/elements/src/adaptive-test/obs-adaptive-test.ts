import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { ObservatoireError } from '@observatoire/core';
import {
  competenceProfile,
  createAdaptiveSession,
  type AdaptiveBank,
  type AdaptiveSession,
  type AdaptiveTestConfig,
  type CompetenceProfile,
} from '@observatoire/core/adaptive';
import '../challenge-player/obs-challenge-player.define.js';
import type { ObsChallengePlayer } from '../challenge-player/obs-challenge-player.js';
import type { PlayerSubmitDetail } from '../challenge-player/events.js';
import { toLang, translate, type MessageParams } from '@observatoire/core/i18n';
import { base } from '../shared/styles.js';
import { ADAPTIVE_FINISHED_EVENT, type AdaptiveFinishedDetail } from './events.js';
import { messages, type AdaptiveMessageKey } from './messages.js';
import { profileCard } from './profile-card.js';
import { AdaptiveRecorder } from './recorder.js';
import { AdaptiveSessionController } from './session-controller.js';

export { ADAPTIVE_FINISHED_EVENT, type AdaptiveFinishedDetail } from './events.js';
export { profileCard } from './profile-card.js';

/**
 * Runs an adaptive positioning test (docs/adaptive.md): each item in the existing
 * `<obs-challenge-player>` (measurement mode, no correction), the next item chosen by the core's
 * adaptive session, then the competence profile. Renders from `session.state` only; what people
 * do becomes `session.dispatch(...)`.
 *
 * @example
 * const test = document.createElement('obs-adaptive-test');
 * test.bank = parseAdaptiveBank(await (await fetch('/adaptive/bank-2026.json')).json());
 * test.addEventListener('obs-adaptive-finished', (event) => console.log(event.detail.profile.totalPix));
 * document.body.append(test);
 *
 * @attr lang - `fr` (default) or `en`.
 * @attr seed - Seed of the session (random when absent); ignored when `session` is given.
 * @attr base-url - Base URL for illustrations and links given as relative URLs.
 * @attr mediator - A mediator is beside the participant: shows "Arrêter le test".
 * @attr endpoint - The collector's URL: the test is sent there through the page's outbox (docs/outbox.md), each answer as it is given.
 * @attr organisation - Organisation code sent with the session (with `endpoint`).
 * @prop {AdaptiveBank | undefined} bank - The item bank (from `parseAdaptiveBank`).
 * @prop {AdaptiveTestConfig | undefined} config - Estimator, selection and stopping rule; the core's default when absent.
 * @prop {AdaptiveSession | undefined} session - A session to run (e.g. restored); created from `bank` when absent.
 * @fires {CustomEvent<AdaptiveFinishedDetail>} obs-adaptive-finished - `{ profile, snapshot }` once the test is over.
 * @fires {CustomEvent<ErrorEventDetail>} obs-error - With `endpoint`: `outbox_rejected` when the collector refused a request for good, `outbox_unavailable` without IndexedDB.
 * @csspart progress - "Question 3".
 * @csspart player - The nested `<obs-challenge-player>`.
 * @csspart stop - The mediator's "Arrêter le test" button.
 * @csspart profile - The competence profile.
 * @csspart total - The pix score.
 * @csspart area - One area of the profile.
 * @csspart competence - One competence line.
 * @csspart tutorials - The tutorials of a competence.
 * @csspart not-measured - The competences the bank does not measure.
 * @csspart provenance - What the test is: who wrote it, and that its parameters are provisional (the bank's provenance).
 * @csspart stopped - The note shown when the mediator stopped the test.
 * @csspart status - The live region.
 * @cssprop --obs-color-primary - Main action colour.
 * @cssprop --obs-target-size - Minimum size of buttons (default 48px).
 */
export class ObsAdaptiveTest extends LitElement {
  static override properties = {
    bank: { attribute: false },
    config: { attribute: false },
    session: { attribute: false },
    lang: { reflect: true },
    seed: {},
    baseUrl: { attribute: 'base-url' },
    mediator: { type: Boolean, reflect: true },
    endpoint: {},
    organisation: {},
    announcement: { state: true },
  };

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .progress {
        margin: 0 0 0.5em;
        font-weight: 600;
      }
      .stop {
        min-height: var(--obs-target-size, 48px);
        margin-top: 1em;
      }
      .profile ul {
        padding-inline-start: 1.25em;
      }
      .profile li {
        margin-bottom: 0.75em;
      }
      .uncertainty,
      .tutorials {
        display: block;
        font-style: italic;
      }
    `,
  ];

  declare bank: AdaptiveBank | undefined;
  declare config: AdaptiveTestConfig | undefined;
  declare session: AdaptiveSession | undefined;
  declare lang: string;
  declare seed: string | undefined;
  declare baseUrl: string | undefined;
  declare mediator: boolean;
  declare endpoint: string | undefined;
  declare organisation: string | undefined;
  declare private announcement: string;

  readonly #sessionController = new AdaptiveSessionController(this);
  readonly #recorder = new AdaptiveRecorder(this);
  #profile: CompetenceProfile | undefined;
  #finishedSent = false;

  constructor() {
    super();
    this.lang = 'fr';
    this.mediator = false;
    this.announcement = '';
  }

  get #lang() {
    return toLang(this.lang);
  }

  #t(key: AdaptiveMessageKey, params?: MessageParams): string {
    return translate(messages, this.#lang, key, params);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.session && this.bank)
      this.session = createAdaptiveSession(this.bank, { ...(this.config ? { config: this.config } : {}), ...(this.seed ? { seed: this.seed } : {}) });
    if (changed.has('session')) {
      this.#profile = undefined;
      this.#finishedSent = false;
    }
    this.#sessionController.follow(this.session);
    if (this.endpoint)
      this.#recorder.record(this.session, { endpoint: this.endpoint, lang: this.#lang, ...(this.organisation ? { organisation: this.organisation } : {}) });
  }

  protected override render(): TemplateResult | typeof nothing {
    const session = this.session;
    if (!session) return nothing;
    const state = session.state;
    if (state.phase === 'finished' || !state.current) {
      this.#profile ??= competenceProfile(session.bank, state.responses);
      return html`${profileCard(this.#profile, this.#lang, state.stopReason === 'stopped', session.bank.tutorials, session.bank.provenance.description)}${this.#status()}`;
    }
    const current = state.current;
    const challenge = session.bank.items.find((item) => item.challenge.id === current.itemId)?.challenge;
    return html`<section aria-label=${this.#t('label')}>
        <p class="progress" part="progress">${this.#t('progress', { n: state.responses.length + 1 })}</p>
        ${keyed(
          current.itemId,
          html`<obs-challenge-player
            part="player"
            .challenge=${challenge}
            .proposalOrder=${current.proposalOrder}
            lang=${this.#lang}
            mode="measurement"
            base-url=${this.baseUrl ?? nothing}
            ?mediator=${this.mediator}
            @obs-player-submit=${this.#onPlayerSubmit}
          ></obs-challenge-player>`,
        )}
        ${this.mediator ? html`<button type="button" class="stop" part="stop" @click=${this.#onStop}>${this.#t('stop')}</button>` : nothing}
      </section>
      ${this.#status()}`;
  }

  protected override updated(): void {
    const session = this.session;
    if (!session || session.state.phase !== 'finished' || this.#finishedSent || !this.#profile) return;
    this.#finishedSent = true;
    // The profile is a new screen: its heading takes the focus.
    this.renderRoot.querySelector<HTMLElement>('#profile-heading')?.focus();
    const detail: AdaptiveFinishedDetail = { profile: this.#profile, snapshot: session.toJSON() };
    this.dispatchEvent(new CustomEvent(ADAPTIVE_FINISHED_EVENT, { detail, bubbles: true, composed: true }));
  }

  #status(): TemplateResult {
    return html`<p class="visually-hidden" part="status" role="status" aria-live="polite">${this.announcement}</p>`;
  }

  #onPlayerSubmit(event: CustomEvent<PlayerSubmitDetail>): void {
    event.preventDefault();
    const session = this.session;
    if (!session) return;
    const { challengeId, answer, timedOut } = event.detail;
    try {
      session.dispatch(answer === null ? { type: 'skipItem', itemId: challengeId } : { type: 'answerItem', itemId: challengeId, answer, ...(timedOut && { timedOut }) });
    } catch (error) {
      // Never from the player's own fields; a widget bug. The player says so and emits obs-error.
      (event.target as ObsChallengePlayer).showAnswerShapeError(error as ObservatoireError);
      return;
    }
    this.announcement = this.#t('recorded');
  }

  #onStop(): void {
    this.session?.dispatch({ type: 'stop' });
  }
}

