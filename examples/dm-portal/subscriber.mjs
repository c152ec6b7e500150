// The DM portal's live approval queue: signs in (or takes TOKEN), opens one graphql-ws client
// (protocol graphql-transport-ws) on the tenant subgraph's /graphql and subscribes to
// `approvalUpdated` and `notificationAdded`, printing each event as one line.
//
//   node subscriber.mjs                      # as reviewer@acme.test against 127.0.0.1:4001
//   TOKEN=eyJ… node subscriber.mjs           # with a token you already have
//   EMAIL=admin@acme.test node subscriber.mjs
//   APPROVAL_FILTER='{"kinds":["RESOLVED"]}' node subscriber.mjs   # ApprovalUpdateFilter as JSON
//   GRAPHQL_URL=http://127.0.0.1:4001/graphql (default), PASSWORD (default: the demo password)
//
// Exit codes: 0 on Ctrl-C, 1 when the server refuses the credentials (close 4403), ends them
// (4401: expired or withdrawn) or refuses the connection for another reason (4400, 4429, …).
import { createClient, CloseCode } from 'graphql-ws';
import WebSocket from 'ws';

const httpUrl = process.env.GRAPHQL_URL ?? 'http://127.0.0.1:4001/graphql';
const wsUrl = httpUrl.replace(/^http/, 'ws');
const email = process.env.EMAIL ?? 'reviewer@acme.test';
const password = process.env.PASSWORD ?? 'leadmetrics-demo-2026';
const filter = process.env.APPROVAL_FILTER ? JSON.parse(process.env.APPROVAL_FILTER) : null;

const log = (line) => console.log(`${new Date().toISOString()} ${line}`);
const fail = (message) => {
  console.error(`subscriber: ${message}`);
  process.exit(1);
};

async function signIn() {
  if (process.env.TOKEN) return process.env.TOKEN;
  let response;
  try {
    response = await fetch(httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password, app: DM_PORTAL }) { token } }',
        variables: { email, password },
      }),
    });
  } catch (error) {
    fail(`cannot reach ${httpUrl} (${error.cause?.code ?? error.message}): is scripts/start running?`);
  }
  const body = await response.json().catch(() => ({}));
  const token = body.data?.login?.token;
  if (!token) fail(`login as ${email} failed: ${JSON.stringify(body.errors ?? body)}`);
  log(`signed in as ${email}`);
  return token;
}

// Close codes after which retrying cannot help: say why and stop.
const FATAL = {
  [CloseCode.Forbidden]: 'the server refused the credentials (4403): the token or API key is invalid, or the user cannot use the DM portal; unset TOKEN to sign in again',
  [CloseCode.Unauthorized]: 'the server ended the connection (4401): the token expired or the credentials were withdrawn; sign in again',
  [CloseCode.BadRequest]: 'the server refused a message (4400)',
  [CloseCode.SubprotocolNotAcceptable]: 'the server does not speak graphql-transport-ws here (4406)',
  [CloseCode.TooManyInitialisationRequests]: 'too many connections for these credentials (4429): close other clients or raise WS_MAX_CONNECTIONS_PER_CALLER',
};

const token = await signIn();
const client = createClient({
  url: wsUrl,
  webSocketImpl: WebSocket,
  connectionParams: { Authorization: `Bearer ${token}` },
  lazy: false,
  retryAttempts: 10,
  // 1013 (fell behind its events) and network failures are worth a reconnect; the codes above are not.
  shouldRetry: (event) => !(event && typeof event.code === 'number' && event.code in FATAL),
  on: {
    connected: () => log(`connected to ${wsUrl}`),
    closed: (event) => {
      const code = event?.code;
      if (code in FATAL) fail(`${FATAL[code]}${event.reason ? `: ${event.reason}` : ''}`);
      if (code !== undefined && code !== 1000) {
        log(`connection closed (${code}${event.reason ? `: ${event.reason}` : ''}); reconnecting`);
      }
    },
  },
});

function subscribe(name, query, variables, line) {
  client.subscribe(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) log(`${name} error: ${JSON.stringify(result.errors)}`);
        if (result.data) log(line(result.data));
      },
      error: (error) => {
        // A close event (handled above) or GraphQL errors refusing the subscription.
        if (Array.isArray(error)) fail(`${name} refused: ${JSON.stringify(error)}`);
        if (error?.code in FATAL) return;
        log(`${name} ended: ${error?.message ?? error?.reason ?? error}`);
      },
      complete: () => log(`${name} completed`),
    },
  );
}

subscribe(
  'approvalUpdated',
  `subscription ($filter: ApprovalUpdateFilter) {
     approvalUpdated(filter: $filter) {
       kind
       approval { id status type riskLevel title expiresAt sentToClientAt reviewer { email } }
     }
   }`,
  { filter },
  ({ approvalUpdated: { kind, approval: a } }) =>
    `approvalUpdated ${kind} ${a.id} status=${a.status} type=${a.type} risk=${a.riskLevel} ` +
    `reviewer=${a.reviewer?.email ?? '-'} title=${JSON.stringify(a.title)}`,
);
subscribe(
  'notificationAdded',
  'subscription { notificationAdded { id type message createdOn } }',
  {},
  ({ notificationAdded: n }) =>
    `notificationAdded ${n.type} ${n.id} message=${JSON.stringify(n.message)}`,
);

const stop = async () => {
  await client.dispose();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
