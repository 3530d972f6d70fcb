/**
 * `WebhookStore` over SQL (PGlite and PostgreSQL alike), migration `008_webhooks.sql`: endpoints,
 * the queue of deliveries written by the session writes themselves (`enqueueDeliveries`, in their
 * transaction), and the workers' claims: `FOR UPDATE SKIP LOCKED` and a lease, so two collector
 * processes on one database never send the same delivery at once (docs/webhooks.md, "Delivery").
 */
import type { WebhookEventType } from '@observatoire/core/api';
import type { Row, SqlQueries } from './sql-client.js';
import { numOrNull, strOrNull } from './sql-rows.js';
import type { ClaimedDelivery, DeliveryOutcome, DeliveryRecord, WebhookEndpointRecord, WebhookEvent, WebhookStore } from './webhook-types.js';

const ENDPOINT_COLUMNS = 'id, organisation, campaign, url, events, secret, label, created_at, disabled_at';
const DELIVERY_COLUMNS =
  'id, endpoint_id, session_id, event_type, body, created_at, status, attempts, next_attempt_at, last_status_code, last_error, delivered_at';


/**
 * Queue `event` for every enabled endpoint subscribed to it whose scope holds the session (its
 * campaign, or its campaign's organisation), at most once per endpoint, session and event type.
 * Run inside the transaction of the state change.
 *
 * @example
 * await client.transaction(async (tx) => { await tx.query(insertQuestionnaire); await enqueueDeliveries(tx, sessionId, event); });
 */
export async function enqueueDeliveries(tx: SqlQueries, sessionId: string, event: WebhookEvent): Promise<void> {
  await tx.query(
    `INSERT INTO webhook_deliveries (id, endpoint_id, session_id, event_type, body, created_at, status, attempts, next_attempt_at)
     SELECT 'msg_' || gen_random_uuid(), e.id, s.id, $2::text, $3::text, $4::bigint, 'pending', 0, $4::bigint
     FROM sessions s
     JOIN campaigns c ON c.code = s.campaign
     JOIN webhook_endpoints e ON e.organisation = c.organisation AND (e.campaign IS NULL OR e.campaign = s.campaign)
     WHERE s.id = $1 AND e.disabled_at IS NULL AND $2::text = ANY (e.events)
     ON CONFLICT (endpoint_id, session_id, event_type) DO NOTHING`,
    [sessionId, event.type, event.body, event.at],
  );
}

/**
 * @example
 * const webhooks = new SqlWebhooks(client);
 * await webhooks.listEndpoints('mediatheque-vitre');
 */
export class SqlWebhooks implements WebhookStore {
  constructor(private readonly client: SqlQueries) {}

  async createEndpoint(r: WebhookEndpointRecord): Promise<void> {
    await this.client.query(`INSERT INTO webhook_endpoints (${ENDPOINT_COLUMNS}) VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9)`, [
      r.id, r.organisation, r.campaign, r.url, r.events, r.secret, r.label, r.createdAt, r.disabledAt,
    ]);
  }

  async getEndpoint(id: string): Promise<WebhookEndpointRecord | null> {
    const [row] = await this.client.query(`SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE id = $1`, [id]);
    return row ? toEndpoint(row) : null;
  }

  async listEndpoints(organisation?: string): Promise<WebhookEndpointRecord[]> {
    const rows =
      organisation === undefined
        ? await this.client.query(`SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints ORDER BY created_at, id`)
        : await this.client.query(`SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE organisation = $1 ORDER BY created_at, id`, [organisation]);
    return rows.map(toEndpoint);
  }

  async disableEndpoint(id: string, at: number): Promise<{ cancelled: number } | null> {
    // One statement, so one transaction: no delivery is queued or claimed between the two updates.
    const [row] = await this.client.query(
      `WITH disabled AS (UPDATE webhook_endpoints SET disabled_at = COALESCE(disabled_at, $2::bigint) WHERE id = $1 RETURNING id),
       cancelled AS (UPDATE webhook_deliveries SET status = 'cancelled', leased_until = NULL
         WHERE endpoint_id IN (SELECT id FROM disabled) AND status = 'pending' RETURNING id)
       SELECT (SELECT count(*) FROM disabled)::int AS endpoints, (SELECT count(*) FROM cancelled)::int AS cancelled`,
      [id, at],
    );
    return Number(row?.['endpoints']) === 1 ? { cancelled: Number(row?.['cancelled']) } : null;
  }

