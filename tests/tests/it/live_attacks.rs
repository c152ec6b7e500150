//! Attacks on live updates (issue 12): what an attacker sends over `graphql-transport-ws`, and
//! what must never get through. Each test is named after the behaviour that must hold.

use leadmetrics_tests::server::{DEMO_PASSWORD, TestServer};
use leadmetrics_tests::world::{start, start_with, tenant_uuid};
use leadmetrics_tests::ws::{Received, WsClient};
use leadmetrics_tests::{exec, exec_with, get, query_one};
use serde_json::{Value, json};
use std::time::Duration;

const NOTIFICATION_ADDED: &str =
    "subscription { notificationAdded { id type message isBroadcast } }";

/// Inserts a broadcast to the admins of `slug` as the table owner and publishes its event, as
/// `broadcastNotification` does; returns its id.
async fn broadcast(db: &leadmetrics_tests::TestDatabase, slug: &str, message: &str) -> String {
    let tenant = tenant_uuid(db, slug).await;
    let row = query_one(
        &db.owner,
        "INSERT INTO notifications (tenant_id, user_id, type, message) \
         VALUES ($1::uuid, NULL, 'admin_broadcast', $2) RETURNING ref_id",
        [tenant.to_string().into(), message.into()],
    )
    .await;
    let id: String = get(&row, "ref_id");
    let event = json!({ "tenant": tenant, "topic": "notification", "id": id });
    exec_with(
        &db.owner,
        "SELECT pg_notify('leadmetrics_events', $1)",
        [event.to_string().into()],
    )
    .await
    .unwrap_or_else(|error| panic!("statement failed: {error}"));
    id
}

/// Whether the server still answers over HTTP (it did not crash or hang).
async fn alive(server: &TestServer) {
    let token = server.login("member@acme.test", DEMO_PASSWORD).await;
    let body = server.gql(Some(&token), "{ __typename }", json!({})).await;
    assert_eq!(body["data"]["__typename"], "Query", "{body}");
}

#[tokio::test]
async fn an_admin_demoted_to_member_stops_receiving_admin_broadcasts_on_an_open_subscription() {
    let (db, server) = start_with(&[("WS_REAUTHENTICATE_SECONDS", "1")]).await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let mut socket = WsClient::with_token(&server.base_url, &admin).await;
    socket.subscribe("n", NOTIFICATION_ADDED, json!({})).await;
    server.wait_for_subscriptions(1).await;
    // The control: while an admin, the broadcast arrives.
    broadcast(&db, "acme", "before the demotion").await;
    let event = socket.next_payload("n", Duration::from_secs(5)).await;
    assert_eq!(event["data"]["notificationAdded"]["isBroadcast"], true);

    // Another admin demotes them (the same row change `updateUser` makes).
    exec(
        &db.owner,
        "UPDATE users SET role = 'member' WHERE email = 'admin@acme.test'",
    )
    .await;
    // Over HTTP the demotion applies at once: the broadcast list is no longer theirs.
    let listed = server
        .gql(
            Some(&admin),
            "{ notifications(first: 10) { edges { node { isBroadcast } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        listed
            .pointer("/data/notifications/edges")
            .map(Value::to_string),
        Some("[]".to_owned()),
        "HTTP control: {listed}"
    );
    // Several re-authentications pass on the open connection.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let secret = broadcast(&db, "acme", "admins only: the board meets at 9").await;
    match socket.receive(Duration::from_secs(3)).await {
        Received::Nothing | Received::Closed(..) => {}
        Received::Message(message) => panic!(
            "a member (demoted admin) still received admin broadcast {secret} over the open subscription: {message}"
        ),
    }
}

