//! Notifications of the tenant subgraph end to end, over real HTTP against the demo seed: the
//! signed-in user's notifications (broadcasts for admins only), the unread count, marking read,
//! the admins' broadcast and its change event; the tenant's providers, whose configuration is a
//! write-only secret encrypted at rest; the read-only dispatch log. Every refusal (roles, API
//! keys, bad input, contract not accepted, suspended tenant) is followed by a read-back proving
//! it changed nothing. Rows the API cannot insert (notifications for a user, dispatch attempts)
//! are inserted with SQL, as the notification service would.

use graph_core::crypto::KeyRing;
use leadmetrics_tests::api::{
    Caller, UNKNOWN_ID, assert_code, assert_refused_unchanged, data, fresh_id, ids, ok, string_at,
};
use leadmetrics_tests::child::ChildServer;
use leadmetrics_tests::server::{DEMO_PASSWORD, set_tenant_status};
use leadmetrics_tests::world::{count, start, table_rows, tenant_uuid};
use leadmetrics_tests::{TestDatabase, exec, exec_with, get, query_one};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

const NOTIFICATIONS: &str = "query($unread: Boolean, $first: Int, $after: String) {
  notifications(filter: { unreadOnly: $unread }, first: $first, after: $after) {
    pageInfo { hasPreviousPage hasNextPage startCursor endCursor }
    edges { cursor node { id } }
    nodes { id type channel message subjectId subjectType read readAt createdOn isBroadcast } } }";

const UNREAD: &str = "{ unreadNotificationCount }";

const MARK_READ: &str = "mutation($id: ID!) { markNotificationRead(id: $id) { id read readAt } }";

const MARK_ALL: &str = "mutation { markAllNotificationsRead }";

const BROADCAST: &str = "mutation($message: String!) { broadcastNotification(input: { message: $message }) { id type message isBroadcast read } }";

const ENTITIES: &str =
    "query($r: [_Any!]!) { _entities(representations: $r) { ... on Notification { id message } } }";

const PROVIDER_FIELDS: &str =
    "id channel provider hasConfig isActive verifiedAt lastError createdOn updatedOn";

fn set_provider() -> String {
    format!(
        "mutation($input: SetNotificationProviderInput!) {{ setNotificationProvider(input: $input) {{ {PROVIDER_FIELDS} }} }}"
    )
}

fn providers() -> String {
    format!("{{ notificationProviders {{ {PROVIDER_FIELDS} }} }}")
}

fn provider() -> String {
    format!("query($id: ID!) {{ notificationProvider(id: $id) {{ {PROVIDER_FIELDS} }} }}")
}

const SET_ACTIVE: &str = "mutation($id: ID!, $active: Boolean!) { setNotificationProviderActive(id: $id, active: $active) { id isActive } }";

const DELETE_PROVIDER: &str = "mutation($id: ID!) { deleteNotificationProvider(id: $id) }";

const DISPATCH_LOG: &str = "query($filter: NotificationDispatchFilter, $first: Int, $after: String) {
  notificationDispatchLog(filter: $filter, first: $first, after: $after) {
    pageInfo { hasPreviousPage hasNextPage endCursor }
    nodes { id notificationJobId channel type recipientsCount provider status providerResponse error durationMs attempt createdOn } } }";

/// The notification tables, for read-backs.
const TABLES: &[&str] = &[
    "notifications",
    "notification_providers",
    "notification_dispatch_log",
];

/// The test servers' key ring (`ENCRYPTION_KEYS` of `leadmetrics_tests::server::test_config`).
const TEST_KEY_RING: &str = "test1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

/// Inserts a notification of tenant `slug` for the user `email` (None: a broadcast to admins),
/// created `minutes_ago`; returns its public id.
async fn notification(
    db: &TestDatabase,
    slug: &str,
    email: Option<&str>,
    message: &str,
    minutes_ago: i32,
) -> String {
    let id = fresh_id();
    let inserted = exec_with(
        &db.owner,
        "INSERT INTO notifications (ref_id, tenant_id, user_id, type, message, subject_ref_id, subject_type, created_on)
         SELECT $1, t.id, (SELECT u.id FROM users u WHERE u.email = $3), 'approval_required', $4,
                $1, 'approval', now() - make_interval(mins => $5)
         FROM tenants t WHERE t.slug = $2",
        [
            id.clone().into(),
            slug.into(),
            email.map(str::to_owned).into(),
            message.into(),
            minutes_ago.into(),
        ],
    )
    .await;
    assert_eq!(inserted.ok(), Some(1), "inserting a notification");
    id
}

