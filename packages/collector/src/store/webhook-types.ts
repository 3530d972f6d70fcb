/**
 * What the collector keeps for webhooks (docs/webhooks.md): endpoints, and the durable queue of
 * their deliveries. Times are the server's epoch milliseconds.
 */
import type { DeliveryStatus, WebhookEventType } from '@observatoire/core/api';

export interface WebhookEndpointRecord {
  id: string;
  organisation: string;
  /** One campaign's sessions; `null`: every campaign of the organisation. */
  campaign: string | null;
  url: string;
  events: WebhookEventType[];
  /** `whsec_…`, the key of every signature. */
  secret: string;
  label: string | null;
  createdAt: number;
  disabledAt: number | null;
}

/**
 * An event to put in the queue with the state change that causes it (outbox): one delivery per
 * enabled endpoint that subscribed to `type` and whose scope holds the session.
 */
export interface WebhookEvent {
  type: WebhookEventType;
  /** The JSON body sent, the same for every endpoint and every attempt. */
  body: string;
  at: number;
}

export interface DeliveryRecord {
  /** The `webhook-id` of every attempt. */
  id: string;
  endpointId: string;
  sessionId: string;
  type: WebhookEventType;
  body: string;
  createdAt: number;
  status: DeliveryStatus;
  attempts: number;
  /** Meaningful while `pending`. */
  nextAttemptAt: number;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: number | null;
}

/** A delivery claimed by a worker: what it needs to send it, and its lease (the claim's token). */
export interface ClaimedDelivery {
  id: string;
  body: string;
  url: string;
  secret: string;
  /** The attempt being made, from 1. */
  attempt: number;
  leasedUntil: number;
}

/**
 * - `delivered`: the endpoint answered 2xx;
 * - `retry`: it did not; try again at `nextAttemptAt`;
 * - `failed`: it did not, and that was the last attempt.
 * A delivery cancelled meanwhile (its endpoint disabled) keeps its status: the outcome is not recorded.
 */
export type DeliveryOutcome =
  | { kind: 'delivered'; at: number; statusCode: number }
  | { kind: 'retry'; nextAttemptAt: number; statusCode: number | null; error: string }
  | { kind: 'failed'; statusCode: number | null; error: string };

/**
 * The webhooks' storage. Deliveries are added by the session writes themselves (`Store.putQuestionnaire`,
 * `Store.addEvent` with a `WebhookEvent`), in the same transaction.
 *
 * @example
 * const [delivery] = await store.webhooks.claimDeliveries(now, 10, 60_000);
 */
export interface WebhookStore {
  createEndpoint(record: WebhookEndpointRecord): Promise<void>;
  getEndpoint(id: string): Promise<WebhookEndpointRecord | null>;
  /** By creation time; only `organisation`'s when given. */
  listEndpoints(organisation?: string): Promise<WebhookEndpointRecord[]>;
  /**
   * Disable an endpoint and cancel its pending deliveries, at once (docs/webhooks.md, "Delivery"); `null`
   * when there is no such endpoint. Disabling twice keeps the first time.
   */
  disableEndpoint(id: string, at: number): Promise<{ cancelled: number } | null>;
  /**
   * Take up to `limit` pending deliveries due at `now` of enabled endpoints, and lease them until
   * `now + leaseMs`: no other claim, from this process or another on the same database, gets them
   * before the lease ends. Counts the attempt.
   */
  claimDeliveries(now: number, limit: number, leaseMs: number): Promise<ClaimedDelivery[]>;
  /** Record an attempt's outcome; `false` (nothing written) when the lease is no longer this claim's. */
  settleDelivery(claim: Pick<ClaimedDelivery, 'id' | 'leasedUntil'>, outcome: DeliveryOutcome): Promise<boolean>;
  getDelivery(id: string): Promise<DeliveryRecord | null>;
  /** Newest first, at most `limit`. */
  listDeliveries(endpointId: string, limit: number): Promise<DeliveryRecord[]>;
  /** Put one delivery back in the queue, due at `now`, attempts from 0, with the same id. `false`: no such delivery. */
  requeueDelivery(id: string, now: number): Promise<boolean>;
  /** The same for every failed delivery of the endpoint made from `since` on; how many. */
  requeueFailed(endpointId: string, since: number, now: number): Promise<number>;
}
