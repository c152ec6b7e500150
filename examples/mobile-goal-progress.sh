#!/usr/bin/env bash
# Fetches goal progress as the mobile app does: an Apollo persisted query sent by hash over GET.
# Usage: examples/mobile-goal-progress.sh <bearer token> [graphql url]
# (get a token with the login mutation; `scripts/start` prints demo logins).
set -euo pipefail
token="$1"
url="${2:-http://127.0.0.1:4001/graphql}"
query="$(grep -v '^#' "$(dirname "$0")/mobile-goal-progress.graphql")"
hash="$(printf '%s' "$query" | sha256sum | cut -d' ' -f1)"
extensions="{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"$hash\"}}"
encoded="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$extensions")"

# By hash over GET; the first time, the server answers PersistedQueryNotFound: register it once.
answer="$(curl -sS -H "Authorization: Bearer $token" "$url?operationName=GoalProgress&extensions=$encoded")"
if grep -q PersistedQueryNotFound <<<"$answer"; then
  body="$(python3 -c 'import json, sys; print(json.dumps({"query": sys.argv[1], "operationName": "GoalProgress", "extensions": json.loads(sys.argv[2])}))' "$query" "$extensions")"
  curl -sS -H "Authorization: Bearer $token" -H 'content-type: application/json' -d "$body" "$url" >/dev/null
  answer="$(curl -sS -H "Authorization: Bearer $token" "$url?operationName=GoalProgress&extensions=$encoded")"
fi
printf '%s\n' "$answer"
