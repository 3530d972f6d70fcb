/**
 * `<obs-survey external-ref="…" follow-up-code="…">` (docs/elements.md, "Linking a session"): the
 * values are checked by the core's rules before the survey starts. A bad one stops the survey with
 * an `obs-error` and a message on screen rather than starting without it: a session started
 * without its link could never be joined to the platform's record, nor to the person's earlier session.
 */
import { ObservatoireError } from '@observatoire/core';
import { checkFollowUpCode, isExternalRef, type FollowUpCodeProblem } from '@observatoire/core/api';
import { translate, type Catalogue } from '@observatoire/core/i18n';
import type { Lang } from '@observatoire/core';
import { html, type TemplateResult } from 'lit';
import type { ErrorEventDetail, SessionLinks } from '../events.js';

/** Why the survey did not start: the host's reference, or the follow-up code the mediator typed. */
export type LinkFailure = { code: 'invalid_external_ref' } | { code: 'invalid_follow_up_code'; problem: FollowUpCodeProblem };

/**
 * The links to start with, or why they are refused. An empty `follow-up-code` is none (a new code is
 * made); an empty `external-ref` is refused (a host's template that lost its value).
 *
 * @example
 * checkLinks('coop:42', 'k7qm 3rxp'); // { ok: true, links: { externalRef: 'coop:42', followUpCode: 'K7QM-3RXP' } }
 */
export function checkLinks(externalRef: string | undefined | null, followUpCode: string | undefined | null): { ok: true; links: SessionLinks } | { ok: false; failure: LinkFailure } {
  if (externalRef !== undefined && externalRef !== null && !isExternalRef(externalRef)) return { ok: false, failure: { code: 'invalid_external_ref' } };
  const links: SessionLinks = externalRef ? { externalRef } : {};
  if (!followUpCode?.trim()) return { ok: true, links };
  const checked = checkFollowUpCode(followUpCode);
  if (!checked.ok) return { ok: false, failure: { code: 'invalid_follow_up_code', problem: checked.problem } };
  return { ok: true, links: { ...links, followUpCode: checked.code } };
}

type Keys = 'refTitle' | 'refBody' | 'codeTitle' | `code_${FollowUpCodeProblem}` | 'codeWhatToDo';

const messages = {
  fr: {
    refTitle: 'Le questionnaire ne peut pas commencer',
    refBody: 'La référence donnée par le site n’est pas valide. Prévenez la personne qui s’occupe de ce site.',
    codeTitle: 'Ce code de suivi n’est pas valide',
    code_length: 'Un code de suivi a huit caractères, par exemple ABCD-EFGH.',
    code_character: 'Il contient un caractère absent des codes\u00a0: 0, O, 1, I ou L.',
    code_check: 'Un caractère a sans doute été mal recopié.',
    codeWhatToDo: 'Vérifiez le code sur la fiche de la personne, puis saisissez-le de nouveau.',
  },
  en: {
    refTitle: 'The questionnaire cannot start',
    refBody: 'The reference given by the website is not valid. Please tell the person who looks after this website.',
    codeTitle: 'This follow-up code is not valid',
    code_length: 'A follow-up code has eight characters, for example ABCD-EFGH.',
    code_character: 'It holds a character no code has: 0, O, 1, I or L.',
    code_check: 'A character was probably copied wrongly.',
    codeWhatToDo: 'Check the code on the person’s sheet, then type it again.',
  },
} satisfies Catalogue<Keys>;

/**
 * The screen shown instead of the survey.
 *
 * @example
 * renderLinkFailure({ code: 'invalid_follow_up_code', problem: 'check' }, 'fr');
 */
export function renderLinkFailure(failure: LinkFailure, lang: Lang): TemplateResult {
  const t = (key: Keys) => translate(messages, lang, key);
  const body =
    failure.code === 'invalid_external_ref'
      ? html`<h2 part="heading" tabindex="-1">${t('refTitle')}</h2>
          <p>${t('refBody')}</p>
          <ul lang="en"><li>external-ref must be 1 to 128 visible ASCII characters (no space).</li></ul>`
      : html`<h2 part="heading" tabindex="-1">${t('codeTitle')}</h2>
          <p>${t(`code_${failure.problem}`)}</p>
          <p>${t('codeWhatToDo')}</p>`;
  return html`<div part="error" class="error-box" role="alert">${body}</div>`;
}

/**
 * The `obs-error` detail of a refused link.
 *
 * @example
 * emit(survey, 'obs-error', linkError({ code: 'invalid_external_ref' }));
 */
export function linkError(failure: LinkFailure): ErrorEventDetail {
  const message =
    failure.code === 'invalid_external_ref'
      ? 'external-ref must be 1 to 128 visible ASCII characters (no space): the survey does not start without its link.'
      : `follow-up-code is not a follow-up code (${failure.problem}): the survey does not start until it is corrected.`;
  return { code: failure.code, message, error: new ObservatoireError(failure.code, message) };
}
