-- Links (docs/collector.md, "Linking sessions", "Refusals"): a platform's own reference for a
-- session and the pseudonymous follow-up code shared by the sessions of one person (docs/follow-up.md);
-- people offered the survey who did not take it, with a reason and nothing personal.
-- Times are epoch milliseconds (offered_at from the device's clock, received_at the server's).

ALTER TABLE sessions ADD COLUMN external_ref text;
ALTER TABLE sessions ADD COLUMN follow_up_code text;
CREATE INDEX sessions_follow_up_code ON sessions (follow_up_code) WHERE follow_up_code IS NOT NULL;

CREATE TABLE refusals (
  id text PRIMARY KEY,
  survey_id text NOT NULL,
  content_version text NOT NULL,
  organisation text,
  campaign text REFERENCES campaigns (code),
  reason text NOT NULL CHECK (reason IN ('declined', 'no_time', 'language', 'health_disability', 'reading', 'other')),
  offered_at bigint NOT NULL,
  received_at bigint NOT NULL
);
CREATE INDEX refusals_order ON refusals (received_at, id);
CREATE INDEX refusals_campaign ON refusals (campaign);