/// Inserts a dispatch attempt of tenant `slug`, created `minutes_ago`; returns its public id.
async fn dispatch(
    db: &TestDatabase,
    slug: &str,
    job: &str,
    channel: &str,
    status: &str,
    minutes_ago: i32,
) -> String {
    let id = fresh_id();
    let inserted = exec_with(
        &db.owner,
        "INSERT INTO notification_dispatch_log (ref_id, tenant_id, notification_job_id, channel, type,
                                               recipients_count, provider, status, provider_response,
                                               error, duration_ms, attempt, created_on)
         SELECT $1, t.id, $3, $4, 'approval_required', 2, 'sendgrid', $5, '{\"messageId\": \"m-1\"}'::jsonb,
                CASE WHEN $5 = 'failed' THEN 'mailbox full' END, 120, 1, now() - make_interval(mins => $6)
         FROM tenants t WHERE t.slug = $2",
        [
            id.clone().into(),
            slug.into(),
            job.into(),
            channel.into(),
            status.into(),
            minutes_ago.into(),
        ],
    )
    .await;
    assert_eq!(inserted.ok(), Some(1), "inserting a dispatch attempt");
    id
}

/// A second admin of acme (`admin2@acme.test`, the demo password), to see that a broadcast is
/// shared by every admin.
async fn second_admin(db: &TestDatabase) {
    exec(
        &db.owner,
        "INSERT INTO users (tenant_id, email, first_name, last_name, role, status, app_access, password_hash)
         SELECT tenant_id, 'admin2@acme.test', 'Second', 'Admin', 'admin', 'active', app_access, password_hash
         FROM users WHERE email = 'admin@acme.test'",
    )
    .await;
}

/// The ids of the notifications the caller lists (`unread_only` when asked), all of them.
async fn listed(caller: &Caller<'_>, unread_only: bool) -> Vec<String> {
    let body = caller
        .run(
            NOTIFICATIONS,
            json!({ "unread": unread_only, "first": 100 }),
        )
        .await;
    ids(data(&body, "/data/notifications/nodes"))
}

async fn unread(caller: &Caller<'_>) -> i64 {
    let body = caller.run(UNREAD, json!({})).await;
    data(&body, "/data/unreadNotificationCount")
        .as_i64()
        .unwrap_or(-1)
}

// ---------------------------------------------------------------------------------------------
// Notifications
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_member_sees_their_own_notifications_newest_first_and_admins_also_see_broadcasts() {
    let (db, server) = start().await;
    let oldest = notification(&db, "acme", Some("member@acme.test"), "oldest", 30).await;
    let middle = notification(&db, "acme", Some("member@acme.test"), "middle", 20).await;
    let newest = notification(&db, "acme", Some("member@acme.test"), "newest", 10).await;
    let admins = notification(&db, "acme", Some("admin@acme.test"), "the admin's", 25).await;
    let broadcast = notification(&db, "acme", None, "to every admin", 15).await;
    let reviewers = notification(&db, "acme", Some("reviewer@acme.test"), "reviewer", 5).await;

    let member = Caller::user(&server, "member@acme.test").await;
    assert_eq!(
        listed(&member, false).await,
        [newest.clone(), middle.clone(), oldest.clone()]
    );
    let admin = Caller::user(&server, "admin@acme.test").await;
    assert_eq!(
        listed(&admin, false).await,
        [broadcast.clone(), admins.clone()]
    );
    let reviewer = Caller::user(&server, "reviewer@acme.test").await;
    assert_eq!(
        listed(&reviewer, false).await,
        std::slice::from_ref(&reviewers)
    );

    let body = admin.run(NOTIFICATIONS, json!({ "first": 1 })).await;
    let node = data(&body, "/data/notifications/nodes/0");
    assert_eq!(node["id"], json!(broadcast));
    assert_eq!(node["isBroadcast"], json!(true));
    assert_eq!(node["channel"], json!("WEB"));
    assert_eq!(node["type"], json!("approval_required"));
    assert_eq!(node["message"], json!("to every admin"));
    assert_eq!(node["subjectId"], json!(broadcast));
    assert_eq!(node["subjectType"], json!("approval"));
    assert_eq!(node["read"], json!(false));
    assert_eq!(node["readAt"], Value::Null);
    assert_eq!(
        data(&body, "/data/notifications/pageInfo/hasNextPage"),
        &json!(true)
    );

    // Pages follow the same order, cursor after cursor.
    let first = member.run(NOTIFICATIONS, json!({ "first": 2 })).await;
    assert_eq!(
        ids(data(&first, "/data/notifications/nodes")),
        [newest.clone(), middle.clone()]
    );
    let cursor = string_at(&first, "/data/notifications/pageInfo/endCursor");
    assert_eq!(cursor, middle);
    let second = member
        .run(NOTIFICATIONS, json!({ "first": 2, "after": cursor }))
        .await;
    assert_eq!(
        ids(data(&second, "/data/notifications/nodes")),
        std::slice::from_ref(&oldest)
    );
    assert_eq!(
        data(&second, "/data/notifications/pageInfo"),
        &json!({ "hasPreviousPage": true, "hasNextPage": false,
                 "startCursor": oldest, "endCursor": oldest })
    );

    assert_eq!(unread(&member).await, 3);
    assert_eq!(unread(&admin).await, 2);
    assert_eq!(unread(&reviewer).await, 1);
}

