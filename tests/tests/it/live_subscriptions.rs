//! Live updates over real WebSocket connections (`graphql-transport-ws`, spoken message by
//! message by the test client in `tests/src/ws.rs`): an event crosses server instances through
//! PostgreSQL (the second instance is a process of its own), never crosses tenants (not even
//! with a forged payload), and the protocol's refusals close the socket with their codes. The
//! approval expiry job, run by two instances at once, expires and escalates each approval
//! exactly once.

use leadmetrics_tests::child::{ChildServer, serve_if_child};
use leadmetrics_tests::server::{DEMO_PASSWORD, TEST_JWT_SECRET, TestServer, tenant_ref_id};
use leadmetrics_tests::tokens::{codec, hs256_with, sign};
use leadmetrics_tests::world::{start, start_with, tenant_uuid, user_ref_id};
use leadmetrics_tests::ws::{Received, WsClient};
use leadmetrics_tests::{exec, exec_with, get, query_all, query_one};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::sync::atomic::Ordering::Relaxed;
use std::time::{Duration, Instant};

const APPROVAL_UPDATED: &str = "subscription($filter: ApprovalUpdateFilter) {
  approvalUpdated(filter: $filter) { kind approval { id status title activity { id status } reviewer { email } } } }";

const NOTIFICATION_ADDED: &str =
    "subscription { notificationAdded { id type message subjectId subjectType isBroadcast } }";

const CREATE_ACTIVITY: &str =
    "mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }";
const START_ACTIVITY: &str =
    "mutation($id: ID!) { changeActivityStatus(id: $id, status: IN_PROGRESS) { id status } }";
const CREATE_APPROVAL: &str =
    "mutation($input: CreateApprovalInput!) { createApproval(input: $input) { id status } }";
const APPROVE: &str = "mutation($id: ID!) { approveApproval(id: $id) { id status } }";
const ASSIGN: &str = "mutation($id: ID!, $reviewer: ID!) { assignApprovalReviewer(id: $id, reviewerId: $reviewer) { id } }";

/// Runs when this binary is started again as a child server ([`ChildServer`]); passes at once
/// otherwise.
#[tokio::test]
async fn a_server_in_a_child_process() {
    serve_if_child().await;
}

/// POSTs an operation to the server at `base_url` as the holder of `token`.
async fn post(base_url: &str, token: &str, query: &str, variables: Value) -> Value {
    let response = reqwest::Client::new()
        .post(format!("{base_url}/graphql"))
        .bearer_auth(token)
        .json(&json!({ "query": query, "variables": variables }))
        .send()
        .await
        .unwrap_or_else(|error| panic!("request failed: {error}"));
    response
        .json()
        .await
        .unwrap_or_else(|error| panic!("not JSON: {error}"))
}

fn at(body: &Value, pointer: &str) -> String {
    match body.pointer(pointer).and_then(Value::as_str) {
        Some(text) => text.to_owned(),
        None => panic!("no {pointer} in {body}"),
    }
}

/// A pending approval of a fresh activity of the tenant of `token` (an admin's); its id and its
/// activity's id.
async fn pending_approval(base_url: &str, token: &str, title: &str) -> (String, String) {
    let activity = post(
        base_url,
        token,
        CREATE_ACTIVITY,
        json!({ "input": { "title": title, "type": "WRITE", "assignee": { "type": "AGENT", "agentRole": "copywriter" } } }),
    )
    .await;
    let activity = at(&activity, "/data/createActivity/id");
    let started = post(base_url, token, START_ACTIVITY, json!({ "id": activity })).await;
    assert_eq!(
        at(&started, "/data/changeActivityStatus/status"),
        "IN_PROGRESS"
    );
    let approval = post(
        base_url,
        token,
        CREATE_APPROVAL,
        json!({ "input": { "activityId": activity, "type": "CONTENT_REVIEW", "title": title } }),
    )
    .await;
    (at(&approval, "/data/createApproval/id"), activity)
}

async fn accept_contract(db: &leadmetrics_tests::TestDatabase, slug: &str) {
    exec_with(
        &db.owner,
        "UPDATE tenants SET contract_accepted_on = now() WHERE slug = $1",
        [slug.into()],
    )
    .await
    .unwrap_or_else(|error| panic!("statement failed: {error}"));
}

