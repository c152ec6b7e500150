//! Who may do what, hardened (issue 11): only the platform tenant's `super_admin`s, with a token
//! for the management console, act for other tenants; `appAccess` decides which applications a
//! user signs in to and a token keeps working only while its application is still granted; the
//! relation lists of a type are bounded. Each test performs the attack and shows it now fails.

use leadmetrics_tests::api::{bearer, ok};
use leadmetrics_tests::server::{DEMO_PASSWORD, TestServer, error_code, tenant_ref_id};
use leadmetrics_tests::world::{audit_rows, start_with};
use leadmetrics_tests::{exec, get, query_all, query_one};
use serde_json::{Value, json};

const LOGIN_FOR_APP: &str =
    "mutation($input: LoginInput!) { login(input: $input) { token user { email } } }";

async fn login_for_app(server: &TestServer, email: &str, app: &str) -> Value {
    server
        .gql(
            None,
            LOGIN_FOR_APP,
            json!({ "input": { "email": email, "password": DEMO_PASSWORD, "app": app } }),
        )
        .await
}

fn token_of(body: &Value) -> String {
    match body.pointer("/data/login/token").and_then(Value::as_str) {
        Some(token) => token.to_owned(),
        None => panic!("no token: {body}"),
    }
}

async fn me_as_operator(server: &TestServer, token: &str, tenant: &str) -> (u16, Value) {
    let authorization = bearer(token);
    server
        .post(
            json!({ "query": "{ me { actingAsOperator tenant { slug } } }" }),
            &[
                ("authorization", authorization.as_str()),
                ("x-act-for-tenant", tenant),
            ],
        )
        .await
}

#[tokio::test]
async fn a_super_admin_of_an_ordinary_tenant_cannot_act_for_another_tenant() {
    let (db, server) = start_with(&[]).await;
    // An acme admin made super_admin (by a bug, a migration or a rogue operator's SQL).
    exec(
        &db.owner,
        "UPDATE users SET role = 'super_admin' WHERE email = 'admin@acme.test'",
    )
    .await;
    let token = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let globex = tenant_ref_id(&db, "globex").await;
    let audited = audit_rows(&db).await;

    let (status, body) = me_as_operator(&server, &token, &globex).await;

    assert_eq!(status, 403, "{body}");
    assert_eq!(error_code(&body), Some("FORBIDDEN"), "{body}");
    assert_eq!(audit_rows(&db).await, audited);
    // In its own tenant it is still an admin.
    let own = server
        .gql(Some(&token), "{ me { tenant { slug } } }", json!({}))
        .await;
    assert_eq!(own["data"]["me"]["tenant"]["slug"], "acme", "{own}");
}

#[tokio::test]
async fn an_operator_acts_for_a_tenant_only_with_a_token_for_the_management_console() {
    let (db, server) = start_with(&[]).await;
    let acme = tenant_ref_id(&db, "acme").await;
    let dashboard =
        token_of(&login_for_app(&server, "super-admin@leadmetrics.test", "DASHBOARD").await);
    let (status, body) = me_as_operator(&server, &dashboard, &acme).await;
    assert_eq!(status, 403, "{body}");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .is_some_and(|message| message.contains("MANAGE")),
        "{body}"
    );
    let manage = token_of(&login_for_app(&server, "super-admin@leadmetrics.test", "MANAGE").await);
    let (status, body) = me_as_operator(&server, &manage, &acme).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["data"]["me"]["actingAsOperator"], true, "{body}");
    // Ids are case-insensitive here too.
    let (status, body) = me_as_operator(&server, &manage, &acme.to_ascii_lowercase()).await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn a_user_signs_in_only_to_an_application_they_have() {
    let (db, server) = start_with(&[]).await;
    exec(
        &db.owner,
        "UPDATE users SET app_access = ARRAY['dashboard'] WHERE email = 'member@acme.test'",
    )
    .await;
    let refused = login_for_app(&server, "member@acme.test", "DM_PORTAL").await;
    assert_eq!(error_code(&refused), Some("FORBIDDEN"), "{refused}");
    assert!(
        refused.pointer("/data/login").is_none_or(Value::is_null),
        "{refused}"
    );
    let granted = login_for_app(&server, "member@acme.test", "DASHBOARD").await;
    let token = token_of(&granted);
    let me = server
        .gql(Some(&token), "{ me { user { email } } }", json!({}))
        .await;
    ok(&me);
    // No application at all: no sign-in, refused like a wrong password (so a guess cannot
    // learn it was right).
    exec(
        &db.owner,
        "UPDATE users SET app_access = '{}' WHERE email = 'member@acme.test'",
    )
    .await;
    let right = server
        .gql(
            None,
            LOGIN_FOR_APP,
            json!({ "input": { "email": "member@acme.test", "password": DEMO_PASSWORD } }),
        )
        .await;
    let wrong = server
        .gql(
            None,
            LOGIN_FOR_APP,
            json!({ "input": { "email": "member@acme.test", "password": "wrong" } }),
        )
        .await;
    assert_eq!(error_code(&right), Some("UNAUTHENTICATED"), "{right}");
    assert_eq!(right, wrong);
}

