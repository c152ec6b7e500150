# Sourced by the project's scripts: makes sure a fresh Debian machine has what they need.
# Every function is idempotent and cheap when the thing is already there.
#
# Settings (environment): PGHOST/PGPORT (default 127.0.0.1:5432), PGUSER (default postgres).

SEA_ORM_CLI_VERSION="2.0.4"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  say "installing $* (apt)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# PostgreSQL answering on $PGHOST:$PGPORT with trust (or .pgpass) auth for $PGUSER:
# starts an installed but stopped server; installs one if there is none.
ensure_postgres() {
  if pg_isready -q -h "$PGHOST" -p "$PGPORT" 2>/dev/null; then return; fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
    apt_install postgresql postgresql-client
    local version; version="$(ls /etc/postgresql | sort -n | tail -1)"
    # A server we installed ourselves: let local TCP clients in without a password, as the
    # tests and the dev setup expect (never do this on a server that holds real data).
    as_root sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' \
      "/etc/postgresql/$version/main/pg_hba.conf"
  fi
  local version; version="$(ls /etc/postgresql | sort -n | tail -1)"
  say "starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do
    pg_isready -q -h "$PGHOST" -p "$PGPORT" && return
    sleep 1
  done
  echo "PostgreSQL did not come up on $PGHOST:$PGPORT" >&2
  exit 1
}

# pg_dump of the server's major version (a dump from another major version differs).
ensure_pg_dump() {
  local server_major
  server_major="$(psql -Atc 'SHOW server_version_num' | cut -c1-2)"
  PG_DUMP="/usr/lib/postgresql/$server_major/bin/pg_dump"
  if [ ! -x "$PG_DUMP" ]; then
    apt_install "postgresql-client-$server_major"
  fi
  export PG_DUMP
}

ensure_rust() {
  if command -v cargo >/dev/null 2>&1; then return; fi
  apt_install curl ca-certificates build-essential pkg-config
  say "installing Rust (rustup)"
  curl -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal --component rustfmt,clippy
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
}

# The pinned sea-orm-cli that generates entities/ (a different version writes different code).
ensure_sea_orm_cli() {
  if sea-orm-cli --version 2>/dev/null | grep -q " $SEA_ORM_CLI_VERSION\$"; then return; fi
  say "installing sea-orm-cli $SEA_ORM_CLI_VERSION"
  cargo install --locked "sea-orm-cli@$SEA_ORM_CLI_VERSION" \
    --no-default-features --features codegen,sqlx-postgres,runtime-tokio
}

# Creates a new empty database on the local server, named in $SCRATCH_DATABASE, and drops it
# when the calling script exits. (Not called in a subshell: the trap belongs to the script.)
create_scratch_database() {
  SCRATCH_DATABASE="lm_scratch_$$_$RANDOM"
  createdb "$SCRATCH_DATABASE"
  # shellcheck disable=SC2064
  trap "dropdb --if-exists --force '$SCRATCH_DATABASE' >/dev/null 2>&1 || true" EXIT
}

# Migrates database $1 with the project's migrator (as $PGUSER, the owning role).
migrate_database() {
  DATABASE_MIGRATION_URL="postgres://$PGUSER@$PGHOST:$PGPORT/$1" \
    cargo run --quiet --locked -p migration --bin migrate -- up
}

# Node.js and the pinned packages of the federation test through Hive Gateway
# (gateway-config/package-lock.json) and of the GraphQL-over-HTTP audit.
ensure_gateway() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    apt_install nodejs npm
  fi
  if [ ! -x gateway-config/node_modules/.bin/hive-gateway ] ||
     [ gateway-config/package-lock.json -nt gateway-config/node_modules/.package-lock.json ]; then
    say "installing the gateway's packages (npm ci)"
    (cd gateway-config && npm ci --no-audit --no-fund --loglevel=error)
  fi
  # The GraphQL-over-HTTP audit (graphql-http), pinned the same way.
  if [ ! -f tests/graphql-http-audit/node_modules/graphql-http/package.json ] ||
     [ tests/graphql-http-audit/package-lock.json -nt tests/graphql-http-audit/node_modules/.package-lock.json ]; then
    say "installing the GraphQL-over-HTTP audit's packages (npm ci)"
    (cd tests/graphql-http-audit && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# SecantusDB: a server speaking the MongoDB wire protocol (on WiredTiger), the document store of
# the tests and of `scripts/start` when MONGODB_URL does not point at a MongoDB. Installed from
# PyPI into a virtual environment outside the clone; run as a separate process only (GPL-2.0).
SECANTUS_VERSION="0.7.0b3"
ensure_secantus() {
  if [ -n "${SECANTUSD:-}" ] && "$SECANTUSD" --help >/dev/null 2>&1; then return; fi
  local venv="${XDG_CACHE_HOME:-$HOME/.cache}/leadmetrics-graph/secantus-$SECANTUS_VERSION"
  if [ ! -x "$venv/bin/secantusd-py" ]; then
    command -v python3 >/dev/null 2>&1 || apt_install python3
    if ! python3 -m venv "$venv" >/dev/null 2>&1; then
      rm -rf "$venv"
      apt_install python3-venv
      python3 -m venv "$venv"
    fi
    say "installing SecantusDB $SECANTUS_VERSION (pip)"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "SecantusDB==$SECANTUS_VERSION"
  fi
  export SECANTUSD="$venv/bin/secantusd-py"
}

# A free TCP port on the loopback interface.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts SecantusDB on port $1 with storage $2 (`:memory:` for a throw-away one) in the
# background, waits until it answers, and sets SECANTUS_PID. The caller stops it.
start_secantus() {
  local port="$1" storage="$2"
  "$SECANTUSD" --host 127.0.0.1 --port "$port" --storage-path "$storage" --log-level WARNING &
  SECANTUS_PID=$!
  for _ in $(seq 1 100); do
    if python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null; then
      return
    fi
    sleep 0.2
  done
  echo "SecantusDB did not start on port $port" >&2
  exit 1
}
