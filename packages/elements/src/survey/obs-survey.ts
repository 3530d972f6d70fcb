import { ContextProvider } from '@lit/context';
import { type SessionEvent, type SessionState, type SurveyDefinition, type SurveySession } from '@observatoire/core';
import { toLang, translate, type MessageParams } from '@observatoire/core/i18n';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { surveyContext, type SurveyContextValue, type SurveyMode } from '../context.js';
import { emit, type SessionLinks } from '../events.js';
import { Announcer } from '../shared/announcer.js';
import { Subscription } from '../shared/subscription.js';
import { failureOf, type LoadFailure, type SurveyDefinitionSource } from './load.js';
import type { Recorder } from './loading.js';
import { openSurvey, type CampaignRefused } from './open.js';
import { messages, type SurveyMessageKey } from './messages.js';
import { forwardToSink, type SurveySink } from './sink.js';
import { checkLinks, linkError, renderLinkFailure, type LinkFailure } from './links.js';
import type { RefusalController } from './refusal.js';
import type { CampaignCheck, CampaignRefusal } from './campaign-check.js';
import { focusAfterPaint, focusScreen, renderFailure, renderInformation, renderNested, screenName, screenOf, type Screen } from './screens.js';
import { styles } from './styles.js';
import { placeOf, surveyProperties } from './properties.js';
import { loadHistory } from './history-loader.js';
import { startSession } from './start.js';

export type { SurveyDefinitionSource } from './load.js';
export type { SurveySink, SurveySinkRecord } from './sink.js';

/** `neutral` (default) or `dsfr`: only State sites may opt in to the DSFR look. */
export type SurveyTheme = 'neutral' | 'dsfr';

