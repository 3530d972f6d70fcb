import { html, render, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Screen } from './screens.js';
import type { SurveyMessageKey } from './messages.js';

/** What the history controller needs from `<obs-survey>`. */
export interface HistoryHost extends ReactiveControllerHost, HTMLElement {
  /** The `history` attribute: off, nothing is pushed. */
  readonly history: boolean;
  /** Where the nested `<obs-questionnaire>` reports the step it shows (`obs-questionnaire-step`). */
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** The state object of the survey's history entries. */
interface Entry {
  /** Which survey pushed it: another survey's (or the page's) entry counts as before this one. */
  observatoire: string;
  depth: number;
}

let surveys = 0;

/**
 * The browser's Back inside the survey (docs/elements.md, "History"), with `<obs-survey history>`:
 * each screen of the questionnaire and the courses push an entry (same URL); Back shows the
 * previous question; on the first question and during the courses it keeps the person on the page
 * and asks first ("Rester" / "Quitter"). When the results show, the survey's entries are taken
 * back (`history.go`): one Back then leaves the page, as before the survey started.
 *
 * Entries follow the data the survey renders from: `<obs-survey>`'s screen (the session's phase)
 * and, on the questionnaire, the step `<obs-questionnaire>` reports (a question, or the review).
 *
 * @example
 * #history = new HistoryController(this, { screen: () => this.#screen, t: this.#t });
 */
export class HistoryController implements ReactiveController {
  /** How many survey entries are below the current one, the current one included. */
  #depth = 0;
  /** The screen the current entry stands for (`questionnaire:<step>`, `courses`…). */
  #key: string | undefined;
  /** The step the questionnaire shows, as it last reported it. */
  #step: string | undefined;
  /** A Back was just handled: the next screen shown is the entry already there. */
  #returning = false;
  #leaving = false;
  #dialog: HTMLElement | undefined;
  readonly #id = `${Date.now()}-${(surveys += 1)}`;

  constructor(
    private readonly host: HistoryHost,
    private readonly options: { screen: () => Screen; t: (key: SurveyMessageKey) => string },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.renderRoot.addEventListener('obs-questionnaire-step', this.#onStep);
    window.addEventListener('popstate', this.#onPop);
  }

  hostDisconnected(): void {
    this.host.renderRoot.removeEventListener('obs-questionnaire-step', this.#onStep);
    window.removeEventListener('popstate', this.#onPop);
    this.#close();
  }

  /** The session (hence the screen) may have changed. */
  hostUpdated(): void {
    this.#follow();
  }

  get #active(): boolean {
    const screen = this.options.screen();
    return this.host.history && !this.#leaving && (screen === 'questionnaire' || screen === 'courses');
  }

  #onStep = (event: Event): void => {
    this.#step = (event as CustomEvent<{ step: string }>).detail.step;
    this.#follow();
  };

  /** A new screen pushes an entry, unless Back just showed it; the results take them all back. */
  #follow(): void {
    const screen = this.options.screen();
    if (screen !== 'questionnaire') this.#step = undefined;
    // The courses are one screen for Back: their challenges push nothing.
    const key = screen === 'questionnaire' ? this.#step && `questionnaire:${this.#step}` : screen;
    if (!key || key === this.#key) return;
    this.#key = key;
    if (screen === 'results') return this.#collapse();
    if (!this.#active) return;
    if (this.#returning) {
      this.#returning = false;
      return;
    }
    this.#depth += 1;
    this.#push();
  }

  /**
   * Back to the page's own entry: the finished survey's screens never come back, and one Back
   * leaves (the popstate this causes finds the results, which are not held).
   */
  #collapse(): void {
    if (!this.host.history || this.#leaving || this.#depth === 0) return;
    history.go(-this.#depth);
    this.#depth = 0;
  }

  #onPop = (event: PopStateEvent): void => {
    if (!this.#active || this.#depth === 0) return;
    const entry = event.state as Partial<Entry> | null;
    const depth = entry?.observatoire === this.#id && typeof entry.depth === 'number' ? entry.depth : 0;
    if (depth >= this.#depth) return void (this.#depth = depth); // Forward: nothing to undo.
    const questionnaire = this.host.shadowRoot?.querySelector<HTMLElement & { back?(): boolean }>('obs-questionnaire');
    if (depth > 0 && this.options.screen() === 'questionnaire' && questionnaire?.back?.()) {
      this.#depth = depth;
      this.#returning = true;
      return;
    }
    // Back would leave the survey (first screen, or the courses): stay, and ask.
    this.#depth = depth + 1;
    this.#push();
    this.#confirm();
  };

  #push(): void {
    history.pushState({ observatoire: this.#id, depth: this.#depth } satisfies Entry, '');
  }

  #confirm(): void {
    if (this.#dialog) return;
    const t = this.options.t;
    const container = document.createElement('div');
    render(
      html`<dialog aria-labelledby="leave-title" @cancel=${(event: Event) => (event.preventDefault(), this.#stay())}>
        <h2 id="leave-title" tabindex="-1">${t('leaveTitle')}</h2>
        <div class="actions">
          <button class="primary" type="button" @click=${() => this.#stay()}>${t('leaveStay')}</button>
          <button type="button" @click=${() => this.#leave()}>${t('leaveQuit')}</button>
        </div>
      </dialog>`,
      container,
    );
    (this.host.shadowRoot ?? this.host).append(container);
    this.#dialog = container;
    const dialog = container.querySelector('dialog')!;
    dialog.showModal();
    container.querySelector<HTMLElement>('h2')?.focus();
  }

  #close(): void {
    this.#dialog?.querySelector('dialog')?.close();
    this.#dialog?.remove();
    this.#dialog = undefined;
  }

  /** "Rester": back to the screen, focus on its heading. */
  #stay(): void {
    this.#close();
    const nested = this.host.shadowRoot?.querySelector('.screen > *');
    const heading = nested?.shadowRoot?.querySelector<HTMLElement>('.title, h1, h2') ?? this.host.shadowRoot?.querySelector<HTMLElement>('h2');
    heading?.focus();
  }

  /** "Quitter": goes back past the survey's entries, as Back would have done without it. */
  #leave(): void {
    this.#close();
    this.#leaving = true;
    history.go(-(this.#depth + 1));
  }
}

