//! Typed configuration, read once from the environment at start-up. Every variable is documented
//! in `docs/configuration.md`; a missing or malformed one stops the server with a message naming
//! it, rather than surfacing later as a failed request.

use crate::registry::SUBGRAPHS;
use crate::serve::ConnectionLimits;
use graph_core::auth::jwt::{JwtAlgorithm, JwtSettings};
use graph_core::limits::QueryLimits;
use graph_core::throttle::ThrottleSettings;
use std::net::IpAddr;
use std::str::FromStr;
use std::time::Duration;

/// Everything the server needs to run.
#[derive(Debug, Clone)]
pub struct Config {
    /// `DATABASE_URL`: PostgreSQL as `app_user` (every tenant request, under row-level security).
    pub database_url: String,
    /// `DATABASE_PLATFORM_URL`: PostgreSQL as `app_platform` (login, credentials, seeding).
    pub platform_database_url: String,
    /// `DATABASE_MIGRATION_URL`: PostgreSQL as the owning role, for `migrate` only.
    pub migration_database_url: Option<String>,
    /// `DATABASE_MAX_CONNECTIONS`: per pool.
    pub database_max_connections: u32,
    /// `DATABASE_STATEMENT_TIMEOUT_MS`: longest a statement may run (None: no limit).
    pub statement_timeout: Option<Duration>,
    /// Bearer-token settings (`JWT_*`).
    pub jwt: JwtSettings,
    /// `ENCRYPTION_KEYS`: the AES-256-GCM key ring (`kid:base64key,…`, first one encrypts).
    pub encryption_keys: String,
    /// `GRAPHQL_MAX_*`: query limits.
    pub limits: QueryLimits,
    /// `GRAPHQL_MAX_BODY_BYTES`: largest request body accepted.
    pub max_body_bytes: usize,
    /// `PERSISTED_QUERIES_MAX_BYTES`: query text the persisted-query store of each subgraph
    /// keeps at most (least recently used evicted first).
    pub persisted_queries_max_bytes: usize,
    /// `GRAPHQL_MAX_PAGE_SIZE`: largest `first`/`last` of a connection.
    pub max_page_size: u32,
    /// `TRUSTED_PROXY_HOPS`: proxies in front of the server that append to `X-Forwarded-For`;
    /// the client's address is that many entries from the right (0: the connection's peer).
    pub trusted_proxy_hops: usize,
    /// `HTTP_HEADER_READ_TIMEOUT_SECONDS`, `HTTP_MAX_CONNECTIONS`: the connection loop's limits.
    pub connection_limits: ConnectionLimits,
    /// `HTTP_REQUEST_TIMEOUT_SECONDS`: longest a request may take, body read included.
    pub request_timeout: Duration,
    /// `RATE_LIMIT_*`, `PASSWORD_HASH_CONCURRENCY`: abuse controls.
    pub throttle: ThrottleSettings,
    /// `PLATFORM_TENANT_SLUG`: the platform's own tenant, whose `super_admin`s are the operators.
    pub platform_tenant_slug: String,
    /// `HOST`: address to listen on.
    pub host: IpAddr,
    /// `<NAME>_PORT` (`TENANT_PORT`, …): each registered subgraph's port, by subgraph name,
    /// defaulting to the port in the table of subgraphs.
    pub ports: Vec<(&'static str, u16)>,
    /// `LOG_FORMAT`: `text` or `json`.
    pub log_format: LogFormat,
    /// `DATABASE_LISTEN_URL`: where the one `LISTEN` connection of the process goes (directly to
    /// PostgreSQL, never through PgBouncer); defaults to `DATABASE_URL`.
    pub listen_database_url: String,
    /// `WS_*`: the WebSocket transport's limits.
    pub ws: crate::ws::WsSettings,
    /// `LIVE_EVENT_BUFFER`: events a subscriber may fall behind before it is dropped.
    pub live_event_buffer: usize,
    /// `APPROVAL_EXPIRY_INTERVAL_SECONDS` (0: this instance does not run the job) and
    /// `APPROVAL_EXPIRY_BATCH`.
    pub approval_expiry: Option<(Duration, u64)>,
    /// `REGISTRATION_CLEANUP_INTERVAL_SECONDS` (0: this instance does not run the job) and
    /// `REGISTRATION_CLEANUP_BATCH`.
    pub registration_cleanup: Option<(Duration, u64)>,
    /// `MONGODB_URL`, `MONGODB_DATABASE`, `MONGODB_TIMEOUT_MS`: the document store.
    pub documents: graph_core::documents::DocumentSettings,
    /// `AUDIT_LOG_QUEUE`: audit entries that may wait for the document store before new ones
    /// are dropped (and counted).
    pub audit_log_queue: usize,
    /// `S3_*`: where object bodies are and how their presigned URLs are signed; None when
    /// `S3_BUCKET` is unset (body URLs are then null).
    pub object_storage: Option<graph_core::documents::ObjectStorageSettings>,
}

/// How logs are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines (development).
    Text,
    /// One JSON object per line (log shippers).
    Json,
}