#[tokio::test]
async fn a_reviewer_subscribed_on_one_instance_receives_within_a_second_the_approval_resolved_through_another_process()
 {
    let (db, server) = start().await;
    let second = ChildServer::spawn(&db, "live_subscriptions::a_server_in_a_child_process").await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let reviewer = server.login("reviewer@acme.test", DEMO_PASSWORD).await;
    let (approval, activity) = pending_approval(&server.base_url, &admin, "Launch post").await;

    let mut client = WsClient::with_token(&server.base_url, &reviewer).await;
    client
        .subscribe(
            "1",
            APPROVAL_UPDATED,
            json!({ "filter": { "approvalId": approval } }),
        )
        .await;
    server.wait_for_subscriptions(1).await;

    let sent = Instant::now();
    let approved = post(
        &second.base_url,
        &reviewer,
        APPROVE,
        json!({ "id": approval }),
    )
    .await;
    assert_eq!(
        at(&approved, "/data/approveApproval/status"),
        "APPROVED",
        "{approved}"
    );
    let event = client.next_payload("1", Duration::from_secs(5)).await;
    let latency = sent.elapsed();
    assert!(event.get("errors").is_none(), "{event}");
    assert_eq!(event["data"]["approvalUpdated"]["kind"], "RESOLVED");
    let delivered = &event["data"]["approvalUpdated"]["approval"];
    assert_eq!(delivered["id"], json!(approval));
    assert_eq!(delivered["status"], "APPROVED");
    // Relations resolve afresh for each event, under the subscriber's tenant.
    assert_eq!(delivered["activity"]["id"], json!(activity));
    assert_eq!(delivered["activity"]["status"], "APPROVED");
    assert!(
        latency < Duration::from_secs(1),
        "delivered {latency:?} after the mutation was sent"
    );
}

#[tokio::test]
async fn a_subscriber_of_another_tenant_receives_nothing_even_from_a_forged_event() {
    let (db, server) = start().await;
    accept_contract(&db, "globex").await;
    let acme_admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let globex_reviewer = server.login("reviewer@globex.test", DEMO_PASSWORD).await;
    let acme_reviewer = server.login("reviewer@acme.test", DEMO_PASSWORD).await;

    let mut globex = WsClient::with_token(&server.base_url, &globex_reviewer).await;
    globex.subscribe("all", APPROVAL_UPDATED, json!({})).await;
    let mut acme = WsClient::with_token(&server.base_url, &acme_reviewer).await;
    acme.subscribe("all", APPROVAL_UPDATED, json!({})).await;
    server.wait_for_subscriptions(2).await;

    let (approval, _) = pending_approval(&server.base_url, &acme_admin, "Acme only").await;
    // The control: acme's own subscriber sees it.
    let event = acme.next_payload("all", Duration::from_secs(5)).await;
    assert_eq!(event["data"]["approvalUpdated"]["kind"], "CREATED");
    assert_eq!(
        event["data"]["approvalUpdated"]["approval"]["id"],
        json!(approval)
    );

    // A payload forged to name globex with acme's approval: globex's server re-reads it under
    // globex's tenant guard and finds nothing.
    let globex_id = tenant_uuid(&db, "globex").await;
    let forged =
        json!({ "tenant": globex_id, "topic": "approval", "id": approval, "change": "Resolved" });
    exec_with(
        &db.owner,
        "SELECT pg_notify('leadmetrics_events', $1)",
        [forged.to_string().into()],
    )
    .await
    .unwrap_or_else(|error| panic!("statement failed: {error}"));
    let approved = post(
        &server.base_url,
        &acme_reviewer,
        APPROVE,
        json!({ "id": approval }),
    )
    .await;
    assert_eq!(at(&approved, "/data/approveApproval/status"), "APPROVED");
    let event = acme.next_payload("all", Duration::from_secs(5)).await;
    assert_eq!(event["data"]["approvalUpdated"]["kind"], "RESOLVED");
    assert_eq!(
        globex.receive(Duration::from_millis(1500)).await,
        Received::Nothing
    );

    // Naming another tenant's approval in the filter is NOT_FOUND, as in every query.
    globex
        .subscribe(
            "theirs",
            APPROVAL_UPDATED,
            json!({ "filter": { "approvalId": approval } }),
        )
        .await;
    let refused = globex.next_payload("theirs", Duration::from_secs(5)).await;
    assert_eq!(
        refused["errors"][0]["extensions"]["code"], "NOT_FOUND",
        "{refused}"
    );
    assert!(matches!(
        globex.receive(Duration::from_secs(5)).await,
        Received::Message(message) if message["type"] == "complete" && message["id"] == "theirs"
    ));
}

