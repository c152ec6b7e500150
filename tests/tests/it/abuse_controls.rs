//! Abuse controls (issue 11): rate limits per client address and per API key on every request,
//! per address and per account on `login`, one `login` per operation. Each test performs the
//! attack and shows it is now refused with `RATE_LIMITED` (`extensions.retryAfter` and a
//! `Retry-After` header) or `BAD_USER_INPUT`, and that other clients are not affected.

use leadmetrics_tests::server::{DEMO_PASSWORD, TestServer, error_code};
use leadmetrics_tests::world::start_with;
use serde_json::{Value, json};

const LOGIN: &str = "mutation($input: LoginInput!) { login(input: $input) { token } }";

/// A POST of `body` from `address` (the tests' server trusts one proxy, so the address is the
/// `X-Forwarded-For` entry) with `headers`; returns the status, the `Retry-After` header and the
/// body.
async fn send_from(
    server: &TestServer,
    address: &str,
    body: Value,
    headers: &[(&str, &str)],
) -> (u16, Option<String>, Value) {
    let mut all = vec![("x-forwarded-for", address)];
    all.extend_from_slice(headers);
    let (status, response_headers, body) = server.post_with_headers(body, &all).await;
    let retry_after = response_headers
        .get("retry-after")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    (status, retry_after, body)
}

/// A login attempt from `address`.
async fn login_from(
    server: &TestServer,
    address: &str,
    email: &str,
    password: &str,
) -> (u16, Option<String>, Value) {
    let body = json!({ "query": LOGIN, "variables": { "input": { "email": email, "password": password } } });
    send_from(server, address, body, &[]).await
}

/// `{ __typename }` from `address` with `headers`.
async fn request_from(
    server: &TestServer,
    address: &str,
    headers: &[(&str, &str)],
) -> (u16, Option<String>, Value) {
    send_from(
        server,
        address,
        json!({ "query": "{ __typename }" }),
        headers,
    )
    .await
}

fn assert_rate_limited(body: &Value, retry_after: Option<&str>) {
    assert_eq!(error_code(body), Some("RATE_LIMITED"), "{body}");
    let seconds = body
        .pointer("/errors/0/extensions/retryAfter")
        .and_then(Value::as_u64)
        .unwrap_or_else(|| panic!("no retryAfter: {body}"));
    assert!(seconds >= 1, "{body}");
    assert_eq!(retry_after, Some(seconds.to_string().as_str()), "{body}");
}

#[tokio::test]
async fn guessing_one_accounts_password_is_stopped_per_account_from_any_address() {
    let (_db, server) = start_with(&[("RATE_LIMIT_LOGINS_PER_MINUTE_PER_ACCOUNT", "3")]).await;
    for attempt in 0..3 {
        let address = format!("198.51.100.{attempt}");
        let (_, _, body) = login_from(&server, &address, "admin@acme.test", "wrong").await;
        assert_eq!(error_code(&body), Some("UNAUTHENTICATED"), "{body}");
    }
    // The fourth guess, from yet another address, and even the right password, are refused
    // without a password check.
    let (_, retry_after, body) =
        login_from(&server, "198.51.100.9", "Admin@Acme.test", DEMO_PASSWORD).await;
    assert_rate_limited(&body, retry_after.as_deref());
    // Other accounts are not affected.
    let (_, _, body) = login_from(&server, "198.51.100.9", "member@acme.test", DEMO_PASSWORD).await;
    assert!(body.pointer("/data/login/token").is_some(), "{body}");
}

#[tokio::test]
async fn spraying_many_accounts_from_one_address_is_stopped_per_address() {
    let (_db, server) = start_with(&[("RATE_LIMIT_LOGINS_PER_MINUTE_PER_ADDRESS", "3")]).await;
    for account in 0..3 {
        let email = format!("nobody{account}@acme.test");
        let (_, _, body) = login_from(&server, "203.0.113.5", &email, "guess").await;
        assert_eq!(error_code(&body), Some("UNAUTHENTICATED"), "{body}");
    }
    let (_, retry_after, body) =
        login_from(&server, "203.0.113.5", "admin@acme.test", DEMO_PASSWORD).await;
    assert_rate_limited(&body, retry_after.as_deref());
    // Another client signs in.
    let (_, _, body) = login_from(&server, "203.0.113.6", "admin@acme.test", DEMO_PASSWORD).await;
    assert!(body.pointer("/data/login/token").is_some(), "{body}");
}

