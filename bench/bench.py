#!/usr/bin/env python3
"""The side-by-side benchmark, driven by scripts/bench (which builds, seeds and starts things).

Runs each workload against our server and the PostGraphile v5 peer, one after the other, at each
connection count, with `hey`; samples CPU seconds of the server process and of PostgreSQL from
/proc, and the server's peak RSS (VmHWM, reset before each run through /proc/PID/clear_refs);
then every list, filter, queue and cursor page at the whale and at a small tenant. Writes the
tables in Markdown to the file named by BENCH_RESULTS.
"""

import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request

ENV = os.environ
SECONDS = int(ENV.get("BENCH_SECONDS", "10"))
CONNECTIONS = [int(c) for c in ENV.get("BENCH_CONNECTIONS", "1 16 64").split()]
OURS = ENV["BENCH_OURS_URL"]
PEER = ENV["BENCH_PEER_URL"]
BEFORE = ENV.get("BENCH_BEFORE_URL", "")
BEFORE_LABEL = ENV.get("BENCH_BEFORE_LABEL", "ours before")
PIDS = {"ours": int(ENV["BENCH_OURS_PID"]), "peer": int(ENV["BENCH_PEER_PID"])}
if BEFORE:
    PIDS["before"] = int(ENV["BENCH_BEFORE_PID"])
TOKEN = ENV["BENCH_TOKEN"]
WHALE_TOKEN = ENV["BENCH_WHALE_TOKEN"]
DATABASE = ENV["BENCH_DATABASE"]
RESULTS = ENV["BENCH_RESULTS"]
TICKS = os.sysconf("SC_CLK_TCK")


def peer_query(name):
    with open(f"bench/postgraphile/queries/{name}") as file:
        return "".join(line for line in file if not line.lstrip().startswith("#"))


def post(url, query, variables=None, token=TOKEN):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    request = urllib.request.Request(url, data=body, headers={
        "content-type": "application/json", "authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=120) as response:
        answer = json.load(response)
    if answer.get("errors"):
        raise SystemExit(f"{url}: {json.dumps(answer['errors'])[:800]}")
    return answer["data"]


def psql(sql):
    return subprocess.run(["psql", "-Atq", "-d", DATABASE, "-c", sql], check=True,
                          capture_output=True, text=True).stdout.strip()


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as file:
        fields = file.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def postgres_cpu():
    """CPU seconds of every PostgreSQL process, by pid."""
    seconds = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/comm") as file:
                if file.read().strip() != "postgres":
                    continue
            seconds[pid] = cpu_seconds(pid)
        except OSError:
            continue
    return seconds


def postgres_cpu_since(before):
    after = postgres_cpu()
    return sum(value - before.get(pid, 0.0) for pid, value in after.items())


def reset_peak_rss(pid):
    try:
        with open(f"/proc/{pid}/clear_refs", "w") as file:
            file.write("5")
    except OSError:
        pass


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as file:
        for line in file:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def statements_total(url):
    base = url.rsplit("/graphql", 1)[0]
    with urllib.request.urlopen(f"{base}/metrics", timeout=10) as response:
        text = response.read().decode()
    match = re.search(r"^db_statements_total (\d+)", text, re.M)
    return int(match.group(1)) if match else 0


def hey(arguments, connections, seconds, token=TOKEN):
    command = ["hey", "-z", f"{seconds}s", "-c", str(connections),
               "-H", f"Authorization: Bearer {token}"] + arguments
    text = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))

    def percentile(p):
        match = re.search(rf"\s{p}% in ([\d.]+) secs", text)
        return float(match.group(1)) * 1000 if match else float("nan")

    codes = dict((int(c), int(n)) for c, n in re.findall(r"\[(\d+)\]\s+(\d+) responses", text))
    return {"rps": rps, "p50": percentile(50), "p99": percentile(99),
            "requests": sum(codes.values()), "codes": codes}


def body(query, variables=None):
    return json.dumps({"query": query, "variables": variables or {}})


def post_args(query, variables=None):
    return ["-m", "POST", "-T", "application/json", "-d", body(query, variables)]


# ---------------------------------------------------------------------------------------------
# The workloads: (name, {server: hey arguments without the URL, URL}).

DEEP = ("query { activeStrategy { goals { name progress { percent } deliverables { name periods { "
        "progress { completed target } activities { title status assignee { name } runs { status "
        "costUsd } children { title } } } } } } }")
ACTIVITIES = "{ activities(first: 50) { nodes { title status goal { name } assignee { name } } } }"
ME = "{ me { user { name role } tenant { name } } }"
RECORD = ("mutation($id: ID!, $v: Decimal!) { recordGoalValue(id: $id, currentValue: $v) "
          "{ id name progress { current } } }")


