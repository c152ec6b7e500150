//! Cross-tenant isolation of notifications, end to end: tenant A (acme), armed with every id of
//! tenant B (globex) — its users' and broadcast notifications, its provider, its dispatch
//! attempts, as ids and as cursors — sees nothing of B and changes nothing of B, through every
//! notification query, mutation and `_entities` look-up, as an admin and as a member.

use leadmetrics_tests::api::{Caller, assert_code, data, fresh_id, ids, ok, string_at};
use leadmetrics_tests::server::TestServer;
use leadmetrics_tests::world::{World, snapshot, tenant_uuid, world};
use leadmetrics_tests::{TestDatabase, exec_with};
use serde_json::{Value, json};

const NOTIFICATIONS: &str =
    "query($after: String) { notifications(first: 100, after: $after) { nodes { id } } }";
const UNREAD: &str = "{ unreadNotificationCount }";
const MARK_READ: &str = "mutation($id: ID!) { markNotificationRead(id: $id) { id } }";
const MARK_ALL: &str = "mutation { markAllNotificationsRead }";
const ENTITIES: &str =
    "query($r: [_Any!]!) { _entities(representations: $r) { ... on Notification { id message } } }";
const PROVIDERS: &str = "{ notificationProviders { id channel } }";
const PROVIDER: &str = "query($id: ID!) { notificationProvider(id: $id) { id } }";
const SET_PROVIDER: &str = "mutation($input: SetNotificationProviderInput!) { setNotificationProvider(input: $input) { id channel provider } }";
const SET_ACTIVE: &str = "mutation($id: ID!, $active: Boolean!) { setNotificationProviderActive(id: $id, active: $active) { id } }";
const DELETE_PROVIDER: &str = "mutation($id: ID!) { deleteNotificationProvider(id: $id) }";
const DISPATCH_LOG: &str = "query($after: String, $job: String) { notificationDispatchLog(first: 100, after: $after, filter: { notificationJobId: $job }) { nodes { id } } }";

/// One demo tenant with its contract accepted and a record of every notification kind.
struct Tenant {
    slug: String,
    /// The admin's, the member's, and a broadcast notification.
    notifications: Vec<String>,
    /// Its email provider.
    provider: String,
    /// Its dispatch attempt (job `job-<slug>`).
    dispatch: String,
}

async fn insert_notification(db: &TestDatabase, slug: &str, email: Option<String>) -> String {
    let id = fresh_id();
    let inserted = exec_with(
        &db.owner,
        "INSERT INTO notifications (ref_id, tenant_id, user_id, type, message)
         SELECT $1, t.id, (SELECT u.id FROM users u WHERE u.email = $3), 'credits_exhausted', 'for ' || $2
         FROM tenants t WHERE t.slug = $2",
        [id.clone().into(), slug.into(), email.into()],
    )
    .await;
    assert_eq!(inserted.ok(), Some(1));
    id
}

async fn prepare(db: &TestDatabase, server: &TestServer, slug: &str) -> Tenant {
    let admin = Caller::user(server, &format!("admin@{slug}.test")).await;
    let contract = admin.run("{ contract { status } }", json!({})).await;
    if data(&contract, "/data/contract/status") == "PENDING_ACCEPTANCE" {
        ok(&admin
            .run("mutation { acceptContract { id } }", json!({}))
            .await);
    }
    let mut notifications = Vec::new();
    for email in [
        Some(format!("admin@{slug}.test")),
        Some(format!("member@{slug}.test")),
        None,
    ] {
        notifications.push(insert_notification(db, slug, email).await);
    }
    let body = admin
        .run(
            SET_PROVIDER,
            json!({ "input": { "channel": "EMAIL", "provider": "SENDGRID", "config": { "apiKey": format!("key-{slug}") } } }),
        )
        .await;
    let provider = string_at(&body, "/data/setNotificationProvider/id");
    let dispatch = fresh_id();
    let inserted = exec_with(
        &db.owner,
        "INSERT INTO notification_dispatch_log (ref_id, tenant_id, notification_job_id, channel, type, status)
         SELECT $1, t.id, 'job-' || $2, 'email', 'credits_exhausted', 'sent' FROM tenants t WHERE t.slug = $2",
        [dispatch.clone().into(), slug.into()],
    )
    .await;
    assert_eq!(inserted.ok(), Some(1));
    Tenant {
        slug: slug.to_owned(),
        notifications,
        provider,
        dispatch,
    }
}

