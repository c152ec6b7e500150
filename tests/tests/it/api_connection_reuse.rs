//! Tenant isolation when requests share database connections: the tenant of row-level security
//! is set per transaction (`set_config(…, true)`), so a pooled connection that served one
//! tenant starts the next request with no tenant at all. Two tenants' requests, interleaved and
//! concurrent, go through a server whose pools hold one connection (every request reuses the
//! connection the other tenant's request just used) and then two, and every answer is exactly
//! the caller's own.

use leadmetrics_tests::api::{Headers, bearer_headers, call, data, ok};
use leadmetrics_tests::server::{TestServer, seed_demo, tenant_ref_id};
use leadmetrics_tests::tokens::{forger, sign};
use leadmetrics_tests::world::{start, tenant_uuid, user_ref_id};
use leadmetrics_tests::{
    TestDatabase, database_url, get, query_all, query_one, tenant_transaction,
};
use sea_orm::{ConnectOptions, Database};
use serde_json::{Value, json};
use std::sync::Arc;

/// The tenant's users, read in a transaction of the caller's tenant, under row-level security:
/// the answer names the tenant (every email ends in `@<slug>.test`) and is small, so a thousand
/// rounds stay fast.
const OWN_DATA: &str = "{ users(first: 50) { nodes { email } } }";

/// Rounds per pool size; each round sends one request of each tenant at the same time.
const ROUNDS: usize = 1_000;

/// Rounds run side by side, so requests of both tenants queue for the same connection.
const LANES: usize = 4;

/// The answer to [`OWN_DATA`] for `caller`, the admin of `slug`, checked against the database:
/// exactly its own active users.
async fn own_answer(db: &TestDatabase, server: &TestServer, caller: &Headers, slug: &str) -> Value {
    let body = call(server, caller, OWN_DATA, json!({})).await;
    let mut emails: Vec<String> = data(&body, "/data/users/nodes")
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|user| user["email"].as_str().unwrap_or_default().to_owned())
        .collect();
    emails.sort();
    let own: Vec<String> = query_all(
        &db.owner,
        "SELECT u.email FROM users u JOIN tenants t ON t.id = u.tenant_id
         WHERE t.slug = $1 AND u.status = 'active' AND u.deleted_on IS NULL ORDER BY u.email",
        [slug.into()],
    )
    .await
    .iter()
    .map(|row| get::<String>(row, "email"))
    .collect();
    assert!(!own.is_empty());
    assert_eq!(emails, own, "{body}");
    body
}

/// The headers of the admin of `slug`, with a token signed for `server` (no password check: a
/// login costs more than a thousand requests here).
async fn admin(db: &TestDatabase, server: &TestServer, slug: &str) -> Headers {
    let user = user_ref_id(db, &format!("admin@{slug}.test")).await;
    let tenant = tenant_ref_id(db, slug).await;
    bearer_headers(&sign(&forger(server), &user, &tenant, "admin"))
}

/// Runs [`ROUNDS`] rounds of acme's and globex's requests at once, in [`LANES`] lanes, against
/// a server whose pools hold `connections` connections; asserts every answer is its caller's.
async fn interleave(db: &TestDatabase, connections: &'static str) {
    let server =
        Arc::new(TestServer::start_with(db, &[("DATABASE_MAX_CONNECTIONS", connections)]).await);
    let callers = Arc::new([
        admin(db, &server, "acme").await,
        admin(db, &server, "globex").await,
    ]);
    let expected = Arc::new([
        own_answer(db, &server, &callers[0], "acme").await,
        own_answer(db, &server, &callers[1], "globex").await,
    ]);
    assert_ne!(expected[0], expected[1]);

    let mut lanes = tokio::task::JoinSet::new();
    for lane in 0..LANES {
        let (server, expected, callers) = (
            Arc::clone(&server),
            Arc::clone(&expected),
            Arc::clone(&callers),
        );
        lanes.spawn(async move {
            for round in (lane..ROUNDS).step_by(LANES) {
                // Alternate which tenant's request is sent first.
                let (first, second) = if round % 2 == 0 { (0, 1) } else { (1, 0) };
                let (a, b) = tokio::join!(
                    call(&server, &callers[first], OWN_DATA, json!({})),
                    call(&server, &callers[second], OWN_DATA, json!({})),
                );
                assert_eq!(
                    a, expected[first],
                    "round {round}, {connections} connection(s)"
                );
                assert_eq!(
                    b, expected[second],
                    "round {round}, {connections} connection(s)"
                );
            }
            lane
        });
    }
    let mut finished = 0;
    while let Some(result) = lanes.join_next().await {
        if let Err(error) = result {
            panic!("a lane failed: {error}");
        }
        finished += 1;
    }
    assert_eq!(finished, LANES);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_tenants_sharing_one_or_two_pooled_connections_each_see_only_their_own_users() {
    let (db, server) = start().await;
    // globex's contract is pending: accept it, so its admin may read what acme's may.
    let globex = admin(&db, &server, "globex").await;
    let accepted = call(
        &server,
        &globex,
        "mutation { acceptContract { status } }",
        json!({}),
    )
    .await;
    ok(&accepted);
    drop(server);

    interleave(&db, "1").await;
    interleave(&db, "2").await;
}

#[tokio::test]
async fn a_pooled_connection_has_no_tenant_once_a_tenant_transaction_has_ended() {
    let db = TestDatabase::new().await;
    seed_demo(&db).await;
    let acme = tenant_uuid(&db, "acme").await;
    let mut options = ConnectOptions::new(database_url("app_user", db.name()));
    options.max_connections(1).sqlx_logging(false);
    let app = match Database::connect(options).await {
        Ok(app) => app,
        Err(error) => panic!("cannot connect as app_user: {error}"),
    };
    let visible = "SELECT coalesce(current_setting('app.tenant_id', true), '') AS tenant,
                          (SELECT count(*) FROM users) AS users";

    let transaction = tenant_transaction(&app, Some(acme)).await;
    let inside = query_one(&transaction, visible, []).await;
    if let Err(error) = transaction.commit().await {
        panic!("commit failed: {error}");
    }
    assert_eq!(get::<String>(&inside, "tenant"), acme.to_string());
    assert!(get::<i64>(&inside, "users") > 0, "acme sees its users");

    // The pool's one connection, reused: no tenant, so no rows.
    let after = query_one(&app, visible, []).await;
    assert_eq!(get::<String>(&after, "tenant"), "");
    assert_eq!(get::<i64>(&after, "users"), 0);
    let transaction = tenant_transaction(&app, None).await;
    let next = query_one(&transaction, visible, []).await;
    transaction.rollback().await.ok();
    assert_eq!(get::<String>(&next, "tenant"), "");
    assert_eq!(get::<i64>(&next, "users"), 0);
}
