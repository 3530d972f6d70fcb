import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { type SurveyDefinition } from '@observatoire/core';
import { toLang, translate } from '@observatoire/core/i18n';
import { emit, type ErrorEventDetail } from '../events.js';
import { Announcer } from '../shared/announcer.js';
import { base } from '../shared/styles.js';
import { failureOf, loadDefinition } from '../survey/load.js';
import { campaignsTemplate } from './campaigns.js';
import { FollowController } from './follow-controller.js';
import { groupsTemplate } from './groups.js';
import { messages, type DashboardText } from './messages.js';
import { participantsTemplate, stagesTemplate } from './participants.js';
import { reportTemplate } from './report-part.js';
import { resultsTemplate } from './results.js';
import { dashboardStyles } from './styles.js';
import { clock, participantName, type DashboardView } from './view.js';

/** Seconds between two reads of the followed campaign, unless `interval` says otherwise; never under `MIN_INTERVAL`. */
const DEFAULT_INTERVAL = 10;
const MIN_INTERVAL = 2;

type DefinitionState = { kind: 'none' | 'loading' } | { kind: 'ready'; definition: SurveyDefinition } | { kind: 'error'; detail: string };

/**
 * A structure's view of its campaigns' participant progress, read from the collector with the
 * structure's key (docs/dashboard.md): its campaigns (code, dates, open or closed, participants and target); the followed
 * campaign's participants, numbered and never named, with their stage, courses and test time, updated
 * live while the page is shown; each participant's results (per course and per challenge, who skipped
 * what, the level); workshop groups by level and by missed competence; and the structure's report beside
 * the national figures once it has 100 valid respondents (below: the count and why).
 *
 * The key is a **property**, never an attribute: an attribute sits in the page's markup, where any
 * script, extension, saved copy of the page or CSS selector can read it, and where it is easy to paste
 * into a bug report.
 *
 * Load it from its own script (`observatoire-dashboard.js` or `@observatoire/elements/dashboard`).
 *
 * @example
 * <obs-dashboard endpoint="https://collecte.example.fr" definition="/surveys/observatoire-2025.json"></obs-dashboard>
 * <script type="module">
 *   document.querySelector('obs-dashboard').apiKey = structureKey; // from a login, never in the markup
 * </script>
 *
 * @attr endpoint - The collector's URL (the same as `<obs-survey endpoint>`).
 * @attr definition - URL of the survey definition JSON: names courses and competences (without it, ids stand in and only the level groups are made).
 * @attr lang - `fr` (default) or `en`.
 * @attr interval - Seconds between two reads of the followed campaign while the page is shown (default 10, at least 2).
 * @prop {string | undefined} apiKey - The structure's key (`obs_…`), sent as `Authorization: Bearer`. Never an attribute.
 * @fires {CustomEvent<ErrorEventDetail>} obs-error - `{ code, message, error }` with a `DashboardError` (`no_key`, `key_refused`, `key_revoked`, `load_failed`, `bad_response`), or the definition's load error.
 * @csspart table - Each table.
 * @csspart participants - The participants' table.
 * @csspart results - A participant's results.
 * @csspart level-groups - The list of groups by level.
 * @csspart competence-groups - The list of groups by competence.
 * @cssprop --obs-color-primary - Buttons and the mark of each group.
 * @cssprop --obs-color-border - Table rules.
 * @cssprop --obs-color-error - Error marks.
 */
export class ObsDashboard extends LitElement {
  static override properties: PropertyDeclarations = {
    endpoint: { reflect: true },
    apiKey: { attribute: false },
    definition: {},
    lang: { reflect: true },
    interval: { type: Number },
    definitionState: { state: true },
  };

  static override styles = [base, dashboardStyles];

  declare endpoint: string | undefined;
  declare apiKey: string | undefined;
  declare definition: string | undefined;
  declare lang: string;
  declare interval: number;
  /** @internal */
  declare private definitionState: DefinitionState;

