//! Attacks on the tenant's life cycle (issue 14): the registration wizard's token, completing a
//! paid registration, templates' variable values, agent secrets, LLM provider keys and the
//! operator-only global rows. One test per probe, named as what must hold: a passing test
//! documents a defence that held, a failing one is a finding (see the report of the `attack`
//! branch).

use crate::api_templates::{global_id, seed_global_templates};
use graph_core::error::ApiError;
use graph_core::lifecycle::complete_registration;
use leadmetrics_tests::api::{Caller, UNKNOWN_ID, assert_code, data, ok, sha256_hex, string_at};
use leadmetrics_tests::documents::audit_entries_of;
use leadmetrics_tests::server::TestServer;
use leadmetrics_tests::world::{start, start_with};
use leadmetrics_tests::{exec_with, get, query_one};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const CONTACT: &str = "mutation($input: RegisterContactInput!) { registerContact(input: $input) { currentStep registrationId token } }";
const COMPANY: &str =
    "mutation($input: RegisterCompanyInput!) { registerCompany(input: $input) { currentStep } }";
const RESUME: &str = "{ registration { id currentStep contact { email } } }";

fn contact(email: &str) -> Value {
    json!({
        "country": "India", "firstName": "Asha", "lastName": "Rao",
        "email": email, "phone": "+919876543210", "password": "a registration password",
    })
}

/// POSTs `query` with `variables` and `headers`; returns status and body.
async fn post(
    server: &TestServer,
    headers: &[(&str, &str)],
    query: &str,
    variables: Value,
) -> (u16, Value) {
    server
        .post(json!({ "query": query, "variables": variables }), headers)
        .await
}

/// Starts a registration for `email`; returns (token, registration id).
async fn start_registration(server: &TestServer, email: &str) -> (String, String) {
    let (_, body) = post(server, &[], CONTACT, json!({ "input": contact(email) })).await;
    (
        string_at(&body, "/data/registerContact/token"),
        string_at(&body, "/data/registerContact/registrationId"),
    )
}

/// The registration the request's token resumes (null when none).
async fn resumed(server: &TestServer, headers: &[(&str, &str)]) -> Value {
    let (status, body) = post(server, headers, RESUME, json!({})).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.get("errors").is_none(), "{body}");
    data(&body, "/data/registration").clone()
}

/// The acme admin with the contract accepted.
async fn acme_admin(server: &TestServer) -> Caller<'_> {
    let admin = Caller::user(server, "admin@acme.test").await;
    let contract = admin.run("{ contract { status } }", json!({})).await;
    if data(&contract, "/data/contract/status") == "PENDING_ACCEPTANCE" {
        ok(&admin
            .run("mutation { acceptContract { status } }", json!({}))
            .await);
    }
    admin
}

/// The code of the first error, if any.
fn code(body: &Value) -> Option<&str> {
    body.pointer("/errors/0/extensions/code")
        .and_then(Value::as_str)
}

// ---------------------------------------------------------------------------------------------
// Registration tokens
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn the_registration_id_or_the_stored_hash_presented_as_a_token_resumes_nothing() {
    let (_db, server) = start().await;
    let (token, id) = start_registration(&server, "owner@example.com").await;
    let hash = sha256_hex(&token);
    for forged in [
        id.as_str(),
        hash.as_str(),
        &token[..42],
        &format!("{token}A"),
    ] {
        let header = [("x-registration-token", forged)];
        assert_eq!(resumed(&server, &header).await, Value::Null, "{forged}");
        let cookie = format!("lm_registration={forged}");
        let cookie = [("cookie", cookie.as_str())];
        assert_eq!(resumed(&server, &cookie).await, Value::Null, "{forged}");
    }
    // The real one does.
    let header = [("x-registration-token", token.as_str())];
    assert_eq!(resumed(&server, &header).await["id"], id.as_str());
}

