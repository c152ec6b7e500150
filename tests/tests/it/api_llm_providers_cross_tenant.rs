//! Cross-tenant isolation of LLM providers: tenant A (acme), armed with tenant B's (globex)
//! provider ids, as ids and as cursors, sees nothing of B's providers and changes nothing of
//! them through every query and mutation; the global providers are visible to both and
//! writable by neither; the operator mutations refuse everyone but a platform operator; and an
//! operator acting for a tenant creates that tenant's rows, never global ones.

use leadmetrics_tests::api::{Caller, assert_code, data, ids, ok, string_at};
use leadmetrics_tests::server::{DEMO_PASSWORD, TestServer, tenant_ref_id};
use leadmetrics_tests::world::{World, snapshot, tenant_uuid, world};
use leadmetrics_tests::{TestDatabase, get, query_one};
use serde_json::{Value, json};

const CREATE: &str =
    "mutation($input: CreateLlmProviderInput!) { createLlmProvider(input: $input) { id scope } }";
const CREATE_GLOBAL: &str = "mutation($input: CreateLlmProviderInput!) { createGlobalLlmProvider(input: $input) { id scope } }";
const UPDATE: &str =
    "mutation($id: ID!) { updateLlmProvider(id: $id, input: { name: \"Taken\" }) { id } }";
const SET_KEY: &str =
    "mutation($id: ID!) { setLlmProviderApiKey(id: $id, apiKey: \"sk-stolen\") { id } }";
const CLEAR_KEY: &str = "mutation($id: ID!) { clearLlmProviderApiKey(id: $id) { id } }";
const HEALTH: &str =
    "mutation($id: ID!) { recordLlmProviderHealthCheck(id: $id, input: { status: ERROR }) { id } }";
const DELETE: &str = "mutation($id: ID!) { deleteLlmProvider(id: $id) }";
const DEFAULT: &str = "mutation($id: ID!) { setGlobalDefaultLlmProvider(id: $id) { id } }";
const ONE: &str = "query($id: ID!) { llmProvider(id: $id) { id } }";
const LIST: &str =
    "query($after: String) { llmProviders(first: 100, after: $after) { nodes { id scope } } }";

/// A demo tenant with its contract accepted and a provider of its own (with a key).
struct Tenant {
    provider: String,
}

async fn prepare(_db: &TestDatabase, server: &TestServer, slug: &str) -> Tenant {
    let admin = Caller::user(server, &format!("admin@{slug}.test")).await;
    let contract = admin.run("{ contract { status } }", json!({})).await;
    if data(&contract, "/data/contract/status") == "PENDING_ACCEPTANCE" {
        ok(&admin
            .run("mutation { acceptContract { id } }", json!({}))
            .await);
    }
    let body = admin
        .run(
            CREATE,
            json!({ "input": { "name": format!("{slug} provider"), "providerType": "OPENAI",
                "apiKey": format!("sk-{slug}") } }),
        )
        .await;
    Tenant {
        provider: string_at(&body, "/data/createLlmProvider/id"),
    }
}

async fn operator(server: &TestServer) -> Caller<'_> {
    let token = server
        .login("super-admin@leadmetrics.test", DEMO_PASSWORD)
        .await;
    Caller::with_headers(
        server,
        "platform operator",
        leadmetrics_tests::api::bearer_headers(&token),
    )
}

async fn global_provider(world: &World<Tenant>) -> String {
    let body = operator(&world.server)
        .await
        .run(
            CREATE_GLOBAL,
            json!({ "input": { "name": "Platform", "providerType": "ANTHROPIC", "apiKey": "sk-platform" } }),
        )
        .await;
    string_at(&body, "/data/createGlobalLlmProvider/id")
}

