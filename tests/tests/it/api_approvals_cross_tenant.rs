//! Cross-tenant isolation of approvals through the API, end to end: tenant A (acme), as its
//! admin, its reviewer and a read-write API key, armed with every approval, activity and user
//! id of tenant B (globex) — pending, assigned and resolved approvals — sees nothing of B's
//! approvals and changes nothing of them, through the queue and the list (with B's ids as
//! filters and cursors), the by-id field, `_entities`, `Activity.approvals` and every mutation;
//! a refused id gets exactly the answer an id that exists nowhere gets.

use leadmetrics_tests::TestDatabase;
use leadmetrics_tests::api::{
    Headers, UNKNOWN_ID, api_key_headers, bearer_headers, call, data, id_of, ids,
};
use leadmetrics_tests::server::{DEMO_PASSWORD, TestServer, error_code};
use leadmetrics_tests::world::{World, snapshot, table_rows, tenant_uuid, user_ref_id, world};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use uuid::Uuid;

const QUEUE: &str =
    "query($filter: ApprovalQueueFilter, $after: String, $before: String, $last: Int) {
  approvalQueue(filter: $filter, first: 100, after: $after, before: $before, last: $last) {
    nodes { id activity { id } reviewer { id } resolvedBy { id } } } }";
const QUEUE_BACKWARDS: &str = "query($before: String) {
  approvalQueue(last: 100, before: $before) { nodes { id } } }";
const LIST: &str = "query($filter: ApprovalFilter, $after: String) {
  approvals(filter: $filter, first: 100, after: $after) {
    nodes { id activity { id approvals { id } } reviewer { id } resolvedBy { id } } } }";
const APPROVAL: &str = "query($id: ID!) { approval(id: $id) { id activity { id } reviewer { id } resolvedBy { id } } }";
const ACTIVITY: &str = "query($id: ID!) { activity(id: $id) { id approvals { id } } }";
const ENTITIES: &str = "query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Approval { id activity { id } reviewer { id } resolvedBy { id } }
    ... on Activity { id approvals { id } } } }";

const CREATE: &str =
    "mutation($input: CreateApprovalInput!) { createApproval(input: $input) { id } }";
const ASSIGN: &str = "mutation($id: ID!, $reviewerId: ID!) {
    assignApprovalReviewer(id: $id, reviewerId: $reviewerId) { id } }";
const APPROVE: &str = "mutation($id: ID!) { approveApproval(id: $id) { id } }";
const REJECT: &str = "mutation($id: ID!) { rejectApproval(id: $id, notes: \"No.\") { id } }";
const REVISE: &str =
    "mutation($id: ID!) { requestApprovalRevision(id: $id, notes: \"Again.\") { id } }";
const CHOOSE: &str = "mutation($id: ID!) { chooseApprovalOption(id: $id, option: \"A\") { id } }";
const SEND: &str = "mutation($id: ID!) { markApprovalSentToClient(id: $id) { id } }";

/// The tables an approval request may change.
const TABLES: [&str; 4] = ["approvals", "activities", "notifications", "strategies"];

/// One demo tenant with approvals in every state the API can reach.
struct Tenant {
    uuid: Uuid,
    admin: Headers,
    reviewer: Headers,
    key: Headers,
    /// The reviewer's public id.
    reviewer_id: String,
    /// A pending `BRAND_DIRECTION` approval, assigned to the reviewer.
    pending: String,
    /// An approved approval.
    resolved: String,
    /// The activities of those two.
    activities: Vec<String>,
    /// An `IN_PROGRESS` activity without approvals.
    working: String,
}

impl Tenant {
    fn approvals(&self) -> Vec<String> {
        vec![self.pending.clone(), self.resolved.clone()]
    }

    /// Every public id of the tenant's approvals and what they point at.
    fn known_ids(&self) -> BTreeSet<String> {
        let mut known: BTreeSet<String> = self.approvals().into_iter().collect();
        known.extend(self.activities.iter().cloned());
        known.insert(self.working.clone());
        known.insert(self.reviewer_id.clone());
        known
    }
}

