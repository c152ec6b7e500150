//! The HTTP surface every subgraph shares: each query limit with its clear error, the body size
//! limit, persisted queries over POST and GET, GET being read-only, GraphiQL, introspection for
//! authenticated callers only, health, readiness, metrics and request ids.

use leadmetrics_tests::TestDatabase;
use leadmetrics_tests::api::{percent_encode, sha256_hex};
use leadmetrics_tests::server::{DEMO_PASSWORD, TestServer, error_code};
use leadmetrics_tests::world::start_with;
use serde_json::{Value, json};

/// A server on a fresh demo database, and an acme admin's token.
async fn demo_server(overrides: &[(&str, &str)]) -> (TestDatabase, TestServer, String) {
    let (db, server) = start_with(overrides).await;
    let token = server.login("admin@acme.test", DEMO_PASSWORD).await;
    (db, server, token)
}

/// The `limit` extension of the first error.
fn limit_of(body: &Value) -> Option<&str> {
    body.pointer("/errors/0/extensions/limit")
        .and_then(Value::as_str)
}

fn assert_limit(body: &Value, limit: &str) {
    assert_eq!(error_code(body), Some("BAD_USER_INPUT"), "{body}");
    assert_eq!(limit_of(body), Some(limit), "{body}");
    assert!(body.get("data").is_none_or(Value::is_null), "{body}");
}

#[tokio::test]
async fn a_query_nested_deeper_than_the_limit_is_refused_with_the_depth_limit_named() {
    let (_db, server, token) = demo_server(&[("GRAPHQL_MAX_DEPTH", "3")]).await;
    let within = server
        .gql(Some(&token), "{ me { user { email } } }", json!({}))
        .await;
    assert_eq!(within["data"]["me"]["user"]["email"], "admin@acme.test");

    let body = server
        .gql(
            Some(&token),
            "{ me { user { email } tenant { billingAddress { city } } } }",
            json!({}),
        )
        .await;
    assert_limit(&body, "depth");
}

#[tokio::test]
async fn a_query_more_complex_than_the_limit_is_refused_with_the_complexity_limit_named() {
    let (_db, server, token) = demo_server(&[("GRAPHQL_MAX_COMPLEXITY", "5")]).await;
    let body = server
        .gql(
            Some(&token),
            "{ tenant { id slug name legalName industry website country } }",
            json!({}),
        )
        .await;
    assert_limit(&body, "complexity");
}

#[tokio::test]
async fn too_many_aliases_are_refused_with_the_aliases_limit_named() {
    let (_db, server, token) = demo_server(&[("GRAPHQL_MAX_ALIASES", "2")]).await;
    let ok = server
        .gql(Some(&token), "{ tenant { a: id b: slug } }", json!({}))
        .await;
    assert!(ok.get("errors").is_none(), "{ok}");
    let body = server
        .gql(
            Some(&token),
            "{ tenant { a: id b: slug c: name } }",
            json!({}),
        )
        .await;
    assert_limit(&body, "aliases");
}

#[tokio::test]
async fn too_many_root_fields_are_refused_with_the_root_fields_limit_named() {
    let (_db, server, token) = demo_server(&[("GRAPHQL_MAX_ROOT_FIELDS", "2")]).await;
    let body = server
        .gql(
            Some(&token),
            "{ me { actingAsOperator } tenant { id } contract { id } }",
            json!({}),
        )
        .await;
    assert_limit(&body, "root_fields");
}

#[tokio::test]
async fn a_fragment_bomb_is_refused_before_it_is_expanded() {
    let (_db, server, token) = demo_server(&[]).await;
    // Each fragment spreads the next one twice: 2^30 fields once expanded, a few KB sent.
    let mut document = String::from("{ tenant { ...F0 } }");
    for level in 0..30 {
        document.push_str(&format!(
            " fragment F{level} on Tenant {{ ...F{next} ...F{next} }}",
            next = level + 1
        ));
    }
    document.push_str(" fragment F30 on Tenant { id }");
    let body = server.gql(Some(&token), &document, json!({})).await;
    assert_limit(&body, "expanded_fields");
}

