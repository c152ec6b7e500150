//! Cross-tenant isolation of integrations, backlinks and the knowledge base through the content
//! subgraph: tenant A (acme), as its admin, a member and a read-write API key, armed with every
//! id of tenant B (globex) — an integration, a backlink and its deliverable and activity, a
//! dataset, a file, a crawl job — sees none of B's records through any list (B's ids as filters
//! and cursors), by-id field or `_entities`, and changes nothing of B's through any mutation
//! (B's rows are snapshotted); every refused id gets exactly the answer an id that exists
//! nowhere gets.

use leadmetrics_tests::api::{Headers, UNKNOWN_ID, call, data, ok};
use leadmetrics_tests::content::{ContentWorld, start_content};
use leadmetrics_tests::world::{snapshot, tenant_uuid};
use leadmetrics_tests::{get, query_one};
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// B's ids.
struct TenantB {
    integration: String,
    backlink: String,
    deliverable: String,
    activity: String,
    dataset: String,
    file: String,
    crawl: String,
}

impl TenantB {
    fn all(&self) -> BTreeSet<String> {
        [
            &self.integration,
            &self.backlink,
            &self.deliverable,
            &self.activity,
            &self.dataset,
            &self.file,
            &self.crawl,
        ]
        .into_iter()
        .cloned()
        .collect()
    }
}

async fn first_ref(world: &ContentWorld, table: &str, slug: &str) -> String {
    let row = query_one(
        &world.db.owner,
        &format!(
            "SELECT x.ref_id FROM {table} x JOIN tenants t ON t.id = x.tenant_id
             WHERE t.slug = $1 ORDER BY x.ref_id LIMIT 1"
        ),
        [slug.into()],
    )
    .await;
    get(&row, "ref_id")
}

async fn made(
    world: &ContentWorld,
    who: &Headers,
    query: &str,
    variables: Value,
    at: &str,
) -> String {
    let body = call(&world.content, who, query, variables).await;
    ok(&body);
    data(&body, at).as_str().unwrap_or_default().to_owned()
}

/// Accepts globex's contract and gives it one record of every kind.
async fn prepare_b(world: &ContentWorld) -> TenantB {
    let admin = world.user("admin@globex.test").await;
    let contract = call(&world.tenant, &admin, "{ contract { status } }", json!({})).await;
    if data(&contract, "/data/contract/status") == "PENDING_ACCEPTANCE" {
        ok(&call(
            &world.tenant,
            &admin,
            "mutation { acceptContract { status } }",
            json!({}),
        )
        .await);
    }
    let deliverable = first_ref(world, "deliverables", "globex").await;
    let activity = first_ref(world, "activities", "globex").await;
    let integration = made(
        world,
        &admin,
        "mutation { setIntegration(input: { integrationType: AHREFS, name: \"B\", apiKey: \"b-key-1\" }) { id } }",
        json!({}),
        "/data/setIntegration/id",
    )
    .await;
    let backlink = made(
        world,
        &admin,
        "mutation($d: ID!, $a: ID!) { createBacklink(input: { targetUrl: \"https://b.test/x\",
           deliverableId: $d, activityId: $a }) { id } }",
        json!({ "d": deliverable, "a": activity }),
        "/data/createBacklink/id",
    )
    .await;
    let dataset = made(
        world,
        &admin,
        "mutation { createRagDataset(input: { name: \"b_docs\", embeddingProvider: \"openai\",
           embeddingModel: \"m\", vectorSize: 8 }) { id } }",
        json!({}),
        "/data/createRagDataset/id",
    )
    .await;
    let file = made(
        world,
        &admin,
        "mutation($d: ID!) { addRagFile(input: { datasetId: $d, fileName: \"b.pdf\" }) { id } }",
        json!({ "d": dataset }),
        "/data/addRagFile/id",
    )
    .await;
    let crawl = made(
        world,
        &admin,
        "mutation($d: ID!) { createRagCrawlJob(input: { datasetId: $d, startUrl: \"https://b.test\" }) { id } }",
        json!({ "d": dataset }),
        "/data/createRagCrawlJob/id",
    )
    .await;
    TenantB {
        integration,
        backlink,
        deliverable,
        activity,
        dataset,
        file,
        crawl,
    }
}