/// B's rows, every table, before and after: A's requests must leave them as they were.
async fn b_state(world: &World<Tenant>) -> Vec<String> {
    snapshot(&world.db, tenant_uuid(&world.db, &world.b.slug).await, &[]).await
}

#[tokio::test]
async fn tenant_a_neither_sees_nor_changes_tenant_bs_notifications_providers_or_dispatch_log() {
    let world = world(prepare).await;
    let (a, b) = (&world.a, &world.b);
    let before = b_state(&world).await;
    for email in ["admin@acme.test", "member@acme.test"] {
        let caller = Caller::user(&world.server, email).await;

        // Lists and counts: A's own rows only.
        let body = caller.run(NOTIFICATIONS, json!({})).await;
        let listed = ids(data(&body, "/data/notifications/nodes"));
        assert!(
            listed.iter().all(|id| a.notifications.contains(id)),
            "{email}: {listed:?}"
        );
        let count = caller.run(UNREAD, json!({})).await;
        assert_eq!(
            data(&count, "/data/unreadNotificationCount").as_u64(),
            Some(listed.len() as u64)
        );

        for id in &b.notifications {
            // B's ids as cursors are not cursors of A's list.
            let body = caller.run(NOTIFICATIONS, json!({ "after": id })).await;
            assert_code(&body, "BAD_USER_INPUT");
            // B's notifications cannot be marked read...
            let body = caller.run(MARK_READ, json!({ "id": id })).await;
            assert_code(&body, "NOT_FOUND");
            assert_eq!(body["data"], Value::Null);
            // ...nor resolved as entities.
            let body = caller
                .run(
                    ENTITIES,
                    json!({ "r": [{ "__typename": "Notification", "id": id }] }),
                )
                .await;
            assert_eq!(data(&body, "/data/_entities"), &json!([null]), "{email}");
        }
        let body = caller.run(MARK_ALL, json!({})).await;
        ok(&body);
    }

    let admin = Caller::user(&world.server, "admin@acme.test").await;
    // Providers: A's own only; B's id is unknown to A.
    let body = admin.run(PROVIDERS, json!({})).await;
    assert_eq!(
        ids(data(&body, "/data/notificationProviders")),
        std::slice::from_ref(&a.provider)
    );
    let body = admin.run(PROVIDER, json!({ "id": b.provider })).await;
    assert_eq!(data(&body, "/data/notificationProvider"), &Value::Null);
    for (query, variables) in [
        (SET_ACTIVE, json!({ "id": b.provider, "active": false })),
        (DELETE_PROVIDER, json!({ "id": b.provider })),
    ] {
        let body = admin.run(query, variables).await;
        assert_code(&body, "NOT_FOUND");
    }
    // Setting A's provider of B's channel replaces A's row, never B's.
    let body = admin
        .run(
            SET_PROVIDER,
            json!({ "input": { "channel": "EMAIL", "provider": "SES", "config": { "region": "x" } } }),
        )
        .await;
    assert_eq!(
        string_at(&body, "/data/setNotificationProvider/id"),
        a.provider
    );

    // The dispatch log: A's attempts only, whatever the filter or cursor.
    let body = admin.run(DISPATCH_LOG, json!({})).await;
    assert_eq!(
        ids(data(&body, "/data/notificationDispatchLog/nodes")),
        std::slice::from_ref(&a.dispatch)
    );
    let body = admin
        .run(DISPATCH_LOG, json!({ "job": format!("job-{}", b.slug) }))
        .await;
    assert_eq!(
        data(&body, "/data/notificationDispatchLog/nodes"),
        &json!([])
    );
    let body = admin
        .run(DISPATCH_LOG, json!({ "after": b.dispatch }))
        .await;
    assert_code(&body, "BAD_USER_INPUT");

    assert_eq!(b_state(&world).await, before, "a request of A changed B");
    // B still sees all of its own.
    let b_admin = Caller::user(&world.server, "admin@globex.test").await;
    let body = b_admin.run(NOTIFICATIONS, json!({})).await;
    assert_eq!(ids(data(&body, "/data/notifications/nodes")).len(), 2);
    let body = b_admin.run(PROVIDERS, json!({})).await;
    assert_eq!(
        ids(data(&body, "/data/notificationProviders")),
        std::slice::from_ref(&b.provider)
    );
}
