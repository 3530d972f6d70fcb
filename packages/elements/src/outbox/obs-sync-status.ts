import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { toLang, translate, type MessageParams } from '@observatoire/core/i18n';
import { base } from '../shared/styles.js';
import { Subscription } from '../shared/subscription.js';
import { messages, type SyncStatusMessageKey } from './messages.js';
import type { Outbox } from './outbox.js';
import type { OutboxStatus } from './types.js';
import { sharedOutbox } from './recorder.js';
import { downloadNotSent, notSentTemplate } from './not-sent.js';

/**
 * A discreet line for the mediator: are the answers with the collector yet?
 * "Enregistré" (nothing waits; while a request is on its way the data is already safe on the
 * device, so the line does not flicker at each answer) or "En attente de réseau (n réponses)"
 * with a button to try again now. The line is an `aria-live="polite"` status.
 * Below it, when the collector refused requests for good, their count with an export (a JSON
 * file) and a discard that asks for a confirmation (docs/outbox.md).
 *
 * @summary The outbox's status: saved or waiting for the network, and the requests refused.
 *
 * @attr {'fr' | 'en'} lang - Language of the texts, French by default.
 * @prop {Outbox | undefined} outbox - The outbox to show; the page's shared one by default.
 *
 * @csspart status - The status line (the live region).
 * @csspart retry-button - "Réessayer l’envoi", shown while waiting for the network.
 * @csspart not-sent - The count of refused requests and their buttons.
 * @csspart export-button - Downloads the refused requests as a JSON file.
 * @csspart discard-button - Asks to delete the refused requests.
 * @csspart confirm-discard-button - Deletes them, after the question.
 * @csspart cancel-discard-button - Keeps them.
 *
 * @cssprop --obs-color-text-muted - Colour of the line when all is saved.
 * @cssprop --obs-color-error - Colour of the line when sending is blocked.
 * @cssprop --obs-font-size - Base text size (the line is smaller).
 */
export class ObsSyncStatus extends LitElement {
  static override properties = {
    lang: { reflect: true },
    outbox: { attribute: false },
    status: { state: true },
    unavailable: { state: true },
    confirming: { state: true },
  };

  static override styles = [
    base,
    css`
      :host {
        font-size: 0.9em;
        background: transparent;
      }
      .line {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em;
      }
      [part='status'] {
        color: var(--_muted);
        display: inline-flex;
        align-items: center;
        gap: 0.4em;
      }
      .mark {
        display: inline-block;
        width: 0.75em;
        height: 0.75em;
        border-radius: 50%;
        border: 2px solid currentColor;
        flex: none;
      }
      .saved .mark {
        background: var(--_success);
        border-color: var(--_success);
      }
      .error [part='status'],
      .not-sent > p:first-child {
        color: var(--_error);
        font-weight: 600;
      }
      .not-sent {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5em;
        margin-top: 0.5em;
      }
      .not-sent p {
        margin: 0;
      }
    `,
  ];

  declare lang: string;
  declare outbox: Outbox | undefined;
  declare private status: OutboxStatus | undefined;
  declare private unavailable: boolean;
  declare private confirming: boolean;

  #statusChanges = new Subscription(this, () => this.outbox, (status: OutboxStatus) => {
    this.status = status;
  });

  constructor() {
    super();
    this.lang = 'fr';
    this.unavailable = false;
    this.confirming = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.outbox) {
      sharedOutbox().then(
        (outbox) => {
          this.outbox ??= outbox;
        },
        () => {
          this.unavailable = true;
        },
      );
    }
  }

  protected override render(): TemplateResult {
    const status = this.status;
    const state = this.unavailable ? 'error' : status?.state === 'offline' ? 'offline' : 'saved';
    return html`<div class="line ${state}">
        <span part="status" role="status" aria-live="polite" aria-atomic="true"
          ><span class="mark" aria-hidden="true"></span><span>${this.#text(status)}</span></span
        >
        ${state === 'offline'
          ? html`<button part="retry-button" type="button" @click=${this.#onRetry}>${this.#t('retry')}</button>`
          : nothing}
      </div>
      ${notSentTemplate({
        count: status?.notSent ?? 0,
        confirming: this.confirming,
        t: (key, params) => this.#t(key, params),
        onExport: () => void this.#onExport(),
        onDiscard: () => this.#ask(true),
        onConfirm: () => void this.#onDiscard(),
        onCancel: () => this.#ask(false),
      })}`;
  }

  async #onExport(): Promise<void> {
    if (this.outbox) downloadNotSent(await this.outbox.notSent(), new Date());
  }

  /** Show or leave the question; focus follows it, so a keyboard user is never left on a removed button. */
  async #ask(confirming: boolean): Promise<void> {
    this.confirming = confirming;
    await this.updateComplete;
    const target = confirming ? '#discard-question' : '[part="discard-button"]';
    this.shadowRoot?.querySelector<HTMLElement>(target)?.focus();
  }

  async #onDiscard(): Promise<void> {
    this.confirming = false;
    await this.outbox?.discardNotSent();
  }

  #text(status: OutboxStatus | undefined): string {
    if (this.unavailable) return this.#t('unavailable');
    if (!status) return '';
    switch (status.state) {
      case 'offline':
        return status.pendingAnswers === 0
          ? this.#t('offlineNone')
          : status.pendingAnswers === 1
            ? this.#t('offlineOne')
            : this.#t('offlineMany', { n: status.pendingAnswers });
      default:
        return this.#t('saved');
    }
  }

  #onRetry(): void {
    this.outbox?.retry();
  }

  #t(key: SyncStatusMessageKey, params?: MessageParams): string {
    return translate(messages, toLang(this.lang), key, params);
  }
}
