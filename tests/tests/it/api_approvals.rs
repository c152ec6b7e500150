//! The approval API of the tenant subgraph end to end, over real HTTP against the demo seed:
//! requesting an approval (and the activity it moves), assigning a reviewer (and the
//! notification it writes), forwarding to the client, the four decisions and what each does to
//! the activity (and, for a strategy review, the strategy), every refusal (bad input, wrong
//! role, read-only keys, contract, suspension, not pending, expired by time, wrong type), two
//! reviewers deciding at once, the queue and the list with their filters and cursors, the
//! relations, and the change events published on commit. Every refused mutation is followed by
//! a read-back of the tables an approval touches proving it changed nothing.

use leadmetrics_tests::api::{
    Caller, UNKNOWN_ID, assert_code, assert_refused_unchanged, bearer, data, id_of, ids,
    next_millisecond,
};
use leadmetrics_tests::server::{DEMO_PASSWORD, TestServer, error_code, set_tenant_status};
use leadmetrics_tests::world::{start, table_rows, user_ref_id};
use leadmetrics_tests::{TestDatabase, database_url, exec_with, get, query_one};
use serde_json::{Value, json};
use std::time::Duration;

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

/// Every field of an approval and the ids of its relations.
macro_rules! approval_fields {
    () => {
        "id type riskLevel status title contentRef reviewerNotes chosenOption expiresAt resolvedAt
         sentToClientAt createdOn updatedOn activity { id status } reviewer { id } resolvedBy { id }"
    };
}

const CREATE: &str = concat!(
    "mutation($input: CreateApprovalInput!) { createApproval(input: $input) { ",
    approval_fields!(),
    " } }"
);

const ASSIGN: &str = concat!(
    "mutation($id: ID!, $reviewerId: ID!) { assignApprovalReviewer(id: $id, reviewerId: $reviewerId) { ",
    approval_fields!(),
    " } }"
);

const APPROVE: &str = concat!(
    "mutation($id: ID!, $notes: String) { approveApproval(id: $id, notes: $notes) { ",
    approval_fields!(),
    " } }"
);

const REJECT: &str = concat!(
    "mutation($id: ID!, $notes: String!) { rejectApproval(id: $id, notes: $notes) { ",
    approval_fields!(),
    " } }"
);

const REVISE: &str = concat!(
    "mutation($id: ID!, $notes: String!) { requestApprovalRevision(id: $id, notes: $notes) { ",
    approval_fields!(),
    " } }"
);

const CHOOSE: &str = concat!(
    "mutation($id: ID!, $option: String!, $notes: String) { chooseApprovalOption(id: $id, option: $option, notes: $notes) { ",
    approval_fields!(),
    " } }"
);

const SEND: &str = concat!(
    "mutation($id: ID!) { markApprovalSentToClient(id: $id) { ",
    approval_fields!(),
    " } }"
);

const APPROVAL: &str = concat!(
    "query($id: ID!) { approval(id: $id) { ",
    approval_fields!(),
    " } }"
);

const QUEUE: &str = "query($filter: ApprovalQueueFilter, $first: Int, $after: String, $last: Int, $before: String) {
  approvalQueue(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    pageInfo { hasPreviousPage hasNextPage startCursor endCursor }
    edges { cursor node { id } }
    nodes { id expiresAt } } }";

const LIST: &str = "query($filter: ApprovalFilter, $first: Int, $after: String) {
  approvals(filter: $filter, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { id } } }";

const ACTIVITY_APPROVALS: &str = "query($id: ID!) { activity(id: $id) { id status revisionNote rejectionNote approvals { id status } } }";

const ENTITIES: &str = "query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Approval { id title activity { id } } } }";

/// The tables an approval request may change.
const TABLES: [&str; 4] = ["approvals", "activities", "notifications", "strategies"];

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

/// Creates an agent activity and moves it to `IN_PROGRESS` (with the goal `goal`, if any);
/// returns its id.
async fn working_activity(server: &TestServer, token: &str, goal: Option<&str>) -> String {
    let body = server
        .gql(
            Some(token),
            "mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }",
            json!({ "input": {
                "title": "Write the launch post", "type": "WRITE",
                "assignee": { "type": "AGENT", "agentRole": "copywriter" }, "goalId": goal
            } }),
        )
        .await;
    let id = id_of(data(&body, "/data/createActivity"));
    let body = server
        .gql(
            Some(token),
            "mutation($id: ID!) { changeActivityStatus(id: $id, status: IN_PROGRESS) { status } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(
        data(&body, "/data/changeActivityStatus/status"),
        "IN_PROGRESS"
    );
    id
}

/// A minimal approval input for `activity`, with the fields of `extra` added or replaced.
fn input(activity: &str, extra: Value) -> Value {
    let mut input =
        json!({ "activityId": activity, "type": "CONTENT_REVIEW", "title": "Launch post" });
    if let (Some(fields), Value::Object(extra)) = (input.as_object_mut(), extra) {
        fields.extend(extra);
    }
    input
}

/// Requests an approval; returns it.
async fn request(server: &TestServer, token: &str, input: Value) -> Value {
    let body = server
        .gql(Some(token), CREATE, json!({ "input": input }))
        .await;
    data(&body, "/data/createApproval").clone()
}

/// A pending approval of a new working activity, with `extra` input; returns (approval id,
/// activity id).
async fn pending(server: &TestServer, token: &str, extra: Value) -> (String, String) {
    let activity = working_activity(server, token, None).await;
    let approval = request(server, token, input(&activity, extra)).await;
    (id_of(&approval), activity)
}

/// Reads one approval.
async fn approval(server: &TestServer, token: &str, id: &str) -> Value {
    let body = server.gql(Some(token), APPROVAL, json!({ "id": id })).await;
    data(&body, "/data/approval").clone()
}

/// Runs a mutation; returns the value of its one field (panics on errors).
async fn run(server: &TestServer, token: &str, query: &str, variables: Value) -> Value {
    let body = server.gql(Some(token), query, variables).await;
    let object = data(&body, "/data")
        .as_object()
        .cloned()
        .unwrap_or_default();
    object
        .into_iter()
        .next()
        .map(|(_, value)| value)
        .unwrap_or(Value::Null)
}

/// Asserts that `query` with `variables`, run by the holder of `token`, fails with `code` and
/// changes none of [`TABLES`].
async fn refused(
    db: &TestDatabase,
    server: &TestServer,
    token: &str,
    query: &str,
    variables: Value,
    code: &str,
    field: Option<&str>,
) {
    let caller = Caller::with_headers(server, "caller", vec![("authorization", bearer(token))]);
    assert_refused_unchanged(db, &caller, &TABLES, query, variables, code, field).await;
}