#[tokio::test]
async fn connection_init_without_valid_credentials_and_protocol_violations_close_the_socket_with_their_codes()
 {
    let (_db, server) = start_with(&[("WS_CONNECTION_INIT_TIMEOUT_SECONDS", "1")]).await;
    let token = server.login("reviewer@acme.test", DEMO_PASSWORD).await;
    let closed_with = |received: Received| match received {
        Received::Closed(code, _) => code,
        other => panic!("expected the socket to close, got {other:?}"),
    };

    // Anonymous, an invalid token, an unknown API key: 4403.
    for payload in [
        json!({}),
        json!(null),
        json!({ "Authorization": "Bearer not-a-token" }),
        json!({ "apiKey": "lm_live_unknown" }),
    ] {
        let mut client = WsClient::connect(&server.base_url).await;
        assert_eq!(
            closed_with(client.init(payload.clone()).await),
            4403,
            "{payload}"
        );
    }
    // A payload that is not an object, a message that is not of the protocol: 4400.
    let mut client = WsClient::connect(&server.base_url).await;
    assert_eq!(closed_with(client.init(json!([1, 2])).await), 4400);
    let mut client = WsClient::connect(&server.base_url).await;
    client.send_text("{\"type\":\"start\"}").await;
    assert_eq!(
        closed_with(client.receive(Duration::from_secs(5)).await),
        4400
    );
    // Subscribing before the acknowledgement: 4401.
    let mut client = WsClient::connect(&server.base_url).await;
    client.subscribe("1", APPROVAL_UPDATED, json!({})).await;
    assert_eq!(
        closed_with(client.receive(Duration::from_secs(5)).await),
        4401
    );
    // No connection_init in time: 4408.
    let mut client = WsClient::connect(&server.base_url).await;
    assert_eq!(
        closed_with(client.receive(Duration::from_secs(5)).await),
        4408
    );
    // Only graphql-transport-ws: the legacy `graphql-ws` protocol (subscriptions-transport-ws)
    // gets no subprotocol, which fails the handshake (as in browsers); a client offering none
    // at all is closed with 4406.
    let legacy = WsClient::try_connect(&server.base_url, Some("graphql-ws")).await;
    assert!(legacy.is_err(), "the legacy protocol was accepted");
    let mut client = WsClient::connect_offering(&server.base_url, None).await;
    assert_eq!(
        closed_with(client.receive(Duration::from_secs(5)).await),
        4406
    );
    // A second connection_init: 4429; a subscription id in use: 4409.
    let mut client = WsClient::with_token(&server.base_url, &token).await;
    assert_eq!(
        closed_with(
            client
                .init(json!({ "Authorization": format!("Bearer {token}") }))
                .await
        ),
        4429
    );
    let mut client = WsClient::with_token(&server.base_url, &token).await;
    client.subscribe("1", APPROVAL_UPDATED, json!({})).await;
    client.subscribe("1", APPROVAL_UPDATED, json!({})).await;
    assert_eq!(
        closed_with(client.receive(Duration::from_secs(5)).await),
        4409
    );
    // A message over WS_MAX_MESSAGE_BYTES (64 KiB): 1009.
    let mut client = WsClient::with_token(&server.base_url, &token).await;
    client.send_text(&"x".repeat(70_000)).await;
    assert_eq!(
        closed_with(client.receive(Duration::from_secs(5)).await),
        1009
    );
    // The credentials may also come in a `headers` object, in any case.
    let mut client = WsClient::connect(&server.base_url).await;
    let acknowledged = client
        .init(json!({ "headers": { "AUTHORIZATION": format!("Bearer {token}") } }))
        .await;
    assert!(matches!(acknowledged, Received::Message(m) if m["type"] == "connection_ack"));
}

