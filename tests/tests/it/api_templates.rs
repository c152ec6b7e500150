//! Activity and recurring task templates through the API: global templates readable and
//! read-only, copy-on-customize (one live copy per source and tenant), versioned edits, checked
//! steps, variable values and cron expressions, archive and activation — and the database
//! constraints behind them, hit directly.

use leadmetrics_tests::api::{
    Caller, assert_code, assert_refused_unchanged, data, ids, ok, string_at,
};
use leadmetrics_tests::world::{start, tenant_uuid};
use leadmetrics_tests::{TestDatabase, exec, exec_with, get, query_one, sql_state};
use serde_json::{Value, json};

const ACTIVITY_TEMPLATES: &str = "query($filter: ActivityTemplateFilter, $first: Int, $after: String) {
  activityTemplates(filter: $filter, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { id name deliverableType version isActive isGlobal steps { key agentRole dependsOn } sourceTemplate { id } } } }";
const ACTIVITY_TEMPLATE: &str = "query($id: ID!) { activityTemplate(id: $id) { id name version isGlobal sourceTemplate { id name } } }";
const CUSTOMIZE_ACTIVITY: &str = "mutation($id: ID!) { customizeActivityTemplate(id: $id) {
  id name version isGlobal isActive steps { key } sourceTemplate { id } } }";
const UPDATE_ACTIVITY: &str = "mutation($id: ID!, $input: UpdateActivityTemplateInput!) {
  updateActivityTemplate(id: $id, input: $input) { id name version steps { key name activityType assigneeType agentRole approvalGate dependsOn } } }";
const ACTIVATE_ACTIVITY: &str = "mutation($id: ID!, $active: Boolean!) { setActivityTemplateActive(id: $id, active: $active) { id isActive version } }";
const ARCHIVE_ACTIVITY: &str = "mutation($id: ID!) { archiveActivityTemplate(id: $id) }";
const RECURRING_TEMPLATES: &str = "query($filter: RecurringTaskTemplateFilter) {
  recurringTaskTemplates(filter: $filter, first: 50) { nodes { id name trigger isGlobal variables { key type required } } } }";
const RECURRING_TEMPLATE: &str = "query($id: ID!) { recurringTaskTemplate(id: $id) { id name version isActive variableValues cronExpression } }";
const CUSTOMIZE_RECURRING: &str = "mutation($id: ID!) { customizeRecurringTaskTemplate(id: $id) {
  id name version isActive isGlobal trigger cronExpression variableValues sourceTemplate { id } } }";
const UPDATE_RECURRING: &str = "mutation($id: ID!, $input: UpdateRecurringTaskTemplateInput!) {
  updateRecurringTaskTemplate(id: $id, input: $input) { id version trigger cronExpression variableValues assigneeType agentRole humanRole isActive } }";
const ACTIVATE_RECURRING: &str = "mutation($id: ID!, $active: Boolean!) { setRecurringTaskTemplateActive(id: $id, active: $active) { id isActive version } }";
const ARCHIVE_RECURRING: &str = "mutation($id: ID!) { archiveRecurringTaskTemplate(id: $id) }";

const BLOG: &str = "Standard Blog Post Pipeline";
const GBP: &str = "Update Google Business Profile listing";
const TABLES: &[&str] = &["activity_templates", "recurring_task_templates"];

/// Seeds the platform's global templates (the demo seed's) into `db`.
pub async fn seed_global_templates(db: &TestDatabase) {
    let platform = db.connect_as("app_platform").await;
    if let Err(error) = subgraphs::seed::global_templates(&platform).await {
        panic!("seeding the global templates failed: {error}");
    }
}

/// The public id of the global template of `table` named `name`.
pub async fn global_id(db: &TestDatabase, table: &str, name: &str) -> String {
    let row = query_one(
        &db.owner,
        &format!("SELECT ref_id FROM {table} WHERE tenant_id IS NULL AND name = $1"),
        [name.into()],
    )
    .await;
    get(&row, "ref_id")
}

fn steps(extra_human: bool) -> Value {
    let mut steps = vec![
        json!({ "key": "research", "name": "Research", "activityType": "RESEARCH", "assigneeType": "AGENT", "agentRole": "researcher" }),
        json!({ "key": "write", "name": "Write", "activityType": "WRITE", "assigneeType": "AGENT", "agentRole": "copywriter", "dependsOn": ["research"] }),
    ];
    if extra_human {
        steps.push(json!({ "key": "approve", "name": "Approve", "activityType": "APPROVE", "assigneeType": "HUMAN", "approvalGate": true, "dependsOn": ["write"] }));
    }
    Value::Array(steps)
}

