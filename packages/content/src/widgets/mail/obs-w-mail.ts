import { html, css, svg, nothing, type TemplateResult } from 'lit';
import { message as translate } from '../shared/messages.js';
import { WidgetElement } from '../shared/widget-element.js';
import { widgetStyles } from '../shared/styles.js';
import { mailSpec, type MailConfig, type MailMessage } from './config.js';
import { mailMessages, type MailMessageKey } from './messages.js';

const clipIcon = svg`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path d="M16 6.5 8.5 14a2 2 0 0 0 2.8 2.8l8-8a4 4 0 0 0-5.6-5.6l-8 8a6 6 0 0 0 8.5 8.5l6.3-6.3" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>`;

/**
 * A simulated mailbox: the list of received messages, one opened message and its
 * attachments, an opened attachment. Focus follows what opens, so it works by keyboard
 * and with a screen reader.
 *
 * @example
 * const el = document.createElement('obs-w-mail');
 * el.config = { messages: [{ id: 'caf', from: 'CAF', subject: { fr: 'Attestation', en: 'Certificate' },
 *   body: [{ fr: 'Bonjour.', en: 'Hello.' }], attachments: [{ id: 'attestation', name: 'attestation.pdf', content: [{ fr: 'Attestation', en: 'Certificate' }] }] }] };
 *
 * @prop {object} config - `{ messages: [{ id, from, subject, body[], attachments?: [{ id, name, content[] }] }] }`.
 * @attr lang - `fr` (default) or `en`.
 * @attr disabled - Read-only once the answer is sent.
 * @fires obs-widget-answer - `{ answer: { message, attachment }, complete: false }` after each opening
 *   (`attachment` is the last attachment opened, `''` if none).
 */
export class ObsWMail extends WidgetElement<MailConfig> {
  static override styles = [
    widgetStyles,
    css`
      .list { margin: 0; padding: 0; list-style: none; }
      .list li + li { margin-top: 0.5em; }
      .list button {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0 0.5em;
        width: 100%;
        text-align: start;
      }
      .sender { font-weight: 600; }
      .subject { grid-column: 1; }
      .clip { grid-row: 1 / span 2; grid-column: 2; align-self: center; display: inline-flex; align-items: center; gap: 0.25em; color: var(--_muted); }
      .meta { color: var(--_muted); }
      .files { margin: var(--_space) 0 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 0.5em; }
      .files button { display: inline-flex; align-items: center; gap: 0.4em; }
      .doc {
        margin-top: var(--_space);
        padding: var(--_space);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      h3:focus, h4:focus { outline-offset: 4px; }
      h4 { font-size: 1em; margin: 0 0 0.5em; }
      .body { margin: var(--_space) 0; }
    `,
  ];
  static override properties = { opened: { state: true }, attachment: { state: true } };
  protected readonly spec = mailSpec;
  declare private opened: string | undefined;
  declare private attachment: string | undefined;
  /** Where focus goes after the next render. */
  private focusNext: string | undefined;

  protected override configChanged(): void {
    this.opened = undefined;
    this.attachment = undefined;
  }

  private m(key: MailMessageKey): string {
    return translate(mailMessages, this.language, key);
  }

  private changed(): void {
    this.report({ message: this.opened ?? '', attachment: this.attachment ?? '' }, false);
  }

  private open(id: string): void {
    if (this.disabled) return;
    this.opened = id;
    this.attachment = undefined;
    this.focusNext = '#message-title';
    this.changed();
  }

  private backToList(): void {
    const id = this.opened;
    this.opened = undefined;
    this.attachment = undefined;
    this.focusNext = `[data-message="${id}"]`;
  }

  private openAttachment(id: string): void {
    if (this.disabled) return;
    this.attachment = id;
    this.focusNext = '#document-title';
    this.changed();
  }

  private closeDocument(): void {
    const id = this.attachment;
    this.attachment = undefined;
    this.focusNext = `[data-attachment="${id}"]`;
  }

  override updated(): void {
    if (!this.focusNext) return;
    this.renderRoot.querySelector<HTMLElement>(this.focusNext)?.focus();
    this.focusNext = undefined;
  }

  protected renderWidget(config: MailConfig): TemplateResult {
    const message = config.messages.find((m) => m.id === this.opened);
    return html`<section class="frame" aria-labelledby="caption">
      <p class="caption" id="caption">${this.m('caption')}</p>
      <div class="inside">${message ? this.renderMessage(message) : this.renderList(config)}</div>
    </section>`;
  }

  private renderList(config: MailConfig): TemplateResult {
    return html`<h3>${this.m('inbox')}</h3>
      <ul class="list">
        ${config.messages.map(
          (message) => html`<li>
            <button type="button" data-message=${message.id} ?disabled=${this.disabled} @click=${() => this.open(message.id)}>
              <span class="sender">${message.from}</span>
              <span class="subject">${this.t(message.subject)}</span>
              ${message.attachments ? html`<span class="clip">${clipIcon}<span class="visually-hidden">${this.m('attachment')}</span></span>` : nothing}
            </button>
          </li>`,
        )}
      </ul>`;
  }

  private renderMessage(message: MailMessage): TemplateResult {
    const file = message.attachments?.find((a) => a.id === this.attachment);
    return html`<button type="button" ?disabled=${this.disabled} @click=${this.backToList}>← ${this.m('backToList')}</button>
      <h3 id="message-title" tabindex="-1">${this.t(message.subject)}</h3>
      <p class="meta">${this.m('from')} ${message.from}</p>
      <div class="body">${message.body.map((p) => html`<p>${this.t(p)}</p>`)}</div>
      ${message.attachments
        ? html`<h4>${this.m('attachments')}</h4>
            <ul class="files">
              ${message.attachments.map(
                (a) => html`<li>
                  <button
                    type="button"
                    data-attachment=${a.id}
                    aria-pressed=${a.id === this.attachment ? 'true' : 'false'}
                    ?disabled=${this.disabled}
                    @click=${() => this.openAttachment(a.id)}
                  >
                    ${clipIcon}${a.name}
                  </button>
                </li>`,
              )}
            </ul>`
        : nothing}
      ${file
        ? html`<div class="doc">
            <h4 id="document-title" tabindex="-1">${this.m('document')} ${file.name}</h4>
            ${file.content.map((p) => html`<p>${this.t(p)}</p>`)}
            <button type="button" ?disabled=${this.disabled} @click=${this.closeDocument}>${this.m('closeDocument')}</button>
          </div>`
        : nothing}`;
  }
}