#[tokio::test]
async fn subscribe_messages_count_against_the_address_rate_limit_like_http_requests() {
    let (_db, server) = start_with(&[("RATE_LIMIT_REQUESTS_PER_MINUTE_PER_ADDRESS", "5")]).await;
    let token = server.login("reviewer@acme.test", DEMO_PASSWORD).await;
    // The control: over HTTP an address (here a proxied one) gets at most 5 requests a minute.
    let client = reqwest::Client::new();
    let mut http_statuses = Vec::new();
    for _ in 0..8 {
        let status = client
            .post(format!("{}/graphql", server.base_url))
            .bearer_auth(&token)
            .header("x-forwarded-for", "203.0.113.9")
            .json(&json!({ "query": "{ __typename }" }))
            .send()
            .await
            .map(|response| response.status().as_u16())
            .unwrap_or(0);
        http_statuses.push(status);
    }
    assert!(
        http_statuses.contains(&429),
        "HTTP control: {http_statuses:?}"
    );
    // The WebSocket comes from the test's own address (one login and this upgrade so far).
    let mut socket = WsClient::with_token(&server.base_url, &token).await;
    // Each of these opens a database transaction of the tenant (the filter's id is looked up).
    let mut codes = Vec::new();
    for i in 0..200 {
        socket
            .subscribe(
                &format!("s{i}"),
                "subscription($f: ApprovalUpdateFilter) { approvalUpdated(filter: $f) { kind } }",
                json!({ "f": { "approvalId": "01J0000000000000000000000A" } }),
            )
            .await;
        match socket.receive(Duration::from_secs(5)).await {
            Received::Message(message) => {
                let code = message
                    .pointer("/payload/errors/0/extensions/code")
                    .or_else(|| message.pointer("/payload/0/extensions/code"))
                    .and_then(Value::as_str)
                    .unwrap_or("none")
                    .to_owned();
                codes.push(code);
                // The `complete` that follows a failed operation.
                let _ = socket.receive(Duration::from_millis(200)).await;
            }
            other => {
                codes.push(format!("{other:?}"));
                break;
            }
        }
    }
    let limited = codes
        .iter()
        .any(|code| code == "RATE_LIMITED" || code.contains("Closed"));
    assert!(
        limited,
        "200 subscribe messages in a few seconds from an address limited to 5 requests a minute: none limited ({} NOT_FOUND, each a tenant transaction)",
        codes.iter().filter(|code| *code == "NOT_FOUND").count()
    );
}

#[tokio::test]
async fn a_deeply_nested_subscription_document_is_refused_and_the_server_lives_on() {
    let (_db, server) = start().await;
    let token = server.login("reviewer@acme.test", DEMO_PASSWORD).await;
    let mut socket = WsClient::with_token(&server.base_url, &token).await;
    let levels = 20_000;
    let query = format!("subscription {}{}", "{a".repeat(levels), "}".repeat(levels));
    socket.subscribe("deep", &query, json!({})).await;
    let answer = socket.receive(Duration::from_secs(20)).await;
    eprintln!("deep document over WebSocket: {answer:?}");
    match answer {
        Received::Message(message) => assert_eq!(message["type"], "error", "{message}"),
        other => panic!("no error for the deep document: {other:?}"),
    }
    alive(&server).await;
}

#[tokio::test]
async fn a_deeply_nested_http_document_is_refused_and_the_server_lives_on() {
    let (_db, server) = start().await;
    let levels = 300_000;
    let query = format!("{}{}", "{a".repeat(levels), "}".repeat(levels));
    let (status, body) = server.post(json!({ "query": query }), &[]).await;
    eprintln!("deep document over HTTP: {status} {body}");
    alive(&server).await;
}

/// What the server answers `message` on a fresh acknowledged connection.
async fn answer(server: &TestServer, token: &str, message: &str) -> Vec<Received> {
    let mut socket = WsClient::with_token(&server.base_url, token).await;
    let _ = socket.try_send_text(message).await;
    let mut answers = Vec::new();
    loop {
        let next = socket.receive(Duration::from_millis(1500)).await;
        let end = !matches!(next, Received::Message(_));
        answers.push(next);
        if end || answers.len() > 4 {
            return answers;
        }
    }
}

