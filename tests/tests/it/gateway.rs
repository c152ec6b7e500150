//! Federation through a real gateway: the tenant subgraph's SDL composes into a supergraph
//! (`gateway-config/compose.mjs`, The Guild's composition), and Hive Gateway
//! (`gateway-config/`, pinned in its lockfile) serves it, forwarding each client's credentials.
//! Sign-in, the tenant guard, error codes, operator headers and a deep plan query all work
//! through it, and so do subscriptions: a client subscribed through the gateway (WebSocket or
//! SSE) receives the event of a mutation sent through it, the gateway reaching the subgraph over
//! WebSocket with the client's credentials. Needs the gateway's packages: `cd gateway-config && npm ci` (`scripts/test` runs
//! it); without them the test fails, saying so, rather than passing without having run.

use leadmetrics_tests::server::{DEMO_PASSWORD, TestServer, error_code, tenant_ref_id};
use leadmetrics_tests::world::start;
use leadmetrics_tests::ws::{Received, WsClient};
use serde_json::{Value, json};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The gateway process, killed when the test ends.
struct Gateway {
    child: Child,
    url: String,
}

impl Drop for Gateway {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn gateway_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../gateway-config")
}

fn free_port() -> u16 {
    match TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0))) {
        Ok(listener) => listener.local_addr().map(|a| a.port()).unwrap_or(0),
        Err(error) => panic!("no free port: {error}"),
    }
}

/// The installed Hive Gateway binary. Fails when the gateway's packages are not installed: a
/// test that could not run must not pass.
fn installed_gateway() -> PathBuf {
    let binary = gateway_dir().join("node_modules/.bin/hive-gateway");
    assert!(
        binary.exists(),
        "the gateway's npm packages are not installed ({} is missing): \
         run `cd gateway-config && npm ci`, then run this test again",
        binary.display()
    );
    binary
}

