-- Structures (docs/collector.md, "Organisations and campaigns", "Access"): organisations, their
-- campaigns (a session may be attached to one), API keys kept as SHA-256 hashes, and the audit log
-- of admin and export actions. Times are the server's epoch milliseconds.

CREATE TABLE organisations (
  id text PRIMARY KEY,
  name text NOT NULL,
  siret text,
  commune text NOT NULL,
  created_at bigint NOT NULL
);

CREATE TABLE campaigns (
  code text PRIMARY KEY,
  organisation text NOT NULL REFERENCES organisations (id),
  survey_id text NOT NULL,
  content_version text NOT NULL,
  opens_at bigint NOT NULL,
  closes_at bigint,
  target integer,
  label text,
  created_at bigint NOT NULL
);
CREATE INDEX campaigns_organisation ON campaigns (organisation);

-- The campaign a session takes part in; erasing a session leaves its campaign alone.
ALTER TABLE sessions ADD COLUMN campaign text REFERENCES campaigns (code);
CREATE INDEX sessions_campaign ON sessions (campaign, received_at, id);

CREATE TABLE api_keys (
  id text PRIMARY KEY,
  key_hash text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('admin', 'structure', 'territory')),
  organisation text REFERENCES organisations (id),
  territory text,
  label text NOT NULL,
  created_at bigint NOT NULL,
  revoked_at bigint,
  CHECK ((role = 'structure') = (organisation IS NOT NULL)),
  CHECK ((role = 'territory') = (territory IS NOT NULL))
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at bigint NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  target text,
  row_count integer
);