#[tokio::test]
async fn deeply_nested_parser_input_is_refused_with_the_recursive_depth_limit_named() {
    let (_db, server, token) = demo_server(&[]).await;
    let document = format!("{{ tenant {}{} }}", "{ id ".repeat(40), "}".repeat(40));
    let body = server.gql(Some(&token), &document, json!({})).await;
    assert_limit(&body, "recursive_depth");
}

#[tokio::test]
async fn too_many_directives_on_a_field_are_refused_with_the_directives_limit_named() {
    let (_db, server, token) = demo_server(&[("GRAPHQL_MAX_DIRECTIVES", "2")]).await;
    let body = server
        .gql(
            Some(&token),
            "{ tenant { id @include(if: true) @skip(if: false) @include(if: true) } }",
            json!({}),
        )
        .await;
    assert_limit(&body, "directives");
}

#[tokio::test]
async fn a_body_larger_than_the_limit_gets_http_413_and_is_not_executed() {
    let (_db, server, token) = demo_server(&[("GRAPHQL_MAX_BODY_BYTES", "2048")]).await;
    let padding = "#".repeat(4096);
    let bearer = format!("Bearer {token}");
    let (status, _) = server
        .post(
            json!({ "query": format!("{{ tenant {{ id }} }}\n{padding}") }),
            &[("authorization", bearer.as_str())],
        )
        .await;
    assert_eq!(status, 413);

    let (status, body) = server
        .post(
            json!({ "query": "{ tenant { slug } }" }),
            &[("authorization", bearer.as_str())],
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(body["data"]["tenant"]["slug"], "acme");
}

#[tokio::test]
async fn a_persisted_query_is_registered_once_then_runs_by_hash_over_post_and_get() {
    let (_db, server, token) = demo_server(&[]).await;
    let bearer = format!("Bearer {token}");
    let query = "query TenantSlug { tenant { slug } }";
    let hash = sha256_hex(query);
    let extensions = json!({ "persistedQuery": { "version": 1, "sha256Hash": hash } });

    let (_, unknown) = server
        .post(
            json!({ "extensions": extensions }),
            &[("authorization", bearer.as_str())],
        )
        .await;
    assert_eq!(
        unknown["errors"][0]["message"], "PersistedQueryNotFound",
        "{unknown}"
    );

    let (_, registered) = server
        .post(
            json!({ "query": query, "extensions": extensions }),
            &[("authorization", bearer.as_str())],
        )
        .await;
    assert_eq!(registered["data"]["tenant"]["slug"], "acme", "{registered}");

    let (_, by_hash) = server
        .post(
            json!({ "extensions": extensions }),
            &[("authorization", bearer.as_str())],
        )
        .await;
    assert_eq!(by_hash, json!({ "data": { "tenant": { "slug": "acme" } } }));

    let path = format!(
        "/graphql?operationName=TenantSlug&extensions={}",
        percent_encode(&extensions.to_string())
    );
    let (status, content_type, text) = server
        .get(&path, &[("authorization", bearer.as_str())])
        .await;
    assert_eq!(status, 200);
    assert!(content_type.contains("json"), "{content_type}");
    let over_get: Value = serde_json::from_str(&text).unwrap_or_else(|_| json!({ "raw": text }));
    assert_eq!(
        over_get,
        json!({ "data": { "tenant": { "slug": "acme" } } })
    );
}

#[tokio::test]
async fn a_persisted_query_whose_text_does_not_match_its_hash_is_refused() {
    let (_db, server, token) = demo_server(&[]).await;
    let bearer = format!("Bearer {token}");
    let body = json!({
        "query": "{ tenant { slug } }",
        "extensions": { "persistedQuery": { "version": 1, "sha256Hash": sha256_hex("{ me { actingAsOperator } }") } }
    });
    let (_, response) = server
        .post(body, &[("authorization", bearer.as_str())])
        .await;
    assert!(response.get("errors").is_some(), "{response}");
    assert!(
        response.get("data").is_none_or(Value::is_null),
        "{response}"
    );
}

#[tokio::test]
async fn a_query_runs_over_get_but_a_mutation_is_refused_and_changes_nothing() {
    let (_db, server, token) = demo_server(&[]).await;
    let bearer = format!("Bearer {token}");
    let (status, _, text) = server
        .get(
            &format!("/graphql?query={}", percent_encode("{ tenant { slug } }")),
            &[("authorization", bearer.as_str())],
        )
        .await;
    assert_eq!(status, 200);
    assert!(text.contains("\"acme\""), "{text}");

    let mutation =
        r#"mutation { updateTenantProfile(input: { name: "Changed over GET" }) { name } }"#;
    let (_, _, text) = server
        .get(
            &format!("/graphql?query={}", percent_encode(mutation)),
            &[("authorization", bearer.as_str())],
        )
        .await;
    let body: Value = serde_json::from_str(&text).unwrap_or_else(|_| json!({ "raw": text }));
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .is_some_and(|message| message.contains("POST")),
        "{body}"
    );

    let after = server
        .gql(Some(&token), "{ tenant { name } }", json!({}))
        .await;
    assert_eq!(after["data"]["tenant"]["name"], "Acme Corp");
}