#[tokio::test]
async fn protocol_abuse_is_refused_with_codes_and_never_crashes_the_server() {
    let (_db, server) = start().await;
    let token = server.login("reviewer@acme.test", DEMO_PASSWORD).await;
    let subscribe = |query: &str, variables: Value| {
        json!({ "type": "subscribe", "id": "1", "payload": { "query": query, "variables": variables } })
            .to_string()
    };
    let probes: Vec<(&str, String)> = vec![
        ("__typename root", subscribe("subscription { __typename }", json!({}))),
        ("__schema root", subscribe("subscription { __schema { queryType { name } } }", json!({}))),
        ("__type root", subscribe("subscription { __type(name: \"Query\") { name } }", json!({}))),
        ("alias + __typename", subscribe("subscription { a: approvalUpdated { kind } b: __typename }", json!({}))),
        ("fragment at root", subscribe("subscription { ...F } fragment F on Subscription { approvalUpdated { kind } }", json!({}))),
        ("inline fragment at root", subscribe("subscription { ... on Subscription { approvalUpdated { kind } notificationAdded { id } } }", json!({}))),
        ("skipped field", subscribe("subscription { approvalUpdated @skip(if: true) { kind } }", json!({}))),
        ("query over ws", subscribe("query { __typename }", json!({}))),
        ("variables array", subscribe("subscription { approvalUpdated { kind } }", json!([1]))),
        ("variables string", subscribe("subscription { approvalUpdated { kind } }", json!("x"))),
        ("1 kB id in filter", subscribe("subscription($f: ApprovalUpdateFilter) { approvalUpdated(filter: $f) { kind } }", json!({ "f": { "approvalId": "Z".repeat(1000) } }))),
        ("__typename in payload selection", subscribe("subscription { approvalUpdated { __typename approval { __typename } } }", json!({}))),
        ("unknown operationName", json!({ "type": "subscribe", "id": "1", "payload": { "query": "subscription A { approvalUpdated { kind } }", "operationName": "B" } }).to_string()),
        ("complete unknown id", json!({ "type": "complete", "id": "nope" }).to_string()),
        ("129-byte id", json!({ "type": "subscribe", "id": "i".repeat(129), "payload": { "query": "subscription { approvalUpdated { kind } }" } }).to_string()),
        ("query not a string", json!({ "type": "subscribe", "id": "1", "payload": { "query": 5 } }).to_string()),
        ("second init", json!({ "type": "connection_init" }).to_string()),
        ("ping with payload", json!({ "type": "ping", "payload": { "x": [1, 2, 3] } }).to_string()),
        ("unknown type", json!({ "type": "start", "id": "1", "payload": { "query": "x" } }).to_string()),
        ("70 kB message", json!({ "type": "ping", "payload": "x".repeat(70_000) }).to_string()),
    ];
    for (name, message) in probes {
        let answers = answer(&server, &token, &message).await;
        eprintln!("{name}: {answers:?}");
    }
    // Binary frames and duplicate ids.
    let mut socket = WsClient::with_token(&server.base_url, &token).await;
    socket.send_binary(vec![0, 1, 2]).await;
    eprintln!("binary: {:?}", socket.receive(Duration::from_secs(2)).await);
    let mut socket = WsClient::with_token(&server.base_url, &token).await;
    socket
        .subscribe("d", "subscription { approvalUpdated { kind } }", json!({}))
        .await;
    socket
        .subscribe("d", "subscription { approvalUpdated { kind } }", json!({}))
        .await;
    eprintln!(
        "duplicate id: {:?}",
        socket.receive(Duration::from_secs(2)).await
    );
    // Subscribe before init; an operator header from a non-operator.
    let mut socket = WsClient::connect(&server.base_url).await;
    socket
        .subscribe("x", "subscription { approvalUpdated { kind } }", json!({}))
        .await;
    eprintln!(
        "before init: {:?}",
        socket.receive(Duration::from_secs(2)).await
    );
    let mut socket = WsClient::connect(&server.base_url).await;
    let init = socket
        .init(json!({ "Authorization": format!("Bearer {token}"), "actForTenant": "01J0000000000000000000000A" }))
        .await;
    eprintln!("act for tenant as a reviewer: {init:?}");
    let mut socket = WsClient::connect(&server.base_url).await;
    let init = socket
        .init(json!({ "Authorization": format!("Bearer {token}"), "apiKey": "lm_x" }))
        .await;
    eprintln!("both credentials: {init:?}");
    let mut socket = WsClient::connect(&server.base_url).await;
    let init = socket
        .init(json!({ "Authorization": "Bearer a.b.c" }))
        .await;
    eprintln!("forged token: {init:?}");
    alive(&server).await;
}

