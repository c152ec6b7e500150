//! Calling the API in tests and reading its answers: who calls ([`Caller`], header helpers),
//! how a response is read ([`data`], [`id_of`], …) and what a refusal must look like
//! ([`assert_code`], [`assert_bad_input`], [`assert_refused_unchanged`]).

use crate::TestDatabase;
use crate::server::{DEMO_PASSWORD, TestServer, error_code};
use crate::world::table_rows;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::time::Duration;

/// A well-formed public id (a ULID) that no record has.
pub const UNKNOWN_ID: &str = "01ARZ3NDEKTSV4RRFFQ69G5FAV";

/// Request headers with owned values, e.g. `[("authorization", "Bearer …")]`.
pub type Headers = Vec<(&'static str, String)>;

/// The `Authorization` value of a bearer token: `Bearer <token>`.
pub fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

/// The headers of a request made with a bearer token.
pub fn bearer_headers(token: &str) -> Headers {
    vec![("authorization", bearer(token))]
}

/// The headers of a request made with an API key (`Authorization: ApiKey <key>`).
pub fn api_key_headers(key: &str) -> Headers {
    vec![("authorization", format!("ApiKey {key}"))]
}

/// Owned headers borrowed as the `(name, value)` pairs [`TestServer::gql_with`] takes.
pub fn borrowed<'a>(headers: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
    headers
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect()
}

/// Runs `query` with `variables` and `headers`; returns the response body.
pub async fn call(
    server: &TestServer,
    headers: &[(&str, String)],
    query: &str,
    variables: Value,
) -> Value {
    server.gql_with(&borrowed(headers), query, variables).await
}

/// POSTs `query` with `variables`, naming the operation when `operation_name` is given;
/// returns the HTTP status and the body.
pub async fn call_named(
    server: &TestServer,
    headers: &[(&str, String)],
    query: &str,
    operation_name: Option<&str>,
    variables: Value,
) -> (u16, Value) {
    let mut body = json!({ "query": query, "variables": variables });
    if let Some(name) = operation_name {
        body["operationName"] = json!(name);
    }
    server.post(body, &borrowed(headers)).await
}

/// Someone calling the server: a signed-in demo user, an API key, an operator acting for a
/// tenant, or nobody. `who` names the caller in assertion messages.
pub struct Caller<'a> {
    server: &'a TestServer,
    who: String,
    headers: Headers,
}

impl<'a> Caller<'a> {
    /// The demo user `email`, signed in with the demo password.
    pub async fn user(server: &'a TestServer, email: &str) -> Self {
        let token = server.login(email, DEMO_PASSWORD).await;
        Self::with_headers(server, email, bearer_headers(&token))
    }

    /// A new API key of acme with `scopes` (`["READ"]`, `["READ", "WRITE"]`), made by acme's
    /// admin, sent in `X-Api-Key`.
    pub async fn api_key(server: &'a TestServer, scopes: &[&str]) -> Self {
        let token = server.login("admin@acme.test", DEMO_PASSWORD).await;
        let (key, _) = server.create_api_key(&token, scopes).await;
        Self::with_headers(
            server,
            &format!("API key {scopes:?}"),
            vec![("x-api-key", key)],
        )
    }

    /// The platform's super admin, acting for the tenant with public id `tenant`.
    pub async fn operator(server: &'a TestServer, tenant: &str) -> Self {
        let token = server
            .login("super-admin@leadmetrics.test", DEMO_PASSWORD)
            .await;
        let mut headers = bearer_headers(&token);
        headers.push(("x-act-for-tenant", tenant.to_owned()));
        Self::with_headers(server, "operator", headers)
    }

    /// No credentials at all.
    pub fn anonymous(server: &'a TestServer) -> Self {
        Self::with_headers(server, "anonymous", Vec::new())
    }

    /// A caller sending exactly `headers`, named `who` in messages.
    pub fn with_headers(server: &'a TestServer, who: &str, headers: Headers) -> Self {
        Self {
            server,
            who: who.to_owned(),
            headers,
        }
    }

    /// Who this is, for assertion messages.
    pub fn who(&self) -> &str {
        &self.who
    }

    /// The server it calls.
    pub fn server(&self) -> &'a TestServer {
        self.server
    }

    /// Runs `query` with `variables`; returns the response body.
    pub async fn run(&self, query: &str, variables: Value) -> Value {
        call(self.server, &self.headers, query, variables).await
    }
}

