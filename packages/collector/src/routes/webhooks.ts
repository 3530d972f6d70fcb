/**
 * Webhook endpoints and their delivery log (docs/webhooks.md): created, listed and disabled by an
 * admin key, or by a structure key for its own organisation and campaigns; the delivery log; replay.
 * The secret is shown once, in the creation's response. Every change is in the audit log.
 */
import { CreateWebhookBody, ReplayWebhookBody, type KeyRole } from '@observatoire/core/api';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { errorResponse, invalidRequest } from '../api/errors.js';
import { normaliseCampaignCode } from '../campaign-code.js';
import type { DeliveryRecord, WebhookEndpointRecord } from '../store/webhook-types.js';
import { newWebhookSecret } from '../webhooks/signature.js';
import { audit } from './audit.js';
import { readBody, type RouteContext } from './context.js';

/** Largest page of the delivery log. */
const MAX_DELIVERY_PAGE = 1000;

export interface WebhookRouteOptions {
  /** `http:` to this machine (development, tests); `false` in production: https only. */
  allowLoopbackHttp: boolean;
}

/**
 * @example
 * webhookRoutes(app, ctx, keyAuth({ adminToken, store }), { allowLoopbackHttp: false });
 */
export function webhookRoutes(app: Hono, ctx: RouteContext, keys: (...roles: KeyRole[]) => MiddlewareHandler, options: WebhookRouteOptions): void {
  const webhooks = ctx.store.webhooks;
  const managers = keys('admin', 'structure');

  app.post('/v1/webhooks', managers, async (c) => {
    const body = await readBody(c, CreateWebhookBody);
    if (!body.ok) return body.response;
    const input = body.data;
    if ((input.organisation === undefined) === (input.campaign === undefined))
      return invalidRequest(c, [{ path: 'organisation', message: 'give either an organisation or a campaign' }]);
    if (!options.allowLoopbackHttp && new URL(input.url).protocol !== 'https:') return invalidRequest(c, [{ path: 'url', message: 'must use https' }]);
    const scope = await scopeOf(c, ctx, input.organisation, input.campaign);
    if (scope instanceof Response) return scope;
    const record: WebhookEndpointRecord = {
      id: `wh_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`,
      ...scope,
      url: input.url,
      events: input.events,
      secret: newWebhookSecret(),
      label: input.label ?? null,
      createdAt: ctx.now(),
      disabledAt: null,
    };
    await webhooks.createEndpoint(record);
    await audit(ctx, c, 'webhook_create', record.id);
    c.header('Cache-Control', 'no-store');
    return c.json({ ...endpointView(record), secret: record.secret }, 201);
  });

  app.get('/v1/webhooks', managers, async (c) => {
    const principal = c.get('principal');
    const list = await webhooks.listEndpoints(principal.role === 'admin' ? undefined : (principal.organisation ?? ''));
    return c.json(list.map(endpointView));
  });

  app.delete('/v1/webhooks/:id', managers, async (c) => {
    const endpoint = await visibleEndpoint(c, ctx, c.req.param('id'));
    if (endpoint instanceof Response) return endpoint;
    const disabled = await webhooks.disableEndpoint(endpoint.id, ctx.now());
    await audit(ctx, c, 'webhook_disable', endpoint.id, disabled?.cancelled ?? 0);
    return c.body(null, 204);
  });

  app.get('/v1/webhooks/:id/deliveries', managers, async (c) => {
    const limitText = c.req.query('limit') ?? '100';
    const limit = /^\d{1,4}$/.test(limitText) ? Number(limitText) : NaN;
    if (!(limit >= 1 && limit <= MAX_DELIVERY_PAGE)) return invalidRequest(c, [{ path: 'limit', message: `must be a whole number from 1 to ${MAX_DELIVERY_PAGE}` }]);
    const endpoint = await visibleEndpoint(c, ctx, c.req.param('id'));
    if (endpoint instanceof Response) return endpoint;
    c.header('Cache-Control', 'no-store');
    return c.json((await webhooks.listDeliveries(endpoint.id, limit)).map(deliveryView));
  });

  // Every failed delivery of the endpoint made since a time, sent again with its own webhook-id.
  app.post('/v1/webhooks/:id/replay', managers, async (c) => {
    const body = await readBody(c, ReplayWebhookBody);
    if (!body.ok) return body.response;
    const endpoint = await visibleEndpoint(c, ctx, c.req.param('id'));
    if (endpoint instanceof Response) return endpoint;
    if (endpoint.disabledAt !== null) return disabledEndpoint(c, endpoint.id);
    const requeued = await webhooks.requeueFailed(endpoint.id, body.data.since, ctx.now());
    await audit(ctx, c, 'webhook_replay', `${endpoint.id} since ${new Date(body.data.since).toISOString()}`, requeued);
    return c.json({ requeued });
  });

  // One delivery, whatever its status, sent again with its own webhook-id.
  app.post('/v1/webhook-deliveries/:deliveryId/replay', managers, async (c) => {
    const id = c.req.param('deliveryId');
    const delivery = await webhooks.getDelivery(id);
    // An unknown delivery and another organisation's answer alike to a structure key.
    const endpoint = await visibleEndpoint(c, ctx, delivery?.endpointId ?? '', 'delivery');
    if (endpoint instanceof Response) return endpoint;
    if (endpoint.disabledAt !== null) return disabledEndpoint(c, endpoint.id);
    await webhooks.requeueDelivery(id, ctx.now());
    await audit(ctx, c, 'webhook_replay', id, 1);
    return c.json({ requeued: 1 });
  });
}

