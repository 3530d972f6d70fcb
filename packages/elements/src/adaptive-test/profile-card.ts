/**
 * The competence profile as a template (docs/adaptive.md, "Profile"): per area, each competence
 * the bank measures with its level, pix, the pix still needed for the next level and how sure the
 * result is, in words. A plain template function: the element owns the state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Lang, Link, LocalizedText } from '@observatoire/core';
import { UNCERTAINTY_WORDS, type CompetenceProfile, type ProfileEntry } from '@observatoire/core/adaptive';
import { translate, type MessageParams } from '@observatoire/core/i18n';
import { messages, type AdaptiveMessageKey } from './messages.js';

/** Short tutorials per competence code (the bank's `tutorials`). */
export type TutorialsByCompetence = Readonly<Record<string, readonly Link[]>>;

/**
 * Render a profile, with the tutorials of each competence not at its highest level yet, and what the
 * test is (`about`: the bank's `provenance.description`, so nobody reads provisional figures as final).
 *
 * @example
 * render(profileCard(competenceProfile(bank, state.responses), 'fr', false, bank.tutorials ?? {}, bank.provenance.description), container);
 */
export function profileCard(profile: CompetenceProfile, lang: Lang, stopped: boolean, tutorials: TutorialsByCompetence = {}, about?: LocalizedText): TemplateResult {
  const t = (key: AdaptiveMessageKey, params?: MessageParams) => translate(messages, lang, key, params);
  const measured = profile.competences.filter((c) => c.uncertainty !== 'not-in-bank');
  const notMeasured = profile.competences.filter((c) => c.uncertainty === 'not-in-bank');
  return html`<section class="profile" part="profile" aria-labelledby="profile-heading">
    <h2 id="profile-heading" tabindex="-1">${t('profileTitle')}</h2>
    ${stopped ? html`<p part="stopped">${t('stopped')}</p>` : nothing}
    <p>${t('profileIntro')}</p>
    <p part="total"><strong>${t('total', { pix: profile.totalPix, max: profile.maxPix })}</strong></p>
    <p>${t('overall', { words: UNCERTAINTY_WORDS[profile.overall.uncertainty][lang] })}</p>
    ${profile.areas
      .filter((area) => measured.some((c) => c.code.startsWith(`${area.code}.`)))
      .map(
        (area) => html`<section class="area" part="area" aria-labelledby="area-${area.code}">
          <h3 id="area-${area.code}">${t('areaHeading', { code: area.code, name: area.name[lang] })}</h3>
          <ul>
            ${measured.filter((c) => c.code.startsWith(`${area.code}.`)).map((c) => competenceLine(c, lang, t, tutorials[c.code] ?? []))}
          </ul>
        </section>`,
      )}
    ${notMeasured.length > 0 ? html`<p part="not-measured">${t('notMeasuredList', { names: notMeasured.map((c) => c.name[lang]).join(', ') })}</p>` : nothing}
    ${about ? html`<p part="provenance" class="provenance"><strong>${t('about')}</strong> ${about[lang]}</p>` : nothing}
  </section>`;
}

function competenceLine(c: ProfileEntry, lang: Lang, t: (key: AdaptiveMessageKey, params?: MessageParams) => string, links: readonly Link[]): TemplateResult {
  const name = `${c.code} ${c.name[lang]}`;
  return html`<li part="competence" data-code=${c.code}>
    <strong>${c.level === 0 ? t('levelZero', { name, pix: c.pix }) : t('level', { name, level: c.level, pix: c.pix })}</strong>
    ${c.pixToNextLevel === null ? t('top') : t('toNext', { pix: c.pixToNextLevel, next: c.level + 1 })}
    <span class="uncertainty">${UNCERTAINTY_WORDS[c.uncertainty][lang]}</span>
    ${links.length > 0 && c.pixToNextLevel !== null
      ? html`<span class="tutorials" part="tutorials"
          >${t('tutorials')}
          ${links.map((link, i) => html`${i > 0 ? ', ' : ''}<a href=${link.url}>${link.title[lang]}</a>`)}</span
        >`
      : nothing}
  </li>`;
}
