import { html, render, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Screen } from './screens.js';
import type { SurveyMessageKey } from './messages.js';

/** What the history controller needs from `<obs-survey>`. */
export interface HistoryHost extends ReactiveControllerHost, HTMLElement {
  /** The `history` attribute: off, nothing is pushed. */
  readonly history: boolean;
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
 * and asks first ("Rester" / "Quitter"). Once the results show, Back is not held any more.
 *
 * @example
 * #history = new HistoryController(this, { screen: () => this.#screen, t: this.#t });
 */
export class HistoryController implements ReactiveController {
  /** How many survey entries are below the current one, the current one included. */
  #depth = 0;
  /** Heading of the screen the current entry stands for. */
  #key: string | undefined;
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
    this.host.addEventListener('focusin', this.#onFocus);
    window.addEventListener('popstate', this.#onPop);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('focusin', this.#onFocus);
    window.removeEventListener('popstate', this.#onPop);
    this.#close();
  }

  get #active(): boolean {
    const screen = this.options.screen();
    return this.host.history && !this.#leaving && (screen === 'questionnaire' || screen === 'courses');
  }

  /** Every screen change moves the focus to its heading (docs/elements.md, "Accessibility"). */
  #onFocus = (event: Event): void => {
    const target = event.composedPath()[0];
    if (!this.#active || !(target instanceof HTMLElement) || target.closest('dialog') || !(/^H[1-3]$/.test(target.tagName) || target.matches('.title'))) return;
    // The courses are one screen for Back: their challenges push nothing.
    const screen = this.options.screen();
    const key = screen === 'questionnaire' ? `questionnaire:${target.textContent?.trim() ?? ''}` : screen;
    if (key === this.#key) return;
    this.#key = key;
    if (this.#returning) {
      this.#returning = false;
      return;
    }
    this.#depth += 1;
    this.#push();
  };

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

