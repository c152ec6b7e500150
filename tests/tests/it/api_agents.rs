//! Agent configs and sessions through the API: configs created with defaults when missing,
//! models checked against the active providers a tenant can use and the adapter, bounded
//! limits, a write-only encrypted secret environment that never reaches a response or a log,
//! and the sessions list (expired hidden, filters by goal and agent role).

use leadmetrics_tests::api::{
    Caller, assert_code, assert_refused_unchanged, data, ids, ok, string_at,
};
use leadmetrics_tests::child::ChildServer;
use leadmetrics_tests::world::{start, tenant_uuid};
use leadmetrics_tests::{TestDatabase, exec, get, query_one};
use serde_json::{Value, json};

const CONFIGS: &str =
    "{ agentConfigs { agentRole isEnabled adapter modelId maxConcurrent hasEnvSecrets } }";
const CONFIG: &str = "query($role: String!) { agentConfig(agentRole: $role) { id agentRole adapter modelId hasEnvSecrets } }";
const UPDATE: &str = "mutation($role: String!, $input: UpdateAgentConfigInput!) { updateAgentConfig(agentRole: $role, input: $input) {
  id agentRole isEnabled adapter modelId skillIds toolNames maxConcurrent timeoutMs maxCostUsdPerActivity escalationAfterFailures hasEnvSecrets } }";
const SET_SECRETS: &str = "mutation($role: String!, $secrets: JSON!) { setAgentConfigEnvSecrets(agentRole: $role, secrets: $secrets) { id hasEnvSecrets } }";
const CLEAR_SECRETS: &str = "mutation($role: String!) { clearAgentConfigEnvSecrets(agentRole: $role) { id hasEnvSecrets } }";
const SESSIONS: &str = "query($filter: AgentSessionFilter) { agentSessions(filter: $filter, first: 50) { nodes { id agentRole adapter tokenCount expiresAt goal { id } } } }";
const TABLES: &[&str] = &["agent_configs"];
const SECRET: &str = "brand-api-key-that-must-stay-secret";

/// Providers: a global anthropic one, an inactive global openai one, and globex's own ollama
/// one (acme must not use its models).
async fn providers(db: &TestDatabase) {
    exec(
        &db.owner,
        "INSERT INTO llm_providers (tenant_id, name, provider_type, base_url, available_models, is_active)
         VALUES (NULL, 'Anthropic', 'anthropic', NULL, ARRAY['claude-sonnet-4-6', 'claude-haiku-4-5'], true),
                (NULL, 'OpenAI (off)', 'openai', NULL, ARRAY['gpt-5'], false),
                ((SELECT id FROM tenants WHERE slug = 'globex'), 'Globex Ollama', 'ollama', 'http://ollama.globex.test', ARRAY['llama-private'], true)",
    )
    .await;
}