/// The database status of an activity (`in_progress`, …).
async fn activity_status(db: &TestDatabase, id: &str) -> String {
    text(
        db,
        "SELECT status::text AS v FROM activities WHERE ref_id = $1",
        vec![id.into()],
    )
    .await
}

/// Sets an approval's expiry `interval` from now (`'-1 minute'`) directly in the database.
async fn set_expiry(db: &TestDatabase, id: &str, interval: &str) {
    let changed = exec_with(
        &db.owner,
        "UPDATE approvals SET expires_at = now() + $1::interval WHERE ref_id = $2",
        [interval.into(), id.into()],
    )
    .await;
    assert_eq!(changed.ok(), Some(1));
}

/// A submitted strategy of acme with one goal (created by `admin`); returns (strategy, goal).
async fn submitted_strategy(server: &TestServer, admin: &str) -> (String, String) {
    let strategy = run(
        server,
        admin,
        "mutation { createStrategy(input: { summary: \"Next\" }) { id } }",
        json!({}),
    )
    .await;
    let strategy = id_of(&strategy);
    let goal = run(
        server,
        admin,
        "mutation($input: CreateGoalInput!) { createGoal(input: $input) { id } }",
        json!({ "input": {
            "strategyId": strategy, "name": "Leads", "metric": "leads",
            "targetValue": "100", "period": "MONTHLY"
        } }),
    )
    .await;
    let goal = id_of(&goal);
    let submitted = run(
        server,
        admin,
        "mutation($id: ID!) { submitStrategy(id: $id) { status } }",
        json!({ "id": strategy }),
    )
    .await;
    assert_eq!(submitted["status"], "AWAITING_APPROVAL");
    (strategy, goal)
}

/// The status of a strategy (schema value) and of the tenant's active one.
async fn strategy_status(server: &TestServer, token: &str, id: &str) -> String {
    let body = server
        .gql(
            Some(token),
            "query($id: ID!) { strategy(id: $id) { status } }",
            json!({ "id": id }),
        )
        .await;
    data(&body, "/data/strategy/status")
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

// ---------------------------------------------------------------------------------------------
// createApproval
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn requesting_an_approval_moves_an_in_progress_activity_to_awaiting_approval_for_72_hours() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let activity = working_activity(&server, &member, None).await;
    let before = chrono::Utc::now();
    let created = request(
        &server,
        &member,
        input(
            &activity,
            json!({ "title": "  Launch post  ", "riskLevel": "HIGH",
                    "contentRef": "65a1b2c3d4e5f60718293a4b" }),
        ),
    )
    .await;
    assert_eq!(
        created,
        json!({
            "id": created["id"], "type": "CONTENT_REVIEW", "riskLevel": "HIGH", "status": "PENDING",
            "title": "Launch post", "contentRef": "65a1b2c3d4e5f60718293a4b", "reviewerNotes": null,
            "chosenOption": null, "expiresAt": created["expiresAt"], "resolvedAt": null,
            "sentToClientAt": null, "createdOn": created["createdOn"], "updatedOn": null,
            "activity": { "id": activity, "status": "AWAITING_APPROVAL" }, "reviewer": null,
            "resolvedBy": null
        })
    );
    let expires: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(created["expiresAt"].clone()).unwrap_or_default();
    let hours = (expires - before).num_minutes() as f64 / 60.0;
    assert!((71.9..=72.1).contains(&hours), "{hours}");
    assert_eq!(activity_status(&db, &activity).await, "awaiting_approval");
    assert_eq!(approval(&server, &member, &id_of(&created)).await, created);
    // The default risk is LOW; a given expiry is kept.
    let other = working_activity(&server, &member, None).await;
    let at = (chrono::Utc::now() + chrono::Duration::days(10)).to_rfc3339();
    let second = request(&server, &member, input(&other, json!({ "expiresAt": at }))).await;
    assert_eq!(second["riskLevel"], "LOW");
    let stored: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(second["expiresAt"].clone()).unwrap_or_default();
    let given: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(json!(at)).unwrap_or_default();
    assert!(
        (stored - given).num_milliseconds().abs() < 1,
        "{stored} {given}"
    );
}

#[tokio::test]
async fn an_activity_already_awaiting_approval_stays_there_and_a_named_reviewer_is_notified() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let reviewer_id = user_ref_id(&db, "reviewer@acme.test").await;
    let activity = text(
        &db,
        "SELECT a.ref_id AS v FROM activities a JOIN tenants t ON t.id = a.tenant_id
         WHERE t.slug = 'acme' AND a.title = 'Backlinks #3'",
        vec![],
    )
    .await;
    assert_eq!(activity_status(&db, &activity).await, "awaiting_approval");
    let created = request(
        &server,
        &member,
        input(
            &activity,
            json!({ "reviewerId": reviewer_id, "type": "HIRE_AGENT" }),
        ),
    )
    .await;
    assert_eq!(created["reviewer"], json!({ "id": reviewer_id }));
    assert_eq!(created["activity"]["status"], "AWAITING_APPROVAL");
    let notification = query_one(
        &db.owner,
        "SELECT n.type, n.subject_type, n.subject_ref_id, n.message, u.email, n.read
         FROM notifications n JOIN users u ON u.id = n.user_id",
        [],
    )
    .await;
    assert_eq!(get::<String>(&notification, "type"), "approval_assigned");
    assert_eq!(get::<String>(&notification, "subject_type"), "approval");
    assert_eq!(
        get::<String>(&notification, "subject_ref_id"),
        id_of(&created)
    );
    assert_eq!(get::<String>(&notification, "email"), "reviewer@acme.test");
    assert!(get::<String>(&notification, "message").contains("Launch post"));
    assert!(!get::<bool>(&notification, "read"));
    // The reviewer reads it in their queue.
    let body = server
        .gql(
            Some(&reviewer),
            QUEUE,
            json!({ "filter": { "reviewerId": reviewer_id } }),
        )
        .await;
    assert_eq!(
        ids(data(&body, "/data/approvalQueue/nodes")),
        vec![id_of(&created)]
    );
}

