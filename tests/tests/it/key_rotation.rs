//! `rotate-keys` end to end (issue 14, acceptance 3): secrets of every secret column (channel
//! tokens, integration keys, notification provider configurations, LLM provider keys — a
//! global one too — and agent secrets) are written under key 1; the servers move to the ring
//! `k2,k1` and the rotation runs while requests write new secrets and read and decrypt the
//! stored ones; every secret decrypts throughout, and at the end every value is under k2 and
//! decrypts with a ring holding only k2. A corrupted value makes the rotation refuse with
//! nothing changed, and a second run has nothing to do.

use graph_core::crypto::KeyRing;
use graph_core::rotation::{RotationError, RotationOptions, rotate_keys};
use graph_core::secrets::{RowKey, SecretColumn};
use leadmetrics_tests::api::{bearer_headers, call, string_at};
use leadmetrics_tests::server::{DEMO_PASSWORD, TestServer, seed_demo};
use leadmetrics_tests::world::tenant_uuid;
use leadmetrics_tests::{TestDatabase, exec_with, get, query_all};
use serde_json::json;
use std::collections::BTreeMap;
use uuid::Uuid;

const CONNECT: &str =
    "mutation($input: ConnectChannelInput!) { connectChannel(input: $input) { id } }";
const SET_INTEGRATION: &str =
    "mutation($input: SetIntegrationInput!) { setIntegration(input: $input) { id } }";
const SET_NOTIFICATION_PROVIDER: &str = "mutation($input: SetNotificationProviderInput!) { setNotificationProvider(input: $input) { id } }";
const CREATE: &str =
    "mutation($input: CreateLlmProviderInput!) { createLlmProvider(input: $input) { id } }";
const CREATE_GLOBAL: &str =
    "mutation($input: CreateLlmProviderInput!) { createGlobalLlmProvider(input: $input) { id } }";
const SET_KEY: &str = "mutation($id: ID!, $key: String!) { setLlmProviderApiKey(id: $id, apiKey: $key) { id hasApiKey } }";
const LIST: &str = "{ llmProviders(first: 100) { nodes { id hasApiKey } } }";

/// One stored secret: its column, its row's public id, and the sealed value.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stored {
    column: SecretColumn,
    ref_id: String,
    owner: Option<Uuid>,
    row_key: String,
    sealed: String,
}

/// Every stored secret of every column, every tenant's and the global ones, read as the owner.
async fn stored(db: &TestDatabase) -> Vec<Stored> {
    let mut all = Vec::new();
    for column in SecretColumn::ALL {
        let row_key = match column.row_key() {
            RowKey::RefId => "ref_id",
            RowKey::Channel => "channel",
        };
        let sql = format!(
            "SELECT ref_id, tenant_id, {row_key}::text AS row_key, {col} AS sealed FROM {table}
             WHERE {col} IS NOT NULL AND {col} <> '' ORDER BY ref_id",
            col = column.column(),
            table = column.table()
        );
        for row in query_all(&db.owner, &sql, []).await {
            all.push(Stored {
                column,
                ref_id: get(&row, "ref_id"),
                owner: get(&row, "tenant_id"),
                row_key: get(&row, "row_key"),
                sealed: get(&row, "sealed"),
            });
        }
    }
    all
}

/// Decrypts every stored secret with `ring`: `(column, ref id) → plaintext`; panics on any
/// failure (naming the row, never the value).
fn decrypt_all(ring: &KeyRing, secrets: &[Stored]) -> BTreeMap<(String, String), String> {
    secrets
        .iter()
        .map(|secret| {
            let context = secret
                .column
                .context_for_owner(secret.owner, &secret.row_key);
            let plain = ring
                .decrypt(&secret.sealed, &context)
                .unwrap_or_else(|error| {
                    panic!(
                        "{}.{} of {} does not decrypt: {error}",
                        secret.column.table(),
                        secret.column.column(),
                        secret.ref_id
                    )
                });
            (
                (format!("{:?}", secret.column), secret.ref_id.clone()),
                String::from_utf8(plain).unwrap_or_default(),
            )
        })
        .collect()
}

