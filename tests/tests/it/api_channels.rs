//! Channels through the content subgraph: connecting (tokens encrypted, write-only), the
//! filtered list, updates, scores with their history and delta, disconnecting and deleting —
//! each change read back — and every refusal changing nothing.

use leadmetrics_tests::api::{Headers, assert_bad_input, call, data, ok};
use leadmetrics_tests::content::start_content;
use leadmetrics_tests::query_one;
use leadmetrics_tests::server::error_code;
use serde_json::{Value, json};

const CONNECT: &str = "mutation($input: ConnectChannelInput!) {
  connectChannel(input: $input) { id platform channelType name externalId status hasAccessToken
    hasRefreshToken tokenExpiresAt scopes metadata score { value } } }";
const SCORE: &str = "mutation($input: RecordChannelScoreInput!) {
  recordChannelScore(input: $input) { id score period } }";
const CHANNEL: &str = "query($id: ID!) { channel(id: $id) { id name status hasAccessToken
  score { value previous delta breakdown } scoreHistory { score period } } }";

fn linkedin(external_id: &str) -> Value {
    json!({
        "platform": "LINKEDIN",
        "name": "Acme LinkedIn",
        "externalId": external_id,
        "externalUrl": "https://www.linkedin.com/company/acme",
        "accessToken": "access-token-secret-value-1",
        "refreshToken": "refresh-token-secret-value-1",
        "scopes": ["w_member_social"],
        "metadata": { "followersCount": 1200 }
    })
}

async fn connect(
    server: &leadmetrics_tests::server::TestServer,
    admin: &Headers,
    id: &str,
) -> String {
    let body = call(server, admin, CONNECT, json!({ "input": linkedin(id) })).await;
    ok(&body);
    data(&body, "/data/connectChannel/id")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn an_admin_connects_a_channel_whose_tokens_are_stored_encrypted_and_never_returned() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let body = call(
        &world.content,
        &admin,
        CONNECT,
        json!({ "input": linkedin("acme-page") }),
    )
    .await;
    ok(&body);
    let channel = data(&body, "/data/connectChannel");
    assert_eq!(channel["channelType"], "SOCIAL");
    assert_eq!(channel["status"], "CONNECTED");
    assert_eq!(channel["hasAccessToken"], true);
    assert_eq!(channel["hasRefreshToken"], true);
    assert!(!body.to_string().contains("secret-value"), "{body}");
    let row = query_one(
        &world.db.owner,
        "SELECT access_token, refresh_token FROM channels WHERE ref_id = $1",
        [channel["id"].as_str().unwrap_or_default().into()],
    )
    .await;
    let access: String = leadmetrics_tests::get(&row, "access_token");
    assert!(
        !access.contains("secret-value"),
        "stored in clear: {access}"
    );

    // Connected twice: CONFLICT. Another tenant may connect the same page id.
    let again = call(
        &world.content,
        &admin,
        CONNECT,
        json!({ "input": linkedin("acme-page") }),
    )
    .await;
    assert_eq!(error_code(&again), Some("CONFLICT"), "{again}");
}

#[tokio::test]
async fn scores_keep_their_history_and_the_channel_shows_the_delta() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let id = connect(&world.content, &admin, "page-1").await;
    for (score, period) in [(40, "2026-09"), (55, "2026-10")] {
        let body = call(
            &world.content,
            &admin,
            SCORE,
            json!({ "input": { "channelId": id, "score": score, "period": period,
                               "breakdown": { "engagement": score } } }),
        )
        .await;
        ok(&body);
    }
    let body = call(&world.content, &admin, CHANNEL, json!({ "id": id })).await;
    ok(&body);
    assert_eq!(data(&body, "/data/channel/score/value"), 55);
    assert_eq!(data(&body, "/data/channel/score/previous"), 40);
    assert_eq!(data(&body, "/data/channel/score/delta"), 15);
    let history: Vec<&str> = data(&body, "/data/channel/scoreHistory")
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item["period"].as_str())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(history, ["2026-10", "2026-09"]);

    let bad = call(
        &world.content,
        &admin,
        SCORE,
        json!({ "input": { "channelId": id, "score": 101, "period": "2026-13" } }),
    )
    .await;
    assert_bad_input(&bad, "score");
}