#[tokio::test]
async fn a_token_that_expires_ends_the_subscription_with_4401() {
    let (db, server) = start().await;
    let short_lived = codec(graph_core::auth::jwt::JwtSettings {
        ttl: Duration::from_secs(2),
        ..hs256_with(&server.config.jwt, TEST_JWT_SECRET.as_bytes())
    });
    let user = user_ref_id(&db, "reviewer@acme.test").await;
    let tenant = tenant_ref_id(&db, "acme").await;
    let token = sign(&short_lived, &user, &tenant, "reviewer");
    let mut client = WsClient::with_token(&server.base_url, &token).await;
    client.subscribe("1", APPROVAL_UPDATED, json!({})).await;
    server.wait_for_subscriptions(1).await;
    let started = Instant::now();
    match client.receive(Duration::from_secs(10)).await {
        Received::Closed(code, reason) => {
            assert_eq!(code, 4401, "{reason}");
            assert!(reason.contains("expired"), "{reason}");
        }
        other => panic!("expected the socket to close at the token's expiry, got {other:?}"),
    }
    assert!(started.elapsed() < Duration::from_secs(5));
    // And the subscription is gone from the server.
    for _ in 0..100 {
        if server.services().hub.stats().subscriptions.load(Relaxed) == 0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the expired connection's subscription is still open");
}

#[tokio::test]
async fn a_tenant_without_an_accepted_contract_is_refused_as_over_http_and_an_api_key_has_no_notifications()
 {
    let (_db, server) = start().await;
    let globex = server.login("reviewer@globex.test", DEMO_PASSWORD).await;
    let mut client = WsClient::with_token(&server.base_url, &globex).await;
    client.subscribe("1", APPROVAL_UPDATED, json!({})).await;
    let refused = client.next_payload("1", Duration::from_secs(5)).await;
    assert_eq!(
        refused["errors"][0]["extensions"]["code"],
        "CONTRACT_NOT_ACCEPTED"
    );

    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let (key, _) = server.create_api_key(&admin, &["READ"]).await;
    let mut client = WsClient::connect(&server.base_url).await;
    let acknowledged = client.init(json!({ "apiKey": key })).await;
    assert!(matches!(acknowledged, Received::Message(m) if m["type"] == "connection_ack"));
    client.subscribe("n", NOTIFICATION_ADDED, json!({})).await;
    let refused = client.next_payload("n", Duration::from_secs(5)).await;
    assert_eq!(refused["errors"][0]["extensions"]["code"], "FORBIDDEN");
    assert!(matches!(
        client.receive(Duration::from_secs(5)).await,
        Received::Message(message) if message["type"] == "complete" && message["id"] == "n"
    ));
    // A document that fails validation is refused with the protocol's `error` message.
    client
        .subscribe(
            "v",
            "subscription { approvalUpdated { noSuchField } }",
            json!({}),
        )
        .await;
    match client.receive(Duration::from_secs(5)).await {
        Received::Message(message) => {
            assert_eq!(message["type"], "error", "{message}");
            assert_eq!(message["id"], "v");
            assert_eq!(
                message["payload"][0]["extensions"]["code"],
                "BAD_USER_INPUT"
            );
        }
        other => panic!("expected an error message, got {other:?}"),
    }
    // Queries and mutations go over HTTP.
    client.subscribe("q", "{ me { id } }", json!({})).await;
    match client.receive(Duration::from_secs(5)).await {
        Received::Message(message) => {
            assert_eq!(message["type"], "error", "{message}");
            assert_eq!(
                message["payload"][0]["extensions"]["code"],
                "BAD_USER_INPUT"
            );
        }
        other => panic!("expected an error message, got {other:?}"),
    }
}

#[tokio::test]
async fn a_notification_reaches_only_the_user_it_is_for() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let reviewer = server.login("reviewer@acme.test", DEMO_PASSWORD).await;
    let member = server.login("member@acme.test", DEMO_PASSWORD).await;
    let mut for_reviewer = WsClient::with_token(&server.base_url, &reviewer).await;
    for_reviewer
        .subscribe("n", NOTIFICATION_ADDED, json!({}))
        .await;
    let mut for_member = WsClient::with_token(&server.base_url, &member).await;
    for_member
        .subscribe("n", NOTIFICATION_ADDED, json!({}))
        .await;
    server.wait_for_subscriptions(2).await;

    let (approval, _) = pending_approval(&server.base_url, &admin, "Assign me").await;
    let reviewer_id = user_ref_id(&db, "reviewer@acme.test").await;
    let assigned = post(
        &server.base_url,
        &admin,
        ASSIGN,
        json!({ "id": approval, "reviewer": reviewer_id }),
    )
    .await;
    assert!(assigned.get("errors").is_none(), "{assigned}");
    let event = for_reviewer.next_payload("n", Duration::from_secs(5)).await;
    let notification = &event["data"]["notificationAdded"];
    assert_eq!(notification["subjectId"], json!(approval));
    assert_eq!(notification["subjectType"], "approval");
    assert_eq!(notification["isBroadcast"], false);
    assert_eq!(
        for_member.receive(Duration::from_millis(1000)).await,
        Received::Nothing
    );
}

