//! The activity API of the tenant subgraph end to end, over real HTTP against the demo seed:
//! creating activities (period, goal, parent, assignee rules), the database constraints behind
//! them, every status change of the workflow (allowed and refused), how completing counts
//! towards the deliverable period, cancelling, updating, the filtered list and its pagination,
//! the human and agent queues, the relations and entity look-ups, and the contract and
//! suspension gates. Every rejected mutation is followed by a read-back of the plan tables
//! proving it changed nothing.

use leadmetrics_tests::api::{
    Caller, UNKNOWN_ID, assert_bad_input, assert_code, assert_refused_unchanged, bearer, data,
    id_of, ids, next_millisecond,
};
use leadmetrics_tests::server::{
    DEMO_PASSWORD, TestServer, seed_demo, set_tenant_status, tenant_ref_id,
};
use leadmetrics_tests::world::{start, start_empty, start_with, table_rows, user_ref_id};
use leadmetrics_tests::{TestDatabase, exec_with, get, query_one, sql_state, tenant_transaction};
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use std::collections::BTreeSet;

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

/// Every scalar field of an activity and the ids of its relations.
macro_rules! activity_fields {
    () => {
        "id title type status priority isApprovalGate pipelineStep assigneeType assigneeAgentRole
         assignee { id email } goal { id } deliverablePeriod { id } deliverable { id } parent { id }
         inputData outputSummary outputRef rejectionNote revisionNote dueDate startedOn completedOn
         createdOn updatedOn cancelledOn"
    };
}

const CREATE: &str = concat!(
    "mutation($input: CreateActivityInput!) { createActivity(input: $input) { ",
    activity_fields!(),
    " } }"
);

const UPDATE: &str = concat!(
    "mutation($id: ID!, $input: UpdateActivityInput!) { updateActivity(id: $id, input: $input) { ",
    activity_fields!(),
    " } }"
);

const CHANGE: &str = concat!(
    "mutation($id: ID!, $status: ActivityStatus!, $note: String) {
       changeActivityStatus(id: $id, status: $status, note: $note) { ",
    activity_fields!(),
    " } }"
);

const CANCEL: &str = concat!(
    "mutation($id: ID!) { cancelActivity(id: $id) { ",
    activity_fields!(),
    " } }"
);

const ACTIVITY: &str = concat!(
    "query($id: ID!) { activity(id: $id) { ",
    activity_fields!(),
    " } }"
);

const LIST: &str = "query($filter: ActivityFilter, $includeCancelled: Boolean! = false, $first: Int, $after: String) {
  activities(filter: $filter, includeCancelled: $includeCancelled, first: $first, after: $after) {
    pageInfo { hasPreviousPage hasNextPage startCursor endCursor }
    edges { cursor node { id } }
    nodes { id } } }";

const HUMAN_QUEUE: &str = "query($userId: ID, $first: Int! = 50) { humanActivityQueue(userId: $userId, first: $first) { id } }";

const AGENT_QUEUE: &str = "query($role: String!, $first: Int! = 50) { agentActivityQueue(role: $role, first: $first) { id } }";

const PERIOD: &str = "query($id: ID!) { deliverablePeriod(id: $id) {
    completedCount targetCount status updatedOn progress { completed target status } activities { id } } }";

const RUN: &str = "query($id: ID!) { activityRun(id: $id) {
    id activity { id } adapterType modelId status error inputTokens outputTokens costUsd durationMs
    startedOn endedOn } }";

const ENTITIES: &str = "query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Activity { id title } ... on ActivityRun { id adapterType } } }";

/// Every status, in workflow order.
const STATUSES: [&str; 9] = [
    "CREATED",
    "ASSIGNED",
    "IN_PROGRESS",
    "AWAITING_APPROVAL",
    "APPROVED",
    "REJECTED",
    "COMPLETED",
    "FAILED",
    "CANCELLED",
];

/// The status changes `changeActivityStatus` allows (the doc comment of `ActivityStatus`).
const ALLOWED: [(&str, &str); 13] = [
    ("CREATED", "ASSIGNED"),
    ("CREATED", "IN_PROGRESS"),
    ("ASSIGNED", "CREATED"),
    ("ASSIGNED", "IN_PROGRESS"),
    ("IN_PROGRESS", "AWAITING_APPROVAL"),
    ("IN_PROGRESS", "COMPLETED"),
    ("IN_PROGRESS", "FAILED"),
    ("AWAITING_APPROVAL", "APPROVED"),
    ("AWAITING_APPROVAL", "REJECTED"),
    ("APPROVED", "COMPLETED"),
    ("REJECTED", "IN_PROGRESS"),
    ("FAILED", "ASSIGNED"),
    ("FAILED", "IN_PROGRESS"),
];

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

async fn login(server: &TestServer, email: &str) -> String {
    server.login(email, DEMO_PASSWORD).await
}

/// One text value (column `v`) of a query run as the owner.
async fn text(db: &TestDatabase, sql: &str, values: Vec<sea_orm::Value>) -> String {
    let row = query_one(&db.owner, sql, values).await;
    get(&row, "v")
}

/// The plan's working tables: what activity requests change.
const WORK_TABLES: [&str; 3] = ["activities", "deliverable_periods", "activity_runs"];

/// Every row of the plan's working tables, read as the owner (row-level security does not
/// apply): comparing it before and after a request proves the request changed nothing.
async fn plan_state(db: &TestDatabase) -> Value {
    table_rows(db, &WORK_TABLES, &[]).await
}

/// The deliverable period rows only, as JSON.
async fn periods_state(db: &TestDatabase) -> Value {
    let state = text(
        db,
        "SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY p.ref_id), '[]'::jsonb)::text AS v
         FROM deliverable_periods p",
        vec![],
    )
    .await;
    serde_json::from_str(&state).unwrap_or_else(|error| panic!("state is not JSON: {error}"))
}

/// The public id of this month's period of the deliverable named `deliverable` of `slug`.
async fn period_id(db: &TestDatabase, slug: &str, deliverable: &str) -> String {
    text(
        db,
        "SELECT p.ref_id AS v FROM deliverable_periods p
         JOIN deliverables d ON d.id = p.deliverable_id
         JOIN tenants t ON t.id = p.tenant_id
         WHERE t.slug = $1 AND d.name = $2 AND p.period_start = date_trunc('month', current_date)::date",
        vec![slug.into(), deliverable.into()],
    )
    .await
}

/// The public id of the goal of a deliverable period.
async fn goal_of_period(db: &TestDatabase, period: &str) -> String {
    text(
        db,
        "SELECT g.ref_id AS v FROM deliverable_periods p
         JOIN deliverables d ON d.id = p.deliverable_id
         JOIN goals g ON g.id = d.goal_id
         WHERE p.ref_id = $1",
        vec![period.into()],
    )
    .await
}

/// The public id of the deliverable of a deliverable period.
async fn deliverable_of_period(db: &TestDatabase, period: &str) -> String {
    text(
        db,
        "SELECT d.ref_id AS v FROM deliverable_periods p
         JOIN deliverables d ON d.id = p.deliverable_id WHERE p.ref_id = $1",
        vec![period.into()],
    )
    .await
}

/// The public id of the goal of `slug` measuring `metric`.
async fn goal_id(db: &TestDatabase, slug: &str, metric: &str) -> String {
    text(
        db,
        "SELECT g.ref_id AS v FROM goals g JOIN tenants t ON t.id = g.tenant_id
         WHERE t.slug = $1 AND g.metric = $2",
        vec![slug.into(), metric.into()],
    )
    .await
}

/// The public id of the seeded activity of `slug` titled `title` (`Backlinks #7`).
async fn seeded_activity(db: &TestDatabase, slug: &str, title: &str) -> String {
    text(
        db,
        "SELECT a.ref_id AS v FROM activities a JOIN tenants t ON t.id = a.tenant_id
         WHERE t.slug = $1 AND a.title = $2",
        vec![slug.into(), title.into()],
    )
    .await
}

/// The status of an activity in the database (`in_progress`, …).
async fn db_status(db: &TestDatabase, id: &str) -> String {
    text(
        db,
        "SELECT status::text AS v FROM activities WHERE ref_id = $1",
        vec![id.into()],
    )
    .await
}

/// Puts an activity in `status` (a schema value) directly in the database.
async fn set_status(db: &TestDatabase, id: &str, status: &str) {
    let changed = exec_with(
        &db.owner,
        "UPDATE activities SET status = lower($1)::activity_status WHERE ref_id = $2",
        [status.into(), id.into()],
    )
    .await;
    assert_eq!(changed.ok(), Some(1), "setting {id} to {status}");
}

/// The ids of acme's activities matching the SQL `condition` (on `a`), oldest first; cancelled
/// ones only when `with_cancelled`.
async fn acme_ids(db: &TestDatabase, condition: &str, with_cancelled: bool) -> Vec<String> {
    let live = if with_cancelled {
        "true"
    } else {
        "a.deleted_on IS NULL"
    };
    let listed = text(
        db,
        &format!(
            "SELECT coalesce(string_agg(a.ref_id, ',' ORDER BY a.ref_id), '') AS v
             FROM activities a JOIN tenants t ON t.id = a.tenant_id
             WHERE t.slug = 'acme' AND {live} AND ({condition})"
        ),
        vec![],
    )
    .await;
    split(&listed)
}

fn split(listed: &str) -> Vec<String> {
    if listed.is_empty() {
        Vec::new()
    } else {
        listed.split(',').map(str::to_owned).collect()
    }
}

/// An agent assignee.
fn agent(role: &str) -> Value {
    json!({ "type": "AGENT", "agentRole": role })
}

/// A human assignee (unassigned without a user).
fn human(user: Option<&str>) -> Value {
    json!({ "type": "HUMAN", "userId": user })
}

/// A minimal valid activity input with the fields of `extra` added or replaced.
fn input(extra: Value) -> Value {
    let mut input = json!({ "title": "Write the launch post", "type": "WRITE", "assignee": agent("copywriter") });
    if let (Some(fields), Value::Object(extra)) = (input.as_object_mut(), extra) {
        fields.extend(extra);
    }
    input
}

/// Creates an activity as the holder of `token`; returns it.
async fn create(server: &TestServer, token: &str, input: Value) -> Value {
    let body = server
        .gql(Some(token), CREATE, json!({ "input": input }))
        .await;
    data(&body, "/data/createActivity").clone()
}

/// Creates an activity from [`input`]`(extra)`; returns its id.
async fn new_activity(server: &TestServer, token: &str, extra: Value) -> String {
    id_of(&create(server, token, input(extra)).await)
}

/// Runs `changeActivityStatus`; returns the response body.
async fn change(
    server: &TestServer,
    token: &str,
    id: &str,
    status: &str,
    note: Option<&str>,
) -> Value {
    server
        .gql(
            Some(token),
            CHANGE,
            json!({ "id": id, "status": status, "note": note }),
        )
        .await
}

/// Moves an activity to `status`, asserting it worked; returns the activity.
async fn moved(
    server: &TestServer,
    token: &str,
    id: &str,
    status: &str,
    note: Option<&str>,
) -> Value {
    let body = change(server, token, id, status, note).await;
    let activity = data(&body, "/data/changeActivityStatus").clone();
    assert_eq!(activity["status"], json!(status), "{body}");
    activity
}

/// Moves an activity through `statuses` in order (review decisions included: use an admin).
async fn walk(server: &TestServer, token: &str, id: &str, statuses: &[&str]) {
    for status in statuses {
        let note = (*status == "REJECTED").then_some("Needs another pass.");
        moved(server, token, id, status, note).await;
    }
}

/// Reads one activity.
async fn activity(server: &TestServer, token: &str, id: &str) -> Value {
    let body = server.gql(Some(token), ACTIVITY, json!({ "id": id })).await;
    data(&body, "/data/activity").clone()
}

/// The ids `activities(filter:, first: 100)` returns.
async fn listed(server: &TestServer, token: &str, filter: Value) -> Vec<String> {
    let body = server
        .gql(Some(token), LIST, json!({ "filter": filter, "first": 100 }))
        .await;
    ids(data(&body, "/data/activities/nodes"))
}

/// The ids of a human queue, with `variables` (`userId`, `first`).
async fn human_queue(server: &TestServer, token: &str, variables: Value) -> Vec<String> {
    let body = server.gql(Some(token), HUMAN_QUEUE, variables).await;
    ids(data(&body, "/data/humanActivityQueue"))
}

/// The ids of an agent role's queue.
async fn agent_queue(server: &TestServer, token: &str, role: &str) -> Vec<String> {
    let body = server
        .gql(Some(token), AGENT_QUEUE, json!({ "role": role }))
        .await;
    ids(data(&body, "/data/agentActivityQueue"))
}

/// Reads one deliverable period.
async fn period(server: &TestServer, token: &str, id: &str) -> Value {
    let body = server.gql(Some(token), PERIOD, json!({ "id": id })).await;
    data(&body, "/data/deliverablePeriod").clone()
}