/// A connection that sends and never reads: authenticated, subscribed to every approval change
/// of its tenant, then flooding big pings (each answered with an equally big pong the server
/// cannot deliver). Returns the sending half (kept open) and the task that keeps pinging.
async fn stalling_connection(base_url: &str, token: &str) -> tokio::task::JoinHandle<()> {
    use futures::{SinkExt, StreamExt};
    use tokio_tungstenite::tungstenite::Message;
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;
    let url = format!("{}/graphql", base_url.replacen("http://", "ws://", 1));
    let mut request = url
        .into_client_request()
        .unwrap_or_else(|error| panic!("bad URL: {error}"));
    request.headers_mut().insert(
        "sec-websocket-protocol",
        tokio_tungstenite::tungstenite::http::HeaderValue::from_static("graphql-transport-ws"),
    );
    let (socket, _) = tokio_tungstenite::connect_async(request)
        .await
        .unwrap_or_else(|error| panic!("connect: {error}"));
    let (mut sink, mut stream) = socket.split();
    let init = json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {token}") } });
    let _ = sink.send(Message::Text(init.to_string().into())).await;
    // Read only the acknowledgement.
    let _ = stream.next().await;
    let subscribe = json!({ "type": "subscribe", "id": "a", "payload": { "query": "subscription { approvalUpdated { kind approval { id } } }" } });
    let _ = sink.send(Message::Text(subscribe.to_string().into())).await;
    let ping = json!({ "type": "ping", "payload": "p".repeat(60_000) }).to_string();
    tokio::spawn(async move {
        let _stream = stream; // never read
        for _ in 0..2000 {
            if sink.send(Message::Text(ping.clone().into())).await.is_err() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
}

#[tokio::test]
async fn clients_that_stop_reading_cannot_pin_the_database_pool_of_other_tenants() {
    let (db, server) = start().await;
    let admin = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let victim = server.login("member@acme.test", DEMO_PASSWORD).await;
    let mut stalls = Vec::new();
    for _ in 0..12 {
        stalls.push(stalling_connection(&server.base_url, &admin).await);
    }
    server.wait_for_subscriptions(12).await;
    // Events of the attacker's tenant, continuously (each is re-read by one subscriber): one
    // pending approval, reassigned back and forth.
    let post = |query: &'static str, variables: Value| {
        let base_url = server.base_url.clone();
        let token = admin.clone();
        async move {
            reqwest::Client::new()
                .post(format!("{base_url}/graphql"))
                .bearer_auth(&token)
                .json(&json!({ "query": query, "variables": variables }))
                .send()
                .await
                .unwrap_or_else(|error| panic!("request: {error}"))
                .json::<Value>()
                .await
                .unwrap_or_default()
        }
    };
    let activity = post("mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }",
        json!({ "input": { "title": "flood", "type": "WRITE", "assignee": { "type": "AGENT", "agentRole": "copywriter" } } })).await;
    let activity = activity
        .pointer("/data/createActivity/id")
        .cloned()
        .unwrap_or_default();
    post(
        "mutation($id: ID!) { changeActivityStatus(id: $id, status: IN_PROGRESS) { id } }",
        json!({ "id": activity }),
    )
    .await;
    let approval = post(
        "mutation($input: CreateApprovalInput!) { createApproval(input: $input) { id } }",
        json!({ "input": { "activityId": activity, "type": "CONTENT_REVIEW", "title": "flood" } }),
    )
    .await;
    let approval = approval
        .pointer("/data/createApproval/id")
        .cloned()
        .unwrap_or_default();
    assert!(approval.is_string(), "no approval: {approval}");
    let reviewers = [
        leadmetrics_tests::world::user_ref_id(&db, "reviewer@acme.test").await,
        leadmetrics_tests::world::user_ref_id(&db, "admin@acme.test").await,
    ];
    let (base_url, token) = (server.base_url.clone(), admin.clone());
    let events = tokio::spawn(async move {
        let client = reqwest::Client::new();
        for i in 0..10_000 {
            let body = json!({ "query": "mutation($id: ID!, $reviewer: ID!) { assignApprovalReviewer(id: $id, reviewerId: $reviewer) { id } }",
                "variables": { "id": approval, "reviewer": reviewers[i % 2] } });
            let _ = client
                .post(format!("{base_url}/graphql"))
                .bearer_auth(&token)
                .json(&body)
                .send()
                .await;
        }
    });
    // Meanwhile, plain reads; none should wait on the pool.
    let mut slowest = Duration::ZERO;
    let mut failures = Vec::new();
    let until = std::time::Instant::now() + Duration::from_secs(25);
    while std::time::Instant::now() < until {
        let started = std::time::Instant::now();
        let body = server
            .gql(Some(&victim), "{ tenant { id } }", json!({}))
            .await;
        let took = started.elapsed();
        slowest = slowest.max(took);
        if body.get("errors").is_some() {
            failures.push(body.to_string());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    events.abort();
    for stall in stalls {
        stall.abort();
    }
    let stats = server.services().hub.stats();
    eprintln!(
        "slowest read {slowest:?}, failures {}: {:?}; events dispatched {}, connections open {}, lagged {}",
        failures.len(),
        failures.first(),
        stats
            .events_dispatched
            .load(std::sync::atomic::Ordering::Relaxed),
        stats.connections.load(std::sync::atomic::Ordering::Relaxed),
        stats.lagged.load(std::sync::atomic::Ordering::Relaxed),
    );
    assert!(
        slowest < Duration::from_secs(2) && failures.is_empty(),
        "reads waited {slowest:?} ({} failed) while connections that stopped reading held events' loads",
        failures.len()
    );
}

#[tokio::test]
async fn a_tenant_cancelled_or_a_user_deactivated_mid_connection_is_disconnected_at_reauthentication()
 {
    let (db, server) = start_with(&[("WS_REAUTHENTICATE_SECONDS", "1")]).await;
    let reviewer = server.login("reviewer@acme.test", DEMO_PASSWORD).await;
    let member = server.login("member@acme.test", DEMO_PASSWORD).await;
    let mut by_reviewer = WsClient::with_token(&server.base_url, &reviewer).await;
    by_reviewer
        .subscribe("a", "subscription { approvalUpdated { kind } }", json!({}))
        .await;
    exec(
        &db.owner,
        "UPDATE users SET status = 'deactivated' WHERE email = 'reviewer@acme.test'",
    )
    .await;
    let closed = by_reviewer.receive(Duration::from_secs(4)).await;
    eprintln!("deactivated user: {closed:?}");
    assert!(matches!(closed, Received::Closed(4401, _)), "{closed:?}");
    let mut by_member = WsClient::with_token(&server.base_url, &member).await;
    by_member
        .subscribe("a", "subscription { approvalUpdated { kind } }", json!({}))
        .await;
    exec(
        &db.owner,
        "UPDATE tenants SET status = 'cancelled' WHERE slug = 'acme'",
    )
    .await;
    let closed = by_member.receive(Duration::from_secs(4)).await;
    eprintln!("cancelled tenant: {closed:?}");
    assert!(matches!(closed, Received::Closed(4401, _)), "{closed:?}");
}

#[tokio::test]
async fn a_client_that_never_answers_pings_is_closed_with_1008() {
    let (_db, server) = start_with(&[("WS_KEEPALIVE_SECONDS", "1")]).await;
    let token = server.login("reviewer@acme.test", DEMO_PASSWORD).await;
    let mut socket = WsClient::with_token(&server.base_url, &token).await;
    // Not reading (so not answering) for three intervals.
    tokio::time::sleep(Duration::from_millis(3500)).await;
    let mut last = Received::Nothing;
    for _ in 0..10 {
        last = socket.receive(Duration::from_millis(500)).await;
        if matches!(last, Received::Closed(..)) {
            break;
        }
    }
    eprintln!("silent client: {last:?}");
    assert!(matches!(last, Received::Closed(1008, _)), "{last:?}");
}
