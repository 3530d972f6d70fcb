/**
 * In-memory `WebhookStore` for `MemoryStore` (mock mode, unit tests); no Node imports. The queue
 * lives as long as the process: it survives no restart (the SQL stores' does).
 */
import type { SessionRecord } from './types.js';
import type { ClaimedDelivery, DeliveryOutcome, DeliveryRecord, WebhookEndpointRecord, WebhookEvent, WebhookStore } from './webhook-types.js';

/**
 * @example
 * const webhooks = new MemoryWebhooks((code) => campaigns.get(code)?.organisation);
 */
export class MemoryWebhooks implements WebhookStore {
  private readonly endpoints = new Map<string, WebhookEndpointRecord>();
  /** By id, in creation order. */
  private readonly deliveries = new Map<string, DeliveryRecord & { leasedUntil: number | null }>();

  /** `organisationOf`: a campaign's organisation (the scope of an organisation's endpoints). */
  constructor(private readonly organisationOf: (campaign: string) => string | undefined) {}

  async createEndpoint(record: WebhookEndpointRecord): Promise<void> {
    this.endpoints.set(record.id, structuredClone(record));
  }

  async getEndpoint(id: string): Promise<WebhookEndpointRecord | null> {
    const found = this.endpoints.get(id);
    return found ? structuredClone(found) : null;
  }

  async listEndpoints(organisation?: string): Promise<WebhookEndpointRecord[]> {
    return [...this.endpoints.values()].filter((e) => organisation === undefined || e.organisation === organisation).map((e) => structuredClone(e));
  }

  async disableEndpoint(id: string, at: number): Promise<{ cancelled: number } | null> {
    const found = this.endpoints.get(id);
    if (!found) return null;
    found.disabledAt ??= at;
    let cancelled = 0;
    for (const d of this.deliveries.values())
      if (d.endpointId === id && d.status === 'pending') {
        Object.assign(d, { status: 'cancelled', leasedUntil: null });
        cancelled++;
      }
    return { cancelled };
  }

  /** Called by `MemoryStore` with the state change (the same turn: nothing runs in between). */
  enqueue(session: SessionRecord, event: WebhookEvent): void {
    const campaign = session.campaign ?? null;
    if (campaign === null) return;
    const organisation = this.organisationOf(campaign);
    for (const endpoint of this.endpoints.values()) {
      if (endpoint.disabledAt !== null || endpoint.organisation !== organisation || !endpoint.events.includes(event.type)) continue;
      if (endpoint.campaign !== null && endpoint.campaign !== campaign) continue;
      const twin = [...this.deliveries.values()].some((d) => d.endpointId === endpoint.id && d.sessionId === session.id && d.type === event.type);
      if (twin) continue;
      const id = `msg_${crypto.randomUUID()}`;
      this.deliveries.set(id, {
        id,
        endpointId: endpoint.id,
        sessionId: session.id,
        type: event.type,
        body: event.body,
        createdAt: event.at,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: event.at,
        lastStatusCode: null,
        lastError: null,
        deliveredAt: null,
        leasedUntil: null,
      });
    }
  }

  /** An erased session's deliveries go with it. */
  forgetSession(sessionId: string): void {
    for (const [id, delivery] of this.deliveries) if (delivery.sessionId === sessionId) this.deliveries.delete(id);
  }

  async claimDeliveries(now: number, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const due = [...this.deliveries.values()]
      .filter((d) => d.status === 'pending' && d.nextAttemptAt <= now && (d.leasedUntil === null || d.leasedUntil <= now))
      .filter((d) => this.endpoints.get(d.endpointId)?.disabledAt === null)
      .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt)
      .slice(0, limit);
    return due.map((d) => {
      d.leasedUntil = now + leaseMs;
      d.attempts += 1;
      const endpoint = this.endpoints.get(d.endpointId)!;
      return { id: d.id, body: d.body, url: endpoint.url, secret: endpoint.secret, attempt: d.attempts, leasedUntil: d.leasedUntil };
    });
  }

  async settleDelivery(claim: Pick<ClaimedDelivery, 'id' | 'leasedUntil'>, outcome: DeliveryOutcome): Promise<boolean> {
    const d = this.deliveries.get(claim.id);
    if (!d || d.status !== 'pending' || d.leasedUntil !== claim.leasedUntil) return false;
    d.leasedUntil = null;
    if (outcome.kind === 'delivered') Object.assign(d, { status: 'delivered', deliveredAt: outcome.at, lastStatusCode: outcome.statusCode, lastError: null });
    else if (outcome.kind === 'retry') Object.assign(d, { nextAttemptAt: outcome.nextAttemptAt, lastStatusCode: outcome.statusCode, lastError: outcome.error });
    else Object.assign(d, { status: 'failed', lastStatusCode: outcome.statusCode, lastError: outcome.error });
    return true;
  }

  async getDelivery(id: string): Promise<DeliveryRecord | null> {
    const found = this.deliveries.get(id);
    return found ? view(found) : null;
  }

  async listDeliveries(endpointId: string, limit: number): Promise<DeliveryRecord[]> {
    return [...this.deliveries.values()].filter((d) => d.endpointId === endpointId).reverse().slice(0, limit).map(view);
  }

  async requeueDelivery(id: string, now: number): Promise<boolean> {
    const d = this.deliveries.get(id);
    if (!d) return false;
    Object.assign(d, { status: 'pending', attempts: 0, nextAttemptAt: now, leasedUntil: null, deliveredAt: null });
    return true;
  }

  async requeueFailed(endpointId: string, since: number, now: number): Promise<number> {
    const failed = [...this.deliveries.values()].filter((d) => d.endpointId === endpointId && d.status === 'failed' && d.createdAt >= since);
    for (const d of failed) await this.requeueDelivery(d.id, now);
    return failed.length;
  }
}

function view(record: DeliveryRecord & { leasedUntil: number | null }): DeliveryRecord {
  const { leasedUntil: _lease, ...delivery } = record;
  return structuredClone(delivery);
}