#[tokio::test]
async fn global_templates_are_listed_filtered_and_paged_for_every_role() {
    let (db, server) = start().await;
    seed_global_templates(&db).await;
    for email in ["admin@acme.test", "member@acme.test", "reviewer@acme.test"] {
        let caller = Caller::user(&server, email).await;
        let body = caller.run(ACTIVITY_TEMPLATES, json!({})).await;
        ok(&body);
        let nodes = data(&body, "/data/activityTemplates/nodes")
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert_eq!(nodes.len(), 3, "{email}: {body}");
        assert!(
            nodes
                .iter()
                .all(|node| node["isGlobal"] == true && node["sourceTemplate"].is_null())
        );
        let blog = nodes
            .iter()
            .find(|node| node["name"] == BLOG)
            .cloned()
            .unwrap_or_default();
        assert_eq!(blog["steps"][1]["dependsOn"], json!(["research"]));
        assert_eq!(blog["steps"][0]["agentRole"], "researcher");
    }
    let admin = Caller::user(&server, "admin@acme.test").await;
    let body = admin
        .run(
            ACTIVITY_TEMPLATES,
            json!({ "filter": { "deliverableType": "SOCIAL_POSTS" } }),
        )
        .await;
    assert_eq!(
        ids(data(&body, "/data/activityTemplates/nodes")).len(),
        1,
        "{body}"
    );
    let body = admin
        .run(
            ACTIVITY_TEMPLATES,
            json!({ "filter": { "scope": "TENANT" } }),
        )
        .await;
    assert_eq!(
        ids(data(&body, "/data/activityTemplates/nodes")).len(),
        0,
        "{body}"
    );
    // Pages of 2: all three, each once.
    let first = admin.run(ACTIVITY_TEMPLATES, json!({ "first": 2 })).await;
    assert_eq!(
        data(&first, "/data/activityTemplates/pageInfo/hasNextPage"),
        true
    );
    let cursor = string_at(&first, "/data/activityTemplates/pageInfo/endCursor");
    let second = admin
        .run(ACTIVITY_TEMPLATES, json!({ "first": 2, "after": cursor }))
        .await;
    let mut all = ids(data(&first, "/data/activityTemplates/nodes"));
    all.extend(ids(data(&second, "/data/activityTemplates/nodes")));
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 3);

    let body = admin
        .run(
            RECURRING_TEMPLATES,
            json!({ "filter": { "trigger": "CRON" } }),
        )
        .await;
    let nodes = data(&body, "/data/recurringTaskTemplates/nodes")
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(nodes.len(), 1, "{body}");
    assert_eq!(nodes[0]["name"], GBP);
    assert_eq!(
        nodes[0]["variables"][1],
        json!({ "key": "website", "type": "URL", "required": true })
    );
    let body = admin
        .run(
            RECURRING_TEMPLATES,
            json!({ "filter": { "scope": "GLOBAL" } }),
        )
        .await;
    assert_eq!(
        ids(data(&body, "/data/recurringTaskTemplates/nodes")).len(),
        4,
        "{body}"
    );
    let id = global_id(&db, "activity_templates", BLOG).await;
    let body = admin.run(ACTIVITY_TEMPLATE, json!({ "id": id })).await;
    assert_eq!(
        data(&body, "/data/activityTemplate/isGlobal"),
        true,
        "{body}"
    );
}