#[tokio::test]
async fn bad_approval_requests_are_refused_and_change_nothing() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let activity = working_activity(&server, &member, None).await;
    let member_id = user_ref_id(&db, "member@acme.test").await;
    let past = (chrono::Utc::now() - chrono::Duration::minutes(1)).to_rfc3339();
    let too_far = (chrono::Utc::now() + chrono::Duration::days(91)).to_rfc3339();
    let cases: Vec<(Value, &str, Option<&str>)> = vec![
        (json!({ "title": "  " }), "BAD_USER_INPUT", Some("title")),
        (
            json!({ "title": "x".repeat(501) }),
            "BAD_USER_INPUT",
            Some("title"),
        ),
        (
            json!({ "contentRef": "65A1B2C3D4E5F60718293A4B" }),
            "BAD_USER_INPUT",
            Some("contentRef"),
        ),
        (
            json!({ "contentRef": "65a1b2" }),
            "BAD_USER_INPUT",
            Some("contentRef"),
        ),
        (
            json!({ "expiresAt": past }),
            "BAD_USER_INPUT",
            Some("expiresAt"),
        ),
        (
            json!({ "expiresAt": too_far }),
            "BAD_USER_INPUT",
            Some("expiresAt"),
        ),
        (
            json!({ "activityId": "not-an-id" }),
            "BAD_USER_INPUT",
            Some("activityId"),
        ),
        (json!({ "activityId": UNKNOWN_ID }), "NOT_FOUND", None),
        (
            json!({ "reviewerId": member_id }),
            "BAD_USER_INPUT",
            Some("reviewerId"),
        ),
        (json!({ "reviewerId": UNKNOWN_ID }), "NOT_FOUND", None),
    ];
    for (extra, code, field) in cases {
        refused(
            &db,
            &server,
            &member,
            CREATE,
            json!({ "input": input(&activity, extra) }),
            code,
            field,
        )
        .await;
    }
    // Only IN_PROGRESS and AWAITING_APPROVAL activities (not assigned, approved, completed,
    // cancelled or created ones).
    for title in [
        "Backlinks #1",
        "Backlinks #4",
        "Backlinks #6",
        "Backlinks #9",
    ] {
        let other = text(
            &db,
            "SELECT a.ref_id AS v FROM activities a JOIN tenants t ON t.id = a.tenant_id
             WHERE t.slug = 'acme' AND a.title = $1",
            vec![title.into()],
        )
        .await;
        refused(
            &db,
            &server,
            &member,
            CREATE,
            json!({ "input": input(&other, json!({})) }),
            "CONFLICT",
            None,
        )
        .await;
    }
    // One pending approval per activity.
    request(&server, &member, input(&activity, json!({}))).await;
    let body = server
        .gql(
            Some(&member),
            CREATE,
            json!({ "input": input(&activity, json!({})) }),
        )
        .await;
    assert_code(&body, "CONFLICT");
    assert!(
        body.to_string().contains("already has a pending approval"),
        "{body}"
    );
}

#[tokio::test]
async fn reviewers_and_read_only_keys_cannot_request_approvals_but_read_write_keys_can() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let activity = working_activity(&server, &admin, None).await;
    let (read_key, _) = server.create_api_key(&admin, &["READ"]).await;
    let (write_key, _) = server.create_api_key(&admin, &["READ", "WRITE"]).await;
    let variables = json!({ "input": input(&activity, json!({})) });
    for headers in [
        vec![("authorization", bearer(&reviewer))],
        vec![("x-api-key", read_key.clone())],
    ] {
        let caller = Caller::with_headers(&server, "caller", headers);
        assert_refused_unchanged(
            &db,
            &caller,
            &TABLES,
            CREATE,
            variables.clone(),
            "FORBIDDEN",
            None,
        )
        .await;
    }
    let body = server
        .gql_with(&[("x-api-key", write_key.as_str())], CREATE, variables)
        .await;
    assert_eq!(data(&body, "/data/createApproval/status"), "PENDING");
}

// ---------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn approving_resolves_the_approval_as_the_reviewer_and_approves_the_activity() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let reviewer_id = user_ref_id(&db, "reviewer@acme.test").await;
    let (id, activity) = pending(&server, &member, json!({})).await;
    let approved = run(
        &server,
        &reviewer,
        APPROVE,
        json!({ "id": id, "notes": " Looks good. " }),
    )
    .await;
    assert_eq!(approved["status"], "APPROVED");
    assert_eq!(approved["reviewerNotes"], "Looks good.");
    assert_eq!(approved["resolvedBy"], json!({ "id": reviewer_id }));
    assert!(approved["resolvedAt"].is_string(), "{approved}");
    assert!(approved["updatedOn"].is_string(), "{approved}");
    assert_eq!(approved["activity"]["status"], "APPROVED");
    assert_eq!(activity_status(&db, &activity).await, "approved");
    // Approving without notes.
    let (other, _) = pending(&server, &member, json!({})).await;
    let approved = run(&server, &reviewer, APPROVE, json!({ "id": other })).await;
    assert_eq!(approved["reviewerNotes"], Value::Null);
    // Out of the queue, in the list of approved ones.
    let body = server.gql(Some(&member), QUEUE, json!({})).await;
    assert!(ids(data(&body, "/data/approvalQueue/nodes")).is_empty());
    let body = server
        .gql(
            Some(&member),
            LIST,
            json!({ "filter": { "status": ["APPROVED"] } }),
        )
        .await;
    assert_eq!(ids(data(&body, "/data/approvals/nodes")), vec![id, other]);
}

#[tokio::test]
async fn rejecting_needs_notes_and_rejects_the_activity_with_them() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let admin = login(&server, "admin@acme.test").await;
    let (id, activity) = pending(&server, &member, json!({})).await;
    for notes in ["", "   ", &"x".repeat(5_001)] {
        refused(
            &db,
            &server,
            &admin,
            REJECT,
            json!({ "id": id, "notes": notes }),
            "BAD_USER_INPUT",
            Some("notes"),
        )
        .await;
    }
    let rejected = run(
        &server,
        &admin,
        REJECT,
        json!({ "id": id, "notes": "Off brand." }),
    )
    .await;
    assert_eq!(rejected["status"], "REJECTED");
    assert_eq!(rejected["reviewerNotes"], "Off brand.");
    let body = server
        .gql(Some(&member), ACTIVITY_APPROVALS, json!({ "id": activity }))
        .await;
    assert_eq!(
        data(&body, "/data/activity"),
        &json!({ "id": activity, "status": "REJECTED", "revisionNote": null,
                 "rejectionNote": "Off brand.", "approvals": [{ "id": id, "status": "REJECTED" }] })
    );
}

