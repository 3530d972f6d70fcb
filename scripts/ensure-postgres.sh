#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers, and prints its DATABASE_URL on stdout (messages go to stderr).
#   DATABASE_URL=$(bash scripts/ensure-postgres.sh)      start (or reuse) and print the URL
#   bash scripts/ensure-postgres.sh stop                   stop the private server started here
# With DATABASE_URL already set and answering, prints it unchanged. Otherwise runs a private server
# (a cluster in $OBS_PG_DIR, default /tmp/observatoire-postgres-$UID, loopback only, owned by the
# `postgres` user when run as root), installing Debian's `postgresql` first when it is absent and we are
# root. Any failure exits non-zero with the reason: in CI the PostgreSQL tests must never be skipped.
set -euo pipefail
cd "$(dirname "$0")/.."   # for node to find the `pg` package

dir=${OBS_PG_DIR:-/tmp/observatoire-postgres-$(id -u)}
db=observatoire_test
say() { echo "ensure-postgres: $*" >&2; }
fail() { say "$*"; exit 1; }

bindir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] && [ -x "$found/pg_ctl" ] && echo "$found"
}

# Run a PostgreSQL tool as the cluster's owner (PostgreSQL refuses to run as root).
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-}" = "stop" ]; then
  bin=$(bindir) || exit 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
  fi
  exit 0
fi

answers() { node -e '
  const pg = require("pg"); const c = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
  c.connect().then(() => c.query("SELECT 1")).then(() => c.end()).then(() => process.exit(0), () => process.exit(1));' "$1" 2>/dev/null; }

if [ -n "${DATABASE_URL:-}" ]; then
  if answers "$DATABASE_URL"; then echo "$DATABASE_URL"; exit 0; fi
  say "DATABASE_URL is set but no server answers there; starting a private server instead."
fi

bin=$(bindir || true)
if [ -z "$bin" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's postgresql package…"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || fail "apt-get install postgresql failed"
    bin=$(bindir) || fail "postgresql was installed but no pg_ctl was found under /usr/lib/postgresql"
  else
    fail "PostgreSQL is not installed. As root: apt-get update && apt-get install -y postgresql (or set DATABASE_URL to a server)."
  fi
fi

mkdir -p "$dir"
[ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
if [ ! -f "$dir/data/PG_VERSION" ]; then
  say "creating a cluster in $dir/data"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
    || as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >&2 \
    || fail "initdb failed in $dir/data"
fi

port_file="$dir/port"
if ! as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  port=""
  for candidate in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
  done
  [ -n "$port" ] || fail "no free port between 55432 and 55532"
  say "starting PostgreSQL on 127.0.0.1:$port"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c shared_buffers=128MB" start >&2 \
    || { tail -n 20 "$dir/server.log" >&2 || true; fail "PostgreSQL did not start (log: $dir/server.log)"; }
  echo "$port" > "$port_file"
fi
port=$(cat "$port_file")

url="postgresql://postgres@127.0.0.1:$port/$db"
if ! answers "$url"; then
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db" >&2 || fail "createdb $db failed"
fi
answers "$url" || fail "PostgreSQL started but $url does not answer"
echo "$url"
