//! The transport's hardening (issue 11): JSON-only POST bodies (no cross-site form or text
//! posts), `_service` for authenticated callers only, header-read, request and statement
//! timeouts, request ids and the operator audit a client cannot steer, JSON errors for bodies
//! refused before GraphQL sees them. Each test performs the attack and shows it now fails.

use leadmetrics_tests::api::sha256_hex;
use leadmetrics_tests::server::{DEMO_PASSWORD, TestServer, error_code, tenant_ref_id};
use leadmetrics_tests::world::start_with;
use leadmetrics_tests::{get, query_all};
use sea_orm::{ConnectionTrait, TransactionTrait};
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const RENAME: &str =
    r#"mutation { updateTenantProfile(input: { name: "Renamed cross-site" }) { name } }"#;

async fn tenant_name(server: &TestServer, token: &str) -> Value {
    server
        .gql(Some(token), "{ tenant { name } }", json!({}))
        .await["data"]["tenant"]["name"]
        .clone()
}

#[tokio::test]
async fn a_mutation_posted_as_text_form_or_multipart_is_refused_with_415_and_changes_nothing() {
    let (_db, server) = start_with(&[]).await;
    let token = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let body = json!({ "query": RENAME }).to_string();
    for content_type in [
        None,
        Some("text/plain"),
        Some("text/plain;charset=UTF-8"),
        Some("application/x-www-form-urlencoded"),
        Some("multipart/form-data; boundary=x"),
        Some("application/graphql"),
    ] {
        let mut request = reqwest::Client::new()
            .post(format!("{}/graphql", server.base_url))
            .header("authorization", format!("Bearer {token}"))
            .body(body.clone());
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        let response = request
            .send()
            .await
            .unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(response.status().as_u16(), 415, "{content_type:?}");
        let refused: Value = response.json().await.unwrap_or(Value::Null);
        assert_eq!(error_code(&refused), Some("BAD_USER_INPUT"), "{refused}");
    }
    assert_eq!(tenant_name(&server, &token).await, json!("Acme Corp"));
}

#[tokio::test]
async fn bodies_refused_before_graphql_are_json_errors_not_plain_text() {
    let (_db, server) = start_with(&[("GRAPHQL_MAX_BODY_BYTES", "1024")]).await;
    let client = reqwest::Client::new();
    for (body, status) in [
        ("{ not json".to_owned(), 400),
        ("[]".to_owned(), 400),
        (json!({ "query": "#".repeat(2000) }).to_string(), 413),
        (json!({ "notquery": "{ __typename }" }).to_string(), 400),
    ] {
        let response = client
            .post(format!("{}/graphql", server.base_url))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(response.status().as_u16(), status);
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        assert!(
            content_type.starts_with("application/json"),
            "{content_type}"
        );
        let refused: Value = response.json().await.unwrap_or(Value::Null);
        assert_eq!(error_code(&refused), Some("BAD_USER_INPUT"), "{refused}");
    }
}