fn ring(spec: &str) -> KeyRing {
    KeyRing::parse(spec).unwrap_or_else(|error| panic!("ring: {error}"))
}

fn key(kid: &str) -> String {
    KeyRing::generate_key_spec(kid).unwrap_or_else(|error| panic!("key: {error}"))
}

/// Writes a secret of every column under the servers' ring (key 1) through the API, and an
/// agent's secrets with SQL and the ring.
async fn write_secrets(db: &TestDatabase, tenant: &TestServer, content: &TestServer, k1: &KeyRing) {
    let admin = bearer_headers(&tenant.login("admin@acme.test", DEMO_PASSWORD).await);
    for index in 0..3 {
        let body = call(
            content,
            &admin,
            CONNECT,
            json!({ "input": { "platform": "LINKEDIN", "name": format!("Channel {index}"),
                "externalId": format!("page-{index}"), "accessToken": format!("access-{index}"),
                "refreshToken": format!("refresh-{index}") } }),
        )
        .await;
        string_at(&body, "/data/connectChannel/id");
    }
    let body = call(
        content,
        &admin,
        SET_INTEGRATION,
        json!({ "input": { "integrationType": "SEMRUSH", "name": "SEMrush", "apiKey": "semrush-key",
            "apiSecret": "semrush-secret" } }),
    )
    .await;
    string_at(&body, "/data/setIntegration/id");
    let body = call(
        tenant,
        &admin,
        SET_NOTIFICATION_PROVIDER,
        json!({ "input": { "channel": "EMAIL", "provider": "SENDGRID", "config": { "apiKey": "sendgrid-key" } } }),
    )
    .await;
    string_at(&body, "/data/setNotificationProvider/id");
    for index in 0..3 {
        let body = call(
            tenant,
            &admin,
            CREATE,
            json!({ "input": { "name": format!("Own {index}"), "providerType": "ANTHROPIC",
                "apiKey": format!("sk-ant-own-{index}") } }),
        )
        .await;
        string_at(&body, "/data/createLlmProvider/id");
    }
    let operator = bearer_headers(
        &tenant
            .login("super-admin@leadmetrics.test", DEMO_PASSWORD)
            .await,
    );
    let body = call(
        tenant,
        &operator,
        CREATE_GLOBAL,
        json!({ "input": { "name": "Platform OpenAI", "providerType": "OPENAI", "apiKey": "sk-global" } }),
    )
    .await;
    string_at(&body, "/data/createGlobalLlmProvider/id");
    // Agent configs' secrets: their API is built elsewhere; written here as it will write them.
    let acme = tenant_uuid(db, "acme").await;
    let ref_id = leadmetrics_tests::api::fresh_id();
    let context = SecretColumn::AgentConfigEnvSecrets.context_for_owner(Some(acme), &ref_id);
    let sealed = k1
        .encrypt(br#"{"BRAND_API_KEY":"brand-secret"}"#, &context)
        .unwrap_or_else(|error| panic!("encrypt: {error}"));
    let inserted = exec_with(
        &db.owner,
        "INSERT INTO agent_configs (ref_id, tenant_id, agent_role, adapter_type, env_secrets)
         VALUES ($1, $2, 'rotation-test-agent', 'claude', $3)",
        [ref_id.into(), acme.into(), sealed.into()],
    )
    .await;
    assert_eq!(inserted.ok(), Some(1));
}

#[tokio::test]
async fn rotation_re_encrypts_every_secret_under_the_new_key_while_requests_run() {
    let db = TestDatabase::new().await;
    seed_demo(&db).await;
    let (spec1, spec2) = (key("k1"), key("k2"));
    let k1 = ring(&spec1);
    let old = [("ENCRYPTION_KEYS", spec1.as_str())];
    let tenant1 = TestServer::start_with(&db, &old).await;
    let content1 = TestServer::start_subgraph(&db, "content", &old).await;
    write_secrets(&db, &tenant1, &content1, &k1).await;

    let before = stored(&db).await;
    for column in SecretColumn::ALL {
        assert!(
            before.iter().any(|secret| secret.column == column),
            "no secret of {column:?} was written"
        );
    }
    assert!(
        before
            .iter()
            .all(|secret| secret.sealed.starts_with("v1.k1."))
    );
    let mut expected = decrypt_all(&k1, &before);

    // Step 1: the servers run the ring `k2,k1`.
    let both_spec = format!("{spec2},{spec1}");
    let both = ring(&both_spec);
    let tenant2 = TestServer::start_with(&db, &[("ENCRYPTION_KEYS", both_spec.as_str())]).await;
    let admin = bearer_headers(&tenant2.login("admin@acme.test", DEMO_PASSWORD).await);
    let own: Vec<String> = before
        .iter()
        .filter(|secret| secret.column == SecretColumn::LlmProviderApiKey && secret.owner.is_some())
        .map(|secret| secret.ref_id.clone())
        .collect();

    // Step 2: the rotation, in batches of one, while requests write and read secrets.
    let platform = db.connect_as("app_platform").await;
    let options = RotationOptions {
        batch_size: 1,
        dry_run: false,
    };
    let rotation = rotate_keys(&platform, &both, options);
    let requests = async {
        let mut written = Vec::new();
        for round in 0..8 {
            let id = &own[round % own.len()];
            let new_key = format!("sk-ant-rewritten-{round}");
            let body = call(
                &tenant2,
                &admin,
                SET_KEY,
                json!({ "id": id, "key": new_key }),
            )
            .await;
            assert_eq!(
                body["data"]["setLlmProviderApiKey"]["hasApiKey"], true,
                "{body}"
            );
            written.push((id.clone(), new_key));
            let body = call(
                &tenant2,
                &admin,
                CREATE,
                json!({ "input": { "name": format!("During {round}"), "providerType": "OPENAI",
                    "apiKey": format!("sk-during-{round}") } }),
            )
            .await;
            let created = string_at(&body, "/data/createLlmProvider/id");
            written.push((created, format!("sk-during-{round}")));
            let body = call(&tenant2, &admin, LIST, json!({})).await;
            string_at(&body, "/data/llmProviders/nodes/0/id");
            // Every stored secret decrypts with the servers' ring at every moment.
            decrypt_all(&both, &stored(&db).await);
        }
        written
    };
    let (report, written) = tokio::join!(rotation, requests);
    let report = report.unwrap_or_else(|error| panic!("rotation failed: {error}"));
    for (id, value) in written {
        expected.insert(
            (format!("{:?}", SecretColumn::LlmProviderApiKey), id),
            value,
        );
    }
    assert!(report.rotated() >= before.len() as u64 - 8, "{report}");
    assert_eq!(report.columns.len(), SecretColumn::ALL.len());

    // Step 3: everything is under k2 and decrypts with k2 alone, to the same values.
    let after = stored(&db).await;
    assert!(
        after
            .iter()
            .all(|secret| secret.sealed.starts_with("v1.k2.")),
        "values left under k1: {:?}",
        after
            .iter()
            .filter(|secret| !secret.sealed.starts_with("v1.k2."))
            .map(|secret| (secret.column, &secret.ref_id))
            .collect::<Vec<_>>()
    );
    let k2_only = ring(&spec2);
    assert_eq!(decrypt_all(&k2_only, &after), expected);

    // A second run has nothing to do.
    let again = rotate_keys(&platform, &both, RotationOptions::default())
        .await
        .unwrap_or_else(|error| panic!("second run failed: {error}"));
    assert_eq!(again.rotated(), 0, "{again}");
    assert!(again.to_string().contains("nothing to do"), "{again}");
    assert_eq!(stored(&db).await, after);
}

#[tokio::test]
async fn a_value_that_does_not_decrypt_makes_the_rotation_refuse_and_change_nothing() {
    let db = TestDatabase::new().await;
    seed_demo(&db).await;
    let (spec1, spec2) = (key("k1"), key("k2"));
    let k1 = ring(&spec1);
    let old = [("ENCRYPTION_KEYS", spec1.as_str())];
    let tenant = TestServer::start_with(&db, &old).await;
    let content = TestServer::start_subgraph(&db, "content", &old).await;
    write_secrets(&db, &tenant, &content, &k1).await;
    // One provider's key is moved into another row: well-formed, under a known key, but sealed
    // for another row, so it does not decrypt here.
    let providers: Vec<String> = query_all(
        &db.owner,
        "SELECT ref_id FROM llm_providers WHERE tenant_id IS NOT NULL ORDER BY ref_id",
        [],
    )
    .await
    .iter()
    .map(|row| get(row, "ref_id"))
    .collect();
    let moved = exec_with(
        &db.owner,
        "UPDATE llm_providers SET api_key = (SELECT api_key FROM llm_providers WHERE ref_id = $1)
         WHERE ref_id = $2",
        [providers[0].clone().into(), providers[1].clone().into()],
    )
    .await;
    assert_eq!(moved.ok(), Some(1));
    let before = stored(&db).await;

    let both = ring(&format!("{spec2},{spec1}"));
    let platform = db.connect_as("app_platform").await;
    for dry_run in [false, true] {
        let refused = rotate_keys(
            &platform,
            &both,
            RotationOptions {
                batch_size: 2,
                dry_run,
            },
        )
        .await;
        let Err(error @ RotationError::Undecryptable(_)) = refused else {
            panic!("the rotation ran: {refused:?}");
        };
        let RotationError::Undecryptable(columns) = &error else {
            unreachable!()
        };
        assert_eq!(columns.len(), 1, "{error}");
        assert_eq!(columns[0].column, SecretColumn::LlmProviderApiKey);
        assert_eq!(columns[0].count, 1);
        assert_eq!(columns[0].ref_ids, vec![providers[1].clone()]);
        let message = error.to_string();
        assert!(message.contains("llm_providers.api_key"), "{message}");
        assert!(message.contains(&providers[1]), "{message}");
        assert!(!message.contains("sk-ant"), "{message}");
        for secret in &before {
            assert!(!message.contains(&secret.sealed), "{message}");
        }
        assert_eq!(
            stored(&db).await,
            before,
            "a refused rotation changed a value"
        );
    }
    // Without the old key in the ring, every k1 value is refused the same way.
    let refused = rotate_keys(&platform, &ring(&spec2), RotationOptions::default()).await;
    assert!(matches!(refused, Err(RotationError::Undecryptable(_))));
    assert_eq!(stored(&db).await, before);
}

#[tokio::test]
async fn a_dry_run_counts_what_it_would_rotate_and_changes_nothing() {
    let db = TestDatabase::new().await;
    seed_demo(&db).await;
    let (spec1, spec2) = (key("k1"), key("k2"));
    let k1 = ring(&spec1);
    let old = [("ENCRYPTION_KEYS", spec1.as_str())];
    let tenant = TestServer::start_with(&db, &old).await;
    let content = TestServer::start_subgraph(&db, "content", &old).await;
    write_secrets(&db, &tenant, &content, &k1).await;
    let before = stored(&db).await;
    let platform = db.connect_as("app_platform").await;
    let report = rotate_keys(
        &platform,
        &ring(&format!("{spec2},{spec1}")),
        RotationOptions {
            batch_size: 3,
            dry_run: true,
        },
    )
    .await
    .unwrap_or_else(|error| panic!("dry run failed: {error}"));
    assert!(report.dry_run);
    assert_eq!(report.rotated(), before.len() as u64, "{report}");
    assert_eq!(stored(&db).await, before);
    let refused = rotate_keys(
        &platform,
        &k1,
        RotationOptions {
            batch_size: 0,
            dry_run: false,
        },
    )
    .await;
    assert!(matches!(refused, Err(RotationError::Options(_))));
}