#[tokio::test]
async fn marking_a_notification_read_is_idempotent_and_unread_only_hides_it() {
    let (db, server) = start().await;
    let older = notification(&db, "acme", Some("member@acme.test"), "older", 20).await;
    let newer = notification(&db, "acme", Some("member@acme.test"), "newer", 10).await;
    let member = Caller::user(&server, "member@acme.test").await;

    let body = member.run(MARK_READ, json!({ "id": newer })).await;
    let marked = data(&body, "/data/markNotificationRead").clone();
    assert_eq!(marked["read"], json!(true));
    assert!(marked["readAt"].is_string(), "{marked}");
    let again = member.run(MARK_READ, json!({ "id": newer })).await;
    assert_eq!(data(&again, "/data/markNotificationRead"), &marked);

    assert_eq!(listed(&member, true).await, std::slice::from_ref(&older));
    assert_eq!(listed(&member, false).await, [newer.clone(), older.clone()]);
    assert_eq!(unread(&member).await, 1);

    // A cursor stays valid after its notification is marked read.
    let page = member
        .run(
            NOTIFICATIONS,
            json!({ "unread": true, "first": 10, "after": newer }),
        )
        .await;
    assert_eq!(ids(data(&page, "/data/notifications/nodes")), [older]);
}

#[tokio::test]
async fn nobody_reads_or_marks_a_notification_that_is_not_theirs() {
    let (db, server) = start().await;
    let members = notification(&db, "acme", Some("member@acme.test"), "the member's", 20).await;
    let admins = notification(&db, "acme", Some("admin@acme.test"), "the admin's", 10).await;
    let broadcast = notification(&db, "acme", None, "to admins", 5).await;
    let member = Caller::user(&server, "member@acme.test").await;
    let admin = Caller::user(&server, "admin@acme.test").await;

    for id in [&admins, &broadcast] {
        assert_refused_unchanged(
            &db,
            &member,
            TABLES,
            MARK_READ,
            json!({ "id": id }),
            "NOT_FOUND",
            None,
        )
        .await;
    }
    // Admins do not see their members' notifications either.
    assert_refused_unchanged(
        &db,
        &admin,
        TABLES,
        MARK_READ,
        json!({ "id": members }),
        "NOT_FOUND",
        None,
    )
    .await;
    assert_refused_unchanged(
        &db,
        &member,
        TABLES,
        MARK_READ,
        json!({ "id": UNKNOWN_ID }),
        "NOT_FOUND",
        None,
    )
    .await;
    assert_refused_unchanged(
        &db,
        &member,
        TABLES,
        MARK_READ,
        json!({ "id": "not-an-id" }),
        "BAD_USER_INPUT",
        Some("id"),
    )
    .await;

    // `_entities` applies the same rule: null for what the caller may not see.
    let representations = json!([
        { "__typename": "Notification", "id": members },
        { "__typename": "Notification", "id": admins },
        { "__typename": "Notification", "id": broadcast },
        { "__typename": "Notification", "id": UNKNOWN_ID },
    ]);
    let body = member
        .run(ENTITIES, json!({ "r": representations.clone() }))
        .await;
    assert_eq!(
        data(&body, "/data/_entities"),
        &json!([{ "id": members, "message": "the member's" }, null, null, null])
    );
    let body = admin.run(ENTITIES, json!({ "r": representations })).await;
    assert_eq!(
        data(&body, "/data/_entities"),
        &json!([null, { "id": admins, "message": "the admin's" },
                { "id": broadcast, "message": "to admins" }, null])
    );
}

