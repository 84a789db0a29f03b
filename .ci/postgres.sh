# Sourced by .ci/run (also usable by hand: `source .ci/postgres.sh`): installs Debian's
# PostgreSQL when it is missing, starts a throwaway cluster of our own and exports
# TEST_DATABASE_URL for the inbox's PostgreSQL tests.
#
# A cluster of our own (initdb into POULS_PG_DIR, run as the postgres user, on POULS_PG_PORT and
# 127.0.0.1 only) rather than Debian's "main" one: it needs no init system, leaves a developer's
# own cluster and port 5432 alone, and starting from an empty directory makes every CI run alike.
# Being sourced, it changes no shell option and never exits the caller's shell.

pouls_pg_setup() {
  local dir="${POULS_PG_DIR:-/tmp/pouls-postgres}"
  local port="${POULS_PG_PORT:-55432}"
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "postgres.sh: installing PostgreSQL (Debian)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null || return 1
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
  local as_postgres=(runuser -u postgres --)

  # Reuse a cluster this script already started; anything else in the directory (a stale
  # postmaster.pid after a reboot, a half-made cluster) is thrown away and made anew.
  if ! "${as_postgres[@]}" "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" 2>/dev/null; then
    if [ -f "$dir/data/PG_VERSION" ]; then
      "${as_postgres[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1
    fi
    rm -rf "$dir"
    mkdir -p "$dir" || return 1
    chown postgres:postgres "$dir" && chmod 700 "$dir" || return 1
    "${as_postgres[@]}" "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 || {
      cat "$dir/initdb.log" >&2
      return 1
    }
    "${as_postgres[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=200" \
      >/dev/null || {
      cat "$dir/server.log" >&2
      return 1
    }
    "${as_postgres[@]}" "$bin/psql" -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres \
      -c "CREATE ROLE pouls_test LOGIN PASSWORD 'pouls_test'" \
      -c "CREATE DATABASE pouls_test OWNER pouls_test" >/dev/null || return 1
  fi
  export TEST_DATABASE_URL="postgres://pouls_test:pouls_test@127.0.0.1:$port/pouls_test"
  echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') ready, TEST_DATABASE_URL=$TEST_DATABASE_URL" >&2
}

pouls_pg_setup || {
  echo "postgres.sh: PostgreSQL could not be started" >&2
  return 1 2>/dev/null || exit 1
}