#[tokio::test]
async fn customizing_an_activity_template_makes_one_versioned_copy_and_globals_stay_read_only() {
    let (db, server) = start().await;
    seed_global_templates(&db).await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let global = global_id(&db, "activity_templates", BLOG).await;

    // Global templates are read-only, with a message that says what to do.
    for (query, variables) in [
        (
            UPDATE_ACTIVITY,
            json!({ "id": global, "input": { "name": "Mine" } }),
        ),
        (ACTIVATE_ACTIVITY, json!({ "id": global, "active": false })),
        (ARCHIVE_ACTIVITY, json!({ "id": global })),
    ] {
        let body =
            assert_refused_unchanged(&db, &admin, TABLES, query, variables, "FORBIDDEN", None)
                .await;
        assert!(
            body.to_string().contains("customizeActivityTemplate"),
            "{body}"
        );
    }
    // Members cannot customize.
    let member = Caller::user(&server, "member@acme.test").await;
    assert_refused_unchanged(
        &db,
        &member,
        TABLES,
        CUSTOMIZE_ACTIVITY,
        json!({ "id": global }),
        "FORBIDDEN",
        None,
    )
    .await;

    let body = admin.run(CUSTOMIZE_ACTIVITY, json!({ "id": global })).await;
    ok(&body);
    let copy = string_at(&body, "/data/customizeActivityTemplate/id");
    assert_ne!(copy, global);
    assert_eq!(data(&body, "/data/customizeActivityTemplate/version"), 1);
    assert_eq!(
        data(&body, "/data/customizeActivityTemplate/isGlobal"),
        false
    );
    assert_eq!(
        data(&body, "/data/customizeActivityTemplate/sourceTemplate/id"),
        &json!(global)
    );
    assert_eq!(
        data(&body, "/data/customizeActivityTemplate/steps")
            .as_array()
            .map(Vec::len),
        Some(5)
    );
    // Again: the same copy; the copy's own id: itself.
    for id in [&global, &copy] {
        let again = admin.run(CUSTOMIZE_ACTIVITY, json!({ "id": id })).await;
        assert_eq!(
            string_at(&again, "/data/customizeActivityTemplate/id"),
            copy,
            "{again}"
        );
    }
    let body = admin
        .run(
            ACTIVITY_TEMPLATES,
            json!({ "filter": { "scope": "TENANT" } }),
        )
        .await;
    assert_eq!(
        ids(data(&body, "/data/activityTemplates/nodes")),
        vec![copy.clone()]
    );

    // Edits bump the version; bad steps change nothing.
    let body = admin
        .run(
            UPDATE_ACTIVITY,
            json!({ "id": copy, "input": { "name": "Acme pipeline", "steps": steps(true) } }),
        )
        .await;
    ok(&body);
    assert_eq!(data(&body, "/data/updateActivityTemplate/version"), 2);
    assert_eq!(
        data(&body, "/data/updateActivityTemplate/steps/2"),
        &json!({ "key": "approve", "name": "Approve", "activityType": "APPROVE", "assigneeType": "HUMAN",
                 "agentRole": null, "approvalGate": true, "dependsOn": ["write"] })
    );
    let stored = query_one(
        &db.owner,
        "SELECT steps::text AS s FROM activity_templates WHERE ref_id = $1",
        [copy.clone().into()],
    )
    .await;
    assert!(get::<String>(&stored, "s").contains("\"activityType\": \"approve\""));
    let body = admin
        .run(
            UPDATE_ACTIVITY,
            json!({ "id": copy, "input": { "steps": steps(false) } }),
        )
        .await;
    assert_eq!(data(&body, "/data/updateActivityTemplate/version"), 3);
    let mut bad_role = steps(false);
    bad_role[1]["agentRole"] = json!("poet");
    let mut forward = steps(false);
    forward[0]["dependsOn"] = json!(["write"]);
    let mut human_with_role = steps(true);
    human_with_role[2]["agentRole"] = json!("copywriter");
    for (input, field) in [
        (json!({ "steps": [] }), "steps"),
        (json!({ "steps": bad_role }), "steps.1.agentRole"),
        (json!({ "steps": forward }), "steps.0.dependsOn"),
        (json!({ "steps": human_with_role }), "steps.2.agentRole"),
        (json!({ "name": " " }), "name"),
        (json!({}), "input"),
    ] {
        assert_refused_unchanged(
            &db,
            &admin,
            TABLES,
            UPDATE_ACTIVITY,
            json!({ "id": copy, "input": input }),
            "BAD_USER_INPUT",
            Some(field),
        )
        .await;
    }

    // Off and on (the version stays), then archived: gone from lists and look-ups; customizing
    // again makes a fresh copy.
    let body = admin
        .run(ACTIVATE_ACTIVITY, json!({ "id": copy, "active": false }))
        .await;
    assert_eq!(
        data(&body, "/data/setActivityTemplateActive"),
        &json!({ "id": copy, "isActive": false, "version": 3 })
    );
    ok(&admin.run(ARCHIVE_ACTIVITY, json!({ "id": copy })).await);
    let body = admin.run(ACTIVITY_TEMPLATE, json!({ "id": copy })).await;
    assert_eq!(data(&body, "/data/activityTemplate"), &Value::Null);
    let body = admin
        .run(
            ACTIVITY_TEMPLATES,
            json!({ "filter": { "scope": "TENANT" } }),
        )
        .await;
    assert!(ids(data(&body, "/data/activityTemplates/nodes")).is_empty());
    assert_code(
        &admin
            .run(
                UPDATE_ACTIVITY,
                json!({ "id": copy, "input": { "name": "x" } }),
            )
            .await,
        "NOT_FOUND",
    );
    let body = admin.run(CUSTOMIZE_ACTIVITY, json!({ "id": global })).await;
    let fresh = string_at(&body, "/data/customizeActivityTemplate/id");
    assert_ne!(fresh, copy);
    assert_eq!(data(&body, "/data/customizeActivityTemplate/version"), 1);
}

