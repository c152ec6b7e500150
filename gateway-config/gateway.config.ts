// Hive Gateway: serves the composed supergraph on one endpoint and forwards each client's
// credentials to the subgraphs, which authenticate every request themselves (the tenant guard
// lives in the subgraphs, never in the gateway).
import { defineConfig, type GatewayPlugin } from '@graphql-hive/gateway';

/** The credentials a client sent, under the names the subgraphs read. */
interface Credentials {
  authorization?: string;
  apiKey?: string;
  actForTenant?: string;
}

type ClientContext = {
  // A WebSocket client's `connection_init` payload.
  connectionParams?: unknown;
  // Set by `forwardedCredentials` below for the subscription transport's interpolation.
  forwardedCredentials?: Credentials;
};

// The client's credentials, read as the subgraphs read a `connection_init`: a WebSocket client's
// `connection_init` payload (names case-insensitive, at its top level or inside a `headers`
// object) when it holds `Authorization` or an API key, else the request's own headers (for a
// WebSocket client, those of its upgrade request). Nothing else a client sends is forwarded.
function clientCredentials(request: Request, context: ClientContext): Credentials {
  const params = context.connectionParams;
  const fromPayload: Credentials = {};
  if (params && typeof params === 'object' && !Array.isArray(params)) {
    const top = params as Record<string, unknown>;
    const nested = top.headers && typeof top.headers === 'object' ? [top.headers as Record<string, unknown>] : [];
    const find = (names: string[]): string | undefined => {
      for (const map of [top, ...nested]) {
        for (const [key, value] of Object.entries(map)) {
          if (names.includes(key.toLowerCase())) {
            return typeof value === 'string' && value ? value : undefined;
          }
        }
      }
      return undefined;
    };
    fromPayload.authorization = find(['authorization']);
    fromPayload.apiKey = find(['apikey', 'x-api-key']);
    fromPayload.actForTenant = find(['actfortenant', 'x-act-for-tenant']);
  }
  if (fromPayload.authorization || fromPayload.apiKey) return fromPayload;
  return {
    authorization: request.headers.get('authorization') ?? undefined,
    apiKey: request.headers.get('x-api-key') ?? undefined,
    actForTenant: fromPayload.actForTenant ?? request.headers.get('x-act-for-tenant') ?? undefined,
  };
}

// The request id is the gateway's, never the client's: subgraphs behind a trusted proxy
// (TRUSTED_PROXY_HOPS) record it in logs and in the operator audit, so a client must not choose
// it. One id per client request, shared by every subgraph request it fans out to.
const requestIds = new WeakMap<object, string>();
function requestId(request: object): string {
  let id = requestIds.get(request);
  if (!id) {
    id = crypto.randomUUID().replaceAll('-', '');
    requestIds.set(request, id);
  }
  return id;
}

// Subscriptions reach the subgraphs over WebSocket (below), where the credentials travel in the
// `connection_init` payload, interpolated from `context.forwardedCredentials`: this plugin puts
// them there before each subscription is sent. It also drops the HTTP headers that
// `propagateHeaders` leaves in the request's `extensions` (the WebSocket executor would send
// them along in the `subscribe` message): over WebSocket only the credentials go to a subgraph.
const forwardedCredentials: GatewayPlugin = {
  onSubgraphExecute({ executionRequest, setExecutionRequest }) {
    if (executionRequest.operationType !== 'subscription') return;
    const context = executionRequest.context as (ClientContext & { request?: Request }) | undefined;
    if (context?.request) {
      context.forwardedCredentials = clientCredentials(context.request, context);
    }
    if (executionRequest.extensions?.headers) {
      const { headers: _headers, ...extensions } = executionRequest.extensions;
      setExecutionRequest({ ...executionRequest, extensions });
    }
  },
};

export const gatewayConfig = defineConfig({
  supergraph: process.env.SUPERGRAPH_PATH ?? './supergraph.graphql',
  // Hive's own request-id plugin passes a client's X-Request-Id on to the subgraphs (and would
  // override the one set below): off, so the id is always the gateway's.
  requestId: false,
  port: Number(process.env.GATEWAY_PORT ?? 4000),
  // Queries and mutations go to a subgraph over HTTP; subscriptions (which clients send over
  // WebSocket, `graphql-transport-ws`, or SSE on /graphql) over WebSocket to the same URL, one
  // connection per set of client credentials (the executor is keyed by its interpolated
  // `connectionParams`, so clients with different credentials never share a connection), opened
  // on the first subscription and closed 3 s after the last one ends.
  transportEntries: {
    '*.http': {
      options: {
        subscriptions: {
          kind: 'ws',
          options: {
            connectionParams: {
              authorization: '{context.forwardedCredentials.authorization}',
              apiKey: '{context.forwardedCredentials.apiKey}',
              actForTenant: '{context.forwardedCredentials.actForTenant}',
            },
          },
        },
      },
    },
  },
  plugins: () => [forwardedCredentials],
  propagateHeaders: {
    fromClientToSubgraphs({ request, context }) {
      const headers: Record<string, string> = { 'x-request-id': requestId(request) };
      // The gateway is a proxy: it appends the address its client connected from, so the
      // subgraphs (TRUSTED_PROXY_HOPS=1 behind this gateway alone) see each client's own
      // address for rate limits and the contract acceptance record.
      const peer = (context as { req?: { socket?: { remoteAddress?: string } } }).req?.socket
        ?.remoteAddress;
      if (peer) {
        const earlier = request.headers.get('x-forwarded-for');
        headers['x-forwarded-for'] = earlier ? `${earlier}, ${peer}` : peer;
      }
      const credentials = clientCredentials(request, context as ClientContext);
      if (credentials.authorization) headers['authorization'] = credentials.authorization;
      if (credentials.apiKey) headers['x-api-key'] = credentials.apiKey;
      if (credentials.actForTenant) headers['x-act-for-tenant'] = credentials.actForTenant;
      return headers;
    },
  },
});