  async claimDeliveries(now: number, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    // SKIP LOCKED: a claim running at the same time passes over these rows instead of waiting; once
    // committed, the lease keeps every later claim off them until it ends.
    const rows = await this.client.query(
      `WITH due AS (
         SELECT q.id FROM webhook_deliveries q JOIN webhook_endpoints qe ON qe.id = q.endpoint_id
         WHERE q.status = 'pending' AND q.next_attempt_at <= $1::bigint AND (q.leased_until IS NULL OR q.leased_until <= $1::bigint)
           AND qe.disabled_at IS NULL
         ORDER BY q.next_attempt_at, q.id LIMIT $2::int
         FOR UPDATE OF q SKIP LOCKED)
       UPDATE webhook_deliveries d SET leased_until = $1::bigint + $3::bigint, attempts = d.attempts + 1
       FROM due, webhook_endpoints e
       WHERE d.id = due.id AND e.id = d.endpoint_id
       RETURNING d.id, d.body, e.url, e.secret, d.attempts, d.leased_until`,
      [now, limit, leaseMs],
    );
    return rows.map((row) => ({
      id: String(row['id']),
      body: String(row['body']),
      url: String(row['url']),
      secret: String(row['secret']),
      attempt: Number(row['attempts']),
      leasedUntil: Number(row['leased_until']),
    }));
  }

  async settleDelivery(claim: Pick<ClaimedDelivery, 'id' | 'leasedUntil'>, outcome: DeliveryOutcome): Promise<boolean> {
    const mine = `WHERE id = $1 AND leased_until = $2::bigint AND status = 'pending' RETURNING id`;
    const key = [claim.id, claim.leasedUntil];
    let rows: Row[];
    if (outcome.kind === 'delivered')
      rows = await this.client.query(
        `UPDATE webhook_deliveries SET status = 'delivered', delivered_at = $3::bigint, last_status_code = $4::int, last_error = NULL, leased_until = NULL ${mine}`,
        [...key, outcome.at, outcome.statusCode],
      );
    else if (outcome.kind === 'retry')
      rows = await this.client.query(
        `UPDATE webhook_deliveries SET next_attempt_at = $3::bigint, last_status_code = $4::int, last_error = $5::text, leased_until = NULL ${mine}`,
        [...key, outcome.nextAttemptAt, outcome.statusCode, outcome.error],
      );
    else
      rows = await this.client.query(
        `UPDATE webhook_deliveries SET status = 'failed', last_status_code = $3::int, last_error = $4::text, leased_until = NULL ${mine}`,
        [...key, outcome.statusCode, outcome.error],
      );
    return rows.length === 1;
  }

  async getDelivery(id: string): Promise<DeliveryRecord | null> {
    const [row] = await this.client.query(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE id = $1`, [id]);
    return row ? toDelivery(row) : null;
  }

  async listDeliveries(endpointId: string, limit: number): Promise<DeliveryRecord[]> {
    const rows = await this.client.query(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2::int`,
      [endpointId, limit],
    );
    return rows.map(toDelivery);
  }

  async requeueDelivery(id: string, now: number): Promise<boolean> {
    const rows = await this.client.query(
      `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $2::bigint, leased_until = NULL, delivered_at = NULL
       WHERE id = $1 RETURNING id`,
      [id, now],
    );
    return rows.length === 1;
  }

  async requeueFailed(endpointId: string, since: number, now: number): Promise<number> {
    const rows = await this.client.query(
      `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $3::bigint, leased_until = NULL
       WHERE endpoint_id = $1 AND status = 'failed' AND created_at >= $2::bigint RETURNING id`,
      [endpointId, since, now],
    );
    return rows.length;
  }
}

function toEndpoint(row: Row): WebhookEndpointRecord {
  return {
    id: String(row['id']),
    organisation: String(row['organisation']),
    campaign: strOrNull(row['campaign']),
    url: String(row['url']),
    events: row['events'] as WebhookEventType[],
    secret: String(row['secret']),
    label: strOrNull(row['label']),
    createdAt: Number(row['created_at']),
    disabledAt: numOrNull(row['disabled_at']),
  };
}

function toDelivery(row: Row): DeliveryRecord {
  return {
    id: String(row['id']),
    endpointId: String(row['endpoint_id']),
    sessionId: String(row['session_id']),
    type: row['event_type'] as WebhookEventType,
    body: String(row['body']),
    createdAt: Number(row['created_at']),
    status: row['status'] as DeliveryRecord['status'],
    attempts: Number(row['attempts']),
    nextAttemptAt: Number(row['next_attempt_at']),
    lastStatusCode: numOrNull(row['last_status_code']),
    lastError: strOrNull(row['last_error']),
    deliveredAt: numOrNull(row['delivered_at']),
  };
}