#[tokio::test]
async fn the_header_wins_over_the_cookie_and_two_registrations_never_mix() {
    let (_db, server) = start().await;
    let (a, a_id) = start_registration(&server, "first@example.com").await;
    let (b, b_id) = start_registration(&server, "second@example.com").await;
    let cookie = format!("lm_registration={b}");
    let both = [
        ("x-registration-token", a.as_str()),
        ("cookie", cookie.as_str()),
    ];
    assert_eq!(resumed(&server, &both).await["id"], a_id.as_str());
    // Two cookies: the first `lm_registration` counts, whatever follows it.
    let two = format!("lm_registration={b}; lm_registration={a}");
    assert_eq!(
        resumed(&server, &[("cookie", two.as_str())]).await["id"],
        b_id.as_str()
    );
    // A cookie named like it (prefix or suffix) is not it.
    let lookalike = format!("xlm_registration={a}; lm_registration_old={a}");
    assert_eq!(
        resumed(&server, &[("cookie", lookalike.as_str())]).await,
        Value::Null
    );
    // A step with A's header changes A only.
    let header = [
        ("x-registration-token", a.as_str()),
        ("cookie", cookie.as_str()),
    ];
    let (_, body) = post(
        &server,
        &header,
        COMPANY,
        json!({ "input": { "legalName": "First Ltd", "brandName": "First" } }),
    )
    .await;
    assert_eq!(data(&body, "/data/registerCompany/currentStep"), 2);
    let b_header = [("x-registration-token", b.as_str())];
    assert_eq!(resumed(&server, &b_header).await["currentStep"], 1);
}

#[tokio::test]
async fn oversized_and_garbage_tokens_get_no_session_and_no_server_error() {
    let (_db, server) = start().await;
    let huge = "A".repeat(16 * 1024);
    let quoted = format!("\"{}\"", "B".repeat(43));
    let semicolons = ";;;=;lm_registration=;=".to_owned();
    let unicode_ish = "%00%0a".repeat(8);
    for (name, value) in [
        ("x-registration-token", huge.as_str()),
        ("cookie", &format!("lm_registration={huge}")),
        ("cookie", quoted.as_str()),
        ("cookie", semicolons.as_str()),
        ("x-registration-token", unicode_ish.as_str()),
        ("x-registration-token", "   "),
    ] {
        let (status, body) = post(&server, &[(name, value)], RESUME, json!({})).await;
        assert!(status < 500, "{name}: {status} {body}");
        if status == 200 {
            assert_eq!(data(&body, "/data/registration"), &Value::Null, "{body}");
        }
        let (status, body) = post(
            &server,
            &[(name, value)],
            COMPANY,
            json!({ "input": { "legalName": "X Ltd", "brandName": "X" } }),
        )
        .await;
        assert!(status < 500, "{name}: {status} {body}");
        assert!(
            matches!(
                code(&body),
                Some("UNAUTHENTICATED") | Some("BAD_USER_INPUT")
            ) || status >= 400,
            "{body}"
        );
    }
}

#[tokio::test]
async fn an_expired_registration_resumes_nothing_and_saves_no_step() {
    let (db, server) = start().await;
    let (token, id) = start_registration(&server, "late@example.com").await;
    let expired = exec_with(
        &db.owner,
        "UPDATE registration_sessions SET expires_at = now() - interval '1 second' WHERE ref_id = $1",
        [id.clone().into()],
    )
    .await;
    assert!(expired.is_ok(), "{expired:?}");
    let header = [("x-registration-token", token.as_str())];
    assert_eq!(resumed(&server, &header).await, Value::Null);
    let (_, body) = post(
        &server,
        &header,
        COMPANY,
        json!({ "input": { "legalName": "Late Ltd", "brandName": "Late" } }),
    )
    .await;
    assert_code(&body, "UNAUTHENTICATED");
    // Step 1 with the expired token starts a new registration instead of reviving the old one.
    let (_, body) = post(
        &server,
        &header,
        CONTACT,
        json!({ "input": contact("late@example.com") }),
    )
    .await;
    assert_ne!(
        string_at(&body, "/data/registerContact/registrationId"),
        id,
        "{body}"
    );
    let row = query_one(
        &db.owner,
        "SELECT company_data IS NULL AS untouched FROM registration_sessions WHERE ref_id = $1",
        [id.into()],
    )
    .await;
    assert!(get::<bool>(&row, "untouched"));
}