/// A configuration problem, naming the variable.
#[derive(Debug, thiserror::Error)]
#[error("configuration: {variable}: {problem}")]
pub struct ConfigError {
    /// The environment variable at fault.
    pub variable: &'static str,
    /// What is wrong with it.
    pub problem: String,
}

fn error(variable: &'static str, problem: impl Into<String>) -> ConfigError {
    ConfigError {
        variable,
        problem: problem.into(),
    }
}

/// Reads variables through a look-up function, so tests need not touch the process environment.
struct Vars<F: Fn(&str) -> Option<String>>(F);

impl<F: Fn(&str) -> Option<String>> Vars<F> {
    fn optional(&self, name: &str) -> Option<String> {
        (self.0)(name)
            .map(|value| value.trim().to_owned())
            .filter(|value| !value.is_empty())
    }

    fn required(&self, name: &'static str) -> Result<String, ConfigError> {
        self.optional(name)
            .ok_or_else(|| error(name, "is required"))
    }

    fn parsed<T: FromStr>(&self, name: &'static str, default: T) -> Result<T, ConfigError>
    where
        T::Err: std::fmt::Display,
    {
        match self.optional(name) {
            None => Ok(default),
            Some(value) => value
                .parse()
                .map_err(|problem| error(name, format!("{value:?}: {problem}"))),
        }
    }

    /// A PEM given inline (`NAME`) or as a file path (`NAME_FILE`).
    fn pem(
        &self,
        name: &'static str,
        file_name: &'static str,
    ) -> Result<Option<String>, ConfigError> {
        if let Some(inline) = self.optional(name) {
            return Ok(Some(inline.replace("\\n", "\n")));
        }
        match self.optional(file_name) {
            None => Ok(None),
            Some(path) => std::fs::read_to_string(&path)
                .map(Some)
                .map_err(|problem| error(file_name, format!("cannot read {path}: {problem}"))),
        }
    }
}

impl Config {
    /// The port of the subgraph called `name` (None for a name that is not registered).
    pub fn port(&self, name: &str) -> Option<u16> {
        self.ports
            .iter()
            .find(|(subgraph, _)| *subgraph == name)
            .map(|(_, port)| *port)
    }