#[tokio::test]
async fn a_malformed_get_request_is_a_clear_bad_request() {
    let (_db, server, _token) = demo_server(&[]).await;
    let (status, _, text) = server
        .get("/graphql?query={tenant{slug}}&variables=not-json", &[])
        .await;
    assert_eq!(status, 400, "{text}");
    let body: Value = serde_json::from_str(&text).unwrap_or_else(|_| json!({ "raw": text }));
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
}

#[tokio::test]
async fn a_plain_get_serves_graphiql_pointing_at_the_graphql_path() {
    let (_db, server, _token) = demo_server(&[]).await;
    let (status, content_type, html) = server.get("/graphql", &[]).await;
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/html"), "{content_type}");
    assert!(html.contains("graphiql"), "no GraphiQL in the page");
    assert!(html.contains("/graphql"), "GraphiQL must point at /graphql");
}

#[tokio::test]
async fn introspection_is_answered_for_authenticated_callers_only() {
    let (_db, server, token) = demo_server(&[]).await;
    let query = "{ __schema { queryType { name } } }";
    let anonymous = server.gql(None, query, json!({})).await;
    assert_eq!(
        error_code(&anonymous),
        Some("UNAUTHENTICATED"),
        "{anonymous}"
    );
    let through_a_fragment = server
        .gql(
            None,
            "query { ...Q } fragment Q on Query { __type(name: \"Tenant\") { name } }",
            json!({}),
        )
        .await;
    assert_eq!(
        error_code(&through_a_fragment),
        Some("UNAUTHENTICATED"),
        "{through_a_fragment}"
    );
    assert!(
        anonymous.pointer("/data/__schema/queryType/name").is_none(),
        "{anonymous}"
    );

    let signed_in = server.gql(Some(&token), query, json!({})).await;
    assert_eq!(
        signed_in,
        json!({ "data": { "__schema": { "queryType": { "name": "Query" } } } })
    );
}

#[tokio::test]
async fn health_is_always_up_and_readiness_checks_the_database() {
    let (_db, server, _token) = demo_server(&[]).await;
    let (status, _, _) = server.get("/healthz", &[]).await;
    assert_eq!(status, 200);
    let (status, _, _) = server.get("/readyz", &[]).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn when_the_database_is_gone_readiness_fails_and_requests_get_an_internal_error_without_detail()
 {
    let (db, server, token) = demo_server(&[]).await;
    let name = db.name().to_owned();
    let admin = leadmetrics_tests::connect(&leadmetrics_tests::admin_url()).await;
    leadmetrics_tests::exec(
        &admin,
        &format!("ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false"),
    )
    .await;
    leadmetrics_tests::exec(
        &admin,
        &format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()"
        ),
    )
    .await;

    let (status, _, _) = server.get("/readyz", &[]).await;
    assert_eq!(status, 503);
    let (status, _, _) = server.get("/healthz", &[]).await;
    assert_eq!(status, 200);

    let body = server
        .gql(Some(&token), "{ tenant { slug } }", json!({}))
        .await;
    assert_eq!(error_code(&body), Some("INTERNAL"), "{body}");
    assert_eq!(body["errors"][0]["message"], "internal error", "{body}");
    assert!(!body.to_string().contains(&name), "{body}");

    leadmetrics_tests::exec(
        &admin,
        &format!("ALTER DATABASE {name} WITH ALLOW_CONNECTIONS true"),
    )
    .await;
}

