import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ContentError, type SessionState, type SurveyDefinition } from '@observatoire/core';
import { toLang, translate, type MessageParams } from '@observatoire/core/i18n';
import type { ReferralLink } from '@observatoire/core/validate';
import { emit, type ErrorEventDetail } from '../events.js';
import { base } from '../shared/styles.js';
import { referralContent } from './content.js';
import { messages, type ReferralMessageKey } from './messages.js';
import { printSheet } from './print.js';
import { pageCss, sheetStyles } from './styles.js';
import { sheetTemplate, type SheetView } from './template.js';

/**
 * The referral sheet (docs/player.md, "<obs-referral-sheet>"): one A4 page for the person to take
 * home, in plain words: what they did well (never a rate or a count of misses), the competences
 * to work on named in words, the content's tutorials for the challenges missed, the structure's
 * own next steps (its workshops, Aidants Connect, France Services…) and, when given, a follow-up
 * code. Shown on screen; "Imprimer la fiche" prints the sheet alone, never the page around it.
 * `<obs-results-card>` shows it; a dashboard can too (`import '…/referral-sheet/obs-referral-sheet.define.js'`).
 *
 * @example
 * const sheet = document.createElement('obs-referral-sheet');
 * sheet.definition = session.definition;
 * sheet.state = session.state;
 * sheet.links = [{ title: 'Atelier « Premiers pas »', url: 'https://example.fr/ateliers', detail: 'Le mardi à 14 h' }];
 * document.body.append(sheet);
 *
 * @attr lang - `fr` (default) or `en`.
 * @attr follow-up-code - A pseudonymous follow-up code, printed on the sheet (never a name).
 * @attr organisation-name - The structure's name, printed beside the date.
 * @prop {SessionState | undefined} state - The session state (`session.state`).
 * @prop {SurveyDefinition | undefined} definition - The survey definition.
 * @prop {unknown} links - The structure's next steps: `{ title, url, detail? }[]`, at most 5; each is checked, a bad one is left out and reported.
 * @fires {CustomEvent<ErrorEventDetail>} obs-error - `invalid_content` when a link is left out, each with its path (`links[1].url: must be an http(s) or relative URL`).
 * @csspart sheet - The sheet.
 * @csspart print - The "Imprimer la fiche" button.
 */
export class ObsReferralSheet extends LitElement {
  static override properties = {
    state: { attribute: false },
    definition: { attribute: false },
    links: { attribute: false },
    lang: { reflect: true },
    followUpCode: { attribute: 'follow-up-code' },
    organisationName: { attribute: 'organisation-name' },
    checkedLinks: { state: true },
  };

  static override styles = [
    base,
    sheetStyles,
    css`
      :host {
        display: block;
      }
      .sheet {
        border: 1px solid var(--_border);
        padding: var(--_space);
        margin-bottom: var(--_space);
      }
      /* On screen only: links are targets of 44 px (on paper, the addresses are what counts). */
      .sheet .links a {
        color: var(--_primary);
        display: inline-block;
        min-height: var(--_target);
        min-width: var(--_target);
        padding-block: 0.6em;
      }
    `,
  ];

  declare state: SessionState | undefined;
  declare definition: SurveyDefinition | undefined;
  declare links: unknown;
  declare lang: string;
  declare followUpCode: string | undefined;
  declare organisationName: string | undefined;
  declare private checkedLinks: readonly ReferralLink[];
  #checks = 0;

  constructor() {
    super();
    this.lang = 'fr';
    this.checkedLinks = [];
  }

  #t = (key: ReferralMessageKey, params?: MessageParams): string => translate(messages, toLang(this.lang), key, params);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('links')) void this.#check(this.links);
  }

  /** The links come from the host page: checked with the core's schema, loaded on demand like content's. */
  async #check(links: unknown): Promise<void> {
    const check = ++this.#checks;
    if (links === undefined || links === null) return void (this.checkedLinks = []);
    const { checkReferralLinks } = await import('@observatoire/core/validate');
    if (check !== this.#checks) return;
    const result = checkReferralLinks(links);
    this.checkedLinks = result.links.map((link) => ({ ...link, url: new URL(link.url, document.baseURI).href }));
    if (result.issues.length === 0) return;
    const error = new ContentError(result.issues.map((issue) => ({ ...issue, path: `links${issue.path}` })));
    emit(this, 'obs-error', { code: error.code, message: error.message, error });
  }

  #view(): SheetView | undefined {
    const { state, definition } = this;
    if (!state || !definition) return undefined;
    const lang = toLang(this.lang);
    return {
      lang, t: this.#t, content: referralContent(definition, state), links: this.checkedLinks, date: new Date(),
      followUpCode: this.followUpCode?.trim() || undefined, organisationName: this.organisationName?.trim() || undefined,
    };
  }

  override render(): TemplateResult | typeof nothing {
    const view = this.#view();
    if (!view) return nothing;
    return html`${sheetTemplate(view)}
      <div class="actions">
        <button type="button" part="print" @click=${() => void this.#print(view)}>${this.#t('print')}</button>
      </div>`;
  }

  async #print(view: SheetView): Promise<void> {
    await printSheet(this.renderRoot, { content: sheetTemplate(view), css: pageCss, lang: view.lang, title: this.#t('frameTitle') });
  }
}