#[tokio::test]
async fn another_tenants_provider_is_not_found_through_every_query_and_mutation() {
    let world = world(prepare).await;
    let global = global_provider(&world).await;
    let b_tenant = tenant_uuid(&world.db, "globex").await;
    let before = snapshot(&world.db, b_tenant, &[]).await;
    for email in ["admin@acme.test", "member@acme.test"] {
        let caller = Caller::user(&world.server, email).await;
        // B's provider is invisible: by id, in the list, and as a cursor it reveals nothing.
        let body = caller.run(ONE, json!({ "id": world.b.provider })).await;
        assert_eq!(data(&body, "/data/llmProvider"), &Value::Null, "{email}");
        let body = caller.run(LIST, json!({})).await;
        let listed = ids(data(&body, "/data/llmProviders/nodes"));
        assert!(!listed.contains(&world.b.provider), "{email}: {listed:?}");
        assert!(
            listed.contains(&global),
            "{email}: the global provider is not listed"
        );
        assert!(listed.contains(&world.a.provider));
        let body = caller.run(LIST, json!({ "after": world.b.provider })).await;
        let after = ids(data(&body, "/data/llmProviders/nodes"));
        assert!(!after.contains(&world.b.provider));
        // Every mutation by id: NOT_FOUND (for an admin) or FORBIDDEN (a member's role), never
        // a change.
        for mutation in [UPDATE, SET_KEY, CLEAR_KEY, HEALTH, DELETE] {
            let body = caller
                .run(mutation, json!({ "id": world.b.provider }))
                .await;
            let expected = if email.starts_with("admin") {
                "NOT_FOUND"
            } else {
                "FORBIDDEN"
            };
            assert_code(&body, expected);
        }
    }
    // A write-scoped API key (a health-check worker) of A cannot reach B's provider either.
    let worker = Caller::api_key(&world.server, &["READ", "WRITE"]).await;
    assert_code(
        &worker.run(HEALTH, json!({ "id": world.b.provider })).await,
        "NOT_FOUND",
    );
    assert_eq!(snapshot(&world.db, b_tenant, &[]).await, before);
    // B still sees its own and the global one.
    let b_admin = Caller::user(&world.server, "admin@globex.test").await;
    let body = b_admin.run(LIST, json!({})).await;
    let listed = ids(data(&body, "/data/llmProviders/nodes"));
    assert!(listed.contains(&world.b.provider) && listed.contains(&global));
    assert!(!listed.contains(&world.a.provider));
}

#[tokio::test]
async fn only_a_platform_operator_uses_the_operator_mutations_and_an_acting_operator_writes_the_tenants_rows()
 {
    let world = world(prepare).await;
    let global = global_provider(&world).await;
    let input = json!({ "input": { "name": "Global?", "providerType": "OPENAI" } });
    // Tenant admins, members, API keys: refused.
    for email in ["admin@acme.test", "member@acme.test", "admin@globex.test"] {
        let caller = Caller::user(&world.server, email).await;
        assert_code(&caller.run(CREATE_GLOBAL, input.clone()).await, "FORBIDDEN");
        assert_code(
            &caller.run(DEFAULT, json!({ "id": global })).await,
            "FORBIDDEN",
        );
        assert_code(
            &caller.run(UPDATE, json!({ "id": global })).await,
            "FORBIDDEN",
        );
    }
    let key = Caller::api_key(&world.server, &["READ", "WRITE"]).await;
    assert_code(&key.run(CREATE_GLOBAL, input.clone()).await, "FORBIDDEN");
    assert_code(&key.run(HEALTH, json!({ "id": global })).await, "FORBIDDEN");
    // An operator without a MANAGE token is not a platform operator.
    let dashboard_only = world
        .server
        .gql(
            None,
            "mutation($input: LoginInput!) { login(input: $input) { token } }",
            json!({ "input": { "email": "super-admin@leadmetrics.test", "password": DEMO_PASSWORD, "app": "DASHBOARD" } }),
        )
        .await;
    let token = string_at(&dashboard_only, "/data/login/token");
    let dashboard = Caller::with_headers(
        &world.server,
        "operator without MANAGE",
        leadmetrics_tests::api::bearer_headers(&token),
    );
    assert_code(
        &dashboard.run(CREATE_GLOBAL, input.clone()).await,
        "FORBIDDEN",
    );

    // An operator acting for acme: a tenant row of acme, and no global writes.
    let acme_ref = tenant_ref_id(&world.db, "acme").await;
    let acting = Caller::operator(&world.server, &acme_ref).await;
    let body = acting
        .run(
            CREATE,
            json!({ "input": { "name": "For acme", "providerType": "OPENAI" } }),
        )
        .await;
    assert_eq!(data(&body, "/data/createLlmProvider/scope"), "TENANT");
    let created = string_at(&body, "/data/createLlmProvider/id");
    let row = query_one(
        &world.db.owner,
        "SELECT tenant_id FROM llm_providers WHERE ref_id = $1",
        [created.into()],
    )
    .await;
    assert_eq!(
        get::<Option<uuid::Uuid>>(&row, "tenant_id"),
        Some(tenant_uuid(&world.db, "acme").await)
    );
    assert_code(&acting.run(CREATE_GLOBAL, input.clone()).await, "FORBIDDEN");
    assert_code(
        &acting.run(UPDATE, json!({ "id": global })).await,
        "FORBIDDEN",
    );
    assert_code(
        &acting.run(DEFAULT, json!({ "id": global })).await,
        "FORBIDDEN",
    );
    // The operator itself (not acting) cannot reach a tenant's provider through the global path.
    let platform = operator(&world.server).await;
    assert_code(
        &platform
            .run(DEFAULT, json!({ "id": world.a.provider }))
            .await,
        "NOT_FOUND",
    );
    assert_code(
        &platform
            .run(UPDATE, json!({ "id": world.a.provider }))
            .await,
        "NOT_FOUND",
    );
    ok(&platform.run(DEFAULT, json!({ "id": global })).await);
}
