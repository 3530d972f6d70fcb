/**
 * Organisations and their campaigns (docs/collector.md, "Organisations and campaigns"): created by
 * an admin key; listed by an admin key, the organisation's `structure` key or the `territory` key
 * of its commune (progress: `progress.ts`).
 */
import { CreateCampaignBody, CreateOrganisationBody, type KeyRole } from '@observatoire/core/api';
import type { Hono, MiddlewareHandler } from 'hono';
import { errorResponse, invalidRequest } from '../api/errors.js';
import { newCampaignCode, normaliseCampaignCode } from '../campaign-code.js';
import type { CampaignRecord, OrganisationRecord } from '../store/types.js';
import { audit } from './audit.js';
import { closedCampaign } from './campaign-check.js';
import { readBody, type RouteContext } from './context.js';
import { campaignInScope } from './progress.js';

/** Codes drawn before giving up (a clash is about one in a million per existing campaign). */
const CODE_ATTEMPTS = 8;

export function structureRoutes(app: Hono, ctx: RouteContext, keys: (...roles: KeyRole[]) => MiddlewareHandler): void {
  const structures = ctx.store.structures;

  app.post('/v1/organisations', keys('admin'), async (c) => {
    const body = await readBody(c, CreateOrganisationBody);
    if (!body.ok) return body.response;
    const { name, siret, commune } = body.data;
    const record: OrganisationRecord = { id: body.data.id ?? slug(name), name, siret: siret ?? null, commune, createdAt: ctx.now() };
    if (!(await structures.createOrganisation(record)))
      return errorResponse(c, 409, 'organisation_exists', `The organisation "${record.id}" already exists; give another "id".`);
    await audit(ctx, c, 'organisation_create', record.id);
    return c.json(record, 201);
  });

  app.get('/v1/organisations', keys('admin', 'structure'), async (c) => {
    const principal = c.get('principal');
    const all = await structures.listOrganisations();
    return c.json(principal.role === 'admin' ? all : all.filter((o) => o.id === principal.organisation));
  });

  app.post('/v1/campaigns', keys('admin'), async (c) => {
    const body = await readBody(c, CreateCampaignBody);
    if (!body.ok) return body.response;
    const input = body.data;
    if (!ctx.surveys.get(input.surveyId, input.contentVersion))
      return invalidRequest(c, [{ path: 'contentVersion', message: `unknown survey "${input.surveyId}" version "${input.contentVersion}"` }]);
    if (input.closesAt !== undefined && input.closesAt <= input.opensAt) return invalidRequest(c, [{ path: 'closesAt', message: 'must be after opensAt' }]);
    if (!(await structures.getOrganisation(input.organisation)))
      return errorResponse(c, 404, 'organisation_unknown', `No organisation "${input.organisation}": create it first.`);
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      const record: CampaignRecord = {
        code: newCampaignCode(),
        organisation: input.organisation,
        surveyId: input.surveyId,
        contentVersion: input.contentVersion,
        opensAt: input.opensAt,
        closesAt: input.closesAt ?? null,
        target: input.target ?? null,
        label: input.label ?? null,
        createdAt: ctx.now(),
      };
      if (!(await structures.createCampaign(record))) continue;
      await audit(ctx, c, 'campaign_create', record.code);
      return c.json(record, 201);
    }
    throw new Error(`no free campaign code after ${CODE_ATTEMPTS} draws`);
  });

  app.get('/v1/campaigns', keys('admin', 'structure', 'territory'), async (c) => {
    const principal = c.get('principal');
    if (principal.role !== 'territory') return c.json(await structures.listCampaigns(principal.role === 'admin' ? undefined : (principal.organisation ?? '')));
    // A territory key: the campaigns of the organisations whose commune lies in its territory.
    const all = await structures.listCampaigns();
    const inScope = await Promise.all(all.map((campaign) => campaignInScope(ctx, principal, campaign)));
    return c.json(all.filter((_, i) => inScope[i]));
  });

  // Public: a survey page checks its campaign code before the person starts (no organisation, no figure).
  app.get('/v1/campaigns/:code/status', async (c) => {
    const code = normaliseCampaignCode(c.req.param('code'));
    const campaign = /^[A-Z0-9]{3}-[A-Z0-9]{3}$/.test(code) ? await structures.getCampaign(code) : null;
    if (!campaign) return errorResponse(c, 404, 'campaign_unknown', `No campaign "${code}": check the code given by the organisation.`);
    return closedCampaign(c, campaign, ctx.now()) ?? c.json({ code: campaign.code, open: true, surveyId: campaign.surveyId, contentVersion: campaign.contentVersion });
  });
}

/**
 * An organisation id made from its name: `Médiathèque de Vitré` → `mediatheque-de-vitre`.
 *
 * @example
 * slug('Espace France Services (Redon)'); // 'espace-france-services-redon'
 */
export function slug(name: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return base || 'organisation';
}