#[tokio::test]
async fn withdrawing_a_users_application_ends_the_tokens_issued_for_it() {
    let (db, server) = start_with(&[]).await;
    let portal = token_of(&login_for_app(&server, "reviewer@acme.test", "DM_PORTAL").await);
    let dashboard = token_of(&login_for_app(&server, "reviewer@acme.test", "DASHBOARD").await);
    exec(
        &db.owner,
        "UPDATE users SET app_access = ARRAY['dashboard'] WHERE email = 'reviewer@acme.test'",
    )
    .await;
    let authorization = bearer(&portal);
    let (status, body) = server
        .post(
            json!({ "query": "{ me { user { email } } }" }),
            &[("authorization", authorization.as_str())],
        )
        .await;
    assert_eq!(status, 401, "{body}");
    assert_eq!(error_code(&body), Some("UNAUTHENTICATED"), "{body}");
    let still = server
        .gql(Some(&dashboard), "{ me { user { email } } }", json!({}))
        .await;
    ok(&still);
}

#[tokio::test]
async fn a_relation_list_returns_at_most_500_children_and_the_connection_pages_through_all() {
    let (db, server) = start_with(&[]).await;
    let parent = query_one(
        &db.owner,
        "SELECT a.ref_id FROM activities a JOIN tenants t ON t.id = a.tenant_id
         WHERE t.slug = 'acme' AND a.parent_activity_id IS NULL ORDER BY a.ref_id LIMIT 1",
        [],
    )
    .await;
    let parent: String = get(&parent, "ref_id");
    exec(
        &db.owner,
        &format!(
            "INSERT INTO activities (tenant_id, deliverable_period_id, goal_id, parent_activity_id,
                                     title, type, assignee_type, assignee_agent_role, status,
                                     priority)
             SELECT a.tenant_id, a.deliverable_period_id, a.goal_id, a.id, 'Step ' || i,
                    'research', 'agent', 'researcher', 'completed', 'normal'
             FROM activities a CROSS JOIN generate_series(1, 620) AS i
             WHERE a.ref_id = '{parent}';
             INSERT INTO activity_runs (tenant_id, activity_id, adapter_type, model_id, status,
                                        started_on)
             SELECT a.tenant_id, a.id, 'claude', 'claude-sonnet', 'failed',
                    now() - make_interval(mins => 700 - i)
             FROM activities a CROSS JOIN generate_series(1, 620) AS i
             WHERE a.ref_id = '{parent}';"
        ),
    )
    .await;
    let token = server.login("admin@acme.test", DEMO_PASSWORD).await;
    let body = server
        .gql(
            Some(&token),
            "query($id: ID!) { activity(id: $id) { children { id } runs { id } } }",
            json!({ "id": parent }),
        )
        .await;
    ok(&body);
    let children = body["data"]["activity"]["children"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let runs = body["data"]["activity"]["runs"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(children.len(), 500);
    assert_eq!(runs.len(), 500);
    // The runs are the latest 500 (by creation), newest first.
    let latest: Vec<String> = query_all(
        &db.owner,
        "SELECT r.ref_id FROM activity_runs r JOIN activities a ON a.id = r.activity_id
         WHERE a.ref_id = $1 ORDER BY r.ref_id DESC LIMIT 500",
        [parent.clone().into()],
    )
    .await
    .iter()
    .map(|row| get::<String>(row, "ref_id"))
    .collect();
    let returned: Vec<String> = runs
        .iter()
        .filter_map(|run| run["id"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(returned, latest);
    // The connection pages through all 620 children.
    let mut seen = 0;
    let mut after: Option<String> = None;
    loop {
        let page = server
            .gql(
                Some(&token),
                "query($parent: ID!, $after: String) {
                   activities(filter: { parentId: $parent }, first: 100, after: $after) {
                     edges { node { id } } pageInfo { hasNextPage endCursor } } }",
                json!({ "parent": parent, "after": after }),
            )
            .await;
        ok(&page);
        seen += page["data"]["activities"]["edges"]
            .as_array()
            .map_or(0, Vec::len);
        if page["data"]["activities"]["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = page["data"]["activities"]["pageInfo"]["endCursor"]
            .as_str()
            .map(str::to_owned);
    }
    assert_eq!(seen, 620);
}

#[tokio::test]
async fn the_super_admin_role_is_granted_in_the_platform_tenant_only() {
    let (db, server) = start_with(&[]).await;
    let acme = tenant_ref_id(&db, "acme").await;
    let operator =
        token_of(&login_for_app(&server, "super-admin@leadmetrics.test", "MANAGE").await);
    let authorization = bearer(&operator);
    let acting = [
        ("authorization", authorization.as_str()),
        ("x-act-for-tenant", acme.as_str()),
    ];
    let invite = server
        .gql_with(
            &acting,
            "mutation($input: InviteUserInput!) { inviteUser(input: $input) { id } }",
            json!({ "input": {
                "email": "new-operator@acme.test", "firstName": "New", "lastName": "Operator",
                "role": "SUPER_ADMIN", "appAccess": ["MANAGE"]
            } }),
        )
        .await;
    assert_eq!(error_code(&invite), Some("FORBIDDEN"), "{invite}");
    let member = leadmetrics_tests::world::user_ref_id(&db, "member@acme.test").await;
    let promote = server
        .gql_with(
            &acting,
            "mutation($id: ID!) { changeUserRole(id: $id, role: SUPER_ADMIN) { role } }",
            json!({ "id": member }),
        )
        .await;
    assert_eq!(error_code(&promote), Some("FORBIDDEN"), "{promote}");
    let super_admins = query_one(
        &db.owner,
        "SELECT count(*)::int AS n FROM users u JOIN tenants t ON t.id = u.tenant_id
         WHERE t.slug = 'acme' AND u.role = 'super_admin'",
        [],
    )
    .await;
    assert_eq!(get::<i32>(&super_admins, "n"), 0);
}

#[tokio::test]
async fn a_query_that_cycles_through_relations_stops_at_the_relation_budget_with_one_error() {
    let (db, server) = start_with(&[("GRAPHQL_MAX_RELATION_ITEMS", "1000")]).await;
    let goal = query_one(
        &db.owner,
        "SELECT g.ref_id FROM goals g JOIN tenants t ON t.id = g.tenant_id
         WHERE t.slug = 'acme' ORDER BY g.ref_id LIMIT 1",
        [],
    )
    .await;
    let goal: String = get(&goal, "ref_id");
    let token = server.login("reviewer@acme.test", DEMO_PASSWORD).await;
    // Each level multiplies by the goal's activities: a dozen fields of complexity, and
    // (activities per goal)^5 items without a budget.
    let cycle = "query($id: ID!) { goal(id: $id) { activities { goal { activities { goal {
                   activities { goal { activities { goal { activities { id } } } } } } } } } } }";
    let started = std::time::Instant::now();
    let body = server.gql(Some(&token), cycle, json!({ "id": goal })).await;
    let errors = body["errors"].as_array().cloned().unwrap_or_default();
    assert_eq!(
        errors.len(),
        1,
        "{}",
        &body.to_string()[..body.to_string().len().min(2000)]
    );
    assert_eq!(errors[0]["extensions"]["code"], "BAD_USER_INPUT");
    assert!(
        errors[0]["message"]
            .as_str()
            .is_some_and(|message| message.contains("GRAPHQL_MAX_RELATION_ITEMS")),
        "{}",
        errors[0]
    );
    assert!(body.to_string().len() < 1_000_000);
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    // A query within the budget is untouched.
    let small = server
        .gql(
            Some(&token),
            "query($id: ID!) { goal(id: $id) { activities { goal { name } } } }",
            json!({ "id": goal }),
        )
        .await;
    ok(&small);
}