#[tokio::test]
async fn nul_bytes_control_characters_and_megabyte_strings_in_a_step_are_refused_by_name() {
    let (db, server) = start().await;
    let big = "x".repeat(1024 * 1024);
    for (field, value) in [
        ("firstName", json!("Asha\u{0}")),
        ("lastName", json!("Rao\u{1b}[2J")),
        ("email", json!("asha\u{0}@example.com")),
        ("country", json!(big)),
        ("phone", json!("+91\u{0}9876543210")),
    ] {
        let mut input = contact("nul@example.com");
        input[field] = value;
        let (status, body) = post(&server, &[], CONTACT, json!({ "input": input })).await;
        assert!(status < 500, "{field}: {status} {body}");
        if status == 200 {
            assert_code(&body, "BAD_USER_INPUT");
        }
    }
    // A NUL in the password is only hashed: accepted or refused, never a server error.
    let mut input = contact("nulpass@example.com");
    input["password"] = json!("twelve chars\u{0}more");
    let (status, body) = post(&server, &[], CONTACT, json!({ "input": input })).await;
    assert!(status < 500 && code(&body) != Some("INTERNAL"), "{body}");
    let row = query_one(
        &db.owner,
        "SELECT count(*) AS n FROM registration_sessions WHERE contact_data->>'email' = 'nul@example.com'",
        [],
    )
    .await;
    assert_eq!(get::<i64>(&row, "n"), 0);
}

#[tokio::test]
async fn aliased_registration_calls_in_one_request_each_count_against_the_address_limit() {
    let (_db, server) =
        start_with(&[("RATE_LIMIT_REGISTRATIONS_PER_MINUTE_PER_ADDRESS", "3")]).await;
    let aliases: String = (0..10)
        .map(|n| format!(" r{n}: registration {{ id }}"))
        .collect();
    let (_, body) = post(
        &server,
        &[("x-forwarded-for", "198.51.100.77")],
        &format!("{{{aliases} }}"),
        json!({}),
    )
    .await;
    let limited = body["errors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .filter(|e| e.pointer("/extensions/code") == Some(&json!("RATE_LIMITED")))
                .count()
        })
        .unwrap_or(0);
    assert!(limited >= 7, "aliases escaped the limit: {body}");
}

