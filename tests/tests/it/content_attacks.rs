//! Attacks on the content subgraph, the document store and the mutation audit log (issue 13).
//! One test per probe, named as what must hold: a passing test documents a defence that held, a
//! failing one is a finding (see the report of the `attack` branch).

use leadmetrics_tests::api::{Headers, borrowed, call, data};
use leadmetrics_tests::content::{ContentWorld, start_content};
use leadmetrics_tests::documents::audit_entries_of;
use leadmetrics_tests::server::TestServer;
use leadmetrics_tests::{get, query_all};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// A ULID-shaped value that a client uses as a secret (Crockford base-32, uppercase).
const ULID_SHAPED_SECRET: &str = "7SECRETTKN0000000000000009";

/// POSTs `body` as `headers` with request id `request_id`; returns the response body.
async fn post_as(server: &TestServer, headers: &Headers, request_id: &str, body: Value) -> Value {
    let mut headers = borrowed(headers);
    headers.push(("x-request-id", request_id));
    server.post(body, &headers).await.1
}

/// The acme admin, with the contract accepted, and one connected channel's id.
async fn acme_with_channel(world: &ContentWorld, external: &str) -> (Headers, String) {
    tenant_with_channel(world, "acme", external).await
}

/// The admin of tenant `slug`, with the contract accepted, and one connected channel's id.
async fn tenant_with_channel(
    world: &ContentWorld,
    slug: &str,
    external: &str,
) -> (Headers, String) {
    let admin = world.user(&format!("admin@{slug}.test")).await;
    let contract = call(&world.tenant, &admin, "{ contract { status } }", json!({})).await;
    if data(&contract, "/data/contract/status") == "PENDING_ACCEPTANCE" {
        let accepted = call(
            &world.tenant,
            &admin,
            "mutation { acceptContract { status } }",
            json!({}),
        )
        .await;
        assert!(accepted.get("errors").is_none(), "{accepted}");
    }
    let body = call(
        &world.content,
        &admin,
        "mutation($input: ConnectChannelInput!) { connectChannel(input: $input) { id } }",
        json!({ "input": { "platform": "WORDPRESS", "name": "Blog", "externalId": external,
                           "accessToken": "setup-token" } }),
    )
    .await;
    let id = data(&body, "/data/connectChannel/id")
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(id.len(), 26, "{body}");
    (admin, id)
}

/// The single audit entry of `request_id` (waits for the background writer).
async fn entry_of(world: &ContentWorld, request_id: &str) -> graph_core::documents::AuditLogEntry {
    let entries = audit_entries_of(&world.tenant, &[request_id.to_owned()], 1).await;
    assert_eq!(entries.len(), 1, "one entry for {request_id}: {entries:?}");
    entries.into_iter().next().unwrap_or_else(|| unreachable!())
}

// ---------------------------------------------------------------------------------------------
// Audit log: every mutation recorded with what it touched, never an input value.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn audit_a_channel_id_sent_in_lowercase_is_still_recorded_as_the_target() {
    let world = start_content().await;
    let (admin, channel) = acme_with_channel(&world, "lowercase").await;
    // The API accepts ids case-insensitively (parse_ref_id); the result selects no id.
    let body = post_as(
        &world.content,
        &admin,
        "attack-lowercase",
        json!({ "query": "mutation Rename($id: ID!) { updateChannel(id: $id, input: { name: \"renamed\" }) { name } }",
                "variables": { "id": channel.to_lowercase() } }),
    )
    .await;
    assert_eq!(
        data(&body, "/data/updateChannel/name"),
        "renamed",
        "the change ran: {body}"
    );
    let entry = entry_of(&world, "attack-lowercase").await;
    assert_eq!(entry.outcome, "ok");
    assert!(
        entry.target_ids.contains(&channel),
        "the changed channel is not in the audit entry: {entry:?}"
    );
}