#[tokio::test]
async fn recurring_template_copies_check_their_variables_cron_and_assignee() {
    let (db, server) = start().await;
    seed_global_templates(&db).await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let global = global_id(&db, "recurring_task_templates", GBP).await;
    let body = assert_refused_unchanged(
        &db,
        &admin,
        TABLES,
        UPDATE_RECURRING,
        json!({ "id": global, "input": { "variableValues": {} } }),
        "FORBIDDEN",
        None,
    )
    .await;
    assert!(
        body.to_string().contains("customizeRecurringTaskTemplate"),
        "{body}"
    );

    let body = admin
        .run(CUSTOMIZE_RECURRING, json!({ "id": global }))
        .await;
    ok(&body);
    let copy = string_at(&body, "/data/customizeRecurringTaskTemplate/id");
    // Required variables without values: the copy starts switched off.
    assert_eq!(
        data(&body, "/data/customizeRecurringTaskTemplate/isActive"),
        false
    );
    assert_eq!(
        data(&body, "/data/customizeRecurringTaskTemplate/variableValues"),
        &json!({})
    );
    assert_eq!(
        data(&body, "/data/customizeRecurringTaskTemplate/cronExpression"),
        "0 9 * * MON"
    );
    let again = admin
        .run(CUSTOMIZE_RECURRING, json!({ "id": global }))
        .await;
    assert_eq!(
        string_at(&again, "/data/customizeRecurringTaskTemplate/id"),
        copy
    );
    assert_refused_unchanged(
        &db,
        &admin,
        TABLES,
        ACTIVATE_RECURRING,
        json!({ "id": copy, "active": true }),
        "BAD_USER_INPUT",
        Some("variableValues"),
    )
    .await;

    let update = |input: Value| json!({ "id": copy, "input": input });
    for (input, field) in [
        (
            json!({ "variableValues": { "unknown": "x" } }),
            "variableValues",
        ),
        (
            json!({ "variableValues": { "business_name": 42 } }),
            "variableValues",
        ),
        (
            json!({ "variableValues": { "website": "not a url" } }),
            "variableValues",
        ),
        (json!({ "variableValues": [] }), "variableValues"),
        (json!({ "cronExpression": "61 * * * *" }), "cronExpression"),
        (json!({ "cronExpression": "0 9 * *" }), "cronExpression"),
        (json!({ "cronExpression": null }), "cronExpression"),
        (
            json!({ "trigger": "MANUAL", "cronExpression": "0 9 * * MON" }),
            "cronExpression",
        ),
        (
            json!({ "assignee": { "type": "AGENT", "agentRole": "poet" } }),
            "assignee.agentRole",
        ),
        (
            json!({ "assignee": { "type": "HUMAN", "agentRole": "copywriter" } }),
            "assignee.agentRole",
        ),
        (json!({ "name": "" }), "name"),
    ] {
        assert_refused_unchanged(
            &db,
            &admin,
            TABLES,
            UPDATE_RECURRING,
            update(input),
            "BAD_USER_INPUT",
            Some(field),
        )
        .await;
    }

    let body = admin
        .run(UPDATE_RECURRING, update(json!({ "variableValues": { "business_name": " Acme ", "website": "https://acme.test", "offer": null } })))
        .await;
    ok(&body);
    assert_eq!(data(&body, "/data/updateRecurringTaskTemplate/version"), 2);
    assert_eq!(
        data(&body, "/data/updateRecurringTaskTemplate/variableValues"),
        &json!({ "business_name": "Acme", "website": "https://acme.test" })
    );
    let body = admin
        .run(ACTIVATE_RECURRING, json!({ "id": copy, "active": true }))
        .await;
    assert_eq!(
        data(&body, "/data/setRecurringTaskTemplateActive/isActive"),
        true,
        "{body}"
    );
    // Active: a required value cannot be dropped any more.
    assert_refused_unchanged(
        &db,
        &admin,
        TABLES,
        UPDATE_RECURRING,
        update(json!({ "variableValues": { "business_name": "Acme" } })),
        "BAD_USER_INPUT",
        Some("variableValues"),
    )
    .await;

    // Trigger and cron go together: away from CRON drops the expression; back needs one.
    let body = admin
        .run(UPDATE_RECURRING, update(json!({ "trigger": "MANUAL" })))
        .await;
    assert_eq!(
        data(&body, "/data/updateRecurringTaskTemplate/cronExpression"),
        &Value::Null,
        "{body}"
    );
    assert_refused_unchanged(
        &db,
        &admin,
        TABLES,
        UPDATE_RECURRING,
        update(json!({ "trigger": "CRON" })),
        "BAD_USER_INPUT",
        Some("cronExpression"),
    )
    .await;
    let body = admin
        .run(
            UPDATE_RECURRING,
            update(
                json!({ "trigger": "CRON", "cronExpression": " */15  8-18 * * MON-FRI ",
            "assignee": { "type": "HUMAN", "humanRole": "REVIEWER" } }),
            ),
        )
        .await;
    ok(&body);
    assert_eq!(
        data(&body, "/data/updateRecurringTaskTemplate"),
        &json!({ "id": copy, "version": 4, "trigger": "CRON", "cronExpression": "*/15 8-18 * * MON-FRI",
                 "variableValues": { "business_name": "Acme", "website": "https://acme.test" },
                 "assigneeType": "HUMAN", "agentRole": null, "humanRole": "REVIEWER", "isActive": true })
    );
    ok(&admin.run(ARCHIVE_RECURRING, json!({ "id": copy })).await);
    let body = admin.run(RECURRING_TEMPLATE, json!({ "id": copy })).await;
    assert_eq!(data(&body, "/data/recurringTaskTemplate"), &Value::Null);
}