#[tokio::test]
async fn metrics_count_requests_in_prometheus_text() {
    let (_db, server, token) = demo_server(&[]).await;
    let _ = server
        .gql(Some(&token), "{ tenant { id } }", json!({}))
        .await;
    let _ = server.gql(None, "{ tenant { id } }", json!({})).await;
    let (status, content_type, text) = server.get("/metrics", &[]).await;
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/plain"), "{content_type}");
    assert!(
        text.contains("# TYPE graphql_requests_total counter"),
        "{text}"
    );
    assert!(
        text.contains("graphql_request_duration_seconds_bucket"),
        "{text}"
    );
    assert!(text.contains("subgraph=\"tenant\""), "{text}");
    let statements = text
        .lines()
        .find_map(|line| line.strip_prefix("db_statements_total "))
        .and_then(|value| value.trim().parse::<u64>().ok());
    assert!(statements.is_some_and(|count| count > 0), "{text}");
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_a_sane_incoming_one_is_kept() {
    let (_db, server, token) = demo_server(&[]).await;
    let client = reqwest::Client::new();
    let url = format!("{}/graphql", server.base_url);
    let send = |request_id: Option<&'static str>| {
        let mut request = client
            .post(&url)
            .bearer_auth(&token)
            .json(&json!({ "query": "{ tenant { id } }" }));
        if let Some(id) = request_id {
            request = request.header("x-request-id", id);
        }
        request.send()
    };
    let header = |response: &reqwest::Response| {
        response
            .headers()
            .get("x-request-id")
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    };

    let kept = send(Some("trace-123_abc"))
        .await
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(header(&kept).as_deref(), Some("trace-123_abc"));

    let generated = send(None).await.unwrap_or_else(|error| panic!("{error}"));
    assert!(header(&generated).is_some_and(|id| id.len() >= 16));

    let replaced = send(Some("<script>"))
        .await
        .unwrap_or_else(|error| panic!("{error}"));
    assert!(header(&replaced).is_some_and(|id| id != "<script>"));
}

