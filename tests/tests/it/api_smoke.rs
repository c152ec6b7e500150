//! The server end to end: spawned on a port, called over HTTP.

use leadmetrics_tests::TestDatabase;
use leadmetrics_tests::server::{DEMO_PASSWORD, TestServer};
use leadmetrics_tests::world::start;
use serde_json::json;

#[tokio::test]
async fn a_demo_admin_logs_in_and_reads_who_they_are() {
    let (_db, server) = start().await;

    let token = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let body = server
        .gql(
            Some(&token),
            "{ me { user { email role } tenant { slug } actingAsOperator } }",
            json!({}),
        )
        .await;
    assert_eq!(
        body,
        json!({ "data": { "me": {
            "user": { "email": "admin@acme.test", "role": "ADMIN" },
            "tenant": { "slug": "acme" },
            "actingAsOperator": false
        } } })
    );
}

#[tokio::test]
async fn the_gateway_can_resolve_the_callers_own_tenant_through_entities() {
    let (_db, server) = start().await;
    let token = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let me = server
        .gql(Some(&token), "{ tenant { id } }", json!({}))
        .await;
    let tenant_id = me["data"]["tenant"]["id"].clone();

    let body = server
        .gql(
            Some(&token),
            "query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Tenant { id slug } } }",
            json!({ "representations": [{ "__typename": "Tenant", "id": tenant_id }] }),
        )
        .await;
    assert_eq!(
        body,
        json!({ "data": { "_entities": [{ "id": tenant_id, "slug": "acme" }] } })
    );
}

