//! LLM providers through the API: a tenant's own (admins write them, keys write-only, health
//! checks by admins and write-scoped API keys), the platform's global ones (operators only,
//! audited, one default per type), the database's own guarantees, and keys that never appear
//! in a response or a log.

use graph_core::crypto::KeyRing;
use graph_core::secrets::SecretColumn;
use leadmetrics_tests::api::{
    Caller, assert_bad_input, assert_code, assert_refused_unchanged, data, ids, ok, string_at,
};
use leadmetrics_tests::server::TestServer;
use leadmetrics_tests::world::{audit_rows, start, tenant_uuid};
use leadmetrics_tests::{TestDatabase, exec, get, query_all, query_one, sql_state};
use serde_json::{Value, json};
use std::collections::BTreeSet;

const FIELDS: &str = "id name providerType scope baseUrl hasApiKey defaultModel availableModels
  isActive isGlobalDefault monthlySpendUsd healthStatus lastHealthCheckAt createdOn updatedOn";

fn create() -> String {
    format!(
        "mutation($input: CreateLlmProviderInput!) {{ createLlmProvider(input: $input) {{ {FIELDS} }} }}"
    )
}
fn create_global() -> String {
    format!(
        "mutation($input: CreateLlmProviderInput!) {{ createGlobalLlmProvider(input: $input) {{ {FIELDS} }} }}"
    )
}
fn update() -> String {
    format!(
        "mutation($id: ID!, $input: UpdateLlmProviderInput!) {{ updateLlmProvider(id: $id, input: $input) {{ {FIELDS} }} }}"
    )
}
const SET_KEY: &str = "mutation($id: ID!, $key: String!) { setLlmProviderApiKey(id: $id, apiKey: $key) { id hasApiKey } }";
const CLEAR_KEY: &str = "mutation($id: ID!) { clearLlmProviderApiKey(id: $id) { id hasApiKey } }";
const HEALTH: &str = "mutation($id: ID!, $status: LlmProviderHealth!) { recordLlmProviderHealthCheck(id: $id, input: { status: $status }) { id healthStatus lastHealthCheckAt } }";
const DELETE: &str = "mutation($id: ID!) { deleteLlmProvider(id: $id) }";
const DEFAULT: &str =
    "mutation($id: ID!) { setGlobalDefaultLlmProvider(id: $id) { id isGlobalDefault } }";
const LIST: &str = "query($filter: LlmProviderFilter) { llmProviders(first: 100, filter: $filter) { nodes { id scope isActive } } }";
const ONE: &str = "query($id: ID!) { llmProvider(id: $id) { id name scope hasApiKey } }";

/// The demo platform's operator, signed in (not acting for anyone).
async fn operator(server: &TestServer) -> Caller<'_> {
    let token = server
        .login(
            "super-admin@leadmetrics.test",
            leadmetrics_tests::server::DEMO_PASSWORD,
        )
        .await;
    Caller::with_headers(
        server,
        "platform operator",
        leadmetrics_tests::api::bearer_headers(&token),
    )
}

fn anthropic(name: &str, key: Option<&str>) -> Value {
    json!({ "name": name, "providerType": "ANTHROPIC", "apiKey": key,
        "availableModels": ["claude-sonnet-4-6", "claude-haiku-4-5"], "defaultModel": "claude-sonnet-4-6" })
}

/// The stored `api_key` of the provider `id` (read as the owner).
async fn stored_key(db: &TestDatabase, id: &str) -> Option<String> {
    get(
        &query_one(
            &db.owner,
            "SELECT api_key FROM llm_providers WHERE ref_id = $1",
            [id.into()],
        )
        .await,
        "api_key",
    )
}

