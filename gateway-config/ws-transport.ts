// The `ws` transport: how the gateway sends a subscription to a subgraph, over WebSocket
// (`graphql-transport-ws`, the subgraph's /graphql) with the client's credentials in the
// `connection_init` payload. In place of @graphql-mesh/transport-ws, for two reasons:
//
// - A refusal of the credentials (4403: none, an invalid or expired token, an unknown key) ends
//   the subscription at once with an UNAUTHENTICATED error. graphql-ws retries 4403 five times
//   over ~40 s, each retry a new upgrade request counted against the gateway's own address by the
//   subgraph's rate limit: anyone could spend that allowance with anonymous subscriptions.
// - Only the credentials reach the subgraph: @graphql-mesh/transport-ws also sends the request's
//   `extensions`, where the gateway keeps the HTTP headers it forwards.
//
// One connection per subgraph URL and set of credentials: subscriptions of clients with the same
// credentials share it, clients with different ones never do. It opens with the first
// subscription and closes 3 s after the last one ends. Other failures (the subgraph restarting)
// are retried as graphql-ws does (5 times, randomised exponential back-off).
import { print, type DocumentNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** The credentials a client sent, under the names the subgraphs read in `connection_init`. */
export interface Credentials {
  authorization?: string;
  apiKey?: string;
  actForTenant?: string;
}

interface ExecutionRequest {
  document: DocumentNode;
  variables?: Record<string, unknown>;
  operationName?: string;
  operationType?: string;
  context?: { request?: Request; connectionParams?: unknown };
  signal?: AbortSignal;
  info?: { signal?: AbortSignal };
}

interface ExecutionResult {
  data?: unknown;
  errors?: readonly unknown[];
}

interface Payload {
  transportEntry: { location?: string; subgraph?: string };
}

// The client's credentials, read as the subgraphs read a `connection_init`: a WebSocket client's
// own `connection_init` payload (names case-insensitive, at its top level or inside a `headers`
// object) when it holds `Authorization` or an API key, else the request's headers (for a
// WebSocket client, those of its upgrade request). Nothing else a client sends is forwarded.
export function clientCredentials(
  request: Request | undefined,
  connectionParams: unknown,
): Credentials {
  const fromPayload: Credentials = {};
  if (connectionParams && typeof connectionParams === 'object' && !Array.isArray(connectionParams)) {
    const top = connectionParams as Record<string, unknown>;
    const maps = [top];
    if (top.headers && typeof top.headers === 'object' && !Array.isArray(top.headers)) {
      maps.push(top.headers as Record<string, unknown>);
    }
    const find = (names: string[]): string | undefined => {
      for (const map of maps) {
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
  const header = (name: string) => request?.headers.get(name) || undefined;
  return {
    authorization: header('authorization'),
    apiKey: header('x-api-key'),
    actForTenant: fromPayload.actForTenant ?? header('x-act-for-tenant'),
  };
}

function isCloseEvent(value: unknown): value is { code: number; reason: string } {
  return !!value && typeof value === 'object' && 'code' in value && 'reason' in value;
}

// What a client receives when the subgraph's connection ended its subscription.
function failure(subgraph: string, error: unknown): ExecutionResult {
  if (isCloseEvent(error)) {
    const refused = error.code === 4401 || error.code === 4403;
    return {
      errors: [
        {
          message: refused
            ? `the ${subgraph} subgraph refused the credentials: ${error.reason || error.code}`
            : `the ${subgraph} subgraph closed the subscription: ${error.code} ${error.reason}`.trim(),
          extensions: {
            code: refused ? 'UNAUTHENTICATED' : error.code === 4429 ? 'RATE_LIMITED' : 'SUBGRAPH_UNAVAILABLE',
          },
        },
      ],
    };
  }
  // The subgraph's `error` message (e.g. too many subscriptions on the connection): its errors.
  if (Array.isArray(error) && error.length > 0) return { errors: error };
  const message = error instanceof Error ? error.message : String(error);
  return {
    errors: [
      {
        message: `the ${subgraph} subgraph's subscription failed: ${message}`,
        extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
      },
    ],
  };
}

export default {
  getSubgraphExecutor({ transportEntry }: Payload) {
    if (!transportEntry.location) {
      throw new Error('ws transport: the subgraph has no URL');
    }
    const url = transportEntry.location.replace(/^http(s?):\/\//, 'ws$1://');
    const subgraph = transportEntry.subgraph ?? 'a';
    const clients = new Map<string, Client>();

    function clientFor(credentials: Credentials): Client {
      const connectionParams: Record<string, string> = {};
      for (const [name, value] of Object.entries(credentials)) {
        if (value) connectionParams[name] = value;
      }
      const key = JSON.stringify(connectionParams);
      let client = clients.get(key);
      if (!client) {
        const created = createClient({
          url,
          webSocketImpl: WebSocket,
          connectionParams,
          lazy: true,
          lazyCloseTimeout: 3000,
          retryAttempts: 5,
          shouldRetry: (error) => !(isCloseEvent(error) && error.code === 4403),
          on: {
            closed: () => {
              if (clients.get(key) === created) clients.delete(key);
            },
          },
        });
        clients.set(key, created);
        client = created;
      }
      return client;
    }

    function executor(request: ExecutionRequest) {
      const context = request.context;
      const client = clientFor(clientCredentials(context?.request, context?.connectionParams));
      const upstream = client.iterate<Record<string, unknown>, Record<string, unknown>>({
        query: print(request.document),
        variables: request.variables,
        operationName: request.operationName,
      });
      const signal = request.signal ?? request.info?.signal;
      signal?.addEventListener('abort', () => void upstream.return?.(), { once: true });
      // An iterator of its own rather than an async generator: a generator waiting for the next
      // event would hold a client's `complete` (return) until that event came.
      let done = false;
      const results: AsyncIterableIterator<ExecutionResult> = {
        [Symbol.asyncIterator]() {
          return this;
        },
        async next() {
          if (done) return { done: true, value: undefined };
          try {
            const next = await upstream.next();
            if (next.done) done = true;
            return next as IteratorResult<ExecutionResult>;
          } catch (error) {
            done = true;
            return { done: false, value: failure(subgraph, error) };
          }
        },
        async return() {
          done = true;
          await upstream.return?.();
          return { done: true, value: undefined };
        },
      };
      if (request.operationType === 'subscription') return results;
      return results.next().then(({ value }) => value);
    }

    return Object.assign(executor, {
      [Symbol.asyncDispose]: async () => {
        const all = [...clients.values()];
        clients.clear();
        await Promise.all(all.map((client) => client.dispose()));
      },
    });
  },
};
