/**
 * `GET /v1/campaigns/:code/progress?limit=&after=` (docs/collector.md, "Organisations and campaigns"):
 * a campaign's counts and one page of its participants, pseudonymous (session ids), each with the
 * core's stage and course outcomes. Answers carry an `ETag`; `If-None-Match` with it gets `304`, so a
 * dashboard polling while sessions run reads a body only when something changed.
 */
import { communeInTerritory, participantStage } from '@observatoire/core/analysis';
import { base64, type CampaignProgress, type KeyRole, type ParticipantProgress, type ProgressCounts } from '@observatoire/core/api';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { errorResponse, invalidRequest, type RequestIssue } from '../api/errors.js';
import { normaliseCampaignCode } from '../campaign-code.js';
import { sessionOutcome } from '../export/progress.js';
import { decodeCursor, encodeCursor } from '../export/stream.js';
import { compareKeys, type SessionKey } from '../store/filter.js';
import type { CampaignRecord } from '../store/types.js';
import type { RouteContext } from './context.js';

/** Participants per page unless `limit` says otherwise, and the largest page. */
export const PROGRESS_PAGE = 100;
export const MAX_PROGRESS_PAGE = 500;

export function progressRoutes(app: Hono, ctx: RouteContext, keys: (...roles: KeyRole[]) => MiddlewareHandler): void {
  app.get('/v1/campaigns/:code/progress', keys('admin', 'structure', 'territory'), async (c) => {
    const page = pageOf(c.req.query());
    if (!page.ok) return invalidRequest(c, page.issues);
    const campaign = await visibleCampaign(c, ctx);
    if (campaign instanceof Response) return campaign;
    // A territory key reads aggregated figures only: the counts, never a participant.
    const aggregated = c.get('principal').role === 'territory';
    const survey = ctx.surveys.get(campaign.surveyId, campaign.contentVersion);
    const counts: ProgressCounts = { started: 0, questionnaireValidated: 0, courseReached: 0, completed: 0, quit: 0, inProgress: 0 };
    const participants: ParticipantProgress[] = [];
    let last: SessionKey | undefined;
    let more = false;
    for await (const data of ctx.store.streamSessionData({ campaign: campaign.code })) {
      const outcome = survey ? sessionOutcome(survey.definition, data) : null;
      const courses = outcome?.courses ?? [];
      const questionnaireValidated = data.questionnaire !== null;
      const stage = participantStage({ questionnaireValidated, endReason: data.session.endReason, courses });
      counts.started += 1;
      if (questionnaireValidated) counts.questionnaireValidated += 1;
      if (stage !== 'started' && stage !== 'questionnaire_validated') counts.courseReached += 1;
      if (stage === 'finished') counts.completed += 1;
      else if (stage === 'left') counts.quit += 1;
      else counts.inProgress += 1;
      const key = { receivedAt: data.session.receivedAt, id: data.session.id };
      if (aggregated || (page.after && compareKeys(key, page.after) <= 0)) continue;
      if (participants.length === page.limit) {
        more = true;
        continue;
      }
      participants.push({
        sessionId: data.session.id,
        startedAt: data.session.startedAt,
        questionnaireValidated,
        endReason: data.session.endReason,
        stage,
        testTimeMs: outcome?.testTimeMs ?? 0,
        courses,
      });
      last = key;
    }
    const body: CampaignProgress = { campaign, counts, participants, next: more && last ? encodeCursor(last) : null };
    const text = JSON.stringify(body);
    const etag = await entityTag(text);
    c.header('Cache-Control', 'no-store');
    c.header('ETag', etag);
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    return c.body(text, 200, { 'Content-Type': 'application/json' });
  });
}

/** `limit` (1 to `MAX_PROGRESS_PAGE`) and `after` (the `next` of the previous page). */
function pageOf(query: Readonly<Record<string, string>>): { ok: true; limit: number; after: SessionKey | undefined } | { ok: false; issues: RequestIssue[] } {
  const issues: RequestIssue[] = [];
  let limit = PROGRESS_PAGE;
  if (query['limit'] !== undefined) {
    limit = /^\d{1,4}$/.test(query['limit']) ? Number(query['limit']) : NaN;
    if (!(limit >= 1 && limit <= MAX_PROGRESS_PAGE)) issues.push({ path: 'limit', message: `must be a whole number from 1 to ${MAX_PROGRESS_PAGE}` });
  }
  let after: SessionKey | undefined;
  if (query['after'] !== undefined) {
    after = decodeCursor(query['after']) ?? undefined;
    if (!after) issues.push({ path: 'after', message: 'must be the "next" of a previous page' });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, limit, after };
}

/** A weak entity tag of a body (SHA-256, base64url): equal bodies, equal tags. */
async function entityTag(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return `W/"${base64(digest, { url: true })}"`;
}

/**
 * The campaign of the path if the principal may follow it: 404 for an admin; 403 for another
 * organisation's, one outside the territory, or an unknown one (a key cannot probe codes).
 */
export async function visibleCampaign(c: Context, ctx: RouteContext): Promise<CampaignRecord | Response> {
  const principal = c.get('principal');
  const code = normaliseCampaignCode(c.req.param('code') ?? '');
  const campaign = /^[A-Z0-9]{3}-[A-Z0-9]{3}$/.test(code) ? await ctx.store.structures.getCampaign(code) : null;
  if (principal.role === 'admin') return campaign ?? errorResponse(c, 404, 'campaign_unknown', `No campaign "${code}".`);
  if (campaign && (await campaignInScope(ctx, principal, campaign))) return campaign;
  return errorResponse(c, 403, 'forbidden', 'This key does not open this campaign.');
}

/**
 * Whether a scoped key's scope holds a campaign: a structure key its organisation's; a territory key
 * those of organisations whose commune lies in its department or region.
 */
export async function campaignInScope(
  ctx: RouteContext,
  principal: { role: KeyRole; organisation: string | null; territory: { kind: string; code: string } | null },
  campaign: CampaignRecord,
): Promise<boolean> {
  if (principal.role === 'admin') return true;
  if (principal.role === 'structure') return campaign.organisation === principal.organisation;
  const organisation = await ctx.store.structures.getOrganisation(campaign.organisation);
  return principal.territory !== null && organisation !== null && communeInTerritory(organisation.commune, principal.territory);
}
