-- Adaptive positioning tests (docs/adaptive.md): the session with what the collector needs to re-run
-- it (bank, seed, configuration), and its answers in the order the items were asked. The same
-- "once" rules as the survey, as constraints: an answer id, a place in the test and an item are each
-- stored once per session. Erased ids go to erased_sessions, like the survey's.

CREATE TABLE adaptive_sessions (
  id text PRIMARY KEY,
  token_hash text NOT NULL,
  bank_id text NOT NULL,
  bank_version text NOT NULL,
  seed text NOT NULL,
  config jsonb NOT NULL,
  organisation text,
  device text NOT NULL CHECK (device IN ('mobile', 'tablet', 'desktop', 'unknown')),
  lang text NOT NULL CHECK (lang IN ('fr', 'en')),
  started_at bigint NOT NULL,
  received_at bigint NOT NULL,
  ended_at bigint,
  stop_reason text CHECK (stop_reason IN ('length', 'precision', 'classification', 'bank_exhausted', 'stopped')),
  finish_event_id text
);

CREATE INDEX adaptive_sessions_received ON adaptive_sessions (received_at, id);

CREATE TABLE adaptive_answers (
  session_id text NOT NULL REFERENCES adaptive_sessions (id) ON DELETE CASCADE,
  answer_id text NOT NULL,
  seq integer NOT NULL CHECK (seq >= 1),
  item_id text NOT NULL,
  answer jsonb,
  timed_out boolean NOT NULL,
  status text NOT NULL CHECK (status IN ('ok', 'ko', 'aband', 'timedout')),
  actor text NOT NULL CHECK (actor IN ('participant', 'mediator')),
  started_at bigint NOT NULL,
  answered_at bigint NOT NULL,
  duration_ms bigint NOT NULL,
  theta double precision NOT NULL,
  se double precision NOT NULL,
  received_at bigint NOT NULL,
  PRIMARY KEY (session_id, answer_id),
  UNIQUE (session_id, seq),
  UNIQUE (session_id, item_id)
);