/// Runs `query` with `variables` and `headers` and asserts it fails with `code` and changes
/// nothing in the plan's working tables.
async fn assert_refused(
    db: &TestDatabase,
    server: &TestServer,
    headers: &[(&'static str, &str)],
    query: &str,
    variables: Value,
    code: &str,
) {
    let headers = headers
        .iter()
        .map(|(name, value)| (*name, (*value).to_owned()))
        .collect();
    let caller = Caller::with_headers(server, "caller", headers);
    assert_refused_unchanged(db, &caller, &WORK_TABLES, query, variables, code, None).await;
}

// ---------------------------------------------------------------------------------------------
// createActivity
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn create_activity_in_a_deliverable_period_takes_the_goal_from_the_period() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let period = period_id(&db, "acme", "Backlinks").await;
    let goal = goal_of_period(&db, &period).await;
    let deliverable = deliverable_of_period(&db, &period).await;

    let created = create(
        &server,
        &member,
        json!({
            "title": "  Find ten link prospects  ", "type": "OUTREACH",
            "assignee": agent(" seo_specialist "), "deliverablePeriodId": period
        }),
    )
    .await;
    let created_on = created["createdOn"].clone();
    assert!(created_on.is_string(), "{created}");
    assert_eq!(
        created,
        json!({
            "id": created["id"], "title": "Find ten link prospects", "type": "OUTREACH",
            "status": "CREATED", "priority": "NORMAL", "isApprovalGate": false,
            "pipelineStep": null, "assigneeType": "AGENT", "assigneeAgentRole": "seo_specialist",
            "assignee": null, "goal": { "id": goal }, "deliverablePeriod": { "id": period },
            "deliverable": { "id": deliverable }, "parent": null, "inputData": null,
            "outputSummary": null, "outputRef": null, "rejectionNote": null, "revisionNote": null,
            "dueDate": null, "startedOn": null, "completedOn": null, "createdOn": created_on,
            "updatedOn": null, "cancelledOn": null
        })
    );
    // Stored as returned, created by the caller.
    let id = id_of(&created);
    assert_eq!(activity(&server, &member, &id).await, created);
    let row = query_one(
        &db.owner,
        "SELECT (a.created_by = u.id) AS by_member, a.tenant_id = t.id AS in_acme
         FROM activities a, users u, tenants t
         WHERE a.ref_id = $1 AND u.email = 'member@acme.test' AND t.slug = 'acme'",
        [id.as_str().into()],
    )
    .await;
    assert!(get::<bool>(&row, "by_member") && get::<bool>(&row, "in_acme"));

    // Every optional field given; the matching goal may be given too.
    let admin = login(&server, "admin@acme.test").await;
    let full = create(
        &server,
        &admin,
        json!({
            "title": "Approve the outreach list", "type": "APPROVE",
            "assignee": human(None), "deliverablePeriodId": period, "goalId": goal,
            "priority": "URGENT", "isApprovalGate": true, "pipelineStep": " review ",
            "dueDate": "2030-01-15"
        }),
    )
    .await;
    assert_eq!(full["goal"], json!({ "id": goal }), "{full}");
    assert_eq!(full["deliverablePeriod"], json!({ "id": period }));
    assert_eq!(full["priority"], "URGENT");
    assert_eq!(full["isApprovalGate"], true);
    assert_eq!(full["pipelineStep"], "review");
    assert_eq!(full["dueDate"], "2030-01-15");
    assert_eq!(full["assigneeType"], "HUMAN");
    assert_eq!(full["assignee"], Value::Null);
}

#[tokio::test]
async fn create_activity_with_only_a_goal_has_no_period() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let goal = goal_id(&db, "acme", "keyword_rankings").await;
    let created = create(&server, &member, input(json!({ "goalId": goal }))).await;
    assert_eq!(created["goal"], json!({ "id": goal }), "{created}");
    assert_eq!(created["deliverablePeriod"], Value::Null);
    assert_eq!(created["deliverable"], Value::Null);

    // Neither goal nor period: an activity on its own.
    let created = create(&server, &member, input(json!({}))).await;
    assert_eq!(created["goal"], Value::Null, "{created}");
    assert_eq!(created["deliverablePeriod"], Value::Null);
}

#[tokio::test]
async fn create_activity_with_a_goal_that_is_not_the_periods_is_bad_user_input_on_goal_id() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let authorization = bearer(&member);
    let period = period_id(&db, "acme", "Backlinks").await;
    let other_goal = goal_id(&db, "acme", "organic_sessions").await;
    assert_ne!(goal_of_period(&db, &period).await, other_goal);
    let body = server
        .gql(
            Some(&member),
            CREATE,
            json!({ "input": input(json!({ "deliverablePeriodId": period, "goalId": other_goal })) }),
        )
        .await;
    assert_bad_input(&body, "goalId");
    assert_refused(
        &db,
        &server,
        &[("authorization", authorization.as_str())],
        CREATE,
        json!({ "input": input(json!({ "deliverablePeriodId": period, "goalId": other_goal })) }),
        "BAD_USER_INPUT",
    )
    .await;
}

#[tokio::test]
async fn a_sub_activity_inherits_the_period_and_goal_of_its_parent() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let period = period_id(&db, "acme", "Social Posts").await;
    let goal = goal_of_period(&db, &period).await;
    let parent = new_activity(&server, &member, json!({ "deliverablePeriodId": period })).await;

    let child = create(
        &server,
        &member,
        input(json!({ "title": "Research hooks", "type": "RESEARCH",
                      "assignee": agent("researcher"), "parentActivityId": parent })),
    )
    .await;
    assert_eq!(child["parent"], json!({ "id": parent }), "{child}");
    assert_eq!(child["deliverablePeriod"], json!({ "id": period }));
    assert_eq!(child["goal"], json!({ "id": goal }));

    // A parent with only a goal passes the goal on.
    let other_goal = goal_id(&db, "acme", "domain_authority").await;
    let goal_parent = new_activity(&server, &member, json!({ "goalId": other_goal })).await;
    let child = create(
        &server,
        &member,
        input(json!({ "parentActivityId": goal_parent })),
    )
    .await;
    assert_eq!(child["goal"], json!({ "id": other_goal }), "{child}");
    assert_eq!(child["deliverablePeriod"], Value::Null);

    // A period given with the parent wins over the parent's.
    let backlinks = period_id(&db, "acme", "Backlinks").await;
    let child = create(
        &server,
        &member,
        input(json!({ "parentActivityId": parent, "deliverablePeriodId": backlinks })),
    )
    .await;
    assert_eq!(
        child["deliverablePeriod"],
        json!({ "id": backlinks }),
        "{child}"
    );
    assert_eq!(
        child["goal"],
        json!({ "id": goal_of_period(&db, &backlinks).await })
    );
    assert_eq!(child["parent"], json!({ "id": parent }));
}

#[tokio::test]
async fn an_agent_assignee_needs_an_agent_role_and_no_user() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let authorization = bearer(&member);
    let headers = [("authorization", authorization.as_str())];
    let member_id = user_ref_id(&db, "member@acme.test").await;
    for (assignee, field) in [
        (json!({ "type": "AGENT" }), "assignee.agentRole"),
        (
            json!({ "type": "AGENT", "agentRole": "   " }),
            "assignee.agentRole",
        ),
        (
            json!({ "type": "AGENT", "agentRole": "r".repeat(101) }),
            "assignee.agentRole",
        ),
        (
            json!({ "type": "AGENT", "agentRole": "copywriter", "userId": member_id }),
            "assignee.userId",
        ),
    ] {
        let variables = json!({ "input": input(json!({ "assignee": assignee })) });
        let body = server.gql(Some(&member), CREATE, variables.clone()).await;
        assert_bad_input(&body, field);
        assert_refused(&db, &server, &headers, CREATE, variables, "BAD_USER_INPUT").await;
    }
    let created = create(
        &server,
        &member,
        input(json!({ "assignee": agent(&"r".repeat(100)) })),
    )
    .await;
    assert_eq!(created["assigneeAgentRole"], json!("r".repeat(100)));
}

#[tokio::test]
async fn a_human_assignee_has_no_agent_role_and_may_be_left_unassigned() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let authorization = bearer(&admin);
    let member_id = user_ref_id(&db, "member@acme.test").await;
    let variables = json!({ "input": input(json!({
        "assignee": { "type": "HUMAN", "agentRole": "copywriter", "userId": member_id }
    })) });
    let body = server.gql(Some(&admin), CREATE, variables.clone()).await;
    assert_bad_input(&body, "assignee.agentRole");
    assert_refused(
        &db,
        &server,
        &[("authorization", authorization.as_str())],
        CREATE,
        variables,
        "BAD_USER_INPUT",
    )
    .await;

    let unassigned = create(&server, &admin, input(json!({ "assignee": human(None) }))).await;
    assert_eq!(unassigned["assigneeType"], "HUMAN", "{unassigned}");
    assert_eq!(unassigned["assignee"], Value::Null);
    assert_eq!(unassigned["assigneeAgentRole"], Value::Null);
    let unassigned = create(
        &server,
        &admin,
        input(json!({ "assignee": { "type": "HUMAN" } })),
    )
    .await;
    assert_eq!(unassigned["assignee"], Value::Null, "{unassigned}");

    let assigned = create(
        &server,
        &admin,
        input(json!({ "assignee": human(Some(&member_id)) })),
    )
    .await;
    assert_eq!(
        assigned["assignee"],
        json!({ "id": member_id, "email": "member@acme.test" }),
        "{assigned}"
    );

    // An invited user may be assigned.
    let body = server
        .gql(
            Some(&admin),
            "mutation($input: InviteUserInput!) { inviteUser(input: $input) { id } }",
            json!({ "input": {
                "email": "invitee@acme.test", "firstName": "In", "lastName": "Vitee",
                "role": "MEMBER", "appAccess": []
            } }),
        )
        .await;
    let invitee = id_of(data(&body, "/data/inviteUser"));
    let assigned = create(
        &server,
        &admin,
        input(json!({ "assignee": human(Some(&invitee)) })),
    )
    .await;
    assert_eq!(assigned["assignee"]["id"], json!(invitee), "{assigned}");
}

#[tokio::test]
async fn unknown_or_foreign_references_in_create_activity_are_not_found_and_create_nothing() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let authorization = bearer(&admin);
    let headers = [("authorization", authorization.as_str())];
    let globex_period = period_id(&db, "globex", "Backlinks").await;
    let globex_goal = goal_of_period(&db, &globex_period).await;
    let globex_user = user_ref_id(&db, "member@globex.test").await;
    let globex_activity = seeded_activity(&db, "globex", "Backlinks #1").await;

    // A deactivated user is no longer assignable.
    let reviewer = user_ref_id(&db, "reviewer@acme.test").await;
    let body = server
        .gql(
            Some(&admin),
            "mutation($id: ID!) { deactivateUser(id: $id) { status } }",
            json!({ "id": reviewer }),
        )
        .await;
    assert_eq!(data(&body, "/data/deactivateUser/status"), "DEACTIVATED");

    for extra in [
        json!({ "assignee": human(Some(UNKNOWN_ID)) }),
        json!({ "assignee": human(Some(&globex_user)) }),
        json!({ "assignee": human(Some(&reviewer)) }),
        json!({ "deliverablePeriodId": UNKNOWN_ID }),
        json!({ "deliverablePeriodId": globex_period }),
        json!({ "goalId": UNKNOWN_ID }),
        json!({ "goalId": globex_goal }),
        json!({ "parentActivityId": UNKNOWN_ID }),
        json!({ "parentActivityId": globex_activity }),
    ] {
        assert_refused(
            &db,
            &server,
            &headers,
            CREATE,
            json!({ "input": input(extra) }),
            "NOT_FOUND",
        )
        .await;
    }
}

#[tokio::test]
async fn malformed_ids_in_create_activity_are_bad_user_input_naming_the_field() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let authorization = bearer(&admin);
    for (extra, field) in [
        (
            json!({ "assignee": human(Some("not-an-id")) }),
            "assignee.userId",
        ),
        (
            json!({ "deliverablePeriodId": "not-an-id" }),
            "deliverablePeriodId",
        ),
        (json!({ "goalId": "" }), "goalId"),
        (
            json!({ "parentActivityId": "81ARZ3NDEKTSV4RRFFQ69G5FAV" }),
            "parentActivityId",
        ),
    ] {
        let variables = json!({ "input": input(extra) });
        let body = server.gql(Some(&admin), CREATE, variables.clone()).await;
        assert_bad_input(&body, field);
        assert_refused(
            &db,
            &server,
            &[("authorization", authorization.as_str())],
            CREATE,
            variables,
            "BAD_USER_INPUT",
        )
        .await;
    }
}

#[tokio::test]
async fn a_blank_or_too_long_title_is_bad_user_input_and_creates_nothing() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let authorization = bearer(&member);
    for (extra, field) in [
        (json!({ "title": "" }), "title"),
        (json!({ "title": "   " }), "title"),
        (json!({ "title": "t".repeat(501) }), "title"),
        (json!({ "title": "tab\u{7}bell" }), "title"),
        (json!({ "pipelineStep": "s".repeat(101) }), "pipelineStep"),
    ] {
        let variables = json!({ "input": input(extra) });
        let body = server.gql(Some(&member), CREATE, variables.clone()).await;
        assert_bad_input(&body, field);
        assert_refused(
            &db,
            &server,
            &[("authorization", authorization.as_str())],
            CREATE,
            variables,
            "BAD_USER_INPUT",
        )
        .await;
    }
    // The limits themselves are fine (characters, not bytes).
    let created = create(
        &server,
        &member,
        input(json!({ "title": "é".repeat(500), "pipelineStep": "s".repeat(100) })),
    )
    .await;
    assert_eq!(created["title"], json!("é".repeat(500)));
}

#[tokio::test]
async fn input_data_json_round_trips_unchanged() {
    let (_db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let payload = json!({
        "topic": "B2B SaaS — the next decade ✓",
        "keywords": ["crm", "pipeline", "lead scoring"],
        "wordCount": 1500,
        "ratio": 0.25,
        "draft": false,
        "notes": null,
        "outline": [{ "h2": "Why", "points": [1, 2, 3] }, { "h2": "How", "points": [] }],
        "nested": { "deeper": { "deepest": "yes" } }
    });
    let created = create(&server, &member, input(json!({ "inputData": payload }))).await;
    assert_eq!(created["inputData"], payload, "{created}");
    assert_eq!(
        activity(&server, &member, &id_of(&created)).await["inputData"],
        payload
    );
    // Scalars and arrays are JSON too.
    for payload in [json!([1, "two", 3.5]), json!("just text"), json!(42)] {
        let created = create(&server, &member, input(json!({ "inputData": payload }))).await;
        assert_eq!(created["inputData"], payload, "{created}");
    }
}

#[tokio::test]
async fn reviewers_and_read_only_keys_cannot_create_activities_but_read_write_keys_can() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let authorization = bearer(&reviewer);
    let (read_key, _) = server.create_api_key(&admin, &["READ"]).await;
    let (write_key, _) = server.create_api_key(&admin, &["READ", "WRITE"]).await;
    let variables = json!({ "input": input(json!({})) });
    for headers in [
        [("authorization", authorization.as_str())],
        [("x-api-key", read_key.as_str())],
    ] {
        assert_refused(
            &db,
            &server,
            &headers,
            CREATE,
            variables.clone(),
            "FORBIDDEN",
        )
        .await;
    }
    let body = server
        .gql_with(&[("x-api-key", write_key.as_str())], CREATE, variables)
        .await;
    assert_eq!(data(&body, "/data/createActivity/status"), "CREATED");
}