#[tokio::test]
async fn the_federation_sdl_needs_credentials_like_introspection() {
    let (_db, server) = start_with(&[]).await;
    let anonymous = server.gql(None, "{ _service { sdl } }", json!({})).await;
    assert_eq!(
        error_code(&anonymous),
        Some("UNAUTHENTICATED"),
        "{anonymous}"
    );
    assert!(!anonymous.to_string().contains("type Query"), "{anonymous}");
    // Hidden in a fragment or behind an alias: the same.
    let hidden = server
        .gql(
            None,
            "query { ...F } fragment F on Query { s: _service { sdl } }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&hidden), Some("UNAUTHENTICATED"), "{hidden}");
    let token = server.login("member@acme.test", DEMO_PASSWORD).await;
    let signed_in = server
        .gql(Some(&token), "{ _service { sdl } }", json!({}))
        .await;
    assert!(
        signed_in["data"]["_service"]["sdl"]
            .as_str()
            .is_some_and(|sdl| sdl.contains("type Query")),
        "{signed_in}"
    );
}

/// Reads from `stream` until the server closes it; how long that took (None: still open
/// after `limit`).
async fn closed_within(stream: &mut tokio::net::TcpStream, limit: Duration) -> Option<Duration> {
    let started = Instant::now();
    let mut buffer = [0u8; 1024];
    loop {
        match tokio::time::timeout(
            limit.saturating_sub(started.elapsed()),
            stream.read(&mut buffer),
        )
        .await
        {
            Ok(Ok(0)) | Ok(Err(_)) => return Some(started.elapsed()),
            Ok(Ok(_)) => continue,
            Err(_) => return None,
        }
    }
}

async fn connect(server: &TestServer) -> tokio::net::TcpStream {
    let address = server.base_url.trim_start_matches("http://").to_owned();
    tokio::net::TcpStream::connect(address)
        .await
        .unwrap_or_else(|error| panic!("cannot connect: {error}"))
}

#[tokio::test]
async fn a_slow_loris_client_and_an_idle_connection_are_closed_after_the_header_read_timeout() {
    let (_db, server) = start_with(&[("HTTP_HEADER_READ_TIMEOUT_SECONDS", "1")]).await;

    // Headers trickled a byte at a time, never finished.
    let mut slow = connect(&server).await;
    let trickle = async {
        for byte in b"POST /graphql HTTP/1.1\r\nHost: x\r\nX-Slow: "
            .iter()
            .cycle()
            .take(60)
        {
            if slow.write_all(&[*byte]).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    };
    let started = Instant::now();
    trickle.await;
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the server kept reading a header trickle for {:?}",
        started.elapsed()
    );
    assert!(
        closed_within(&mut slow, Duration::from_secs(3))
            .await
            .is_some()
    );

    // A connection that sends nothing.
    let mut idle = connect(&server).await;
    let closed = closed_within(&mut idle, Duration::from_secs(5)).await;
    assert!(closed.is_some(), "an idle connection stayed open");
}

#[tokio::test]
async fn a_request_whose_body_never_arrives_is_answered_timeout_after_the_request_timeout() {
    let (_db, server) = start_with(&[("HTTP_REQUEST_TIMEOUT_SECONDS", "1")]).await;
    let mut stream = connect(&server).await;
    let head = "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
                Content-Length: 100\r\n\r\n{\"query\":";
    stream
        .write_all(head.as_bytes())
        .await
        .unwrap_or_else(|error| panic!("{error}"));
    let started = Instant::now();
    let mut response = Vec::new();
    let mut buffer = [0u8; 4096];
    while !String::from_utf8_lossy(&response).contains("TIMEOUT") {
        match tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buffer)).await {
            Ok(Ok(0)) | Ok(Err(_)) | Err(_) => break,
            Ok(Ok(read)) => response.extend_from_slice(&buffer[..read]),
        }
    }
    let response = String::from_utf8_lossy(&response);
    assert!(response.starts_with("HTTP/1.1 503"), "{response}");
    assert!(response.contains("\"code\":\"TIMEOUT\""), "{response}");
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_statement_stuck_behind_a_lock_times_out_and_changes_nothing() {
    let (db, server) = start_with(&[("DATABASE_STATEMENT_TIMEOUT_MS", "500")]).await;
    let token = server.login("admin@acme.test", DEMO_PASSWORD).await;
    // Another session holds the tenant's row.
    let blocker = db
        .owner
        .begin()
        .await
        .unwrap_or_else(|error| panic!("{error}"));
    blocker
        .execute_unprepared("SELECT 1 FROM tenants WHERE slug = 'acme' FOR UPDATE")
        .await
        .unwrap_or_else(|error| panic!("{error}"));
    let started = Instant::now();
    let body = server.gql(Some(&token), RENAME, json!({})).await;
    assert_eq!(error_code(&body), Some("TIMEOUT"), "{body}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    blocker
        .rollback()
        .await
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(tenant_name(&server, &token).await, json!("Acme Corp"));
}

#[tokio::test]
async fn without_a_trusted_proxy_a_client_can_choose_neither_its_address_nor_its_request_id() {
    let (db, server) = start_with(&[("TRUSTED_PROXY_HOPS", "0")]).await;
    let operator = server
        .login("super-admin@leadmetrics.test", DEMO_PASSWORD)
        .await;
    let bearer = format!("Bearer {operator}");
    let query = "query OperatorPeek { tenant { slug } }";
    let hash = sha256_hex(query);
    let persisted = json!({ "persistedQuery": { "version": 1, "sha256Hash": hash } });
    let acme = tenant_ref_id(&db, "acme").await;
    let headers = [
        ("authorization", bearer.as_str()),
        ("x-act-for-tenant", acme.as_str()),
        ("x-request-id", "client-chosen-id"),
        ("x-forwarded-for", "6.6.6.6"),
    ];
    // Registered with its text, then sent as the hash alone.
    let (status, body) = server
        .post(json!({ "query": query, "extensions": persisted }), &headers)
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["data"]["tenant"]["slug"], "acme", "{body}");
    let (_, response_headers, body) = server
        .post_with_headers(json!({ "extensions": persisted }), &headers)
        .await;
    let request_id = response_headers
        .get("x-request-id")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert_eq!(body["data"]["tenant"]["slug"], "acme", "{body}");
    assert_ne!(request_id, "client-chosen-id");

    let rows = query_all(
        &db.owner,
        "SELECT operation_type, operation_name, document_hash, request_id
         FROM operator_audit_log ORDER BY created_on",
        [],
    )
    .await;
    assert_eq!(rows.len(), 2);
    for row in &rows {
        assert_eq!(get::<String>(row, "operation_type"), "query");
        assert_eq!(get::<String>(row, "operation_name"), "OperatorPeek");
        assert_eq!(get::<String>(row, "document_hash"), hash);
        assert_ne!(get::<String>(row, "request_id"), "client-chosen-id");
    }
    assert_eq!(get::<String>(&rows[1], "request_id"), request_id);
}
