/** The structure's campaigns (docs/dashboard.md): code, name, dates, open or closed, participants and target. */
import { html, type TemplateResult } from 'lit';
import type { CampaignEntry } from './follow-controller.js';
import { day, tableTemplate, type DashboardView } from './view.js';

/** Open from `opensAt` (included) to `closesAt` (excluded), on the device's clock: docs/collector.md. */
function stateOf(entry: CampaignEntry, now: number): 'stateOpen' | 'stateClosed' | 'stateNotYet' {
  if (now < entry.campaign.opensAt) return 'stateNotYet';
  return entry.campaign.closesAt !== null && now >= entry.campaign.closesAt ? 'stateClosed' : 'stateOpen';
}

export function campaignsTemplate(view: DashboardView, campaigns: readonly CampaignEntry[], followed: string | undefined, onFollow: (code: string) => void, now: number): TemplateResult {
  const { t } = view;
  if (campaigns.length === 0) return html`<p>${t('noCampaign')}</p>`;
  return tableTemplate(
    view,
    { id: 'campaigns', caption: t('campaignsCaption'), columns: ['colCode', 'colLabel', 'colDates', 'colState', 'colCount', 'colFollow'], part: 'table' },
    campaigns.map((entry) => {
      const { campaign, counts } = entry;
      const n = counts?.started;
      const current = campaign.code === followed;
      return html`<tr>
        <th scope="row" class="code">${campaign.code}</th>
        <td>${campaign.label ?? '–'}</td>
        <td>
          ${campaign.closesAt === null
            ? t('datesFrom', { from: day(view, campaign.opensAt) })
            : t('datesRange', { from: day(view, campaign.opensAt), to: day(view, campaign.closesAt) })}
        </td>
        <td>${t(stateOf(entry, now))}</td>
        <td>${n === undefined ? '…' : campaign.target !== null ? t('countTarget', { n, target: campaign.target }) : String(n)}</td>
        <td>
          <button type="button" aria-pressed=${current ? 'true' : 'false'} @click=${() => onFollow(campaign.code)}>
            ${t(current ? 'followed' : 'follow')}<span class="visually-hidden"> ${t('campaignOf', { code: campaign.code })}</span>
          </button>
        </td>
      </tr>`;
    }),
  );
}
