#!/usr/bin/env bash
# Starts the PostGraphile v5 peer in the foreground against one database of the local server:
#   bench/postgraphile/start.sh DATABASE_NAME [PORT]
# Connects as app_user (row-level security applies) and, to turn a token into its tenant, as
# app_platform — the same roles our server uses. JWT_SECRET (required), JWT_ISSUER, JWT_AUDIENCE,
# DATABASE_MAX_CONNECTIONS and PEER_AUTH_CACHE are passed through from the environment;
# PGHOST/PGPORT default to 127.0.0.1:5432. Installs node_modules from package-lock.json (npm ci)
# when they are missing or older than the lock file.
set -euo pipefail
cd "$(dirname "$0")"
database="${1:?usage: start.sh DATABASE_NAME [PORT]}"
port="${2:-5678}"
host="${PGHOST:-127.0.0.1}"
pgport="${PGPORT:-5432}"
: "${JWT_SECRET:?JWT_SECRET must be set (the secret our server signs its tokens with)}"

if ! command -v node >/dev/null 2>&1; then
  echo "start.sh: node (20 or newer) and npm are needed" >&2
  exit 1
fi
if [ ! -d node_modules/postgraphile ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "start.sh: installing node_modules (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

export DATABASE_URL="postgres://app_user@$host:$pgport/$database"
export DATABASE_PLATFORM_URL="postgres://app_platform@$host:$pgport/$database"
export PORT="$port" GRAPHILE_ENV=production NODE_ENV=production
exec node server.mjs