#[tokio::test]
async fn a_change_to_a_global_template_never_reaches_the_copies() {
    let (db, server) = start().await;
    seed_global_templates(&db).await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let activity = global_id(&db, "activity_templates", BLOG).await;
    let recurring = global_id(&db, "recurring_task_templates", GBP).await;
    let a = admin
        .run(CUSTOMIZE_ACTIVITY, json!({ "id": activity }))
        .await;
    let a_copy = string_at(&a, "/data/customizeActivityTemplate/id");
    let r = admin
        .run(CUSTOMIZE_RECURRING, json!({ "id": recurring }))
        .await;
    let r_copy = string_at(&r, "/data/customizeRecurringTaskTemplate/id");
    let before = (
        admin.run(ACTIVITY_TEMPLATE, json!({ "id": a_copy })).await,
        admin.run(RECURRING_TEMPLATE, json!({ "id": r_copy })).await,
    );
    // The platform changes its global templates (as the owner: no tenant may).
    exec(&db.owner, &format!("UPDATE activity_templates SET name = 'Renamed', steps = '[]', version = 9 WHERE ref_id = '{activity}'")).await;
    exec(&db.owner, &format!("UPDATE recurring_task_templates SET name = 'Renamed', cron_expression = '0 0 * * *', version = 9 WHERE ref_id = '{recurring}'")).await;
    let after = (
        admin.run(ACTIVITY_TEMPLATE, json!({ "id": a_copy })).await,
        admin.run(RECURRING_TEMPLATE, json!({ "id": r_copy })).await,
    );
    assert_eq!(before.0["data"]["activityTemplate"]["name"], BLOG);
    assert_eq!(
        before.0["data"]["activityTemplate"]["version"],
        after.0["data"]["activityTemplate"]["version"]
    );
    assert_eq!(
        before.0["data"]["activityTemplate"]["name"],
        after.0["data"]["activityTemplate"]["name"]
    );
    assert_eq!(
        after.0["data"]["activityTemplate"]["sourceTemplate"]["name"],
        "Renamed"
    );
    assert_eq!(before.1, after.1);
    let steps = query_one(
        &db.owner,
        "SELECT jsonb_array_length(steps) AS n FROM activity_templates WHERE ref_id = $1",
        [a_copy.into()],
    )
    .await;
    assert_eq!(get::<i32>(&steps, "n"), 5);
}