#[tokio::test]
async fn a_revision_request_sends_the_activity_back_in_progress_with_the_notes() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let (id, activity) = pending(&server, &member, json!({})).await;
    refused(
        &db,
        &server,
        &reviewer,
        REVISE,
        json!({ "id": id, "notes": " " }),
        "BAD_USER_INPUT",
        Some("notes"),
    )
    .await;
    let revised = run(
        &server,
        &reviewer,
        REVISE,
        json!({ "id": id, "notes": "Shorter intro." }),
    )
    .await;
    assert_eq!(revised["status"], "REVISION_REQUESTED");
    assert!(revised["resolvedAt"].is_string());
    let body = server
        .gql(Some(&member), ACTIVITY_APPROVALS, json!({ "id": activity }))
        .await;
    assert_eq!(
        data(&body, "/data/activity"),
        &json!({ "id": activity, "status": "IN_PROGRESS", "revisionNote": "Shorter intro.",
                 "rejectionNote": null, "approvals": [{ "id": id, "status": "REVISION_REQUESTED" }] })
    );
    // The reworked activity asks again: a second approval, listed newest first.
    next_millisecond().await;
    let again = request(&server, &member, input(&activity, json!({}))).await;
    let body = server
        .gql(Some(&member), ACTIVITY_APPROVALS, json!({ "id": activity }))
        .await;
    assert_eq!(
        data(&body, "/data/activity/approvals"),
        &json!([{ "id": id_of(&again), "status": "PENDING" }, { "id": id, "status": "REVISION_REQUESTED" }])
    );
}

#[tokio::test]
async fn choosing_an_option_resolves_only_a_direction_approval_as_approved() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    for kind in ["CONTENT_REVIEW", "STRATEGY_REVIEW", "HIRE_AGENT"] {
        let (id, _) = pending(&server, &member, json!({ "type": kind })).await;
        refused(
            &db,
            &server,
            &reviewer,
            CHOOSE,
            json!({ "id": id, "option": "A" }),
            "CONFLICT",
            None,
        )
        .await;
    }
    for kind in ["BRAND_DIRECTION", "CONTENT_DIRECTION"] {
        let (id, activity) = pending(&server, &member, json!({ "type": kind })).await;
        for option in [" ", &"x".repeat(256)] {
            refused(
                &db,
                &server,
                &reviewer,
                CHOOSE,
                json!({ "id": id, "option": option }),
                "BAD_USER_INPUT",
                Some("option"),
            )
            .await;
        }
        let chosen = run(
            &server,
            &reviewer,
            CHOOSE,
            json!({ "id": id, "option": " Direction B ", "notes": "Bolder." }),
        )
        .await;
        assert_eq!(chosen["status"], "APPROVED", "{kind}");
        assert_eq!(chosen["chosenOption"], "Direction B");
        assert_eq!(chosen["reviewerNotes"], "Bolder.");
        assert_eq!(activity_status(&db, &activity).await, "approved");
    }
}

#[tokio::test]
async fn sending_to_the_client_is_recorded_once_and_leaves_the_approval_pending() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let (id, activity) = pending(&server, &member, json!({})).await;
    refused(
        &db,
        &server,
        &member,
        SEND,
        json!({ "id": id }),
        "FORBIDDEN",
        None,
    )
    .await;
    let sent = run(&server, &reviewer, SEND, json!({ "id": id })).await;
    assert_eq!(sent["status"], "PENDING");
    assert!(sent["sentToClientAt"].is_string(), "{sent}");
    assert_eq!(activity_status(&db, &activity).await, "awaiting_approval");
    refused(
        &db,
        &server,
        &reviewer,
        SEND,
        json!({ "id": id }),
        "CONFLICT",
        None,
    )
    .await;
    // Still decidable.
    let approved = run(&server, &reviewer, APPROVE, json!({ "id": id })).await;
    assert_eq!(approved["sentToClientAt"], sent["sentToClientAt"]);
}

#[tokio::test]
async fn assigning_a_reviewer_notifies_them_and_only_reviewers_and_admins_may_assign() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let member = login(&server, "member@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let reviewer_id = user_ref_id(&db, "reviewer@acme.test").await;
    let admin_id = user_ref_id(&db, "admin@acme.test").await;
    let member_id = user_ref_id(&db, "member@acme.test").await;
    let (write_key, _) = server.create_api_key(&admin, &["READ", "WRITE"]).await;
    let (id, _) = pending(&server, &member, json!({})).await;
    let variables = json!({ "id": id, "reviewerId": reviewer_id });
    refused(
        &db,
        &server,
        &member,
        ASSIGN,
        variables.clone(),
        "FORBIDDEN",
        None,
    )
    .await;
    let key = Caller::with_headers(&server, "key", vec![("x-api-key", write_key)]);
    assert_refused_unchanged(
        &db,
        &key,
        &TABLES,
        ASSIGN,
        variables.clone(),
        "FORBIDDEN",
        None,
    )
    .await;
    // Only active reviewers and admins of the tenant.
    refused(
        &db,
        &server,
        &admin,
        ASSIGN,
        json!({ "id": id, "reviewerId": member_id }),
        "BAD_USER_INPUT",
        Some("reviewerId"),
    )
    .await;
    refused(
        &db,
        &server,
        &admin,
        ASSIGN,
        json!({ "id": id, "reviewerId": UNKNOWN_ID }),
        "NOT_FOUND",
        None,
    )
    .await;
    refused(
        &db,
        &server,
        &admin,
        ASSIGN,
        json!({ "id": UNKNOWN_ID, "reviewerId": reviewer_id }),
        "NOT_FOUND",
        None,
    )
    .await;
    exec_with(
        &db.owner,
        "UPDATE users SET status = 'deactivated' WHERE email = 'admin@acme.test'",
        [],
    )
    .await
    .ok();
    refused(
        &db,
        &server,
        &reviewer,
        ASSIGN,
        json!({ "id": id, "reviewerId": admin_id }),
        "BAD_USER_INPUT",
        Some("reviewerId"),
    )
    .await;

    let assigned = run(&server, &reviewer, ASSIGN, variables).await;
    assert_eq!(assigned["reviewer"], json!({ "id": reviewer_id }));
    assert_eq!(assigned["status"], "PENDING");
    let notified = text(
        &db,
        "SELECT string_agg(u.email || ':' || n.type || ':' || n.subject_ref_id, ',') AS v
         FROM notifications n JOIN users u ON u.id = n.user_id",
        vec![],
    )
    .await;
    assert_eq!(
        notified,
        format!("reviewer@acme.test:approval_assigned:{id}")
    );
}