/// Every 26-character string in a response.
fn ids_in(value: &Value, found: &mut BTreeSet<String>) {
    match value {
        Value::String(text) if text.len() == 26 => {
            found.insert(text.clone());
        }
        Value::Array(items) => items.iter().for_each(|item| ids_in(item, found)),
        Value::Object(fields) => fields.values().for_each(|item| ids_in(item, found)),
        _ => {}
    }
}

#[track_caller]
fn reveals_nothing(body: &Value, b: &TenantB, what: &str) {
    let mut found = BTreeSet::new();
    ids_in(body, &mut found);
    let known = b.all();
    let leaked: Vec<&String> = found.intersection(&known).collect();
    assert!(leaked.is_empty(), "{what} leaked {leaked:?}: {body}");
}

const READS: [(&str, &str); 8] = [
    ("{ integration(id: \"$ID\") { id name } }", "integration"),
    (
        "{ backlink(id: \"$ID\") { id activity { id } deliverable { id } } }",
        "backlink",
    ),
    (
        "{ ragDataset(id: \"$ID\") { id files { nodes { id } } crawlJobs { id } } }",
        "dataset",
    ),
    (
        "{ ragFile(id: \"$ID\") { id dataset { id } effectiveChunkSize } }",
        "file",
    ),
    (
        "{ ragCrawlJob(id: \"$ID\") { id dataset { id } } }",
        "crawl",
    ),
    (
        "{ ragFiles(datasetId: \"$ID\", first: 100) { nodes { id } } }",
        "dataset",
    ),
    (
        "{ ragCrawlJobs(datasetId: \"$ID\", first: 100) { nodes { id } } }",
        "dataset",
    ),
    (
        "{ backlinks(filter: { deliverableId: \"$ID\" }, first: 100) { nodes { id } } }",
        "deliverable",
    ),
];

const WRITES: [(&str, &str); 17] = [
    (
        "mutation { updateIntegration(id: \"$ID\", input: { name: \"x\" }) { id } }",
        "integration",
    ),
    (
        "mutation { recordIntegrationCheck(id: \"$ID\", input: { status: ERROR }) { id } }",
        "integration",
    ),
    ("mutation { deleteIntegration(id: \"$ID\") }", "integration"),
    (
        "mutation { updateBacklink(id: \"$ID\", input: { notes: \"x\" }) { id } }",
        "backlink",
    ),
    (
        "mutation { moveBacklinkOutreach(id: \"$ID\", status: OUTREACH_SENT) { id } }",
        "backlink",
    ),
    (
        "mutation { recordBacklinkCheck(id: \"$ID\", input: { isLive: true, isIndexed: true }) { id } }",
        "backlink",
    ),
    ("mutation { deleteBacklink(id: \"$ID\") }", "backlink"),
    (
        "mutation { createBacklink(input: { targetUrl: \"https://a.test\", deliverableId: \"$ID\" }) { id } }",
        "deliverable",
    ),
    (
        "mutation { createBacklink(input: { targetUrl: \"https://a.test\", activityId: \"$ID\" }) { id } }",
        "activity",
    ),
    (
        "mutation { updateRagDataset(id: \"$ID\", input: { vectorSize: 1 }) { id } }",
        "dataset",
    ),
    ("mutation { deleteRagDataset(id: \"$ID\") }", "dataset"),
    (
        "mutation { addRagFile(input: { datasetId: \"$ID\", fileName: \"x\" }) { id } }",
        "dataset",
    ),
    (
        "mutation { recordRagFileProgress(id: \"$ID\", input: { status: INDEXED, chunksCount: 5 }) { id } }",
        "file",
    ),
    (
        "mutation { setRagFileEnabled(id: \"$ID\", enabled: false) { id } }",
        "file",
    ),
    ("mutation { deleteRagFile(id: \"$ID\") }", "file"),
    (
        "mutation { createRagCrawlJob(input: { datasetId: \"$ID\", startUrl: \"https://a.test\" }) { id } }",
        "dataset",
    ),
    (
        "mutation { recordRagCrawlProgress(id: \"$ID\", input: { status: RUNNING }) { id } }",
        "crawl",
    ),
];

fn b_id<'a>(b: &'a TenantB, kind: &str) -> &'a str {
    match kind {
        "integration" => &b.integration,
        "backlink" => &b.backlink,
        "deliverable" => &b.deliverable,
        "activity" => &b.activity,
        "dataset" => &b.dataset,
        "file" => &b.file,
        _ => &b.crawl,
    }
}

