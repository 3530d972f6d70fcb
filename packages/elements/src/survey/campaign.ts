/**
 * `<obs-survey campaign="ABC-234">` (docs/elements.md, "Campaigns"): before the person starts, the
 * collector says whether the campaign takes sessions; an unknown or closed one is explained on screen.
 * The collector is asked by `CampaignCheck` (campaign-check.ts); this file explains its refusal.
 */
import { ObservatoireError, type Lang } from '@observatoire/core';
import { translate, type Catalogue } from '@observatoire/core/i18n';
import { html, type TemplateResult } from 'lit';
import type { CampaignRefusal } from './campaign-check.js';

type Keys = 'unknownTitle' | 'unknownBody' | 'closedTitle' | 'closedBody' | 'whatToDo';

const messages = {
  fr: {
    unknownTitle: 'Ce code de campagne n’est pas reconnu',
    unknownBody: 'Le code {code} ne correspond à aucune campagne. Il a peut-être été mal recopié.',
    closedTitle: 'Cette campagne n’est pas ouverte',
    closedBody: 'La campagne {code} ne reçoit pas de réponses en ce moment : elle n’a pas encore commencé, ou elle est terminée.',
    whatToDo: 'Demandez le bon lien ou le bon code à la structure qui vous a proposé l’enquête.',
  },
  en: {
    unknownTitle: 'This campaign code is not recognised',
    unknownBody: 'The code {code} matches no campaign. It may have been copied wrongly.',
    closedTitle: 'This campaign is not open',
    closedBody: 'The campaign {code} is not taking answers at the moment: it has not started yet, or it is over.',
    whatToDo: 'Ask the organisation that offered you the survey for the right link or code.',
  },
} satisfies Catalogue<Keys>;

/**
 * The screen shown instead of the survey when the collector refused the campaign.
 *
 * @example
 * renderCampaignRefusal('campaign_closed', 'KXR-482', 'fr');
 */
export function renderCampaignRefusal(refusal: CampaignRefusal, code: string, lang: Lang): TemplateResult {
  const t = (key: Keys) => translate(messages, lang, key, { code });
  const closed = refusal === 'campaign_closed';
  return html`<div part="error" class="error-box" role="alert">
    <h2 part="heading" tabindex="-1">${t(closed ? 'closedTitle' : 'unknownTitle')}</h2>
    <p>${t(closed ? 'closedBody' : 'unknownBody')}</p>
    <p>${t('whatToDo')}</p>
  </div>`;
}

/**
 * The `obs-error` detail of a refused campaign.
 *
 * @example
 * emit(survey, 'obs-error', campaignError('campaign_closed', 'KXR-482'));
 */
export function campaignError(refusal: CampaignRefusal, code: string): { code: string; message: string; error: ObservatoireError } {
  const message = `The collector refused the campaign "${code}" (${refusal}).`;
  return { code: refusal, message, error: new ObservatoireError(refusal, message) };
}
