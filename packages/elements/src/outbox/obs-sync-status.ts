import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { toLang, translate, type MessageParams } from '@observatoire/core/i18n';
import { base } from '../shared/styles.js';
import { Subscription } from '../shared/subscription.js';
import { messages, type SyncStatusMessageKey } from './messages.js';
import type { Outbox } from './outbox.js';
import type { OutboxStatus } from './types.js';
import { sharedOutbox } from './recorder.js';

/**
 * A discreet line for the mediator: are the answers with the collector yet?
 * "Enregistré" (nothing waits; while a request is on its way the data is already safe on the
 * device, so the line does not flicker at each answer), "En attente de réseau (n réponses)",
 * or an error with a button to try again. The line is an `aria-live="polite"` status.
 *
 * @summary The outbox's status: saved, waiting for the network, or blocked.
 *
 * @attr {'fr' | 'en'} lang - Language of the texts, French by default.
 * @prop {Outbox | undefined} outbox - The outbox to show; the page's shared one by default.
 *
 * @csspart status - The status line (the live region).
 * @csspart retry-button - "Réessayer l’envoi", shown after a refusal.
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
      .error [part='status'] {
        color: var(--_error);
        font-weight: 600;
      }
    `,
  ];

  declare lang: string;
  declare outbox: Outbox | undefined;
  declare private status: OutboxStatus | undefined;
  declare private unavailable: boolean;

  #statusChanges = new Subscription(this, () => this.outbox, (status: OutboxStatus) => {
    this.status = status;
  });

  constructor() {
    super();
    this.lang = 'fr';
    this.unavailable = false;
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
    const state = this.unavailable ? 'error' : status?.state === 'error' ? 'error' : status?.state === 'offline' ? 'offline' : 'saved';
    return html`<div class="line ${state}">
      <span part="status" role="status" aria-live="polite" aria-atomic="true"
        ><span class="mark" aria-hidden="true"></span><span>${this.#text(status)}</span></span
      >
      ${state === 'error' && !this.unavailable
        ? html`<button part="retry-button" type="button" @click=${this.#onRetry}>${this.#t('retry')}</button>`
        : nothing}
    </div>`;
  }

  #text(status: OutboxStatus | undefined): string {
    if (this.unavailable) return this.#t('unavailable');
    if (!status) return '';
    switch (status.state) {
      case 'error':
        return this.#t('error');
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