#[tokio::test]
async fn connections_per_caller_and_operations_per_connection_are_capped() {
    let (_db, server) = start_with(&[
        ("WS_MAX_CONNECTIONS_PER_CALLER", "2"),
        ("WS_MAX_SUBSCRIPTIONS_PER_CONNECTION", "2"),
    ])
    .await;
    let token = server.login("reviewer@acme.test", DEMO_PASSWORD).await;
    let mut first = WsClient::with_token(&server.base_url, &token).await;
    let _second = WsClient::with_token(&server.base_url, &token).await;
    let mut third = WsClient::connect(&server.base_url).await;
    match third
        .init(json!({ "Authorization": format!("Bearer {token}") }))
        .await
    {
        Received::Closed(code, _) => assert_eq!(code, 4429),
        other => panic!("a third connection was not refused: {other:?}"),
    }
    first.subscribe("1", APPROVAL_UPDATED, json!({})).await;
    first.subscribe("2", NOTIFICATION_ADDED, json!({})).await;
    first.subscribe("3", APPROVAL_UPDATED, json!({})).await;
    match first.receive(Duration::from_secs(5)).await {
        Received::Message(message) => {
            assert_eq!(message["type"], "error");
            assert_eq!(message["id"], "3");
        }
        other => panic!("a third operation was not refused: {other:?}"),
    }
    // Completing one frees its place, and its id may be used again at once: the new operation
    // is not mistaken for the completed one when that one's stream ends.
    first.send(json!({ "type": "complete", "id": "1" })).await;
    first.subscribe("1", APPROVAL_UPDATED, json!({})).await;
    server.wait_for_subscriptions(2).await;
    assert_eq!(
        first.receive(Duration::from_millis(500)).await,
        Received::Nothing
    );
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let (approval, _) = pending_approval(&server.base_url, &admin, "After reuse").await;
    let event = first.next_payload("1", Duration::from_secs(5)).await;
    assert_eq!(
        event["data"]["approvalUpdated"]["approval"]["id"],
        json!(approval)
    );
    assert_eq!(
        first.receive(Duration::from_millis(300)).await,
        Received::Nothing
    );
}