#[tokio::test]
async fn an_invalid_query_and_an_unknown_field_get_clear_errors_not_internal_ones() {
    let (_db, server, token) = demo_server(&[]).await;
    let syntax = server.gql(Some(&token), "{ tenant { ", json!({})).await;
    assert!(syntax.get("errors").is_some(), "{syntax}");
    assert_ne!(error_code(&syntax), Some("INTERNAL"), "{syntax}");

    let unknown = server
        .gql(Some(&token), "{ tenant { noSuchField } }", json!({}))
        .await;
    let message = unknown["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("noSuchField"), "{unknown}");

    let (status, body) = server.post(json!({ "not": "graphql" }), &[]).await;
    assert!(
        status == 400 || body.get("errors").is_some(),
        "{status} {body}"
    );
}

#[tokio::test]
async fn errors_raised_by_graphql_itself_carry_bad_user_input_and_refusals_carry_no_location() {
    let (_db, server, token) = demo_server(&[]).await;
    let out_of_range = server
        .gql(
            Some(&token),
            "{ users(first: 99999999999) { nodes { id } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        error_code(&out_of_range),
        Some("BAD_USER_INPUT"),
        "{out_of_range}"
    );
    let unknown_enum = server
        .gql(
            Some(&token),
            "{ users(role: EMPEROR) { nodes { id } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        error_code(&unknown_enum),
        Some("BAD_USER_INPUT"),
        "{unknown_enum}"
    );

    let (status, refused) = server
        .post(
            json!({ "query": "{ me { actingAsOperator } }" }),
            &[("authorization", "Bearer garbage")],
        )
        .await;
    assert_eq!(status, 401);
    assert_eq!(error_code(&refused), Some("UNAUTHENTICATED"), "{refused}");
    assert!(refused["errors"][0].get("locations").is_none(), "{refused}");
}

async fn accepted_ip(hops: &str, forwarded_for: &[&str]) -> Value {
    let (_db, server) = start_with(&[("TRUSTED_PROXY_HOPS", hops)]).await;
    let token = server.login("admin@globex.test", DEMO_PASSWORD).await;
    let bearer = format!("Bearer {token}");
    let mut headers = vec![("authorization", bearer.as_str())];
    headers.extend(
        forwarded_for
            .iter()
            .map(|value| ("x-forwarded-for", *value)),
    );
    let body = server
        .gql_with(
            &headers,
            "mutation { acceptContract { acceptedIp } }",
            json!({}),
        )
        .await;
    body["data"]["acceptContract"]["acceptedIp"].clone()
}

#[tokio::test]
async fn the_client_address_is_the_entry_the_trusted_proxies_wrote_and_never_one_the_client_forged()
{
    // No trusted proxy: the peer, whatever the header says.
    assert_eq!(accepted_ip("0", &["203.0.113.9"]).await, json!("127.0.0.1"));
    // One proxy: the entry it appended (the rightmost); the client's forged first entry is
    // ignored, also when sent as a header of its own.
    assert_eq!(
        accepted_ip("1", &["6.6.6.6, 203.0.113.9"]).await,
        json!("203.0.113.9")
    );
    assert_eq!(
        accepted_ip("1", &["6.6.6.6", "203.0.113.9"]).await,
        json!("203.0.113.9")
    );
    // Two proxies: the outer one's entry, before the inner one's.
    assert_eq!(
        accepted_ip("2", &["6.6.6.6, 203.0.113.9, 10.0.0.1"]).await,
        json!("203.0.113.9")
    );
    assert_eq!(
        accepted_ip("1", &["not-an-address"]).await,
        json!("127.0.0.1")
    );
}

#[tokio::test]
async fn only_an_authenticated_caller_registers_a_persisted_query_and_only_one_within_the_limits() {
    let (_db, server, token) = demo_server(&[
        ("GRAPHQL_MAX_ALIASES", "2"),
        ("PERSISTED_QUERIES_MAX_BYTES", "4096"),
    ])
    .await;
    let bearer = format!("Bearer {token}");
    let by_hash = |query: &str| json!({ "extensions": { "persistedQuery": { "version": 1, "sha256Hash": sha256_hex(query) } } });
    let with_query = |query: &str| {
        let mut body = by_hash(query);
        body["query"] = json!(query);
        body
    };

    // Anonymous: the query runs (a public field) but is not stored.
    let anonymous = "query Anonymous { __typename }";
    let (_, ran) = server.post(with_query(anonymous), &[]).await;
    assert_eq!(ran["data"]["__typename"], "Query", "{ran}");
    let (_, lookup) = server
        .post(by_hash(anonymous), &[("authorization", bearer.as_str())])
        .await;
    assert_eq!(
        lookup["errors"][0]["message"], "PersistedQueryNotFound",
        "{lookup}"
    );
    assert_eq!(
        lookup["errors"][0]["extensions"]["code"],
        "PERSISTED_QUERY_NOT_FOUND"
    );

    // Over a limit: refused, and not stored either.
    let over = "query Over { a: tenant { slug } b: tenant { slug } c: tenant { slug } }";
    let (_, refused) = server
        .post(with_query(over), &[("authorization", bearer.as_str())])
        .await;
    assert_limit(&refused, "aliases");
    let (_, lookup) = server
        .post(by_hash(over), &[("authorization", bearer.as_str())])
        .await;
    assert_eq!(
        lookup["errors"][0]["message"], "PersistedQueryNotFound",
        "{lookup}"
    );

    // A document larger than the whole budget is answered but never stored.
    let large = format!("query Large {{ tenant {{ slug }} }}\n#{}", "x".repeat(5000));
    let (_, answered) = server
        .post(with_query(&large), &[("authorization", bearer.as_str())])
        .await;
    assert_eq!(answered["data"]["tenant"]["slug"], "acme", "{answered}");
    let (_, lookup) = server
        .post(by_hash(&large), &[("authorization", bearer.as_str())])
        .await;
    assert_eq!(
        lookup["errors"][0]["message"], "PersistedQueryNotFound",
        "{lookup}"
    );

    // A hash that does not match its query is refused.
    let mut mismatched = with_query("{ tenant { slug } }");
    mismatched["extensions"]["persistedQuery"]["sha256Hash"] =
        json!(sha256_hex("{ tenant { id } }"));
    let (_, wrong) = server
        .post(mismatched, &[("authorization", bearer.as_str())])
        .await;
    assert_eq!(
        wrong["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
        "{wrong}"
    );
}
