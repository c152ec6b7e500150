// PostGraphile v5 (Amber preset) over the same PostgreSQL database as leadmetrics-graph, for the
// side-by-side benchmark (see README.md). It accepts our server's bearer tokens and sets the
// tenant of each transaction exactly as ours does: set_config('app.tenant_id', <uuid>, true),
// so the database's row-level security decides what is visible.
//
// Environment:
//   DATABASE_URL               app_user connection (RLS applies), e.g. postgres://app_user@127.0.0.1:5432/lm_bench
//   DATABASE_PLATFORM_URL      app_platform connection, used only to turn a token into a tenant
//   JWT_SECRET                 HS256 secret of our server's tokens
//   JWT_ISSUER, JWT_AUDIENCE   required iss / aud (defaults: ours, leadmetrics-graph / leadmetrics)
//   JWT_LEEWAY_SECONDS         leeway on exp (default 30, as ours)
//   DATABASE_MAX_CONNECTIONS   size of each pool (default 10, as ours)
//   PEER_AUTH_CACHE            1 (default): look a token's user and tenant up once and cache them;
//                              0: look them up on every request, as our server does
//   PORT                       default 5678

// PostGraphile 5.1 declares Node >= 22; on Node 20 the only missing piece it uses is
// Promise.withResolvers (Node 22). Define it before postgraphile is imported.
if (typeof Promise.withResolvers !== "function") {
  Promise.withResolvers = function withResolvers() {
    let resolve, reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

const { createServer } = await import("node:http");
const { createHmac, timingSafeEqual } = await import("node:crypto");
const { default: pg } = await import("pg");
const { postgraphile } = await import("postgraphile");
const { PostGraphileAmberPreset } = await import("postgraphile/presets/amber");
const { makePgService } = await import("postgraphile/adaptors/pg");
const { grafserv } = await import("postgraphile/grafserv/node");
const { addPgTableCondition, extendSchema, gql } = await import("postgraphile/utils");
const { context } = await import("postgraphile/grafast");

const env = (name, fallback) => {
  const value = process.env[name];
  if (value !== undefined && value !== "") return value;
  if (fallback !== undefined) return fallback;
  console.error(`${name} is required`);
  process.exit(2);
};

const port = Number(env("PORT", "5678"));
const databaseUrl = env("DATABASE_URL");
const platformUrl = env("DATABASE_PLATFORM_URL");
const jwtSecret = Buffer.from(env("JWT_SECRET"), "utf8");
const jwtIssuer = env("JWT_ISSUER", "leadmetrics-graph");
const jwtAudience = env("JWT_AUDIENCE", "leadmetrics");
const leewaySeconds = Number(env("JWT_LEEWAY_SECONDS", "30"));
const maxConnections = Number(env("DATABASE_MAX_CONNECTIONS", "10"));
const authCache = env("PEER_AUTH_CACHE", "1") !== "0";

const pool = new pg.Pool({ connectionString: databaseUrl, max: maxConnections });
const platformPool = new pg.Pool({ connectionString: platformUrl, max: maxConnections });
for (const p of [pool, platformPool]) p.on("error", (error) => console.error("pg pool:", error.message));

// Thrown from the context callback: grafserv answers with this status and the message.
class AuthError extends Error {
  constructor(message, statusCode = 401) {
    super(message);
    this.statusCode = statusCode;
  }
}

// ---------------------------------------------------------------------------------------------
// Bearer tokens: HS256 JWTs issued by our server's login (claims sub, tenant, role, app, iss,
// aud, iat, exp, jti), verified with node's crypto only.
// ---------------------------------------------------------------------------------------------

const base64url = (text) => Buffer.from(text, "base64url");

function verifyJwt(token) {
  const parts = token.split(".");
  if (parts.length !== 3) throw new AuthError("the credentials are invalid");
  const [headerPart, payloadPart, signaturePart] = parts;
  let header, claims;
  try {
    header = JSON.parse(base64url(headerPart).toString("utf8"));
    claims = JSON.parse(base64url(payloadPart).toString("utf8"));
  } catch {
    throw new AuthError("the credentials are invalid");
  }
  if (header.alg !== "HS256") throw new AuthError("the credentials are invalid");
  const expected = createHmac("sha256", jwtSecret).update(`${headerPart}.${payloadPart}`).digest();
  const given = base64url(signaturePart);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AuthError("the credentials are invalid");
  }
  if (claims.iss !== jwtIssuer || claims.aud !== jwtAudience) {
    throw new AuthError("the credentials are invalid");
  }
  if (typeof claims.exp !== "number" || claims.exp + leewaySeconds < Date.now() / 1000) {
    throw new AuthError("the token has expired");
  }
  if (typeof claims.sub !== "string" || typeof claims.tenant !== "string") {
    throw new AuthError("the credentials are invalid");
  }
  return claims;
}

// The token's user and tenant, checked as our server checks them (live, active user of that
// tenant; tenant not cancelled), on the platform role: app_user sees no tenant row before the
// tenant is set. Cached per (sub, tenant) unless PEER_AUTH_CACHE=0.
const sessions = new Map();

async function lookUpSession(sub, tenantRef) {
  const key = `${sub}|${tenantRef}`;
  const cached = authCache ? sessions.get(key) : undefined;
  if (cached) return cached;
  const { rows } = await platformPool.query(
    `SELECT u.id AS user_id, u.status AS user_status, t.id AS tenant_id, t.ref_id AS tenant_ref,
            t.status AS tenant_status
       FROM users u JOIN tenants t ON t.id = u.tenant_id
      WHERE u.ref_id = $1 AND u.deleted_on IS NULL`,
    [sub],
  );
  const row = rows[0];
  if (!row || row.tenant_ref !== tenantRef || row.user_status !== "active") {
    throw new AuthError("the credentials are invalid or have expired");
  }
  if (row.tenant_status === "cancelled") throw new AuthError("this tenant's account is cancelled", 403);
  const session = { tenantId: row.tenant_id, userId: row.user_id };
  if (authCache) sessions.set(key, session);
  return session;
}

async function requestContext(requestContext) {
  const authorization = requestContext?.node?.req?.headers?.authorization?.trim();
  // No credentials: no tenant, so row-level security shows nothing.
  if (!authorization) return { pgSettings: {} };
  const space = authorization.indexOf(" ");
  const scheme = space < 0 ? authorization : authorization.slice(0, space);
  if (space < 0 || scheme.toLowerCase() !== "bearer") {
    throw new AuthError("the Authorization header must be `Bearer <token>`");
  }
  const claims = verifyJwt(authorization.slice(space + 1).trim());
  const session = await lookUpSession(claims.sub, claims.tenant);
  return {
    pgSettings: { "app.tenant_id": session.tenantId },
    userId: session.userId,
  };
}

// ---------------------------------------------------------------------------------------------
// Schema adjustments
// ---------------------------------------------------------------------------------------------

// The enum type deliverable_period (monthly | quarterly) and the table deliverable_periods both
// inflect to `DeliverablePeriod`; the enum becomes `DeliverablePeriodicity`.
const InflectionPlugin = {
  name: "LeadmetricsPeerInflectionPlugin",
  version: "0.0.0",
  inflection: {
    replace: {
      enumType(previous, options, codec) {
        const pgName = codec.extensions?.pg?.name ?? codec.name;
        if (pgName === "deliverable_period" || codec.name === "deliverablePeriod") {
          return "DeliverablePeriodicity";
        }
        return previous(codec);
      },
    },
  },
};

// `currentUser`: the signed-in user (the equivalent of our `me { user }`), fetched by primary
// key with the id found when the token was checked; RLS still applies.
const CurrentUserPlugin = extendSchema((build) => {
  const users = build.input.pgRegistry.pgResources.users;
  return {
    typeDefs: gql`
      extend type Query {
        "The signed-in user (from the bearer token); null without one."
        currentUser: User
      }
    `,
    objects: {
      Query: {
        plans: {
          currentUser() {
            return users.get({ id: context().get("userId") });
          },
        },
      },
    },
  };
});

// `condition: { containsToday: true }` on deliverable periods: the period containing today (UTC),
// as our `strategyProgress.currentPeriods` and `Deliverable.currentPeriod` pick it. Plain
// PostGraphile conditions only test equality, so this one is added.
const ContainsTodayConditionPlugin = addPgTableCondition(
  { schemaName: "public", tableName: "deliverable_periods" },
  "containsToday",
  (build) => ({
    type: build.graphql.GraphQLBoolean,
    description: "True: only the period containing today (UTC); false: only the others.",
  }),
  (value, { sql, sqlTableAlias }) => {
    if (value == null) return null;
    const contains = sql`(${sqlTableAlias}.period_start <= (now() at time zone 'UTC')::date and (now() at time zone 'UTC')::date <= ${sqlTableAlias}.period_end)`;
    return value ? contains : sql`not ${contains}`;
  },
);

const preset = {
  extends: [PostGraphileAmberPreset],
  // Relations backed only by partial indexes (e.g. activities → children, period → activities)
  // would be hidden by this plugin; our server exposes them, so the peer does too.
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  plugins: [InflectionPlugin, CurrentUserPlugin, ContainsTodayConditionPlugin],
  pgServices: [makePgService({ pool, schemas: ["public"] })],
  grafserv: {
    port,
    graphqlPath: "/graphql",
    graphiql: false,
    // Queries over GET (?query=…), for the cacheable mobile scenario; ours serves it as a
    // persisted query by hash over GET.
    graphqlOverGET: true,
    watch: false,
    websockets: false,
  },
  grafast: {
    explain: false,
    context: requestContext,
  },
};

const pgl = postgraphile(preset);
// Build the schema (introspection included) before listening, as our server does at start-up,
// so the first request does not pay for it; GET /readyz answers once the port is open.
await pgl.getSchema();
const serv = pgl.createServ(grafserv);
const graphqlHandler = serv.createHandler();
const server = createServer((req, res) => {
  if (req.url === "/readyz") {
    res.writeHead(200, { "content-type": "text/plain" }).end("ready");
    return;
  }
  graphqlHandler(req, res);
});
server.on("error", (error) => {
  console.error(error);
  process.exit(1);
});
server.listen(port, "127.0.0.1", () => {
  console.log(`PostGraphile peer on http://127.0.0.1:${port}/graphql (auth cache ${authCache ? "on" : "off"})`);
});

const stop = async () => {
  server.close();
  await pgl.release();
  await Promise.allSettled([pool.end(), platformPool.end()]);
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
