//! Cross-tenant isolation of templates, agent configs and sessions: tenant A (acme), armed with
//! every id of tenant B (globex) — its template copies, its agent configs, its sessions and
//! goal — sees none of them and changes none of them, through every query and mutation; the
//! platform's global templates are visible to both, and A's customization is invisible to B.

use crate::api_templates::{global_id, seed_global_templates};
use leadmetrics_tests::api::{Caller, assert_code, data, ids, ok, string_at};
use leadmetrics_tests::server::TestServer;
use leadmetrics_tests::world::{World, snapshot, tenant_uuid, world};
use leadmetrics_tests::{TestDatabase, get, query_all};
use serde_json::{Value, json};

/// One demo tenant with its contract accepted, a copy of a global template of each kind, its
/// agent configs and sessions (the demo seed's).
struct Tenant {
    slug: String,
    activity_copy: String,
    recurring_copy: String,
    sessions: Vec<String>,
    goal: String,
}

async fn prepare(db: &TestDatabase, server: &TestServer, slug: &str) -> Tenant {
    seed_global_templates(db).await;
    let admin = Caller::user(server, &format!("admin@{slug}.test")).await;
    let contract = admin.run("{ contract { status } }", json!({})).await;
    if data(&contract, "/data/contract/status") == "PENDING_ACCEPTANCE" {
        ok(&admin
            .run("mutation { acceptContract { id } }", json!({}))
            .await);
    }
    let platform = db.connect_as("app_platform").await;
    if let Err(error) = subgraphs::seed::templates_and_agents(&platform, slug).await {
        panic!("seeding {slug} failed: {error}");
    }
    let copy = |table: &'static str| async move {
        let rows = query_all(
            &db.owner,
            &format!("SELECT c.ref_id FROM {table} c JOIN tenants t ON t.id = c.tenant_id WHERE t.slug = $1 ORDER BY c.ref_id LIMIT 1"),
            [slug.into()],
        )
        .await;
        get::<String>(&rows[0], "ref_id")
    };
    let sessions = query_all(
        &db.owner,
        "SELECT s.ref_id FROM sessions s JOIN tenants t ON t.id = s.tenant_id WHERE t.slug = $1",
        [slug.into()],
    )
    .await
    .iter()
    .map(|row| get::<String>(row, "ref_id"))
    .collect();
    let goal = query_all(
        &db.owner,
        "SELECT g.ref_id FROM goals g JOIN sessions s ON s.goal_id = g.id JOIN tenants t ON t.id = g.tenant_id WHERE t.slug = $1 LIMIT 1",
        [slug.into()],
    )
    .await;
    Tenant {
        slug: slug.to_owned(),
        activity_copy: copy("activity_templates").await,
        recurring_copy: copy("recurring_task_templates").await,
        sessions,
        goal: get(&goal[0], "ref_id"),
    }
}

async fn b_state(world: &World<Tenant>) -> Vec<String> {
    snapshot(&world.db, tenant_uuid(&world.db, &world.b.slug).await, &[]).await
}

