/**
 * Organisations and their campaigns (docs/collector.md, "Organisations and campaigns"): created by
 * an admin key; listed and followed (progress, results) by an admin key or the organisation's
 * `structure` key.
 */
import { CreateCampaignBody, CreateOrganisationBody, type KeyRole } from '@observatoire/core/api';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { errorResponse, invalidRequest } from '../api/errors.js';
import { newCampaignCode, normaliseCampaignCode } from '../campaign-code.js';
import { sessionOutcome } from '../export/progress.js';
import type { CampaignRecord, OrganisationRecord } from '../store/types.js';
import { audit } from './audit.js';
import { closedCampaign } from './campaign-check.js';
import { readBody, type RouteContext } from './context.js';

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

  app.get('/v1/campaigns', keys('admin', 'structure'), async (c) => {
    const principal = c.get('principal');
    return c.json(await structures.listCampaigns(principal.role === 'admin' ? undefined : (principal.organisation ?? '')));
  });

  // Public: a survey page checks its campaign code before the person starts (no organisation, no figure).
  app.get('/v1/campaigns/:code/status', async (c) => {
    const code = normaliseCampaignCode(c.req.param('code'));
    const campaign = /^[A-Z0-9]{3}-[A-Z0-9]{3}$/.test(code) ? await structures.getCampaign(code) : null;
    if (!campaign) return errorResponse(c, 404, 'campaign_unknown', `No campaign "${code}": check the code given by the organisation.`);
    return closedCampaign(c, campaign, ctx.now()) ?? c.json({ code: campaign.code, open: true, surveyId: campaign.surveyId, contentVersion: campaign.contentVersion });
  });

  app.get('/v1/campaigns/:code/progress', keys('admin', 'structure'), async (c) => {
    const campaign = await visibleCampaign(c, ctx);
    if (campaign instanceof Response) return campaign;
    const survey = ctx.surveys.get(campaign.surveyId, campaign.contentVersion);
    const counts = { started: 0, questionnaireValidated: 0, completed: 0, quit: 0, inProgress: 0 };
    const participants = [];
    for await (const data of ctx.store.streamSessionData({ campaign: campaign.code })) {
      const outcome = survey ? sessionOutcome(survey.definition, data) : null;
      counts.started += 1;
      if (data.questionnaire) counts.questionnaireValidated += 1;
      if (data.session.endReason === 'completed') counts.completed += 1;
      else if (data.session.endReason === 'quit') counts.quit += 1;
      else counts.inProgress += 1;
      participants.push({
        sessionId: data.session.id,
        startedAt: data.session.startedAt,
        questionnaireValidated: data.questionnaire !== null,
        endReason: data.session.endReason,
        testTimeMs: outcome?.testTimeMs ?? 0,
        courses: (outcome?.courses ?? []).map((course) => ({ courseId: course.courseId, status: course.status, successRate: course.successRate })),
      });
    }
    c.header('Cache-Control', 'no-store');
    return c.json({ campaign, counts, participants });
  });
}

/** The campaign of the path if the principal may follow it: 404 for an admin, 403 for another organisation's or an unknown one. */
async function visibleCampaign(c: Context, ctx: RouteContext): Promise<CampaignRecord | Response> {
  const principal = c.get('principal');
  const code = normaliseCampaignCode(c.req.param('code') ?? '');
  const campaign = /^[A-Z0-9]{3}-[A-Z0-9]{3}$/.test(code) ? await ctx.store.structures.getCampaign(code) : null;
  if (principal.role === 'admin') return campaign ?? errorResponse(c, 404, 'campaign_unknown', `No campaign "${code}".`);
  // Another organisation's campaign and an unknown code answer alike: a key cannot probe codes.
  if (!campaign || campaign.organisation !== principal.organisation) return errorResponse(c, 403, 'forbidden', 'This key does not open this campaign.');
  return campaign;
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