#[tokio::test]
async fn agent_configs_are_created_when_missing_and_checked_as_a_whole() {
    let (db, server) = start().await;
    providers(&db).await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let body = admin.run(CONFIG, json!({ "role": "copywriter" })).await;
    assert_eq!(
        data(&body, "/data/agentConfig"),
        &Value::Null,
        "none yet: {body}"
    );
    assert_code(
        &admin.run(CONFIG, json!({ "role": "poet" })).await,
        "BAD_USER_INPUT",
    );

    let body = admin
        .run(UPDATE, json!({ "role": "copywriter", "input": {
            "modelId": "claude-sonnet-4-6", "skillIds": ["65f1a2b3c4d5e6f708192a3b"], "toolNames": ["wordpress", "google_search_console"],
            "maxConcurrent": 4, "timeoutMs": 600000, "maxCostUsdPerActivity": "2.5", "escalationAfterFailures": 5 } }))
        .await;
    ok(&body);
    let config = data(&body, "/data/updateAgentConfig").clone();
    assert_eq!(config["isEnabled"], true);
    assert_eq!(config["adapter"], "CLAUDE");
    assert_eq!(config["modelId"], "claude-sonnet-4-6");
    assert_eq!(config["maxCostUsdPerActivity"], "2.5");
    assert_eq!(config["maxConcurrent"], 4);
    // The same row is changed from then on.
    let body = admin
        .run(
            UPDATE,
            json!({ "role": "copywriter", "input": { "isEnabled": false, "timeoutMs": null } }),
        )
        .await;
    assert_eq!(data(&body, "/data/updateAgentConfig/id"), &config["id"]);
    assert_eq!(
        data(&body, "/data/updateAgentConfig/timeoutMs"),
        &Value::Null
    );
    assert_eq!(
        data(&body, "/data/updateAgentConfig/modelId"),
        "claude-sonnet-4-6"
    );
    let body = admin.run(CONFIGS, json!({})).await;
    assert_eq!(
        data(&body, "/data/agentConfigs").as_array().map(Vec::len),
        Some(1),
        "{body}"
    );

    for (input, field) in [
        // Not offered by any provider; offered only by an inactive one; by another tenant's.
        (json!({ "modelId": "gpt-4o" }), "modelId"),
        (
            json!({ "adapter": "OPENAI", "modelId": "gpt-5" }),
            "modelId",
        ),
        (
            json!({ "adapter": "OLLAMA", "modelId": "llama-private" }),
            "modelId",
        ),
        // The model of the old adapter does not fit the new one.
        (json!({ "adapter": "OPENAI" }), "modelId"),
        (
            json!({ "adapter": "WEBHOOK", "modelId": "claude-sonnet-4-6" }),
            "modelId",
        ),
        (json!({ "maxConcurrent": 0 }), "maxConcurrent"),
        (json!({ "maxConcurrent": 51 }), "maxConcurrent"),
        (json!({ "timeoutMs": 10 }), "timeoutMs"),
        (
            json!({ "maxCostUsdPerActivity": "-1" }),
            "maxCostUsdPerActivity",
        ),
        (
            json!({ "maxCostUsdPerActivity": "0.00001" }),
            "maxCostUsdPerActivity",
        ),
        (
            json!({ "escalationAfterFailures": 0 }),
            "escalationAfterFailures",
        ),
        (json!({ "skillIds": ["not-an-id"] }), "skillIds"),
        (json!({ "toolNames": ["Bad Tool"] }), "toolNames"),
        (json!({ "toolNames": ["a", "a"] }), "toolNames"),
    ] {
        assert_refused_unchanged(
            &db,
            &admin,
            TABLES,
            UPDATE,
            json!({ "role": "copywriter", "input": input }),
            "BAD_USER_INPUT",
            Some(field),
        )
        .await;
    }
    assert_refused_unchanged(
        &db,
        &admin,
        TABLES,
        UPDATE,
        json!({ "role": "poet", "input": {} }),
        "BAD_USER_INPUT",
        Some("agentRole"),
    )
    .await;
    // A webhook drops the model.
    let body = admin
        .run(
            UPDATE,
            json!({ "role": "copywriter", "input": { "adapter": "WEBHOOK" } }),
        )
        .await;
    assert_eq!(
        data(&body, "/data/updateAgentConfig/modelId"),
        &Value::Null,
        "{body}"
    );
    // Members read, only admins change.
    let member = Caller::user(&server, "member@acme.test").await;
    ok(&member.run(CONFIGS, json!({})).await);
    assert_refused_unchanged(
        &db,
        &member,
        TABLES,
        UPDATE,
        json!({ "role": "researcher", "input": {} }),
        "FORBIDDEN",
        None,
    )
    .await;
    assert_refused_unchanged(
        &db,
        &member,
        TABLES,
        SET_SECRETS,
        json!({ "role": "researcher", "secrets": { "A": "b" } }),
        "FORBIDDEN",
        None,
    )
    .await;
}

