-- Webhooks (docs/webhooks.md): endpoints of an organisation or of one campaign, and the durable
-- queue of their deliveries (the outbox). A delivery is written in the same transaction as the
-- state change it tells of, at most once per endpoint, session and event type. Times are the
-- server's epoch milliseconds.

CREATE TABLE webhook_endpoints (
  id text PRIMARY KEY,
  organisation text NOT NULL REFERENCES organisations (id),
  -- NULL: every campaign of the organisation.
  campaign text REFERENCES campaigns (code),
  url text NOT NULL,
  events text[] NOT NULL,
  -- `whsec_…`: kept as is, since every request is signed with it.
  secret text NOT NULL,
  label text,
  created_at bigint NOT NULL,
  disabled_at bigint
);
CREATE INDEX webhook_endpoints_organisation ON webhook_endpoints (organisation);

CREATE TABLE webhook_deliveries (
  -- The `webhook-id` header of every attempt: the receiver's idempotency key.
  id text PRIMARY KEY,
  endpoint_id text NOT NULL REFERENCES webhook_endpoints (id),
  -- Erasing a session erases what was to be sent about it, and its log.
  session_id text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  event_type text NOT NULL,
  -- The exact body of every attempt (JSON text), so each signs the same bytes.
  body text NOT NULL,
  created_at bigint NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at bigint NOT NULL,
  -- A worker's claim: no other worker takes the delivery before this time.
  leased_until bigint,
  last_status_code integer,
  last_error text,
  delivered_at bigint,
  UNIQUE (endpoint_id, session_id, event_type)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at);
CREATE INDEX webhook_deliveries_session ON webhook_deliveries (session_id);
