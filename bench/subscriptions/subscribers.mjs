// The subscriber benchmark's client, driven by scripts/bench-subscriptions (which builds, seeds,
// starts the server with its limits raised and writes docs/benchmarks.md). Not a test.
//
// One Node process holds every connection: raw `ws` sockets speaking graphql-transport-ws
// (connection_init, one approvalUpdated subscription, pong to the server's pings), cheaper than a
// graphql-ws client per socket. Phases:
//   1. RSS of the server with 0 subscribers (after sign-in and setup).
//   2. Open BENCH_SUB_MEASURED (1,000) subscribers; once /metrics says live_subscriptions = 1,000,
//      RSS; then BENCH_SUB_MUTATIONS (200) assignApprovalReviewer mutations one at a time over
//      HTTP; for each, every subscriber's delivery time after the mutation's HTTP response.
//   3. Open the rest up to BENCH_SUB_TOTAL (10,000); RSS; hold them idle BENCH_SUB_HOLD_SECONDS
//      (across keep-alive pings), RSS and server CPU; check none was closed; then
//      BENCH_SUB_MUTATIONS_AT_TOTAL (50) mutations with every subscriber listening.
//   4. Close every connection; live gauges back to 0; RSS.
// Writes Markdown tables to BENCH_SUB_RESULTS and the raw figures to BENCH_SUB_RESULTS.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

const env = process.env;
const URL_HTTP = env.BENCH_SUB_URL ?? 'http://127.0.0.1:4111/graphql';
const URL_WS = URL_HTTP.replace(/^http/, 'ws');
const URL_METRICS = URL_HTTP.replace(/\/graphql$/, '/metrics');
const PID = Number(env.BENCH_SUB_PID);
const TOTAL = Number(env.BENCH_SUB_TOTAL ?? 10000);
const MEASURED = Math.min(TOTAL, Number(env.BENCH_SUB_MEASURED ?? 1000));
const MUTATIONS = Number(env.BENCH_SUB_MUTATIONS ?? 200);
const MUTATIONS_AT_TOTAL = Number(env.BENCH_SUB_MUTATIONS_AT_TOTAL ?? 50);
const HOLD_SECONDS = Number(env.BENCH_SUB_HOLD_SECONDS ?? 45);
const SOURCES = Number(env.BENCH_SUB_SOURCES ?? 4); // 127.0.0.1 … 127.0.0.N as source addresses
const CONCURRENCY = Number(env.BENCH_SUB_OPEN_CONCURRENCY ?? 100);
const DELIVERY_TIMEOUT_MS = Number(env.BENCH_SUB_DELIVERY_TIMEOUT_MS ?? 10000);
const RESULTS = env.BENCH_SUB_RESULTS;
const PASSWORD = env.BENCH_SUB_PASSWORD ?? 'leadmetrics-demo-2026';
// Subscribers sign in as these users of one tenant (round robin): every one of them receives
// every approval event of the tenant.
const USERS = (env.BENCH_SUB_USERS ?? 'admin@acme.test reviewer@acme.test member@acme.test').split(/\s+/);
const TICKS = 100; // USER_HZ on Linux