// ---------------------------------------------------------------------------------------------
// Database constraints
// ---------------------------------------------------------------------------------------------

/// An activity row to insert directly: assignee type, agent role, user's email, (started,
/// completed), output ref, and the constraint it violates.
type Case<'a> = (
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    (Option<&'a str>, Option<&'a str>),
    Option<&'a str>,
    &'a str,
);

/// Inserts an acme activity as the owner with the given assignee and dates.
async fn insert_activity(
    db: &TestDatabase,
    assignee_type: &str,
    agent_role: Option<&str>,
    user_email: Option<&str>,
    started_completed: (Option<&str>, Option<&str>),
    output_ref: Option<&str>,
) -> Result<u64, sea_orm::DbErr> {
    exec_with(
        &db.owner,
        "INSERT INTO activities (tenant_id, title, type, assignee_type, assignee_agent_role,
                                 assignee_user_id, started_on, completed_on, output_ref)
         SELECT t.id, 'Direct insert', 'write', $1::assignee_type, $2,
                (SELECT u.id FROM users u WHERE u.email = $3), $4::timestamptz, $5::timestamptz, $6
         FROM tenants t WHERE t.slug = 'acme'",
        [
            assignee_type.into(),
            agent_role.map(str::to_owned).into(),
            user_email.map(str::to_owned).into(),
            started_completed.0.map(str::to_owned).into(),
            started_completed.1.map(str::to_owned).into(),
            output_ref.map(str::to_owned).into(),
        ],
    )
    .await
}

#[tokio::test]
async fn the_database_refuses_activities_whose_assignee_dates_or_output_ref_are_inconsistent() {
    let db = TestDatabase::new().await;
    seed_demo(&db).await;
    let before = plan_state(&db).await;
    let started = Some("2030-01-02T10:00:00Z");
    let earlier = Some("2030-01-02T09:59:59Z");
    let cases: [Case; 8] = [
        (
            "agent",
            None,
            None,
            (None, None),
            None,
            "activities_agent_has_role_no_user",
        ),
        (
            "agent",
            Some("copywriter"),
            Some("member@acme.test"),
            (None, None),
            None,
            "activities_agent_has_role_no_user",
        ),
        (
            "human",
            Some("copywriter"),
            None,
            (None, None),
            None,
            "activities_human_has_no_agent_role",
        ),
        (
            "human",
            None,
            Some("member@acme.test"),
            (started, earlier),
            None,
            "activities_completed_after_started",
        ),
        (
            "agent",
            Some("copywriter"),
            None,
            (None, None),
            Some("0123456789ABCDEF01234567"),
            "activities_output_ref_check",
        ),
        (
            "agent",
            Some("copywriter"),
            None,
            (None, None),
            Some("0123456789abcdef0123456"),
            "activities_output_ref_check",
        ),
        (
            "agent",
            Some("copywriter"),
            None,
            (None, None),
            Some("0123456789abcdef012345678"),
            "activities_output_ref_check",
        ),
        (
            "agent",
            Some("copywriter"),
            None,
            (None, None),
            Some("0123456789abcdef0123456g"),
            "activities_output_ref_check",
        ),
    ];
    for (kind, role, user, dates, output_ref, constraint) in cases {
        let result = insert_activity(&db, kind, role, user, dates, output_ref).await;
        match result {
            Ok(rows) => panic!("inserted {rows} row(s) violating {constraint}"),
            Err(error) => {
                assert_eq!(sql_state(&error).as_deref(), Some("23514"), "{error}");
                assert!(
                    error.to_string().contains(constraint),
                    "expected {constraint}: {error}"
                );
            }
        }
        assert_eq!(plan_state(&db).await, before, "{constraint}");
    }
    // An update is held to the same rule as an insert.
    let result = exec_with(
        &db.owner,
        "UPDATE activities SET completed_on = started_on - interval '1 second'
         WHERE started_on IS NOT NULL",
        [],
    )
    .await;
    match result {
        Ok(rows) => panic!("updated {rows} row(s) to complete before starting"),
        Err(error) => assert!(
            error
                .to_string()
                .contains("activities_completed_after_started"),
            "{error}"
        ),
    }
    assert_eq!(plan_state(&db).await, before);

    // Consistent rows are accepted: the checks refuse exactly the inconsistent ones.
    for (kind, role, user, dates, output_ref) in [
        (
            "agent",
            Some("copywriter"),
            None,
            (None, None),
            Some("0123456789abcdef01234567"),
        ),
        (
            "human",
            None,
            Some("member@acme.test"),
            (started, started),
            None,
        ),
        ("human", None, None, (started, None), None),
    ] {
        let result = insert_activity(&db, kind, role, user, dates, output_ref).await;
        assert_eq!(result.ok(), Some(1), "{kind} {role:?} {user:?} {dates:?}");
    }
}

#[tokio::test]
async fn activity_runs_cannot_be_updated_or_deleted_by_the_application_role() {
    let db = TestDatabase::new().await;
    seed_demo(&db).await;
    let acme: uuid::Uuid = get(
        &query_one(&db.owner, "SELECT id FROM tenants WHERE slug = 'acme'", []).await,
        "id",
    );
    let before = plan_state(&db).await;
    let app = db.connect_as("app_user").await;

    // The runs are visible to the application role: the refusal is not row-level security
    // hiding them.
    let transaction = tenant_transaction(&app, Some(acme)).await;
    let row = query_one(
        &transaction,
        "SELECT count(*)::int AS n FROM activity_runs",
        [],
    )
    .await;
    assert!(get::<i32>(&row, "n") > 0);
    transaction.rollback().await.ok();

    for statement in [
        "UPDATE activity_runs SET error = 'rewritten', cost_usd = 0",
        "UPDATE activity_runs SET status = 'completed' WHERE status = 'failed'",
        "DELETE FROM activity_runs",
    ] {
        let transaction = tenant_transaction(&app, Some(acme)).await;
        let result = transaction.execute_unprepared(statement).await;
        transaction.rollback().await.ok();
        match result {
            Ok(done) => panic!("app_user ran {statement}: {} row(s)", done.rows_affected()),
            Err(error) => assert_eq!(
                sql_state(&error).as_deref(),
                Some("42501"),
                "{statement}: {error}"
            ),
        }
        assert_eq!(plan_state(&db).await, before, "{statement}");
    }

    // Appending a run is what the role may do.
    let transaction = tenant_transaction(&app, Some(acme)).await;
    let appended = exec_with(
        &transaction,
        "INSERT INTO activity_runs (tenant_id, activity_id, adapter_type, status)
         SELECT tenant_id, activity_id, 'claude', 'running' FROM activity_runs LIMIT 1",
        [],
    )
    .await;
    transaction.rollback().await.ok();
    assert_eq!(appended.ok(), Some(1));
    assert_eq!(plan_state(&db).await, before);
}

// ---------------------------------------------------------------------------------------------
// changeActivityStatus
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn every_allowed_status_change_succeeds_along_the_workflow() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let chains: [&[&str]; 3] = [
        &[
            "ASSIGNED",
            "CREATED",
            "IN_PROGRESS",
            "AWAITING_APPROVAL",
            "APPROVED",
            "COMPLETED",
        ],
        &["ASSIGNED", "IN_PROGRESS", "COMPLETED"],
        &[
            "IN_PROGRESS",
            "FAILED",
            "ASSIGNED",
            "IN_PROGRESS",
            "FAILED",
            "IN_PROGRESS",
            "AWAITING_APPROVAL",
            "REJECTED",
            "IN_PROGRESS",
            "COMPLETED",
        ],
    ];
    let mut covered = BTreeSet::new();
    for chain in chains {
        let id = new_activity(&server, &member, json!({})).await;
        let mut from = "CREATED";
        for &to in chain {
            // Review decisions by a reviewer, work moves by a member.
            let token = if matches!(to, "APPROVED" | "REJECTED") {
                &reviewer
            } else {
                &member
            };
            let note = match (from, to) {
                (_, "REJECTED") => Some("Tighten the introduction."),
                ("REJECTED", "IN_PROGRESS") => Some("Rewrite the first paragraph."),
                _ => None,
            };
            let activity = moved(&server, token, &id, to, note).await;
            assert_eq!(
                db_status(&db, &id).await,
                to.to_lowercase(),
                "{from} → {to}"
            );
            if to == "REJECTED" {
                assert_eq!(activity["rejectionNote"], "Tighten the introduction.");
            }
            if from == "REJECTED" {
                assert_eq!(activity["revisionNote"], "Rewrite the first paragraph.");
                assert_eq!(activity["rejectionNote"], "Tighten the introduction.");
            }
            covered.insert((from, to));
            from = to;
        }
    }
    assert_eq!(covered, ALLOWED.into_iter().collect::<BTreeSet<_>>());
}

#[tokio::test]
async fn every_disallowed_status_change_is_a_conflict_and_changes_nothing() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let authorization = bearer(&admin);
    let headers = [("authorization", authorization.as_str())];
    let period = period_id(&db, "acme", "Backlinks").await;
    let mut refused = 0;
    for from in STATUSES.iter().filter(|status| **status != "CANCELLED") {
        // One activity per source status, in a period so a wrong completion would show there.
        let id = new_activity(&server, &admin, json!({ "deliverablePeriodId": period })).await;
        set_status(&db, &id, from).await;
        for to in STATUSES.iter().filter(|status| **status != "CANCELLED") {
            if ALLOWED.contains(&(*from, *to)) {
                continue;
            }
            let note = (*to == "REJECTED").then_some("A note, so only the move is wrong.");
            let variables = json!({ "id": id, "status": to, "note": note });
            let body = server.gql(Some(&admin), CHANGE, variables.clone()).await;
            assert_code(&body, "CONFLICT");
            assert_refused(&db, &server, &headers, CHANGE, variables, "CONFLICT").await;
            assert_eq!(db_status(&db, &id).await, from.to_lowercase());
            refused += 1;
        }
    }
    // 8 × 8 pairs between the statuses `changeActivityStatus` handles, less the 13 allowed.
    assert_eq!(refused, 51);
}

#[tokio::test]
async fn no_status_change_of_a_cancelled_activity_is_allowed() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let authorization = bearer(&admin);
    let id = new_activity(&server, &admin, json!({})).await;
    let body = server.gql(Some(&admin), CANCEL, json!({ "id": id })).await;
    assert_eq!(data(&body, "/data/cancelActivity/status"), "CANCELLED");
    for to in STATUSES.iter().filter(|status| **status != "CANCELLED") {
        let note = (*to == "REJECTED").then_some("A note, so only the move is wrong.");
        assert_refused(
            &db,
            &server,
            &[("authorization", authorization.as_str())],
            CHANGE,
            json!({ "id": id, "status": to, "note": note }),
            "CONFLICT",
        )
        .await;
    }
}

#[tokio::test]
async fn cancelled_is_not_a_target_of_change_activity_status() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let authorization = bearer(&admin);
    let id = new_activity(&server, &admin, json!({})).await;
    let variables = json!({ "id": id, "status": "CANCELLED" });
    let body = server.gql(Some(&admin), CHANGE, variables.clone()).await;
    assert_bad_input(&body, "status");
    assert_refused(
        &db,
        &server,
        &[("authorization", authorization.as_str())],
        CHANGE,
        variables,
        "BAD_USER_INPUT",
    )
    .await;
    assert_eq!(db_status(&db, &id).await, "created");
}

#[tokio::test]
async fn a_rejection_needs_a_note_which_is_kept_as_the_rejection_note() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let authorization = bearer(&reviewer);
    let id = new_activity(&server, &admin, json!({})).await;
    walk(&server, &admin, &id, &["IN_PROGRESS", "AWAITING_APPROVAL"]).await;
    for note in [None, Some(""), Some("   ")] {
        let variables = json!({ "id": id, "status": "REJECTED", "note": note });
        let body = server.gql(Some(&reviewer), CHANGE, variables.clone()).await;
        assert_bad_input(&body, "note");
        assert_refused(
            &db,
            &server,
            &[("authorization", authorization.as_str())],
            CHANGE,
            variables,
            "BAD_USER_INPUT",
        )
        .await;
    }
    let variables = json!({ "id": id, "status": "REJECTED", "note": "n".repeat(5001) });
    let body = server.gql(Some(&reviewer), CHANGE, variables.clone()).await;
    assert_bad_input(&body, "note");
    assert_refused(
        &db,
        &server,
        &[("authorization", authorization.as_str())],
        CHANGE,
        variables,
        "BAD_USER_INPUT",
    )
    .await;
    assert_eq!(db_status(&db, &id).await, "awaiting_approval");

    let rejected = moved(
        &server,
        &reviewer,
        &id,
        "REJECTED",
        Some("  Cite the sources.  "),
    )
    .await;
    assert_eq!(rejected["rejectionNote"], "Cite the sources.");
    assert_eq!(rejected["revisionNote"], Value::Null);
    // Resuming without a note leaves the revision note as it was.
    let resumed = moved(&server, &admin, &id, "IN_PROGRESS", None).await;
    assert_eq!(resumed["revisionNote"], Value::Null, "{resumed}");
    assert_eq!(resumed["rejectionNote"], "Cite the sources.");
}