#[tokio::test]
async fn audit_a_channel_id_given_as_a_variable_default_is_still_recorded_as_the_target() {
    let world = start_content().await;
    let (admin, channel) = acme_with_channel(&world, "default").await;
    let query = format!(
        "mutation Rename($id: ID! = \"{channel}\") {{ updateChannel(id: $id, input: {{ name: \"renamed\" }}) {{ name }} }}"
    );
    let body = post_as(
        &world.content,
        &admin,
        "attack-default",
        json!({ "query": query }),
    )
    .await;
    assert_eq!(
        data(&body, "/data/updateChannel/name"),
        "renamed",
        "the change ran: {body}"
    );
    let entry = entry_of(&world, "attack-default").await;
    assert!(
        entry.target_ids.contains(&channel),
        "the changed channel is not in the audit entry: {entry:?}"
    );
}

#[tokio::test]
async fn audit_a_mutation_behind_ten_nested_fragment_spreads_is_recorded_with_its_field_and_id() {
    let world = start_content().await;
    let (admin, channel) = acme_with_channel(&world, "fragments").await;
    let mut query = "mutation Hidden { ...F0 }\n".to_owned();
    for level in 0..10 {
        query.push_str(&format!(
            "fragment F{level} on Mutation {{ ...F{} }}\n",
            level + 1
        ));
    }
    query.push_str(&format!(
        "fragment F10 on Mutation {{ disconnectChannel(id: \"{channel}\") {{ status }} }}\n"
    ));
    let body = post_as(
        &world.content,
        &admin,
        "attack-fragments",
        json!({ "query": query }),
    )
    .await;
    assert_eq!(
        data(&body, "/data/disconnectChannel/status"),
        "REVOKED",
        "the change ran: {body}"
    );
    let entry = entry_of(&world, "attack-fragments").await;
    assert_eq!(
        entry.fields,
        ["disconnectChannel"],
        "the field that ran is not in the audit entry: {entry:?}"
    );
    assert!(entry.target_ids.contains(&channel), "{entry:?}");
}

#[tokio::test]
async fn audit_a_mutation_refused_by_the_query_limits_still_writes_one_entry() {
    let world = start_content().await;
    let (admin, channel) = acme_with_channel(&world, "limits").await;
    // 21 root fields: over GRAPHQL_MAX_ROOT_FIELDS (20).
    let fields: Vec<String> = (0..21)
        .map(|n| format!("a{n}: disconnectChannel(id: \"{channel}\") {{ id }}"))
        .collect();
    let query = format!("mutation TooMany {{ {} }}", fields.join(" "));
    let body = post_as(
        &world.content,
        &admin,
        "attack-limits",
        json!({ "query": query }),
    )
    .await;
    assert!(
        body.get("errors").is_some(),
        "refused by the limits: {body}"
    );
    let entries = audit_entries_of(&world.tenant, &["attack-limits".to_owned()], 1).await;
    assert_eq!(
        entries.len(),
        1,
        "docs/api-decisions.md: one entry per mutation request, whatever happened; got {entries:?} for {body}"
    );
}