#[tokio::test]
async fn twenty_aliased_logins_in_one_operation_run_one_password_check() {
    let (_db, server) = start_with(&[]).await;
    let fields: Vec<String> = (0..20)
        .map(|n| {
            format!(
                r#"l{n}: login(input: {{ email: "admin@acme.test", password: "guess{n}" }}) {{ token }}"#
            )
        })
        .collect();
    let query = format!("mutation {{ {} }}", fields.join(" "));
    let started = std::time::Instant::now();
    let (_, body) = server.post(json!({ "query": query }), &[]).await;
    let errors = body["errors"].as_array().cloned().unwrap_or_default();
    assert_eq!(errors.len(), 20, "{body}");
    let once = errors
        .iter()
        .filter(|error| error["extensions"]["code"] == "BAD_USER_INPUT")
        .count();
    let checked = errors
        .iter()
        .filter(|error| error["extensions"]["code"] == "UNAUTHENTICATED")
        .count();
    assert_eq!((checked, once), (1, 19), "{body}");
    assert!(
        errors.iter().any(|error| error["message"]
            .as_str()
            .is_some_and(|message| message.contains("at most once"))),
        "{body}"
    );
    // One argon2 check takes tens of milliseconds in a debug build; twenty took seconds.
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

#[tokio::test]
async fn a_flood_from_one_address_gets_429_while_other_addresses_are_served() {
    let (_db, server) = start_with(&[("RATE_LIMIT_REQUESTS_PER_MINUTE_PER_ADDRESS", "5")]).await;
    for _ in 0..5 {
        let (status, _, body) = request_from(&server, "192.0.2.10", &[]).await;
        assert_eq!(status, 200, "{body}");
    }
    let (status, retry_after, body) = request_from(&server, "192.0.2.10", &[]).await;
    assert_eq!(status, 429, "{body}");
    assert_rate_limited(&body, retry_after.as_deref());
    let (status, _, _) = request_from(&server, "192.0.2.11", &[]).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn an_ipv6_client_cannot_escape_its_limit_by_changing_address_within_its_slash_64() {
    let (_db, server) = start_with(&[("RATE_LIMIT_REQUESTS_PER_MINUTE_PER_ADDRESS", "2")]).await;
    assert_eq!(request_from(&server, "2001:db8:1:2::1", &[]).await.0, 200);
    assert_eq!(request_from(&server, "2001:db8:1:2::2", &[]).await.0, 200);
    assert_eq!(request_from(&server, "2001:db8:1:2::3", &[]).await.0, 429);
    assert_eq!(request_from(&server, "2001:db8:1:3::1", &[]).await.0, 200);
}

#[tokio::test]
async fn an_api_key_is_limited_across_every_address_it_is_used_from() {
    let (_db, server) = start_with(&[("RATE_LIMIT_REQUESTS_PER_MINUTE_PER_API_KEY", "3")]).await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let (key, _) = server.create_api_key(&admin, &["READ"]).await;
    for n in 0..3 {
        let address = format!("192.0.2.{}", 20 + n);
        let (status, _, body) = request_from(&server, &address, &[("x-api-key", &key)]).await;
        assert_eq!(status, 200, "{body}");
    }
    let (status, retry_after, body) =
        request_from(&server, "192.0.2.99", &[("x-api-key", &key)]).await;
    assert_eq!(status, 429, "{body}");
    assert_rate_limited(&body, retry_after.as_deref());
    // The admin's own requests are not charged to the key.
    let bearer = format!("Bearer {admin}");
    let (status, _, _) = request_from(&server, "192.0.2.99", &[("authorization", &bearer)]).await;
    assert_eq!(status, 200);
}