    /// Reads the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads variables through `lookup`.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let vars = Vars(lookup);
        let algorithm: JwtAlgorithm = vars
            .optional("JWT_ALGORITHM")
            .unwrap_or_else(|| "HS256".to_owned())
            .parse()
            .map_err(|problem: graph_core::auth::AuthError| {
                error("JWT_ALGORITHM", problem.to_string())
            })?;
        let jwt = JwtSettings {
            algorithm,
            secret: vars.optional("JWT_SECRET").map(String::into_bytes),
            public_key_pem: vars.pem("JWT_PUBLIC_KEY", "JWT_PUBLIC_KEY_FILE")?,
            private_key_pem: vars.pem("JWT_PRIVATE_KEY", "JWT_PRIVATE_KEY_FILE")?,
            issuer: vars
                .optional("JWT_ISSUER")
                .unwrap_or_else(|| "leadmetrics-graph".to_owned()),
            audience: vars
                .optional("JWT_AUDIENCE")
                .unwrap_or_else(|| "leadmetrics".to_owned()),
            ttl: Duration::from_secs(vars.parsed("JWT_TTL_SECONDS", 3600u64)?),
            leeway_seconds: vars.parsed("JWT_LEEWAY_SECONDS", 30u64)?,
        };
        let defaults = QueryLimits::default();
        let limits = QueryLimits {
            max_depth: vars.parsed("GRAPHQL_MAX_DEPTH", defaults.max_depth)?,
            max_complexity: vars.parsed("GRAPHQL_MAX_COMPLEXITY", defaults.max_complexity)?,
            max_aliases: vars.parsed("GRAPHQL_MAX_ALIASES", defaults.max_aliases)?,
            max_root_fields: vars.parsed("GRAPHQL_MAX_ROOT_FIELDS", defaults.max_root_fields)?,
            max_recursive_depth: vars
                .parsed("GRAPHQL_MAX_RECURSIVE_DEPTH", defaults.max_recursive_depth)?,
            max_directives: vars.parsed("GRAPHQL_MAX_DIRECTIVES", defaults.max_directives)?,
            max_expanded_fields: vars
                .parsed("GRAPHQL_MAX_EXPANDED_FIELDS", defaults.max_expanded_fields)?,
            max_entity_representations: vars.parsed(
                "GRAPHQL_MAX_ENTITY_REPRESENTATIONS",
                defaults.max_entity_representations,
            )?,
            max_relation_items: vars
                .parsed("GRAPHQL_MAX_RELATION_ITEMS", defaults.max_relation_items)?,
        };
        let log_format = match vars.optional("LOG_FORMAT").as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(error(
                    "LOG_FORMAT",
                    format!("{other:?}: expected text or json"),
                ));
            }
        };
        if vars.optional("TRUST_X_FORWARDED_FOR").is_some() {
            return Err(error(
                "TRUST_X_FORWARDED_FOR",
                "was replaced by TRUSTED_PROXY_HOPS (the number of proxies in front of the server; 1 for one gateway)",
            ));
        }
        let seconds = |name: &'static str, default: u64| -> Result<Duration, ConfigError> {
            match vars.parsed(name, default)? {
                0 => Err(error(name, "must be at least 1")),
                value => Ok(Duration::from_secs(value)),
            }
        };
        let throttle_defaults = ThrottleSettings::default();
        let throttle = ThrottleSettings {
            requests_per_minute_per_address: vars.parsed(
                "RATE_LIMIT_REQUESTS_PER_MINUTE_PER_ADDRESS",
                throttle_defaults.requests_per_minute_per_address,
            )?,
            requests_per_minute_per_api_key: vars.parsed(
                "RATE_LIMIT_REQUESTS_PER_MINUTE_PER_API_KEY",
                throttle_defaults.requests_per_minute_per_api_key,
            )?,
            logins_per_minute_per_address: vars.parsed(
                "RATE_LIMIT_LOGINS_PER_MINUTE_PER_ADDRESS",
                throttle_defaults.logins_per_minute_per_address,
            )?,
            logins_per_minute_per_account: vars.parsed(
                "RATE_LIMIT_LOGINS_PER_MINUTE_PER_ACCOUNT",
                throttle_defaults.logins_per_minute_per_account,
            )?,
            registrations_per_minute_per_address: vars.parsed(
                "RATE_LIMIT_REGISTRATIONS_PER_MINUTE_PER_ADDRESS",
                throttle_defaults.registrations_per_minute_per_address,
            )?,
            password_hash_concurrency: match vars.parsed(
                "PASSWORD_HASH_CONCURRENCY",
                throttle_defaults.password_hash_concurrency,
            )? {
                0 => return Err(error("PASSWORD_HASH_CONCURRENCY", "must be at least 1")),
                value => value,
            },
            password_hash_queue_wait: throttle_defaults.password_hash_queue_wait,
        };
        let request_timeout = seconds("HTTP_REQUEST_TIMEOUT_SECONDS", 30)?;
        let connection_limits = ConnectionLimits {
            header_read_timeout: seconds("HTTP_HEADER_READ_TIMEOUT_SECONDS", 10)?,
            write_stall_timeout: request_timeout,
            max_connections: match vars.parsed("HTTP_MAX_CONNECTIONS", 10_000usize)? {
                0 => return Err(error("HTTP_MAX_CONNECTIONS", "must be at least 1")),
                value => value,
            },
            shutdown_grace: Duration::from_secs(10),
        };
        let statement_timeout = match vars.parsed("DATABASE_STATEMENT_TIMEOUT_MS", 10_000u64)? {
            0 => None,
            millis => Some(Duration::from_millis(millis)),
        };
        let ws_defaults = crate::ws::WsSettings::default();
        // A day at most: a timer further off than that is a typo, and far enough off would
        // overflow the clock arithmetic of every connection.
        let seconds = |name: &'static str, default: u64| -> Result<Duration, ConfigError> {
            match seconds(name, default)? {
                long if long > Duration::from_secs(86_400) => {
                    Err(error(name, "must be at most 86400 (a day)"))
                }
                value => Ok(value),
            }
        };
        let at_least_one = |name: &'static str, default: usize| -> Result<usize, ConfigError> {
            match vars.parsed(name, default)? {
                0 => Err(error(name, "must be at least 1")),
                value => Ok(value),
            }
        };
        let ws = crate::ws::WsSettings {
            init_timeout: seconds(
                "WS_CONNECTION_INIT_TIMEOUT_SECONDS",
                ws_defaults.init_timeout.as_secs(),
            )?,
            keepalive: seconds("WS_KEEPALIVE_SECONDS", ws_defaults.keepalive.as_secs())?,
            reauthenticate_every: seconds(
                "WS_REAUTHENTICATE_SECONDS",
                ws_defaults.reauthenticate_every.as_secs(),
            )?,
            max_subscriptions_per_connection: at_least_one(
                "WS_MAX_SUBSCRIPTIONS_PER_CONNECTION",
                ws_defaults.max_subscriptions_per_connection,
            )?,
            max_connections_per_caller: at_least_one(
                "WS_MAX_CONNECTIONS_PER_CALLER",
                ws_defaults.max_connections_per_caller,
            )?,
            max_message_bytes: at_least_one("WS_MAX_MESSAGE_BYTES", ws_defaults.max_message_bytes)?,
            write_timeout: seconds(
                "WS_WRITE_TIMEOUT_SECONDS",
                ws_defaults.write_timeout.as_secs(),
            )?,
        };
        let approval_expiry = match vars.parsed("APPROVAL_EXPIRY_INTERVAL_SECONDS", 60u64)? {
            0 => None,
            interval => Some((
                Duration::from_secs(interval),
                at_least_one("APPROVAL_EXPIRY_BATCH", 100)? as u64,
            )),
        };
        let registration_cleanup =
            match vars.parsed("REGISTRATION_CLEANUP_INTERVAL_SECONDS", 300u64)? {
                0 => None,
                interval => Some((
                    Duration::from_secs(interval),
                    at_least_one("REGISTRATION_CLEANUP_BATCH", 500)? as u64,
                )),
            };
        let documents = graph_core::documents::DocumentSettings {
            url: vars.required("MONGODB_URL")?,
            database: vars
                .optional("MONGODB_DATABASE")
                .unwrap_or_else(|| "leadmetrics".to_owned()),
            timeout: match vars.parsed("MONGODB_TIMEOUT_MS", 2_000u64)? {
                0 => return Err(error("MONGODB_TIMEOUT_MS", "must be at least 1")),
                millis => Duration::from_millis(millis),
            },
        };
        let object_storage = match vars.optional("S3_BUCKET") {
            None => None,
            Some(bucket) => Some(graph_core::documents::ObjectStorageSettings {
                endpoint: vars.required("S3_ENDPOINT")?,
                region: vars
                    .optional("S3_REGION")
                    .unwrap_or_else(|| "us-east-1".to_owned()),
                bucket,
                access_key_id: vars.required("S3_ACCESS_KEY_ID")?,
                secret_access_key: vars.required("S3_SECRET_ACCESS_KEY")?,
                path_style: vars.parsed("S3_PATH_STYLE", false)?,
                ttl: match vars.parsed("S3_PRESIGN_TTL_SECONDS", 300u64)? {
                    0 => return Err(error("S3_PRESIGN_TTL_SECONDS", "must be at least 1")),
                    // SigV4 presigned URLs live at most 7 days.
                    long if long > 604_800 => {
                        return Err(error(
                            "S3_PRESIGN_TTL_SECONDS",
                            "must be at most 604800 (7 days)",
                        ));
                    }
                    ttl => Duration::from_secs(ttl),
                },
            }),
        };
        let database_url = vars.required("DATABASE_URL")?;
        let max_page_size = vars.parsed("GRAPHQL_MAX_PAGE_SIZE", 100u32)?;
        if max_page_size == 0 {
            return Err(error("GRAPHQL_MAX_PAGE_SIZE", "must be at least 1"));
        }
        Ok(Self {
            listen_database_url: vars
                .optional("DATABASE_LISTEN_URL")
                .unwrap_or_else(|| database_url.clone()),
            database_url,
            platform_database_url: vars.required("DATABASE_PLATFORM_URL")?,
            migration_database_url: vars.optional("DATABASE_MIGRATION_URL"),
            database_max_connections: vars.parsed("DATABASE_MAX_CONNECTIONS", 10u32)?,
            statement_timeout,
            jwt,
            encryption_keys: vars.required("ENCRYPTION_KEYS")?,
            limits,
            max_body_bytes: vars.parsed("GRAPHQL_MAX_BODY_BYTES", 1_048_576usize)?,
            persisted_queries_max_bytes: vars
                .parsed("PERSISTED_QUERIES_MAX_BYTES", 4_194_304usize)?,
            max_page_size,
            trusted_proxy_hops: vars.parsed("TRUSTED_PROXY_HOPS", 0usize)?,
            connection_limits,
            request_timeout,
            throttle,
            platform_tenant_slug: vars
                .optional("PLATFORM_TENANT_SLUG")
                .unwrap_or_else(|| "leadmetrics".to_owned()),
            host: vars.parsed("HOST", IpAddr::from([127, 0, 0, 1]))?,
            ports: SUBGRAPHS
                .iter()
                .map(|subgraph| {
                    let variable = subgraph.port_variable();
                    let port = match vars.optional(&variable) {
                        None => subgraph.default_port,
                        Some(text) => text.trim().parse().map_err(|_| ConfigError {
                            variable: "<NAME>_PORT",
                            problem: format!("{variable}: {text:?} is not a port number"),
                        })?,
                    };
                    Ok((subgraph.name, port))
                })
                .collect::<Result<_, ConfigError>>()?,
            log_format,
            ws,
            live_event_buffer: at_least_one("LIVE_EVENT_BUFFER", 256)?,
            approval_expiry,
            registration_cleanup,
            documents,
            audit_log_queue: at_least_one("AUDIT_LOG_QUEUE", 10_000)?,
            object_storage,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn lookup(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| map.get(name).cloned()
    }

    const MINIMAL: &[(&str, &str)] = &[
        ("DATABASE_URL", "postgres://app_user@localhost/db"),
        (
            "DATABASE_PLATFORM_URL",
            "postgres://app_platform@localhost/db",
        ),
        (
            "ENCRYPTION_KEYS",
            "k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        ),
        ("MONGODB_URL", "mongodb://localhost:27017"),
    ];

    #[test]
    fn a_minimal_environment_gives_documented_defaults() {
        let config = Config::from_lookup(lookup(MINIMAL)).unwrap();
        assert_eq!(config.port("tenant"), Some(4001));
        assert_eq!(config.max_page_size, 100);
        assert_eq!(config.log_format, LogFormat::Text);
        assert_eq!(config.jwt.issuer, "leadmetrics-graph");
        assert_eq!(config.trusted_proxy_hops, 0);
        assert_eq!(config.statement_timeout, Some(Duration::from_secs(10)));
        assert_eq!(config.request_timeout, Duration::from_secs(30));
        assert_eq!(config.throttle.logins_per_minute_per_account, 10);
        assert_eq!(config.documents.database, "leadmetrics");
        assert_eq!(config.documents.timeout, Duration::from_secs(2));
        assert_eq!(config.audit_log_queue, 10_000);
        assert!(
            config.object_storage.is_none(),
            "no bucket: no presigned URLs"
        );
    }

    #[test]
    fn the_document_store_is_required_and_a_bucket_needs_its_endpoint_and_credentials() {
        let without: Vec<_> = MINIMAL
            .iter()
            .copied()
            .filter(|(name, _)| *name != "MONGODB_URL")
            .collect();
        let error = Config::from_lookup(lookup(&without)).unwrap_err();
        assert_eq!(error.variable, "MONGODB_URL");
        let mut pairs = MINIMAL.to_vec();
        pairs.push(("S3_BUCKET", "bodies"));
        let error = Config::from_lookup(lookup(&pairs)).unwrap_err();
        assert_eq!(error.variable, "S3_ENDPOINT");
        pairs.extend([
            ("S3_ENDPOINT", "https://s3.eu-west-1.amazonaws.com"),
            ("S3_ACCESS_KEY_ID", "id"),
            ("S3_SECRET_ACCESS_KEY", "secret"),
            ("S3_PRESIGN_TTL_SECONDS", "700000"),
        ]);
        let error = Config::from_lookup(lookup(&pairs)).unwrap_err();
        assert_eq!(error.variable, "S3_PRESIGN_TTL_SECONDS");
        pairs.pop();
        let config = Config::from_lookup(lookup(&pairs)).unwrap();
        assert_eq!(
            config.object_storage.map(|storage| storage.ttl),
            Some(Duration::from_secs(300))
        );
    }

    #[test]
    fn the_replaced_trust_variable_is_refused_with_its_successor_named() {
        let mut pairs = MINIMAL.to_vec();
        pairs.push(("TRUST_X_FORWARDED_FOR", "true"));
        let error = Config::from_lookup(lookup(&pairs)).unwrap_err();
        assert_eq!(error.variable, "TRUST_X_FORWARDED_FOR");
        assert!(error.problem.contains("TRUSTED_PROXY_HOPS"), "{error}");
    }

    #[test]
    fn a_missing_or_malformed_variable_is_named_in_the_error() {
        let missing = Config::from_lookup(lookup(&MINIMAL[1..])).unwrap_err();
        assert_eq!(missing.variable, "DATABASE_URL");
        let mut pairs = MINIMAL.to_vec();
        pairs.push(("TENANT_PORT", "forty"));
        let error = Config::from_lookup(lookup(&pairs)).unwrap_err();
        assert!(error.problem.starts_with("TENANT_PORT"), "{error}");
        let mut pairs = MINIMAL.to_vec();
        pairs.push(("LOG_FORMAT", "xml"));
        assert_eq!(
            Config::from_lookup(lookup(&pairs)).unwrap_err().variable,
            "LOG_FORMAT"
        );
    }
}