#[tokio::test]
async fn members_api_keys_and_operators_cannot_decide_approvals() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let member = login(&server, "member@acme.test").await;
    let (write_key, _) = server.create_api_key(&admin, &["READ", "WRITE"]).await;
    let acme = leadmetrics_tests::server::tenant_ref_id(&db, "acme").await;
    let operator = Caller::operator(&server, &acme).await;
    let (id, _) = pending(&server, &member, json!({ "type": "BRAND_DIRECTION" })).await;
    let decisions = [
        (APPROVE, json!({ "id": id })),
        (REJECT, json!({ "id": id, "notes": "No." })),
        (REVISE, json!({ "id": id, "notes": "Again." })),
        (CHOOSE, json!({ "id": id, "option": "A" })),
    ];
    let callers = [
        Caller::with_headers(&server, "member", vec![("authorization", bearer(&member))]),
        Caller::with_headers(&server, "key", vec![("x-api-key", write_key)]),
        operator,
    ];
    for caller in &callers {
        for (query, variables) in &decisions {
            assert_refused_unchanged(
                &db,
                caller,
                &TABLES,
                query,
                variables.clone(),
                "FORBIDDEN",
                None,
            )
            .await;
        }
    }
}

#[tokio::test]
async fn a_resolved_approval_cannot_be_decided_assigned_or_sent_again() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let reviewer_id = user_ref_id(&db, "reviewer@acme.test").await;
    for (first, first_variables) in [
        (APPROVE, json!({})),
        (REJECT, json!({ "notes": "No." })),
        (REVISE, json!({ "notes": "Again." })),
    ] {
        let (id, _) = pending(&server, &member, json!({ "type": "CONTENT_DIRECTION" })).await;
        let mut variables = first_variables.clone();
        variables["id"] = json!(id);
        run(&server, &reviewer, first, variables).await;
        for (query, variables) in [
            (APPROVE, json!({ "id": id })),
            (REJECT, json!({ "id": id, "notes": "No." })),
            (REVISE, json!({ "id": id, "notes": "Again." })),
            (CHOOSE, json!({ "id": id, "option": "A" })),
            (SEND, json!({ "id": id })),
            (ASSIGN, json!({ "id": id, "reviewerId": reviewer_id })),
        ] {
            refused(&db, &server, &reviewer, query, variables, "CONFLICT", None).await;
        }
    }
}

#[tokio::test]
async fn an_approval_past_its_expiry_is_expired_even_before_the_job_marks_it() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let reviewer_id = user_ref_id(&db, "reviewer@acme.test").await;
    let (due, _) = pending(&server, &member, json!({ "type": "BRAND_DIRECTION" })).await;
    set_expiry(&db, &due, "-1 minute").await;
    let (expired, _) = pending(&server, &member, json!({ "type": "BRAND_DIRECTION" })).await;
    exec_with(
        &db.owner,
        "UPDATE approvals SET status = 'expired' WHERE ref_id = $1",
        [expired.clone().into()],
    )
    .await
    .ok();
    for id in [&due, &expired] {
        for (query, variables) in [
            (APPROVE, json!({ "id": id })),
            (REJECT, json!({ "id": id, "notes": "No." })),
            (REVISE, json!({ "id": id, "notes": "Again." })),
            (CHOOSE, json!({ "id": id, "option": "A" })),
            (SEND, json!({ "id": id })),
            (ASSIGN, json!({ "id": id, "reviewerId": reviewer_id })),
        ] {
            let body = server.gql(Some(&reviewer), query, variables.clone()).await;
            assert!(body.to_string().contains("expired"), "{body}");
            refused(&db, &server, &reviewer, query, variables, "CONFLICT", None).await;
        }
    }
    // The due one stays in the queue (first: soonest to expire) until the job marks it.
    let body = server.gql(Some(&member), QUEUE, json!({})).await;
    assert_eq!(ids(data(&body, "/data/approvalQueue/nodes")), vec![due]);
}

// ---------------------------------------------------------------------------------------------
// Strategy reviews
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn approving_a_strategy_review_activates_the_strategy_and_archives_the_active_one() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let active = text(
        &db,
        "SELECT s.ref_id AS v FROM strategies s JOIN tenants t ON t.id = s.tenant_id
         WHERE t.slug = 'acme' AND s.status = 'active'",
        vec![],
    )
    .await;
    let (strategy, goal) = submitted_strategy(&server, &admin).await;
    let activity = working_activity(&server, &admin, Some(&goal)).await;
    let approval = request(
        &server,
        &admin,
        input(&activity, json!({ "type": "STRATEGY_REVIEW" })),
    )
    .await;
    let approved = run(
        &server,
        &reviewer,
        APPROVE,
        json!({ "id": id_of(&approval) }),
    )
    .await;
    assert_eq!(approved["status"], "APPROVED");
    assert_eq!(strategy_status(&server, &admin, &strategy).await, "ACTIVE");
    assert_eq!(strategy_status(&server, &admin, &active).await, "ARCHIVED");
    let approved_by = text(
        &db,
        "SELECT u.email AS v FROM strategies s JOIN users u ON u.id = s.approved_by WHERE s.ref_id = $1",
        vec![strategy.into()],
    )
    .await;
    assert_eq!(approved_by, "reviewer@acme.test");
    assert_eq!(activity_status(&db, &activity).await, "approved");
}

#[tokio::test]
async fn rejecting_or_revising_a_strategy_review_sends_the_strategy_back_to_draft() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    for (query, notes) in [(REJECT, "Wrong goals."), (REVISE, "Add a goal for leads.")] {
        let (strategy, goal) = submitted_strategy(&server, &admin).await;
        let activity = working_activity(&server, &admin, Some(&goal)).await;
        let approval = request(
            &server,
            &admin,
            input(&activity, json!({ "type": "STRATEGY_REVIEW" })),
        )
        .await;
        run(
            &server,
            &reviewer,
            query,
            json!({ "id": id_of(&approval), "notes": notes }),
        )
        .await;
        assert_eq!(strategy_status(&server, &admin, &strategy).await, "DRAFT");
        assert_ne!(activity_status(&db, &activity).await, "awaiting_approval");
    }
}