#[tokio::test]
async fn a_broadcast_marked_read_by_one_admin_is_read_for_every_admin() {
    let (db, server) = start().await;
    second_admin(&db).await;
    let broadcast = notification(&db, "acme", None, "to admins", 5).await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let other_admin = Caller::user(&server, "admin2@acme.test").await;
    assert_eq!(unread(&other_admin).await, 1);

    ok(&admin.run(MARK_READ, json!({ "id": broadcast })).await);
    assert_eq!(unread(&other_admin).await, 0);
    assert!(listed(&other_admin, true).await.is_empty());
    assert_eq!(listed(&other_admin, false).await, [broadcast]);
}

#[tokio::test]
async fn mark_all_marks_only_the_callers_unread_notifications_and_counts_them() {
    let (db, server) = start().await;
    notification(&db, "acme", Some("member@acme.test"), "one", 30).await;
    let read = notification(&db, "acme", Some("member@acme.test"), "two", 20).await;
    notification(&db, "acme", Some("member@acme.test"), "three", 10).await;
    let admins = notification(&db, "acme", Some("admin@acme.test"), "the admin's", 10).await;
    let broadcast = notification(&db, "acme", None, "to admins", 5).await;
    let member = Caller::user(&server, "member@acme.test").await;
    ok(&member.run(MARK_READ, json!({ "id": read })).await);

    let body = member.run(MARK_ALL, json!({})).await;
    assert_eq!(data(&body, "/data/markAllNotificationsRead"), &json!(2));
    assert_eq!(unread(&member).await, 0);
    let again = member.run(MARK_ALL, json!({})).await;
    assert_eq!(data(&again, "/data/markAllNotificationsRead"), &json!(0));

    // The admin's own notification and the broadcast are untouched by the member...
    let admin = Caller::user(&server, "admin@acme.test").await;
    assert_eq!(listed(&admin, true).await, [broadcast.clone(), admins]);
    // ...and the admin's mark-all covers both.
    let body = admin.run(MARK_ALL, json!({})).await;
    assert_eq!(data(&body, "/data/markAllNotificationsRead"), &json!(2));
    let unread_rows = count(
        &db.owner,
        "SELECT count(*) AS n FROM notifications WHERE NOT read",
        [],
    )
    .await;
    assert_eq!(unread_rows, 0);
}

#[tokio::test]
async fn api_keys_have_no_notifications_and_no_access_to_providers_or_the_dispatch_log() {
    let (db, server) = start().await;
    let broadcast = notification(&db, "acme", None, "to admins", 5).await;
    dispatch(&db, "acme", "job-1", "email", "sent", 5).await;
    for scopes in [&["READ"][..], &["READ", "WRITE"][..]] {
        let key = Caller::api_key(&server, scopes).await;
        for (query, variables) in [
            (NOTIFICATIONS, json!({})),
            (UNREAD, json!({})),
            (MARK_READ, json!({ "id": broadcast })),
            (MARK_ALL, json!({})),
            (BROADCAST, json!({ "message": "hello" })),
            (providers().as_str(), json!({})),
            (provider().as_str(), json!({ "id": UNKNOWN_ID })),
            (
                set_provider().as_str(),
                json!({ "input": { "channel": "EMAIL", "provider": "SMTP", "config": { "host": "x" } } }),
            ),
            (DISPATCH_LOG, json!({})),
            (
                ENTITIES,
                json!({ "r": [{ "__typename": "Notification", "id": broadcast }] }),
            ),
        ] {
            let before = table_rows(&db, TABLES, &[]).await;
            let body = key.run(query, variables).await;
            assert_code(&body, "FORBIDDEN");
            assert_eq!(table_rows(&db, TABLES, &[]).await, before, "{query}");
        }
    }
}

#[tokio::test]
async fn bad_page_arguments_are_refused_with_the_field_named() {
    let (db, server) = start().await;
    let member = Caller::user(&server, "member@acme.test").await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let cases = [
        (json!({ "first": -1 }), "first"),
        (json!({ "first": 100_000 }), "first"),
        (json!({ "after": "not-a-cursor" }), "after"),
        (json!({ "after": UNKNOWN_ID }), "after"),
    ];
    for (variables, field) in cases {
        assert_refused_unchanged(
            &db,
            &member,
            TABLES,
            NOTIFICATIONS,
            variables.clone(),
            "BAD_USER_INPUT",
            Some(field),
        )
        .await;
        assert_refused_unchanged(
            &db,
            &admin,
            TABLES,
            DISPATCH_LOG,
            variables,
            "BAD_USER_INPUT",
            Some(field),
        )
        .await;
    }
    assert_refused_unchanged(
        &db,
        &admin,
        TABLES,
        BROADCAST,
        json!({ "message": "  " }),
        "BAD_USER_INPUT",
        Some("message"),
    )
    .await;
}