#[tokio::test]
async fn the_database_refuses_cron_mismatches_second_copies_and_copies_of_another_tenants_rows() {
    let (db, _server) = start().await;
    seed_global_templates(&db).await;
    let acme = tenant_uuid(&db, "acme").await;
    let globex = tenant_uuid(&db, "globex").await;
    // trigger = cron ⇔ cron_expression.
    for (trigger, cron) in [("cron", None), ("manual", Some("0 9 * * *"))] {
        let error = exec_with(
            &db.owner,
            "INSERT INTO recurring_task_templates (tenant_id, name, assignee_type, agent_role, periodicity, trigger, cron_expression)
             VALUES ($1, 'x', 'agent', 'copywriter', 'daily', $2::recurring_task_template_trigger, $3)",
            [acme.into(), trigger.into(), cron.map(str::to_owned).into()],
        )
        .await
        .err();
        assert_eq!(
            error.as_ref().and_then(sql_state).as_deref(),
            Some("23514"),
            "{trigger}: {error:?}"
        );
    }
    // One live copy of a source per tenant, for both tables.
    for table in ["activity_templates", "recurring_task_templates"] {
        let copy = format!(
            "INSERT INTO {table} (tenant_id, source_template_id, name, {})
             SELECT $1, g.id, g.name, {} FROM {table} g WHERE g.tenant_id IS NULL ORDER BY g.ref_id LIMIT 1",
            if table == "activity_templates" { "deliverable_type" } else { "assignee_type, agent_role, human_role, periodicity, trigger, cron_expression" },
            if table == "activity_templates" { "g.deliverable_type" } else { "g.assignee_type, g.agent_role, g.human_role, g.periodicity, g.trigger, g.cron_expression" },
        );
        assert!(
            exec_with(&db.owner, &copy, [acme.into()]).await.is_ok(),
            "{table}"
        );
        let error = exec_with(&db.owner, &copy, [acme.into()]).await.err();
        assert_eq!(
            error.as_ref().and_then(sql_state).as_deref(),
            Some("23505"),
            "{table}: {error:?}"
        );
        // Another tenant may copy it too...
        assert!(
            exec_with(&db.owner, &copy, [globex.into()]).await.is_ok(),
            "{table}"
        );
        // ...but not copy acme's copy (the reference trigger).
        let error = exec_with(
            &db.owner,
            &copy.replace(
                "g.tenant_id IS NULL",
                "g.tenant_id IS NOT NULL AND g.tenant_id <> $1",
            ),
            [globex.into()],
        )
        .await
        .err();
        assert_eq!(
            error.as_ref().and_then(sql_state).as_deref(),
            Some("23503"),
            "{table}: {error:?}"
        );
    }
}

#[tokio::test]
async fn the_demo_seed_gives_tenants_copies_a_customized_pipeline_agent_configs_and_sessions() {
    let db = TestDatabase::new().await;
    let platform = db.connect_as("app_platform").await;
    for _ in 0..2 {
        if let Err(error) = subgraphs::seed::demo(&platform).await {
            panic!("seeding failed: {error}");
        }
    }
    let counts = query_one(
        &db.owner,
        "SELECT (SELECT count(*) FROM activity_templates a WHERE a.tenant_id = t.id AND a.source_template_id IS NOT NULL) AS copies,
                (SELECT max(version) FROM activity_templates a WHERE a.tenant_id = t.id)::int AS version,
                (SELECT count(*) FROM recurring_task_templates r WHERE r.tenant_id = t.id) AS recurring,
                (SELECT count(*) FROM agent_configs c WHERE c.tenant_id = t.id) AS configs,
                (SELECT count(*) FROM sessions s WHERE s.tenant_id = t.id) AS sessions,
                (SELECT count(*) FROM sessions s WHERE s.tenant_id = t.id AND s.expires_at <= now()) AS expired
         FROM tenants t WHERE t.slug = 'acme'",
        [],
    )
    .await;
    assert_eq!(get::<i64>(&counts, "copies"), 3);
    assert_eq!(get::<i32>(&counts, "version"), 3);
    assert_eq!(get::<i64>(&counts, "recurring"), 4);
    assert_eq!(
        get::<i64>(&counts, "configs"),
        graph_core::agents::AGENT_ROLES.len() as i64
    );
    assert_eq!(get::<i64>(&counts, "sessions"), 3);
    assert_eq!(get::<i64>(&counts, "expired"), 1);
}