#[tokio::test]
async fn started_on_is_set_by_the_first_move_to_in_progress_and_completed_on_by_completing() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let id = new_activity(&server, &admin, json!({})).await;
    let assigned = moved(&server, &admin, &id, "ASSIGNED", None).await;
    assert_eq!(assigned["startedOn"], Value::Null);
    assert_eq!(assigned["completedOn"], Value::Null);
    assert!(assigned["updatedOn"].is_string(), "{assigned}");

    let started = moved(&server, &admin, &id, "IN_PROGRESS", None).await;
    let started_on = started["startedOn"].clone();
    assert!(started_on.is_string(), "{started}");
    assert_eq!(started["completedOn"], Value::Null);
    for status in [
        "FAILED",
        "IN_PROGRESS",
        "AWAITING_APPROVAL",
        "REJECTED",
        "IN_PROGRESS",
    ] {
        let note = (status == "REJECTED").then_some("Again.");
        next_millisecond().await;
        let activity = moved(&server, &admin, &id, status, note).await;
        assert_eq!(activity["startedOn"], started_on, "after {status}");
        assert_eq!(activity["completedOn"], Value::Null, "after {status}");
    }
    let completed = moved(&server, &admin, &id, "COMPLETED", None).await;
    assert_eq!(completed["startedOn"], started_on);
    assert!(completed["completedOn"].is_string(), "{completed}");
    assert_eq!(activity(&server, &admin, &id).await, completed);
    let row = query_one(
        &db.owner,
        "SELECT completed_on >= started_on AS ordered FROM activities WHERE ref_id = $1",
        [id.as_str().into()],
    )
    .await;
    assert!(get::<bool>(&row, "ordered"));

    // A seeded failed activity started two days ago keeps that start when retried.
    let failed = seeded_activity(&db, "acme", "Backlinks #7").await;
    let before = activity(&server, &admin, &failed).await["startedOn"].clone();
    assert!(before.is_string());
    let retried = moved(&server, &admin, &failed, "IN_PROGRESS", None).await;
    assert_eq!(retried["startedOn"], before);
}

#[tokio::test]
async fn review_decisions_are_for_reviewers_and_admins_and_work_moves_for_members_and_admins() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let member = login(&server, "member@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let member_auth = bearer(&member);
    let reviewer_auth = bearer(&reviewer);
    let as_member = [("authorization", member_auth.as_str())];
    let as_reviewer = [("authorization", reviewer_auth.as_str())];

    let id = new_activity(&server, &member, json!({})).await;
    // A reviewer cannot do work moves, even valid ones.
    assert_refused(
        &db,
        &server,
        &as_reviewer,
        CHANGE,
        json!({ "id": id, "status": "IN_PROGRESS" }),
        "FORBIDDEN",
    )
    .await;
    walk(&server, &member, &id, &["IN_PROGRESS", "AWAITING_APPROVAL"]).await;
    // A member cannot make review decisions.
    for (status, note) in [("APPROVED", None), ("REJECTED", Some("No."))] {
        assert_refused(
            &db,
            &server,
            &as_member,
            CHANGE,
            json!({ "id": id, "status": status, "note": note }),
            "FORBIDDEN",
        )
        .await;
    }
    moved(&server, &reviewer, &id, "APPROVED", None).await;
    assert_refused(
        &db,
        &server,
        &as_reviewer,
        CHANGE,
        json!({ "id": id, "status": "COMPLETED" }),
        "FORBIDDEN",
    )
    .await;
    moved(&server, &member, &id, "COMPLETED", None).await;

    // Admins do both.
    let id = new_activity(&server, &admin, json!({})).await;
    walk(
        &server,
        &admin,
        &id,
        &[
            "IN_PROGRESS",
            "AWAITING_APPROVAL",
            "REJECTED",
            "IN_PROGRESS",
            "AWAITING_APPROVAL",
            "APPROVED",
            "COMPLETED",
        ],
    )
    .await;
}

#[tokio::test]
async fn read_only_keys_cannot_change_status_and_read_write_keys_only_make_work_moves() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let (read_key, _) = server.create_api_key(&admin, &["READ"]).await;
    let (write_key, _) = server.create_api_key(&admin, &["READ", "WRITE"]).await;
    let read_only = [("x-api-key", read_key.as_str())];
    let read_write = [("x-api-key", write_key.as_str())];
    let id = new_activity(&server, &admin, json!({})).await;

    for status in ["ASSIGNED", "IN_PROGRESS"] {
        assert_refused(
            &db,
            &server,
            &read_only,
            CHANGE,
            json!({ "id": id, "status": status }),
            "FORBIDDEN",
        )
        .await;
    }
    for status in ["ASSIGNED", "IN_PROGRESS", "AWAITING_APPROVAL"] {
        let body = server
            .gql_with(&read_write, CHANGE, json!({ "id": id, "status": status }))
            .await;
        assert_eq!(data(&body, "/data/changeActivityStatus/status"), status);
    }
    // Review decisions are people's: no key makes them.
    for headers in [read_only, read_write] {
        for (status, note) in [("APPROVED", None), ("REJECTED", Some("No."))] {
            assert_refused(
                &db,
                &server,
                &headers,
                CHANGE,
                json!({ "id": id, "status": status, "note": note }),
                "FORBIDDEN",
            )
            .await;
        }
    }
    moved(&server, &admin, &id, "APPROVED", None).await;
    let body = server
        .gql_with(
            &read_write,
            CHANGE,
            json!({ "id": id, "status": "COMPLETED" }),
        )
        .await;
    assert_eq!(
        data(&body, "/data/changeActivityStatus/status"),
        "COMPLETED"
    );
}

#[tokio::test]
async fn status_changes_of_unknown_foreign_or_malformed_ids_are_refused() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let authorization = bearer(&admin);
    let headers = [("authorization", authorization.as_str())];
    let globex = seeded_activity(&db, "globex", "Backlinks #9").await;
    for id in [UNKNOWN_ID, globex.as_str()] {
        for (query, variables) in [
            (CHANGE, json!({ "id": id, "status": "ASSIGNED" })),
            (CANCEL, json!({ "id": id })),
            (UPDATE, json!({ "id": id, "input": { "title": "Renamed" } })),
        ] {
            assert_refused(&db, &server, &headers, query, variables, "NOT_FOUND").await;
        }
    }
    for (query, variables) in [
        (CHANGE, json!({ "id": "nope", "status": "ASSIGNED" })),
        (CANCEL, json!({ "id": "nope" })),
        (
            UPDATE,
            json!({ "id": "nope", "input": { "title": "Renamed" } }),
        ),
    ] {
        let body = server.gql(Some(&admin), query, variables.clone()).await;
        assert_bad_input(&body, "id");
        assert_refused(&db, &server, &headers, query, variables, "BAD_USER_INPUT").await;
    }
}

// ---------------------------------------------------------------------------------------------
// Deliverable period counts
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn completing_an_activity_counts_towards_its_period_and_completes_it_when_the_target_is_met()
{
    let (db, server) = start_empty().await;
    let admin = login(&server, "admin@acme.test").await;

    // Monthly Report: a target of one.
    let report = period_id(&db, "acme", "Monthly Report").await;
    let before = period(&server, &admin, &report).await;
    assert_eq!(
        before,
        json!({
            "completedCount": 0, "targetCount": 1, "status": "NOT_STARTED", "updatedOn": null,
            "progress": { "completed": 0, "target": 1, "status": "NOT_STARTED" }, "activities": []
        })
    );
    let id = new_activity(&server, &admin, json!({ "deliverablePeriodId": report })).await;
    walk(&server, &admin, &id, &["IN_PROGRESS"]).await;
    let started = period(&server, &admin, &report).await;
    assert_eq!(started["status"], "IN_PROGRESS", "{started}");
    assert_eq!(started["completedCount"], 0);
    let others = text(
        &db,
        "SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY p.ref_id), '[]'::jsonb)::text AS v
         FROM deliverable_periods p WHERE p.ref_id <> $1",
        vec![report.as_str().into()],
    )
    .await;
    walk(&server, &admin, &id, &["COMPLETED"]).await;
    let completed = period(&server, &admin, &report).await;
    assert_eq!(completed["completedCount"], 1, "{completed}");
    assert_eq!(completed["status"], "COMPLETED");
    assert_eq!(
        completed["progress"],
        json!({ "completed": 1, "target": 1, "status": "COMPLETED" })
    );
    assert!(completed["updatedOn"].is_string());
    assert_eq!(completed["activities"], json!([{ "id": id }]));
    let row = query_one(
        &db.owner,
        "SELECT completed_count::int AS n, status::text AS status,
                updated_by = (SELECT id FROM users WHERE email = 'admin@acme.test') AS by_admin
         FROM deliverable_periods WHERE ref_id = $1",
        [report.as_str().into()],
    )
    .await;
    assert_eq!(get::<i32>(&row, "n"), 1);
    assert_eq!(get::<String>(&row, "status"), "completed");
    assert!(get::<bool>(&row, "by_admin"));
    // No other period moved.
    let others_after = text(
        &db,
        "SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY p.ref_id), '[]'::jsonb)::text AS v
         FROM deliverable_periods p WHERE p.ref_id <> $1",
        vec![report.as_str().into()],
    )
    .await;
    assert_eq!(others_after, others);

    // Backlinks: a target of five; each completion counts, through either road, sub-activities
    // included.
    let backlinks = period_id(&db, "acme", "Backlinks").await;
    let first = new_activity(&server, &admin, json!({ "deliverablePeriodId": backlinks })).await;
    walk(&server, &admin, &first, &["IN_PROGRESS", "COMPLETED"]).await;
    let after_one = period(&server, &admin, &backlinks).await;
    assert_eq!(after_one["completedCount"], 1, "{after_one}");
    assert_eq!(after_one["status"], "IN_PROGRESS");
    let second = new_activity(&server, &admin, json!({ "deliverablePeriodId": backlinks })).await;
    walk(
        &server,
        &admin,
        &second,
        &["IN_PROGRESS", "AWAITING_APPROVAL", "APPROVED", "COMPLETED"],
    )
    .await;
    let child = new_activity(&server, &admin, json!({ "parentActivityId": second })).await;
    walk(&server, &admin, &child, &["IN_PROGRESS", "COMPLETED"]).await;
    let after_three = period(&server, &admin, &backlinks).await;
    assert_eq!(after_three["completedCount"], 3, "{after_three}");
    assert_eq!(after_three["status"], "IN_PROGRESS");
    assert_eq!(
        after_three["progress"],
        json!({ "completed": 3, "target": 5, "status": "IN_PROGRESS" })
    );
}

#[tokio::test]
async fn the_first_activity_started_moves_a_not_started_period_to_in_progress() {
    let (db, server) = start_empty().await;
    let member = login(&server, "member@acme.test").await;
    let social = period_id(&db, "acme", "Social Posts").await;
    let id = new_activity(&server, &member, json!({ "deliverablePeriodId": social })).await;
    // Creating and assigning is not starting.
    walk(&server, &member, &id, &["ASSIGNED"]).await;
    let assigned = period(&server, &member, &social).await;
    assert_eq!(assigned["status"], "NOT_STARTED", "{assigned}");
    assert_eq!(assigned["updatedOn"], Value::Null);

    walk(&server, &member, &id, &["IN_PROGRESS"]).await;
    let started = period(&server, &member, &social).await;
    assert_eq!(started["status"], "IN_PROGRESS", "{started}");
    assert_eq!(started["completedCount"], 0);
    assert!(started["updatedOn"].is_string());

    // Starting more work later changes nothing further; nor does it reopen a completed period.
    let second = new_activity(&server, &member, json!({ "deliverablePeriodId": social })).await;
    let before = periods_state(&db).await;
    walk(&server, &member, &second, &["IN_PROGRESS"]).await;
    assert_eq!(periods_state(&db).await, before);

    let report = period_id(&db, "acme", "Monthly Report").await;
    let done = new_activity(&server, &member, json!({ "deliverablePeriodId": report })).await;
    walk(&server, &member, &done, &["IN_PROGRESS", "COMPLETED"]).await;
    let later = new_activity(&server, &member, json!({ "deliverablePeriodId": report })).await;
    walk(&server, &member, &later, &["IN_PROGRESS"]).await;
    let report_period = period(&server, &member, &report).await;
    assert_eq!(report_period["status"], "COMPLETED", "{report_period}");
    assert_eq!(report_period["completedCount"], 1);
}

#[tokio::test]
async fn an_activity_without_a_period_completes_without_touching_any_period() {
    let (db, server) = start_empty().await;
    let member = login(&server, "member@acme.test").await;
    let goal = goal_id(&db, "acme", "organic_sessions").await;
    let before = periods_state(&db).await;
    for extra in [json!({ "goalId": goal }), json!({})] {
        let id = new_activity(&server, &member, extra).await;
        walk(&server, &member, &id, &["IN_PROGRESS", "COMPLETED"]).await;
        assert_eq!(db_status(&db, &id).await, "completed");
    }
    assert_eq!(periods_state(&db).await, before);
}

#[tokio::test]
async fn the_completion_and_the_period_count_are_made_in_one_transaction() {
    let (db, server) = start_empty().await;
    let member = login(&server, "member@acme.test").await;
    let authorization = bearer(&member);
    let backlinks = period_id(&db, "acme", "Backlinks").await;
    let id = new_activity(
        &server,
        &member,
        json!({ "deliverablePeriodId": backlinks }),
    )
    .await;
    walk(&server, &member, &id, &["IN_PROGRESS"]).await;
    // Make counting the completion fail inside the database: the activity must not complete
    // either.
    leadmetrics_tests::exec(
        &db.owner,
        "ALTER TABLE deliverable_periods
         ADD CONSTRAINT test_no_completions CHECK (completed_count = 0) NOT VALID",
    )
    .await;
    assert_refused(
        &db,
        &server,
        &[("authorization", authorization.as_str())],
        CHANGE,
        json!({ "id": id, "status": "COMPLETED" }),
        "BAD_USER_INPUT",
    )
    .await;
    assert_eq!(db_status(&db, &id).await, "in_progress");
    assert_eq!(
        activity(&server, &member, &id).await["completedOn"],
        Value::Null
    );

    leadmetrics_tests::exec(
        &db.owner,
        "ALTER TABLE deliverable_periods DROP CONSTRAINT test_no_completions",
    )
    .await;
    walk(&server, &member, &id, &["COMPLETED"]).await;
    assert_eq!(
        period(&server, &member, &backlinks).await["completedCount"],
        1
    );
}