#[tokio::test]
async fn a_tenant_without_an_accepted_contract_cannot_reach_its_notifications() {
    let (db, server) = start().await;
    let own = notification(&db, "globex", Some("admin@globex.test"), "pending", 5).await;
    let admin = Caller::user(&server, "admin@globex.test").await;
    for (query, variables) in [
        (NOTIFICATIONS, json!({})),
        (UNREAD, json!({})),
        (MARK_READ, json!({ "id": own })),
        (MARK_ALL, json!({})),
        (BROADCAST, json!({ "message": "hello" })),
        (providers().as_str(), json!({})),
        (
            set_provider().as_str(),
            json!({ "input": { "channel": "EMAIL", "provider": "SMTP", "config": { "host": "x" } } }),
        ),
        (DISPATCH_LOG, json!({})),
    ] {
        let before = table_rows(&db, TABLES, &[]).await;
        let body = admin.run(query, variables).await;
        assert_code(&body, "CONTRACT_NOT_ACCEPTED");
        assert_eq!(table_rows(&db, TABLES, &[]).await, before, "{query}");
    }
}

#[tokio::test]
async fn a_suspended_tenant_reads_its_notifications_but_changes_nothing() {
    let (db, server) = start().await;
    let own = notification(&db, "acme", Some("admin@acme.test"), "mine", 5).await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let body = admin
        .run(
            &set_provider(),
            json!({ "input": { "channel": "SMS", "provider": "MSG91", "config": { "authKey": "k" } } }),
        )
        .await;
    let provider_id = string_at(&body, "/data/setNotificationProvider/id");
    set_tenant_status(&db, "acme", "suspended").await;

    assert_eq!(listed(&admin, false).await, std::slice::from_ref(&own));
    assert_eq!(unread(&admin).await, 1);
    ok(&admin.run(&providers(), json!({})).await);
    ok(&admin.run(DISPATCH_LOG, json!({})).await);
    for (query, variables) in [
        (MARK_READ, json!({ "id": own })),
        (MARK_ALL, json!({})),
        (BROADCAST, json!({ "message": "hello" })),
        (
            set_provider().as_str(),
            json!({ "input": { "channel": "SMS", "provider": "TWILIO", "config": { "sid": "x" } } }),
        ),
        (SET_ACTIVE, json!({ "id": provider_id, "active": false })),
        (DELETE_PROVIDER, json!({ "id": provider_id })),
    ] {
        let before = table_rows(&db, TABLES, &[]).await;
        let body = admin.run(query, variables).await;
        assert_code(&body, "TENANT_SUSPENDED");
        assert_eq!(table_rows(&db, TABLES, &[]).await, before, "{query}");
    }
}

#[tokio::test]
async fn anonymous_callers_are_unauthenticated() {
    let (db, server) = start().await;
    let anonymous = Caller::anonymous(&server);
    for query in [NOTIFICATIONS, UNREAD, MARK_ALL, DISPATCH_LOG] {
        assert_refused_unchanged(
            &db,
            &anonymous,
            TABLES,
            query,
            json!({}),
            "UNAUTHENTICATED",
            None,
        )
        .await;
    }
}

#[tokio::test]
async fn an_admins_broadcast_reaches_every_admin_and_publishes_its_id_after_commit() {
    use sea_orm::sqlx::postgres::PgListener;
    let (db, server) = start().await;
    let url = leadmetrics_tests::database_url("postgres", db.name());
    let mut listener = match PgListener::connect(&url).await {
        Ok(listener) => listener,
        Err(error) => panic!("cannot listen: {error}"),
    };
    if let Err(error) = listener.listen(graph_core::events::CHANNEL).await {
        panic!("cannot listen: {error}");
    }

    let member = Caller::user(&server, "member@acme.test").await;
    assert_refused_unchanged(
        &db,
        &member,
        TABLES,
        BROADCAST,
        json!({ "message": "hello" }),
        "FORBIDDEN",
        None,
    )
    .await;

    let admin = Caller::user(&server, "admin@acme.test").await;
    let body = admin
        .run(
            BROADCAST,
            json!({ "message": "  Quarterly review on Friday  " }),
        )
        .await;
    let sent = data(&body, "/data/broadcastNotification").clone();
    assert_eq!(sent["type"], json!("admin_broadcast"));
    assert_eq!(sent["message"], json!("Quarterly review on Friday"));
    assert_eq!(sent["isBroadcast"], json!(true));
    let id = as_string(&sent["id"]);

    let event = tokio::time::timeout(std::time::Duration::from_secs(5), listener.recv()).await;
    let payload = match event {
        Ok(Ok(notification)) => notification.payload().to_owned(),
        other => panic!("no event: {other:?}"),
    };
    let payload: Value = serde_json::from_str(&payload).unwrap_or_default();
    let tenant = tenant_uuid(&db, "acme").await.to_string();
    assert_eq!(
        payload,
        json!({ "tenant": tenant, "topic": "notification", "id": id })
    );

    assert_eq!(listed(&admin, false).await, std::slice::from_ref(&id));
    assert!(listed(&member, false).await.is_empty());
}