#[tokio::test]
async fn tenant_a_neither_sees_nor_changes_tenant_bs_templates_agent_configs_or_sessions() {
    let world = world(prepare).await;
    let (a, b) = (&world.a, &world.b);
    let before = b_state(&world).await;
    let admin = Caller::user(&world.server, "admin@acme.test").await;

    // Lists: globals and A's own copies only.
    let body = admin
        .run(
            "{ activityTemplates(first: 100) { nodes { id isGlobal } } }",
            json!({}),
        )
        .await;
    let listed = ids(data(&body, "/data/activityTemplates/nodes"));
    assert!(
        listed.contains(&a.activity_copy) && !listed.contains(&b.activity_copy),
        "{body}"
    );
    let body = admin
        .run(
            "{ recurringTaskTemplates(first: 100) { nodes { id } } }",
            json!({}),
        )
        .await;
    let listed = ids(data(&body, "/data/recurringTaskTemplates/nodes"));
    assert!(
        listed.contains(&a.recurring_copy) && !listed.contains(&b.recurring_copy),
        "{body}"
    );
    let body = admin
        .run("{ agentSessions(first: 100) { nodes { id } } }", json!({}))
        .await;
    let listed = ids(data(&body, "/data/agentSessions/nodes"));
    assert_eq!(listed.len(), 2, "A's two live sessions: {body}");
    assert!(b.sessions.iter().all(|id| !listed.contains(id)));
    // B's goal as a filter: nothing.
    let body = admin
        .run(
            "query($g: ID) { agentSessions(filter: { goalId: $g }) { nodes { id } } }",
            json!({ "g": b.goal }),
        )
        .await;
    assert_eq!(
        data(&body, "/data/agentSessions/nodes"),
        &json!([]),
        "{body}"
    );
    // B's ids as cursors page nothing of B's.
    for session in &b.sessions {
        let body = admin
            .run(
                "query($c: String) { agentSessions(after: $c) { nodes { id } } }",
                json!({ "c": session }),
            )
            .await;
        assert!(
            ids(data(&body, "/data/agentSessions/nodes"))
                .iter()
                .all(|id| !b.sessions.contains(id))
        );
    }
    // Agent configs: A's own (the ids differ from B's).
    let body = admin.run("{ agentConfigs { id } }", json!({})).await;
    let a_configs = ids(data(&body, "/data/agentConfigs"));
    let b_configs: Vec<String> = query_all(
        &world.db.owner,
        "SELECT c.ref_id FROM agent_configs c JOIN tenants t ON t.id = c.tenant_id WHERE t.slug = 'globex'",
        [],
    )
    .await
    .iter()
    .map(|row| get::<String>(row, "ref_id"))
    .collect();
    assert!(!a_configs.is_empty() && a_configs.iter().all(|id| !b_configs.contains(id)));

    // Look-ups of B's copies: null.
    for (query, id) in [
        (
            "query($id: ID!) { activityTemplate(id: $id) { id } }",
            &b.activity_copy,
        ),
        (
            "query($id: ID!) { recurringTaskTemplate(id: $id) { id } }",
            &b.recurring_copy,
        ),
    ] {
        let body = admin.run(query, json!({ "id": id })).await;
        ok(&body);
        assert!(
            body["data"]
                .as_object()
                .is_some_and(|d| d.values().all(Value::is_null)),
            "{body}"
        );
    }
    // Every mutation on B's copies: NOT_FOUND (never FORBIDDEN, which would tell they exist).
    for (query, variables) in [
        (
            "mutation($id: ID!) { customizeActivityTemplate(id: $id) { id } }",
            json!({ "id": b.activity_copy }),
        ),
        (
            "mutation($id: ID!) { updateActivityTemplate(id: $id, input: { name: \"x\" }) { id } }",
            json!({ "id": b.activity_copy }),
        ),
        (
            "mutation($id: ID!) { setActivityTemplateActive(id: $id, active: false) { id } }",
            json!({ "id": b.activity_copy }),
        ),
        (
            "mutation($id: ID!) { archiveActivityTemplate(id: $id) }",
            json!({ "id": b.activity_copy }),
        ),
        (
            "mutation($id: ID!) { customizeRecurringTaskTemplate(id: $id) { id } }",
            json!({ "id": b.recurring_copy }),
        ),
        (
            "mutation($id: ID!) { updateRecurringTaskTemplate(id: $id, input: { name: \"x\" }) { id } }",
            json!({ "id": b.recurring_copy }),
        ),
        (
            "mutation($id: ID!) { setRecurringTaskTemplateActive(id: $id, active: false) { id } }",
            json!({ "id": b.recurring_copy }),
        ),
        (
            "mutation($id: ID!) { archiveRecurringTaskTemplate(id: $id) }",
            json!({ "id": b.recurring_copy }),
        ),
    ] {
        let body = admin.run(query, variables).await;
        assert_code(&body, "NOT_FOUND");
        assert_eq!(body["data"], Value::Null, "{body}");
    }
    // A's agent config changes touch A's rows only.
    ok(&admin
        .run("mutation { updateAgentConfig(agentRole: \"copywriter\", input: { maxConcurrent: 7 }) { id } }", json!({}))
        .await);
    ok(&admin
        .run("mutation { setAgentConfigEnvSecrets(agentRole: \"copywriter\", secrets: { A_KEY: \"a\" }) { id } }", json!({}))
        .await);
    ok(&admin
        .run(
            "mutation { clearAgentConfigEnvSecrets(agentRole: \"copywriter\") { id } }",
            json!({}),
        )
        .await);
    assert_eq!(b_state(&world).await, before, "A changed B's rows");
}

#[tokio::test]
async fn global_templates_are_shared_and_one_tenants_customization_is_invisible_to_the_other() {
    let world = world(prepare).await;
    let a = Caller::user(&world.server, "admin@acme.test").await;
    let b = Caller::user(&world.server, "admin@globex.test").await;
    let global = global_id(&world.db, "activity_templates", "Social Post Pipeline").await;
    for caller in [&a, &b] {
        let body = caller
            .run(
                "query($id: ID!) { activityTemplate(id: $id) { id isGlobal } }",
                json!({ "id": global }),
            )
            .await;
        assert_eq!(
            data(&body, "/data/activityTemplate/isGlobal"),
            true,
            "{body}"
        );
    }
    // A's copy of the social pipeline (already copied by the seed) customized.
    let body = a
        .run(
            "mutation($id: ID!) { customizeActivityTemplate(id: $id) { id } }",
            json!({ "id": global }),
        )
        .await;
    let a_copy = string_at(&body, "/data/customizeActivityTemplate/id");
    ok(&a
        .run("mutation($id: ID!) { updateActivityTemplate(id: $id, input: { name: \"Acme social\" }) { id } }", json!({ "id": a_copy }))
        .await);
    let body = b
        .run(
            "{ activityTemplates(first: 100) { nodes { id name } } }",
            json!({}),
        )
        .await;
    ok(&body);
    assert!(
        !body.to_string().contains("Acme social") && !body.to_string().contains(&a_copy),
        "{body}"
    );
    let body = b
        .run(
            "mutation($id: ID!) { customizeActivityTemplate(id: $id) { id name } }",
            json!({ "id": global }),
        )
        .await;
    assert_ne!(
        string_at(&body, "/data/customizeActivityTemplate/id"),
        a_copy
    );
    assert_eq!(
        data(&body, "/data/customizeActivityTemplate/name"),
        "Social Post Pipeline"
    );
}