// ---------------------------------------------------------------------------------------------
// cancelActivity
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn cancelling_an_activity_hides_it_from_lists_periods_children_and_queues() {
    let (db, server) = start_empty().await;
    let admin = login(&server, "admin@acme.test").await;
    let member = login(&server, "member@acme.test").await;
    let member_id = user_ref_id(&db, "member@acme.test").await;
    let backlinks = period_id(&db, "acme", "Backlinks").await;
    let parent = new_activity(
        &server,
        &member,
        json!({ "deliverablePeriodId": backlinks }),
    )
    .await;
    next_millisecond().await;
    let person = new_activity(
        &server,
        &member,
        json!({ "parentActivityId": parent, "assignee": human(Some(&member_id)) }),
    )
    .await;
    next_millisecond().await;
    let agent_work = new_activity(
        &server,
        &member,
        json!({ "deliverablePeriodId": backlinks }),
    )
    .await;

    let period_filter = json!({ "deliverablePeriodId": backlinks });
    let everything = vec![parent.clone(), person.clone(), agent_work.clone()];
    assert_eq!(
        listed(&server, &member, period_filter.clone()).await,
        everything
    );
    assert_eq!(
        ids(&period(&server, &member, &backlinks).await["activities"]),
        everything
    );
    assert_eq!(
        human_queue(&server, &member, json!({})).await,
        [person.as_str()]
    );
    assert_eq!(
        agent_queue(&server, &member, "copywriter").await,
        [parent.clone(), agent_work.clone()]
    );

    for id in [&person, &agent_work] {
        let body = server.gql(Some(&member), CANCEL, json!({ "id": id })).await;
        let cancelled = data(&body, "/data/cancelActivity").clone();
        assert_eq!(cancelled["status"], "CANCELLED", "{body}");
        assert!(cancelled["cancelledOn"].is_string(), "{body}");
        assert_eq!(cancelled["updatedOn"], cancelled["cancelledOn"]);
        let row = query_one(
            &db.owner,
            "SELECT status::text AS status, deleted_on IS NOT NULL AS deleted,
                    deleted_by = (SELECT id FROM users WHERE email = 'member@acme.test') AS by_member
             FROM activities WHERE ref_id = $1",
            [id.as_str().into()],
        )
        .await;
        assert_eq!(get::<String>(&row, "status"), "cancelled");
        assert!(get::<bool>(&row, "deleted") && get::<bool>(&row, "by_member"));
    }

    for token in [&admin, &member] {
        assert_eq!(
            listed(&server, token, period_filter.clone()).await,
            [parent.as_str()]
        );
        assert_eq!(listed(&server, token, json!({})).await, [parent.as_str()]);
        assert_eq!(
            ids(&period(&server, token, &backlinks).await["activities"]),
            [parent.as_str()]
        );
        let body = server
            .gql(
                Some(token),
                "query($id: ID!) { activity(id: $id) { children { id } } }",
                json!({ "id": parent }),
            )
            .await;
        assert_eq!(data(&body, "/data/activity/children"), &json!([]));
        assert_eq!(
            listed(&server, token, json!({ "status": ["CANCELLED"] })).await,
            Vec::<String>::new()
        );
    }
    assert_eq!(
        human_queue(&server, &member, json!({})).await,
        Vec::<String>::new()
    );
    assert_eq!(
        agent_queue(&server, &member, "copywriter").await,
        [parent.as_str()]
    );
    // The cancelled child still points at its parent, and the parent is unaffected.
    assert_eq!(db_status(&db, &parent).await, "created");
}

#[tokio::test]
async fn a_cancelled_activity_is_visible_by_id_and_in_lists_to_admins_only() {
    let (db, server) = start_empty().await;
    let admin = login(&server, "admin@acme.test").await;
    let member = login(&server, "member@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let (write_key, _) = server.create_api_key(&admin, &["READ", "WRITE"]).await;
    let kept = new_activity(&server, &member, json!({})).await;
    next_millisecond().await;
    let id = new_activity(&server, &member, json!({})).await;
    walk(&server, &member, &id, &["IN_PROGRESS", "AWAITING_APPROVAL"]).await;
    let body = server.gql(Some(&member), CANCEL, json!({ "id": id })).await;
    let cancelled = data(&body, "/data/cancelActivity").clone();

    assert_eq!(activity(&server, &admin, &id).await, cancelled);
    for token in [&member, &reviewer] {
        let body = server.gql(Some(token), ACTIVITY, json!({ "id": id })).await;
        assert_eq!(body, json!({ "data": { "activity": null } }));
    }

    let body = server
        .gql(Some(&admin), LIST, json!({ "includeCancelled": true }))
        .await;
    assert_eq!(
        ids(data(&body, "/data/activities/nodes")),
        [kept.clone(), id.clone()]
    );
    assert_eq!(
        acme_ids(&db, "true", true).await,
        [kept.clone(), id.clone()]
    );
    let body = server
        .gql(
            Some(&admin),
            LIST,
            json!({ "includeCancelled": true, "filter": { "status": ["CANCELLED"] } }),
        )
        .await;
    assert_eq!(ids(data(&body, "/data/activities/nodes")), [id.as_str()]);

    let member_auth = bearer(&member);
    let reviewer_auth = bearer(&reviewer);
    for headers in [
        [("authorization", member_auth.as_str())],
        [("authorization", reviewer_auth.as_str())],
        [("x-api-key", write_key.as_str())],
    ] {
        let body = server
            .gql_with(&headers, LIST, json!({ "includeCancelled": true }))
            .await;
        assert_code(&body, "FORBIDDEN");
        assert_eq!(body["data"], Value::Null, "{body}");
    }
}

#[tokio::test]
async fn a_completed_activity_cannot_be_cancelled() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let authorization = bearer(&admin);
    let id = new_activity(&server, &admin, json!({})).await;
    walk(&server, &admin, &id, &["IN_PROGRESS", "COMPLETED"]).await;
    let seeded = seeded_activity(&db, "acme", "Backlinks #6").await;
    assert_eq!(db_status(&db, &seeded).await, "completed");
    for id in [&id, &seeded] {
        assert_refused(
            &db,
            &server,
            &[("authorization", authorization.as_str())],
            CANCEL,
            json!({ "id": id }),
            "CONFLICT",
        )
        .await;
    }
}

#[tokio::test]
async fn a_cancelled_activity_cannot_be_cancelled_again() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let authorization = bearer(&admin);
    let id = new_activity(&server, &admin, json!({})).await;
    let body = server.gql(Some(&admin), CANCEL, json!({ "id": id })).await;
    assert_eq!(data(&body, "/data/cancelActivity/status"), "CANCELLED");
    let seeded = seeded_activity(&db, "acme", "Backlinks #8").await;
    assert_eq!(db_status(&db, &seeded).await, "cancelled");
    for id in [&id, &seeded] {
        assert_refused(
            &db,
            &server,
            &[("authorization", authorization.as_str())],
            CANCEL,
            json!({ "id": id }),
            "CONFLICT",
        )
        .await;
    }
}

#[tokio::test]
async fn every_unfinished_status_can_be_cancelled_by_members_and_admins_only() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let member = login(&server, "member@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let (read_key, _) = server.create_api_key(&admin, &["READ"]).await;
    let (write_key, _) = server.create_api_key(&admin, &["READ", "WRITE"]).await;
    let reviewer_auth = bearer(&reviewer);
    let target = new_activity(&server, &member, json!({})).await;
    for headers in [
        [("authorization", reviewer_auth.as_str())],
        [("x-api-key", read_key.as_str())],
    ] {
        assert_refused(
            &db,
            &server,
            &headers,
            CANCEL,
            json!({ "id": target }),
            "FORBIDDEN",
        )
        .await;
    }
    for (index, status) in STATUSES
        .iter()
        .filter(|status| !matches!(**status, "COMPLETED" | "CANCELLED"))
        .enumerate()
    {
        let id = new_activity(&server, &member, json!({})).await;
        set_status(&db, &id, status).await;
        let body = match index % 3 {
            0 => server.gql(Some(&member), CANCEL, json!({ "id": id })).await,
            1 => server.gql(Some(&admin), CANCEL, json!({ "id": id })).await,
            _ => {
                server
                    .gql_with(
                        &[("x-api-key", write_key.as_str())],
                        CANCEL,
                        json!({ "id": id }),
                    )
                    .await
            }
        };
        assert_eq!(
            data(&body, "/data/cancelActivity/status"),
            "CANCELLED",
            "{status}"
        );
        assert_eq!(db_status(&db, &id).await, "cancelled");
    }
}

// ---------------------------------------------------------------------------------------------
// updateActivity
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn update_activity_changes_the_given_fields_and_keeps_the_rest() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let period = period_id(&db, "acme", "Backlinks").await;
    let created = create(
        &server,
        &member,
        input(json!({
            "deliverablePeriodId": period, "priority": "LOW", "dueDate": "2030-01-10",
            "pipelineStep": "draft", "inputData": { "n": 1 }
        })),
    )
    .await;
    let id = id_of(&created);
    let summary = json!({ "words": 1480, "headings": ["Why", "How"] });
    let body = server
        .gql(
            Some(&member),
            UPDATE,
            json!({ "id": id, "input": {
                "title": "  Write the launch post, v2 ", "priority": "URGENT",
                "dueDate": "2030-02-01", "outputSummary": summary,
                "outputRef": " 0123456789abcdef01234567 ", "revisionNote": "Shorter, please."
            } }),
        )
        .await;
    let updated = data(&body, "/data/updateActivity").clone();
    assert!(updated["updatedOn"].is_string(), "{updated}");
    let mut expected = created.clone();
    for (field, value) in [
        ("title", json!("Write the launch post, v2")),
        ("priority", json!("URGENT")),
        ("dueDate", json!("2030-02-01")),
        ("outputSummary", summary.clone()),
        ("outputRef", json!("0123456789abcdef01234567")),
        ("revisionNote", json!("Shorter, please.")),
        ("updatedOn", updated["updatedOn"].clone()),
    ] {
        expected[field] = value;
    }
    assert_eq!(updated, expected);
    assert_eq!(activity(&server, &member, &id).await, expected);
    let row = query_one(
        &db.owner,
        "SELECT updated_by = (SELECT id FROM users WHERE email = 'member@acme.test') AS by_member
         FROM activities WHERE ref_id = $1",
        [id.as_str().into()],
    )
    .await;
    assert!(get::<bool>(&row, "by_member"));

    // An empty change changes nothing but the update stamp.
    let body = server
        .gql(Some(&member), UPDATE, json!({ "id": id, "input": {} }))
        .await;
    let unchanged = data(&body, "/data/updateActivity").clone();
    expected["updatedOn"] = unchanged["updatedOn"].clone();
    assert_eq!(unchanged, expected);
}

#[tokio::test]
async fn update_activity_clears_optional_fields_with_null() {
    let (_db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let id = new_activity(&server, &member, json!({ "dueDate": "2030-01-10" })).await;
    let body = server
        .gql(
            Some(&member),
            UPDATE,
            json!({ "id": id, "input": {
                "outputSummary": { "ok": true }, "outputRef": "abcdefabcdefabcdefabcdef",
                "revisionNote": "Redo."
            } }),
        )
        .await;
    let filled = data(&body, "/data/updateActivity").clone();
    assert_eq!(filled["dueDate"], "2030-01-10");
    assert_eq!(filled["outputRef"], "abcdefabcdefabcdefabcdef");

    let body = server
        .gql(
            Some(&member),
            UPDATE,
            json!({ "id": id, "input": {
                "dueDate": null, "outputSummary": null, "outputRef": null, "revisionNote": null
            } }),
        )
        .await;
    let cleared = data(&body, "/data/updateActivity").clone();
    for field in ["dueDate", "outputSummary", "outputRef", "revisionNote"] {
        assert_eq!(cleared[field], Value::Null, "{field}: {cleared}");
    }
    assert_eq!(cleared["title"], filled["title"]);
    // A blank revision note clears it too.
    let body = server
        .gql(
            Some(&member),
            UPDATE,
            json!({ "id": id, "input": { "revisionNote": "Again." } }),
        )
        .await;
    assert_eq!(data(&body, "/data/updateActivity/revisionNote"), "Again.");
    let body = server
        .gql(
            Some(&member),
            UPDATE,
            json!({ "id": id, "input": { "revisionNote": "  " } }),
        )
        .await;
    assert_eq!(
        data(&body, "/data/updateActivity/revisionNote"),
        &Value::Null
    );
}

#[tokio::test]
async fn update_activity_reassigns_between_agents_and_people() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let authorization = bearer(&member);
    let headers = [("authorization", authorization.as_str())];
    let member_id = user_ref_id(&db, "member@acme.test").await;
    let id = new_activity(&server, &member, json!({})).await;

    let body = server
        .gql(
            Some(&member),
            UPDATE,
            json!({ "id": id, "input": { "assignee": human(Some(&member_id)) } }),
        )
        .await;
    let to_person = data(&body, "/data/updateActivity").clone();
    assert_eq!(to_person["assigneeType"], "HUMAN");
    assert_eq!(to_person["assigneeAgentRole"], Value::Null);
    assert_eq!(
        to_person["assignee"],
        json!({ "id": member_id, "email": "member@acme.test" })
    );
    assert_eq!(
        human_queue(&server, &member, json!({})).await,
        [id.as_str()]
    );

    let body = server
        .gql(
            Some(&member),
            UPDATE,
            json!({ "id": id, "input": { "assignee": agent("seo_specialist") } }),
        )
        .await;
    let to_agent = data(&body, "/data/updateActivity").clone();
    assert_eq!(to_agent["assigneeType"], "AGENT");
    assert_eq!(to_agent["assigneeAgentRole"], "seo_specialist");
    assert_eq!(to_agent["assignee"], Value::Null);
    assert_eq!(
        human_queue(&server, &member, json!({})).await,
        Vec::<String>::new()
    );

    for (assignee, code, field) in [
        (
            json!({ "type": "AGENT" }),
            "BAD_USER_INPUT",
            Some("assignee.agentRole"),
        ),
        (
            json!({ "type": "AGENT", "agentRole": "x", "userId": member_id }),
            "BAD_USER_INPUT",
            Some("assignee.userId"),
        ),
        (
            json!({ "type": "HUMAN", "agentRole": "x" }),
            "BAD_USER_INPUT",
            Some("assignee.agentRole"),
        ),
        (
            human(Some("bad")),
            "BAD_USER_INPUT",
            Some("assignee.userId"),
        ),
        (human(Some(UNKNOWN_ID)), "NOT_FOUND", None),
    ] {
        let variables = json!({ "id": id, "input": { "assignee": assignee } });
        if let Some(field) = field {
            let body = server.gql(Some(&member), UPDATE, variables.clone()).await;
            assert_bad_input(&body, field);
        }
        assert_refused(&db, &server, &headers, UPDATE, variables, code).await;
    }
}

