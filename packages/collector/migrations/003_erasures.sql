-- Erasure that sticks: the id of every erased session, so a late replay (an outbox delivering what it
-- had queued) cannot re-create it. Only the id and the time of the erasure are kept.
CREATE TABLE erased_sessions (
  id text PRIMARY KEY,
  erased_at bigint NOT NULL
);
