import { html, css, nothing, type TemplateResult } from 'lit';
import { message as translate } from '../shared/messages.js';
import { WidgetElement } from '../shared/widget-element.js';
import { widgetStyles } from '../shared/styles.js';
import { siteHeader, siteStyles } from '../shared/site.js';
import { icon } from '../shared/icons.js';
import { downloadSpec, type DownloadAction, type DownloadConfig } from './config.js';
import { downloadMessages, type DownloadMessage } from './messages.js';

/**
 * Download a document, then open it (a task done for real in a simulated page): the page offers the
 * document with a few buttons; the download button puts the file in the page's "Téléchargements" list
 * (announced, focus left where it was), where the person opens it; the document then shows below,
 * its heading focused. Success is the document opened (docs/content.md, "The widgets").
 *
 * @example
 * const el = document.createElement('obs-w-download');
 * el.config = { site: { fr: 'CAF', en: 'CAF' }, address: 'www.caf-exemple.fr', text: [{ fr: 'Votre attestation.', en: 'Your certificate.' }],
 *   file: { id: 'attestation', name: 'attestation-caf.pdf', content: [{ fr: 'Attestation de paiement', en: 'Payment certificate' }] },
 *   actions: [{ id: 'imprimer', label: { fr: 'Imprimer', en: 'Print' } }, { id: 'telecharger', label: { fr: 'Télécharger', en: 'Download' }, icon: 'download' }],
 *   download: 'telecharger' };
 *
 * @prop {object} config - `{ site, address, text[], file: { id, name, content[] }, actions: [{ id, label, icon? }], download }`.
 * @attr lang - `fr` (default) or `en`.
 * @attr disabled - Read-only once the answer is sent.
 * @fires obs-widget-answer - `{ answer: { downloaded, opened }, complete: false }` when the file is downloaded, then opened (each the file's id, or "").
 */
export class ObsWDownload extends WidgetElement<DownloadConfig> {
  static override styles = [
    widgetStyles,
    siteStyles,
    css`
      .document { display: flex; flex-direction: column; gap: calc(var(--_space) * 0.5); padding: var(--_space); border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface); }
      .name { display: flex; align-items: center; gap: 0.4em; font-weight: 600; margin: 0; overflow-wrap: anywhere; }
      .downloads { padding: calc(var(--_space) * 0.75) var(--_space); border-top: 2px solid var(--_border); background: var(--_surface); }
      .downloads h3 { display: flex; align-items: center; gap: 0.4em; font-size: 1em; }
      .downloads ul { margin: 0; padding: 0; list-style: none; }
      .file { overflow-wrap: anywhere; text-align: start; }
      .viewer { padding: var(--_space); border-top: 1px solid var(--_border); }
    `,
  ];
  static override properties = { downloaded: { state: true }, opened: { state: true }, message: { state: true } };
  protected readonly spec = downloadSpec;
  declare private downloaded: boolean;
  declare private opened: boolean;
  declare private message: { key: DownloadMessage; params?: Record<string, string> } | undefined;
  private focusViewer = false;

  protected override configChanged(): void {
    this.downloaded = false;
    this.opened = false;
    this.message = undefined;
  }

  private press(config: DownloadConfig, action: DownloadAction): void {
    if (this.disabled) return;
    if (action.id !== config.download) {
      this.message = { key: 'pressed', params: { label: this.t(action.label) } };
      return;
    }
    this.downloaded = true;
    this.message = { key: 'downloaded', params: { name: config.file.name } };
    this.report({ downloaded: config.file.id, opened: this.opened ? config.file.id : '' }, false);
  }

  private open(config: DownloadConfig): void {
    if (this.disabled) return;
    this.opened = true;
    this.focusViewer = true;
    this.message = { key: 'opened', params: { name: config.file.name } };
    this.report({ downloaded: config.file.id, opened: config.file.id }, false);
  }

  override updated(): void {
    if (!this.focusViewer) return;
    this.focusViewer = false;
    this.renderRoot.querySelector<HTMLElement>('#viewer-title')?.focus();
  }

  protected renderWidget(config: DownloadConfig): TemplateResult {
    const m = (key: DownloadMessage, params?: Record<string, string>) => translate(downloadMessages, this.language, key, params);
    return html`<section class="frame" aria-labelledby="caption">
        <p class="caption" id="caption">${m('caption')}</p>
        ${siteHeader(this.t(config.site), m('address'), config.address)}
        <div class="inside">
          ${config.text.map((p) => html`<p>${this.t(p)}</p>`)}
          <div class="document" role="group" aria-labelledby="file-name">
            <p class="name" id="file-name">${icon('document')}<span>${config.file.name}</span></p>
            <div class="row">
              ${config.actions.map(
                (action) => html`<button type="button" data-action=${action.id} ?disabled=${this.disabled} @click=${() => this.press(config, action)}>
                  ${action.icon ? icon(action.icon) : nothing}${this.t(action.label)}
                </button>`,
              )}
            </div>
          </div>
        </div>
        <section class="downloads" aria-labelledby="downloads-title">
          <h3 id="downloads-title">${icon('download')}${m('downloads')}</h3>
          ${this.downloaded
            ? html`<ul>
                <li>
                  <button type="button" class="file" aria-pressed=${this.opened ? 'true' : 'false'} ?disabled=${this.disabled} @click=${() => this.open(config)}>
                    ${icon('document')}<span>${config.file.name}</span> <span>${m('open')}</span>
                  </button>
                </li>
              </ul>`
            : html`<p>${m('noDownload')}</p>`}
        </section>
        ${this.opened
          ? html`<section class="viewer" aria-labelledby="viewer-title">
              <h3 id="viewer-title" tabindex="-1">${m('viewer')}\u00a0: ${config.file.name}</h3>
              ${config.file.content.map((p) => html`<p>${this.t(p)}</p>`)}
            </section>`
          : nothing}
      </section>
      <p class="status" role="status">${this.message ? m(this.message.key, this.message.params) : ''}</p>`;
  }
}