/**
 * The whole Observatoire survey in one element, as the protocol says: information and
 * consent, then the questionnaire (review and validation), then the courses with their
 * end-of-course pages, then the results. It creates the session and shares it, with its
 * configuration, with the nested elements through `surveyContext`.
 *
 * @summary The all-in-one survey: consent → questionnaire → courses → results.
 *
 * @attr {string} definition - URL of the survey definition (JSON), resolved against the page. As a property it may also be the definition object.
 * @attr {'fr' | 'en'} lang - Language of the texts, French by default; can change at any time.
 * @attr {boolean} mediator - A mediator sits beside the participant: mediator controls are shown.
 * @attr {'neutral' | 'dsfr'} theme - `dsfr` follows the DSFR's CSS variables of the host page (State sites only). Neutral by default.
 * @attr {'measurement' | 'learning'} mode - `measurement` (default) shows no correction; `learning` shows help after a miss (after the last challenge, the results follow the help).
 * @attr {string} endpoint - URL of the collector the answers are sent to.
 * @attr {string} organisation - Code of the organisation, recorded with the session.
 * @attr {string} campaign - Code of the campaign (`ABC-234`, with `endpoint`): checked with the collector before the person starts; an unknown or closed campaign is explained on screen (`obs-error` `campaign_unknown` or `campaign_closed`).
 * @attr {string} organisation-name - Who keeps the data, named on the information screen (docs/elements.md, "Vos données").
 * @attr {string} contact - Whom to ask to erase the data (an e-mail, a phone number, a desk), on the information screen.
 * @attr {number} retention-months - How long the data is kept, on the information screen.
 * @attr {'online' | 'paper'} channel - `paper`: a mediator types in a paper questionnaire (its date, then every question on one page; no course). Online by default.
 * @attr {boolean} history - The browser's Back goes to the previous screen of the questionnaire and never leaves the survey without asking (docs/elements.md, "History").
 * @attr {string} external-ref - The host platform's reference for the session (1 to 128 visible ASCII characters): sent with it, in the events' `detail`, never shown. A bad one stops the survey (`obs-error` `invalid_external_ref`).
 * @attr {string} follow-up-code - The follow-up code of an earlier session (`ABCD-EFGH`, typed by the mediator) to share; a new one is made without it. A typo is explained on screen (`obs-error` `invalid_follow_up_code`).
 *
 * @prop {SurveySink | undefined} sink - Receives each new session event (the offline outbox plugs in here).
 * @prop {unknown} referralLinks - The structure's next steps for the referral sheet of the results (`{ title, url, detail? }[]`, docs/player.md).
 * @prop {SurveySession | undefined} session - The running session, once the definition is loaded (read-only).
 * @prop {Record<string, unknown> | undefined} prefill - Answers the structure already knows, by question id and option code, given at the start: shown on the review marked "à confirmer"; a bad entry is reported (`obs-error`) and left out.
 *
 * @fires {CustomEvent<SurveyCompleteDetail>} obs-survey-complete - The session is finished (all courses done, or the participant left at an end-of-course page). Detail: `state`, `snapshot`.
 * @fires {CustomEvent<ErrorEventDetail>} obs-error - The definition could not be loaded (`load_failed`) or is not valid (`invalid_content`); a bad `external-ref` or `follow-up-code` (`invalid_external_ref`, `invalid_follow_up_code`).
 * @fires {CustomEvent<QuestionnaireValidatedDetail>} obs-questionnaire-validated - From the nested `<obs-questionnaire>`.
 * @fires {CustomEvent<AnswerEventDetail>} obs-answer - From the nested challenge player, after each challenge.
 * @fires {CustomEvent<CourseEndDetail>} obs-course-end - From the nested `<obs-course-chainer>`, at the end of each course.
 *
 * @csspart sync-status - The mediator's line telling whether the answers reached the collector (with `endpoint`).
 * @csspart screen - The container of the current screen.
 * @csspart heading - The heading of the screens drawn by `<obs-survey>` itself.
 * @csspart consent - The consent checkbox and its label.
 * @csspart your-data - The "Vos données" section of the information screen (who keeps the data, how long, whom to ask).
 * @csspart start-button - The "Commencer" button.
 * @csspart refusal-button - The mediator's "La personne ne passe pas le questionnaire" (with `mediator` and `endpoint`).
 * @csspart refusal - The reasons of a refusal.
 * @csspart next-button - "Personne suivante", once a refusal is recorded.
 * @csspart error - The error shown when the definition cannot be used.
 * @csspart questionnaire - The nested `<obs-questionnaire>`.
 * @csspart course-chainer - The nested `<obs-course-chainer>`.
 * @csspart results-card - The nested `<obs-results-card>`.
 *
 * @cssprop --obs-font-family - Font of every text.
 * @cssprop --obs-font-size - Base text size (1.125rem).
 * @cssprop --obs-color-text - Text colour.
 * @cssprop --obs-color-text-muted - Secondary text colour.
 * @cssprop --obs-color-background - Background.
 * @cssprop --obs-color-surface - Background of panels.
 * @cssprop --obs-color-border - Borders of fields and choices.
 * @cssprop --obs-color-primary - Main buttons and selected choices.
 * @cssprop --obs-color-on-primary - Text on the primary colour.
 * @cssprop --obs-color-primary-soft - Background of selected choices.
 * @cssprop --obs-color-success - Success messages.
 * @cssprop --obs-color-error - Error messages.
 * @cssprop --obs-color-focus - Focus ring.
 * @cssprop --obs-radius - Corner radius.
 * @cssprop --obs-space - Base spacing.
 * @cssprop --obs-target-size - Minimum height and width of buttons and choices (48px).
 */
export class ObsSurvey extends LitElement {
  static override properties = surveyProperties;

  static override styles = styles;
  declare definition: SurveyDefinitionSource | undefined;
  declare lang: string;
  declare mediator: boolean;
  declare theme: SurveyTheme | undefined;
  declare mode: SurveyMode;
  declare endpoint: string | undefined;
  declare organisation: string | undefined;
  declare campaign: string | undefined;
  declare organisationName: string | undefined;
  declare contact: string | undefined;
  declare retentionMonths: number | undefined;
  declare history: boolean;
  declare externalRef: string | undefined;
  declare followUpCode: string | undefined;
  declare private linkFailure: LinkFailure | undefined;
  declare channel: 'online' | 'paper' | undefined;
  declare prefill: Readonly<Record<string, unknown>> | undefined;
  declare sink: SurveySink | undefined;
  declare referralLinks: unknown;
  declare private sessionState: SessionState | undefined;
  declare private failure: LoadFailure | undefined;
  declare private campaignRefusal: CampaignRefusal | undefined;
  declare private consent: boolean;
  declare private consentError: boolean;
  declare private paperDateError: boolean;
  /** Finished, but the course chainer still shows the help of the last challenge (learning mode). */
  declare private awaitingChainer: boolean;

