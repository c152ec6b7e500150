//! The server end to end: spawned on a port, called over HTTP.

use leadmetrics_tests::TestDatabase;
use leadmetrics_tests::server::{DEMO_PASSWORD, TestServer, seed_demo};
use serde_json::json;

#[tokio::test]
async fn a_demo_admin_logs_in_and_reads_who_they_are() {
    let db = TestDatabase::new().await;
    seed_demo(&db).await;
    let server = TestServer::start(&db).await;

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
    let db = TestDatabase::new().await;
    seed_demo(&db).await;
    let server = TestServer::start(&db).await;
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