fn as_string(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

// ---------------------------------------------------------------------------------------------
// Providers
// ---------------------------------------------------------------------------------------------

/// A secret that must never leave the server once set.
const SECRET: &str = "SECRET-smtp-pass-9f27c1";

#[tokio::test]
async fn a_provider_config_is_write_only_encrypted_at_rest_and_never_logged() {
    let (db, server) = start().await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let config = json!({ "host": "smtp.acme.test", "port": 587, "password": SECRET });
    let mut bodies = Vec::new();
    let body = admin
        .run(
            &set_provider(),
            json!({ "input": { "channel": "EMAIL", "provider": "SMTP", "config": config } }),
        )
        .await;
    let set = data(&body, "/data/setNotificationProvider").clone();
    assert_eq!(set["channel"], json!("EMAIL"));
    assert_eq!(set["provider"], json!("SMTP"));
    assert_eq!(set["hasConfig"], json!(true));
    assert_eq!(set["isActive"], json!(true));
    assert_eq!(set["verifiedAt"], Value::Null);
    let id = as_string(&set["id"]);
    bodies.push(body);
    bodies.push(admin.run(&providers(), json!({})).await);
    bodies.push(admin.run(&provider(), json!({ "id": id })).await);
    bodies.push(
        admin
            .run(SET_ACTIVE, json!({ "id": id, "active": false }))
            .await,
    );
    bodies.push(admin.run(NOTIFICATIONS, json!({})).await);
    bodies.push(admin.run(DISPATCH_LOG, json!({})).await);
    bodies.push(
        admin
            .run(
                "{ __type(name: \"NotificationProvider\") { fields { name } } }",
                json!({}),
            )
            .await,
    );
    for body in &bodies {
        ok(body);
        let text = body.to_string();
        assert!(!text.contains(SECRET), "the secret was returned: {text}");
        assert!(
            !text.contains("smtp.acme.test"),
            "the config was returned: {text}"
        );
    }

    // In the database: ciphertext under the key ring, bound to the column, tenant and channel.
    let row = query_one(
        &db.owner,
        "SELECT config FROM notification_providers WHERE ref_id = $1",
        [id.clone().into()],
    )
    .await;
    let stored: String = get(&row, "config");
    assert!(!stored.contains(SECRET), "stored in plaintext: {stored}");
    assert!(stored.starts_with("v1.test1."), "{stored}");
    let ring = KeyRing::parse(TEST_KEY_RING).unwrap_or_else(|error| panic!("{error}"));
    let tenant = tenant_uuid(&db, "acme").await;
    let context = format!("notification_providers.config:{tenant}:email");
    let plaintext = ring
        .decrypt(&stored, &context)
        .unwrap_or_else(|error| panic!("does not decrypt: {error}"));
    let decrypted: Value = serde_json::from_slice(&plaintext).unwrap_or_default();
    assert_eq!(decrypted, config);
    // Bound to its tenant and channel: another context does not decrypt it.
    assert!(
        ring.decrypt(
            &stored,
            &format!("notification_providers.config:{tenant}:sms")
        )
        .is_err()
    );

    // In the logs, at every level: a server in a process of its own (so its logs are all its
    // own, whatever other tests run meanwhile) sets the provider again and reads it back.
    let child = ChildServer::spawn(&db, "live_subscriptions::a_server_in_a_child_process").await;
    let token = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let client = reqwest::Client::new();
    for (query, variables) in [
        (
            set_provider(),
            json!({ "input": { "channel": "EMAIL", "provider": "SMTP", "config": config } }),
        ),
        (
            format!("{{ notificationProviders {{ {PROVIDER_FIELDS} }} }}"),
            json!({}),
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
            !answer.contains(SECRET),
            "the secret was answered: {answer}"
        );
        assert!(!answer.contains("\"errors\""), "{answer}");
    }
    let mut log_text = child.logs();
    for _ in 0..50 {
        if log_text.contains("notification provider set") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        log_text = child.logs();
    }
    assert!(
        log_text.contains("notification provider set"),
        "the child server's logs hold no trace of the request: {log_text}"
    );
    assert!(!log_text.contains(SECRET), "the secret was logged");
}

#[tokio::test]
async fn setting_a_channels_provider_again_replaces_it_and_clears_its_verification() {
    let (db, server) = start().await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let body = admin
        .run(
            &set_provider(),
            json!({ "input": { "channel": "SMS", "provider": "MSG91", "config": { "authKey": "a" }, "isActive": false } }),
        )
        .await;
    let first = data(&body, "/data/setNotificationProvider").clone();
    assert_eq!(first["isActive"], json!(false));
    let id = as_string(&first["id"]);
    exec(
        &db.owner,
        "UPDATE notification_providers SET verified_at = now(), last_error = 'timeout'",
    )
    .await;
    let before: String = get(
        &query_one(&db.owner, "SELECT config FROM notification_providers", []).await,
        "config",
    );

    let body = admin
        .run(
            &set_provider(),
            json!({ "input": { "channel": "SMS", "provider": "TWILIO", "config": { "sid": "b" } } }),
        )
        .await;
    let second = data(&body, "/data/setNotificationProvider").clone();
    assert_eq!(
        second["id"],
        json!(id),
        "the channel's row is replaced, not added"
    );
    assert_eq!(second["provider"], json!("TWILIO"));
    assert_eq!(second["isActive"], json!(false), "unchanged when not given");
    assert_eq!(second["verifiedAt"], Value::Null);
    assert_eq!(second["lastError"], Value::Null);
    assert!(second["updatedOn"].is_string());
    let after: String = get(
        &query_one(&db.owner, "SELECT config FROM notification_providers", []).await,
        "config",
    );
    assert_ne!(before, after);

    // Another channel gets its own row.
    ok(&admin
        .run(
            &set_provider(),
            json!({ "input": { "channel": "WHATSAPP", "provider": "TWILIO", "config": { "sid": "c" } } }),
        )
        .await);
    let body = admin.run(&providers(), json!({})).await;
    let channels: Vec<Value> = data(&body, "/data/notificationProviders")
        .as_array()
        .map(|list| list.iter().map(|p| p["channel"].clone()).collect())
        .unwrap_or_default();
    assert_eq!(channels, [json!("SMS"), json!("WHATSAPP")]);
}

#[tokio::test]
async fn a_provider_can_be_switched_off_and_on_and_deleted() {
    let (db, server) = start().await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let body = admin
        .run(
            &set_provider(),
            json!({ "input": { "channel": "EMAIL", "provider": "SES", "config": { "region": "ap-south-1" } } }),
        )
        .await;
    let id = string_at(&body, "/data/setNotificationProvider/id");
    for active in [false, false, true] {
        let body = admin
            .run(SET_ACTIVE, json!({ "id": id, "active": active }))
            .await;
        assert_eq!(
            data(&body, "/data/setNotificationProviderActive/isActive"),
            &json!(active)
        );
    }
    let body = admin.run(DELETE_PROVIDER, json!({ "id": id })).await;
    assert_eq!(data(&body, "/data/deleteNotificationProvider"), &json!(id));
    let body = admin.run(&provider(), json!({ "id": id })).await;
    assert_eq!(data(&body, "/data/notificationProvider"), &Value::Null);
    assert_refused_unchanged(
        &db,
        &admin,
        TABLES,
        DELETE_PROVIDER,
        json!({ "id": id }),
        "NOT_FOUND",
        None,
    )
    .await;
    assert_refused_unchanged(
        &db,
        &admin,
        TABLES,
        SET_ACTIVE,
        json!({ "id": id, "active": true }),
        "NOT_FOUND",
        None,
    )
    .await;
}

#[tokio::test]
async fn provider_input_is_validated_and_only_admins_may_manage_providers() {
    let (db, server) = start().await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let set = set_provider();
    let input = |channel: &str, provider: &str, config: Value| json!({ "input": { "channel": channel, "provider": provider, "config": config } });
    for (variables, field) in [
        (input("EMAIL", "TWILIO", json!({ "a": 1 })), "provider"),
        (input("SMS", "SMTP", json!({ "a": 1 })), "provider"),
        (input("WHATSAPP", "MSG91", json!({ "a": 1 })), "provider"),
        (input("EMAIL", "SMTP", json!(["a"])), "config"),
        (input("EMAIL", "SMTP", json!("text")), "config"),
        (input("EMAIL", "SMTP", json!({})), "config"),
        (
            input("EMAIL", "SMTP", json!({ "big": "x".repeat(17 * 1024) })),
            "config",
        ),
    ] {
        assert_refused_unchanged(
            &db,
            &admin,
            TABLES,
            &set,
            variables,
            "BAD_USER_INPUT",
            Some(field),
        )
        .await;
    }
    let body = admin
        .run(&set, input("EMAIL", "SMTP", json!({ "host": "h" })))
        .await;
    let id = string_at(&body, "/data/setNotificationProvider/id");
    for email in ["member@acme.test", "reviewer@acme.test"] {
        let caller = Caller::user(&server, email).await;
        for (query, variables) in [
            (set.as_str(), input("SMS", "MSG91", json!({ "a": 1 }))),
            (SET_ACTIVE, json!({ "id": id, "active": false })),
            (DELETE_PROVIDER, json!({ "id": id })),
            (providers().as_str(), json!({})),
            (provider().as_str(), json!({ "id": id })),
            (DISPATCH_LOG, json!({})),
            (BROADCAST, json!({ "message": "hello" })),
        ] {
            assert_refused_unchanged(&db, &caller, TABLES, query, variables, "FORBIDDEN", None)
                .await;
        }
    }
    assert_refused_unchanged(
        &db,
        &admin,
        TABLES,
        &provider(),
        json!({ "id": "nope" }),
        "BAD_USER_INPUT",
        Some("id"),
    )
    .await;
}

// ---------------------------------------------------------------------------------------------
// Dispatch log
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn the_dispatch_log_lists_attempts_newest_first_with_filters_and_has_no_mutation() {
    let (db, server) = start().await;
    let old_email = dispatch(&db, "acme", "job-1", "email", "failed", 30).await;
    let sms = dispatch(&db, "acme", "job-2", "sms", "sent", 20).await;
    let new_email = dispatch(&db, "acme", "job-1", "email", "sent", 10).await;
    dispatch(&db, "globex", "job-1", "email", "sent", 5).await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let list = |filter: Value| {
        let admin = &admin;
        async move {
            let body = admin
                .run(DISPATCH_LOG, json!({ "filter": filter, "first": 100 }))
                .await;
            ids(data(&body, "/data/notificationDispatchLog/nodes"))
        }
    };
    assert_eq!(
        list(Value::Null).await,
        [new_email.clone(), sms.clone(), old_email.clone()]
    );
    assert_eq!(
        list(json!({ "channel": "EMAIL" })).await,
        [new_email.clone(), old_email.clone()]
    );
    assert_eq!(
        list(json!({ "status": "FAILED" })).await,
        std::slice::from_ref(&old_email)
    );
    assert_eq!(
        list(json!({ "notificationJobId": "job-1", "status": "SENT" })).await,
        std::slice::from_ref(&new_email)
    );
    assert!(
        list(json!({ "notificationJobId": "job-9" }))
            .await
            .is_empty()
    );

    let body = admin.run(DISPATCH_LOG, json!({ "first": 1 })).await;
    let node = data(&body, "/data/notificationDispatchLog/nodes/0");
    assert_eq!(node["notificationJobId"], json!("job-1"));
    assert_eq!(node["channel"], json!("EMAIL"));
    assert_eq!(node["status"], json!("SENT"));
    assert_eq!(node["recipientsCount"], json!(2));
    assert_eq!(node["provider"], json!("sendgrid"));
    assert_eq!(node["providerResponse"], json!({ "messageId": "m-1" }));
    assert_eq!(node["durationMs"], json!(120));
    assert_eq!(node["attempt"], json!(1));
    let cursor = string_at(&body, "/data/notificationDispatchLog/pageInfo/endCursor");
    let body = admin
        .run(DISPATCH_LOG, json!({ "first": 5, "after": cursor }))
        .await;
    assert_eq!(
        ids(data(&body, "/data/notificationDispatchLog/nodes")),
        [sms, old_email.clone()]
    );
    let failed = admin
        .run(DISPATCH_LOG, json!({ "filter": { "status": "FAILED" } }))
        .await;
    assert_eq!(
        data(&failed, "/data/notificationDispatchLog/nodes/0/error"),
        &json!("mailbox full")
    );

    let body = admin
        .run(
            "{ __type(name: \"Mutation\") { fields { name } } }",
            json!({}),
        )
        .await;
    let mutations = data(&body, "/data/__type/fields").to_string();
    assert!(
        !mutations.to_lowercase().contains("dispatch"),
        "{mutations}"
    );
}
