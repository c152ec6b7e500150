// Hive Gateway: serves the composed supergraph on one endpoint and forwards each client's
// credentials to the subgraphs, which authenticate every request themselves (the tenant guard
// lives in the subgraphs, never in the gateway).
import { defineConfig } from '@graphql-hive/gateway';
import wsTransport, { clientCredentials } from './ws-transport.ts';

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

export const gatewayConfig = defineConfig({
  supergraph: process.env.SUPERGRAPH_PATH ?? './supergraph.graphql',
  // Hive's own request-id plugin passes a client's X-Request-Id on to the subgraphs (and would
  // override the one set below): off, so the id is always the gateway's.
  requestId: false,
  port: Number(process.env.GATEWAY_PORT ?? 4000),
  // Clients subscribe over WebSocket (`graphql-transport-ws` on /graphql) or SSE. Queries and
  // mutations go to a subgraph over HTTP; subscriptions over WebSocket to the same URL, with the
  // client's credentials in `connection_init` (`ws-transport.ts`).
  transportEntries: {
    '*.http': { options: { subscriptions: { kind: 'ws' } } },
  },
  transports: (kind: string) =>
    kind === 'ws' ? wsTransport : import(`@graphql-mesh/transport-${kind}`),
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
      // Authorization, X-Api-Key and X-Act-For-Tenant; a WebSocket client's from its
      // connection_init payload.
      const credentials = clientCredentials(
        request,
        (context as { connectionParams?: unknown }).connectionParams,
      );
      if (credentials.authorization) headers['authorization'] = credentials.authorization;
      if (credentials.apiKey) headers['x-api-key'] = credentials.apiKey;
      if (credentials.actForTenant) headers['x-act-for-tenant'] = credentials.actForTenant;
      return headers;
    },
  },
});