  #session: SurveySession | undefined;
  #recorder: Recorder | undefined;
  /** With a campaign, the collector's verdict: "Commencer" waits for it. */
  #campaignCheck: CampaignCheck | undefined;
  #definition: SurveyDefinition | undefined;
  #baseUrl = '';
  /** The paper form's screens, loaded only for `channel="paper"` (or a paper session). */
  #paper: typeof import('./paper/entry.js') | undefined;
  /** Every event of the running session, while the survey is in the page. */
  #sessionChanges = new Subscription(this, () => this.#session, (state: SessionState, event: SessionEvent) => this.#onSessionEvent(state, event));
  #loads = 0;
  /** Set when the person moved to another screen: focus follows after the render. */
  #moveFocus = false;
  #focused: Promise<void> = Promise.resolve();
  #provider = new ContextProvider(this, { context: surveyContext });
  #announcer = new Announcer(this);
  /** Back inside the survey, loaded only with `history` (docs/elements.md, "History"). */
  #history: Promise<unknown> | undefined;
  /** The session's external reference and follow-up code, in every event of the session. */
  #links: SessionLinks = {};
  /** The mediator's refusals, with a collector only (its code comes with the outbox's). */
  #refusal: RefusalController | undefined;

  constructor() {
    super();
    this.lang = 'fr';
    this.mediator = false;
    this.mode = 'measurement';
    this.consent = this.consentError = this.paperDateError = this.awaitingChainer = false;
  }

