//! Integrations through the content subgraph: secrets encrypted at rest and write-only (set,
//! read back as `hasApiKey`, replaced in place, removed, deleted with the row), one integration
//! per provider (several `CUSTOM` ones), health checks, admins only, every refusal changing
//! nothing — and a server in a process of its own whose responses and logs never hold a secret.

use graph_core::crypto::KeyRing;
use leadmetrics_tests::api::{Headers, assert_bad_input, call, data, ok};
use leadmetrics_tests::child::ChildServer;
use leadmetrics_tests::content::start_content;
use leadmetrics_tests::server::{DEMO_PASSWORD, error_code};
use leadmetrics_tests::world::{table_rows, tenant_uuid};
use leadmetrics_tests::{get, query_one};
use serde_json::{Value, json};

/// The key ring of the test configuration.
const TEST_KEY_RING: &str = "test1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
const SECRET_KEY: &str = "semrush-live-key-7f3a9c51d2";
const SECRET_SECRET: &str = "semrush-live-secret-b81e44";

const FIELDS: &str = "id integrationType name hasApiKey hasApiSecret extraConfig isActive status
  lastVerifiedAt errorMessage createdOn updatedOn";

fn set_mutation() -> String {
    format!(
        "mutation($input: SetIntegrationInput!) {{ setIntegration(input: $input) {{ {FIELDS} }} }}"
    )
}
fn update_mutation() -> String {
    format!(
        "mutation($id: ID!, $input: UpdateIntegrationInput!) {{
           updateIntegration(id: $id, input: $input) {{ {FIELDS} }} }}"
    )
}
fn check_mutation() -> String {
    format!(
        "mutation($id: ID!, $input: RecordIntegrationCheckInput!) {{
           recordIntegrationCheck(id: $id, input: $input) {{ {FIELDS} }} }}"
    )
}
fn list_query() -> String {
    format!(
        "query($filter: IntegrationFilter) {{ integrations(filter: $filter, first: 100) {{ nodes {{ {FIELDS} }} }} }}"
    )
}
const DELETE: &str = "mutation($id: ID!) { deleteIntegration(id: $id) }";
const ONE: &str = "query($id: ID!) { integration(id: $id) { id name hasApiKey hasApiSecret } }";

fn semrush(key: &str, secret: Option<&str>) -> Value {
    json!({
        "integrationType": "SEMRUSH",
        "name": "SEMrush Production Key",
        "apiKey": key,
        "apiSecret": secret,
        "extraConfig": { "database": "in" },
    })
}

async fn set(
    server: &leadmetrics_tests::server::TestServer,
    admin: &Headers,
    input: Value,
) -> Value {
    let body = call(server, admin, &set_mutation(), json!({ "input": input })).await;
    ok(&body);
    data(&body, "/data/setIntegration").clone()
}