def workloads():
    mobile = "".join(line for line in open("examples/mobile-goal-progress.graphql")
                     if not line.startswith("#"))
    import hashlib
    digest = hashlib.sha256(mobile.encode()).hexdigest()
    extensions = {"persistedQuery": {"version": 1, "sha256Hash": digest}}
    ours_servers = [("ours", OURS)] + ([("before", BEFORE)] if BEFORE else [])
    for _, url in ours_servers:  # register the persisted query (authenticated)
        request = urllib.request.Request(url, data=json.dumps(
            {"query": mobile, "extensions": extensions}).encode(), headers={
            "content-type": "application/json", "authorization": f"Bearer {TOKEN}"})
        urllib.request.urlopen(request, timeout=30).read()
    mobile_get = "?extensions=" + urllib.parse.quote(json.dumps(extensions))
    goal = post(OURS, "{ activeStrategy { goals { id progress { current } } } }")
    goal = goal["activeStrategy"]["goals"][0]
    value = goal["progress"]["current"] or "0"
    table = [
        ("me", {name: (post_args(ME), url) for name, url in ours_servers},
         (post_args(peer_query("me.graphql")), PEER)),
        ("deep plan query", {name: (post_args(DEEP), url) for name, url in ours_servers},
         (post_args(peer_query("deep.graphql")), PEER)),
        ("activities page of 50 with goal and assignee",
         {name: (post_args(ACTIVITIES), url) for name, url in ours_servers},
         (post_args(peer_query("activities.graphql")), PEER)),
        ("mobile goal progress (ours: persisted GET)",
         {name: ([], url + mobile_get) for name, url in ours_servers},
         (post_args(peer_query("mobile.graphql")), PEER)),
        ("mutation: record a goal's value",
         {name: (post_args(RECORD, {"id": goal["id"], "v": value}), url)
          for name, url in ours_servers},
         (post_args(peer_query("mutation.graphql"), {"refId": goal["id"], "currentValue": value}),
          PEER)),
    ]
    return table


def measure(server, arguments, url, connections):
    pid = PIDS[server]
    reset_peak_rss(pid)
    # A short warm-up so every connection of the pool exists and every statement is prepared.
    hey(arguments + [url], connections, 2)
    pg_before = postgres_cpu()
    cpu_before = cpu_seconds(pid)
    statements_before = statements_total(url) if server != "peer" else 0
    result = hey(arguments + [url], connections, SECONDS)
    result["cpu_per_1000"] = (cpu_seconds(pid) - cpu_before) * 1000 / max(result["requests"], 1)
    result["pg_cpu_per_1000"] = postgres_cpu_since(pg_before) * 1000 / max(result["requests"], 1)
    result["rss"] = peak_rss_mb(pid)
    if server != "peer":
        result["statements"] = (statements_total(url) - statements_before) / max(result["requests"], 1)
    ok = result["codes"].get(200, 0)
    if ok != result["requests"]:
        print(f"  warning: {server}: {result['codes']}", file=sys.stderr)
    return result


