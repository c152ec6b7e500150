#!/usr/bin/env bash
# Runs each benchmark workload against our server and against the PostGraphile peer, with the
# same bearer token, and prints the row counts of the main lists side by side (and whether the
# rows' key values come back in the same order), so anyone can see both return the same rows.
#   bench/postgraphile/check.sh OUR_URL TOKEN PEER_URL
#   e.g. check.sh http://127.0.0.1:4101/graphql "$token" http://127.0.0.1:5678/graphql
# The mutation workload writes a goal's current value back unchanged (a null one is restored).
# Exits non-zero when any count differs. Needs only python3.
set -euo pipefail
cd "$(dirname "$0")"
ours="${1:?usage: check.sh OUR_URL TOKEN PEER_URL}"
token="${2:?usage: check.sh OUR_URL TOKEN PEER_URL}"
peer="${3:?usage: check.sh OUR_URL TOKEN PEER_URL}"
mobile="$(grep -v '^#' ../../examples/mobile-goal-progress.graphql)"

exec python3 - "$ours" "$token" "$peer" "$mobile" <<'PY'
import json, sys, urllib.request

ours_url, token, peer_url, mobile_query = sys.argv[1:5]

def post(url, query, variables=None):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    req = urllib.request.Request(url, data=body, headers={
        "content-type": "application/json", "authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            data = json.load(resp)
    except urllib.error.HTTPError as error:
        data = json.loads(error.read() or b"{}")
    if data.get("errors"):
        raise SystemExit(f"{url}: {json.dumps(data['errors'])[:600]}")
    return data["data"]

def items(value, path):
    """The objects at a dotted path; lists and Relay `nodes` are flattened, nulls dropped."""
    level = [value]
    for key in path.split("."):
        nxt = []
        for obj in level:
            child = obj.get(key) if isinstance(obj, dict) else None
            if isinstance(child, dict) and "nodes" in child and isinstance(child["nodes"], list):
                child = child["nodes"]
            if child is None:
                continue
            nxt.extend(child if isinstance(child, list) else [child])
        level = nxt
    return level

def peer_file(name):
    return "".join(line for line in open(f"queries/{name}") if not line.lstrip().startswith("#"))

failures = 0
def compare(workload, ours_data, peer_data, rows):
    """rows: (label, our path, peer path, key field in ours, key field in the peer)."""
    global failures
    print(f"\n{workload}")
    print(f"  {'list':<28} {'ours':>6} {'peer':>6}  same rows in the same order")
    for label, ours_path, peer_path, ours_key, peer_key in rows:
        a, b = items(ours_data, ours_path), items(peer_data, peer_path)
        same = "-"
        if ours_key:
            key = lambda k: k if callable(k) else (lambda x: x.get(k))
            same = "yes" if list(map(key(ours_key), a)) == list(map(key(peer_key), b)) else "NO"
        if len(a) != len(b) or same == "NO":
            failures += 1
        print(f"  {label:<28} {len(a):>6} {len(b):>6}  {same}")

ours_deep = """query { activeStrategy { goals { name progress { percent } deliverables { name periods {
  progress { completed target } activities { title status assignee { name } runs { status costUsd }
  children { title } } } } } } }"""
compare("deep plan query (deep.graphql)", post(ours_url, ours_deep), post(peer_url, peer_file("deep.graphql")), [
    ("active strategy", "activeStrategy", "activeStrategy", None, None),
    ("goals", "activeStrategy.goals", "activeStrategy.goals", "name", "name"),
    ("deliverables", "activeStrategy.goals.deliverables", "activeStrategy.goals.deliverables", "name", "name"),
    ("periods", "activeStrategy.goals.deliverables.periods", "activeStrategy.goals.deliverables.periods",
     lambda p: (p["progress"]["target"], p["progress"]["completed"]), lambda p: (p["targetCount"], p["completedCount"])),
    ("activities", "activeStrategy.goals.deliverables.periods.activities",
     "activeStrategy.goals.deliverables.periods.activities", "title", "title"),
    ("assignees", "activeStrategy.goals.deliverables.periods.activities.assignee",
     "activeStrategy.goals.deliverables.periods.activities.assignee", "name", "name"),
    ("runs", "activeStrategy.goals.deliverables.periods.activities.runs",
     "activeStrategy.goals.deliverables.periods.activities.runs",
     lambda r: (r["status"].lower(), float(r["costUsd"])), lambda r: (r["status"].lower(), float(r["costUsd"]))),
    ("children", "activeStrategy.goals.deliverables.periods.activities.children",
     "activeStrategy.goals.deliverables.periods.activities.children", "title", "title"),
])

ours_activities = "{ activities(first: 50) { nodes { title status goal { name } assignee { name } } } }"
compare("activities page of 50 (activities.graphql)", post(ours_url, ours_activities),
        post(peer_url, peer_file("activities.graphql")), [
    ("activities", "activities", "activities", "title", "title"),
    ("goals", "activities.goal", "activities.goal", "name", "name"),
    ("assignees", "activities.assignee", "activities.assignee", "name", "name"),
])

compare("mobile goal progress (mobile.graphql)", post(ours_url, mobile_query),
        post(peer_url, peer_file("mobile.graphql")), [
    ("strategy", "strategyProgress", "strategyProgress", None, None),
    ("goals", "strategyProgress.goals", "strategyProgress.goals", "id", "refId"),
    ("current periods", "strategyProgress.currentPeriods",
     "strategyProgress.deliverables.currentPeriods",
     lambda p: (p["id"], p["progress"]["target"], p["progress"]["completed"], p["progress"]["status"].lower()),
     lambda p: (p["refId"], p["targetCount"], p["completedCount"], p["status"].lower())),
    ("active deliverables", "strategyProgress.currentPeriods.deliverable",
     "strategyProgress.deliverables", "name", "name"),
])
# The peer nests each current period under its deliverable and so lists every active deliverable
# of the strategy; ours lists the current periods, each with its deliverable. The two
# "active deliverables" rows are the same when each active deliverable has a period containing today.

ours_me = "{ me { user { name role } tenant { name } } }"
compare("me (me.graphql)", post(ours_url, ours_me), post(peer_url, peer_file("me.graphql")), [
    ("user", "me.user", "currentUser", "name", "name"),
    ("tenant", "me.tenant", "currentUser.tenant", "name", "name"),
])

# Mutation: the first goal of the active strategy gets its current value again.
goal = items(post(ours_url, "{ activeStrategy { goals { id progress { current } } } }"), "activeStrategy.goals")
if goal:
    ref_id, current = goal[0]["id"], goal[0]["progress"]["current"]
    value = current if current is not None else "0"
    ours_fields = "{ id name progress { current } }"
    try:
        ours_result = post(ours_url, f"mutation($id: ID!, $v: Decimal!) {{ updateGoal(id: $id, input: {{ currentValue: $v }}) {ours_fields} }}",
                           {"id": ref_id, "v": value})
        ours_name = "updateGoal"
    except SystemExit:
        ours_result = post(ours_url, f"mutation($id: ID!, $v: Decimal!) {{ recordGoalValue(id: $id, currentValue: $v) {ours_fields} }}",
                           {"id": ref_id, "v": value})
        ours_name = "recordGoalValue"
    peer_result = post(peer_url, peer_file("mutation.graphql"), {"refId": ref_id, "currentValue": value})
    compare(f"mutation (mutation.graphql; ours: {ours_name})", ours_result, peer_result, [
        ("goal", ours_name, "updateGoalByRefId.goal", "name", "name"),
    ])
    if current is None:
        post(peer_url, peer_file("mutation.graphql"), {"refId": ref_id, "currentValue": None})
else:
    print("\nmutation: no goal in the active strategy, skipped")

print()
if failures:
    print(f"{failures} list(s) differ")
    sys.exit(1)
print("every list has the same rows on both servers")
PY