/** No worker sends a disabled endpoint's deliveries: a replay would leave them pending forever (docs/webhooks.md). */
function disabledEndpoint(c: Context, id: string): Response {
  return errorResponse(c, 409, 'webhook_disabled', `The webhook "${id}" is disabled: its deliveries are not sent again. Add a new webhook for this receiver.`);
}

/** The endpoint's organisation and campaign, if the principal may watch them. */
async function scopeOf(c: Context, ctx: RouteContext, organisation: string | undefined, campaignCode: string | undefined): Promise<Pick<WebhookEndpointRecord, 'organisation' | 'campaign'> | Response> {
  const principal = c.get('principal');
  const structures = ctx.store.structures;
  if (campaignCode !== undefined) {
    const code = normaliseCampaignCode(campaignCode);
    const campaign = await structures.getCampaign(code);
    if (principal.role !== 'admin' && campaign?.organisation !== principal.organisation)
      return errorResponse(c, 403, 'forbidden', 'This key does not open this campaign.');
    if (!campaign) return errorResponse(c, 404, 'campaign_unknown', `No campaign "${code}".`);
    return { organisation: campaign.organisation, campaign: campaign.code };
  }
  const id = organisation ?? '';
  if (principal.role !== 'admin' && id !== principal.organisation) return errorResponse(c, 403, 'forbidden', 'A structure key adds webhooks for its own organisation only.');
  if (!(await structures.getOrganisation(id))) return errorResponse(c, 404, 'organisation_unknown', `No organisation "${id}": create it first.`);
  return { organisation: id, campaign: null };
}

/** The endpoint if the principal may manage it: 404 for an admin, 403 for another organisation's or an unknown one (no probing). */
async function visibleEndpoint(c: Context, ctx: RouteContext, id: string, what: 'webhook' | 'delivery' = 'webhook'): Promise<WebhookEndpointRecord | Response> {
  const principal = c.get('principal');
  const endpoint = id === '' ? null : await ctx.store.webhooks.getEndpoint(id);
  if (principal.role === 'admin') return endpoint ?? errorResponse(c, 404, 'not_found', `No such ${what}.`);
  if (!endpoint || endpoint.organisation !== principal.organisation) return errorResponse(c, 403, 'forbidden', `This key does not open this ${what}.`);
  return endpoint;
}

/** An endpoint as listed: never its secret. */
function endpointView(record: WebhookEndpointRecord) {
  const { secret: _secret, ...view } = record;
  return view;
}

/** A delivery as logged: never its body (it is the session's summary, for the endpoint only). */
function deliveryView(record: DeliveryRecord) {
  const { body: _body, ...view } = record;
  return { ...view, nextAttemptAt: record.status === 'pending' ? record.nextAttemptAt : null };
}