def side_by_side(lines):
    lines.append("| workload | conns | server | req/s | p50 ms | p99 ms | server CPU s / 1k req | "
                 "PostgreSQL CPU s / 1k req | peak RSS MB | ours ÷ peer req/s |")
    lines.append("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    summary = []
    for name, ours_servers, (peer_arguments, peer_url) in workloads():
        for connections in CONNECTIONS:
            results = {}
            for server, (arguments, url) in ours_servers.items():
                if server == "before" and connections != 16:
                    continue
                print(f"{name}, {connections} connections, {server}", file=sys.stderr)
                results[server] = measure(server, arguments, url, connections)
            print(f"{name}, {connections} connections, peer", file=sys.stderr)
            results["peer"] = measure("peer", peer_arguments, peer_url, connections)
            ratio = results["ours"]["rps"] / max(results["peer"]["rps"], 0.001)
            summary.append((name, connections, results))
            for server in ("before", "ours", "peer"):
                if server not in results:
                    continue
                r = results[server]
                label = {"ours": "**ours**", "peer": "PostGraphile v5",
                         "before": BEFORE_LABEL}[server]
                shown = f"{ratio:.2f}×" if server == "ours" else ""
                lines.append(f"| {name} | {connections} | {label} | {r['rps']:.0f} | {r['p50']:.1f} | "
                             f"{r['p99']:.1f} | {r['cpu_per_1000']:.2f} | {r['pg_cpu_per_1000']:.2f} | "
                             f"{r['rss']:.0f} | {shown} |")
    return summary


# ---------------------------------------------------------------------------------------------
# Every list, filter, queue and cursor page at the whale and at a small tenant.

LIST = ("query($filter: ActivityFilter, $first: Int, $after: String, $last: Int, $before: String) "
        "{ activities(filter: $filter, first: $first, after: $after, last: $last, before: $before) "
        "{ nodes { id title status } pageInfo { hasNextPage endCursor } } }")


def tenant_values(slug):
    tenant = f"(SELECT id FROM tenants WHERE slug = '{slug}')"
    one = lambda sql: psql(sql)
    return {
        "goal": one(f"SELECT g.ref_id FROM goals g JOIN strategies s ON s.id = g.strategy_id "
                    f"WHERE g.tenant_id = {tenant} ORDER BY s.status = 'archived' DESC, g.ref_id LIMIT 1"),
        "period": one(f"SELECT ref_id FROM deliverable_periods WHERE tenant_id = {tenant} "
                      f"ORDER BY period_start LIMIT 1"),
        "person": one(f"SELECT ref_id FROM users WHERE tenant_id = {tenant} AND email LIKE 'user3@%'"),
        "middle": one(f"SELECT ref_id FROM activities WHERE tenant_id = {tenant} ORDER BY ref_id "
                      f"OFFSET (SELECT count(*) / 2 FROM activities WHERE tenant_id = {tenant}) LIMIT 1"),
        "activities": one(f"SELECT count(*) FROM activities WHERE tenant_id = {tenant}"),
    }


def whale_requests(values):
    first_of_month = time.strftime("%Y-%m-01")
    return [
        ("first page", LIST, {"first": 50}),
        ("middle cursor page", LIST, {"first": 50, "after": values["middle"]}),
        ("last page", LIST, {"last": 50}),
        ("page before the middle", LIST, {"last": 50, "before": values["middle"]}),
        ("status COMPLETED", LIST, {"first": 50, "filter": {"status": ["COMPLETED"]}}),
        ("status FAILED", LIST, {"first": 50, "filter": {"status": ["FAILED"]}}),
        ("status CREATED after the middle", LIST,
         {"first": 50, "after": values["middle"], "filter": {"status": ["CREATED"]}}),
        ("type AUDIT", LIST, {"first": 50, "filter": {"type": "AUDIT"}}),
        ("agent role", LIST, {"first": 50, "filter": {"assigneeAgentRole": "seo_specialist"}}),
        ("assignee", LIST, {"first": 50, "filter": {"assigneeUserId": values["person"]}}),
        ("goal", LIST, {"first": 50, "filter": {"goalId": values["goal"]}}),
        ("deliverable period", LIST, {"first": 50, "filter": {"deliverablePeriodId": values["period"]}}),
        ("top level only", LIST, {"first": 50, "filter": {"topLevelOnly": True}}),
        ("due this month", LIST, {"first": 50, "filter": {"dueAfter": first_of_month}}),
        ("agentActivityQueue(first: 20)", "{ agentActivityQueue(role: \"copywriter\", first: 20) { id } }", {}),
        ("humanActivityQueue(first: 20)",
         "query($u: ID) { humanActivityQueue(userId: $u, first: 20) { id } }", {"u": values["person"]}),
        ("current deliverable periods", "{ deliverablePeriods(first: 50) { nodes { id } } }", {}),
        ("users", "{ users(first: 50) { nodes { id name } } }", {}),
    ]


def whale_table(lines):
    small, whale = tenant_values("scale-000001"), tenant_values("whale")
    lines.append(f"| request | small tenant ({small['activities']} activities) p50 ms | req/s | "
                 f"whale ({whale['activities']} activities) p50 ms | req/s | whale ÷ small p50 |")
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: |")
    worst = 0.0
    for (name, query, small_vars), (_, _, whale_vars) in zip(whale_requests(small), whale_requests(whale)):
        small_result = hey(post_args(query, small_vars) + [OURS], 4, 3)
        whale_result = hey(post_args(query, whale_vars) + [OURS], 4, 3, token=WHALE_TOKEN)
        post(OURS, query, whale_vars, token=WHALE_TOKEN)  # fails loudly on an error
        ratio = whale_result["p50"] / max(small_result["p50"], 0.001)
        worst = max(worst, ratio)
        lines.append(f"| {name} | {small_result['p50']:.1f} | {small_result['rps']:.0f} | "
                     f"{whale_result['p50']:.1f} | {whale_result['rps']:.0f} | {ratio:.2f}× |")
    return worst


def main():
    lines = ["### Side by side", ""]
    summary = side_by_side(lines)
    lines += ["", "### The whale and a small tenant (ours; 4 connections, 3 s each)", ""]
    worst = whale_table(lines)
    lines += ["", f"Worst whale ÷ small p50: {worst:.2f}×."]
    with open(RESULTS, "w") as file:
        file.write("\n".join(lines) + "\n")
    with open(RESULTS + ".json", "w") as file:
        json.dump({"summary": [(n, c, r) for n, c, r in summary], "worst_whale": worst}, file)


if __name__ == "__main__":
    main()