/// Panics unless the response has no errors.
#[track_caller]
pub fn ok(body: &Value) {
    assert!(body.get("errors").is_none(), "unexpected errors: {body}");
}

/// The value at `pointer` of a response without errors.
#[track_caller]
pub fn data<'a>(body: &'a Value, pointer: &str) -> &'a Value {
    ok(body);
    match body.pointer(pointer) {
        Some(value) => value,
        None => panic!("nothing at {pointer}: {body}"),
    }
}

/// The string at `pointer` of a response without errors.
#[track_caller]
pub fn string_at(body: &Value, pointer: &str) -> String {
    as_text(data(body, pointer))
}

/// A JSON string as an owned string.
#[track_caller]
pub fn as_text(value: &Value) -> String {
    match value.as_str() {
        Some(text) => text.to_owned(),
        None => panic!("not a string: {value}"),
    }
}

/// The string `field` of a JSON object.
#[track_caller]
pub fn text_field(value: &Value, field: &str) -> String {
    match value.get(field).and_then(Value::as_str) {
        Some(text) => text.to_owned(),
        None => panic!("no string {field} in {value}"),
    }
}

/// The id of an object (anything with an `id`).
#[track_caller]
pub fn id_of(object: &Value) -> String {
    match object["id"].as_str() {
        Some(id) => id.to_owned(),
        None => panic!("no id: {object}"),
    }
}

/// The ids of a list of objects, in order.
#[track_caller]
pub fn ids(list: &Value) -> Vec<String> {
    match list.as_array() {
        Some(items) => items.iter().map(id_of).collect(),
        None => panic!("not a list: {list}"),
    }
}

/// The ids of the list at `pointer` of a response without errors, as a set.
#[track_caller]
pub fn id_set(body: &Value, pointer: &str) -> BTreeSet<String> {
    ids(data(body, pointer)).into_iter().collect()
}

/// The `message` of the first error.
pub fn error_message(body: &Value) -> Option<&str> {
    body.pointer("/errors/0/message").and_then(Value::as_str)
}

/// Asserts that the first error of `body` has `code`.
#[track_caller]
pub fn assert_code(body: &Value, code: &str) {
    assert_eq!(error_code(body), Some(code), "expected {code}: {body}");
}

/// Asserts a `BAD_USER_INPUT` whose `extensions.field` names `field`.
#[track_caller]
pub fn assert_bad_input(body: &Value, field: &str) {
    assert_code(body, "BAD_USER_INPUT");
    assert_eq!(
        body.pointer("/errors/0/extensions/field")
            .and_then(Value::as_str),
        Some(field),
        "expected BAD_USER_INPUT on {field}: {body}"
    );
}

/// Runs `query` with `variables` as `caller` and asserts that it fails with `code` (naming
/// `field` when given), returns no data, and leaves every row of `tables` as it was (read as
/// the owner, past row-level security). Returns the response body.
pub async fn assert_refused_unchanged(
    db: &TestDatabase,
    caller: &Caller<'_>,
    tables: &[&str],
    query: &str,
    variables: Value,
    code: &str,
    field: Option<&str>,
) -> Value {
    let before = table_rows(db, tables, &[]).await;
    let body = caller.run(query, variables.clone()).await;
    assert_eq!(
        error_code(&body),
        Some(code),
        "{} with {variables}: {body}",
        caller.who()
    );
    if let Some(field) = field {
        assert_eq!(
            body.pointer("/errors/0/extensions/field")
                .and_then(Value::as_str),
            Some(field),
            "expected {code} on {field} with {variables}: {body}"
        );
    }
    assert_eq!(body["data"], Value::Null, "{variables}: {body}");
    assert_eq!(
        table_rows(db, tables, &[]).await,
        before,
        "a refused request ({variables}) changed {tables:?}"
    );
    body
}

/// A new public id that no record has (a fresh ULID).
pub fn fresh_id() -> String {
    graph_core::ids::new_ref_id().unwrap_or_else(|error| panic!("cannot make an id: {error:?}"))
}

/// Waits for the next millisecond: ids (and so "oldest first") are ordered by the millisecond
/// they were made in, so records that must come in creation order are made in separate ones.
pub async fn next_millisecond() {
    tokio::time::sleep(Duration::from_millis(2)).await;
}

/// `text` percent-encoded for a URL query string (every byte but the unreserved ones).
pub fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// The SHA-256 of `text` in lowercase hex (the hash of a persisted query).
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}