#[tokio::test]
async fn invalid_updates_are_bad_user_input_naming_the_field_and_change_nothing() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let authorization = bearer(&member);
    let id = new_activity(&server, &member, json!({})).await;
    for (change, field) in [
        (
            json!({ "outputRef": "0123456789ABCDEF01234567" }),
            "outputRef",
        ),
        (
            json!({ "outputRef": "0123456789abcdef0123456" }),
            "outputRef",
        ),
        (
            json!({ "outputRef": "0123456789abcdef012345678" }),
            "outputRef",
        ),
        (
            json!({ "outputRef": "0123456789abcdef0123456z" }),
            "outputRef",
        ),
        (json!({ "outputRef": "" }), "outputRef"),
        (json!({ "title": "  " }), "title"),
        (json!({ "title": "t".repeat(501) }), "title"),
        (json!({ "revisionNote": "r".repeat(5001) }), "revisionNote"),
    ] {
        let variables = json!({ "id": id, "input": change });
        let body = server.gql(Some(&member), UPDATE, variables.clone()).await;
        assert_bad_input(&body, field);
        assert_refused(
            &db,
            &server,
            &[("authorization", authorization.as_str())],
            UPDATE,
            variables,
            "BAD_USER_INPUT",
        )
        .await;
    }
}

#[tokio::test]
async fn a_completed_activity_cannot_be_updated() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let authorization = bearer(&admin);
    let id = new_activity(&server, &admin, json!({})).await;
    walk(&server, &admin, &id, &["IN_PROGRESS", "COMPLETED"]).await;
    for change in [
        json!({ "title": "Renamed" }),
        json!({ "priority": "URGENT" }),
        json!({ "dueDate": null }),
        json!({ "outputRef": "0123456789abcdef01234567" }),
        json!({ "assignee": agent("seo_specialist") }),
    ] {
        assert_refused(
            &db,
            &server,
            &[("authorization", authorization.as_str())],
            UPDATE,
            json!({ "id": id, "input": change }),
            "CONFLICT",
        )
        .await;
    }
}

#[tokio::test]
async fn reviewers_and_read_only_keys_cannot_update_activities() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let (read_key, _) = server.create_api_key(&admin, &["READ"]).await;
    let (write_key, _) = server.create_api_key(&admin, &["READ", "WRITE"]).await;
    let reviewer_auth = bearer(&reviewer);
    let id = new_activity(&server, &admin, json!({})).await;
    let variables = json!({ "id": id, "input": { "title": "Renamed" } });
    for headers in [
        [("authorization", reviewer_auth.as_str())],
        [("x-api-key", read_key.as_str())],
    ] {
        assert_refused(
            &db,
            &server,
            &headers,
            UPDATE,
            variables.clone(),
            "FORBIDDEN",
        )
        .await;
    }
    let body = server
        .gql_with(&[("x-api-key", write_key.as_str())], UPDATE, variables)
        .await;
    assert_eq!(data(&body, "/data/updateActivity/title"), "Renamed");
}

// ---------------------------------------------------------------------------------------------
// activities: filters and pagination
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn each_activity_filter_returns_exactly_the_matching_activities() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let member_id = user_ref_id(&db, "member@acme.test").await;
    let goal = goal_id(&db, "acme", "organic_sessions").await;
    let period = period_id(&db, "acme", "Backlinks").await;
    let parent = text(
        &db,
        "SELECT p.ref_id AS v FROM activities c JOIN activities p ON p.id = c.parent_activity_id
         JOIN tenants t ON t.id = c.tenant_id WHERE t.slug = 'acme' ORDER BY c.ref_id LIMIT 1",
        vec![],
    )
    .await;
    let day = text(
        &db,
        "SELECT (date_trunc('month', current_date)::date + 4)::text AS v",
        vec![],
    )
    .await;
    let all = acme_ids(&db, "true", false).await;
    // 4 periods × 8 live top-level activities (one of the 9 is cancelled) + 3 sub-activities.
    assert_eq!(all.len(), 44);

    let cases: Vec<(Value, String)> = vec![
        (
            json!({ "status": ["IN_PROGRESS", "FAILED"] }),
            "a.status IN ('in_progress', 'failed')".to_owned(),
        ),
        (json!({ "status": ["CREATED"] }), "a.status = 'created'".to_owned()),
        (json!({ "type": "WRITE" }), "a.type = 'write'".to_owned()),
        (json!({ "type": "RESEARCH" }), "a.type = 'research'".to_owned()),
        (json!({ "assigneeType": "HUMAN" }), "a.assignee_type = 'human'".to_owned()),
        (json!({ "assigneeType": "AGENT" }), "a.assignee_type = 'agent'".to_owned()),
        (
            json!({ "assigneeUserId": member_id }),
            "a.assignee_user_id = (SELECT id FROM users WHERE email = 'member@acme.test')".to_owned(),
        ),
        (
            json!({ "assigneeAgentRole": "researcher" }),
            "a.assignee_agent_role = 'researcher'".to_owned(),
        ),
        (
            json!({ "assigneeAgentRole": " copywriter " }),
            "a.assignee_agent_role = 'copywriter'".to_owned(),
        ),
        (
            json!({ "goalId": goal }),
            format!("a.goal_id = (SELECT id FROM goals WHERE ref_id = '{goal}')"),
        ),
        (
            json!({ "deliverablePeriodId": period }),
            format!(
                "a.deliverable_period_id = (SELECT id FROM deliverable_periods WHERE ref_id = '{period}')"
            ),
        ),
        (
            json!({ "parentId": parent }),
            format!("a.parent_activity_id = (SELECT id FROM activities WHERE ref_id = '{parent}')"),
        ),
        (json!({ "topLevelOnly": true }), "a.parent_activity_id IS NULL".to_owned()),
        (json!({ "dueBefore": day }), format!("a.due_date <= '{day}'")),
        (json!({ "dueAfter": day }), format!("a.due_date >= '{day}'")),
        // Criteria combine.
        (
            json!({ "assigneeType": "AGENT", "deliverablePeriodId": period, "topLevelOnly": true,
                    "status": ["ASSIGNED", "CREATED", "FAILED"] }),
            format!(
                "a.assignee_type = 'agent' AND a.parent_activity_id IS NULL
                 AND a.status IN ('assigned', 'created', 'failed')
                 AND a.deliverable_period_id = (SELECT id FROM deliverable_periods WHERE ref_id = '{period}')"
            ),
        ),
        (
            json!({ "dueAfter": day, "dueBefore": day }),
            format!("a.due_date = '{day}'"),
        ),
    ];
    for (filter, condition) in cases {
        let expected = acme_ids(&db, &condition, false).await;
        assert!(
            !expected.is_empty() && expected.len() < all.len(),
            "{filter} should select some but not all: {expected:?}"
        );
        assert_eq!(
            listed(&server, &member, filter.clone()).await,
            expected,
            "{filter}"
        );
    }

    // Filters that select everything or nothing.
    assert_eq!(listed(&server, &member, json!({})).await, all);
    assert_eq!(listed(&server, &member, Value::Null).await, all);
    assert_eq!(
        listed(&server, &member, json!({ "topLevelOnly": false })).await,
        all
    );
    for filter in [
        json!({ "status": [] }),
        json!({ "status": ["CANCELLED"] }),
        json!({ "assigneeAgentRole": "nobody" }),
        json!({ "dueBefore": "2000-01-01" }),
        json!({ "type": "WRITE", "assigneeType": "HUMAN" }),
    ] {
        assert_eq!(
            listed(&server, &member, filter.clone()).await,
            Vec::<String>::new(),
            "{filter}"
        );
    }
}

#[tokio::test]
async fn unknown_or_foreign_ids_in_activity_filters_match_nothing() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let globex_period = period_id(&db, "globex", "Backlinks").await;
    let globex_goal = goal_of_period(&db, &globex_period).await;
    let globex_user = user_ref_id(&db, "member@globex.test").await;
    let globex_activity = seeded_activity(&db, "globex", "Backlinks #3").await;
    for field in [
        "assigneeUserId",
        "goalId",
        "deliverablePeriodId",
        "parentId",
    ] {
        let foreign = match field {
            "assigneeUserId" => globex_user.as_str(),
            "goalId" => globex_goal.as_str(),
            "deliverablePeriodId" => globex_period.as_str(),
            _ => globex_activity.as_str(),
        };
        for id in [UNKNOWN_ID, foreign] {
            let body = server
                .gql(Some(&member), LIST, json!({ "filter": { field: id } }))
                .await;
            assert_eq!(
                data(&body, "/data/activities"),
                &json!({
                    "pageInfo": { "hasPreviousPage": false, "hasNextPage": false,
                                  "startCursor": null, "endCursor": null },
                    "edges": [], "nodes": []
                }),
                "{field} = {id}"
            );
        }
    }
}

#[tokio::test]
async fn malformed_ids_in_activity_filters_are_bad_user_input_naming_the_field() {
    let (_db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    for field in [
        "assigneeUserId",
        "goalId",
        "deliverablePeriodId",
        "parentId",
    ] {
        // Ids are case-insensitive (the ULID spec): a lowercase id is valid, and matches nothing.
        for id in ["not-an-id", "", "01arz3ndektsv4rrffq69g5fau"] {
            let body = server
                .gql(Some(&member), LIST, json!({ "filter": { field: id } }))
                .await;
            assert_bad_input(&body, field);
            assert_eq!(body["data"], Value::Null, "{body}");
        }
    }
    let body = server
        .gql(Some(&member), LIST, json!({ "after": "garbage" }))
        .await;
    assert_bad_input(&body, "after");
    let body = server
        .gql(Some(&member), LIST, json!({ "first": 101 }))
        .await;
    assert_bad_input(&body, "first");
}

#[tokio::test]
async fn activities_paginate_forward_through_every_activity_oldest_first() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    for (filter, condition) in [
        (json!({}), "true"),
        (
            json!({ "assigneeType": "AGENT" }),
            "a.assignee_type = 'agent'",
        ),
    ] {
        let expected = acme_ids(&db, condition, false).await;
        let mut seen: Vec<String> = Vec::new();
        let mut cursor = Value::Null;
        let mut pages = 0;
        loop {
            assert!(pages < 20, "pagination does not end");
            let body = server
                .gql(
                    Some(&member),
                    LIST,
                    json!({ "filter": filter, "first": 7, "after": cursor }),
                )
                .await;
            let connection = data(&body, "/data/activities").clone();
            let page = ids(&connection["nodes"]);
            let edges = connection["edges"].as_array().cloned().unwrap_or_default();
            let info = &connection["pageInfo"];
            assert!(!page.is_empty() && page.len() <= 7, "{body}");
            let edge_ids: Vec<String> = edges.iter().map(|edge| id_of(&edge["node"])).collect();
            assert_eq!(edge_ids, page);
            assert_eq!(info["startCursor"], edges[0]["cursor"], "{body}");
            assert_eq!(
                info["endCursor"],
                edges[edges.len() - 1]["cursor"],
                "{body}"
            );
            assert_eq!(info["hasPreviousPage"], json!(pages > 0), "{body}");
            seen.extend(page);
            pages += 1;
            if info["hasNextPage"] != json!(true) {
                break;
            }
            cursor = info["endCursor"].clone();
        }
        assert_eq!(seen, expected, "{filter}");
        assert_eq!(pages, expected.len().div_ceil(7), "{filter}");
    }
}