#[tokio::test]
async fn env_secrets_are_sealed_write_only_and_never_in_a_response_or_a_log() {
    let (db, _server) = start().await;
    let child = ChildServer::spawn(&db, "live_subscriptions::a_server_in_a_child_process").await;
    let token = {
        let server = leadmetrics_tests::server::TestServer::start(&db).await;
        server
            .login("admin@acme.test", leadmetrics_tests::server::DEMO_PASSWORD)
            .await
    };
    let client = reqwest::Client::new();
    let mut answers = String::new();
    for (query, variables) in [
        (
            SET_SECRETS,
            json!({ "role": "researcher", "secrets": { "BRAND_API_KEY": SECRET, "OTHER": "x" } }),
        ),
        (CONFIG, json!({ "role": "researcher" })),
        (CONFIGS, json!({})),
        // Refused inputs quote no value (nor a name that may be a value).
        (
            SET_SECRETS,
            json!({ "role": "researcher", "secrets": { "BRAND_API_KEY": [SECRET] } }),
        ),
        (
            SET_SECRETS,
            json!({ "role": "researcher", "secrets": { SECRET: "x" } }),
        ),
        (
            SET_SECRETS,
            json!({ "role": "researcher", "secrets": SECRET }),
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
        answers.push_str(&answer);
    }
    assert!(
        !answers.contains("must-stay-secret"),
        "a secret was answered: {answers}"
    );
    assert!(answers.contains("\"hasEnvSecrets\":true"), "{answers}");
    assert_eq!(answers.matches("BAD_USER_INPUT").count(), 3, "{answers}");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let logs = child.logs();
    assert!(
        logs.contains("agent env secrets set"),
        "the child logged its requests: {logs}"
    );
    assert!(!logs.contains("must-stay-secret"), "a secret was logged");

    // At rest: ciphertext, opened only under its own row's context.
    let row = query_one(
        &db.owner,
        "SELECT c.ref_id, c.env_secrets FROM agent_configs c JOIN tenants t ON t.id = c.tenant_id
         WHERE t.slug = 'acme' AND c.agent_role = 'researcher'",
        [],
    )
    .await;
    let sealed: String = get(&row, "env_secrets");
    let ref_id: String = get(&row, "ref_id");
    assert!(!sealed.contains("must-stay-secret"));
    let server = leadmetrics_tests::server::TestServer::start(&db).await;
    let ring = &server.services().key_ring;
    let tenant = tenant_uuid(&db, "acme").await;
    let context = format!("agent_configs.env_secrets:{tenant}:{ref_id}");
    let opened = ring
        .decrypt(&sealed, &context)
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned());
    assert_eq!(
        opened
            .ok()
            .and_then(|text| serde_json::from_str::<Value>(&text).ok()),
        Some(json!({ "BRAND_API_KEY": SECRET, "OTHER": "x" }))
    );
    assert!(
        ring.decrypt(
            &sealed,
            &context.replace(&ref_id, "01ARZ3NDEKTSV4RRFFQ69G5FAV")
        )
        .is_err()
    );

    // Cleared: no secret stored any more.
    let admin = Caller::user(&server, "admin@acme.test").await;
    let body = admin
        .run(CLEAR_SECRETS, json!({ "role": "researcher" }))
        .await;
    assert_eq!(
        data(&body, "/data/clearAgentConfigEnvSecrets/hasEnvSecrets"),
        false,
        "{body}"
    );
    let row = query_one(
        &db.owner,
        "SELECT count(*) AS n FROM agent_configs WHERE env_secrets IS NOT NULL",
        [],
    )
    .await;
    assert_eq!(get::<i64>(&row, "n"), 0);
}

#[tokio::test]
async fn agent_sessions_hide_expired_ones_and_filter_by_goal_and_agent_role() {
    let (db, server) = start().await;
    let platform = db.connect_as("app_platform").await;
    if let Err(error) = subgraphs::seed::templates_and_agents(&platform, "acme").await {
        panic!("seeding failed: {error}");
    }
    let member = Caller::user(&server, "member@acme.test").await;
    let body = member.run(SESSIONS, json!({})).await;
    ok(&body);
    // Seeded in one statement: their ULIDs share a millisecond, so the list's order (by id) is
    // not the order they were written in. Strategist first here, whatever the list's order.
    let mut nodes = data(&body, "/data/agentSessions/nodes")
        .as_array()
        .cloned()
        .unwrap_or_default();
    nodes.sort_by_key(|node| node["agentRole"] != "strategist");
    let roles: Vec<&str> = nodes
        .iter()
        .filter_map(|node| node["agentRole"].as_str())
        .collect();
    assert_eq!(
        roles,
        vec!["strategist", "copywriter"],
        "the researcher's expired: {body}"
    );
    let goal = nodes[0]["goal"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(goal.len(), 26, "{body}");
    assert_eq!(nodes[1]["goal"], Value::Null);
    assert_eq!(nodes[0]["adapter"], "CLAUDE");

    let body = member
        .run(SESSIONS, json!({ "filter": { "goalId": goal } }))
        .await;
    assert_eq!(
        ids(data(&body, "/data/agentSessions/nodes")).len(),
        1,
        "{body}"
    );
    let body = member
        .run(
            SESSIONS,
            json!({ "filter": { "goalId": goal, "agentRole": "copywriter" } }),
        )
        .await;
    assert_eq!(
        data(&body, "/data/agentSessions/nodes"),
        &json!([]),
        "{body}"
    );
    let body = member
        .run(SESSIONS, json!({ "filter": { "agentRole": "copywriter" } }))
        .await;
    assert_eq!(
        string_at(&body, "/data/agentSessions/nodes/0/agentRole"),
        "copywriter"
    );
    assert_code(
        &member
            .run(SESSIONS, json!({ "filter": { "agentRole": "poet" } }))
            .await,
        "BAD_USER_INPUT",
    );
    assert_code(
        &member
            .run(SESSIONS, json!({ "filter": { "goalId": "nope" } }))
            .await,
        "BAD_USER_INPUT",
    );
    // A session that expires now disappears.
    exec(
        &db.owner,
        "UPDATE sessions SET expires_at = now() WHERE agent_role = 'copywriter'",
    )
    .await;
    let body = member.run(SESSIONS, json!({})).await;
    assert_eq!(
        ids(data(&body, "/data/agentSessions/nodes")).len(),
        1,
        "{body}"
    );
}