#[tokio::test]
async fn a_disconnected_channel_loses_its_tokens_and_can_be_connected_again() {
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    let id = connect(&world.content, &admin, "page-2").await;
    let body = call(
        &world.content,
        &admin,
        "mutation($id: ID!) { disconnectChannel(id: $id) { status hasAccessToken } }",
        json!({ "id": id }),
    )
    .await;
    ok(&body);
    assert_eq!(data(&body, "/data/disconnectChannel/status"), "REVOKED");
    assert_eq!(data(&body, "/data/disconnectChannel/hasAccessToken"), false);
    let again = connect(&world.content, &admin, "page-2").await;
    assert_eq!(again, id, "reconnecting revives the same channel");

    let member = world.user("member@acme.test").await;
    let refused = call(
        &world.content,
        &member,
        CONNECT,
        json!({ "input": linkedin("page-3") }),
    )
    .await;
    assert_eq!(error_code(&refused), Some("FORBIDDEN"), "{refused}");
}

#[tokio::test]
async fn channel_tokens_never_appear_in_responses_or_in_the_servers_logs() {
    use leadmetrics_tests::child::ChildServer;
    const ACCESS: &str = "ya29.access-token-that-must-stay-secret";
    const REFRESH: &str = "1//refresh-token-that-must-stay-secret";
    let world = start_content().await;
    let admin = world.user("admin@acme.test").await;
    // A content server in a process of its own: its logs (every level) are all its own.
    let child = ChildServer::spawn_subgraph(
        &world.db,
        "live_subscriptions::a_server_in_a_child_process",
        "content",
    )
    .await;
    let client = reqwest::Client::new();
    let mut answers = String::new();
    let mut channel = String::new();
    for (query, variables) in [
        (CONNECT.to_owned(), json!({ "input": {
            "platform": "LINKEDIN", "name": "Secret test", "externalId": "secret-page",
            "accessToken": ACCESS, "refreshToken": REFRESH } })),
        ("mutation($id: ID!, $input: UpdateChannelInput!) { updateChannel(id: $id, input: $input) { id hasAccessToken } }".to_owned(),
         json!({ "id": "", "input": { "accessToken": ACCESS, "refreshToken": REFRESH } })),
        (CHANNEL.to_owned(), json!({ "id": "" })),
        // Refused inputs must not quote the token either.
        (CONNECT.to_owned(), json!({ "input": {
            "platform": "LINKEDIN", "name": "", "externalId": "x", "accessToken": ACCESS } })),
    ] {
        let mut variables = variables;
        if variables.get("id").is_some() {
            variables["id"] = json!(channel);
        }
        let mut request = client
            .post(format!("{}/graphql", child.base_url))
            .json(&json!({ "query": query, "variables": variables }));
        for (name, value) in &admin {
            request = request.header(*name, value);
        }
        let answer = request
            .send()
            .await
            .unwrap_or_else(|error| panic!("request failed: {error}"))
            .text()
            .await
            .unwrap_or_default();
        if channel.is_empty() {
            let parsed: Value = serde_json::from_str(&answer).unwrap_or(Value::Null);
            channel = parsed["data"]["connectChannel"]["id"].as_str().unwrap_or_default().to_owned();
            assert_eq!(channel.len(), 26, "{answer}");
        }
        answers.push_str(&answer);
    }
    assert!(
        !answers.contains("must-stay-secret"),
        "a token was answered: {answers}"
    );
    assert!(answers.contains("\"hasAccessToken\":true"), "{answers}");
    // Give the child's log writer a moment, then read everything it logged.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let logs = child.logs();
    assert!(
        logs.contains("channel connected"),
        "the child logged its requests: {logs}"
    );
    assert!(!logs.contains("must-stay-secret"), "a token was logged");
}