#[tokio::test]
async fn the_expiry_job_run_by_two_instances_at_once_expires_and_escalates_each_approval_exactly_once()
 {
    let (db, first) = start().await;
    let second = TestServer::start(&db).await;
    let reviewer = first.login("reviewer@acme.test", DEMO_PASSWORD).await;
    let admin = first.login("admin@acme.test", DEMO_PASSWORD).await;
    let mut client = WsClient::with_token(&first.base_url, &reviewer).await;
    client
        .subscribe(
            "expired",
            APPROVAL_UPDATED,
            json!({ "filter": { "kinds": ["EXPIRED", "ESCALATED"] } }),
        )
        .await;
    let mut admin_client = WsClient::with_token(&first.base_url, &admin).await;
    admin_client
        .subscribe("n", NOTIFICATION_ADDED, json!({}))
        .await;
    first.wait_for_subscriptions(2).await;

    // 40 approvals past their expiry (one per activity), and one still in time.
    let acme = tenant_uuid(&db, "acme").await;
    exec_with(
        &db.owner,
        "INSERT INTO approvals (tenant_id, activity_id, type, title, expires_at)
         SELECT tenant_id, id, 'content_review', 'Due ' || title, now() - interval '1 hour'
         FROM activities WHERE tenant_id = $1 AND NOT EXISTS (
             SELECT 1 FROM approvals p WHERE p.activity_id = activities.id AND p.status = 'pending')
         ORDER BY id LIMIT 41",
        [acme.into()],
    )
    .await
    .unwrap_or_else(|error| panic!("statement failed: {error}"));
    exec(
        &db.owner,
        "UPDATE approvals SET expires_at = now() + interval '1 hour'
         WHERE id = (SELECT id FROM approvals WHERE title LIKE 'Due %' ORDER BY id LIMIT 1)",
    )
    .await;
    let due: i64 = get(
        &query_one(
            &db.owner,
            "SELECT count(*) AS n FROM approvals WHERE status = 'pending' AND expires_at <= now()",
            [],
        )
        .await,
        "n",
    );
    assert!(due >= 40, "only {due} approvals are due");

    let (a, b) = tokio::join!(
        graph_core::jobs::run_approval_expiry(first.services(), 3),
        graph_core::jobs::run_approval_expiry(second.services(), 3),
    );
    assert_eq!(
        a + b,
        due as u64,
        "expired by the first: {a}, by the second: {b}"
    );
    assert!(a > 0 && b > 0, "both instances took part: {a} and {b}");

    let rows = query_all(
        &db.owner,
        "SELECT a.ref_id, a.status::text AS status,
                (SELECT count(*) FROM notifications n
                 WHERE n.subject_ref_id = a.ref_id AND n.type = 'approval_escalated' AND n.user_id IS NULL) AS escalations
         FROM approvals a WHERE a.expires_at <= now()",
        [],
    )
    .await;
    assert_eq!(rows.len() as i64, due);
    for row in &rows {
        assert_eq!(get::<String>(row, "status"), "expired");
        assert_eq!(get::<i64>(row, "escalations"), 1);
    }
    let still_pending: i64 = get(
        &query_one(
            &db.owner,
            "SELECT count(*) AS n FROM approvals WHERE status = 'pending' AND title LIKE 'Due %'",
            [],
        )
        .await,
        "n",
    );
    assert_eq!(still_pending, 1, "the approval still in time was expired");

    // Exactly one EXPIRED and one ESCALATED event per approval reached the subscriber, and one
    // notification event per escalation reached the admin.
    let mut kinds: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for _ in 0..(2 * due) {
        let event = client
            .next_payload("expired", Duration::from_secs(10))
            .await;
        let update = &event["data"]["approvalUpdated"];
        kinds
            .entry(at(update, "/kind"))
            .or_default()
            .push(at(update, "/approval/id"));
    }
    assert_eq!(
        client.receive(Duration::from_millis(500)).await,
        Received::Nothing
    );
    for (kind, mut ids) in kinds {
        let count = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!((count, ids.len()), (due as usize, due as usize), "{kind}");
    }
    for _ in 0..due {
        let event = admin_client
            .next_payload("n", Duration::from_secs(10))
            .await;
        assert_eq!(
            event["data"]["notificationAdded"]["type"],
            "approval_escalated"
        );
        assert_eq!(event["data"]["notificationAdded"]["isBroadcast"], true);
    }
    let jobs = &first.services().jobs;
    let second_jobs = &second.services().jobs;
    assert_eq!(
        jobs.approvals_expired.load(Relaxed) + second_jobs.approvals_expired.load(Relaxed),
        due as u64
    );
    // A second run finds nothing to do.
    assert_eq!(
        graph_core::jobs::run_approval_expiry(first.services(), 3).await,
        0
    );
}

