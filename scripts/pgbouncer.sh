#!/usr/bin/env bash
# Starts PgBouncer in transaction pooling mode in front of the local PostgreSQL,
# for the tests that run through a pooler (TEST_PGBOUNCER_URL). Every database
# on the server is reachable through it under its own name, and each role
# (postgres, tenantry_app, tenantry_auth) gets its own pool of ONE server
# connection per database, so consecutive transactions from different clients
# share a server connection: what a leaked tenant context would need.
#
#   scripts/pgbouncer.sh [port]     (default 6432; prints the URL)
#
# Production settings are in docs/OPERATIONS.md; these are for tests only
# (trust authentication, 127.0.0.1).
set -euo pipefail
PORT="${1:-6432}"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
DIR="${TMPDIR:-/tmp}/tenantry-pgbouncer-$PORT"

if pg_isready -h 127.0.0.1 -p "$PORT" -q 2>/dev/null; then
  echo "postgresql://postgres@127.0.0.1:$PORT"
  exit 0
fi

mkdir -p "$DIR"
cat >"$DIR/users.txt" <<USERS
"postgres" ""
"tenantry_app" ""
"tenantry_auth" ""
USERS
cat >"$DIR/pgbouncer.ini" <<INI
[databases]
* = host=$PGHOST port=$PGPORT

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PORT
unix_socket_dir =
auth_type = trust
auth_file = $DIR/users.txt
pool_mode = transaction
default_pool_size = 1
max_client_conn = 500
logfile = $DIR/pgbouncer.log
pidfile = $DIR/pgbouncer.pid
INI

# PgBouncer will not run as root.
if [ "$(id -u)" = 0 ]; then
  chown -R postgres "$DIR"
  pgbouncer -d -u postgres "$DIR/pgbouncer.ini"
else
  pgbouncer -d "$DIR/pgbouncer.ini"
fi
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p "$PORT" -q && break; sleep 0.2; done
pg_isready -h 127.0.0.1 -p "$PORT" -q
echo "postgresql://postgres@127.0.0.1:$PORT"
