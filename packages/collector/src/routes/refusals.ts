/**
 * People offered the survey who did not take it (docs/collector.md, "Refusals"): recorded without a
 * key or token (the mediator's device sends them through its outbox, rate-limited as session
 * creation), idempotent by their client-made id; exported by any key within its scope.
 */
import { PostRefusalBody, type KeyRole } from '@observatoire/core/api';
import type { Hono, MiddlewareHandler } from 'hono';
import { errorResponse, invalidRequest } from '../api/errors.js';
import { normaliseCampaignCode } from '../campaign-code.js';
import { REFUSAL_COLUMNS, refusalRows } from '../export/refusals.js';
import { parseExportQuery, withinTerritories } from '../export/stream.js';
import { scopedFilter } from '../scope.js';
import type { RefusalRecord } from '../store/refusal-types.js';
import { closedCampaign } from './campaign-check.js';
import { readBody, type RouteContext } from './context.js';
import { exportResponse } from './export-response.js';

export function refusalRoutes(app: Hono, ctx: RouteContext, keys: (...roles: KeyRole[]) => MiddlewareHandler): void {
  app.post('/v1/refusals', async (c) => {
    const body = await readBody(c, PostRefusalBody);
    if (!body.ok) return body.response;
    const input = body.data;
    // A retry gets the stored refusal, whatever happened to its campaign since.
    const stored = await ctx.store.refusals.getRefusal(input.refusalId);
    if (stored) return c.json(view(stored), 200);
    if (!ctx.surveys.get(input.surveyId, input.contentVersion))
      return invalidRequest(c, [{ path: 'contentVersion', message: `unknown survey "${input.surveyId}" version "${input.contentVersion}"` }]);
    let organisation = input.organisation ?? null;
    let campaign: string | null = null;
    if (input.campaign !== undefined) {
      const code = normaliseCampaignCode(input.campaign);
      const found = await ctx.store.structures.getCampaign(code);
      if (!found) return errorResponse(c, 404, 'campaign_unknown', `No campaign "${code}": check the code given by the organisation.`);
      if (found.surveyId !== input.surveyId || found.contentVersion !== input.contentVersion)
        return invalidRequest(c, [{ path: 'campaign', message: `campaign "${code}" is for survey "${found.surveyId}" version "${found.contentVersion}"` }]);
      const closed = closedCampaign(c, found, ctx.now());
      if (closed) return closed;
      // As for a session: a campaign's refusal belongs to the campaign's organisation.
      [organisation, campaign] = [found.organisation, found.code];
    }
    const { created, record } = await ctx.store.refusals.addRefusal({
      id: input.refusalId,
      surveyId: input.surveyId,
      contentVersion: input.contentVersion,
      organisation,
      campaign,
      reason: input.reason,
      at: input.at,
      receivedAt: ctx.now(),
    });
    return c.json(view(record), created ? 201 : 200);
  });

  app.get('/v1/export/refusals', keys('admin', 'structure', 'territory'), async (c) => {
    const parsed = parseExportQuery(c.req.query());
    if (!parsed.ok) return invalidRequest(c, parsed.issues);
    if (parsed.query.territory) return invalidRequest(c, [{ path: 'territory', message: 'refusals carry no territory: filter by organisation or campaign' }]);
    const principal = c.get('principal');
    const filter = scopedFilter(principal, parsed.query.filter);
    // A territory key reads none: a refusal has no commune (`withinTerritories` finds no department column).
    const rows = withinTerritories(refusalRows(ctx.store, filter), [principal.territory ?? undefined]);
    return exportResponse(c, ctx, { file: 'observatoire-refus', action: 'refusals_export', format: parsed.query.format, limit: parsed.query.limit, columns: REFUSAL_COLUMNS, rows });
  });
}

function view(record: RefusalRecord) {
  return { refusalId: record.id, reason: record.reason };
}
