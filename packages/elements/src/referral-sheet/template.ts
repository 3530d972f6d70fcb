/**
 * The referral sheet as a plain template (docs/player.md, "<obs-referral-sheet>"): the same markup on
 * screen and in the print frame. Every address is written out beside its link: the sheet is read
 * on paper.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Lang, LocalizedText } from '@observatoire/core';
import type { ReferralLink } from '@observatoire/core/validate';
import type { MessageParams } from '@observatoire/core/i18n';
import type { ReferralContent } from './content.js';
import type { ReferralMessageKey } from './messages.js';

export interface SheetView {
  lang: Lang;
  t: (key: ReferralMessageKey, params?: MessageParams) => string;
  content: ReferralContent;
  /** The structure's links, already checked (`checkReferralLinks`), their URLs absolute. */
  links: readonly ReferralLink[];
  followUpCode?: string | undefined;
  organisationName?: string | undefined;
  date: Date;
}

/**
 * @example
 * render(sheetTemplate({ lang: 'fr', t, content: referralContent(definition, state), links: [], date: new Date() }), container);
 */
export function sheetTemplate(view: SheetView): TemplateResult {
  const { t, lang, content } = view;
  const name = (text: LocalizedText) => text[lang];
  const date = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' }).format(view.date);
  const resources = content.resources.map((link) => ({ title: name(link.title), url: link.url }));
  return html`<article class="sheet" part="sheet" aria-labelledby="sheet-title">
    <h2 id="sheet-title">${t('title')}</h2>
    <p class="dated">${view.organisationName ? t('datedBy', { date, organisation: view.organisationName }) : t('dated', { date })}</p>
    <p>${t('keep')}</p>
    <section aria-labelledby="sheet-well">
      <h3 id="sheet-well">${t('wellTitle')}</h3>
      ${content.coursesPassed.map((course) => html`<p>${t('wellCourse', { course: name(course) })}</p>`)}
      ${content.strengths.length > 0
        ? html`<p>${t('wellSkills')}</p>
            <ul>
              ${content.strengths.map((skill) => html`<li>${name(skill)}</li>`)}
            </ul>`
        : html`<p>${t('wellFirstStep')}</p>`}
    </section>
    <section aria-labelledby="sheet-work">
      <h3 id="sheet-work">${t('workTitle')}</h3>
      ${content.toWork.length > 0
        ? html`<p>${t('workSkills')}</p>
            <ul>
              ${content.toWork.map((skill) => html`<li>${name(skill)}</li>`)}
            </ul>`
        : html`<p>${t('workNothing')}</p>`}
    </section>
    ${linksSection('sheet-learn', t('learnTitle'), resources)}
    ${linksSection('sheet-near', t('nearTitle'), view.links)}
    ${view.followUpCode
      ? html`<div class="follow-up">
          <p><strong>${t('followUp', { code: view.followUpCode })}</strong></p>
          <p>${t('followUpHint')}</p>
        </div>`
      : nothing}
  </article>`;
}

function linksSection(id: string, title: string, links: readonly { title: string; url: string; detail?: string | undefined }[]): TemplateResult | typeof nothing {
  if (links.length === 0) return nothing;
  return html`<section aria-labelledby=${id}>
    <h3 id=${id}>${title}</h3>
    <ul class="links">
      ${links.map(
        (link) => html`<li>
          <a href=${link.url}>${link.title}</a>${link.detail ? html` — ${link.detail}` : nothing}
          <span class="url">${shownUrl(link.url)}</span>
        </li>`,
      )}
    </ul>
  </section>`;
}

/** An address as people type it: no scheme, no `www.`, no trailing slash. */
export function shownUrl(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/$/, '');
}
