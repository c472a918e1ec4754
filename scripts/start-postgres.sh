#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on 127.0.0.1 for wirecheck's tests and print its URL.
#
#   export WIRECHECK_TEST_PG="$(scripts/start-postgres.sh)"
#   .venv/bin/pytest tests/test_store.py -m postgres
#   scripts/start-postgres.sh stop          # stop it (the data stays for the next start)
#
# Idempotent: a second call finds the cluster made and the server running, and prints the same
# URL.  Loopback only (listen_addresses=127.0.0.1, socket in the data folder), trust auth, so
# never point it at a folder you care about.  The role it prints owns the database and may
# CREATEDB (the tests make one database per test).  Only the URL goes to stdout.
#
# Settings (environment): WIRECHECK_PG_DIR  where the cluster lives  (default $TMPDIR/wirecheck-pg)
#                         WIRECHECK_PG_PORT port                      (default 54329)
#                         WIRECHECK_PG_DB   database to create        (default wirecheck)
# Needs PostgreSQL's server binaries (initdb, pg_ctl); on Debian/Ubuntu, when run as root and
# they are missing, it installs the `postgresql` package with apt-get.  As root the server runs
# as the `postgres` user (initdb refuses root).
set -euo pipefail

DIR="${WIRECHECK_PG_DIR:-${TMPDIR:-/tmp}/wirecheck-pg}"
PORT="${WIRECHECK_PG_PORT:-54329}"
DB="${WIRECHECK_PG_DB:-wirecheck}"
ROLE=wirecheck
DATA="$DIR/data"

say() { echo "start-postgres: $*" >&2; }

find_bindir() {
    local d
    if command -v pg_config >/dev/null 2>&1; then
        d="$(pg_config --bindir 2>/dev/null || true)"
        [ -x "$d/initdb" ] && { echo "$d"; return; }
    fi
    # Debian/Ubuntu keep server binaries off PATH, one folder per major version: take the newest.
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) /usr/local/pgsql/bin; do
        [ -x "$d/initdb" ] && { echo "$d"; return; }
    done
    d="$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")"
    [ -x "$d/initdb" ] && echo "$d"
}

BIN="$(find_bindir || true)"
if [ -z "$BIN" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing postgresql with apt-get"
        apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
        BIN="$(find_bindir || true)"
    fi
    [ -n "$BIN" ] || { say "no PostgreSQL server binaries (initdb) found: install postgresql"; exit 1; }
fi

# Run server tools as `postgres` when we are root; as ourselves otherwise.
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || { say "running as root needs a 'postgres' user"; exit 1; }
        if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"; else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
    else
        "$@"
    fi
}

if [ "${1:-}" = stop ]; then
    if [ -s "$DATA/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
        as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2
    fi
    exit 0
fi

mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown postgres: "$DIR"
chmod 700 "$DIR"

if [ ! -s "$DATA/PG_VERSION" ]; then
    say "creating a cluster in $DATA"
    as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=trust \
        --encoding=UTF8 --no-locale >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
fi

if ! as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    say "starting on 127.0.0.1:$PORT"
    as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories='$DIR' -c fsync=off" \
        start >&2 || { tail -20 "$DIR/server.log" >&2; exit 1; }
fi

PSQL=("$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d postgres)
if [ "$("${PSQL[@]}" -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != 1 ]; then
    "${PSQL[@]}" -c "CREATE ROLE $ROLE LOGIN CREATEDB" >&2
fi
# DROP DATABASE ... WITH (FORCE) must also stop an autovacuum worker that happens to be busy in
# the dropped database; that worker runs as no role, so only pg_signal_backend lets us end it.
"${PSQL[@]}" -c "GRANT pg_signal_backend TO $ROLE" >&2 2>/dev/null || true
if [ "$("${PSQL[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
    "${PSQL[@]}" -c "CREATE DATABASE \"$DB\" OWNER $ROLE" >&2
fi

echo "postgresql://$ROLE@127.0.0.1:$PORT/$DB"
