-- Observatoire collector: sessions, their questionnaire, answers and protocol events.
-- Times are epoch milliseconds (bigint) as the client's clock gave them; received_at is the server's.
-- Idempotence and the protocol's "once" rules are constraints, so several stateless collector
-- instances on one database stay correct.

CREATE TABLE sessions (
  id text PRIMARY KEY,
  token_hash text NOT NULL,
  survey_id text NOT NULL,
  content_version text NOT NULL,
  organisation text,
  device text NOT NULL CHECK (device IN ('mobile', 'tablet', 'desktop', 'unknown')),
  lang text NOT NULL CHECK (lang IN ('fr', 'en')),
  started_at bigint NOT NULL,
  received_at bigint NOT NULL,
  ended_at bigint,
  end_reason text CHECK (end_reason IN ('completed', 'quit'))
);

CREATE TABLE questionnaires (
  session_id text PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
  answers jsonb NOT NULL,
  filled_by_mediator boolean NOT NULL,
  validated_at bigint NOT NULL,
  received_at bigint NOT NULL
);

CREATE TABLE answers (
  session_id text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  answer_id text NOT NULL,
  challenge_id text NOT NULL,
  answer jsonb,
  timed_out boolean NOT NULL,
  status text NOT NULL CHECK (status IN ('ok', 'ko', 'aband', 'timedout')),
  details jsonb NOT NULL,
  actor text NOT NULL CHECK (actor IN ('participant', 'mediator')),
  started_at bigint NOT NULL,
  answered_at bigint NOT NULL,
  duration_ms bigint NOT NULL,
  skipped_remaining boolean NOT NULL,
  received_at bigint NOT NULL,
  PRIMARY KEY (session_id, answer_id),
  -- a challenge is played once per session: a retry under another id cannot count it twice
  UNIQUE (session_id, challenge_id)
);

CREATE TABLE events (
  session_id text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  event_id text NOT NULL,
  type text NOT NULL,
  course_id text,
  at bigint NOT NULL,
  actor text NOT NULL CHECK (actor IN ('participant', 'mediator')),
  detail text,
  received_at bigint NOT NULL,
  PRIMARY KEY (session_id, event_id)
);
