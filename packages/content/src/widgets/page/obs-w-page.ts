import { html, css, type TemplateResult } from 'lit';
import { message as translate } from '../shared/messages.js';
import { WidgetElement } from '../shared/widget-element.js';
import { widgetStyles } from '../shared/styles.js';
import { siteHeader, siteStyles } from '../shared/site.js';
import { pageSpec, type PageConfig } from './config.js';
import { pageMessages } from './messages.js';

/**
 * A simulated public-service website (a menu and the chosen section), and below it, outside
 * the practice frame, the box where the person writes the information found.
 *
 * @example
 * const el = document.createElement('obs-w-page');
 * el.config = { site: { fr: 'Mairie', en: 'Town hall' }, address: 'www.ville-exemple.fr', question: { fr: 'Votre réponse', en: 'Your answer' },
 *   sections: [{ id: 'accueil', title: { fr: 'Accueil', en: 'Home' }, text: [{ fr: 'Bienvenue.', en: 'Welcome.' }] },
 *              { id: 'horaires', title: { fr: 'Horaires', en: 'Opening hours' }, text: [{ fr: 'Samedi : 9 h - 12 h', en: 'Saturday: 9 am - 12 noon' }] }] };
 *
 * @prop {object} config - `{ site, address, sections: [{ id, title, text[] }], question }`; the first section is the home page.
 * @attr lang - `fr` (default) or `en`.
 * @attr disabled - Read-only once the answer is sent.
 * @fires obs-widget-answer - `{ answer: { section, answer }, complete: false }` on each change.
 */
export class ObsWPage extends WidgetElement<PageConfig> {
  static override styles = [
    widgetStyles,
    siteStyles,
    css`
      nav ul { display: flex; flex-wrap: wrap; gap: 0.5em; margin: 0; padding: var(--_space) var(--_space) 0; list-style: none; }
      .answer { margin-top: var(--_space); }
    `,
  ];
  static override properties = { section: { state: true }, answer: { state: true } };
  protected readonly spec = pageSpec;
  declare private section: string;
  declare private answer: string;
  private focusSection = false;

  protected override configChanged(config: PageConfig): void {
    this.section = config.sections[0]?.id ?? '';
    this.answer = '';
  }

  private changed(): void {
    this.report({ section: this.section, answer: this.answer }, false);
  }

  private show(id: string): void {
    if (this.disabled) return;
    this.section = id;
    this.focusSection = true;
    this.changed();
  }

  override updated(): void {
    if (!this.focusSection) return;
    this.focusSection = false;
    this.renderRoot.querySelector<HTMLElement>('#section-title')?.focus();
  }

  protected renderWidget(config: PageConfig): TemplateResult {
    const m = (key: 'caption' | 'menu' | 'address') => translate(pageMessages, this.language, key);
    const section = config.sections.find((s) => s.id === this.section) ?? config.sections[0];
    return html`<section class="frame" aria-labelledby="caption">
        <p class="caption" id="caption">${m('caption')}</p>
        ${siteHeader(this.t(config.site), m('address'), config.address)}
        <nav aria-label=${m('menu')}>
          <ul>
            ${config.sections.map(
              (s) => html`<li>
                <button
                  type="button"
                  data-section=${s.id}
                  aria-current=${s.id === section?.id ? 'page' : 'false'}
                  ?disabled=${this.disabled}
                  @click=${() => this.show(s.id)}
                >
                  ${this.t(s.title)}
                </button>
              </li>`,
            )}
          </ul>
        </nav>
        <div class="inside">
          <h3 id="section-title" tabindex="-1">${section ? this.t(section.title) : ''}</h3>
          ${section?.text.map((p) => html`<p>${this.t(p)}</p>`)}
        </div>
      </section>
      <div class="field answer">
        <label for="answer">${this.t(config.question)}</label>
        <input
          id="answer"
          type="text"
          autocomplete="off"
          ?disabled=${this.disabled}
          @input=${(e: Event) => {
            this.answer = (e.target as HTMLInputElement).value;
            this.changed();
          }}
        />
      </div>`;
  }
}