#[tokio::test]
async fn an_integrations_secrets_are_stored_encrypted_returned_never_and_replaced_in_place() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let set_body = call(
        &world.content,
        &admin,
        &set_mutation(),
        json!({ "input": semrush(SECRET_KEY, Some(SECRET_SECRET)) }),
    )
    .await;
    ok(&set_body);
    assert!(!set_body.to_string().contains("semrush-live"), "{set_body}");
    let first = data(&set_body, "/data/setIntegration").clone();
    assert_eq!(first["hasApiKey"], true);
    assert_eq!(first["hasApiSecret"], true);
    assert_eq!(first["status"], "CONNECTED");
    assert_eq!(first["isActive"], true);
    assert_eq!(first["extraConfig"], json!({ "database": "in" }));
    let id = first["id"].as_str().unwrap_or_default().to_owned();

    // At rest: ciphertext under the key ring, bound to the column, tenant and integration.
    let row = query_one(
        &world.db.owner,
        "SELECT api_key, api_secret FROM integrations WHERE ref_id = $1",
        [id.clone().into()],
    )
    .await;
    let stored_key: String = get(&row, "api_key");
    let stored_secret: String = get(&row, "api_secret");
    assert!(!stored_key.contains(SECRET_KEY) && !stored_secret.contains(SECRET_SECRET));
    let ring = KeyRing::parse(TEST_KEY_RING).unwrap_or_else(|error| panic!("{error}"));
    let tenant = tenant_uuid(&world.db, "acme").await;
    let context = format!("integrations.api_key:{tenant}:{id}");
    let plain = ring
        .decrypt(&stored_key, &context)
        .unwrap_or_else(|error| panic!("does not decrypt: {error}"));
    assert_eq!(plain, SECRET_KEY.as_bytes());
    assert!(
        ring.decrypt(
            &stored_key,
            &format!("integrations.api_secret:{tenant}:{id}")
        )
        .is_err(),
        "a key must not decrypt as the secret"
    );

    // Setting the same provider again replaces it in place: same id, one row, no secret now.
    let replaced = set(
        &world.content,
        &admin,
        semrush("semrush-live-key-rotated", None),
    )
    .await;
    assert_eq!(replaced["id"], id.as_str());
    assert_eq!(replaced["hasApiSecret"], false);
    let list = call(
        &world.content,
        &admin,
        &list_query(),
        json!({ "filter": { "integrationType": "SEMRUSH" } }),
    )
    .await;
    ok(&list);
    assert_eq!(
        data(&list, "/data/integrations/nodes")
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    let row = query_one(
        &world.db.owner,
        "SELECT api_key FROM integrations WHERE ref_id = $1",
        [id.clone().into()],
    )
    .await;
    let rotated: String = get(&row, "api_key");
    assert_ne!(rotated, stored_key);

    // CUSTOM: any number.
    for name in ["Internal CRM", "Data warehouse"] {
        set(
            &world.content,
            &admin,
            json!({ "integrationType": "CUSTOM", "name": name, "apiKey": "custom-key-1" }),
        )
        .await;
    }
    let customs = call(
        &world.content,
        &admin,
        &list_query(),
        json!({ "filter": { "integrationType": "CUSTOM" } }),
    )
    .await;
    assert_eq!(
        data(&customs, "/data/integrations/nodes")
            .as_array()
            .map(Vec::len),
        Some(2)
    );

    // Updates: a new secret, then removed; inactive; the name.
    let body = call(
        &world.content,
        &admin,
        &update_mutation(),
        json!({ "id": id, "input": { "apiSecret": "another-secret-1", "name": "SEMrush",
                                      "isActive": false } }),
    )
    .await;
    ok(&body);
    assert_eq!(data(&body, "/data/updateIntegration/hasApiSecret"), true);
    assert_eq!(data(&body, "/data/updateIntegration/isActive"), false);
    assert_eq!(data(&body, "/data/updateIntegration/name"), "SEMrush");
    let body = call(
        &world.content,
        &admin,
        &update_mutation(),
        json!({ "id": id, "input": { "removeApiSecret": true } }),
    )
    .await;
    ok(&body);
    assert_eq!(data(&body, "/data/updateIntegration/hasApiSecret"), false);
    assert_eq!(data(&body, "/data/updateIntegration/hasApiKey"), true);

    // Checks: a failure keeps its error; a success stamps lastVerifiedAt and clears it.
    let body = call(
        &world.content,
        &admin,
        &check_mutation(),
        json!({ "id": id, "input": { "status": "QUOTA_EXCEEDED", "errorMessage": "429" } }),
    )
    .await;
    ok(&body);
    assert_eq!(
        data(&body, "/data/recordIntegrationCheck/status"),
        "QUOTA_EXCEEDED"
    );
    assert_eq!(
        data(&body, "/data/recordIntegrationCheck/errorMessage"),
        "429"
    );
    assert_eq!(
        data(&body, "/data/recordIntegrationCheck/lastVerifiedAt"),
        &Value::Null
    );
    let body = call(
        &world.content,
        &admin,
        &check_mutation(),
        json!({ "id": id, "input": { "status": "CONNECTED", "errorMessage": "ignored" } }),
    )
    .await;
    ok(&body);
    assert_eq!(
        data(&body, "/data/recordIntegrationCheck/status"),
        "CONNECTED"
    );
    assert_eq!(
        data(&body, "/data/recordIntegrationCheck/errorMessage"),
        &Value::Null
    );
    assert!(data(&body, "/data/recordIntegrationCheck/lastVerifiedAt").is_string());

    // Deleted for good, credentials with it.
    let body = call(&world.content, &admin, DELETE, json!({ "id": id })).await;
    ok(&body);
    let body = call(&world.content, &admin, ONE, json!({ "id": id })).await;
    ok(&body);
    assert_eq!(data(&body, "/data/integration"), &Value::Null);
    let left = query_one(
        &world.db.owner,
        "SELECT count(*)::bigint AS n FROM integrations WHERE ref_id = $1",
        [id.clone().into()],
    )
    .await;
    assert_eq!(get::<i64>(&left, "n"), 0);
    let again = call(&world.content, &admin, DELETE, json!({ "id": id })).await;
    assert_eq!(error_code(&again), Some("NOT_FOUND"), "{again}");
}

