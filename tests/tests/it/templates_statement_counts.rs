//! No N+1 in templates and sessions: the tenant's activity templates with each one's source
//! template, and the agent sessions with each one's goal, run the same number of SQL
//! statements for 5 rows and for 50 (the sources and goals of a page in one loader batch).

use leadmetrics_tests::api::{Caller, data};
use leadmetrics_tests::exec_with;
use leadmetrics_tests::world::start;
use serde_json::json;

const TEMPLATES: &str = "{ activityTemplates(first: 100, filter: { scope: TENANT }) {
  nodes { id name sourceTemplate { id name steps { key } } } } }";
const SESSIONS: &str = "{ agentSessions(first: 100) { nodes { id agentRole goal { id name } } } }";

#[tokio::test]
async fn template_and_session_lists_with_their_relations_cost_the_same_for_5_and_50_rows() {
    let (db, server) = start().await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let mut costs = Vec::new();
    for (start, end) in [(1, 5), (6, 50)] {
        // Global templates and acme's copy of each.
        let added = exec_with(
            &db.owner,
            "INSERT INTO activity_templates (tenant_id, deliverable_type, name, steps)
             SELECT NULL, 'blog_posts', 'Global ' || g, '[]' FROM generate_series($1::int, $2::int) g",
            [start.into(), end.into()],
        )
        .await;
        assert!(added.is_ok(), "{added:?}");
        let copied = exec_with(
            &db.owner,
            "INSERT INTO activity_templates (tenant_id, deliverable_type, name, steps, source_template_id)
             SELECT t.id, g.deliverable_type, 'Copy of ' || g.name, g.steps, g.id
             FROM tenants t, activity_templates g
             WHERE t.slug = 'acme' AND g.tenant_id IS NULL
               AND NOT EXISTS (SELECT 1 FROM activity_templates c WHERE c.source_template_id = g.id)",
            [],
        )
        .await;
        assert!(copied.is_ok(), "{copied:?}");
        let sessions = exec_with(
            &db.owner,
            "INSERT INTO sessions (tenant_id, agent_role, goal_id, adapter_type, expires_at)
             SELECT t.id, 'copywriter', (SELECT g.id FROM goals g WHERE g.tenant_id = t.id ORDER BY g.ref_id OFFSET (n % 3) LIMIT 1),
                    'claude', now() + interval '1 day'
             FROM tenants t, generate_series($1::int, $2::int) n WHERE t.slug = 'acme'",
            [start.into(), end.into()],
        )
        .await;
        assert!(sessions.is_ok(), "{sessions:?}");
        let mut cost = Vec::new();
        for (query, pointer) in [
            (TEMPLATES, "/data/activityTemplates/nodes"),
            (SESSIONS, "/data/agentSessions/nodes"),
        ] {
            let before = server.statements_executed();
            let body = admin.run(query, json!({})).await;
            assert!(body.get("errors").is_none(), "{body}");
            let nodes = data(&body, pointer).as_array().cloned().unwrap_or_default();
            assert_eq!(nodes.len(), end as usize, "{body}");
            assert!(
                nodes
                    .iter()
                    .all(|node| !node["sourceTemplate"].is_null() || !node["goal"].is_null())
            );
            cost.push(server.statements_executed() - before);
        }
        costs.push(cost);
    }
    assert_eq!(
        costs[0], costs[1],
        "statements for 5 and for 50 rows: {costs:?}"
    );
}