async fn mutate(server: &TestServer, headers: &Headers, query: &str, variables: Value) -> Value {
    let body = call(server, headers, query, variables).await;
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

/// An agent activity moved to `IN_PROGRESS`; returns its id.
async fn working_activity(server: &TestServer, admin: &Headers) -> String {
    let created = mutate(
        server,
        admin,
        "mutation { createActivity(input: { title: \"Post\", type: WRITE,
           assignee: { type: AGENT, agentRole: \"copywriter\" } }) { id } }",
        json!({}),
    )
    .await;
    let id = id_of(&created);
    mutate(
        server,
        admin,
        "mutation($id: ID!) { changeActivityStatus(id: $id, status: IN_PROGRESS) { id } }",
        json!({ "id": id }),
    )
    .await;
    id
}

/// Accepts the tenant's contract if pending and makes a pending assigned approval, an approved
/// one and a working activity.
async fn prepare(db: &TestDatabase, server: &TestServer, slug: &str) -> Tenant {
    let admin_token = server
        .login(&format!("admin@{slug}.test"), DEMO_PASSWORD)
        .await;
    let admin = bearer_headers(&admin_token);
    let contract = call(server, &admin, "{ contract { status } }", json!({})).await;
    if data(&contract, "/data/contract/status") == "PENDING_ACCEPTANCE" {
        mutate(
            server,
            &admin,
            "mutation { acceptContract { status } }",
            json!({}),
        )
        .await;
    }
    let reviewer = bearer_headers(
        &server
            .login(&format!("reviewer@{slug}.test"), DEMO_PASSWORD)
            .await,
    );
    let (key, _) = server
        .create_api_key(&admin_token, &["READ", "WRITE"])
        .await;
    let reviewer_id = user_ref_id(db, &format!("reviewer@{slug}.test")).await;
    let mut activities = Vec::new();
    let mut made = Vec::new();
    for kind in ["BRAND_DIRECTION", "CONTENT_REVIEW"] {
        let activity = working_activity(server, &admin).await;
        let approval = mutate(
            server,
            &admin,
            CREATE,
            json!({ "input": { "activityId": activity, "type": kind, "title": "Review",
                               "reviewerId": reviewer_id } }),
        )
        .await;
        activities.push(activity);
        made.push(id_of(&approval));
    }
    mutate(server, &reviewer, APPROVE, json!({ "id": made[1] })).await;
    Tenant {
        uuid: tenant_uuid(db, slug).await,
        admin,
        reviewer,
        key: api_key_headers(&key),
        reviewer_id,
        pending: made[0].clone(),
        resolved: made[1].clone(),
        activities,
        working: working_activity(server, &bearer_headers(&admin_token)).await,
    }
}

/// Every public id (26-character string) in a response.
fn ids_in(value: &Value, found: &mut BTreeSet<String>) {
    match value {
        Value::String(text) if text.len() == 26 => {
            found.insert(text.clone());
        }
        Value::Array(items) => items.iter().for_each(|item| ids_in(item, found)),
        Value::Object(fields) => fields.values().for_each(|item| ids_in(item, found)),
        _ => {}
    }
}

/// Asserts a response holds none of `b`'s ids.
#[track_caller]
fn reveals_nothing_of(body: &Value, b: &Tenant) {
    let mut found = BTreeSet::new();
    ids_in(body, &mut found);
    let known = b.known_ids();
    let leaked: Vec<&String> = found.intersection(&known).collect();
    assert!(leaked.is_empty(), "leaked {leaked:?}: {body}");
}

#[tokio::test]
async fn tenant_a_sees_none_of_tenant_bs_approvals_through_any_query_look_up_or_relation() {
    let World {
        db: _db,
        server,
        a,
        b,
    } = world(prepare).await;
    for headers in [&a.admin, &a.reviewer, &a.key] {
        // A's own lists show exactly A's approvals.
        let body = call(&server, headers, QUEUE, json!({})).await;
        assert_eq!(
            ids(data(&body, "/data/approvalQueue/nodes")),
            vec![a.pending.clone()]
        );
        let body = call(&server, headers, LIST, json!({})).await;
        assert_eq!(ids(data(&body, "/data/approvals/nodes")), a.approvals());
        reveals_nothing_of(&body, &b);
        // B's ids as filters and cursors select nothing.
        for filter in [
            json!({ "reviewerId": b.reviewer_id }),
            json!({ "activityId": b.activities[0] }),
        ] {
            let body = call(&server, headers, QUEUE, json!({ "filter": filter })).await;
            assert!(
                ids(data(&body, "/data/approvalQueue/nodes")).is_empty(),
                "{body}"
            );
            let body = call(&server, headers, LIST, json!({ "filter": filter })).await;
            assert!(
                ids(data(&body, "/data/approvals/nodes")).is_empty(),
                "{body}"
            );
        }
        for cursor in b.approvals() {
            let body = call(&server, headers, QUEUE, json!({ "after": cursor })).await;
            assert!(
                ids(data(&body, "/data/approvalQueue/nodes")).is_empty(),
                "{body}"
            );
            let body = call(
                &server,
                headers,
                QUEUE_BACKWARDS,
                json!({ "before": cursor }),
            )
            .await;
            assert!(
                ids(data(&body, "/data/approvalQueue/nodes")).is_empty(),
                "{body}"
            );
            let body = call(&server, headers, LIST, json!({ "after": cursor })).await;
            reveals_nothing_of(&body, &b);
        }
        // By id, by entity look-up, through an activity: null, as for an id that exists nowhere.
        for id in b.approvals().into_iter().chain([UNKNOWN_ID.to_owned()]) {
            let body = call(&server, headers, APPROVAL, json!({ "id": id })).await;
            assert_eq!(body, json!({ "data": { "approval": null } }));
        }
        for id in b.activities.iter().chain([&b.working]) {
            let body = call(&server, headers, ACTIVITY, json!({ "id": id })).await;
            assert_eq!(body, json!({ "data": { "activity": null } }));
        }
        let mut representations: Vec<Value> = b
            .approvals()
            .into_iter()
            .map(|id| json!({ "__typename": "Approval", "id": id }))
            .collect();
        representations.extend(
            b.activities
                .iter()
                .map(|id| json!({ "__typename": "Activity", "id": id })),
        );
        let count = representations.len();
        let body = call(&server, headers, ENTITIES, json!({ "r": representations })).await;
        assert_eq!(
            data(&body, "/data/_entities"),
            &json!(vec![Value::Null; count])
        );
        // A's own relations point only at A's records.
        let body = call(
            &server,
            headers,
            ENTITIES,
            json!({ "r": [{ "__typename": "Approval", "id": a.pending },
                          { "__typename": "Activity", "id": a.activities[0] }] }),
        )
        .await;
        assert_eq!(
            data(&body, "/data/_entities/0/reviewer/id"),
            &json!(a.reviewer_id)
        );
        assert_eq!(
            data(&body, "/data/_entities/1/approvals/0/id"),
            &json!(a.pending)
        );
        reveals_nothing_of(&body, &b);
    }
}

#[tokio::test]
async fn tenant_a_changes_none_of_tenant_bs_approvals_through_any_mutation() {
    let World { db, server, a, b } = world(prepare).await;
    let before = snapshot(&db, b.uuid, &[]).await;
    let mut cases: Vec<(&str, Value)> = Vec::new();
    for id in b.approvals() {
        cases.extend([
            (ASSIGN, json!({ "id": id, "reviewerId": a.reviewer_id })),
            (APPROVE, json!({ "id": id })),
            (REJECT, json!({ "id": id })),
            (REVISE, json!({ "id": id })),
            (CHOOSE, json!({ "id": id })),
            (SEND, json!({ "id": id })),
        ]);
    }
    // B's activity, or B's reviewer on A's approval and activity.
    for activity in b.activities.iter().chain([&b.working]) {
        cases.push((
            CREATE,
            json!({ "input": { "activityId": activity, "type": "CONTENT_REVIEW", "title": "Mine" } }),
        ));
    }
    cases.push((
        CREATE,
        json!({ "input": { "activityId": a.working, "type": "CONTENT_REVIEW", "title": "Mine",
                           "reviewerId": b.reviewer_id } }),
    ));
    cases.push((
        ASSIGN,
        json!({ "id": a.pending, "reviewerId": b.reviewer_id }),
    ));
    let a_before = table_rows(&db, &TABLES, &[]).await;
    for headers in [&a.admin, &a.reviewer, &a.key] {
        for (query, variables) in &cases {
            let body = call(&server, headers, query, variables.clone()).await;
            // API keys may not assign or decide at all; everyone else is told "not found".
            let code = error_code(&body);
            assert!(
                code == Some("NOT_FOUND")
                    || (*headers == a.key && code == Some("FORBIDDEN"))
                    || (*headers == a.reviewer && *query == CREATE && code == Some("FORBIDDEN")),
                "{query} {variables}: {body}"
            );
            assert_eq!(body["data"], Value::Null, "{body}");
            reveals_nothing_of(&body, &b);
            // The same answer as for an id that exists nowhere.
            let mut nowhere = variables.clone();
            for id in b.known_ids() {
                let text = nowhere.to_string().replace(&id, UNKNOWN_ID);
                nowhere = serde_json::from_str(&text).unwrap_or_default();
            }
            let expected = call(&server, headers, query, nowhere).await;
            assert_eq!(
                (error_code(&body), &body["errors"][0]["message"]),
                (error_code(&expected), &expected["errors"][0]["message"]),
                "{query}"
            );
        }
    }
    assert_eq!(snapshot(&db, b.uuid, &[]).await, before);
    assert_eq!(table_rows(&db, &TABLES, &[]).await, a_before);
    // And B's own reviewer still decides B's approval.
    let body = call(&server, &b.reviewer, APPROVE, json!({ "id": b.pending })).await;
    assert_eq!(data(&body, "/data/approveApproval/id"), &json!(b.pending));
}