#[tokio::test]
async fn refused_integration_requests_change_nothing_and_never_quote_a_secret() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let member = world.user("member@acme.test").await;
    let key = world.api_key("admin@acme.test", &["READ", "WRITE"]).await;
    let existing = set(&world.content, &admin, semrush(SECRET_KEY, None)).await;
    let id = existing["id"].as_str().unwrap_or_default().to_owned();
    let before = table_rows(&world.db, &["integrations"], &[]).await;

    // Admins only, reads included.
    for who in [&member, &key] {
        for (query, variables) in [
            (list_query(), json!({})),
            (ONE.to_owned(), json!({ "id": id })),
            (set_mutation(), json!({ "input": semrush("x-key-1", None) })),
            (
                update_mutation(),
                json!({ "id": id, "input": { "name": "x" } }),
            ),
            (DELETE.to_owned(), json!({ "id": id })),
        ] {
            let body = call(&world.content, who, &query, variables).await;
            assert_eq!(error_code(&body), Some("FORBIDDEN"), "{query}: {body}");
        }
    }

    // Bad input, on the field at fault, never quoting the secret.
    let leaky = "leaky-secret-value\u{1}";
    for (input, field) in [
        (semrush(" ", None), "apiKey"),
        (semrush(&"k".repeat(8 * 1024 + 1), None), "apiKey"),
        (semrush("good-key-1", Some(leaky)), "apiSecret"),
        (semrush(leaky, None), "apiKey"),
        (
            json!({ "integrationType": "AHREFS", "name": " ", "apiKey": "k-1" }),
            "name",
        ),
        (
            json!({ "integrationType": "AHREFS", "name": "A", "apiKey": "k-1", "extraConfig": [1] }),
            "extraConfig",
        ),
        (
            json!({ "integrationType": "AHREFS", "name": "A", "apiKey": "k-1",
                    "extraConfig": { "x": "y".repeat(16 * 1024) } }),
            "extraConfig",
        ),
    ] {
        let body = call(
            &world.content,
            &admin,
            &set_mutation(),
            json!({ "input": input }),
        )
        .await;
        assert_bad_input(&body, field);
        assert!(!body.to_string().contains("leaky-secret"), "{body}");
    }
    let body = call(
        &world.content,
        &admin,
        &update_mutation(),
        json!({ "id": id, "input": { "apiSecret": "s-1", "removeApiSecret": true } }),
    )
    .await;
    assert_bad_input(&body, "removeApiSecret");
    let body = call(
        &world.content,
        &admin,
        &update_mutation(),
        json!({ "id": id, "input": { "apiKey": leaky } }),
    )
    .await;
    assert_bad_input(&body, "apiKey");
    assert!(!body.to_string().contains("leaky-secret"), "{body}");
    assert_eq!(table_rows(&world.db, &["integrations"], &[]).await, before);
}

#[tokio::test]
async fn a_content_server_never_answers_or_logs_an_integration_secret() {
    let world = start_content().await;
    let child = ChildServer::spawn_subgraph(
        &world.db,
        "live_subscriptions::a_server_in_a_child_process",
        "content",
    )
    .await;
    let token = world.tenant.login("admin@acme.test", DEMO_PASSWORD).await;
    let client = reqwest::Client::new();
    let mut id = String::new();
    for (query, variables) in [
        (
            set_mutation(),
            json!({ "input": semrush(SECRET_KEY, Some(SECRET_SECRET)) }),
        ),
        (list_query(), json!({})),
    ] {
        let answer = client
            .post(format!("{}/graphql", child.base_url))
            .bearer_auth(&token)
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .unwrap_or_else(|error| panic!("request failed: {error}"))
            .text()
            .await
            .unwrap_or_default();
        assert!(
            !answer.contains("semrush-live"),
            "a secret was answered: {answer}"
        );
        assert!(!answer.contains("\"errors\""), "{answer}");
        if id.is_empty() {
            let body: Value = serde_json::from_str(&answer).unwrap_or_default();
            id = body
                .pointer("/data/setIntegration/id")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
        }
    }
    // A refused set (bad secret) and an update with new credentials go through the logs too.
    for (query, variables) in [
        (
            update_mutation(),
            json!({ "id": id, "input": { "apiKey": SECRET_KEY, "apiSecret": SECRET_SECRET } }),
        ),
        (
            set_mutation(),
            json!({ "input": semrush(&format!("{SECRET_KEY}\u{2}"), None) }),
        ),
    ] {
        let answer = client
            .post(format!("{}/graphql", child.base_url))
            .bearer_auth(&token)
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .unwrap_or_else(|error| panic!("request failed: {error}"))
            .text()
            .await
            .unwrap_or_default();
        assert!(
            !answer.contains("semrush-live"),
            "a secret was answered: {answer}"
        );
    }
    let mut logs = child.logs();
    for _ in 0..50 {
        if logs.contains("integration updated") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        logs = child.logs();
    }
    assert!(
        logs.contains("integration set") && logs.contains("integration updated"),
        "the child server's logs hold no trace of the requests: {logs}"
    );
    assert!(!logs.contains(SECRET_KEY), "the key was logged");
    assert!(!logs.contains(SECRET_SECRET), "the secret was logged");
}