#[tokio::test]
async fn the_registration_token_and_password_never_reach_the_audit_entry_of_a_step() {
    let (_db, server) = start().await;
    let (status, body) = post(
        &server,
        &[("x-request-id", "attack-registration-audit")],
        CONTACT,
        json!({ "input": contact("audited@example.com") }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let token = string_at(&body, "/data/registerContact/token");
    let header = [
        ("x-request-id", "attack-registration-audit-2"),
        ("x-registration-token", token.as_str()),
    ];
    let (_, body) = post(
        &server,
        &header,
        COMPANY,
        json!({ "input": { "legalName": "Audited Ltd", "brandName": "Audited" } }),
    )
    .await;
    ok(&body);
    let entries = audit_entries_of(
        &server,
        &[
            "attack-registration-audit".to_owned(),
            "attack-registration-audit-2".to_owned(),
        ],
        2,
    )
    .await;
    let text = format!("{entries:?}");
    assert!(
        !text.contains(&token),
        "the token is in an audit entry: {text}"
    );
    assert!(!text.contains(&sha256_hex(&token)), "{text}");
    assert!(!text.contains("a registration password"), "{text}");
}

// ---------------------------------------------------------------------------------------------
// Completing a registration
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn completing_with_a_token_a_tenant_id_or_garbage_creates_nothing_and_never_panics() {
    let (db, server) = start().await;
    let (token, id) = start_registration(&server, "webhook@example.com").await;
    let acme: String = get(
        &query_one(
            &db.owner,
            "SELECT ref_id FROM tenants WHERE slug = 'acme'",
            [],
        )
        .await,
        "ref_id",
    );
    let huge = "Z".repeat(100_000);
    for reference in [
        token.as_str(),
        acme.as_str(),
        UNKNOWN_ID,
        "",
        "   ",
        "\u{0}",
        "%",
        "' OR 1=1 --",
        huge.as_str(),
    ] {
        let done = complete_registration(server.services(), reference).await;
        assert!(
            // A NUL cannot even be compared with a column: refused as bad input.
            matches!(
                done,
                Err(ApiError::NotFound(_)) | Err(ApiError::BadUserInput { .. })
            ),
            "{:?}: {done:?}",
            reference.chars().take(40).collect::<String>()
        );
    }
    // Step 1 only: not at the payment step.
    let done = complete_registration(server.services(), &id).await;
    assert!(matches!(done, Err(ApiError::Conflict(_))), "{done:?}");
    let row = query_one(
        &db.owner,
        "SELECT count(*) AS n FROM tenants WHERE registration_ref_id IS NOT NULL",
        [],
    )
    .await;
    assert_eq!(get::<i64>(&row, "n"), 0);
}

// ---------------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------------

const GBP: &str = "Update Google Business Profile listing";
const CUSTOMIZE_RECURRING: &str =
    "mutation($id: ID!) { customizeRecurringTaskTemplate(id: $id) { id } }";
const UPDATE_RECURRING: &str = "mutation($id: ID!, $input: UpdateRecurringTaskTemplateInput!) {
  updateRecurringTaskTemplate(id: $id, input: $input) { id variableValues } }";

#[tokio::test]
async fn a_nul_byte_or_control_character_in_a_variable_value_is_bad_input_not_an_internal_error() {
    let (db, server) = start().await;
    seed_global_templates(&db).await;
    let admin = acme_admin(&server).await;
    let global = global_id(&db, "recurring_task_templates", GBP).await;
    let body = admin
        .run(CUSTOMIZE_RECURRING, json!({ "id": global }))
        .await;
    let copy = string_at(&body, "/data/customizeRecurringTaskTemplate/id");
    for value in ["Acme\u{0}Corp", "Acme\u{1b}[31mCorp", "\u{0}"] {
        let body = admin
            .run(
                UPDATE_RECURRING,
                json!({ "id": copy, "input": { "variableValues": { "business_name": value } } }),
            )
            .await;
        assert_code(&body, "BAD_USER_INPUT");
    }
    // A NUL in a variable's name is an unknown variable, also bad input.
    let body = admin
        .run(
            UPDATE_RECURRING,
            json!({ "id": copy, "input": { "variableValues": { "business\u{0}name": "x" } } }),
        )
        .await;
    assert_code(&body, "BAD_USER_INPUT");
}

#[tokio::test]
async fn deeply_nested_variable_values_are_refused_without_a_server_error() {
    let (db, server) = start().await;
    seed_global_templates(&db).await;
    let admin = acme_admin(&server).await;
    let global = global_id(&db, "recurring_task_templates", GBP).await;
    let body = admin
        .run(CUSTOMIZE_RECURRING, json!({ "id": global }))
        .await;
    let copy = string_at(&body, "/data/customizeRecurringTaskTemplate/id");
    // As a variable (JSON body) and inline in the document (GraphQL literal).
    let depth = 5_000;
    let nested = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
    let raw = format!(
        r#"{{"query":"mutation($id: ID!, $v: JSON!) {{ updateRecurringTaskTemplate(id: $id, input: {{ variableValues: $v }}) {{ id }} }}","variables":{{"id":"{copy}","v":{{"business_name":{nested}}}}}}}"#
    );
    let response = reqwest::Client::new()
        .post(format!("{}/graphql", server.base_url))
        .header("content-type", "application/json")
        .header("authorization", admin_bearer(&server).await)
        .body(raw)
        .send()
        .await
        .expect("request");
    assert!(response.status().as_u16() < 500, "{}", response.status());
    let inline = format!(
        "mutation {{ updateRecurringTaskTemplate(id: \"{copy}\", input: {{ variableValues: {{ business_name: {nested} }} }}) {{ id }} }}"
    );
    let (status, body) = server
        .post(
            json!({ "query": inline }),
            &[("authorization", admin_bearer(&server).await.as_str())],
        )
        .await;
    assert!(status < 500, "{status} {body}");
    assert!(body.get("errors").is_some(), "{body}");
    // The server still answers.
    ok(&admin.run("{ contract { status } }", json!({})).await);
}

async fn admin_bearer(server: &TestServer) -> String {
    format!(
        "Bearer {}",
        server
            .login("admin@acme.test", leadmetrics_tests::server::DEMO_PASSWORD)
            .await
    )
}

// ---------------------------------------------------------------------------------------------
// Secrets: agent env secrets and provider keys
// ---------------------------------------------------------------------------------------------

const SECRET_VALUE: &str = "sk-live-LEAKCANARY-0123456789";

#[tokio::test]
async fn an_agent_env_secret_never_appears_in_an_answer_an_error_or_an_audit_entry() {
    let (_db, server) = start().await;
    acme_admin(&server).await;
    let bearer = admin_bearer(&server).await;
    let set = "mutation($role: String!, $s: JSON!) { setAgentConfigEnvSecrets(agentRole: $role, secrets: $s) { id agentRole hasEnvSecrets } }";
    let cases = [
        (
            "attack-env-ok",
            json!({ "role": "copywriter", "s": { "API_TOKEN": SECRET_VALUE } }),
        ),
        // A malformed name (a value pasted in the wrong place), a non-string value, an unknown role.
        (
            "attack-env-name",
            json!({ "role": "copywriter", "s": { SECRET_VALUE: "x" } }),
        ),
        (
            "attack-env-type",
            json!({ "role": "copywriter", "s": { "API_TOKEN": SECRET_VALUE, "N": 1 } }),
        ),
        (
            "attack-env-role",
            json!({ "role": SECRET_VALUE, "s": { "API_TOKEN": SECRET_VALUE } }),
        ),
        (
            "attack-env-array",
            json!({ "role": "copywriter", "s": [SECRET_VALUE] }),
        ),
    ];
    for (request_id, variables) in &cases {
        let (status, body) = server
            .post(
                json!({ "query": set, "variables": variables }),
                &[
                    ("authorization", bearer.as_str()),
                    ("x-request-id", request_id),
                ],
            )
            .await;
        assert!(status < 500, "{status} {body}");
        assert!(
            !body.to_string().contains("LEAKCANARY"),
            "{request_id}: the secret is in the answer: {body}"
        );
    }
    let ids: Vec<String> = cases.iter().map(|(id, _)| (*id).to_owned()).collect();
    let entries = audit_entries_of(&server, &ids, ids.len()).await;
    let text = format!("{entries:?}");
    assert!(!text.contains("LEAKCANARY"), "{text}");
    let read = Caller::user(&server, "admin@acme.test")
        .await
        .run("{ agentConfigs { id agentRole hasEnvSecrets } }", json!({}))
        .await;
    assert!(!read.to_string().contains("LEAKCANARY"), "{read}");
}

#[tokio::test]
async fn a_provider_key_never_appears_in_an_error_when_another_field_is_wrong() {
    let (_db, server) = start().await;
    let admin = acme_admin(&server).await;
    let create = "mutation($input: CreateLlmProviderInput!) { createLlmProvider(input: $input) { id hasApiKey } }";
    let base = json!({ "name": "Leaky", "providerType": "ANTHROPIC", "apiKey": SECRET_VALUE,
        "availableModels": ["claude-sonnet-4-6"], "defaultModel": "claude-sonnet-4-6" });
    let mut cases = Vec::new();
    for (field, value) in [
        ("defaultModel", json!("not-offered")),
        ("name", json!("\u{0}")),
        ("apiKey", json!(format!("{SECRET_VALUE}\u{0}"))),
        (
            "apiKey",
            json!(format!("{SECRET_VALUE}{}", "x".repeat(20_000))),
        ),
        ("baseUrl", json!(format!("javascript:{SECRET_VALUE}"))),
        ("availableModels", json!([SECRET_VALUE, SECRET_VALUE])),
    ] {
        let mut input = base.clone();
        input[field] = value;
        cases.push(input);
    }
    for input in cases {
        let body = admin.run(create, json!({ "input": input })).await;
        assert!(body.get("errors").is_some(), "{body}");
        assert_ne!(code(&body), Some("INTERNAL"), "{body}");
        let errors = body["errors"].to_string();
        // `availableModels` and `baseUrl` are not secrets; only the apiKey value must never show.
        if input["apiKey"] != json!(SECRET_VALUE) || errors.contains("apiKey") {
            assert!(!errors.contains("LEAKCANARY"), "{body}");
        }
        assert!(
            !errors.contains(&format!("\"{SECRET_VALUE}\""))
                || input["availableModels"][0] == json!(SECRET_VALUE),
            "{body}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Global rows
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn neither_a_tenant_admin_nor_an_operator_acting_for_a_tenant_writes_a_global_provider() {
    let (db, server) = start().await;
    let row = query_one(
        &db.owner,
        "INSERT INTO llm_providers (name, provider_type, default_model, available_models, is_global_default)
         VALUES ('Global Anthropic', 'anthropic', 'claude-sonnet-4-6', ARRAY['claude-sonnet-4-6'], false),
                ('Global Two', 'anthropic', 'claude-sonnet-4-6', ARRAY['claude-sonnet-4-6'], true)
         RETURNING ref_id",
        [],
    )
    .await;
    let global: String = get(&row, "ref_id");
    let acme: String = get(
        &query_one(
            &db.owner,
            "SELECT ref_id FROM tenants WHERE slug = 'acme'",
            [],
        )
        .await,
        "ref_id",
    );
    let admin = acme_admin(&server).await;
    let acting = Caller::operator(&server, &acme).await;
    let writes = [
        (
            "mutation($id: ID!) { setGlobalDefaultLlmProvider(id: $id) { id } }",
            json!({ "id": global }),
        ),
        (
            "mutation($id: ID!) { setLlmProviderApiKey(id: $id, apiKey: \"sk-x\") { id } }",
            json!({ "id": global }),
        ),
        (
            "mutation($id: ID!) { clearLlmProviderApiKey(id: $id) { id } }",
            json!({ "id": global }),
        ),
        (
            "mutation($id: ID!) { deleteLlmProvider(id: $id) }",
            json!({ "id": global }),
        ),
        (
            "mutation($id: ID!) { updateLlmProvider(id: $id, input: { name: \"Hijacked\" }) { id } }",
            json!({ "id": global }),
        ),
        (
            "mutation { createGlobalLlmProvider(input: { name: \"Evil\", providerType: ANTHROPIC, availableModels: [\"m\"], defaultModel: \"m\" }) { id } }",
            json!({}),
        ),
    ];
    for caller in [&admin, &acting] {
        for (query, variables) in &writes {
            let body = caller.run(query, variables.clone()).await;
            assert!(
                matches!(code(&body), Some("FORBIDDEN") | Some("NOT_FOUND")),
                "{}: {query}: {body}",
                caller.who()
            );
        }
    }
    let row = query_one(
        &db.owner,
        "SELECT count(*) AS n FROM llm_providers WHERE tenant_id IS NULL AND (name IN ('Hijacked', 'Evil')
            OR deleted_on IS NOT NULL OR api_key IS NOT NULL OR (ref_id = $1 AND is_global_default))",
        [global.into()],
    )
    .await;
    assert_eq!(get::<i64>(&row, "n"), 0);
}
