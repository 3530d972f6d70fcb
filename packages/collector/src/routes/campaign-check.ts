/**
 * A session created with `campaign: "ABC-234"` (docs/collector.md, "Organisations and campaigns"):
 * the campaign must exist (404 `campaign_unknown`), be for the session's survey and version (400),
 * and be open at the server's clock (409 `campaign_closed`).
 */
import type { CreateSessionBody } from '@observatoire/core/api';
import type { Context } from 'hono';
import { errorResponse, invalidRequest } from '../api/errors.js';
import { normaliseCampaignCode } from '../campaign-code.js';
import type { CampaignRecord } from '../store/types.js';
import { sameHash } from '../token.js';
import type { RouteContext } from './context.js';

/**
 * The campaign to attach the new session to, or the refusal to send. A retry of a session created
 * while the campaign was open (same id, same token) is not refused after it closes: the outbox
 * that queued it gets its `200`.
 *
 * @example
 * const campaign = await openCampaign(c, ctx, body, tokenHash);
 * if (campaign instanceof Response) return campaign;
 */
export async function openCampaign(
  c: Context,
  ctx: RouteContext,
  body: Pick<CreateSessionBody, 'campaign' | 'surveyId' | 'contentVersion' | 'sessionId'>,
  tokenHash: string,
): Promise<CampaignRecord | Response> {
  const code = normaliseCampaignCode(body.campaign ?? '');
  const campaign = await ctx.store.structures.getCampaign(code);
  if (!campaign) return errorResponse(c, 404, 'campaign_unknown', `No campaign "${code}": check the code given by the organisation.`);
  if (campaign.surveyId !== body.surveyId || campaign.contentVersion !== body.contentVersion)
    return invalidRequest(c, [{ path: 'campaign', message: `campaign "${code}" is for survey "${campaign.surveyId}" version "${campaign.contentVersion}"` }]);
  const closed = closedCampaign(c, campaign, ctx.now());
  if (!closed) return campaign;
  if (body.sessionId !== undefined) {
    const existing = await ctx.store.getSession(body.sessionId);
    if (existing && existing.campaign === code && sameHash(existing.tokenHash, tokenHash)) return campaign;
  }
  return closed;
}

/**
 * `409 campaign_closed` when the campaign is not open at `now` (before `opensAt`, or from `closesAt`), else `null`.
 *
 * @example
 * const closed = closedCampaign(c, campaign, ctx.now());
 * if (closed) return closed;
 */
export function closedCampaign(c: Context, campaign: CampaignRecord, now: number): Response | null {
  if (now >= campaign.opensAt && (campaign.closesAt === null || now < campaign.closesAt)) return null;
  const when = now < campaign.opensAt ? `opens on ${new Date(campaign.opensAt).toISOString()}` : `closed on ${new Date(campaign.closesAt ?? now).toISOString()}`;
  return errorResponse(c, 409, 'campaign_closed', `The campaign "${campaign.code}" is not open: it ${when}.`);
}