  #follow = new FollowController(this, () => ({
    endpoint: this.endpoint,
    apiKey: this.apiKey,
    intervalMs: Math.max(MIN_INTERVAL, Number.isFinite(this.interval) ? this.interval : DEFAULT_INTERVAL) * 1000,
  }));
  #announcer = new Announcer(this);
  #reportedError: unknown;
  #announcedChanges: unknown;
  #focusResults = false;

  constructor() {
    super();
    this.lang = 'fr';
    this.interval = DEFAULT_INTERVAL;
    this.definitionState = { kind: 'none' };
  }

  #t: DashboardText = (key, params) => translate(messages, toLang(this.lang), key, params);

  get #view(): DashboardView {
    const state = this.definitionState;
    return { lang: toLang(this.lang), t: this.#t, definition: state.kind === 'ready' ? state.definition : undefined };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || changed.has('apiKey')) void this.#follow.load();
    if (changed.has('definition')) void this.#loadDefinition(this.definition);
  }

  protected override updated(): void {
    const follow = this.#follow;
    const error = follow.error ?? (this.definitionState.kind === 'error' ? this.definitionState : undefined);
    if (error && error !== this.#reportedError) {
      this.#reportedError = error;
      if (follow.error) emit(this, 'obs-error', { code: follow.error.code, message: follow.error.message, error: follow.error });
    }
    if (follow.lastChanges && follow.lastChanges !== this.#announcedChanges) {
      this.#announcedChanges = follow.lastChanges;
      this.#announcer.say(this.#changesText());
    }
    if (this.#focusResults) {
      const heading = this.renderRoot.querySelector<HTMLElement>('#results-heading');
      if (heading) {
        this.#focusResults = false;
        heading.focus();
      }
    }
  }

  async #loadDefinition(url: string | undefined): Promise<void> {
    if (!url) {
      this.definitionState = { kind: 'none' };
      return;
    }
    this.definitionState = { kind: 'loading' };
    try {
      const { definition } = await loadDefinition(url);
      if (url === this.definition) this.definitionState = { kind: 'ready', definition };
    } catch (error) {
      const { error: typed, failure } = failureOf(error);
      if (url !== this.definition) return;
      this.definitionState = { kind: 'error', detail: failure.details.join('; ') };
      emit(this, 'obs-error', { code: failure.code, message: typed.message, error: typed });
    }
  }

  /** The polite summary of one poll's changes: who joined, who moved on (never every tick). */
  #changesText(): string {
    const changes = this.#follow.lastChanges;
    if (!changes) return '';
    const parts = changes.joined > 0 ? [this.#t('changeJoined', { n: changes.joined })] : [];
    for (const [stage, n] of Object.entries(changes.moved) as [keyof typeof changes.moved, number][])
      if (n > 0 && stage !== 'started') parts.push(this.#t('changeStage', { stage: this.#t(`stage_${stage}`), n }));
    return parts.join(' ');
  }

  #open(sessionId: string): void {
    if (this.#follow.results?.sessionId === sessionId) return this.#close();
    this.#focusResults = true;
    void this.#follow.open(sessionId);
  }

  #close(): void {
    const sessionId = this.#follow.results?.sessionId;
    this.#follow.close();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`tr[data-session="${CSS.escape(sessionId ?? '')}"] button`)?.focus());
  }

  override render(): TemplateResult {
    const view = this.#view;
    const { t } = view;
    const follow = this.#follow;
    const number = follow.participants.findIndex((p) => p.sessionId === follow.results?.sessionId) + 1;
    return html`
      <div class="visually-hidden" role="status" aria-live="polite">${this.#announcer.text}</div>
      <h2>${t('title')}</h2>
      ${follow.error
        ? html`<div role="alert">
            <p><strong>${t('errorTitle')}</strong></p>
            <p>${t(`error_${follow.error.code}`, { status: follow.error.status ?? '', endpoint: this.endpoint ?? '', detail: follow.error.message })}</p>
            <button type="button" @click=${() => void this.#follow.load()}>${t('retry')}</button>
          </div>`
        : nothing}
      ${this.definitionState.kind === 'error' ? html`<p class="error">${t('error_definition', { detail: this.definitionState.detail })}</p>` : nothing}
      <section aria-labelledby="campaigns-heading">
        <h3 id="campaigns-heading">${t('campaignsTitle')}</h3>
        ${follow.campaigns ? campaignsTemplate(view, follow.campaigns, follow.followed, (code) => void follow.follow(code), Date.now()) : follow.error ? nothing : html`<p>${t('loading')}</p>`}
      </section>
      ${follow.followed
        ? html`<section aria-labelledby="participants-heading">
              <h3 id="participants-heading">${t('participantsTitle', { code: follow.followed })}</h3>
              <p class="live">
                ${t(follow.live ? 'liveOn' : 'liveOff', { seconds: Math.max(MIN_INTERVAL, this.interval || DEFAULT_INTERVAL) })}
                ${follow.updatedAt ? t('updatedAt', { time: clock(view, follow.updatedAt) }) : ''}
              </p>
              ${follow.counts ? stagesTemplate(view, follow.counts) : nothing}
              ${participantsTemplate(view, follow.participants, follow.results?.sessionId, (id) => this.#open(id))}
              <div id="results">${resultsTemplate(view, follow.results, participantName(view, number), () => this.#close())}</div>
            </section>
            <section aria-labelledby="groups-heading">
              <h3 id="groups-heading">${t('groupsTitle')}</h3>
              ${groupsTemplate(view, follow.participants)}
            </section>`
        : nothing}
      ${follow.campaigns
        ? html`<section aria-labelledby="report-heading">
            <h3 id="report-heading">${t('reportTitle')}</h3>
            ${reportTemplate(view, follow.report, () => void follow.refreshReport())}
          </section>`
        : nothing}
    `;
  }
}
