-- Rate-limit buckets shared by the collector instances of one database (RATE_LIMIT_STORE=database).
-- Keys are salted hashes of client addresses, or session ids; idle buckets are deleted.
CREATE TABLE rate_limit_buckets (
  key text PRIMARY KEY,
  tokens double precision NOT NULL,
  at bigint NOT NULL
);

-- Secrets every instance must share (the salt of the rate limit's address hashes), made once.
CREATE TABLE collector_secrets (
  name text PRIMARY KEY,
  value text NOT NULL
);