#[tokio::test]
async fn an_admin_creates_changes_keys_checks_and_deletes_a_provider_of_the_tenant() {
    let (db, server) = start().await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let body = admin
        .run(
            &create(),
            json!({ "input": anthropic("Anthropic Production", Some("sk-ant-secret-1")) }),
        )
        .await;
    let created = data(&body, "/data/createLlmProvider").clone();
    let id = created["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(created["scope"], "TENANT");
    assert_eq!(created["hasApiKey"], true);
    assert_eq!(created["healthStatus"], "UNKNOWN");
    assert_eq!(created["isGlobalDefault"], false);
    assert_eq!(created["monthlySpendUsd"], "0");
    assert!(!body.to_string().contains("sk-ant-secret-1"));

    // Sealed under the tenant's and the row's context.
    let sealed = stored_key(&db, &id).await.unwrap_or_default();
    assert!(sealed.starts_with("v1.test1."), "{sealed}");
    let ring = KeyRing::parse("test1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
        .unwrap_or_else(|error| panic!("{error}"));
    let acme = tenant_uuid(&db, "acme").await;
    let context = SecretColumn::LlmProviderApiKey.context_for_owner(Some(acme), &id);
    assert_eq!(
        ring.decrypt(&sealed, &context).ok().as_deref(),
        Some(&b"sk-ant-secret-1"[..])
    );

    let body = admin
        .run(
            &update(),
            json!({ "id": id, "input": { "name": "Anthropic Backup",
                "availableModels": ["claude-haiku-4-5"], "defaultModel": "claude-haiku-4-5", "isActive": false } }),
        )
        .await;
    let updated = data(&body, "/data/updateLlmProvider");
    assert_eq!(updated["name"], "Anthropic Backup");
    assert_eq!(updated["defaultModel"], "claude-haiku-4-5");
    assert_eq!(updated["isActive"], false);
    assert!(updated["updatedOn"].is_string());

    let body = admin
        .run(SET_KEY, json!({ "id": id, "key": "sk-ant-secret-2" }))
        .await;
    assert_eq!(data(&body, "/data/setLlmProviderApiKey/hasApiKey"), true);
    let resealed = stored_key(&db, &id).await.unwrap_or_default();
    assert_ne!(resealed, sealed);
    assert_eq!(
        ring.decrypt(&resealed, &context).ok().as_deref(),
        Some(&b"sk-ant-secret-2"[..])
    );
    let body = admin.run(CLEAR_KEY, json!({ "id": id })).await;
    assert_eq!(data(&body, "/data/clearLlmProviderApiKey/hasApiKey"), false);
    assert_eq!(stored_key(&db, &id).await, None);

    let body = admin
        .run(HEALTH, json!({ "id": id, "status": "DEGRADED" }))
        .await;
    let checked = data(&body, "/data/recordLlmProviderHealthCheck");
    assert_eq!(checked["healthStatus"], "DEGRADED");
    assert!(checked["lastHealthCheckAt"].is_string());

    ok(&admin
        .run(SET_KEY, json!({ "id": id, "key": "sk-ant-secret-3" }))
        .await);
    let body = admin.run(DELETE, json!({ "id": id })).await;
    assert_eq!(data(&body, "/data/deleteLlmProvider"), &json!(id));
    let row = query_one(
        &db.owner,
        "SELECT api_key, deleted_on IS NOT NULL AS deleted FROM llm_providers WHERE ref_id = $1",
        [id.clone().into()],
    )
    .await;
    assert_eq!(get::<Option<String>>(&row, "api_key"), None);
    assert!(get::<bool>(&row, "deleted"));
    let body = admin.run(ONE, json!({ "id": id })).await;
    assert_eq!(data(&body, "/data/llmProvider"), &Value::Null);
    assert_code(&admin.run(DELETE, json!({ "id": id })).await, "NOT_FOUND");
}

#[tokio::test]
async fn invalid_providers_and_changes_are_refused_with_the_field_and_change_nothing() {
    let (db, server) = start().await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let tables = ["llm_providers"];
    for (input, field) in [
        (json!({ "name": " ", "providerType": "OPENAI" }), "name"),
        (
            json!({ "name": "Local", "providerType": "OLLAMA" }),
            "baseUrl",
        ),
        (
            json!({ "name": "Azure", "providerType": "AZURE_OPENAI" }),
            "baseUrl",
        ),
        (
            json!({ "name": "Local", "providerType": "OLLAMA", "baseUrl": "ollama:11434" }),
            "baseUrl",
        ),
        (
            json!({ "name": "A", "providerType": "OPENAI", "availableModels": ["gpt-5"], "defaultModel": "gpt-4" }),
            "defaultModel",
        ),
        (
            json!({ "name": "A", "providerType": "OPENAI", "availableModels": ["gpt-5", "gpt-5"] }),
            "availableModels",
        ),
        (
            json!({ "name": "A", "providerType": "OPENAI", "apiKey": "  " }),
            "apiKey",
        ),
        (
            json!({ "name": "A", "providerType": "OPENAI", "apiKey": "sk-secret\u{0}x" }),
            "apiKey",
        ),
    ] {
        let body = assert_refused_unchanged(
            &db,
            &admin,
            &tables,
            &create(),
            json!({ "input": input }),
            "BAD_USER_INPUT",
            Some(field),
        )
        .await;
        assert!(!body.to_string().contains("sk-secret"), "{body}");
    }
    let body = admin
        .run(&create(), json!({ "input": { "name": "Local", "providerType": "OLLAMA",
            "baseUrl": "http://ollama:11434", "availableModels": ["llama3"], "defaultModel": "llama3" } }))
        .await;
    let id = string_at(&body, "/data/createLlmProvider/id");
    for (input, field) in [
        (json!({ "baseUrl": null }), "baseUrl"),
        (json!({ "availableModels": ["mistral"] }), "defaultModel"),
        (json!({ "defaultModel": "mistral" }), "defaultModel"),
        (json!({ "name": "" }), "name"),
    ] {
        assert_refused_unchanged(
            &db,
            &admin,
            &tables,
            &update(),
            json!({ "id": id, "input": input }),
            "BAD_USER_INPUT",
            Some(field),
        )
        .await;
    }
    assert_refused_unchanged(
        &db,
        &admin,
        &tables,
        HEALTH,
        json!({ "id": id, "status": "UNKNOWN" }),
        "BAD_USER_INPUT",
        Some("status"),
    )
    .await;
    assert_refused_unchanged(
        &db,
        &admin,
        &tables,
        SET_KEY,
        json!({ "id": id, "key": "" }),
        "BAD_USER_INPUT",
        Some("apiKey"),
    )
    .await;
    assert_bad_input(&admin.run(ONE, json!({ "id": "not-an-id" })).await, "id");
}

#[tokio::test]
async fn members_read_providers_admins_write_them_and_write_scoped_keys_record_health() {
    let (db, server) = start().await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let member = Caller::user(&server, "member@acme.test").await;
    let reader_key = Caller::api_key(&server, &["READ"]).await;
    let worker_key = Caller::api_key(&server, &["READ", "WRITE"]).await;
    let body = admin
        .run(
            &create(),
            json!({ "input": anthropic("Own", Some("sk-own")) }),
        )
        .await;
    let id = string_at(&body, "/data/createLlmProvider/id");
    for caller in [&member, &reader_key, &worker_key] {
        let body = caller.run(ONE, json!({ "id": id })).await;
        assert_eq!(
            data(&body, "/data/llmProvider/id"),
            &json!(id),
            "{}",
            caller.who()
        );
    }
    let tables = ["llm_providers"];
    for caller in [&member, &worker_key] {
        for (query, variables) in [
            (create(), json!({ "input": anthropic("Mine", None) })),
            (
                update(),
                json!({ "id": id, "input": { "name": "Renamed" } }),
            ),
            (SET_KEY.to_owned(), json!({ "id": id, "key": "sk-other" })),
            (CLEAR_KEY.to_owned(), json!({ "id": id })),
            (DELETE.to_owned(), json!({ "id": id })),
        ] {
            assert_refused_unchanged(&db, caller, &tables, &query, variables, "FORBIDDEN", None)
                .await;
        }
    }
    assert_refused_unchanged(
        &db,
        &member,
        &tables,
        HEALTH,
        json!({ "id": id, "status": "OK" }),
        "FORBIDDEN",
        None,
    )
    .await;
    assert_refused_unchanged(
        &db,
        &reader_key,
        &tables,
        HEALTH,
        json!({ "id": id, "status": "OK" }),
        "FORBIDDEN",
        None,
    )
    .await;
    let body = worker_key
        .run(HEALTH, json!({ "id": id, "status": "ERROR" }))
        .await;
    assert_eq!(
        data(&body, "/data/recordLlmProviderHealthCheck/healthStatus"),
        "ERROR"
    );
}

#[tokio::test]
async fn operators_manage_global_providers_that_tenants_read_but_cannot_change() {
    let (db, server) = start().await;
    let operator = operator(&server).await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let audited = audit_rows(&db).await;
    let body = operator
        .run(
            &create_global(),
            json!({ "input": anthropic("Platform Anthropic", Some("sk-global-1")) }),
        )
        .await;
    let global = data(&body, "/data/createGlobalLlmProvider").clone();
    let id = global["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(global["scope"], "GLOBAL");
    let row = query_one(
        &db.owner,
        "SELECT tenant_id IS NULL AS global, created_by IS NOT NULL AS stamped, api_key FROM llm_providers WHERE ref_id = $1",
        [id.clone().into()],
    )
    .await;
    assert!(get::<bool>(&row, "global"));
    assert!(get::<bool>(&row, "stamped"));
    let sealed: String = get(&row, "api_key");
    let ring = KeyRing::parse("test1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
        .unwrap_or_else(|error| panic!("{error}"));
    let context = SecretColumn::LlmProviderApiKey.context_for_owner(None, &id);
    assert_eq!(
        ring.decrypt(&sealed, &context).ok().as_deref(),
        Some(&b"sk-global-1"[..])
    );
    // Every operator write is in the operator audit log.
    assert!(audit_rows(&db).await > audited);

    // Every tenant reads it; no tenant changes it.
    let body = admin
        .run(LIST, json!({ "filter": { "scope": "GLOBAL" } }))
        .await;
    assert_eq!(
        ids(data(&body, "/data/llmProviders/nodes")),
        vec![id.clone()]
    );
    let tables = ["llm_providers"];
    for (query, variables) in [
        (
            update(),
            json!({ "id": id, "input": { "name": "Mine now" } }),
        ),
        (SET_KEY.to_owned(), json!({ "id": id, "key": "sk-tenant" })),
        (CLEAR_KEY.to_owned(), json!({ "id": id })),
        (DELETE.to_owned(), json!({ "id": id })),
        (HEALTH.to_owned(), json!({ "id": id, "status": "OK" })),
        (DEFAULT.to_owned(), json!({ "id": id })),
        (
            create_global(),
            json!({ "input": anthropic("Sneaky", None) }),
        ),
    ] {
        let body =
            assert_refused_unchanged(&db, &admin, &tables, &query, variables, "FORBIDDEN", None)
                .await;
        let message = body
            .pointer("/errors/0/message")
            .and_then(Value::as_str)
            .unwrap_or_default();
        assert!(message.contains("operator"), "{message}");
    }

    // The operator changes it; deactivated, tenants no longer see it, the operator still does.
    let body = operator
        .run(
            &update(),
            json!({ "id": id, "input": { "isActive": false } }),
        )
        .await;
    assert_eq!(data(&body, "/data/updateLlmProvider/isActive"), false);
    let body = admin.run(ONE, json!({ "id": id })).await;
    assert_eq!(data(&body, "/data/llmProvider"), &Value::Null);
    let body = operator.run(ONE, json!({ "id": id })).await;
    assert_eq!(data(&body, "/data/llmProvider/id"), &json!(id));
    ok(&operator
        .run(HEALTH, json!({ "id": id, "status": "OK" }))
        .await);
    ok(&operator.run(CLEAR_KEY, json!({ "id": id })).await);
    let body = operator.run(DELETE, json!({ "id": id })).await;
    assert_eq!(data(&body, "/data/deleteLlmProvider"), &json!(id));
    let row = query_one(
        &db.owner,
        "SELECT api_key, deleted_by IS NOT NULL AS stamped FROM llm_providers WHERE ref_id = $1",
        [id.into()],
    )
    .await;
    assert_eq!(get::<Option<String>>(&row, "api_key"), None);
    assert!(get::<bool>(&row, "stamped"));
}

#[tokio::test]
async fn setting_the_global_default_moves_it_from_the_previous_provider_of_its_type() {
    let (db, server) = start().await;
    let operator = operator(&server).await;
    let mut made = Vec::new();
    for (name, kind) in [("A", "ANTHROPIC"), ("B", "ANTHROPIC"), ("O", "OPENAI")] {
        let body = operator
            .run(
                &create_global(),
                json!({ "input": { "name": name, "providerType": kind } }),
            )
            .await;
        made.push(string_at(&body, "/data/createGlobalLlmProvider/id"));
    }
    for id in [&made[0], &made[2], &made[1]] {
        let body = operator.run(DEFAULT, json!({ "id": id })).await;
        assert_eq!(
            data(&body, "/data/setGlobalDefaultLlmProvider/isGlobalDefault"),
            true
        );
    }
    let defaults: BTreeSet<String> = query_all(
        &db.owner,
        "SELECT ref_id FROM llm_providers WHERE is_global_default",
        [],
    )
    .await
    .iter()
    .map(|row| get(row, "ref_id"))
    .collect();
    assert_eq!(defaults, BTreeSet::from([made[1].clone(), made[2].clone()]));
    // An inactive provider cannot become the default; deactivating the default ends it.
    ok(&operator
        .run(
            &update(),
            json!({ "id": made[0], "input": { "isActive": false } }),
        )
        .await);
    assert_bad_input(&operator.run(DEFAULT, json!({ "id": made[0] })).await, "id");
    let body = operator
        .run(
            &update(),
            json!({ "id": made[1], "input": { "isActive": false } }),
        )
        .await;
    assert_eq!(
        data(&body, "/data/updateLlmProvider/isGlobalDefault"),
        false
    );
    // A tenant's provider is not a global one.
    let admin = Caller::user(&server, "admin@acme.test").await;
    let body = admin
        .run(&create(), json!({ "input": anthropic("Own", None) }))
        .await;
    let own = string_at(&body, "/data/createLlmProvider/id");
    assert_code(
        &operator.run(DEFAULT, json!({ "id": own })).await,
        "NOT_FOUND",
    );
}

#[tokio::test]
async fn the_database_refuses_two_global_defaults_of_a_type_a_missing_base_url_and_a_key_on_a_deleted_row()
 {
    let db = TestDatabase::new().await;
    exec(
        &db.owner,
        "INSERT INTO llm_providers (name, provider_type, is_global_default) VALUES ('A', 'openai', true)",
    )
    .await;
    let refusals = [
        (
            "INSERT INTO llm_providers (name, provider_type, is_global_default) VALUES ('B', 'openai', true)",
            "23505",
        ),
        (
            "INSERT INTO llm_providers (name, provider_type) VALUES ('Local', 'ollama')",
            "23514",
        ),
        (
            "INSERT INTO llm_providers (name, provider_type) VALUES ('Azure', 'azure_openai')",
            "23514",
        ),
        (
            "INSERT INTO llm_providers (name, provider_type, api_key, deleted_on) VALUES ('D', 'openai', 'v1.k.x', now())",
            "23514",
        ),
        (
            "UPDATE llm_providers SET deleted_on = now(), api_key = 'v1.k.x' WHERE name = 'A'",
            "23514",
        ),
    ];
    for (sql, state) in refusals {
        let error = sea_orm::ConnectionTrait::execute_unprepared(&db.owner, sql)
            .await
            .err()
            .unwrap_or_else(|| panic!("the database accepted: {sql}"));
        assert_eq!(sql_state(&error).as_deref(), Some(state), "{sql}: {error}");
    }
    // A tenant's provider can never be a global default.
    exec(
        &db.owner,
        "INSERT INTO tenants (slug, name, plan) VALUES ('solo', 'Solo', 'professional')",
    )
    .await;
    let error = sea_orm::ConnectionTrait::execute_unprepared(
        &db.owner,
        "INSERT INTO llm_providers (tenant_id, name, provider_type, is_global_default)
         SELECT id, 'T', 'anthropic', true FROM tenants WHERE slug = 'solo'",
    )
    .await
    .err()
    .unwrap_or_else(|| panic!("a tenant's provider became a global default"));
    assert_eq!(sql_state(&error).as_deref(), Some("23514"), "{error}");
    // A deleted (and so key-less, non-default) default frees its type.
    exec(
        &db.owner,
        "UPDATE llm_providers SET deleted_on = now(), is_global_default = false WHERE name = 'A'",
    )
    .await;
    exec(
        &db.owner,
        "INSERT INTO llm_providers (name, provider_type, is_global_default) VALUES ('B', 'openai', true)",
    )
    .await;
}

#[tokio::test]
async fn provider_keys_never_appear_in_responses_or_in_the_servers_logs() {
    use leadmetrics_tests::child::ChildServer;
    const KEY: &str = "sk-ant-key-that-must-stay-secret";
    const GLOBAL_KEY: &str = "sk-global-key-that-must-stay-secret";
    let (db, server) = start().await;
    let child = ChildServer::spawn(&db, "live_subscriptions::a_server_in_a_child_process").await;
    let admin_token = server
        .login("admin@acme.test", leadmetrics_tests::server::DEMO_PASSWORD)
        .await;
    let operator_token = server
        .login(
            "super-admin@leadmetrics.test",
            leadmetrics_tests::server::DEMO_PASSWORD,
        )
        .await;
    let client = reqwest::Client::new();
    let mut answers = String::new();
    let mut id = String::new();
    let mut global = String::new();
    let steps: Vec<(&str, String, Value)> = vec![
        (
            "admin",
            create(),
            json!({ "input": anthropic("Secret test", Some(KEY)) }),
        ),
        (
            "admin",
            SET_KEY.to_owned(),
            json!({ "id": "$id", "key": KEY }),
        ),
        ("admin", ONE.to_owned(), json!({ "id": "$id" })),
        ("admin", LIST.to_owned(), json!({})),
        // Refused inputs must not quote the key either.
        (
            "admin",
            create(),
            json!({ "input": { "name": "", "providerType": "OPENAI", "apiKey": KEY } }),
        ),
        (
            "admin",
            SET_KEY.to_owned(),
            json!({ "id": "$id", "key": format!("{KEY}\u{7}") }),
        ),
        (
            "operator",
            create_global(),
            json!({ "input": anthropic("Global secret", Some(GLOBAL_KEY)) }),
        ),
        (
            "operator",
            SET_KEY.to_owned(),
            json!({ "id": "$global", "key": GLOBAL_KEY }),
        ),
        (
            "admin",
            SET_KEY.to_owned(),
            json!({ "id": "$global", "key": KEY }),
        ),
    ];
    for (who, query, mut variables) in steps {
        match variables.get("id").and_then(Value::as_str) {
            Some("$id") => variables["id"] = json!(id),
            Some("$global") => variables["id"] = json!(global),
            _ => {}
        }
        let token = if who == "admin" {
            &admin_token
        } else {
            &operator_token
        };
        let answer = client
            .post(format!("{}/graphql", child.base_url))
            .bearer_auth(token)
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .unwrap_or_else(|error| panic!("request failed: {error}"))
            .text()
            .await
            .unwrap_or_default();
        let parsed: Value = serde_json::from_str(&answer).unwrap_or(Value::Null);
        if let Some(created) = parsed
            .pointer("/data/createLlmProvider/id")
            .and_then(Value::as_str)
        {
            id = created.to_owned();
        }
        if let Some(created) = parsed
            .pointer("/data/createGlobalLlmProvider/id")
            .and_then(Value::as_str)
        {
            global = created.to_owned();
        }
        answers.push_str(&answer);
    }
    assert_eq!(id.len(), 26, "{answers}");
    assert_eq!(global.len(), 26, "{answers}");
    assert!(
        !answers.contains("must-stay-secret"),
        "a key was answered: {answers}"
    );
    assert!(answers.contains("\"hasApiKey\":true"), "{answers}");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let logs = child.logs();
    assert!(
        logs.contains("LLM provider API key set"),
        "the child logged nothing useful"
    );
    assert!(!logs.contains("must-stay-secret"), "a key was logged");
}

#[tokio::test]
async fn every_encrypted_column_of_the_catalog_is_a_secret_column_that_rotate_keys_walks() {
    let db = TestDatabase::new().await;
    let encrypted: BTreeSet<(String, String)> = query_all(
        &db.owner,
        "SELECT table_name, column_name FROM app_security.secret_columns WHERE reason ILIKE '%encrypted%'",
        [],
    )
    .await
    .iter()
    .map(|row| (get(row, "table_name"), get(row, "column_name")))
    .collect();
    let registered: BTreeSet<(String, String)> = SecretColumn::ALL
        .iter()
        .map(|column| (column.table().to_owned(), column.column().to_owned()))
        .collect();
    assert!(!encrypted.is_empty());
    let missing: Vec<_> = encrypted.difference(&registered).collect();
    assert!(
        missing.is_empty(),
        "encrypted columns that rotate-keys would leave under an old key (add them to SecretColumn::ALL): {missing:?}"
    );
    let unlisted: Vec<_> = registered.difference(&encrypted).collect();
    assert!(
        unlisted.is_empty(),
        "secret columns not in app_security.secret_columns: {unlisted:?}"
    );
}