#[tokio::test]
async fn tenant_a_sees_and_changes_none_of_tenant_bs_integrations_backlinks_or_knowledge() {
    let world = start_content().await;
    let b = prepare_b(&world).await;
    let b_uuid = tenant_uuid(&world.db, "globex").await;
    let before = snapshot(&world.db, b_uuid, &[]).await;
    let admin = world.user("admin@acme.test").await;
    let member = world.user("member@acme.test").await;
    let key = world.api_key("admin@acme.test", &["READ", "WRITE"]).await;
    // A has records of its own, so lists are not trivially empty.
    ok(&call(
        &world.content,
        &admin,
        "mutation { setIntegration(input: { integrationType: AHREFS, name: \"A\", apiKey: \"a-key-1\" }) { id } }",
        json!({}),
    )
    .await);
    ok(&call(
        &world.content,
        &admin,
        "mutation { createBacklink(input: { targetUrl: \"https://a.test/\" }) { id } }",
        json!({}),
    )
    .await);

    for who in [&admin, &member, &key] {
        // Lists, unfiltered and with B's ids as cursors.
        for list in [
            "query($after: String) { integrations(first: 100, after: $after) { nodes { id } } }",
            "query($after: String) { backlinks(first: 100, after: $after) { nodes { id activity { id } deliverable { id } } } }",
            "query($after: String) { ragDatasets(first: 100, after: $after) { nodes { id files { nodes { id } } crawlJobs { id } } } }",
        ] {
            for after in [
                Value::Null,
                json!(b.backlink),
                json!(b.dataset),
                json!(b.integration),
            ] {
                let body = call(&world.content, who, list, json!({ "after": after })).await;
                reveals_nothing(&body, &b, list);
            }
        }
        let body = call(
            &world.content,
            who,
            "query($a: ID!) { backlinks(filter: { activityId: $a }, first: 100) { nodes { id } } }",
            json!({ "a": b.activity }),
        )
        .await;
        reveals_nothing(&body, &b, "backlinks by B's activity");
        // By id, and every list keyed by B's ids.
        for (query, kind) in READS {
            let id = b_id(&b, kind);
            let with_b = call(&world.content, who, &query.replace("$ID", id), json!({})).await;
            let with_unknown = call(
                &world.content,
                who,
                &query.replace("$ID", UNKNOWN_ID),
                json!({}),
            )
            .await;
            reveals_nothing(&with_b, &b, query);
            assert_eq!(
                with_b.to_string().replace(id, "<id>"),
                with_unknown.to_string().replace(UNKNOWN_ID, "<id>"),
                "{query}: B's id is answered differently from an unknown one"
            );
        }
        // `_entities`.
        let representations: Vec<Value> = [
            ("Integration", &b.integration),
            ("Backlink", &b.backlink),
            ("RagDataset", &b.dataset),
            ("RagFile", &b.file),
            ("RagCrawlJob", &b.crawl),
        ]
        .into_iter()
        .map(|(typename, id)| json!({ "__typename": typename, "id": id }))
        .collect();
        let body = call(
            &world.content,
            who,
            "query($r: [_Any!]!) { _entities(representations: $r) {
               ... on Integration { id } ... on Backlink { id } ... on RagDataset { id }
               ... on RagFile { id } ... on RagCrawlJob { id } } }",
            json!({ "r": representations }),
        )
        .await;
        reveals_nothing(&body, &b, "_entities");
        // Mutations.
        for (mutation, kind) in WRITES {
            let id = b_id(&b, kind);
            let with_b = call(&world.content, who, &mutation.replace("$ID", id), json!({})).await;
            let with_unknown = call(
                &world.content,
                who,
                &mutation.replace("$ID", UNKNOWN_ID),
                json!({}),
            )
            .await;
            reveals_nothing(&with_b, &b, mutation);
            assert!(
                with_b.get("errors").is_some(),
                "{mutation} succeeded: {with_b}"
            );
            assert_eq!(
                with_b.to_string().replace(id, "<id>"),
                with_unknown.to_string().replace(UNKNOWN_ID, "<id>"),
                "{mutation}: B's id is answered differently from an unknown one"
            );
        }
    }
    assert_eq!(
        snapshot(&world.db, b_uuid, &[]).await,
        before,
        "tenant A changed tenant B's records"
    );
}