#[tokio::test]
async fn the_server_runs_the_expiry_job_on_its_interval_and_reports_it_in_metrics() {
    let (db, server) = start_with(&[("APPROVAL_EXPIRY_INTERVAL_SECONDS", "1")]).await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let (approval, _) = pending_approval(&server.base_url, &admin, "Soon due").await;
    let mut client = WsClient::with_token(&server.base_url, &admin).await;
    client
        .subscribe(
            "1",
            APPROVAL_UPDATED,
            json!({ "filter": { "approvalId": approval } }),
        )
        .await;
    server.wait_for_subscriptions(1).await;
    exec_with(
        &db.owner,
        "UPDATE approvals SET expires_at = now() - interval '1 second' WHERE ref_id = $1",
        [approval.clone().into()],
    )
    .await
    .unwrap_or_else(|error| panic!("statement failed: {error}"));
    let event = client.next_payload("1", Duration::from_secs(10)).await;
    assert_eq!(event["data"]["approvalUpdated"]["kind"], "EXPIRED");
    assert_eq!(
        event["data"]["approvalUpdated"]["approval"]["status"],
        "EXPIRED"
    );
    let (_, _, metrics) = server.get("/metrics", &[]).await;
    assert!(metrics.contains("approvals_expired_total 1"), "{metrics}");
    assert!(metrics.contains("live_listener_up 1"), "{metrics}");
    assert!(metrics.contains("live_subscriptions 1"), "{metrics}");
}

#[tokio::test]
async fn an_operator_acting_for_a_tenant_is_audited_for_each_subscription() {
    let (db, server) = start().await;
    let acme = tenant_ref_id(&db, "acme").await;
    let token = server
        .login("super-admin@leadmetrics.test", DEMO_PASSWORD)
        .await;
    let mut client = WsClient::connect(&server.base_url).await;
    let acknowledged = client
        .init(json!({ "Authorization": format!("Bearer {token}"), "actForTenant": acme }))
        .await;
    assert!(matches!(acknowledged, Received::Message(m) if m["type"] == "connection_ack"));
    client
        .subscribe(
            "1",
            "subscription Queue { approvalUpdated { kind approval { id } } }",
            json!({}),
        )
        .await;
    server.wait_for_subscriptions(1).await;
    let rows = query_all(
        &db.owner,
        "SELECT l.operation_type, l.operation_name, l.subgraph, l.document_hash
         FROM operator_audit_log l JOIN tenants t ON t.id = l.tenant_id
         WHERE t.slug = 'acme'",
        [],
    )
    .await;
    assert_eq!(rows.len(), 1);
    assert_eq!(get::<String>(&rows[0], "operation_type"), "subscription");
    assert_eq!(get::<String>(&rows[0], "operation_name"), "Queue");
    assert_eq!(get::<String>(&rows[0], "subgraph"), "tenant");
    assert_eq!(get::<String>(&rows[0], "document_hash").len(), 64);
}

#[tokio::test]
async fn a_broadcast_reaches_the_admins_of_its_tenant_and_no_one_else() {
    let (db, server) = start().await;
    accept_contract(&db, "globex").await;
    let acme_admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let acme_member = server.login("member@acme.test", DEMO_PASSWORD).await;
    let globex_admin = server.login("admin@globex.test", DEMO_PASSWORD).await;
    let mut clients = Vec::new();
    for token in [&acme_admin, &acme_member, &globex_admin] {
        let mut client = WsClient::with_token(&server.base_url, token).await;
        client.subscribe("n", NOTIFICATION_ADDED, json!({})).await;
        clients.push(client);
    }
    server.wait_for_subscriptions(3).await;
    let sent = post(
        &server.base_url,
        &acme_admin,
        "mutation { broadcastNotification(input: { message: \"Quarterly review on Friday\" }) { id } }",
        json!({}),
    )
    .await;
    let id = at(&sent, "/data/broadcastNotification/id");
    let event = clients[0].next_payload("n", Duration::from_secs(5)).await;
    assert_eq!(event["data"]["notificationAdded"]["id"], json!(id));
    assert_eq!(event["data"]["notificationAdded"]["isBroadcast"], true);
    for other in &mut clients[1..] {
        assert_eq!(
            other.receive(Duration::from_millis(800)).await,
            Received::Nothing
        );
    }
}