#[tokio::test]
async fn a_strategy_review_without_a_strategy_awaiting_approval_is_a_conflict_and_changes_nothing()
{
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    // No goal at all.
    let (no_goal, _) = pending(&server, &admin, json!({ "type": "STRATEGY_REVIEW" })).await;
    // The goal of the active strategy (not awaiting approval).
    let active_goal = text(
        &db,
        "SELECT g.ref_id AS v FROM goals g JOIN strategies s ON s.id = g.strategy_id
         JOIN tenants t ON t.id = s.tenant_id
         WHERE t.slug = 'acme' AND s.status = 'active' ORDER BY g.ref_id LIMIT 1",
        vec![],
    )
    .await;
    let activity = working_activity(&server, &admin, Some(&active_goal)).await;
    let of_active = id_of(
        &request(
            &server,
            &admin,
            input(&activity, json!({ "type": "STRATEGY_REVIEW" })),
        )
        .await,
    );
    for id in [no_goal, of_active] {
        for (query, variables) in [
            (APPROVE, json!({ "id": id })),
            (REJECT, json!({ "id": id, "notes": "No." })),
            (REVISE, json!({ "id": id, "notes": "Again." })),
        ] {
            refused(&db, &server, &reviewer, query, variables, "CONFLICT", None).await;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Concurrency
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn two_reviewers_deciding_at_once_exactly_one_wins() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let admin = login(&server, "admin@acme.test").await;
    for _ in 0..5 {
        let (id, activity) = pending(&server, &member, json!({})).await;
        let (approved, rejected) = tokio::join!(
            server.gql(Some(&reviewer), APPROVE, json!({ "id": id })),
            server.gql(Some(&admin), REJECT, json!({ "id": id, "notes": "No." })),
        );
        let winners: Vec<&Value> = [&approved, &rejected]
            .into_iter()
            .filter(|body| body.get("errors").is_none())
            .collect();
        assert_eq!(winners.len(), 1, "{approved} {rejected}");
        let losers: Vec<Option<&str>> = [&approved, &rejected]
            .into_iter()
            .filter(|body| body.get("errors").is_some())
            .map(error_code)
            .collect();
        assert_eq!(losers, vec![Some("CONFLICT")]);
        let status = text(
            &db,
            "SELECT status::text AS v FROM approvals WHERE ref_id = $1",
            vec![id.clone().into()],
        )
        .await;
        let activity = activity_status(&db, &activity).await;
        if approved.get("errors").is_none() {
            assert_eq!(
                (status.as_str(), activity.as_str()),
                ("approved", "approved")
            );
        } else {
            assert_eq!(
                (status.as_str(), activity.as_str()),
                ("rejected", "rejected")
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Queue and list
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn the_queue_lists_pending_approvals_soonest_to_expire_first_with_stable_cursors() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let reviewer_id = user_ref_id(&db, "reviewer@acme.test").await;
    // Created in one order, expiring in another; two expire at the same instant.
    let at = |hours: i64| (chrono::Utc::now() + chrono::Duration::hours(hours)).to_rfc3339();
    let same = at(30);
    let plan: [(i64, &str, &str); 6] = [
        (50, "CONTENT_REVIEW", "LOW"),
        (10, "HIRE_AGENT", "HIGH"),
        (30, "CONTENT_REVIEW", "HIGH"),
        (30, "BRAND_DIRECTION", "LOW"),
        (20, "CONTENT_REVIEW", "CRITICAL"),
        (40, "CONTENT_REVIEW", "HIGH"),
    ];
    let mut made = Vec::new();
    for (hours, kind, risk) in plan {
        let expires = if hours == 30 { same.clone() } else { at(hours) };
        let (id, activity) = pending(
            &server,
            &member,
            json!({ "type": kind, "riskLevel": risk, "expiresAt": expires }),
        )
        .await;
        made.push((hours, id, activity));
    }
    let expected: Vec<String> = {
        let mut sorted = made.clone();
        sorted.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
        sorted.into_iter().map(|(_, id, _)| id).collect()
    };
    // Page by two, forwards.
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let body = server
            .gql(Some(&member), QUEUE, json!({ "first": 2, "after": after }))
            .await;
        seen.extend(ids(data(&body, "/data/approvalQueue/nodes")));
        let info = data(&body, "/data/approvalQueue/pageInfo").clone();
        assert_eq!(info["hasPreviousPage"], json!(after.is_some()));
        if info["hasNextPage"] == json!(false) {
            break;
        }
        after = info["endCursor"].as_str().map(str::to_owned);
    }
    assert_eq!(seen, expected);
    // Backwards from the end.
    let body = server.gql(Some(&member), QUEUE, json!({ "last": 2 })).await;
    assert_eq!(
        ids(data(&body, "/data/approvalQueue/nodes")),
        expected[4..].to_vec()
    );
    assert_eq!(
        data(&body, "/data/approvalQueue/pageInfo/hasPreviousPage"),
        true
    );
    let body = server
        .gql(
            Some(&member),
            QUEUE,
            json!({ "last": 2, "before": expected[4] }),
        )
        .await;
    assert_eq!(
        ids(data(&body, "/data/approvalQueue/nodes")),
        expected[2..4].to_vec()
    );
    // A cursor stays valid when its approval leaves the queue.
    let cursor = expected[1].clone();
    run(&server, &reviewer, APPROVE, json!({ "id": cursor })).await;
    let body = server
        .gql(
            Some(&member),
            QUEUE,
            json!({ "first": 10, "after": cursor }),
        )
        .await;
    assert_eq!(
        ids(data(&body, "/data/approvalQueue/nodes")),
        expected[2..].to_vec()
    );
    // Unknown and malformed cursors.
    let body = server
        .gql(Some(&member), QUEUE, json!({ "after": UNKNOWN_ID }))
        .await;
    assert!(ids(data(&body, "/data/approvalQueue/nodes")).is_empty());
    let body = server
        .gql(Some(&member), QUEUE, json!({ "after": "nope" }))
        .await;
    assert_code(&body, "BAD_USER_INPUT");
    let body = server
        .gql(Some(&member), QUEUE, json!({ "first": 100_000 }))
        .await;
    assert_code(&body, "BAD_USER_INPUT");
    // Filters: the approvals still pending with `kind` and `risk` (None: any), in queue order.
    let pick = |kind: Option<&str>, risk: Option<&str>| -> Vec<String> {
        expected
            .iter()
            .filter(|id| **id != cursor)
            .filter(|id| {
                made.iter()
                    .zip(plan.iter())
                    .any(|((_, made_id, _), (_, k, r))| {
                        made_id == *id
                            && kind.is_none_or(|kind| kind == *k)
                            && risk.is_none_or(|risk| risk == *r)
                    })
            })
            .cloned()
            .collect()
    };
    let queue = |filter: Value| {
        let server = &server;
        let member = &member;
        async move {
            let body = server
                .gql(
                    Some(member),
                    QUEUE,
                    json!({ "filter": filter, "first": 50 }),
                )
                .await;
            ids(data(&body, "/data/approvalQueue/nodes"))
        }
    };
    assert_eq!(
        queue(json!({ "riskLevel": "HIGH" })).await,
        pick(None, Some("HIGH"))
    );
    assert_eq!(
        queue(json!({ "type": "CONTENT_REVIEW" })).await,
        pick(Some("CONTENT_REVIEW"), None)
    );
    assert_eq!(
        queue(json!({ "type": "CONTENT_REVIEW", "riskLevel": "HIGH" })).await,
        pick(Some("CONTENT_REVIEW"), Some("HIGH"))
    );
    assert_eq!(pick(Some("CONTENT_REVIEW"), Some("HIGH")).len(), 2);
    let (_, _, activity_of_40) = made
        .iter()
        .find(|(h, ..)| *h == 40)
        .cloned()
        .unwrap_or_default();
    let (_, id_of_40, _) = made
        .iter()
        .find(|(h, ..)| *h == 40)
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        queue(json!({ "activityId": activity_of_40 })).await,
        vec![id_of_40]
    );
    assert!(queue(json!({ "reviewerId": reviewer_id })).await.is_empty());
    let (_, id_of_50, _) = made
        .iter()
        .find(|(h, ..)| *h == 50)
        .cloned()
        .unwrap_or_default();
    run(
        &server,
        &reviewer,
        ASSIGN,
        json!({ "id": id_of_50, "reviewerId": reviewer_id }),
    )
    .await;
    assert_eq!(
        queue(json!({ "reviewerId": reviewer_id })).await,
        vec![id_of_50]
    );
    assert!(queue(json!({ "reviewerId": UNKNOWN_ID })).await.is_empty());
    let body = server
        .gql(
            Some(&member),
            QUEUE,
            json!({ "filter": { "activityId": "x" } }),
        )
        .await;
    assert_code(&body, "BAD_USER_INPUT");
}

#[tokio::test]
async fn the_approvals_list_filters_by_status_type_risk_reviewer_and_activity_oldest_first() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let reviewer_id = user_ref_id(&db, "reviewer@acme.test").await;
    let (a, activity_a) = pending(&server, &member, json!({ "riskLevel": "HIGH" })).await;
    let (b, _) = pending(&server, &member, json!({ "type": "HIRE_AGENT" })).await;
    let (c, _) = pending(&server, &member, json!({ "reviewerId": reviewer_id })).await;
    run(
        &server,
        &reviewer,
        REJECT,
        json!({ "id": b, "notes": "No." }),
    )
    .await;
    let list = |filter: Value| {
        let server = &server;
        let member = &member;
        async move {
            let body = server
                .gql(Some(member), LIST, json!({ "filter": filter, "first": 50 }))
                .await;
            ids(data(&body, "/data/approvals/nodes"))
        }
    };
    assert_eq!(list(json!({})).await, vec![a.clone(), b.clone(), c.clone()]);
    assert_eq!(
        list(json!({ "status": ["PENDING"] })).await,
        vec![a.clone(), c.clone()]
    );
    assert_eq!(
        list(json!({ "status": ["REJECTED", "APPROVED"] })).await,
        vec![b.clone()]
    );
    assert_eq!(list(json!({ "type": "HIRE_AGENT" })).await, vec![b.clone()]);
    assert_eq!(list(json!({ "riskLevel": "HIGH" })).await, vec![a.clone()]);
    assert_eq!(
        list(json!({ "reviewerId": reviewer_id })).await,
        vec![c.clone()]
    );
    assert_eq!(
        list(json!({ "activityId": activity_a })).await,
        vec![a.clone()]
    );
    assert!(list(json!({ "activityId": UNKNOWN_ID })).await.is_empty());
    let body = server.gql(Some(&member), LIST, json!({ "first": 2 })).await;
    assert_eq!(ids(data(&body, "/data/approvals/nodes")), vec![a, b]);
    let cursor = data(&body, "/data/approvals/pageInfo/endCursor").clone();
    let body = server
        .gql(Some(&member), LIST, json!({ "first": 2, "after": cursor }))
        .await;
    assert_eq!(ids(data(&body, "/data/approvals/nodes")), vec![c.clone()]);
    // By id, and as a federation entity.
    let body = server
        .gql(
            Some(&member),
            ENTITIES,
            json!({ "r": [{ "__typename": "Approval", "id": c }, { "__typename": "Approval", "id": UNKNOWN_ID }] }),
        )
        .await;
    assert_eq!(data(&body, "/data/_entities/0/id"), &json!(c));
    assert_eq!(data(&body, "/data/_entities/1"), &Value::Null);
    let body = server
        .gql(Some(&member), APPROVAL, json!({ "id": UNKNOWN_ID }))
        .await;
    assert_eq!(data(&body, "/data/approval"), &Value::Null);
}

// ---------------------------------------------------------------------------------------------
// Tenant gates
// ---------------------------------------------------------------------------------------------

/// Every approval mutation, for the approval `id` of the activity `activity`.
fn mutations(id: &str, activity: &str, reviewer: &str) -> Vec<(&'static str, Value)> {
    vec![
        (CREATE, json!({ "input": input(activity, json!({})) })),
        (ASSIGN, json!({ "id": id, "reviewerId": reviewer })),
        (APPROVE, json!({ "id": id })),
        (REJECT, json!({ "id": id, "notes": "No." })),
        (REVISE, json!({ "id": id, "notes": "Again." })),
        (CHOOSE, json!({ "id": id, "option": "A" })),
        (SEND, json!({ "id": id })),
    ]
}

#[tokio::test]
async fn a_suspended_tenant_reads_approvals_but_every_approval_mutation_is_refused() {
    let (db, server) = start().await;
    let admin = login(&server, "admin@acme.test").await;
    let member = login(&server, "member@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let reviewer_id = user_ref_id(&db, "reviewer@acme.test").await;
    let (write_key, _) = server.create_api_key(&admin, &["READ", "WRITE"]).await;
    let (id, _) = pending(&server, &member, json!({ "type": "BRAND_DIRECTION" })).await;
    let other = working_activity(&server, &member, None).await;
    set_tenant_status(&db, "acme", "suspended").await;
    let callers = [
        Caller::with_headers(&server, "admin", vec![("authorization", bearer(&admin))]),
        Caller::with_headers(&server, "member", vec![("authorization", bearer(&member))]),
        Caller::with_headers(
            &server,
            "reviewer",
            vec![("authorization", bearer(&reviewer))],
        ),
        Caller::with_headers(&server, "key", vec![("x-api-key", write_key)]),
    ];
    for caller in &callers {
        for (query, variables) in mutations(&id, &other, &reviewer_id) {
            assert_refused_unchanged(
                &db,
                caller,
                &TABLES,
                query,
                variables,
                "TENANT_SUSPENDED",
                None,
            )
            .await;
        }
        let body = caller.run(QUEUE, json!({})).await;
        assert_eq!(
            ids(data(&body, "/data/approvalQueue/nodes")),
            vec![id.clone()]
        );
        let body = caller.run(APPROVAL, json!({ "id": id })).await;
        assert_eq!(data(&body, "/data/approval/status"), "PENDING");
    }
}

#[tokio::test]
async fn a_tenant_that_has_not_accepted_its_contract_cannot_read_or_change_approvals() {
    let (db, server) = start().await;
    // A pending approval of globex, made directly in the database.
    let activity = text(
        &db,
        "SELECT a.ref_id AS v FROM activities a JOIN tenants t ON t.id = a.tenant_id
         WHERE t.slug = 'globex' AND a.title = 'Backlinks #3'",
        vec![],
    )
    .await;
    let id = text(
        &db,
        "INSERT INTO approvals (tenant_id, activity_id, type, title)
         SELECT tenant_id, id, 'content_review', 'Globex post' FROM activities WHERE ref_id = $1
         RETURNING ref_id AS v",
        vec![activity.clone().into()],
    )
    .await;
    let reviewer_id = user_ref_id(&db, "reviewer@globex.test").await;
    let working = text(
        &db,
        "SELECT a.ref_id AS v FROM activities a JOIN tenants t ON t.id = a.tenant_id
         WHERE t.slug = 'globex' AND a.title = 'Backlinks #2'",
        vec![],
    )
    .await;
    for email in [
        "admin@globex.test",
        "member@globex.test",
        "reviewer@globex.test",
    ] {
        let token = login(&server, email).await;
        for (query, variables) in [
            (QUEUE, json!({})),
            (LIST, json!({})),
            (APPROVAL, json!({ "id": id })),
            (ACTIVITY_APPROVALS, json!({ "id": activity })),
        ] {
            let body = server.gql(Some(&token), query, variables).await;
            assert_code(&body, "CONTRACT_NOT_ACCEPTED");
        }
        for (query, variables) in mutations(&id, &working, &reviewer_id) {
            refused(
                &db,
                &server,
                &token,
                query,
                variables,
                "CONTRACT_NOT_ACCEPTED",
                None,
            )
            .await;
        }
    }
}

#[tokio::test]
async fn every_approval_operation_without_credentials_is_unauthenticated() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let reviewer_id = user_ref_id(&db, "reviewer@acme.test").await;
    let (id, activity) = pending(&server, &member, json!({})).await;
    let before = table_rows(&db, &TABLES, &[]).await;
    for (query, variables) in mutations(&id, &activity, &reviewer_id).into_iter().chain([
        (QUEUE, json!({})),
        (LIST, json!({})),
        (APPROVAL, json!({ "id": id })),
    ]) {
        let body = server.gql(None, query, variables).await;
        assert_code(&body, "UNAUTHENTICATED");
    }
    assert_eq!(table_rows(&db, &TABLES, &[]).await, before);
}

// ---------------------------------------------------------------------------------------------
// Change events
// ---------------------------------------------------------------------------------------------

/// The next event on the change channel within `wait`, as JSON; None when there is none.
async fn next_event(
    listener: &mut sea_orm::sqlx::postgres::PgListener,
    wait: Duration,
) -> Option<Value> {
    match tokio::time::timeout(wait, listener.recv()).await {
        Ok(Ok(notification)) => serde_json::from_str(notification.payload()).ok(),
        Ok(Err(error)) => panic!("listening failed: {error}"),
        Err(_) => None,
    }
}

#[tokio::test]
async fn every_approval_mutation_publishes_its_event_on_commit_and_a_refused_one_publishes_none() {
    let (db, server) = start().await;
    let member = login(&server, "member@acme.test").await;
    let reviewer = login(&server, "reviewer@acme.test").await;
    let reviewer_id = user_ref_id(&db, "reviewer@acme.test").await;
    let tenant = leadmetrics_tests::world::tenant_uuid(&db, "acme").await;
    let url = database_url("postgres", db.name());
    let mut listener = match sea_orm::sqlx::postgres::PgListener::connect(&url).await {
        Ok(listener) => listener,
        Err(error) => panic!("cannot listen: {error}"),
    };
    if let Err(error) = listener.listen("leadmetrics_events").await {
        panic!("cannot listen: {error}");
    }
    let wait = Duration::from_secs(5);
    let event = |id: &str, change: &str| json!({ "tenant": tenant.to_string(), "topic": "approval", "id": id, "change": change });

    let activity = working_activity(&server, &member, None).await;
    let created = request(
        &server,
        &member,
        input(&activity, json!({ "type": "BRAND_DIRECTION" })),
    )
    .await;
    let id = id_of(&created);
    assert_eq!(
        next_event(&mut listener, wait).await,
        Some(event(&id, "Created"))
    );

    run(
        &server,
        &reviewer,
        ASSIGN,
        json!({ "id": id, "reviewerId": reviewer_id }),
    )
    .await;
    let notification = text(
        &db,
        "SELECT ref_id AS v FROM notifications WHERE subject_ref_id = $1",
        vec![id.clone().into()],
    )
    .await;
    let mut events = vec![
        next_event(&mut listener, wait).await,
        next_event(&mut listener, wait).await,
    ];
    events.sort_by_key(|event| event.as_ref().map(|e| e["topic"].to_string()));
    assert_eq!(
        events,
        vec![
            Some(event(&id, "Assigned")),
            Some(
                json!({ "tenant": tenant.to_string(), "topic": "notification", "id": notification })
            ),
        ]
    );

    run(&server, &reviewer, SEND, json!({ "id": id })).await;
    assert_eq!(
        next_event(&mut listener, wait).await,
        Some(event(&id, "SentToClient"))
    );

    // Refused (and so rolled back): nothing is published.
    let body = server
        .gql(
            Some(&reviewer),
            REJECT,
            json!({ "id": UNKNOWN_ID, "notes": "No." }),
        )
        .await;
    assert_code(&body, "NOT_FOUND");
    let body = server
        .gql(
            Some(&reviewer),
            CHOOSE,
            json!({ "id": id, "option": "x".repeat(300) }),
        )
        .await;
    assert_code(&body, "BAD_USER_INPUT");
    assert_eq!(
        next_event(&mut listener, Duration::from_millis(300)).await,
        None
    );

    run(
        &server,
        &reviewer,
        CHOOSE,
        json!({ "id": id, "option": "B" }),
    )
    .await;
    assert_eq!(
        next_event(&mut listener, wait).await,
        Some(event(&id, "Resolved"))
    );

    let (second, _) = pending(&server, &member, json!({})).await;
    assert_eq!(
        next_event(&mut listener, wait).await,
        Some(event(&second, "Created"))
    );
    run(
        &server,
        &reviewer,
        REVISE,
        json!({ "id": second, "notes": "Again." }),
    )
    .await;
    assert_eq!(
        next_event(&mut listener, wait).await,
        Some(event(&second, "RevisionRequested"))
    );
}