  /** The running session, once the definition is loaded. */
  get session(): SurveySession | undefined {
    return this.#session;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The links may be corrected until the session starts (a typo in the follow-up code).
    const relink = (changed.has('externalRef') || changed.has('followUpCode')) && (this.linkFailure || this.sessionState?.phase === 'information');
    if (changed.has('definition') || relink) void this.#load(this.definition);
    if (!this.#paper && (this.channel === 'paper' || this.sessionState?.channel === 'paper'))
      void import('./paper/entry.js').then((paper) => ((this.#paper = paper), this.requestUpdate()));
    if (changed.has('lang') || changed.has('mediator') || changed.has('mode')) this.#publish();
    if (this.history && !this.#history)
      this.#history = loadHistory(this, { screen: () => this.#screen, t: (key) => this.#t(key) }).catch(() => void (this.#history = undefined));
  }

  protected override updated(changed: PropertyValues): void {
    if (!(changed.has('sessionState') || changed.has('awaitingChainer')) || !this.#moveFocus) return;
    this.#moveFocus = false;
    this.#focused = focusAfterPaint(this.renderRoot);
  }

  /** Resolves once the screen is drawn and the focus has moved to its heading. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    return this.#focused.then(() => done);
  }

  protected override render(): TemplateResult {
    // With a collector, the mediator sees whether the answers have reached it ("Enregistré",
    // "En attente de réseau"), discreetly, below the screen.
    const sync = this.endpoint && this.mediator && this.sessionState && this.#recorder;
    const refusal = this.campaignRefusal && this.#recorder?.renderCampaignRefusal(this.campaignRefusal, this.campaign ?? '', this.#lang);
    const blocked = this.linkFailure ? renderLinkFailure(this.linkFailure, this.#lang) : refusal;
    return html`<div part="screen" class="screen">${blocked || this.#renderScreen()}</div>
      ${sync ? html`<obs-sync-status part="sync-status" lang=${this.#lang}></obs-sync-status>` : nothing}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#announcer.text}</div>`;
  }

  #renderScreen(): TemplateResult | typeof nothing {
    const lang = this.#lang;
    const theme = this.theme ?? nothing;
    switch (this.#screen) {
      case 'loading':
        return html`<p class="hint">${this.#t('loading')}</p>`;
      case 'error':
        return renderFailure(this.failure!, this.#t);
      case 'information': {
        if (this.#refusal?.step === 'recorded') return this.#refusal.recorded();
        const consent = { t: this.#t, consent: this.consent, consentError: this.consentError, onStart: () => this.#onStart(),
          onConsent: (event: Event) => (this.consent = (event.target as HTMLInputElement).checked) };
        if (this.channel === 'paper')
          return this.#paper?.renderPaperEntry({ ...consent, lang, dateError: this.paperDateError }) ?? html`<p class="hint">${this.#t('loading')}</p>`;
        return html`${renderInformation(this.#definition!, { ...consent, lang, keeper: this })}${this.mediator && this.endpoint && this.#refusal ? this.#refusal.offer() : nothing}`;
      }
      default:
        if (this.#screen === 'results' && this.sessionState?.channel === 'paper' && this.#paper)
          return this.#paper.renderPaperDone(lang, this.#t('paperDoneTitle'), () => void this.#load(this.definition));
        return renderNested(this.#screen, lang, theme, this.#onCoursesDone, this.referralLinks);
    }
  }

  #onStart(): void {
    // Refused with a message tied to the checkbox, rather than a disabled button nobody can explain.
    if (!this.consent) return void ((this.consentError = true), this.#focusField('input[type="checkbox"]'));
    // With a campaign, the collector's verdict first (docs/loading.md, "The outbox after the first screen").
    const check = this.#campaignCheck;
    if (check && !check.mayStart(this.renderRoot.querySelector('[part="start-button"]'), () => this.#campaignCheck === check && this.#onStart())) return;
    // A paper form's date: the core's rule (`paperDateProblem`) decides, a refusal is shown on the field.
    const typed = this.renderRoot.querySelector<HTMLInputElement>('#paper-date')?.value ?? '';
    const paperDate = this.channel === 'paper' ? (this.#paper?.paperDateOf(typed) ?? typed) : undefined;
    if (this.#session && !startSession(this, this.#session, { paperDate, prefill: this.prefill })) {
      this.paperDateError = true;
      this.#focusField('#paper-date');
    }
  }

  #focusField(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(selector)?.focus());
  }

  get #lang() {
    return toLang(this.lang);
  }

  #t = (key: SurveyMessageKey, params?: MessageParams): string => translate(messages, this.#lang, key, params);

  get #screen(): Screen {
    if (this.failure) return 'error';
    if (!this.sessionState) return 'loading';
    return this.awaitingChainer ? 'courses' : screenOf(this.sessionState);
  }

  async #load(source: SurveyDefinitionSource | undefined): Promise<void> {
    const load = ++this.#loads;
    this.#stop();
    [this.failure, this.campaignRefusal, this.sessionState, this.#campaignCheck] = [undefined, undefined, undefined, undefined];
    [this.consent, this.consentError, this.paperDateError, this.awaitingChainer] = [false, false, false, false];
    this.#refusal?.reset();
    const links = checkLinks(this.externalRef, this.followUpCode);
    this.linkFailure = links.ok ? undefined : links.failure;
    if (!links.ok) return void emit(this, 'obs-error', linkError(links.failure));
    if (source === undefined || source === null || source === '') return;
    const current = () => load === this.#loads;
    const request = { host: this, source, endpoint: this.endpoint, place: placeOf(this), links: links.links, lang: () => this.#lang, current };
    const opened = await openSurvey(request).catch((error: unknown) => void (current() && this.#fail(error)));
    if (!opened || !current()) return;
    if (opened.kind === 'refused') return this.#refuseCampaign(opened);
    this.#campaignCheck = opened.check;
    const { definition, session, recorder } = opened;
    void Promise.resolve(recorder).then((loaded) => loaded && current() && this.#useRecorder(loaded));
    // A refusal that comes after the first screen replaces it: that session never starts.
    void opened.refused.then((refused) => refused && current() && this.#refuseCampaign(refused), (error: unknown) => current() && this.#fail(error));
    [this.#definition, this.#baseUrl, this.#links] = [definition, opened.baseUrl, opened.links];
    // After the resume dialog ("Reprendre", or "Commencer pour une autre personne"), or on a
    // resumed session, focus goes to the heading of the screen shown, which is announced.
    this.#moveFocus = opened.asked || session.state.phase !== 'information';
    this.#session = session;
    this.#sessionChanges.follow();
    this.sessionState = session.state;
    this.#publish();
    if (this.#moveFocus) this.#announcer.say(screenName(session.state, definition, this.#t));
  }

  /** The outbox's code is in: the sync status and the mediator's refusals come with it. */
  #useRecorder(recorder: Recorder): void {
    this.#recorder = recorder;
    this.#refusal ??= new recorder.RefusalController(this, {
      lang: () => this.#lang,
      record: (reason) => recorder.recordRefusal({ endpoint: this.endpoint!, surveyId: this.#definition!.id, contentVersion: this.#definition!.version, reason, ...placeOf(this) }),
      onNext: () => void this.#load(this.definition).then(() => this.updateComplete).then(() => focusScreen(this.renderRoot)),
    });
    this.requestUpdate();
  }

  #refuseCampaign({ refusal, recorder }: CampaignRefused): void {
    this.#useRecorder(recorder);
    this.#stop();
    [this.sessionState, this.campaignRefusal] = [undefined, refusal];
    emit(this, 'obs-error', recorder.campaignError(refusal, this.campaign ?? ''));
  }

  #onSessionEvent(state: SessionState, event: SessionEvent): void {
    const before = this.sessionState;
    const screenBefore = this.#screen;
    // In learning mode the last challenge may be followed by its help: the chainer says when
    // the results may show (obs-courses-done).
    if (state.phase === 'finished' && screenBefore === 'courses' && this.mode === 'learning') this.awaitingChainer = true;
    this.sessionState = state;
    // Consumers re-render from the new value at once, before this element's own update.
    this.#publish();
    forwardToSink(this, this.sink, { event, state, endpoint: this.endpoint || undefined, organisation: this.organisation || undefined });
    if (screenBefore !== this.#screen) {
      this.#moveFocus = true;
      this.#announcer.say(screenName(state, this.#definition!, this.#t));
    }
    if (state.phase === 'finished' && before?.phase !== 'finished') {
      // The last event of a session (docs/elements.md): the chainer reports the last obs-answer
      // and obs-course-end right after the session's change, in the same task.
      const snapshot = this.#session!.toJSON();
      queueMicrotask(() => emit(this, 'obs-survey-complete', { state, snapshot, ...this.#links }));
    }
  }

  #onCoursesDone(): void {
    if (!this.awaitingChainer || !this.sessionState) return;
    this.awaitingChainer = false;
    this.#moveFocus = true;
    this.#announcer.say(screenName(this.sessionState, this.#definition!, this.#t));
  }

  #publish(): void {
    if (!this.#session || !this.#definition || !this.sessionState) {
      this.#provider.setValue(undefined);
      return;
    }
    const [session, state, definition, lang, mediator, baseUrl, links] = [this.#session, this.sessionState, this.#definition, this.#lang, this.mediator, this.#baseUrl, this.#links];
    const value: SurveyContextValue = { session, state, definition, lang, mediator, mode: this.mode === 'learning' ? 'learning' : 'measurement', baseUrl, links };
    this.#provider.setValue(value);
  }

  #fail(error: unknown): void {
    const { error: failure, failure: shown } = failureOf(error);
    this.failure = shown;
    emit(this, 'obs-error', { code: failure.code, message: failure.message, error: failure });
  }

  #stop(): void {
    [this.#session, this.#definition] = [undefined, undefined];
    this.#sessionChanges.follow();
    this.#publish();
  }
}