#[tokio::test]
async fn the_demo_seed_is_idempotent_and_gives_the_reviewer_approval_gates_to_work_on() {
    let db = TestDatabase::new().await;
    let platform = db.connect_as("app_platform").await;
    let count = || async {
        let row = leadmetrics_tests::query_one(
            &db.owner,
            "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM strategies)
                  + (SELECT count(*) FROM activities) + (SELECT count(*) FROM activity_runs)
                  + (SELECT count(*) FROM goals) + (SELECT count(*) FROM approvals)
                  + (SELECT count(*) FROM notifications)
                  + (SELECT count(*) FROM notification_dispatch_log)
                  + (SELECT count(*) FROM campaigns) + (SELECT count(*) FROM reports)
                  + (SELECT count(*) FROM email_templates)
                  + (SELECT count(*) FROM integrations) + (SELECT count(*) FROM backlinks)
                  + (SELECT count(*) FROM rag_datasets) + (SELECT count(*) FROM rag_files)
                  + (SELECT count(*) FROM rag_crawl_jobs) AS n",
            [],
        )
        .await;
        leadmetrics_tests::get::<i64>(&row, "n")
    };
    if let Err(error) = subgraphs::seed::demo(&platform).await {
        panic!("seeding failed: {error}");
    }
    let first = count().await;
    if let Err(error) = subgraphs::seed::demo(&platform).await {
        panic!("seeding again failed: {error}");
    }
    assert_eq!(count().await, first);
    // Integrations, backlinks and a knowledge base for both demo tenants.
    let seeded = leadmetrics_tests::query_one(
        &db.owner,
        "SELECT (SELECT count(DISTINCT tenant_id) FROM integrations)
              + (SELECT count(DISTINCT tenant_id) FROM backlinks)
              + (SELECT count(DISTINCT tenant_id) FROM rag_files)
              + (SELECT count(DISTINCT tenant_id) FROM rag_crawl_jobs) AS n",
        [],
    )
    .await;
    assert_eq!(leadmetrics_tests::get::<i64>(&seeded, "n"), 8);

    let server = TestServer::start(&db).await;
    let token = server.login("reviewer@acme.test", DEMO_PASSWORD).await;
    let body = server
        .gql(
            Some(&token),
            "{ humanActivityQueue { title isApprovalGate status } }",
            json!({}),
        )
        .await;
    let queue = body["data"]["humanActivityQueue"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(queue.len() >= 4, "{body}");
    assert_eq!(queue[0]["isApprovalGate"], true, "{body}");
    assert_eq!(queue[0]["status"], "AWAITING_APPROVAL", "{body}");

    // A pending approval of every type, on activities awaiting approval, two for the reviewer.
    let body = server
        .gql(
            Some(&token),
            "{ approvalQueue { nodes { type riskLevel activity { status } reviewer { email } } } }",
            json!({}),
        )
        .await;
    let nodes = body["data"]["approvalQueue"]["nodes"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut types: Vec<&str> = nodes.iter().filter_map(|n| n["type"].as_str()).collect();
    types.sort_unstable();
    assert_eq!(
        types,
        vec![
            "BRAND_DIRECTION",
            "CONTENT_DIRECTION",
            "CONTENT_REVIEW",
            "HIRE_AGENT",
            "STRATEGY_REVIEW"
        ],
        "{body}"
    );
    let risks: std::collections::BTreeSet<&str> = nodes
        .iter()
        .filter_map(|n| n["riskLevel"].as_str())
        .collect();
    assert_eq!(risks.len(), 4, "{body}");
    assert!(
        nodes
            .iter()
            .all(|n| n["activity"]["status"] == "AWAITING_APPROVAL"),
        "{body}"
    );
    let assigned = nodes
        .iter()
        .filter(|n| n["reviewer"]["email"] == "reviewer@acme.test")
        .count();
    assert_eq!(assigned, 2, "{body}");
    // The strategy review decides the seeded next strategy.
    let strategy_review = nodes
        .iter()
        .position(|n| n["type"] == "STRATEGY_REVIEW")
        .unwrap_or_default();
    let body = server
        .gql(
            Some(&token),
            "{ approvalQueue { nodes { id type } } }",
            json!({}),
        )
        .await;
    let id = body["data"]["approvalQueue"]["nodes"][strategy_review]["id"].clone();
    let body = server
        .gql(
            Some(&token),
            "mutation($id: ID!) { approveApproval(id: $id) { status } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(
        body["data"]["approveApproval"]["status"], "APPROVED",
        "{body}"
    );
}

/// The content tables every demo tenant has rows in after `seed --demo`.
const CONTENT_TABLES: [&str; 14] = [
    "channels",
    "channel_scores",
    "campaigns",
    "blog_requests",
    "blog_posts",
    "social_media_requests",
    "social_posts",
    "reports",
    "email_templates",
    "integrations",
    "backlinks",
    "rag_datasets",
    "rag_files",
    "rag_crawl_jobs",
];

#[tokio::test]
async fn the_demo_and_scale_seeds_cover_the_content_tables_and_the_document_store_idempotently() {
    let db = TestDatabase::new().await;
    let platform = db.connect_as("app_platform").await;
    if let Err(error) = subgraphs::seed::demo(&platform).await {
        panic!("seeding failed: {error}");
    }
    if let Err(error) = subgraphs::seed::scale(&platform, 2).await {
        panic!("seeding the scale tenants failed: {error}");
    }
    let content = TestServer::start_subgraph(&db, "content", &[]).await;
    let services = content.services();
    let first = match subgraphs::seed::documents::seed(
        &platform,
        &services.documents,
        &services.key_ring,
        "%",
    )
    .await
    {
        Ok(seeded) => seeded,
        Err(error) => panic!("seeding the documents failed: {error}"),
    };
    assert!(first.bodies > 0 && first.channel_tokens > 0, "{first:?}");
    let again = match subgraphs::seed::documents::seed(
        &platform,
        &services.documents,
        &services.key_ring,
        "%",
    )
    .await
    {
        Ok(seeded) => seeded,
        Err(error) => panic!("seeding the documents again failed: {error}"),
    };
    assert_eq!((again.bodies, again.channel_tokens), (0, 0), "idempotent");
    assert!(first.contracts > 0 && first.context_files > 0, "{first:?}");
    assert_eq!((again.contracts, again.context_files), (0, 0), "idempotent");
    // The life cycle: a registration in progress, globex's onboarding run awaiting review.
    let registrations = leadmetrics_tests::query_one(
        &db.owner,
        "SELECT count(*) AS n FROM registration_sessions WHERE current_step = 2 AND expires_at > now()",
        [],
    )
    .await;
    assert_eq!(leadmetrics_tests::get::<i64>(&registrations, "n"), 1);

    // Email templates are global (tenant_id null) plus acme's override of one.
    let globals = leadmetrics_tests::query_one(
        &db.owner,
        "SELECT count(*) AS n FROM email_templates WHERE tenant_id IS NULL",
        [],
    )
    .await;
    assert!(
        leadmetrics_tests::get::<i64>(&globals, "n") > 0,
        "no global email templates"
    );
    for slug in ["acme", "globex", "scale-000001"] {
        for table in CONTENT_TABLES {
            if table == "email_templates" && slug != "acme" {
                continue;
            }
            let row = leadmetrics_tests::query_one(
                &db.owner,
                &format!(
                    "SELECT count(*) AS n FROM {table} x JOIN tenants t ON t.id = x.tenant_id WHERE t.slug = $1"
                ),
                [slug.into()],
            )
            .await;
            let rows: i64 = leadmetrics_tests::get(&row, "n");
            assert!(rows > 0, "{slug} has no {table}");
        }
    }

    // Through the API: the demo channels hold (encrypted) tokens, an activity's output is served
    // from the document store.
    let tenant = TestServer::start(&db).await;
    let token = tenant.login("admin@acme.test", DEMO_PASSWORD).await;
    let body = content
        .gql(
            Some(&token),
            "{ channels(first: 10) { nodes { hasAccessToken } } }",
            json!({}),
        )
        .await;
    let nodes = body["data"]["channels"]["nodes"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        !nodes.is_empty() && nodes.iter().all(|node| node["hasAccessToken"] == true),
        "{body}"
    );
    let globex = tenant.login("admin@globex.test", DEMO_PASSWORD).await;
    let body = tenant
        .gql(Some(&globex), "{ contract { text pdfBase64 } }", json!({}))
        .await;
    assert!(body["data"]["contract"]["text"].is_string(), "{body}");
    assert!(body["data"]["contract"]["pdfBase64"].is_string(), "{body}");
    tenant
        .gql(
            Some(&globex),
            "mutation { acceptContract { id } }",
            json!({}),
        )
        .await;
    let body = tenant
        .gql(
            Some(&globex),
            "{ onboardingRuns(status: REVIEW) { nodes { contextFile { content } } } }",
            json!({}),
        )
        .await;
    assert!(
        body["data"]["onboardingRuns"]["nodes"][0]["contextFile"]["content"].is_string(),
        "{body}"
    );
    let row = leadmetrics_tests::query_one(
        &db.owner,
        "SELECT a.ref_id FROM activities a JOIN tenants t ON t.id = a.tenant_id
         WHERE t.slug = 'acme' AND a.output_ref IS NOT NULL LIMIT 1",
        [],
    )
    .await;
    let activity: String = leadmetrics_tests::get(&row, "ref_id");
    let body = content
        .gql(
            Some(&token),
            "query($r: [_Any!]!) { _entities(representations: $r) { ... on Activity { output { inlineBody } } } }",
            json!({ "r": [{ "__typename": "Activity", "id": activity }] }),
        )
        .await;
    assert!(
        body["data"]["_entities"][0]["output"]["inlineBody"].is_string(),
        "{body}"
    );
}