// ---------------------------------------------------------------------------------------------
// Queues
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn the_human_queue_lists_created_and_awaiting_approval_work_gates_first_then_urgent_then_due()
{
    let (db, server) = start_empty().await;
    let admin = login(&server, "admin@acme.test").await;
    let member = login(&server, "member@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let member_id = user_ref_id(&db, "member@acme.test").await;
    let admin_id = user_ref_id(&db, "admin@acme.test").await;
    let for_member = |extra: Value| {
        let mut extra = extra;
        extra["assignee"] = human(Some(&member_id));
        extra
    };

    let low_undated = new_activity(&server, &admin, for_member(json!({ "priority": "LOW" }))).await;
    next_millisecond().await;
    let urgent_late = new_activity(
        &server,
        &admin,
        for_member(json!({ "priority": "URGENT", "dueDate": "2030-01-05" })),
    )
    .await;
    let gate_normal = new_activity(
        &server,
        &admin,
        for_member(
            json!({ "priority": "NORMAL", "isApprovalGate": true, "dueDate": "2030-01-03" }),
        ),
    )
    .await;
    walk(
        &server,
        &admin,
        &gate_normal,
        &["IN_PROGRESS", "AWAITING_APPROVAL"],
    )
    .await;
    let high_awaiting = new_activity(
        &server,
        &admin,
        for_member(json!({ "priority": "HIGH", "dueDate": "2030-01-01" })),
    )
    .await;
    walk(
        &server,
        &admin,
        &high_awaiting,
        &["IN_PROGRESS", "AWAITING_APPROVAL"],
    )
    .await;
    let urgent_early = new_activity(
        &server,
        &admin,
        for_member(json!({ "priority": "URGENT", "dueDate": "2030-01-02" })),
    )
    .await;
    let urgent_undated =
        new_activity(&server, &admin, for_member(json!({ "priority": "URGENT" }))).await;
    let gate_low = new_activity(
        &server,
        &admin,
        for_member(json!({ "priority": "LOW", "isApprovalGate": true, "dueDate": "2030-01-01" })),
    )
    .await;
    // Not in the member's queue: other statuses, cancelled, someone else's, unassigned, agents'.
    for statuses in [
        &["ASSIGNED"][..],
        &["IN_PROGRESS"],
        &["IN_PROGRESS", "COMPLETED"],
        &["IN_PROGRESS", "AWAITING_APPROVAL", "APPROVED"],
        &["IN_PROGRESS", "AWAITING_APPROVAL", "REJECTED"],
        &["IN_PROGRESS", "FAILED"],
    ] {
        let id = new_activity(&server, &admin, for_member(json!({ "priority": "URGENT" }))).await;
        walk(&server, &admin, &id, statuses).await;
    }
    let cancelled =
        new_activity(&server, &admin, for_member(json!({ "priority": "URGENT" }))).await;
    let body = server
        .gql(Some(&admin), CANCEL, json!({ "id": cancelled }))
        .await;
    data(&body, "/data/cancelActivity");
    let admins = new_activity(
        &server,
        &admin,
        json!({ "priority": "URGENT", "assignee": human(Some(&admin_id)) }),
    )
    .await;
    new_activity(
        &server,
        &admin,
        json!({ "priority": "URGENT", "assignee": human(None) }),
    )
    .await;
    new_activity(&server, &admin, json!({ "priority": "URGENT" })).await;

    let expected = vec![
        gate_normal.clone(),
        gate_low.clone(),
        urgent_early.clone(),
        urgent_late.clone(),
        urgent_undated.clone(),
        high_awaiting.clone(),
        low_undated.clone(),
    ];
    assert_eq!(human_queue(&server, &member, json!({})).await, expected);
    assert_eq!(
        human_queue(&server, &member, json!({ "first": 3 })).await,
        expected[..3]
    );
    assert_eq!(
        human_queue(&server, &member, json!({ "first": 0 })).await,
        Vec::<String>::new()
    );
    // Anyone may look at another user's queue by id.
    for token in [&admin, &reviewer] {
        assert_eq!(
            human_queue(&server, token, json!({ "userId": member_id })).await,
            expected
        );
    }
    assert_eq!(
        human_queue(&server, &admin, json!({})).await,
        [admins.as_str()]
    );
    assert_eq!(
        human_queue(&server, &member, json!({ "userId": admin_id })).await,
        [admins]
    );
    assert_eq!(
        human_queue(&server, &reviewer, json!({})).await,
        Vec::<String>::new()
    );
    // Unknown and foreign users have empty queues.
    let globex_user = user_ref_id(&db, "member@globex.test").await;
    for user in [UNKNOWN_ID, globex_user.as_str()] {
        assert_eq!(
            human_queue(&server, &member, json!({ "userId": user })).await,
            Vec::<String>::new()
        );
    }
    let body = server
        .gql(Some(&member), HUMAN_QUEUE, json!({ "userId": "nope" }))
        .await;
    assert_bad_input(&body, "userId");
}

#[tokio::test]
async fn an_api_key_or_an_operator_must_name_the_user_of_a_human_queue() {
    let (db, server) = start_empty().await;
    let admin = login(&server, "admin@acme.test").await;
    let member_id = user_ref_id(&db, "member@acme.test").await;
    let id = new_activity(
        &server,
        &admin,
        json!({ "assignee": human(Some(&member_id)) }),
    )
    .await;
    let (key, _) = server.create_api_key(&admin, &["READ"]).await;
    let operator = login(&server, "super-admin@leadmetrics.test").await;
    let operator_auth = bearer(&operator);
    let acme = tenant_ref_id(&db, "acme").await;
    let as_key = [("x-api-key", key.as_str())];
    let as_operator = [
        ("authorization", operator_auth.as_str()),
        ("x-act-for-tenant", acme.as_str()),
    ];
    for headers in [&as_key[..], &as_operator[..]] {
        let body = server.gql_with(headers, HUMAN_QUEUE, json!({})).await;
        assert_bad_input(&body, "userId");
        assert_eq!(body["data"], Value::Null, "{body}");
        let body = server
            .gql_with(headers, HUMAN_QUEUE, json!({ "userId": member_id }))
            .await;
        assert_eq!(
            body,
            json!({ "data": { "humanActivityQueue": [{ "id": id }] } })
        );
    }
}

#[tokio::test]
async fn queue_sizes_outside_the_page_size_limit_are_bad_user_input() {
    let (_db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    for first in [101, -1] {
        let body = server
            .gql(Some(&member), HUMAN_QUEUE, json!({ "first": first }))
            .await;
        assert_bad_input(&body, "first");
        assert_eq!(body["data"], Value::Null, "{body}");
        let body = server
            .gql(
                Some(&member),
                AGENT_QUEUE,
                json!({ "role": "copywriter", "first": first }),
            )
            .await;
        assert_bad_input(&body, "first");
    }
    let body = server
        .gql(
            Some(&member),
            AGENT_QUEUE,
            json!({ "role": "researcher", "first": 100 }),
        )
        .await;
    assert_eq!(
        data(&body, "/data/agentActivityQueue")
            .as_array()
            .map(Vec::len),
        Some(12)
    );
}

#[tokio::test]
async fn a_smaller_page_size_limit_bounds_the_queues() {
    let (_db, server) = start_with(&[("GRAPHQL_MAX_PAGE_SIZE", "5")]).await;
    let member = login(&server, "member@acme.test").await;
    let body = server
        .gql(Some(&member), HUMAN_QUEUE, json!({ "first": 6 }))
        .await;
    assert_bad_input(&body, "first");
    let body = server
        .gql(
            Some(&member),
            AGENT_QUEUE,
            json!({ "role": "researcher", "first": 5 }),
        )
        .await;
    assert_eq!(
        data(&body, "/data/agentActivityQueue")
            .as_array()
            .map(Vec::len),
        Some(5)
    );
}

#[tokio::test]
async fn the_agent_queue_lists_a_roles_created_and_assigned_work_most_urgent_then_earliest_due() {
    let (db, server) = start_empty().await;
    let member = login(&server, "member@acme.test").await;
    let member_id = user_ref_id(&db, "member@acme.test").await;
    let normal_dated = new_activity(
        &server,
        &member,
        json!({ "priority": "NORMAL", "dueDate": "2030-01-05" }),
    )
    .await;
    next_millisecond().await;
    let urgent_undated = new_activity(&server, &member, json!({ "priority": "URGENT" })).await;
    walk(&server, &member, &urgent_undated, &["ASSIGNED"]).await;
    let urgent_dated = new_activity(
        &server,
        &member,
        json!({ "priority": "URGENT", "dueDate": "2030-01-03" }),
    )
    .await;
    let low_early = new_activity(
        &server,
        &member,
        json!({ "priority": "LOW", "dueDate": "2030-01-01" }),
    )
    .await;
    next_millisecond().await;
    let normal_dated_later = new_activity(
        &server,
        &member,
        json!({ "priority": "NORMAL", "dueDate": "2030-01-05" }),
    )
    .await;
    let normal_undated = new_activity(&server, &member, json!({})).await;
    walk(&server, &member, &normal_undated, &["ASSIGNED"]).await;
    let high_failed_reassigned = new_activity(
        &server,
        &member,
        json!({ "priority": "HIGH", "dueDate": "2030-01-09" }),
    )
    .await;
    walk(
        &server,
        &member,
        &high_failed_reassigned,
        &["IN_PROGRESS", "FAILED", "ASSIGNED"],
    )
    .await;
    // Not in the copywriters' queue: started or finished work, cancelled, other roles, people.
    for statuses in [
        &["IN_PROGRESS"][..],
        &["IN_PROGRESS", "FAILED"],
        &["IN_PROGRESS", "COMPLETED"],
        &["IN_PROGRESS", "AWAITING_APPROVAL"],
    ] {
        let id = new_activity(&server, &member, json!({ "priority": "URGENT" })).await;
        walk(&server, &member, &id, statuses).await;
    }
    let cancelled = new_activity(&server, &member, json!({ "priority": "URGENT" })).await;
    let body = server
        .gql(Some(&member), CANCEL, json!({ "id": cancelled }))
        .await;
    data(&body, "/data/cancelActivity");
    let seo = new_activity(
        &server,
        &member,
        json!({ "priority": "URGENT", "assignee": agent("seo_specialist") }),
    )
    .await;
    new_activity(
        &server,
        &member,
        json!({ "priority": "URGENT", "assignee": human(Some(&member_id)) }),
    )
    .await;

    let expected = vec![
        urgent_dated,
        urgent_undated,
        high_failed_reassigned,
        normal_dated,
        normal_dated_later,
        normal_undated,
        low_early,
    ];
    assert_eq!(agent_queue(&server, &member, "copywriter").await, expected);
    assert_eq!(
        agent_queue(&server, &member, "  copywriter ").await,
        expected
    );
    let body = server
        .gql(
            Some(&member),
            AGENT_QUEUE,
            json!({ "role": "copywriter", "first": 2 }),
        )
        .await;
    assert_eq!(ids(data(&body, "/data/agentActivityQueue")), expected[..2]);
    assert_eq!(agent_queue(&server, &member, "seo_specialist").await, [seo]);
    assert_eq!(
        agent_queue(&server, &member, "Copywriter").await,
        Vec::<String>::new()
    );
    assert_eq!(
        agent_queue(&server, &member, "nobody").await,
        Vec::<String>::new()
    );
}

#[tokio::test]
async fn the_agent_queues_hold_exactly_the_seeded_pending_work_of_each_role() {
    let (db, server) = start().await;
    let (key, _) = {
        let admin = login(&server, "admin@acme.test").await;
        server.create_api_key(&admin, &["READ"]).await
    };
    for role in ["copywriter", "seo_specialist", "researcher"] {
        let expected = split(
            &text(
                &db,
                "SELECT coalesce(string_agg(a.ref_id, ','
                          ORDER BY a.priority DESC, a.due_date ASC NULLS LAST, a.ref_id), '') AS v
                 FROM activities a JOIN tenants t ON t.id = a.tenant_id
                 WHERE t.slug = 'acme' AND a.deleted_on IS NULL AND a.assignee_type = 'agent'
                   AND a.assignee_agent_role = $1 AND a.status IN ('created', 'assigned')",
                vec![role.into()],
            )
            .await,
        );
        let body = server
            .gql_with(
                &[("x-api-key", key.as_str())],
                AGENT_QUEUE,
                json!({ "role": role }),
            )
            .await;
        assert_eq!(
            ids(data(&body, "/data/agentActivityQueue")),
            expected,
            "{role}"
        );
    }
    // Seeded: per period, copywriters have one assigned and one created activity, researchers
    // three created sub-activities, and SEO specialists nothing pending.
    let body = server
        .gql_with(
            &[("x-api-key", key.as_str())],
            AGENT_QUEUE,
            json!({ "role": "copywriter" }),
        )
        .await;
    assert_eq!(
        data(&body, "/data/agentActivityQueue")
            .as_array()
            .map(Vec::len),
        Some(8)
    );
}

// ---------------------------------------------------------------------------------------------
// Relations, runs and entities
// ---------------------------------------------------------------------------------------------

/// Appends a run to an activity as the owner, with an explicit id so "newest" is certain.
async fn insert_run(db: &TestDatabase, run_id: &str, activity: &str, fields: &str) {
    let inserted = exec_with(
        &db.owner,
        &format!(
            "INSERT INTO activity_runs (ref_id, tenant_id, activity_id, adapter_type, model_id,
                                        status, error, input_tokens, output_tokens, cost_usd,
                                        duration_ms, started_on, ended_on)
             SELECT $1, a.tenant_id, a.id, {fields} FROM activities a WHERE a.ref_id = $2"
        ),
        [run_id.into(), activity.into()],
    )
    .await;
    assert_eq!(inserted.ok(), Some(1), "inserting run {run_id}");
}

