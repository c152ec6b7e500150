//! The real server, spawned on port 0 against a test's own database, called over real HTTP.

use crate::{TestDatabase, database_url};
use serde_json::{Value, json};
use std::net::SocketAddr;
use subgraphs::config::Config;

/// The HS256 secret of test servers (tests sign their own tokens with it).
pub const TEST_JWT_SECRET: &str = "test-secret-that-is-at-least-32-bytes-long";

/// A running subgraph server.
pub struct TestServer {
    /// `http://127.0.0.1:<port>`.
    pub base_url: String,
    /// The configuration it runs with.
    pub config: Config,
    services: std::sync::Arc<graph_core::services::Services>,
    client: reqwest::Client,
    stop: std::sync::Mutex<Option<tokio::sync::oneshot::Sender<()>>>,
}

/// The configuration of a test server for `db`, with `overrides` applied (e.g. a lower limit).
pub fn test_config(db: &TestDatabase, overrides: &[(&str, &str)]) -> Config {
    test_config_for(db.name(), overrides)
}

/// [`test_config`] for the database called `database`.
pub fn test_config_for(database: &str, overrides: &[(&str, &str)]) -> Config {
    let app_url = database_url("app_user", database);
    let platform_url = database_url("app_platform", database);
    let mut vars: Vec<(String, String)> = vec![
        ("DATABASE_URL".into(), app_url),
        ("DATABASE_PLATFORM_URL".into(), platform_url),
        ("DATABASE_MAX_CONNECTIONS".into(), "4".into()),
        // Tests stand in for one proxy: they send X-Forwarded-For themselves.
        ("TRUSTED_PROXY_HOPS".into(), "1".into()),
        // Many tests sign in often from one address; the tests of the limits turn them on.
        (
            "RATE_LIMIT_LOGINS_PER_MINUTE_PER_ADDRESS".into(),
            "0".into(),
        ),
        (
            "RATE_LIMIT_LOGINS_PER_MINUTE_PER_ACCOUNT".into(),
            "0".into(),
        ),
        (
            "RATE_LIMIT_REQUESTS_PER_MINUTE_PER_ADDRESS".into(),
            "0".into(),
        ),
        // The registration tests of the limit turn it on.
        (
            "RATE_LIMIT_REGISTRATIONS_PER_MINUTE_PER_ADDRESS".into(),
            "0".into(),
        ),
        ("JWT_SECRET".into(), TEST_JWT_SECRET.into()),
        // The expiry job would run statements behind the statement-count tests' backs; the tests
        // of the job run it themselves or turn it on.
        ("APPROVAL_EXPIRY_INTERVAL_SECONDS".into(), "0".into()),
        ("REGISTRATION_CLEANUP_INTERVAL_SECONDS".into(), "0".into()),
        (
            "ENCRYPTION_KEYS".into(),
            "test1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=".into(),
        ),
        // The shared document store; each test's own database on it, named like its
        // PostgreSQL database.
        (
            "MONGODB_URL".into(),
            crate::documents::mongodb_url().to_owned(),
        ),
        ("MONGODB_DATABASE".into(), database.to_owned()),
        // Object bodies are signed for a bucket that need not exist: URLs are computed locally.
        ("S3_BUCKET".into(), "leadmetrics-test".into()),
        ("S3_ENDPOINT".into(), "http://127.0.0.1:9000".into()),
        ("S3_ACCESS_KEY_ID".into(), "test-access-key".into()),
        ("S3_SECRET_ACCESS_KEY".into(), "test-secret-key".into()),
        ("S3_PATH_STYLE".into(), "true".into()),
    ];
    for (name, value) in overrides {
        vars.retain(|(existing, _)| existing != name);
        vars.push(((*name).to_owned(), (*value).to_owned()));
    }
    match Config::from_lookup(move |name| {
        vars.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
    }) {
        Ok(config) => config,
        Err(error) => panic!("test configuration: {error}"),
    }
}

impl TestServer {
    /// Starts the tenant subgraph for `db` with default settings.
    pub async fn start(db: &TestDatabase) -> Self {
        Self::start_with(db, &[]).await
    }

    /// Starts the tenant subgraph for `db` with configuration overrides.
    pub async fn start_with(db: &TestDatabase, overrides: &[(&str, &str)]) -> Self {
        Self::start_subgraph(db, "tenant", overrides).await
    }

    /// Starts the registered subgraph called `name` (see `subgraphs::registry`) for `db`, with
    /// configuration overrides.
    pub async fn start_subgraph(db: &TestDatabase, name: &str, overrides: &[(&str, &str)]) -> Self {
        Self::start_on(db.name(), name, overrides).await
    }