#[tokio::test]
async fn websocket_connections_count_against_the_connection_cap_and_a_clean_close_is_answered() {
    let (_db, server) = start_with(&[("HTTP_MAX_CONNECTIONS", "2")]).await;
    let token = server.login("reviewer@acme.test", DEMO_PASSWORD).await;
    let mut first = WsClient::with_token(&server.base_url, &token).await;
    let _second = WsClient::with_token(&server.base_url, &token).await;
    // Both places are held by open WebSockets: a third connection waits in the backlog.
    let third = tokio::time::timeout(
        Duration::from_millis(1500),
        WsClient::try_connect(&server.base_url, Some("graphql-transport-ws")),
    )
    .await;
    assert!(
        third.is_err(),
        "a connection past HTTP_MAX_CONNECTIONS was served"
    );
    // The client's close is answered with the server's own close frame (the handshake completes)
    // and its place is freed.
    let answer = first.close(1000).await;
    assert!(matches!(answer, Received::Closed(1000, _)), "{answer:?}");
    let fourth = tokio::time::timeout(
        Duration::from_secs(5),
        WsClient::try_connect(&server.base_url, Some("graphql-transport-ws")),
    )
    .await;
    assert!(
        matches!(fourth, Ok(Ok(_))),
        "the freed place was not given to the next connection"
    );
}

#[tokio::test]
async fn a_lost_listen_connection_ends_the_subscriptions_so_clients_reconnect_and_re_read() {
    let (db, server) = start().await;
    let token = server.login("reviewer@acme.test", DEMO_PASSWORD).await;
    let mut client = WsClient::with_token(&server.base_url, &token).await;
    client.subscribe("1", APPROVAL_UPDATED, json!({})).await;
    server.wait_for_subscriptions(1).await;
    // The server's one LISTEN connection is cut (a failover, a network blip): events committed
    // until it is back would never arrive.
    let terminated = query_all(
        &db.owner,
        "SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
         WHERE datname = current_database() AND query LIKE 'LISTEN%'",
        [],
    )
    .await;
    assert_eq!(
        terminated.len(),
        1,
        "the server's LISTEN connection was not found"
    );
    // The operation may be completed first; then the connection closes with 1013.
    let mut received = client.receive(Duration::from_secs(10)).await;
    if matches!(&received, Received::Message(m) if m["type"] == "complete") {
        received = client.receive(Duration::from_secs(10)).await;
    }
    match received {
        Received::Closed(code, reason) => assert_eq!(code, 1013, "{reason}"),
        other => panic!("the subscription outlived the gap: {other:?}"),
    }
    // A new connection receives events again.
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let mut again = WsClient::with_token(&server.base_url, &token).await;
    again.subscribe("1", APPROVAL_UPDATED, json!({})).await;
    server.wait_for_subscriptions(1).await;
    for _ in 0..100 {
        if server.services().hub.stats().subscriptions.load(Relaxed) == 1
            && get::<i64>(
                &query_one(
                    &db.owner,
                    "SELECT count(*) AS n FROM pg_stat_activity
                     WHERE datname = current_database() AND query LIKE 'LISTEN%'",
                    [],
                )
                .await,
                "n",
            ) == 1
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (approval, _) = pending_approval(&server.base_url, &admin, "After the gap").await;
    let event = again.next_payload("1", Duration::from_secs(10)).await;
    assert_eq!(
        event["data"]["approvalUpdated"]["approval"]["id"],
        json!(approval)
    );
}

#[tokio::test]
async fn a_server_shutting_down_closes_its_websockets_with_1001() {
    let (_db, server) = start().await;
    let token = server.login("reviewer@acme.test", DEMO_PASSWORD).await;
    let mut client = WsClient::with_token(&server.base_url, &token).await;
    client.subscribe("1", APPROVAL_UPDATED, json!({})).await;
    server.wait_for_subscriptions(1).await;
    server.shut_down();
    match client.receive(Duration::from_secs(5)).await {
        Received::Closed(code, reason) => assert_eq!(code, 1001, "{reason}"),
        other => panic!("the WebSocket outlived the shutdown: {other:?}"),
    }
}