/// Composes the supergraph of every registered subgraph at `urls` (`(name, url)`) and starts
/// Hive Gateway (`binary`) on it.
async fn start_gateway(binary: &Path, urls: &[(&str, String)], scratch: &Path) -> Gateway {
    let dir = gateway_dir();
    let supergraph = scratch.join("supergraph.graphql");
    let mut compose = Command::new("node");
    compose.arg(dir.join("compose.mjs")).arg(&supergraph);
    for (name, url) in urls {
        compose.env(format!("SUBGRAPH_{}_URL", name.to_ascii_uppercase()), url);
    }
    let composed = compose
        .output()
        .unwrap_or_else(|error| panic!("cannot run node: {error}"));
    assert!(
        composed.status.success(),
        "composition failed: {}",
        String::from_utf8_lossy(&composed.stderr)
    );

    let port = free_port();
    let log = std::fs::File::create(scratch.join("gateway.log"))
        .unwrap_or_else(|error| panic!("cannot create the gateway log: {error}"));
    let child = Command::new(binary)
        .arg("supergraph")
        .current_dir(&dir)
        .env("SUPERGRAPH_PATH", &supergraph)
        .env("GATEWAY_PORT", port.to_string())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap_or_else(|error| panic!("cannot start hive-gateway: {error}"));
    let gateway = Gateway {
        child,
        url: format!("http://127.0.0.1:{port}/graphql"),
    };
    let client = reqwest::Client::new();
    for _ in 0..300 {
        let ready = client
            .get(format!("http://127.0.0.1:{port}/readiness"))
            .send()
            .await
            .is_ok_and(|response| response.status().is_success());
        if ready {
            return gateway;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let log = std::fs::read_to_string(scratch.join("gateway.log")).unwrap_or_default();
    panic!("Hive Gateway did not become ready:\n{log}");
}

/// A fresh database, the tenant subgraph's test server (`server`), a test server of every other
/// registered subgraph over the same database (kept alive), and Hive Gateway in front of them all;
/// `scratch` holds the supergraph and the gateway's log.
async fn start_all() -> (
    leadmetrics_tests::TestDatabase,
    TestServer,
    Vec<TestServer>,
    Gateway,
    PathBuf,
) {
    let binary = installed_gateway();
    let (db, server) = start().await;
    let scratch = std::env::temp_dir().join(format!("lm-gateway-{}", db.name()));
    std::fs::create_dir_all(&scratch).unwrap_or_else(|error| panic!("{error}"));
    // Every registered subgraph, each on its own test server over the same database.
    let mut others = Vec::new();
    let mut urls = vec![("tenant", format!("{}/graphql", server.base_url))];
    for subgraph in subgraphs::registry::SUBGRAPHS {
        if subgraph.name != "tenant" {
            let other = TestServer::start_subgraph(&db, subgraph.name, &[]).await;
            urls.push((subgraph.name, format!("{}/graphql", other.base_url)));
            others.push(other);
        }
    }
    let gateway = start_gateway(&binary, &urls, &scratch).await;
    (db, server, others, gateway, scratch)
}

async fn through(
    gateway: &Gateway,
    headers: &[(&str, &str)],
    query: &str,
    variables: Value,
) -> Value {
    let mut request = reqwest::Client::new()
        .post(&gateway.url)
        .json(&json!({ "query": query, "variables": variables }));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request
        .send()
        .await
        .unwrap_or_else(|error| panic!("gateway request failed: {error}"));
    let text = response.text().await.unwrap_or_default();
    serde_json::from_str(&text).unwrap_or_else(|_| json!({ "raw": text }))
}

#[tokio::test]
async fn the_api_works_through_hive_gateway_with_the_tenant_guard_intact() {
    let (db, _server, others, gateway, scratch) = start_all().await;

    // Sign in through the gateway, then use the token.
    let login = through(
        &gateway,
        &[],
        "mutation($input: LoginInput!) { login(input: $input) { token } }",
        json!({ "input": { "email": "admin@acme.test", "password": DEMO_PASSWORD } }),
    )
    .await;
    let token = match login.pointer("/data/login/token").and_then(Value::as_str) {
        Some(token) => token.to_owned(),
        None => panic!("login through the gateway failed: {login}"),
    };
    let bearer = format!("Bearer {token}");
    let auth = [("authorization", bearer.as_str())];

    let me = through(
        &gateway,
        &auth,
        "{ me { user { email } tenant { slug } } }",
        json!({}),
    )
    .await;
    assert_eq!(
        me,
        json!({ "data": { "me": { "user": { "email": "admin@acme.test" }, "tenant": { "slug": "acme" } } } })
    );

    // A deep query crosses the entity types of the plan.
    let deep = through(
        &gateway,
        &auth,
        "{ activeStrategy { goals { name progress { percent } deliverables { periods { activities { title assignee { email } runs { status } } } } } } }",
        json!({}),
    )
    .await;
    assert!(deep.get("errors").is_none(), "{deep}");
    assert_eq!(
        deep["data"]["activeStrategy"]["goals"][0]["progress"]["percent"],
        33.3
    );

    // One query across both subgraphs: the plan's activities from the tenant subgraph, the
    // output of one of them from the content subgraph (the gateway's `_entities` call), its body
    // from the document store.
    let Some(content) = others.first() else {
        panic!("the content subgraph is registered and started")
    };
    let activity = leadmetrics_tests::query_one(
        &db.owner,
        "SELECT a.id, a.ref_id, a.tenant_id FROM activities a JOIN tenants t ON t.id = a.tenant_id
         WHERE t.slug = 'acme' AND a.deliverable_period_id IS NOT NULL ORDER BY a.ref_id LIMIT 1",
        [],
    )
    .await;
    let activity_id: uuid::Uuid = leadmetrics_tests::get(&activity, "id");
    let activity_ref: String = leadmetrics_tests::get(&activity, "ref_id");
    let tenant_id: uuid::Uuid = leadmetrics_tests::get(&activity, "tenant_id");
    let output = graph_core::documents::ActivityOutput {
        id: mongodb::bson::oid::ObjectId::new(),
        tenant_id: tenant_id.to_string(),
        activity_id: Some(activity_ref.clone()),
        format: "markdown".to_owned(),
        title: None,
        content_type: "text/markdown".to_owned(),
        s3_key: None,
        size_bytes: None,
        body: Some("# Written by the agent".to_owned()),
        word_count: Some(4),
        created_at: mongodb::bson::DateTime::now(),
    };
    let reference = output.id.to_hex();
    if let Err(error) = content
        .services()
        .documents
        .platform_collection::<graph_core::documents::ActivityOutput>()
        .insert_one(output)
        .await
    {
        panic!("cannot write the output: {error}");
    }
    if let Err(error) = leadmetrics_tests::exec_with(
        &db.owner,
        "UPDATE activities SET output_ref = $1 WHERE id = $2",
        [reference.into(), activity_id.into()],
    )
    .await
    {
        panic!("{error}");
    }
    let across = through(
        &gateway,
        &auth,
        "query($id: ID!) { activity(id: $id) { id title status output { format inlineBody } } }",
        json!({ "id": activity_ref }),
    )
    .await;
    assert!(across.get("errors").is_none(), "{across}");
    assert_eq!(
        across["data"]["activity"]["output"],
        json!({ "format": "markdown", "inlineBody": "# Written by the agent" }),
        "{across}"
    );
    assert!(across["data"]["activity"]["title"].is_string(), "{across}");

    // The guard still answers: another tenant's strategy is null, codes pass through.
    let globex_strategy: String = {
        let row = leadmetrics_tests::query_one(
            &db.owner,
            "SELECT s.ref_id FROM strategies s JOIN tenants t ON t.id = s.tenant_id
             WHERE t.slug = 'globex' AND s.status = 'active'",
            [],
        )
        .await;
        leadmetrics_tests::get(&row, "ref_id")
    };
    let foreign = through(
        &gateway,
        &auth,
        "query($id: ID!) { strategy(id: $id) { id } }",
        json!({ "id": globex_strategy }),
    )
    .await;
    assert_eq!(foreign, json!({ "data": { "strategy": null } }));

    let anonymous = through(&gateway, &[], "{ tenant { slug } }", json!({})).await;
    assert_eq!(
        error_code(&anonymous),
        Some("UNAUTHENTICATED"),
        "{anonymous}"
    );

    let invalid = through(
        &gateway,
        &auth,
        "{ users(first: 1000) { nodes { id } } }",
        json!({}),
    )
    .await;
    assert_eq!(error_code(&invalid), Some("BAD_USER_INPUT"), "{invalid}");

    // Operator headers reach the subgraph, and the act is audited there.
    let operator = through(
        &gateway,
        &[],
        "mutation($input: LoginInput!) { login(input: $input) { token } }",
        json!({ "input": { "email": "super-admin@leadmetrics.test", "password": DEMO_PASSWORD } }),
    )
    .await;
    let operator_bearer = format!(
        "Bearer {}",
        operator["data"]["login"]["token"]
            .as_str()
            .unwrap_or_default()
    );
    let globex = tenant_ref_id(&db, "globex").await;
    let acting = through(
        &gateway,
        &[
            ("authorization", operator_bearer.as_str()),
            ("x-act-for-tenant", globex.as_str()),
            // The subgraphs trust the gateway's request id; a client's must not get through.
            ("x-request-id", "forged-by-the-client"),
        ],
        "query ThroughGateway { me { actingAsOperator tenant { slug } } }",
        json!({}),
    )
    .await;
    assert_eq!(
        acting,
        json!({ "data": { "me": { "actingAsOperator": true, "tenant": { "slug": "globex" } } } })
    );
    let audited = leadmetrics_tests::query_one(
        &db.owner,
        "SELECT count(*)::int AS n FROM operator_audit_log WHERE operation_name = 'ThroughGateway'",
        [],
    )
    .await;
    assert!(leadmetrics_tests::get::<i32>(&audited, "n") >= 1);
    let forged = leadmetrics_tests::query_one(
        &db.owner,
        "SELECT count(*)::int AS n FROM operator_audit_log WHERE request_id = 'forged-by-the-client'",
        [],
    )
    .await;
    assert_eq!(leadmetrics_tests::get::<i32>(&forged, "n"), 0);

    // The gateway appends its client's address to X-Forwarded-For (the test servers trust one
    // proxy): a contract accepted from 127.0.0.2 records 127.0.0.2, not the gateway's address
    // and not the address the client forged.
    let globex_admin = through(
        &gateway,
        &[],
        "mutation($input: LoginInput!) { login(input: $input) { token } }",
        json!({ "input": { "email": "admin@globex.test", "password": DEMO_PASSWORD } }),
    )
    .await;
    let globex_bearer = format!(
        "Bearer {}",
        globex_admin["data"]["login"]["token"]
            .as_str()
            .unwrap_or_default()
    );
    let from_elsewhere = reqwest::Client::builder()
        .local_address(std::net::IpAddr::from([127, 0, 0, 2]))
        .build()
        .unwrap_or_else(|error| panic!("{error}"));
    let accepted: Value = from_elsewhere
        .post(&gateway.url)
        .header("authorization", globex_bearer)
        .header("x-forwarded-for", "6.6.6.6")
        .json(&json!({ "query": "mutation { acceptContract { acceptedIp } }" }))
        .send()
        .await
        .unwrap_or_else(|error| panic!("{error}"))
        .json()
        .await
        .unwrap_or(Value::Null);
    assert_eq!(
        accepted,
        json!({ "data": { "acceptContract": { "acceptedIp": "127.0.0.2" } } })
    );
    let _ = std::fs::remove_dir_all(&scratch);
}

/// The string at `pointer` of `body`.
fn at(body: &Value, pointer: &str) -> String {
    match body.pointer(pointer).and_then(Value::as_str) {
        Some(text) => text.to_owned(),
        None => panic!("no {pointer} in {body}"),
    }
}

/// Signs in through the gateway; the bearer token.
async fn login_through(gateway: &Gateway, email: &str) -> String {
    let login = through(
        gateway,
        &[],
        "mutation($input: LoginInput!) { login(input: $input) { token } }",
        json!({ "input": { "email": email, "password": DEMO_PASSWORD } }),
    )
    .await;
    at(&login, "/data/login/token")
}

/// The data of the next `next` event of an SSE response within `wait`.
async fn sse_next(response: &mut reqwest::Response, wait: Duration) -> Value {
    let deadline = tokio::time::Instant::now() + wait;
    let mut text = String::new();
    loop {
        // Events are separated by a blank line.
        while let Some(end) = text.find("\n\n") {
            let event: String = text.drain(..end + 2).collect();
            if event.lines().any(|line| line == "event: next") {
                let data: String = event
                    .lines()
                    .filter_map(|line| line.strip_prefix("data:"))
                    .map(str::trim_start)
                    .collect();
                return serde_json::from_str(&data).unwrap_or_else(|_| json!({ "raw": data }));
            }
        }
        match tokio::time::timeout_at(deadline, response.chunk()).await {
            Ok(Ok(Some(chunk))) => text.push_str(&String::from_utf8_lossy(&chunk)),
            other => panic!("no SSE event within {wait:?} ({other:?}); received {text:?}"),
        }
    }
}

/// A counter of the tenant subgraph's live-update hub.
fn hub_stat(
    server: &TestServer,
    counter: impl Fn(&graph_core::live::HubStats) -> &std::sync::atomic::AtomicU64,
) -> u64 {
    counter(server.services().hub.stats()).load(std::sync::atomic::Ordering::Relaxed)
}

/// Waits up to 10 s for a counter of the hub to read `value`.
async fn wait_for_stat(
    server: &TestServer,
    counter: impl Fn(&graph_core::live::HubStats) -> &std::sync::atomic::AtomicU64,
    value: u64,
) {
    for _ in 0..1000 {
        if hub_stat(server, &counter) == value {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("the hub's counter never read {value}");
}

const APPROVAL_UPDATED: &str = "subscription($filter: ApprovalUpdateFilter) {
  approvalUpdated(filter: $filter) { kind approval { id status title activity { id status } } } }";

/// Issue 12: the composed supergraph carries the subscriptions, and Hive Gateway reaches the
/// tenant subgraph's over WebSocket with each client's credentials (`gateway-config/README.md`).
#[tokio::test]
async fn a_client_subscribed_through_hive_gateway_receives_the_event_of_a_mutation_sent_through_it()
{
    let (_db, server, _others, gateway, scratch) = start_all().await;
    let admin = format!(
        "Bearer {}",
        login_through(&gateway, "admin@acme.test").await
    );
    let reviewer_token = login_through(&gateway, "reviewer@acme.test").await;
    let reviewer = format!("Bearer {reviewer_token}");

    // A pending approval, made through the gateway.
    let admin_auth = [("authorization", admin.as_str())];
    let activity = through(
        &gateway,
        &admin_auth,
        "mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }",
        json!({ "input": { "title": "Gateway post", "type": "WRITE", "assignee": { "type": "AGENT", "agentRole": "copywriter" } } }),
    )
    .await;
    let activity = at(&activity, "/data/createActivity/id");
    let started = through(
        &gateway,
        &admin_auth,
        "mutation($id: ID!) { changeActivityStatus(id: $id, status: IN_PROGRESS) { status } }",
        json!({ "id": activity }),
    )
    .await;
    assert_eq!(
        at(&started, "/data/changeActivityStatus/status"),
        "IN_PROGRESS"
    );
    let approval = through(
        &gateway,
        &admin_auth,
        "mutation($input: CreateApprovalInput!) { createApproval(input: $input) { id } }",
        json!({ "input": { "activityId": activity, "type": "CONTENT_REVIEW", "title": "Gateway post" } }),
    )
    .await;
    let approval = at(&approval, "/data/createApproval/id");

    // The reviewer subscribes over the gateway's WebSocket (graphql-transport-ws on its
    // /graphql), credentials in connection_init as a browser sends them; the gateway opens its
    // own WebSocket to the tenant subgraph with them.
    let mut client = WsClient::connect(&gateway.url).await;
    match client
        .init(json!({ "Authorization": reviewer.as_str() }))
        .await
    {
        Received::Message(message) if message["type"] == "connection_ack" => {}
        other => panic!("the gateway did not acknowledge connection_init: {other:?}"),
    }
    // A query over that WebSocket reaches the subgraph (over HTTP) with the same credentials.
    client
        .subscribe("me", "{ me { user { email } } }", json!({}))
        .await;
    assert_eq!(
        client.next_payload("me", Duration::from_secs(5)).await,
        json!({ "data": { "me": { "user": { "email": "reviewer@acme.test" } } } })
    );
    assert!(matches!(
        client.receive(Duration::from_secs(5)).await,
        Received::Message(message) if message["type"] == "complete" && message["id"] == "me"
    ));
    client
        .subscribe(
            "1",
            APPROVAL_UPDATED,
            json!({ "filter": { "approvalId": approval } }),
        )
        .await;
    // A second reviewer's client subscribes over SSE, credentials in its request's headers: the
    // gateway sends it over the same connection to the subgraph (same credentials).
    let mut sse = reqwest::Client::new()
        .post(&gateway.url)
        .header("authorization", reviewer.as_str())
        .header("accept", "text/event-stream")
        .json(&json!({ "query": APPROVAL_UPDATED, "variables": { "filter": { "approvalId": approval } } }))
        .send()
        .await
        .unwrap_or_else(|error| panic!("SSE request failed: {error}"));
    assert!(sse.status().is_success(), "{}", sse.status());
    server.wait_for_subscriptions(2).await;
    assert_eq!(hub_stat(&server, |stats| &stats.connections), 1);

    // The mutation goes through the gateway over HTTP; the event comes back through it.
    let approved = through(
        &gateway,
        &[("authorization", reviewer.as_str())],
        "mutation($id: ID!) { approveApproval(id: $id) { id status } }",
        json!({ "id": approval }),
    )
    .await;
    assert_eq!(
        at(&approved, "/data/approveApproval/status"),
        "APPROVED",
        "{approved}"
    );
    let event = client.next_payload("1", Duration::from_secs(5)).await;
    assert!(event.get("errors").is_none(), "{event}");
    assert_eq!(event["data"]["approvalUpdated"]["kind"], "RESOLVED");
    let delivered = &event["data"]["approvalUpdated"]["approval"];
    assert_eq!(delivered["id"], json!(approval));
    assert_eq!(delivered["status"], "APPROVED");
    assert_eq!(delivered["title"], "Gateway post");
    assert_eq!(delivered["activity"]["id"], json!(activity));
    let over_sse = sse_next(&mut sse, Duration::from_secs(5)).await;
    assert_eq!(over_sse, event);
    // A client that goes away ends its subscription on the subgraph.
    drop(sse);
    wait_for_stat(&server, |stats| &stats.subscriptions, 1).await;

    // Clients with other credentials never share the gateway's connection to the subgraph: the
    // admin's subscription opens a second one. A client's `complete` ends its subscription on
    // the subgraph too.
    let mut other = WsClient::connect(&gateway.url).await;
    assert!(matches!(
        other.init(json!({ "authorization": admin.as_str() })).await,
        Received::Message(message) if message["type"] == "connection_ack"
    ));
    other.subscribe("all", APPROVAL_UPDATED, json!({})).await;
    server.wait_for_subscriptions(2).await;
    assert_eq!(hub_stat(&server, |stats| &stats.connections), 2);
    client.send(json!({ "type": "complete", "id": "1" })).await;
    wait_for_stat(&server, |stats| &stats.subscriptions, 1).await;

    // Without credentials the gateway acknowledges (it authenticates nobody itself), but the
    // subgraph refuses its connection (4403): the subscription ends at once with
    // UNAUTHENTICATED and no data, and the subgraph never held it.
    let mut anonymous = WsClient::connect(&gateway.url).await;
    assert!(matches!(
        anonymous.init(json!({})).await,
        Received::Message(message) if message["type"] == "connection_ack"
    ));
    anonymous
        .subscribe(
            "1",
            APPROVAL_UPDATED,
            json!({ "filter": { "approvalId": approval } }),
        )
        .await;
    let refused = anonymous.next_payload("1", Duration::from_secs(5)).await;
    assert_eq!(refused["data"], Value::Null, "{refused}");
    assert_eq!(error_code(&refused), Some("UNAUTHENTICATED"), "{refused}");
    assert!(matches!(
        anonymous.receive(Duration::from_secs(5)).await,
        Received::Message(message) if message["type"] == "complete" && message["id"] == "1"
    ));
    assert_eq!(hub_stat(&server, |stats| &stats.subscriptions), 1);
    let _ = std::fs::remove_dir_all(&scratch);
}
