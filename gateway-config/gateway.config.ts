// Hive Gateway: serves the composed supergraph on one endpoint and forwards each client's
// credentials to the subgraphs, which authenticate every request themselves (the tenant guard
// lives in the subgraphs, never in the gateway).
import { defineConfig } from '@graphql-hive/gateway';

const forwarded = ['authorization', 'x-api-key', 'x-act-for-tenant', 'x-request-id'];

export const gatewayConfig = defineConfig({
  supergraph: process.env.SUPERGRAPH_PATH ?? './supergraph.graphql',
  port: Number(process.env.GATEWAY_PORT ?? 4000),
  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      const headers: Record<string, string> = {};
      for (const name of forwarded) {
        const value = request.headers.get(name);
        if (value) headers[name] = value;
      }
      return headers;
    },
  },
});