    /// Starts the registered subgraph called `name` on the database called `database`.
    pub async fn start_on(database: &str, name: &str, overrides: &[(&str, &str)]) -> Self {
        let Some(subgraph) = subgraphs::registry::find(name) else {
            panic!(
                "no subgraph called {name:?}: {}",
                subgraphs::registry::names()
            );
        };
        let config = test_config_for(database, overrides);
        let services = match subgraphs::app::services(&config).await {
            Ok(services) => services,
            Err(error) => panic!("cannot start the test server: {error}"),
        };
        let background = subgraphs::app::start_background(&services, &config);
        let router = (subgraph.router)(std::sync::Arc::clone(&services), &config, &background);
        let listener =
            match tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0))).await {
                Ok(listener) => listener,
                Err(error) => panic!("cannot bind: {error}"),
            };
        let address = listener
            .local_addr()
            .unwrap_or_else(|error| panic!("no address: {error}"));
        let limits = config.connection_limits;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        // Runs until `shut_down` (dropping the server without it leaves it running).
        let shutdown = async move {
            if stopped.await.is_err() {
                std::future::pending::<()>().await;
            }
        };
        tokio::spawn(async move {
            let _ = subgraphs::serve::serve(listener, router, limits, shutdown).await;
        });
        Self {
            base_url: format!("http://{address}"),
            config,
            services,
            client: reqwest::Client::new(),
            stop: std::sync::Mutex::new(Some(stop)),
        }
    }

    /// Begins the server's graceful shutdown (as Ctrl-C does for the binary).
    pub fn shut_down(&self) {
        if let Some(stop) = self.stop.lock().ok().and_then(|mut stop| stop.take()) {
            let _ = stop.send(());
        }
    }

    /// The process-wide services the server runs on (its hub of live updates, its job
    /// counters, …).
    pub fn services(&self) -> &graph_core::services::Services {
        &self.services
    }

    /// Waits (up to 10 s) until this server holds at least `count` open subscriptions: a client
    /// cannot see when its `subscribe` took effect, and an event published before it did is,
    /// rightly, not delivered.
    pub async fn wait_for_subscriptions(&self, count: u64) {
        use std::sync::atomic::Ordering::Relaxed;
        for _ in 0..1000 {
            if self.services.hub.stats().subscriptions.load(Relaxed) >= count {
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        panic!("the server never held {count} subscriptions");
    }

    /// SQL statements the server has run so far, counted by its database driver.
    pub fn statements_executed(&self) -> u64 {
        self.services.db.statements_executed()
    }

    /// The statements (with their bound values) the server runs while `request` runs, in order.
    pub async fn statements_of<T>(
        &self,
        request: impl std::future::Future<Output = T>,
    ) -> (T, Vec<sea_orm::Statement>) {
        self.services.db.take_recorded_statements();
        self.services.db.record_statements(true);
        let answer = request.await;
        self.services.db.record_statements(false);
        (answer, self.services.db.take_recorded_statements())
    }

    /// POSTs a GraphQL request; returns the HTTP status and the JSON body.
    pub async fn post(&self, body: Value, headers: &[(&str, &str)]) -> (u16, Value) {
        let (status, _, body) = self.post_with_headers(body, headers).await;
        (status, body)
    }

    /// POSTs a GraphQL request; returns the HTTP status, the response's headers and the JSON
    /// body.
    pub async fn post_with_headers(
        &self,
        body: Value,
        headers: &[(&str, &str)],
    ) -> (u16, reqwest::header::HeaderMap, Value) {
        let mut request = self
            .client
            .post(format!("{}/graphql", self.base_url))
            .json(&body);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request
            .send()
            .await
            .unwrap_or_else(|error| panic!("request failed: {error}"));
        let status = response.status().as_u16();
        let response_headers = response.headers().clone();
        let text = response.text().await.unwrap_or_default();
        let body = serde_json::from_str(&text).unwrap_or_else(|_| json!({ "raw": text }));
        (status, response_headers, body)
    }

    /// POSTs a GraphQL request; returns the HTTP status and the body exactly as sent (to compare
    /// responses byte for byte).
    pub async fn post_raw(&self, body: Value, headers: &[(&str, &str)]) -> (u16, String) {
        let mut request = self
            .client
            .post(format!("{}/graphql", self.base_url))
            .json(&body);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request
            .send()
            .await
            .unwrap_or_else(|error| panic!("request failed: {error}"));
        let status = response.status().as_u16();
        (status, response.text().await.unwrap_or_default())
    }

    /// Runs `query` with `variables` as the holder of `token` (a bearer token), or anonymously.
    pub async fn gql(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        let bearer = token.map(|token| format!("Bearer {token}"));
        let headers: Vec<(&str, &str)> = bearer
            .iter()
            .map(|value| ("authorization", value.as_str()))
            .collect();
        self.post(json!({ "query": query, "variables": variables }), &headers)
            .await
            .1
    }

    /// A GET request to `path` (e.g. `/graphql?query=…`); returns status, content type and body text.
    pub async fn get(
        &self,
        path_and_query: &str,
        headers: &[(&str, &str)],
    ) -> (u16, String, String) {
        let mut request = self
            .client
            .get(format!("{}{path_and_query}", self.base_url));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request
            .send()
            .await
            .unwrap_or_else(|error| panic!("GET failed: {error}"));
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        (
            status,
            content_type,
            response.text().await.unwrap_or_default(),
        )
    }

    /// Runs `query` with `variables` and extra headers (an API key, `X-Act-For-Tenant`, …).
    pub async fn gql_with(&self, headers: &[(&str, &str)], query: &str, variables: Value) -> Value {
        self.post(json!({ "query": query, "variables": variables }), headers)
            .await
            .1
    }

    /// Creates an API key as the admin holding `admin_token`; returns the key and its public id.
    /// `scopes` are schema values (`["READ"]`, `["READ", "WRITE"]`).
    pub async fn create_api_key(&self, admin_token: &str, scopes: &[&str]) -> (String, String) {
        let body = self
            .gql(
                Some(admin_token),
                "mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } } }",
                json!({ "input": { "name": "test key", "scopes": scopes } }),
            )
            .await;
        let key = body
            .pointer("/data/createApiKey/key")
            .and_then(Value::as_str);
        let id = body
            .pointer("/data/createApiKey/apiKey/id")
            .and_then(Value::as_str);
        match (key, id) {
            (Some(key), Some(id)) => (key.to_owned(), id.to_owned()),
            _ => panic!("creating an API key failed: {body}"),
        }
    }

    /// Logs in and returns the bearer token.
    pub async fn login(&self, email: &str, password: &str) -> String {
        let body = self
            .gql(
                None,
                "mutation($input: LoginInput!) { login(input: $input) { token } }",
                json!({ "input": { "email": email, "password": password } }),
            )
            .await;
        match body.pointer("/data/login/token").and_then(Value::as_str) {
            Some(token) => token.to_owned(),
            None => panic!("login as {email} failed: {body}"),
        }
    }
}

/// The `extensions.code` of the first error of a response body.
pub fn error_code(body: &Value) -> Option<&str> {
    body.pointer("/errors/0/extensions/code")
        .and_then(Value::as_str)
}

/// Seeds the demo tenants (leadmetrics platform tenant with a super_admin; acme, contract
/// accepted; globex, contract pending) and their plans, 9 activities per current period, into
/// `db` through the platform role — `seed --demo` without the reviewers' approval gates it adds.
pub async fn seed_demo(db: &TestDatabase) {
    seed_demo_with(db, 9).await;
}

/// Like [`seed_demo`], with `activities_per_period` top-level activities in each of this
/// month's deliverable periods of the demo tenants.
pub async fn seed_demo_with(db: &TestDatabase, activities_per_period: u32) {
    let platform = db.connect_as("app_platform").await;
    if let Err(error) = subgraphs::seed::demo_with(&platform, activities_per_period).await {
        panic!("seeding the demo failed: {error}");
    }
}

/// The demo password of every seeded user.
pub const DEMO_PASSWORD: &str = subgraphs::seed::DEMO_PASSWORD;

/// The public id (`ref_id`) of the tenant with `slug`.
pub async fn tenant_ref_id(db: &TestDatabase, slug: &str) -> String {
    let row = crate::query_one(
        &db.owner,
        "SELECT ref_id FROM tenants WHERE slug = $1",
        [slug.into()],
    )
    .await;
    crate::get(&row, "ref_id")
}

/// Sets the status of the tenant with `slug` (`active`, `suspended`, `cancelled`, …) directly in
/// the database, as billing would.
pub async fn set_tenant_status(db: &TestDatabase, slug: &str, status: &str) {
    let changed = crate::exec_with(
        &db.owner,
        "UPDATE tenants SET status = $1::tenant_status WHERE slug = $2",
        [status.into(), slug.into()],
    )
    .await;
    assert_eq!(changed.ok(), Some(1), "setting {slug} to {status}");
}