const say = (line) => console.error(`[subscribers] ${line}`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- HTTP -------------------------------------------------------------------------------------

async function graphql(query, variables, token) {
  const response = await fetch(URL_HTTP, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors).slice(0, 600)}`);
  return body.data;
}

const login = async (email) =>
  (await graphql('mutation ($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }',
    { e: email, p: PASSWORD })).login.token;

async function gauges() {
  const text = await (await fetch(URL_METRICS)).text();
  const value = (name) => Number((text.match(new RegExp(`^${name} (\\d+)`, 'm')) ?? [])[1] ?? NaN);
  return {
    subscriptions: value('live_subscriptions'),
    connections: value('live_connections'),
    refused: value('live_connections_refused_total'),
    lagged: value('live_subscriptions_lagged_total'),
    received: value('live_events_received_total'),
    dispatched: value('live_events_dispatched_total'),
    statements: value('db_statements_total'),
  };
}

async function waitGauges(wanted, label, timeoutMs = 120000) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    last = await gauges();
    if (last.subscriptions === wanted && last.connections === wanted) return last;
    await sleep(200);
  }
  throw new Error(`${label}: live_subscriptions ${last?.subscriptions}, live_connections ${last?.connections}, wanted ${wanted}`);
}

// ---- /proc ------------------------------------------------------------------------------------

function memory(pid = PID) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number((status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm')) ?? [])[1]);
  return { rssMiB: kib('VmRSS') / 1024, hwmMiB: kib('VmHWM') / 1024, threads: Number(status.match(/^Threads:\s+(\d+)/m)[1]) };
}

function cpuSeconds(pid = PID) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime + stime
}

const openFilesLimit = () =>
  Number((readFileSync('/proc/self/limits', 'utf8').match(/Max open files\s+(\d+)/) ?? [])[1]);

// ---- subscribers ------------------------------------------------------------------------------

const SUBSCRIBE = JSON.stringify({
  id: '1',
  type: 'subscribe',
  payload: { query: 'subscription { approvalUpdated { kind approval { id updatedOn } } }' },
});

const subscribers = [];
const closes = new Map(); // close code -> count, after acknowledgement
let recording = null; // { arrivals: [] } while a mutation's deliveries are collected
let received = 0; // `next` messages since the last reset

function open(index, tokens) {
  return new Promise((resolve, reject) => {
    const localAddress = `127.0.0.${1 + (index % SOURCES)}`;
    const socket = new WebSocket(URL_WS, 'graphql-transport-ws', {
      localAddress,
      perMessageDeflate: false,
      handshakeTimeout: 60000,
    });
    const subscriber = { index, socket, acked: false };
    socket.on('open', () => socket.send(JSON.stringify({
      type: 'connection_init',
      payload: { Authorization: `Bearer ${tokens[index % tokens.length]}` },
    })));
    socket.on('message', (data) => {
      const at = performance.now();
      if (data.length < 48) { // control messages: ping, connection_ack, complete
        const text = data.toString();
        if (text.includes('"ping"')) socket.send('{"type":"pong"}');
        else if (text.includes('connection_ack')) {
          subscriber.acked = true;
          socket.send(SUBSCRIBE);
          resolve(subscriber);
        } else if (text.includes('"complete"')) say(`subscriber ${index}: complete`);
        return;
      }
      received += 1;
      if (recording) recording.arrivals.push(at, data);
      else say(`subscriber ${index}: unexpected message ${data.toString().slice(0, 200)}`);
    });
    socket.on('close', (code, reason) => {
      if (subscriber.acked) closes.set(code, (closes.get(code) ?? 0) + 1);
      else reject(new Error(`subscriber ${index} closed before ack: ${code} ${reason}`));
    });
    socket.on('error', (error) => { if (!subscriber.acked) reject(error); });
  });
}

async function openUpTo(count, tokens) {
  const started = performance.now();
  let next = subscribers.length;
  const workers = Array.from({ length: CONCURRENCY }, async () => {
    while (next < count) {
      const index = next++;
      subscribers[index] = await open(index, tokens);
    }
  });
  await Promise.all(workers);
  const live = await waitGauges(count, `opening ${count}`);
  return { seconds: (performance.now() - started) / 1000, live };
}

// ---- latency ----------------------------------------------------------------------------------

const ASSIGN = `mutation ($id: ID!, $reviewer: ID!) {
  assignApprovalReviewer(id: $id, reviewerId: $reviewer) { id updatedOn }
}`;

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;

async function measureLatency(count, listeners, setup) {
  const fromResponse = [];
  const fromRequest = [];
  const mutationMs = [];
  let missing = 0, wrong = 0, errors = 0, early = 0;
  const cpuBefore = cpuSeconds();
  const statementsBefore = (await gauges()).statements;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    recording = { arrivals: [] };
    received = 0;
    const sent = performance.now();
    const data = await graphql(ASSIGN, { id: setup.approval, reviewer: setup.reviewers[i % 2] }, setup.adminToken);
    const answered = performance.now();
    mutationMs.push(answered - sent);
    const updatedOn = data.assignApprovalReviewer.updatedOn;
    const until = answered + DELIVERY_TIMEOUT_MS;
    while (received < listeners && performance.now() < until) await sleep(1);
    const { arrivals } = recording;
    recording = null;
    let matched = 0;
    for (let k = 0; k < arrivals.length; k += 2) {
      const message = JSON.parse(arrivals[k + 1].toString());
      const event = message.payload?.data?.approvalUpdated;
      if (message.payload?.errors) errors += 1;
      if (!event || event.approval.updatedOn !== updatedOn) { wrong += 1; continue; }
      matched += 1;
      const latency = arrivals[k] - answered;
      if (latency < 0) early += 1;
      fromResponse.push(latency);
      fromRequest.push(arrivals[k] - sent);
    }
    missing += listeners - matched;
  }
  const elapsed = (performance.now() - started) / 1000;
  const sortedResponse = fromResponse.slice().sort((a, b) => a - b);
  const sortedRequest = fromRequest.slice().sort((a, b) => a - b);
  const sortedMutation = mutationMs.slice().sort((a, b) => a - b);
  return {
    mutations: count,
    listeners,
    deliveries: fromResponse.length,
    missing,
    wrong,
    errors,
    early,
    p50: percentile(sortedResponse, 50),
    p99: percentile(sortedResponse, 99),
    max: sortedResponse.at(-1),
    requestP50: percentile(sortedRequest, 50),
    requestP99: percentile(sortedRequest, 99),
    requestMax: sortedRequest.at(-1),
    mutationP50: percentile(sortedMutation, 50),
    mutationP99: percentile(sortedMutation, 99),
    seconds: elapsed,
    serverCpuSeconds: cpuSeconds() - cpuBefore,
    // SQL statements the server ran per mutation (the mutation's own, the shared re-read, and
    // anything per subscriber), from /metrics.
    statementsPerMutation: ((await gauges()).statements - statementsBefore) / count,
  };
}

// ---- the run ----------------------------------------------------------------------------------

async function setUp() {
  // One sign-in at a time: each hashes a password (argon2, about 19 MiB while it runs).
  const tokens = [];
  for (const email of USERS) tokens.push(await login(email));
  const adminToken = tokens[0];
  const ids = [];
  for (const email of ['reviewer@acme.test', 'admin@acme.test']) {
    const token = await login(email);
    ids.push((await graphql('{ me { user { id } } }', {}, token)).me.user.id);
  }
  const { activities } = await graphql(
    '{ activities(filter: { status: [AWAITING_APPROVAL] }, first: 100) { nodes { id title } } }', {}, adminToken);
  for (const activity of activities.nodes) {
    try {
      const { createApproval } = await graphql(
        `mutation ($input: CreateApprovalInput!) { createApproval(input: $input) { id } }`,
        { input: { activityId: activity.id, type: 'CONTENT_REVIEW', title: `Benchmark: ${activity.title}`.slice(0, 500) } },
        adminToken);
      return { tokens, adminToken, reviewers: ids, approval: createApproval.id };
    } catch (error) {
      if (!String(error).includes('CONFLICT')) throw error;
    }
  }
  throw new Error('no AWAITING_APPROVAL activity without a pending approval in the tenant');
}

const round = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

async function main() {
  const client = () => ({ rssMiB: process.memoryUsage().rss / 1048576, cpuSeconds: process.cpuUsage().system / 1e6 + process.cpuUsage().user / 1e6 });
  const started = { label: 'server started, before any request', ...memory(), live: null, client: client() };
  const setup = await setUp();
  say(`approval ${setup.approval}; subscribers sign in as ${USERS.join(', ')}`);
  await sleep(2000);
  const rows = [started];
  const sample = (label, live, extra = {}) => {
    const row = { label, ...memory(), live, client: client(), ...extra };
    rows.push(row);
    say(`${label}: server RSS ${round(row.rssMiB)} MiB (${live?.subscriptions} subscriptions, ${live?.connections} connections)`);
    return row;
  };
  sample('0 subscribers', await gauges());

  const openMeasured = await openUpTo(MEASURED, setup.tokens);
  say(`${MEASURED} open in ${round(openMeasured.seconds)} s`);
  await sleep(2000);
  sample(`${MEASURED} subscribers`, await gauges(), { openSeconds: openMeasured.seconds });
  // A few mutations to warm up the paths (not counted).
  await measureLatency(5, MEASURED, setup);
  const latency = await measureLatency(MUTATIONS, MEASURED, setup);
  say(`latency at ${MEASURED}: p50 ${round(latency.p50)} ms, p99 ${round(latency.p99)} ms, max ${round(latency.max)} ms, missing ${latency.missing}`);

  const openTotal = await openUpTo(TOTAL, setup.tokens);
  say(`${TOTAL} open in ${round(openTotal.seconds)} s (the last ${TOTAL - MEASURED})`);
  await sleep(2000);
  sample(`${TOTAL} subscribers, just opened`, await gauges(), { openSeconds: openTotal.seconds });
  const cpuBefore = cpuSeconds();
  const clientCpuBefore = client().cpuSeconds;
  const holdStarted = performance.now();
  let peakRss = 0;
  while (performance.now() - holdStarted < HOLD_SECONDS * 1000) {
    peakRss = Math.max(peakRss, memory().rssMiB);
    await sleep(1000);
  }
  const holdSeconds = (performance.now() - holdStarted) / 1000;
  const idleCpu = (cpuSeconds() - cpuBefore) / holdSeconds;
  const idleClientCpu = (client().cpuSeconds - clientCpuBefore) / holdSeconds;
  const afterHold = await gauges();
  const held = sample(`${TOTAL} subscribers, after ${Math.round(holdSeconds)} s idle`, afterHold,
    { idleCpu, idleClientCpu, peakRss });
  const closedDuringHold = [...closes.values()].reduce((a, b) => a + b, 0);
  const latencyAtTotal = MUTATIONS_AT_TOTAL > 0 ? await measureLatency(MUTATIONS_AT_TOTAL, TOTAL, setup) : null;
  if (latencyAtTotal) {
    say(`latency at ${TOTAL}: p50 ${round(latencyAtTotal.p50)} ms, p99 ${round(latencyAtTotal.p99)} ms, max ${round(latencyAtTotal.max)} ms, missing ${latencyAtTotal.missing}`);
  }
  const beforeClose = await gauges();

  const closedBeforeEnd = new Map(closes);
  closes.clear();
  for (const subscriber of subscribers) subscriber.socket.close(1000);
  let afterClose;
  try {
    afterClose = await waitGauges(0, 'closing', 60000);
  } catch (error) {
    say(String(error));
    afterClose = await gauges();
  }
  await sleep(2000);
  sample('after closing all', afterClose);

  const results = {
    rows, latency, latencyAtTotal, held, closedDuringHold, closedBeforeEnd: Object.fromEntries(closedBeforeEnd),
    closeCodesSeenAfterClientClose: Object.fromEntries(closes),
    beforeClose, afterClose, openMeasured, openTotal,
    settings: { TOTAL, MEASURED, MUTATIONS, MUTATIONS_AT_TOTAL, HOLD_SECONDS, SOURCES, CONCURRENCY, USERS },
    clientLimitOpenFiles: openFilesLimit(),
  };
  say(JSON.stringify(results));
  if (RESULTS) {
    writeFileSync(`${RESULTS}.json`, JSON.stringify(results, null, 2));
    writeFileSync(RESULTS, markdown(results));
  }
  const failed = closedDuringHold > 0 || latency.missing > 0 || (latencyAtTotal?.missing ?? 0) > 0;
  process.exit(failed ? 2 : 0);
}

function markdown(r) {
  const lines = [];
  lines.push('| server state | RSS MiB | peak RSS (VmHWM) MiB | threads | live subscriptions | bench client RSS MiB |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const row of r.rows) {
    lines.push(`| ${row.label} | ${round(row.rssMiB)} | ${round(row.hwmMiB)} | ${row.threads} | ${row.live?.subscriptions ?? 0} | ${round(row.client.rssMiB)} |`);
  }
  const base = r.rows[1].rssMiB; // 0 subscribers, after sign-in and setup
  const perSub = (row, n) => ((row.rssMiB - base) * 1024) / n;
  const measuredRow = r.rows[2];
  const marginal = ((r.held.rssMiB - measuredRow.rssMiB) * 1024) / (r.settings.TOTAL - r.settings.MEASURED);
  lines.push('');
  lines.push(`Per subscriber (RSS above the server with 0 subscribers): ${round(perSub(measuredRow, r.settings.MEASURED))} KiB at ` +
    `${r.settings.MEASURED.toLocaleString('en')}, ${round(perSub(r.held, r.settings.TOTAL))} KiB at ${r.settings.TOTAL.toLocaleString('en')}; ` +
    `from ${r.settings.MEASURED.toLocaleString('en')} to ${r.settings.TOTAL.toLocaleString('en')} (idle): ${round(marginal)} KiB each. ` +
    `Opening (connect, \`connection_init\`, \`connection_ack\`, \`subscribe\`, ${r.settings.CONCURRENCY} in flight): ` +
    `${r.settings.MEASURED.toLocaleString('en')} in ${round(r.openMeasured.seconds)} s, the next ` +
    `${(r.settings.TOTAL - r.settings.MEASURED).toLocaleString('en')} in ${round(r.openTotal.seconds)} s. ` +
    `Idle with ${r.settings.TOTAL.toLocaleString('en')} for ${Math.round(r.settings.HOLD_SECONDS)} s (keep-alive pings answered): ` +
    `server ${round(r.held.idleCpu * 100)}% of a core, bench client ${round(r.held.idleClientCpu * 100)}%; ` +
    `connections closed by the server meanwhile: ${r.closedDuringHold}.`);
  lines.push('');
  lines.push('| commit-to-delivery | subscribers | mutations | deliveries | missing | p50 ms | p99 ms | max ms | from request sent p50 / p99 ms | mutation round trip p50 / p99 ms | server CPU s | SQL statements / mutation |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [label, l] of [['measured', r.latency], ['extra: every subscriber listening', r.latencyAtTotal]]) {
    if (!l) continue;
    lines.push(`| ${label} | ${l.listeners.toLocaleString('en')} | ${l.mutations} | ${l.deliveries.toLocaleString('en')} | ${l.missing} | ` +
      `${round(l.p50)} | ${round(l.p99)} | ${round(l.max)} | ${round(l.requestP50)} / ${round(l.requestP99)} | ` +
      `${round(l.mutationP50)} / ${round(l.mutationP99)} | ${round(l.serverCpuSeconds, 2)} | ${round(l.statementsPerMutation)} |`);
  }
  const early = r.latency.early;
  lines.push('');
  lines.push(`Deliveries read before the mutation's own HTTP response (negative latency, counted as such): ` +
    `${early.toLocaleString('en')} of ${r.latency.deliveries.toLocaleString('en')} at ${r.settings.MEASURED.toLocaleString('en')}` +
    `${r.latencyAtTotal ? `, ${r.latencyAtTotal.early.toLocaleString('en')} of ${r.latencyAtTotal.deliveries.toLocaleString('en')} at ${r.settings.TOTAL.toLocaleString('en')}` : ''}. ` +
    `Server counters at the end: ${r.beforeClose.received} events received, ${r.beforeClose.dispatched} dispatched, ` +
    `${r.beforeClose.lagged} subscriptions dropped for lag, ${r.beforeClose.refused} connections refused; after closing every ` +
    `socket: ${r.afterClose.subscriptions} subscriptions, ${r.afterClose.connections} connections; close codes the client saw ` +
    `after its own close(1000): ${JSON.stringify(r.closeCodesSeenAfterClientClose)} (1000: the closing handshake completed; 1006: the server sent no close frame back).`);
  return `${lines.join('\n')}\n`;
}

main().catch((error) => {
  say(error.stack ?? String(error));
  process.exit(1);
});
