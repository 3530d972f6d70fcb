import { LitElement, css, html, type TemplateResult } from 'lit';
import { toLang, translate } from '@observatoire/core/i18n';
import { base } from '../shared/styles.js';
import type { ResumeChoice } from '../outbox/recorder.js';
import { messages, type ResumeMessageKey } from './resume-messages.js';

export type { ResumeChoice };

/**
 * Asks, in a modal dialog, whether to resume the unfinished survey of this device or to start
 * for another person. A real `<dialog>`: the rest of the page is inert while it is open, focus
 * goes to its title, and it can only be left by one of its two buttons (Escape does not
 * choose for the person).
 *
 * @summary Resume the unfinished survey, or start for another person.
 *
 * When the unfinished survey was saved by an earlier version and cannot be resumed
 * (`snapshot_outdated`, docs/protocol.md), it says so, says the answers given are kept and sent,
 * and offers only to start a new questionnaire.
 *
 * @attr {'fr' | 'en'} lang - Language of the texts, French by default.
 * @attr {boolean} outdated - The unfinished survey cannot be resumed: only "start a new questionnaire" is offered.
 * @prop {number} savedAt - When the unfinished survey was last saved (epoch milliseconds).
 * @prop {Promise<ResumeChoice>} chosen - Settles with `resume` or `new` once a button is pressed.
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart resume-button - "Reprendre le questionnaire en cours".
 * @csspart new-button - "Commencer pour une autre personne" ("Commencer un nouveau questionnaire" when `outdated`).
 *
 * @cssprop --obs-color-background - Background of the dialog.
 * @cssprop --obs-color-primary - The main button.
 * @cssprop --obs-space - Base spacing.
 */
export class ObsResumeDialog extends LitElement {
  static override properties = {
    lang: { reflect: true },
    savedAt: { type: Number, attribute: 'saved-at' },
    outdated: { type: Boolean },
  };

  static override styles = [
    base,
    css`
      dialog {
        max-width: min(36rem, calc(100vw - 2rem));
        border: 2px solid var(--_border);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 1.5);
        color: var(--_text);
        background: var(--_bg);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.5);
      }
      .actions button {
        flex: 1 1 14rem;
      }
    `,
  ];

  declare lang: string;
  declare savedAt: number | undefined;
  declare outdated: boolean;

  readonly chosen: Promise<ResumeChoice>;
  #resolve!: (choice: ResumeChoice) => void;
  #choice: ResumeChoice | undefined;

  constructor() {
    super();
    this.lang = 'fr';
    this.outdated = false;
    this.chosen = new Promise((resolve) => (this.#resolve = resolve));
  }

  protected override render(): TemplateResult {
    const lang = toLang(this.lang);
    const when =
      this.savedAt === undefined
        ? ''
        : new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'full', timeStyle: 'short' }).format(this.savedAt);
    const outdated = this.outdated;
    return html`<dialog part="dialog" aria-labelledby="title" aria-describedby="same-device" @cancel=${this.#onCancel} @close=${this.#onClose}>
      <h2 id="title" tabindex="-1">${this.#t(outdated ? 'outdatedTitle' : 'title')}</h2>
      ${when ? html`<p>${this.#t('when', { when })}</p>` : ''}
      <p id="same-device">${this.#t(outdated ? 'outdated' : 'sameDevice')}</p>
      <p>${this.#t(outdated ? 'outdatedKept' : 'otherPerson')}</p>
      <div class="actions">
        ${outdated
          ? ''
          : html`<button part="resume-button" class="primary" type="button" @click=${() => this.#choose('resume')}>${this.#t('resume')}</button>`}
        <button part="new-button" class=${outdated ? 'primary' : ''} type="button" @click=${() => this.#choose('new')}>
          ${this.#t(outdated ? 'startOver' : 'startNew')}
        </button>
      </div>
    </dialog>`;
  }

  protected override firstUpdated(): void {
    this.#open();
  }

  #open(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog || !this.isConnected) return;
    if (!dialog.open) dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  #onCancel(event: Event): void {
    // The choice has consequences: only the buttons make it.
    event.preventDefault();
  }

  #onClose(): void {
    // Closed without a choice (a browser may force Escape through): open it again.
    if (this.#choice === undefined) this.#open();
  }

  #choose(choice: ResumeChoice): void {
    this.#choice = choice;
    this.renderRoot.querySelector('dialog')?.close();
    this.#resolve(choice);
  }

  #t(key: ResumeMessageKey, params?: Record<string, string>): string {
    return translate(messages, toLang(this.lang), key, params);
  }
}


/**
 * Show the dialog in `host` (its shadow root when it has one) and wait for the choice; the
 * dialog is removed afterwards.
 *
 * @example
 * if ((await askResumeOrNew(surveyElement, { lang: 'fr', savedAt: saved.savedAt })) === 'resume') resume();
 */
export async function askResumeOrNew(host: HTMLElement, options: { lang: 'fr' | 'en'; savedAt?: number; outdated?: boolean }): Promise<ResumeChoice> {
  const dialog = document.createElement('obs-resume-dialog') as ObsResumeDialog;
  dialog.lang = options.lang;
  dialog.outdated = options.outdated === true;
  if (options.savedAt !== undefined) dialog.savedAt = options.savedAt;
  (host.shadowRoot ?? host).append(dialog);
  try {
    return await dialog.chosen;
  } finally {
    dialog.remove();
  }
}
