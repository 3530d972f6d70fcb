import { html, css, svg, type TemplateResult } from 'lit';
import { message as translate } from '../shared/messages.js';
import { WidgetElement } from '../shared/widget-element.js';
import { widgetStyles } from '../shared/styles.js';
import { browserSpec, NOT_FOUND_PAGE, type BrowserConfig, type BrowserPage } from './config.js';
import { browserMessages, type BrowserMessage } from './messages.js';

const backIcon = svg`<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path d="M20 12H5M11 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

/** `https://www.Ville-Exemple.fr/` → `ville-exemple.fr`: what people type varies, the site does not. */
export function normalizeAddress(address: string): string {
  return address
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

/**
 * A simulated web browser: tabs, a back button, an address bar, and the page of the active tab.
 * Nothing is loaded from the network: every page is in the configuration. Each page it opens
 * (an address, a tab, "Page précédente") is announced from a polite live region that is there from
 * the first render, so the first announcement is not lost (docs/content.md, "The widgets").
 *
 * @example
 * const el = document.createElement('obs-w-browser');
 * el.config = { pages: [{ id: 'mairie', address: 'www.ville-exemple.fr', title: { fr: 'Mairie', en: 'Town hall' },
 *   text: [{ fr: 'Bienvenue.', en: 'Welcome.' }] }], tabs: [{ id: 'onglet-1', history: ['mairie'] }] };
 *
 * @prop {object} config - `{ pages: [{ id, address, title, text[] }], tabs: [{ id, history: pageId[] }] }`; the first tab is active.
 * @attr lang - `fr` (default) or `en`.
 * @attr disabled - Read-only once the answer is sent.
 * @fires obs-widget-answer - `{ answer: { tab, page, address }, complete: false }` after each change
 *   (`page` is `introuvable` for an unknown address).
 */
export class ObsWBrowser extends WidgetElement<BrowserConfig> {
  static override styles = [
    widgetStyles,
    css`
      .tabs {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        margin: 0;
        padding: 0.5em 0.5em 0;
        list-style: none;
        background: var(--_surface);
      }
      .tabs button {
        border-bottom-left-radius: 0;
        border-bottom-right-radius: 0;
        max-width: 14em;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .tabs button[aria-pressed='true'] {
        background: var(--_bg);
        border-bottom-color: var(--_bg);
      }
      .toolbar {
        display: flex;
        gap: 0.5em;
        align-items: center;
        padding: 0.5em;
        border-top: 1px solid var(--_border);
        border-bottom: 1px solid var(--_border);
      }
      .toolbar form {
        display: flex;
        gap: 0.5em;
        flex: 1 1 auto;
        min-width: 0;
      }
      .toolbar input {
        flex: 1 1 auto;
        min-width: 0;
        font-family: ui-monospace, 'Cascadia Mono', Menlo, Consolas, monospace;
        font-size: 0.95em;
      }
      .toolbar form button {
        flex: none;
        white-space: nowrap;
      }
      .back {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        padding: 0.5em;
      }
      .page h3 { margin-top: 0; }
      @media (max-width: 400px) {
        .toolbar { flex-wrap: wrap; }
        .toolbar form { flex-basis: 100%; }
      }
    `,
  ];
  static override properties = { histories: { state: true }, activeTab: { state: true }, typed: { state: true }, announcement: { state: true } };
  protected readonly spec = browserSpec;
  /** Each tab's visited pages (ids, or an address that matched nothing), current last. */
  declare private histories: Record<string, string[]>;
  declare private activeTab: string;
  /** What is in the address bar while the person edits it. */
  declare private typed: string | undefined;
  /** The live region's text: the page just opened (empty until the person opens one). */
  declare private announcement: string;

  protected override configChanged(config: BrowserConfig): void {
    this.histories = Object.fromEntries(config.tabs.map((tab) => [tab.id, [...tab.history]]));
    this.activeTab = config.tabs[0]?.id ?? '';
    this.typed = undefined;
    this.announcement = '';
  }

  private m(key: BrowserMessage, params?: Readonly<Record<string, string>>): string {
    return translate(browserMessages, this.language, key, params);
  }

  private get history(): string[] {
    return this.histories[this.activeTab] ?? [];
  }

  private pageOf(entry: string | undefined): BrowserPage | undefined {
    return this.settings?.pages.find((page) => page.id === entry);
  }

  /** Current page id and the address shown for it. */
  private current(): { page: string; address: string } {
    const entry = this.history.at(-1) ?? '';
    const page = this.pageOf(entry);
    return page ? { page: page.id, address: page.address } : { page: NOT_FOUND_PAGE, address: entry.replace(/^not-found:/, '') };
  }

  private changed(): void {
    const { page, address } = this.current();
    this.announce();
    this.report({ tab: this.activeTab, page, address }, false);
  }

  /** Say which page is now shown; the same page twice still changes the text, so it is said again. */
  private announce(): void {
    const entry = this.history.at(-1);
    const text = this.pageOf(entry) ? this.m('opened', { title: this.titleOf(entry) }) : this.m('notFoundTitle');
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  private selectTab(id: string): void {
    if (this.disabled) return;
    this.activeTab = id;
    this.typed = undefined;
    this.changed();
  }

  private back(): void {
    if (this.disabled || this.history.length < 2) return;
    this.histories = { ...this.histories, [this.activeTab]: this.history.slice(0, -1) };
    this.typed = undefined;
    this.changed();
  }

  private go(event: SubmitEvent): void {
    event.preventDefault();
    if (this.disabled || !this.settings) return;
    const typed = (this.typed ?? this.current().address).trim();
    if (!typed) return;
    const page = this.settings.pages.find((p) => normalizeAddress(p.address) === normalizeAddress(typed));
    this.histories = { ...this.histories, [this.activeTab]: [...this.history, page ? page.id : `not-found:${typed}`] };
    this.typed = undefined;
    this.changed();
  }

  private titleOf(entry: string | undefined): string {
    const page = this.pageOf(entry);
    return page ? this.t(page.title) : this.m('notFoundTitle');
  }

  protected renderWidget(config: BrowserConfig): TemplateResult {
    const entry = this.history.at(-1);
    const page = this.pageOf(entry);
    return html`<section class="frame" aria-labelledby="caption">
      <p class="caption" id="caption">${this.m('caption')}</p>
      <ul class="tabs" aria-label=${this.m('tabs')}>
        ${config.tabs.map(
          (tab) => html`<li>
            <button
              type="button"
              data-tab=${tab.id}
              aria-pressed=${tab.id === this.activeTab ? 'true' : 'false'}
              ?disabled=${this.disabled}
              @click=${() => this.selectTab(tab.id)}
            >
              ${this.titleOf(this.histories[tab.id]?.at(-1))}
            </button>
          </li>`,
        )}
      </ul>
      <div class="toolbar">
        <button
          type="button"
          class="back"
          aria-label=${this.m('back')}
          title=${this.m('back')}
          ?disabled=${this.disabled || this.history.length < 2}
          @click=${this.back}
        >
          ${backIcon}
        </button>
        <form @submit=${this.go}>
          <label class="visually-hidden" for="address">${this.m('address')}</label>
          <input
            id="address"
            type="text"
            inputmode="url"
            autocomplete="off"
            autocapitalize="none"
            spellcheck="false"
            .value=${this.typed ?? this.current().address}
            ?disabled=${this.disabled}
            @focus=${(e: Event) => (e.target as HTMLInputElement).select()}
            @input=${(e: Event) => (this.typed = (e.target as HTMLInputElement).value)}
          />
          <button type="submit" ?disabled=${this.disabled}>${this.m('go')}</button>
        </form>
      </div>
      <div class="inside page">
        <h3>${this.titleOf(entry)}</h3>
        ${page ? page.text.map((p) => html`<p>${this.t(p)}</p>`) : html`<p>${this.m('notFoundText')}</p>`}
      </div>
      <p class="visually-hidden" role="status" aria-live="polite" part="announcement">${this.announcement}</p>
    </section>`;
  }
}