#[tokio::test]
async fn an_activity_resolves_its_goal_period_deliverable_parent_children_assignee_and_runs() {
    let (db, server) = start_empty().await;
    let member = login(&server, "member@acme.test").await;
    let member_id = user_ref_id(&db, "member@acme.test").await;
    let period = period_id(&db, "acme", "Monthly Blog Posts").await;
    let goal = goal_of_period(&db, &period).await;
    let deliverable = deliverable_of_period(&db, &period).await;
    let parent = new_activity(&server, &member, json!({ "deliverablePeriodId": period })).await;
    next_millisecond().await;
    let first_child = new_activity(
        &server,
        &member,
        json!({ "parentActivityId": parent, "assignee": human(Some(&member_id)) }),
    )
    .await;
    next_millisecond().await;
    let second_child = new_activity(
        &server,
        &member,
        json!({ "parentActivityId": parent, "assignee": agent("researcher") }),
    )
    .await;
    next_millisecond().await;
    let cancelled_child =
        new_activity(&server, &member, json!({ "parentActivityId": parent })).await;
    let body = server
        .gql(Some(&member), CANCEL, json!({ "id": cancelled_child }))
        .await;
    data(&body, "/data/cancelActivity");

    let older_run = format!("01J{:0>23}", 1);
    let newer_run = format!("01J{:0>23}", 2);
    insert_run(
        &db,
        &older_run,
        &parent,
        "'claude', 'claude-sonnet', 'failed', 'upstream timeout', 1500, 700, 0.021500, 30000,
         '2030-01-01T10:00:00Z', '2030-01-01T10:00:30Z'",
    )
    .await;
    insert_run(
        &db,
        &newer_run,
        &parent,
        "'openai', NULL, 'running', NULL, 0, 0, 0, NULL, '2030-01-01T11:00:00Z', NULL",
    )
    .await;

    let body = server
        .gql(
            Some(&member),
            "query($id: ID!) { activity(id: $id) {
               goal { id name } deliverablePeriod { id periodStart } deliverable { id name }
               parent { id } assignee { id } children { id assigneeType assignee { email } parent { id } }
               runs { id activity { id } adapterType modelId status error inputTokens outputTokens
                      costUsd durationMs startedOn endedOn } } }",
            json!({ "id": parent }),
        )
        .await;
    let period_start = text(
        &db,
        "SELECT date_trunc('month', current_date)::date::text AS v",
        vec![],
    )
    .await;
    assert_eq!(
        body,
        json!({ "data": { "activity": {
            "goal": { "id": goal, "name": "Increase organic website traffic" },
            "deliverablePeriod": { "id": period, "periodStart": period_start },
            "deliverable": { "id": deliverable, "name": "Monthly Blog Posts" },
            "parent": null,
            "assignee": null,
            "children": [
                { "id": first_child, "assigneeType": "HUMAN",
                  "assignee": { "email": "member@acme.test" }, "parent": { "id": parent } },
                { "id": second_child, "assigneeType": "AGENT", "assignee": null,
                  "parent": { "id": parent } }
            ],
            "runs": [
                { "id": newer_run, "activity": { "id": parent }, "adapterType": "openai",
                  "modelId": null, "status": "RUNNING", "error": null, "inputTokens": 0,
                  "outputTokens": 0, "costUsd": "0", "durationMs": null,
                  "startedOn": "2030-01-01T11:00:00+00:00", "endedOn": null },
                { "id": older_run, "activity": { "id": parent }, "adapterType": "claude",
                  "modelId": "claude-sonnet", "status": "FAILED", "error": "upstream timeout",
                  "inputTokens": 1500, "outputTokens": 700, "costUsd": "0.0215",
                  "durationMs": 30000, "startedOn": "2030-01-01T10:00:00+00:00",
                  "endedOn": "2030-01-01T10:00:30+00:00" }
            ]
        } } })
    );

    // A child's own relations: its parent, its person, no runs, the inherited period.
    let body = server
        .gql(
            Some(&member),
            "query($id: ID!) { activity(id: $id) { parent { id title } assignee { id email }
               children { id } runs { id } goal { id } deliverable { id } } }",
            json!({ "id": first_child }),
        )
        .await;
    assert_eq!(
        body,
        json!({ "data": { "activity": {
            "parent": { "id": parent, "title": "Write the launch post" },
            "assignee": { "id": member_id, "email": "member@acme.test" },
            "children": [], "runs": [], "goal": { "id": goal }, "deliverable": { "id": deliverable }
        } } })
    );
}

#[tokio::test]
async fn activity_run_returns_a_run_of_the_tenant_and_null_for_unknown_or_foreign_ids() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let failed = seeded_activity(&db, "acme", "Social Posts #7").await;
    let run = text(
        &db,
        "SELECT r.ref_id AS v FROM activity_runs r JOIN activities a ON a.id = r.activity_id
         WHERE a.ref_id = $1",
        vec![failed.as_str().into()],
    )
    .await;
    let body = server.gql(Some(&member), RUN, json!({ "id": run })).await;
    let found = data(&body, "/data/activityRun").clone();
    let started_on = found["startedOn"].clone();
    let ended_on = found["endedOn"].clone();
    assert!(started_on.is_string() && ended_on.is_string(), "{body}");
    assert_eq!(
        found,
        json!({
            "id": run, "activity": { "id": failed }, "adapterType": "claude",
            "modelId": "claude-sonnet", "status": "FAILED", "error": "upstream timeout",
            "inputTokens": 1200, "outputTokens": 800, "costUsd": "0.012", "durationMs": 42000,
            "startedOn": started_on, "endedOn": ended_on
        })
    );
    // The seeded failed activity lists that run.
    let body = server
        .gql(
            Some(&member),
            "query($id: ID!) { activity(id: $id) { runs { id status } } }",
            json!({ "id": failed }),
        )
        .await;
    assert_eq!(
        data(&body, "/data/activity/runs"),
        &json!([{ "id": run, "status": "FAILED" }])
    );

    let globex_run = text(
        &db,
        "SELECT r.ref_id AS v FROM activity_runs r JOIN tenants t ON t.id = r.tenant_id
         WHERE t.slug = 'globex' ORDER BY r.ref_id LIMIT 1",
        vec![],
    )
    .await;
    for id in [UNKNOWN_ID, globex_run.as_str()] {
        let body = server.gql(Some(&member), RUN, json!({ "id": id })).await;
        assert_eq!(body, json!({ "data": { "activityRun": null } }), "{id}");
    }
    let body = server
        .gql(Some(&member), RUN, json!({ "id": "nope" }))
        .await;
    assert_bad_input(&body, "id");
    let body = server
        .gql(Some(&member), ACTIVITY, json!({ "id": "nope" }))
        .await;
    assert_bad_input(&body, "id");
    let globex_activity = seeded_activity(&db, "globex", "Backlinks #9").await;
    for id in [UNKNOWN_ID, globex_activity.as_str()] {
        let body = server
            .gql(Some(&member), ACTIVITY, json!({ "id": id }))
            .await;
        assert_eq!(body, json!({ "data": { "activity": null } }), "{id}");
    }
}

#[tokio::test]
async fn entities_resolve_the_tenants_activities_and_runs_and_null_for_anything_else() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let member = login(&server, "member@acme.test").await;
    let acme_activity = seeded_activity(&db, "acme", "Backlinks #7").await;
    let run_of = |activity: &str| {
        text(
            &db,
            "SELECT r.ref_id AS v FROM activity_runs r JOIN activities a ON a.id = r.activity_id
             WHERE a.ref_id = $1",
            vec![activity.into()],
        )
    };
    let acme_run = run_of(&acme_activity).await;
    let globex_activity = seeded_activity(&db, "globex", "Backlinks #7").await;
    let globex_run = run_of(&globex_activity).await;
    let cancelled = seeded_activity(&db, "acme", "Backlinks #8").await;

    let representations = json!([
        { "__typename": "Activity", "id": acme_activity },
        { "__typename": "ActivityRun", "id": acme_run },
        { "__typename": "Activity", "id": globex_activity },
        { "__typename": "ActivityRun", "id": globex_run },
        { "__typename": "Activity", "id": UNKNOWN_ID },
        { "__typename": "ActivityRun", "id": UNKNOWN_ID },
        { "__typename": "Activity", "id": "not-an-id" },
        { "__typename": "ActivityRun", "id": "not-an-id" },
        { "__typename": "Activity", "id": cancelled }
    ]);
    let body = server
        .gql(Some(&member), ENTITIES, json!({ "r": representations }))
        .await;
    assert_eq!(
        body,
        json!({ "data": { "_entities": [
            { "id": acme_activity, "title": "Backlinks #7" },
            { "id": acme_run, "adapterType": "claude" },
            null, null, null, null, null, null,
            null
        ] } })
    );
    // Cancelled activities resolve for admins, as in `activity`.
    let body = server
        .gql(
            Some(&admin),
            ENTITIES,
            json!({ "r": [{ "__typename": "Activity", "id": cancelled }] }),
        )
        .await;
    assert_eq!(
        body,
        json!({ "data": { "_entities": [{ "id": cancelled, "title": "Backlinks #8" }] } })
    );
}

// ---------------------------------------------------------------------------------------------
// Gates
// ---------------------------------------------------------------------------------------------

/// Every activity read, with variables naming records of `slug`.
async fn reads(db: &TestDatabase, slug: &str) -> Vec<(&'static str, Value)> {
    let activity = seeded_activity(db, slug, "Backlinks #7").await;
    let run = text(
        db,
        "SELECT r.ref_id AS v FROM activity_runs r JOIN activities a ON a.id = r.activity_id
         WHERE a.ref_id = $1",
        vec![activity.as_str().into()],
    )
    .await;
    let user = user_ref_id(db, &format!("member@{slug}.test")).await;
    vec![
        (LIST, json!({})),
        (ACTIVITY, json!({ "id": activity })),
        (HUMAN_QUEUE, json!({ "userId": user })),
        (AGENT_QUEUE, json!({ "role": "researcher" })),
        (RUN, json!({ "id": run })),
        (
            PERIOD,
            json!({ "id": period_id(db, slug, "Backlinks").await }),
        ),
    ]
}

/// Every activity mutation, with valid variables naming records of `slug`.
async fn mutations(db: &TestDatabase, slug: &str) -> Vec<(&'static str, Value)> {
    let period = period_id(db, slug, "Backlinks").await;
    let created = seeded_activity(db, slug, "Backlinks #9").await;
    let awaiting = seeded_activity(db, slug, "Backlinks #3").await;
    vec![
        (
            CREATE,
            json!({ "input": input(json!({ "deliverablePeriodId": period })) }),
        ),
        (
            UPDATE,
            json!({ "id": created, "input": { "title": "Renamed" } }),
        ),
        (CHANGE, json!({ "id": created, "status": "IN_PROGRESS" })),
        (CHANGE, json!({ "id": awaiting, "status": "APPROVED" })),
        (
            CHANGE,
            json!({ "id": awaiting, "status": "REJECTED", "note": "No." }),
        ),
        (CANCEL, json!({ "id": created })),
    ]
}

#[tokio::test]
async fn a_tenant_that_has_not_accepted_its_contract_cannot_read_or_change_activities() {
    let (db, server) = start().await;
    let reads = reads(&db, "globex").await;
    let mutations = mutations(&db, "globex").await;
    for email in [
        "admin@globex.test",
        "member@globex.test",
        "reviewer@globex.test",
    ] {
        let token = login(&server, email).await;
        let authorization = bearer(&token);
        let headers = [("authorization", authorization.as_str())];
        for (query, variables) in &reads {
            let body = server.gql_with(&headers, query, variables.clone()).await;
            assert_code(&body, "CONTRACT_NOT_ACCEPTED");
            assert_eq!(body["data"], Value::Null, "{email}: {body}");
        }
        for (query, variables) in &mutations {
            assert_refused(
                &db,
                &server,
                &headers,
                query,
                variables.clone(),
                "CONTRACT_NOT_ACCEPTED",
            )
            .await;
        }
    }
}

#[tokio::test]
async fn a_suspended_tenant_reads_activities_but_every_activity_mutation_is_refused() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let member = login(&server, "member@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let (write_key, _) = server.create_api_key(&admin, &["READ", "WRITE"]).await;
    let reads = reads(&db, "acme").await;
    let mutations = mutations(&db, "acme").await;
    set_tenant_status(&db, "acme", "suspended").await;

    let admin_auth = bearer(&admin);
    let member_auth = bearer(&member);
    let reviewer_auth = bearer(&reviewer);
    let callers = [
        [("authorization", admin_auth.as_str())],
        [("authorization", member_auth.as_str())],
        [("authorization", reviewer_auth.as_str())],
        [("x-api-key", write_key.as_str())],
    ];
    for headers in &callers {
        for (query, variables) in &mutations {
            assert_refused(
                &db,
                &server,
                headers,
                query,
                variables.clone(),
                "TENANT_SUSPENDED",
            )
            .await;
        }
        for (query, variables) in &reads {
            let body = server.gql_with(headers, query, variables.clone()).await;
            assert!(body.get("errors").is_none(), "{query}: {body}");
        }
    }
    let body = server
        .gql(Some(&member), LIST, json!({ "first": 100 }))
        .await;
    assert_eq!(
        ids(data(&body, "/data/activities/nodes")),
        acme_ids(&db, "true", false).await
    );
}

#[tokio::test]
async fn every_activity_operation_without_credentials_is_unauthenticated() {
    let (db, server) = start().await;
    let before = plan_state(&db).await;
    for (query, variables) in reads(&db, "acme")
        .await
        .into_iter()
        .chain(mutations(&db, "acme").await)
    {
        let body = server.gql(None, query, variables).await;
        assert_code(&body, "UNAUTHENTICATED");
    }
    assert_eq!(plan_state(&db).await, before);
}

#[tokio::test]
async fn a_sub_activity_given_a_goal_other_than_its_inherited_periods_goal_is_refused() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let period = period_id(&db, "acme", "Backlinks").await;
    let parent = new_activity(&server, &admin, json!({ "deliverablePeriodId": period })).await;
    let other_goal = goal_id(&db, "acme", "organic_sessions").await;
    assert_ne!(other_goal, goal_of_period(&db, &period).await);
    let bearer = bearer(&admin);
    assert_refused(
        &db,
        &server,
        &[("authorization", bearer.as_str())],
        CREATE,
        json!({ "input": input(json!({ "parentActivityId": parent, "goalId": other_goal })) }),
        "BAD_USER_INPUT",
    )
    .await;

    let child = create(
        &server,
        &admin,
        input(json!({ "parentActivityId": parent, "goalId": goal_of_period(&db, &period).await })),
    )
    .await;
    assert_eq!(child["deliverablePeriod"]["id"], json!(period), "{child}");
}

#[tokio::test]
async fn a_goal_lists_every_live_activity_advancing_it() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    for metric in ["organic_sessions", "keyword_rankings", "domain_authority"] {
        let goal = goal_id(&db, "acme", metric).await;
        let body = server
            .gql(
                Some(&member),
                "query($id: ID!) { goal(id: $id) { activities { id goal { id } } } }",
                json!({ "id": goal }),
            )
            .await;
        let listed = ids(data(&body, "/data/goal/activities"));
        let expected = acme_ids(
            &db,
            &format!("a.goal_id = (SELECT id FROM goals WHERE ref_id = '{goal}')"),
            false,
        )
        .await;
        assert!(!expected.is_empty(), "{metric}");
        assert_eq!(listed, expected, "{metric}");
        for activity in data(&body, "/data/goal/activities")
            .as_array()
            .into_iter()
            .flatten()
        {
            assert_eq!(activity["goal"]["id"], json!(goal), "{activity}");
        }
    }
}