#[tokio::test]
async fn audit_a_ulid_shaped_secret_under_an_id_key_inside_json_metadata_is_never_recorded() {
    let world = start_content().await;
    let (admin, _) = acme_with_channel(&world, "json-secret").await;
    // `metadata` is a JSON scalar: its keys are not input fields of the schema.
    let query = format!(
        "mutation Connect {{ connectChannel(input: {{ platform: LINKEDIN, name: \"Page\",
           externalId: \"json-secret-page\", accessToken: \"t\",
           metadata: {{ webhookSecretId: \"{ULID_SHAPED_SECRET}\" }} }}) {{ id }} }}"
    );
    let body = post_as(
        &world.content,
        &admin,
        "attack-json-secret",
        json!({ "query": query }),
    )
    .await;
    assert!(body.get("errors").is_none(), "{body}");
    let entry = entry_of(&world, "attack-json-secret").await;
    assert!(
        !format!("{entry:?}").contains(ULID_SHAPED_SECRET),
        "a value from inside a JSON input was recorded: {entry:?}"
    );
}

#[tokio::test]
async fn audit_a_ulid_shaped_secret_in_a_json_variable_under_an_id_key_is_never_recorded() {
    let world = start_content().await;
    let (admin, _) = acme_with_channel(&world, "json-var-secret").await;
    let body = post_as(
        &world.content,
        &admin,
        "attack-json-var-secret",
        json!({ "query": "mutation Connect($input: ConnectChannelInput!) { connectChannel(input: $input) { id } }",
                "variables": { "input": { "platform": "LINKEDIN", "name": "Page",
                  "externalId": "json-var-page", "accessToken": "t",
                  "metadata": { "nested": { "apiKeyIds": [ULID_SHAPED_SECRET] } } } } }),
    )
    .await;
    assert!(body.get("errors").is_none(), "{body}");
    let entry = entry_of(&world, "attack-json-var-secret").await;
    assert!(
        !format!("{entry:?}").contains(ULID_SHAPED_SECRET),
        "a value from inside a JSON input was recorded: {entry:?}"
    );
}

#[tokio::test]
async fn audit_an_input_value_aliased_as_id_in_the_selection_is_never_recorded() {
    let world = start_content().await;
    let (admin, _) = acme_with_channel(&world, "alias").await;
    // The client's own input (`name`) echoed back under the response key `id`.
    let query = format!(
        "mutation Connect {{ connectChannel(input: {{ platform: LINKEDIN, name: \"{ULID_SHAPED_SECRET}\",
           externalId: \"alias-page\", accessToken: \"t\" }}) {{ id: name }} }}"
    );
    let body = post_as(
        &world.content,
        &admin,
        "attack-alias",
        json!({ "query": query }),
    )
    .await;
    assert!(body.get("errors").is_none(), "{body}");
    let entry = entry_of(&world, "attack-alias").await;
    assert!(
        !entry.target_ids.iter().any(|id| id == ULID_SHAPED_SECRET),
        "an input value was recorded as a target id: {entry:?}"
    );
}

#[tokio::test]
async fn audit_tokens_and_non_ulid_values_under_id_names_are_never_recorded() {
    let world = start_content().await;
    let (admin, channel) = acme_with_channel(&world, "tokens").await;
    let token = "ya29.attack-token-value-that-must-not-be-stored";
    let body = post_as(
        &world.content,
        &admin,
        "attack-tokens",
        json!({ "query": "mutation Update($id: ID!, $input: UpdateChannelInput!) { updateChannel(id: $id, input: $input) { id } }",
                "variables": { "id": channel, "input": { "accessToken": token, "refreshToken": token } } }),
    )
    .await;
    assert!(body.get("errors").is_none(), "{body}");
    // An unknown id-named variable holding a secret, and an id that is not a ULID.
    let body = post_as(
        &world.content,
        &admin,
        "attack-token-as-id",
        json!({ "query": "mutation Delete($id: ID!) { deleteChannel(id: $id) }",
                "variables": { "id": token } }),
    )
    .await;
    assert!(body.get("errors").is_some(), "{body}");
    assert!(
        !body.to_string().contains(token),
        "the error quotes the value: {body}"
    );
    let entries = audit_entries_of(
        &world.tenant,
        &["attack-tokens".to_owned(), "attack-token-as-id".to_owned()],
        2,
    )
    .await;
    assert_eq!(entries.len(), 2, "{entries:?}");
    assert!(
        !format!("{entries:?}").contains("attack-token-value"),
        "{entries:?}"
    );
}

#[tokio::test]
async fn audit_queries_get_requests_and_unparsable_documents_write_no_entry() {
    let world = start_content().await;
    let (admin, _) = acme_with_channel(&world, "queries").await;
    let _ = post_as(
        &world.content,
        &admin,
        "attack-query",
        json!({ "query": "query Q { channels(first: 1) { nodes { id } } }" }),
    )
    .await;
    let _ = post_as(
        &world.content,
        &admin,
        "attack-unparsable",
        json!({ "query": "mutation { connectChannel(" }),
    )
    .await;
    let entries = audit_entries_of(
        &world.tenant,
        &["attack-query".to_owned(), "attack-unparsable".to_owned()],
        1,
    )
    .await;
    assert!(entries.is_empty(), "{entries:?}");
}

// ---------------------------------------------------------------------------------------------
// Channels.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn channels_a_rejected_token_is_never_quoted_in_the_error() {
    let world = start_content().await;
    let (admin, channel) = acme_with_channel(&world, "rejected-token").await;
    let marker = "LEAKMARKER";
    for token in [
        format!("{marker}{}", "x".repeat(9000)),
        format!("{marker}\u{0007}bell"),
        format!("{marker}\n"),
    ] {
        let body = call(
            &world.content,
            &admin,
            "mutation($id: ID!, $input: UpdateChannelInput!) { updateChannel(id: $id, input: $input) { id hasAccessToken } }",
            json!({ "id": channel, "input": { "accessToken": token } }),
        )
        .await;
        assert!(body.get("errors").is_some(), "refused: {body}");
        assert!(!body.to_string().contains(marker), "token quoted: {body}");
    }
}

#[tokio::test]
async fn channels_two_simultaneous_connects_of_one_account_make_one_channel_and_one_conflict() {
    let world = start_content().await;
    let (admin, _) = acme_with_channel(&world, "race-setup").await;
    let connect = "mutation($input: ConnectChannelInput!) { connectChannel(input: $input) { id } }";
    let variables = json!({ "input": { "platform": "LINKEDIN", "name": "Race",
                                        "externalId": "race", "accessToken": "t" } });
    let (a, b) = tokio::join!(
        call(&world.content, &admin, connect, variables.clone()),
        call(&world.content, &admin, connect, variables.clone()),
    );
    let codes: Vec<Option<String>> = [&a, &b]
        .iter()
        .map(|body| {
            body["errors"][0]["extensions"]["code"]
                .as_str()
                .map(str::to_owned)
        })
        .collect();
    assert!(
        codes.contains(&None) && codes.contains(&Some("CONFLICT".to_owned())),
        "one connects, the other is CONFLICT: {a} {b}"
    );
}

#[tokio::test]
async fn channels_deeply_nested_metadata_is_refused_or_stored_and_the_server_keeps_answering() {
    let world = start_content().await;
    let (admin, channel) = acme_with_channel(&world, "bomb").await;
    // As a variable: 100 levels of arrays, then 10,000 (past serde_json's recursion limit).
    let deep: Value = serde_json::from_str(&format!(
        "{{\"a\":{}1{}}}",
        "[".repeat(100),
        "]".repeat(100)
    ))
    .unwrap_or(Value::Null);
    let _ = call(
        &world.content,
        &admin,
        "mutation($id: ID!, $m: JSON!) { updateChannel(id: $id, input: { metadata: $m }) { id } }",
        json!({ "id": channel, "m": deep }),
    )
    .await;
    let raw = format!(
        "{{\"query\":\"mutation($id: ID!, $m: JSON!) {{ updateChannel(id: $id, input: {{ metadata: $m }}) {{ id }} }}\",\"variables\":{{\"id\":\"{channel}\",\"m\":{{\"a\":{}1{}}}}}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let response = reqwest::Client::new()
        .post(format!("{}/graphql", world.content.base_url))
        .header("content-type", "application/json")
        .header("authorization", admin[0].1.as_str())
        .body(raw)
        .send()
        .await;
    assert!(response.is_ok_and(|r| r.status().as_u16() < 500));
    let alive = call(
        &world.content,
        &admin,
        "{ channels(first: 1) { nodes { id } } }",
        json!({}),
    )
    .await;
    assert!(
        alive.get("errors").is_none(),
        "the server still answers: {alive}"
    );
}

#[tokio::test]
async fn parser_a_deeply_nested_literal_from_an_anonymous_client_does_not_crash_the_server() {
    use leadmetrics_tests::child::ChildServer;
    let world = start_content().await;
    // A content server in a process of its own: if it dies, only it dies.
    let child = ChildServer::spawn_subgraph(
        &world.db,
        "live_subscriptions::a_server_in_a_child_process",
        "content",
    )
    .await;
    let client = reqwest::Client::new();
    // The GraphQL parser bounds the nesting of selection sets, not of values: a list literal
    // nested 100,000 deep (200 KB, under GRAPHQL_MAX_BODY_BYTES), no credentials.
    let depth = 100_000;
    let query = format!(
        "query {{ channel(id: {}1{}) {{ id }} }}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let first = client
        .post(format!("{}/graphql", child.base_url))
        .json(&json!({ "query": query }))
        .timeout(Duration::from_secs(20))
        .send()
        .await;
    let first = match first {
        Ok(response) => format!("{}", response.status()),
        Err(error) => format!("no answer: {error}"),
    };
    tokio::time::sleep(Duration::from_millis(500)).await;
    let alive = client
        .get(format!("{}/healthz", child.base_url))
        .timeout(Duration::from_secs(5))
        .send()
        .await;
    assert!(
        alive.is_ok_and(|response| response.status().is_success()),
        "the server died on one anonymous request (first answer: {first})"
    );
}

#[tokio::test]
async fn channels_scores_and_score_history_periods_are_validated() {
    let world = start_content().await;
    let (admin, channel) = acme_with_channel(&world, "scores").await;
    for (score, period) in [
        (101, "2026-10"),
        (-1, "2026-10"),
        (50, "2026-13"),
        (50, "2026-1' OR '1'='1"),
    ] {
        let body = call(
            &world.content,
            &admin,
            "mutation($input: RecordChannelScoreInput!) { recordChannelScore(input: $input) { id } }",
            json!({ "input": { "channelId": channel, "score": score, "period": period } }),
        )
        .await;
        assert_eq!(
            body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
            "{score} {period}: {body}"
        );
    }
    let body = call(
        &world.content,
        &admin,
        "query($id: ID!) { channel(id: $id) { scoreHistory(fromPeriod: \"0000-00' OR 1=1\") { id } } }",
        json!({ "id": channel }),
    )
    .await;
    assert_eq!(
        body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
        "{body}"
    );
}

// ---------------------------------------------------------------------------------------------
// Cross-tenant.
// ---------------------------------------------------------------------------------------------

async fn refs_of(world: &ContentWorld, table: &str, slug: &str) -> Vec<String> {
    let rows = query_all(
        &world.db.owner,
        &format!(
            "SELECT x.ref_id FROM {table} x JOIN tenants t ON t.id = x.tenant_id
             WHERE t.slug = '{slug}' ORDER BY x.ref_id LIMIT 3"
        ),
        [],
    )
    .await;
    rows.iter()
        .map(|row| get::<String>(row, "ref_id"))
        .collect()
}

#[tokio::test]
async fn cross_tenant_entities_of_another_tenant_in_any_casing_are_null() {
    let world = start_content().await;
    let (admin, _) = acme_with_channel(&world, "entities").await;
    let _ = tenant_with_channel(&world, "globex", "globex-entities").await;
    let mut representations = Vec::new();
    for (table, typename) in [
        ("channels", "Channel"),
        ("activities", "Activity"),
        ("deliverables", "Deliverable"),
        ("deliverable_periods", "DeliverablePeriod"),
    ] {
        let refs = refs_of(&world, table, "globex").await;
        assert!(!refs.is_empty(), "globex has {table}");
        for id in refs {
            representations.push(json!({ "__typename": typename, "id": id.to_lowercase() }));
            representations.push(json!({ "__typename": typename, "id": id }));
        }
    }
    let body = call(
        &world.content,
        &admin,
        "query($r: [_Any!]!) { _entities(representations: $r) { __typename
           ... on Channel { id name } ... on Activity { id output { id } } } }",
        json!({ "r": representations }),
    )
    .await;
    let entities = body["data"]["_entities"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(entities.len(), representations.len(), "{body}");
    assert!(
        entities.iter().all(Value::is_null),
        "another tenant's entity: {body}"
    );
}

#[tokio::test]
async fn cross_tenant_ten_thousand_representations_are_refused_or_answered_quickly() {
    let world = start_content().await;
    let (admin, channel) = acme_with_channel(&world, "many").await;
    let representations: Vec<Value> = (0..10_000)
        .map(|_| json!({ "__typename": "Channel", "id": channel }))
        .collect();
    let started = Instant::now();
    let (status, body) = world
        .content
        .post(
            json!({ "query": "query($r: [_Any!]!) { _entities(representations: $r) { ... on Channel { id } } }",
                    "variables": { "r": representations } }),
            &borrowed(&admin),
        )
        .await;
    assert!(status < 500, "{status}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
    assert!(
        body.get("errors").is_some() || body["data"]["_entities"].is_array(),
        "{status}"
    );
}

// ---------------------------------------------------------------------------------------------
// Health endpoints.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn health_an_anonymous_flood_of_readyz_stays_fast_and_leaks_no_host() {
    let world = start_content().await;
    let started = Instant::now();
    let mut answers = Vec::new();
    for _ in 0..200 {
        answers.push(world.content.get("/readyz", &[]));
    }
    let answers = futures::future::join_all(answers).await;
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took {:?}",
        started.elapsed()
    );
    for (status, _, text) in answers {
        assert!(status == 200 || status == 429, "{status} {text}");
        assert!(
            !text.contains("127.0.0.1") && !text.contains("mongodb://"),
            "{text}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Presigned URLs.
// ---------------------------------------------------------------------------------------------

/// Writes an output document of acme with `s3_key`, points acme's first activity at it, and
/// returns the activity's `output.url`.
async fn signed_url_of_key(world: &ContentWorld, admin: &Headers, s3_key: &str) -> Value {
    use graph_core::documents::ActivityOutput;
    use mongodb::bson::DateTime;
    use mongodb::bson::oid::ObjectId;
    let acme = leadmetrics_tests::world::tenant_uuid(&world.db, "acme").await;
    let id = ObjectId::new();
    let document = ActivityOutput {
        id,
        tenant_id: acme.to_string(),
        activity_id: None,
        format: "markdown".to_owned(),
        title: None,
        content_type: "text/markdown".to_owned(),
        s3_key: Some(s3_key.to_owned()),
        size_bytes: None,
        body: None,
        word_count: None,
        created_at: DateTime::now(),
    };
    let collection = world
        .content
        .services()
        .documents
        .platform_collection::<ActivityOutput>();
    if let Err(error) = collection.insert_one(document).await {
        panic!("cannot write the document: {error}");
    }
    let rows = query_all(
        &world.db.owner,
        "SELECT a.ref_id, a.id FROM activities a JOIN tenants t ON t.id = a.tenant_id
         WHERE t.slug = 'acme' ORDER BY a.ref_id LIMIT 1",
        [],
    )
    .await;
    let activity: String = get(&rows[0], "ref_id");
    let row_id: uuid::Uuid = get(&rows[0], "id");
    if let Err(error) = leadmetrics_tests::exec_with(
        &world.db.owner,
        "UPDATE activities SET output_ref = $1 WHERE id = $2",
        [id.to_hex().into(), row_id.into()],
    )
    .await
    {
        panic!("cannot point the activity at its output: {error}");
    }
    let body = call(
        &world.content,
        admin,
        "query($r: [_Any!]!) { _entities(representations: $r) { ... on Activity { output { url } } } }",
        json!({ "r": [{ "__typename": "Activity", "id": activity }] }),
    )
    .await;
    body["data"]["_entities"][0]["output"]["url"].clone()
}

#[tokio::test]
async fn presign_a_stored_key_cannot_step_out_of_the_bucket_or_to_another_host() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let bucket_base = "http://127.0.0.1:9000/leadmetrics-test/";
    let mut escaped = Vec::new();
    for key in [
        "../other-bucket/secret.md",
        "outputs/../../other-bucket/secret.md",
        "//evil.example/steal.md",
    ] {
        let url = signed_url_of_key(&world, &admin, key).await;
        if !(url.is_null() || url.as_str().is_some_and(|url| url.starts_with(bucket_base))) {
            escaped.push(format!("{key:?} -> {url}"));
        }
    }
    assert!(
        escaped.is_empty(),
        "keys signed outside the bucket: {escaped:#?}"
    );
}

#[tokio::test]
async fn presign_a_key_under_another_tenants_prefix_is_not_signed() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let globex = leadmetrics_tests::world::tenant_uuid(&world.db, "globex").await;
    let url = signed_url_of_key(&world, &admin, &format!("{globex}/outputs/report.md")).await;
    assert!(
        url.is_null(),
        "acme got a URL of an object under globex's prefix: {url}"
    );
}

#[tokio::test]
async fn presign_urls_expire_within_the_configured_ttl() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let acme = leadmetrics_tests::world::tenant_uuid(&world.db, "acme").await;
    let url = signed_url_of_key(&world, &admin, &format!("{acme}/outputs/ttl.md")).await;
    let url = url.as_str().unwrap_or_default().to_owned();
    let expires = url
        .split(['?', '&'])
        .find_map(|part| part.strip_prefix("X-Amz-Expires="))
        .and_then(|seconds| seconds.parse::<u64>().ok());
    assert!(
        expires.is_some_and(|seconds| seconds > 0 && seconds <= 3600),
        "{url}"
    );
    assert!(!url.contains("test-secret-key"), "{url}");
}

// ---------------------------------------------------------------------------------------------
// The document store stopped.
// ---------------------------------------------------------------------------------------------

/// The demo with a content server on a document store of the test's own.
async fn with_own_store(
    store: &leadmetrics_tests::documents::OwnDocumentStore,
    overrides: &[(&str, &str)],
) -> (leadmetrics_tests::TestDatabase, TestServer, TestServer) {
    let db = leadmetrics_tests::TestDatabase::new().await;
    leadmetrics_tests::server::seed_demo(&db).await;
    let tenant = TestServer::start(&db).await;
    let mut settings = vec![("MONGODB_URL", store.url.as_str())];
    settings.extend_from_slice(overrides);
    let content = TestServer::start_subgraph(&db, "content", &settings).await;
    (db, tenant, content)
}

#[tokio::test]
async fn outage_readyz_answers_within_a_probes_one_second_timeout_while_the_store_is_down() {
    let mut store = leadmetrics_tests::documents::OwnDocumentStore::start();
    // The default MONGODB_TIMEOUT_MS (2 s).
    let (_db, _tenant, content) = with_own_store(&store, &[]).await;
    let (status, _, _) = content.get("/readyz", &[]).await;
    assert_eq!(status, 200);
    store.stop();
    let mut slowest = Duration::ZERO;
    for _ in 0..6 {
        let started = Instant::now();
        let (status, _, text) = content.get("/readyz", &[]).await;
        slowest = slowest.max(started.elapsed());
        assert_eq!(status, 200, "{text}");
        tokio::time::sleep(Duration::from_millis(400)).await;
    }
    assert!(
        slowest < Duration::from_secs(1),
        "a readiness probe with the usual 1 s timeout fails while PostgreSQL is up: slowest /readyz took {slowest:?}"
    );
}

#[tokio::test]
async fn outage_a_flood_of_mutations_is_answered_promptly_and_the_lost_entries_are_counted() {
    let mut store = leadmetrics_tests::documents::OwnDocumentStore::start();
    let (_db, tenant, content) = with_own_store(&store, &[("AUDIT_LOG_QUEUE", "5")]).await;
    let token = tenant
        .login("admin@acme.test", leadmetrics_tests::server::DEMO_PASSWORD)
        .await;
    let admin = leadmetrics_tests::api::bearer_headers(&token);
    store.stop();
    let mut slowest = Duration::ZERO;
    for n in 0..40 {
        let started = Instant::now();
        let body = call(
            &content,
            &admin,
            "mutation($input: ConnectChannelInput!) { connectChannel(input: $input) { id } }",
            json!({ "input": { "platform": "WORDPRESS", "name": "Blog",
                               "externalId": format!("flood-{n}"), "accessToken": "t" } }),
        )
        .await;
        slowest = slowest.max(started.elapsed());
        assert!(body.get("errors").is_none(), "{body}");
    }
    assert!(
        slowest < Duration::from_secs(2),
        "slowest mutation {slowest:?}"
    );
    let audit = content.services().audit.stats();
    assert!(audit.dropped() >= 30, "dropped {}", audit.dropped());
    let (_, _, metrics) = content.get("/metrics", &[]).await;
    assert!(metrics.contains("audit_log_dropped_total"), "{metrics}");
}
