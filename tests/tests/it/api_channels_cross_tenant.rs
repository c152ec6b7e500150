//! Cross-tenant isolation of channels: tenant A (acme) — its admin, its member and a read-write
//! API key — armed with every channel and score id of tenant B (globex) sees nothing of B's
//! channels and changes nothing of them, through the list (B's ids as cursors), the by-id
//! field, `_entities` and every mutation; a refused id gets exactly the answer an id that exists
//! nowhere gets.

use leadmetrics_tests::api::{Headers, UNKNOWN_ID, call, data, ids};
use leadmetrics_tests::content::{ContentWorld, start_content};
use leadmetrics_tests::server::error_code;
use leadmetrics_tests::world::table_rows;
use serde_json::{Value, json};

const TABLES: [&str; 2] = ["channels", "channel_scores"];

/// One tenant with two channels (one scored).
struct Tenant {
    admin: Headers,
    channels: Vec<String>,
}

async fn prepare(world: &ContentWorld, slug: &str) -> Tenant {
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
    let mut channels = Vec::new();
    for (platform, external) in [("LINKEDIN", "shared-page"), ("WORDPRESS", "blog")] {
        let body = call(
            &world.content,
            &admin,
            "mutation($input: ConnectChannelInput!) { connectChannel(input: $input) { id } }",
            json!({ "input": { "platform": platform, "name": format!("{slug} {platform}"),
                               "externalId": external, "accessToken": format!("{slug}-token") } }),
        )
        .await;
        channels.push(
            data(&body, "/data/connectChannel/id")
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        );
    }
    let scored = call(
        &world.content,
        &admin,
        "mutation($input: RecordChannelScoreInput!) { recordChannelScore(input: $input) { id } }",
        json!({ "input": { "channelId": channels[0], "score": 50, "period": "2026-10" } }),
    )
    .await;
    assert!(scored.get("errors").is_none(), "{scored}");
    Tenant { admin, channels }
}

/// The mutations a caller could aim at a channel id.
fn mutations(id: &str) -> Vec<(&'static str, Value)> {
    vec![
        (
            "mutation($id: ID!) { updateChannel(id: $id, input: { name: \"mine\" }) { id } }",
            json!({ "id": id }),
        ),
        (
            "mutation($id: ID!) { disconnectChannel(id: $id) { id } }",
            json!({ "id": id }),
        ),
        (
            "mutation($id: ID!) { deleteChannel(id: $id) }",
            json!({ "id": id }),
        ),
        (
            "mutation($id: ID!) { recordChannelScore(input: { channelId: $id, score: 1, period: \"2026-11\" }) { id } }",
            json!({ "id": id }),
        ),
    ]
}

/// The errors of a response without their locations (compared across ids).
fn errors(body: &Value) -> Value {
    let mut errors = body["errors"].clone();
    if let Some(list) = errors.as_array_mut() {
        for error in list {
            if let Some(object) = error.as_object_mut() {
                object.remove("locations");
            }
        }
    }
    errors
}

#[tokio::test]
async fn tenant_a_sees_and_changes_nothing_of_tenant_bs_channels() {
    let world = start_content().await;
    let b = prepare(&world, "globex").await;
    let a = prepare(&world, "acme").await;
    let member = world.user("member@acme.test").await;
    let key = world.api_key("admin@acme.test", &["READ", "WRITE"]).await;
    let before = table_rows(&world.db, &TABLES, &[]).await;

    for (who, headers) in [("admin", &a.admin), ("member", &member), ("key", &key)] {
        for foreign in &b.channels {
            let one = call(
                &world.content,
                headers,
                "query($id: ID!) { channel(id: $id) { id } }",
                json!({ "id": foreign }),
            )
            .await;
            assert_eq!(one, json!({ "data": { "channel": null } }), "{who}");
            let entity = call(
                &world.content,
                headers,
                "query($r: [_Any!]!) { _entities(representations: $r) { ... on Channel { id } } }",
                json!({ "r": [{ "__typename": "Channel", "id": foreign }] }),
            )
            .await;
            assert_eq!(entity, json!({ "data": { "_entities": [null] } }), "{who}");
            for cursor in ["after", "before"] {
                let query = format!(
                    "query($c: String) {{ channels(first: 100, {cursor}: $c) {{ nodes {{ id }} }} }}"
                );
                let page = call(&world.content, headers, &query, json!({ "c": foreign })).await;
                let seen = ids(data(&page, "/data/channels/nodes"));
                assert!(
                    seen.iter().all(|id| a.channels.contains(id)),
                    "{who} {cursor}: {seen:?}"
                );
            }
            for (mutation, variables) in mutations(foreign) {
                let refused = call(&world.content, headers, mutation, variables).await;
                let unknown = call(
                    &world.content,
                    headers,
                    mutation,
                    mutations(UNKNOWN_ID)
                        .into_iter()
                        .find(|(m, _)| *m == mutation)
                        .map(|(_, v)| v)
                        .unwrap_or_default(),
                )
                .await;
                assert!(
                    error_code(&refused).is_some(),
                    "{who}: {mutation}: {refused}"
                );
                assert_eq!(errors(&refused), errors(&unknown), "{who}: {mutation}");
            }
        }
        let all = call(
            &world.content,
            headers,
            "{ channels(first: 100) { nodes { id } } }",
            json!({}),
        )
        .await;
        let seen = ids(data(&all, "/data/channels/nodes"));
        assert_eq!(seen, a.channels, "{who} sees exactly A's channels");
    }
    // Every mutation above aimed at B's ids or at unknown ones: nothing changed anywhere.
    let after = table_rows(&world.db, &TABLES, &[]).await;
    assert_eq!(before, after, "nothing changed");
}
