//! The marketing plan of the tenant subgraph end to end, over real HTTP against the demo seed:
//! strategies and their approval (one active strategy per tenant, also enforced by the
//! database), goals and their progress, deliverables and their periods (one per deliverable and
//! start date, also enforced by the database), the plan's queries and relations both ways, the
//! mobile app's `strategyProgress` (also as a persisted query over GET), and the gates: roles,
//! API key scopes, the contract and the suspended state. Every rejected mutation is followed by
//! a read-back of the plan tables proving it changed nothing.

use chrono::{Datelike, Months, NaiveDate, Utc};
use leadmetrics_tests::api::{
    Caller, UNKNOWN_ID, as_text, assert_refused_unchanged, data, ids, percent_encode, sha256_hex,
};
use leadmetrics_tests::server::{DEMO_PASSWORD, error_code, set_tenant_status, tenant_ref_id};
use leadmetrics_tests::world::{start, table_rows};
use leadmetrics_tests::{TestDatabase, exec_with, get, query_all, query_one, sql_state};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

const CREATE_STRATEGY: &str = "mutation($input: CreateStrategyInput!) { createStrategy(input: $input) {
  id version status summary rationale periodMonths startDate endDate approvedBy { email } approvedOn goals { id } } }";

const UPDATE_STRATEGY: &str =
    "mutation($id: ID!, $input: UpdateStrategyInput!) { updateStrategy(id: $id, input: $input) {
  id version status summary rationale periodMonths startDate endDate } }";

const SUBMIT_STRATEGY: &str = "mutation($id: ID!) { submitStrategy(id: $id) { id version status approvedBy { email } approvedOn } }";

const APPROVE_STRATEGY: &str = "mutation($id: ID!) { approveStrategy(id: $id) { id version status approvedBy { email } approvedOn } }";

const REJECT_STRATEGY: &str = "mutation($id: ID!) { rejectStrategy(id: $id) { id version status approvedBy { email } approvedOn } }";

const CREATE_GOAL: &str = "mutation($input: CreateGoalInput!) { createGoal(input: $input) {
  id name description metric targetValue baselineValue currentValue period targetDate status priority deletedOn
  strategy { id } progress { baseline current target percent } } }";

const UPDATE_GOAL: &str = "mutation($id: ID!, $input: UpdateGoalInput!) { updateGoal(id: $id, input: $input) {
  id name description metric targetValue baselineValue currentValue period targetDate status priority deletedOn
  strategy { id } progress { baseline current target percent } } }";

const SET_GOAL_STATUS: &str = "mutation($id: ID!, $status: GoalStatus!) { setGoalStatus(id: $id, status: $status) { id status } }";

const RECORD_GOAL_VALUE: &str =
    "mutation($id: ID!, $value: Decimal!) { recordGoalValue(id: $id, currentValue: $value) {
  id currentValue progress { baseline current target percent } } }";

const REORDER_GOALS: &str = "mutation($strategyId: ID!, $goalIds: [ID!]!) { reorderGoals(strategyId: $strategyId, goalIds: $goalIds) { id priority } }";

const DELETE_GOAL: &str = "mutation($id: ID!) { deleteGoal(id: $id) { id deletedOn } }";

const CREATE_DELIVERABLE: &str = "mutation($input: CreateDeliverableInput!) { createDeliverable(input: $input) {
  id name type quantityPerPeriod cadence platforms isActive goal { id } strategy { id } periods { id } currentPeriod { id } } }";

const UPDATE_DELIVERABLE: &str = "mutation($id: ID!, $input: UpdateDeliverableInput!) { updateDeliverable(id: $id, input: $input) {
  id name type quantityPerPeriod cadence platforms isActive periods { id periodStart targetCount } } }";

const SET_DELIVERABLE_ACTIVE: &str = "mutation($id: ID!, $active: Boolean!) { setDeliverableActive(id: $id, active: $active) { id isActive } }";

const OPEN_PERIOD: &str = "mutation($id: ID!, $start: NaiveDate!) { openDeliverablePeriod(deliverableId: $id, periodStart: $start) {
  id periodStart periodEnd targetCount completedCount status progress { target completed percent status } deliverable { id } } }";

const STRATEGIES_PAGE: &str =
    "query($status: StrategyStatus, $first: Int, $after: String, $last: Int, $before: String) {
  strategies(status: $status, first: $first, after: $after, last: $last, before: $before) {
    pageInfo { hasPreviousPage hasNextPage startCursor endCursor } nodes { id version status } } }";

const STRATEGY: &str = "query($id: ID!) { strategy(id: $id) { id version status summary approvedBy { email } goals { id name priority } deliverables { id name isActive } } }";

const ACTIVE_STRATEGY: &str = "{ activeStrategy { id version status } }";

const GOAL: &str =
    "query($id: ID!) { goal(id: $id) { id name deletedOn deliverables { id isActive } } }";

const DELIVERABLE: &str = "query($id: ID!) { deliverable(id: $id) { id name isActive quantityPerPeriod periods { id periodStart targetCount } } }";

const PERIOD: &str = "query($id: ID!) { deliverablePeriod(id: $id) { id periodStart periodEnd } }";

const PERIODS: &str = "query($containing: NaiveDate, $status: DeliverablePeriodStatus, $first: Int, $after: String) {
  deliverablePeriods(containing: $containing, status: $status, first: $first, after: $after) {
    pageInfo { hasPreviousPage hasNextPage endCursor }
    nodes { id periodStart periodEnd targetCount completedCount status deliverable { name } progress { target completed percent status } } } }";

const DOWN: &str = "query($id: ID!) { strategy(id: $id) { id
  goals { id strategy { id }
    deliverables { id goal { id } strategy { id } periods { id periodStart deliverable { id } } currentPeriod { id } } }
  deliverables { id } } }";

const UP: &str = "query($id: ID!) { deliverablePeriod(id: $id) { id periodStart
  deliverable { id name strategy { id } goal { id name strategy { id version status } } } } }";

const STRATEGY_PROGRESS: &str = "query($id: ID) { strategyProgress(strategyId: $id) {
  strategy { id version }
  goals { id name progress { percent } }
  currentPeriods { id periodStart deliverable { name } progress { target completed percent status } } } }";

/// The mobile app's goal-progress screen (kept small: it travels in a URL as a hash only).
const MOBILE_QUERY: &str = "query GoalProgress { strategyProgress { goals { id name metric status progress { baseline current target percent } } currentPeriods { id progress { target completed percent status } deliverable { name type } } } }";

/// The seeded goals of the active strategy, by priority.
const TRAFFIC: &str = "Increase organic website traffic";
const RANKINGS: &str = "Rank for buying keywords";
const AUTHORITY: &str = "Hold domain authority";

/// The seeded deliverables.
const BLOG: &str = "Monthly Blog Posts";
const SOCIAL: &str = "Social Posts";
const BACKLINKS: &str = "Backlinks";
const REPORT: &str = "Monthly Report";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The tables of the plan.
const PLAN_TABLES: [&str; 4] = ["strategies", "goals", "deliverables", "deliverable_periods"];

/// Every row of the plan tables (every tenant), read as the owner (row-level security does not
/// apply): comparing it before and after a request proves the request changed nothing.
async fn plan_state(db: &TestDatabase) -> Value {
    table_rows(db, &PLAN_TABLES, &[]).await
}

/// The `ref_id` column of every row `sql` returns, in order.
async fn ref_ids(db: &TestDatabase, sql: &str, values: Vec<sea_orm::Value>) -> Vec<String> {
    query_all(&db.owner, sql, values)
        .await
        .iter()
        .map(|row| get::<String>(row, "ref_id"))
        .collect()
}

/// The one `ref_id` that `sql` returns.
async fn ref_id(db: &TestDatabase, sql: &str, values: Vec<sea_orm::Value>) -> String {
    let ids = ref_ids(db, sql, values).await;
    match ids.as_slice() {
        [id] => id.clone(),
        _ => panic!("expected one row, got {ids:?}: {sql}"),
    }
}

/// The public id of the strategy `version` of tenant `slug`.
async fn strategy_id(db: &TestDatabase, slug: &str, version: i32) -> String {
    ref_id(
        db,
        "SELECT s.ref_id FROM strategies s JOIN tenants t ON t.id = s.tenant_id
         WHERE t.slug = $1 AND s.version = $2",
        vec![slug.into(), version.into()],
    )
    .await
}

/// The public id of the goal `name` of tenant `slug`.
async fn goal_id(db: &TestDatabase, slug: &str, name: &str) -> String {
    ref_id(
        db,
        "SELECT g.ref_id FROM goals g JOIN tenants t ON t.id = g.tenant_id
         WHERE t.slug = $1 AND g.name = $2",
        vec![slug.into(), name.into()],
    )
    .await
}

/// The public id of the deliverable `name` of tenant `slug`.
async fn deliverable_id(db: &TestDatabase, slug: &str, name: &str) -> String {
    ref_id(
        db,
        "SELECT d.ref_id FROM deliverables d JOIN tenants t ON t.id = d.tenant_id
         WHERE t.slug = $1 AND d.name = $2",
        vec![slug.into(), name.into()],
    )
    .await
}

/// The public id of the period of deliverable `name` of tenant `slug` starting `start`.
async fn period_id(db: &TestDatabase, slug: &str, name: &str, start: NaiveDate) -> String {
    ref_id(
        db,
        "SELECT p.ref_id FROM deliverable_periods p
         JOIN deliverables d ON d.id = p.deliverable_id JOIN tenants t ON t.id = p.tenant_id
         WHERE t.slug = $1 AND d.name = $2 AND p.period_start = $3::date",
        vec![slug.into(), name.into(), start.to_string().into()],
    )
    .await
}

/// The public ids and deliverable names of tenant `slug`'s periods starting `start`, in
/// deliverable (creation) order.
async fn periods_starting(
    db: &TestDatabase,
    slug: &str,
    start: NaiveDate,
) -> Vec<(String, String)> {
    query_all(
        &db.owner,
        "SELECT p.ref_id, d.name FROM deliverable_periods p
         JOIN deliverables d ON d.id = p.deliverable_id JOIN tenants t ON t.id = p.tenant_id
         WHERE t.slug = $1 AND p.period_start = $2::date
         ORDER BY d.ref_id",
        [slug.into(), start.to_string().into()],
    )
    .await
    .iter()
    .map(|row| (get::<String>(row, "ref_id"), get::<String>(row, "name")))
    .collect()
}

/// Today, as the server sees it (UTC).
fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// The first day of this month.
fn this_month() -> NaiveDate {
    today()
        .with_day(1)
        .unwrap_or_else(|| panic!("no first day"))
}

/// The first day of last month.
fn last_month() -> NaiveDate {
    this_month()
        .checked_sub_months(Months::new(1))
        .unwrap_or_else(|| panic!("no last month"))
}

/// The `field` of every object of the array at `pointer` of a response without errors.
#[track_caller]
fn column(body: &Value, pointer: &str, field: &str) -> Vec<Value> {
    match data(body, pointer).as_array() {
        Some(items) => items.iter().map(|item| item[field].clone()).collect(),
        None => panic!("no array at {pointer}: {body}"),
    }
}

/// Runs a mutation that must fail with `code` (and, for `BAD_USER_INPUT`, name `field`), and
/// proves it changed nothing.
async fn assert_refused(
    db: &TestDatabase,
    caller: &Caller<'_>,
    query: &str,
    variables: Value,
    code: &str,
    field: Option<&str>,
) -> Value {
    assert_refused_unchanged(db, caller, &PLAN_TABLES, query, variables, code, field).await
}

/// [`assert_refused`] with `BAD_USER_INPUT` naming `field`.
async fn assert_bad_input(
    db: &TestDatabase,
    caller: &Caller<'_>,
    query: &str,
    variables: Value,
    field: &str,
) {
    assert_refused(db, caller, query, variables, "BAD_USER_INPUT", Some(field)).await;
}

/// Creates a goal and returns it (the fields of [`CREATE_GOAL`]).
async fn create_goal(caller: &Caller<'_>, input: Value) -> Value {
    let body = caller.run(CREATE_GOAL, json!({ "input": input })).await;
    data(&body, "/data/createGoal").clone()
}

/// Creates a strategy draft and returns its id.
async fn create_draft(caller: &Caller<'_>, input: Value) -> String {
    let body = caller.run(CREATE_STRATEGY, json!({ "input": input })).await;
    as_text(data(&body, "/data/createStrategy/id"))
}

/// A draft with one goal, submitted; returns the strategy's id.
async fn submitted_strategy(caller: &Caller<'_>) -> String {
    let id = create_draft(caller, json!({ "summary": "Next quarter" })).await;
    create_goal(
        caller,
        json!({ "strategyId": id, "name": "More leads", "metric": "leads" }),
    )
    .await;
    let body = caller.run(SUBMIT_STRATEGY, json!({ "id": id })).await;
    assert_eq!(
        data(&body, "/data/submitStrategy/status"),
        "AWAITING_APPROVAL"
    );
    id
}

/// The versions and statuses of a tenant's strategies, as the database holds them.
async fn strategy_statuses(db: &TestDatabase, slug: &str) -> Vec<(i32, String)> {
    query_all(
        &db.owner,
        "SELECT s.version::int AS version, s.status::text AS status
         FROM strategies s JOIN tenants t ON t.id = s.tenant_id
         WHERE t.slug = $1 ORDER BY s.version",
        [slug.into()],
    )
    .await
    .iter()
    .map(|row| (get::<i32>(row, "version"), get::<String>(row, "status")))
    .collect()
}

/// The seeded progress of a deliverable's period with the demo's 9 activities per current
/// period (one of them completed); last month's periods closed one short of target, missed.
fn seeded_progress(deliverable: &str, current: bool) -> Value {
    let target = match deliverable {
        BLOG => 10,
        SOCIAL => 20,
        BACKLINKS => 5,
        REPORT => 1,
        other => panic!("no seeded deliverable {other}"),
    };
    let completed = if current { 1 } else { target - 1 };
    let status = match (current, completed >= target) {
        (true, true) => "COMPLETED",
        (true, false) => "IN_PROGRESS",
        (false, _) => "MISSED",
    };
    let percent = (f64::from(completed) * 1000.0 / f64::from(target)).round() / 10.0;
    json!({ "target": target, "completed": completed, "percent": percent, "status": status })
}

/// The seeded deliverable type of a deliverable, as the schema names it.
fn seeded_type(deliverable: &str) -> &'static str {
    match deliverable {
        BLOG => "BLOG_POSTS",
        SOCIAL => "SOCIAL_POSTS",
        BACKLINKS => "BACKLINKS",
        REPORT => "PERFORMANCE_REPORTS",
        other => panic!("no seeded deliverable {other}"),
    }
}

/// Records of one tenant the gated mutations act on, prepared directly in the database (so the
/// same preparation works for a tenant whose contract is not accepted).
struct Targets {
    /// The seeded active strategy (v2).
    active: String,
    /// A draft (v3) with one goal.
    draft: String,
    /// A submitted strategy (v4) with one goal.
    submitted_a: String,
    /// Another submitted strategy (v5) with one goal.
    submitted_b: String,
    /// The seeded goals of the active strategy, by priority.
    goals: [String; 3],
    /// The seeded blog deliverable.
    deliverable: String,
}

async fn prepare_targets(db: &TestDatabase, slug: &str) -> Targets {
    let inserted = exec_with(
        &db.owner,
        "INSERT INTO strategies (tenant_id, version, status, summary)
         SELECT t.id, v.version, v.status::strategy_status, v.summary FROM tenants t
         CROSS JOIN (VALUES (3, 'draft', 'Draft'), (4, 'awaiting_approval', 'Submitted A'),
                            (5, 'awaiting_approval', 'Submitted B')) AS v(version, status, summary)
         WHERE t.slug = $1",
        [slug.into()],
    )
    .await;
    assert_eq!(inserted.ok(), Some(3), "preparing strategies of {slug}");
    let inserted = exec_with(
        &db.owner,
        "INSERT INTO goals (tenant_id, strategy_id, name, metric, priority)
         SELECT s.tenant_id, s.id, 'Goal of v' || s.version, 'leads', 1
         FROM strategies s JOIN tenants t ON t.id = s.tenant_id
         WHERE t.slug = $1 AND s.version IN (3, 4, 5)",
        [slug.into()],
    )
    .await;
    assert_eq!(inserted.ok(), Some(3), "preparing goals of {slug}");
    Targets {
        active: strategy_id(db, slug, 2).await,
        draft: strategy_id(db, slug, 3).await,
        submitted_a: strategy_id(db, slug, 4).await,
        submitted_b: strategy_id(db, slug, 5).await,
        goals: [
            goal_id(db, slug, TRAFFIC).await,
            goal_id(db, slug, RANKINGS).await,
            goal_id(db, slug, AUTHORITY).await,
        ],
        deliverable: deliverable_id(db, slug, BLOG).await,
    }
}

/// Every plan mutation, with valid input that changes something; run in this order by an
/// admin, each succeeds.
fn plan_mutations(t: &Targets) -> Vec<(&'static str, &'static str, Value)> {
    let [traffic, rankings, authority] = &t.goals;
    vec![
        (
            "createStrategy",
            CREATE_STRATEGY,
            json!({ "input": { "summary": "Another draft" } }),
        ),
        (
            "updateStrategy",
            UPDATE_STRATEGY,
            json!({ "id": t.draft, "input": { "summary": "Revised" } }),
        ),
        (
            "createGoal",
            CREATE_GOAL,
            json!({ "input": { "strategyId": t.draft, "name": "Second goal", "metric": "leads" } }),
        ),
        (
            "updateGoal",
            UPDATE_GOAL,
            json!({ "id": traffic, "input": { "name": "Renamed goal" } }),
        ),
        (
            "setGoalStatus",
            SET_GOAL_STATUS,
            json!({ "id": traffic, "status": "AT_RISK" }),
        ),
        (
            "recordGoalValue",
            RECORD_GOAL_VALUE,
            json!({ "id": traffic, "value": "5000" }),
        ),
        (
            "reorderGoals",
            REORDER_GOALS,
            json!({ "strategyId": t.active, "goalIds": [authority, rankings, traffic] }),
        ),
        (
            "createDeliverable",
            CREATE_DELIVERABLE,
            json!({ "input": { "goalId": traffic, "type": "BLOG_POSTS", "name": "Guest Posts", "quantityPerPeriod": 3 } }),
        ),
        (
            "updateDeliverable",
            UPDATE_DELIVERABLE,
            json!({ "id": t.deliverable, "input": { "quantityPerPeriod": 11 } }),
        ),
        (
            "openDeliverablePeriod",
            OPEN_PERIOD,
            json!({ "id": t.deliverable, "start": "2030-01-01" }),
        ),
        (
            "setDeliverableActive",
            SET_DELIVERABLE_ACTIVE,
            json!({ "id": t.deliverable, "active": false }),
        ),
        ("deleteGoal", DELETE_GOAL, json!({ "id": traffic })),
        ("submitStrategy", SUBMIT_STRATEGY, json!({ "id": t.draft })),
        (
            "rejectStrategy",
            REJECT_STRATEGY,
            json!({ "id": t.submitted_a }),
        ),
        (
            "approveStrategy",
            APPROVE_STRATEGY,
            json!({ "id": t.submitted_b }),
        ),
    ]
}

/// Runs every plan mutation as `caller` and asserts each fails with `code` and changes nothing.
async fn assert_every_mutation_refused(
    db: &TestDatabase,
    caller: &Caller<'_>,
    targets: &Targets,
    code: &str,
) {
    for (name, query, variables) in plan_mutations(targets) {
        let body = assert_refused(db, caller, query, variables, code, None).await;
        assert!(
            body["errors"][0]["path"][0] == name,
            "{name} as {}: {body}",
            caller.who()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_member_drafts_a_strategy_with_the_next_version_number() {
    let (db, server) = start().await;
    let member = Caller::user(&server, "member@acme.test").await;

    let body = member
        .run(
            CREATE_STRATEGY,
            json!({ "input": {
                "summary": "  Third take  ", "rationale": "Because.", "periodMonths": 12,
                "startDate": "2030-01-01", "endDate": "2030-12-31"
            } }),
        )
        .await;
    let id = as_text(data(&body, "/data/createStrategy/id"));
    assert_eq!(
        body,
        json!({ "data": { "createStrategy": {
            "id": id, "version": 3, "status": "DRAFT", "summary": "Third take",
            "rationale": "Because.", "periodMonths": 12, "startDate": "2030-01-01",
            "endDate": "2030-12-31", "approvedBy": null, "approvedOn": null, "goals": []
        } } })
    );
    let row = query_one(
        &db.owner,
        "SELECT s.version::int AS version, s.status::text AS status, u.email
         FROM strategies s LEFT JOIN users u ON u.id = s.created_by WHERE s.ref_id = $1",
        [id.clone().into()],
    )
    .await;
    assert_eq!(get::<i32>(&row, "version"), 3);
    assert_eq!(get::<String>(&row, "status"), "draft");
    assert_eq!(get::<String>(&row, "email"), "member@acme.test");

    // An empty draft, then one by a read-write API key: versions keep counting.
    let body = member.run(CREATE_STRATEGY, json!({ "input": {} })).await;
    let empty = data(&body, "/data/createStrategy");
    assert_eq!(
        (
            &empty["version"],
            &empty["status"],
            &empty["summary"],
            &empty["periodMonths"]
        ),
        (&json!(4), &json!("DRAFT"), &Value::Null, &Value::Null),
        "{body}"
    );
    let key = Caller::api_key(&server, &["READ", "WRITE"]).await;
    let body = key
        .run(
            CREATE_STRATEGY,
            json!({ "input": { "summary": "By the Strategist agent" } }),
        )
        .await;
    assert_eq!(data(&body, "/data/createStrategy/version"), 5, "{body}");

    // Versions are per tenant: globex's are untouched, acme's active strategy too.
    assert_eq!(
        strategy_statuses(&db, "globex").await,
        vec![(1, "archived".to_owned()), (2, "active".to_owned())]
    );
    assert_eq!(
        strategy_statuses(&db, "acme").await,
        vec![
            (1, "archived".to_owned()),
            (2, "active".to_owned()),
            (3, "draft".to_owned()),
            (4, "draft".to_owned()),
            (5, "draft".to_owned()),
        ]
    );
}

#[tokio::test]
async fn updating_a_draft_keeps_omitted_fields_and_clears_fields_sent_as_null() {
    let (_db, server) = start().await;
    let member = Caller::user(&server, "member@acme.test").await;
    let id = create_draft(
        &member,
        json!({
            "summary": "Draft", "rationale": "Reasons", "periodMonths": 6,
            "startDate": "2030-01-01", "endDate": "2030-06-30"
        }),
    )
    .await;
    let expect = |summary: Value, rationale: Value, months: Value, start: Value, end: Value| {
        json!({ "data": { "updateStrategy": {
            "id": id, "version": 3, "status": "DRAFT", "summary": summary, "rationale": rationale,
            "periodMonths": months, "startDate": start, "endDate": end
        } } })
    };

    let body = member
        .run(
            UPDATE_STRATEGY,
            json!({ "id": id, "input": { "summary": "Revised" } }),
        )
        .await;
    assert_eq!(
        body,
        expect(
            json!("Revised"),
            json!("Reasons"),
            json!(6),
            json!("2030-01-01"),
            json!("2030-06-30")
        )
    );

    let body = member
        .run(
            UPDATE_STRATEGY,
            json!({ "id": id, "input": { "rationale": null, "periodMonths": null, "endDate": null } }),
        )
        .await;
    assert_eq!(
        body,
        expect(
            json!("Revised"),
            Value::Null,
            Value::Null,
            json!("2030-01-01"),
            Value::Null
        )
    );

    // The horizon's bounds are allowed; an end date on the start date too.
    for months in [1, 60] {
        let body = member
            .run(
                UPDATE_STRATEGY,
                json!({ "id": id, "input": { "periodMonths": months, "endDate": "2030-01-01" } }),
            )
            .await;
        assert_eq!(
            body,
            expect(
                json!("Revised"),
                Value::Null,
                json!(months),
                json!("2030-01-01"),
                json!("2030-01-01")
            )
        );
    }

    let body = member
        .run(
            UPDATE_STRATEGY,
            json!({ "id": id, "input": { "summary": null, "startDate": null } }),
        )
        .await;
    assert_eq!(
        body,
        expect(
            Value::Null,
            Value::Null,
            json!(60),
            Value::Null,
            json!("2030-01-01")
        )
    );

    // What was written is what is read back.
    let read = member.run(STRATEGY, json!({ "id": id })).await;
    assert_eq!(data(&read, "/data/strategy/summary"), &Value::Null);
    assert_eq!(data(&read, "/data/strategy/status"), "DRAFT");
}

#[tokio::test]
async fn a_strategy_with_its_end_before_its_start_or_a_horizon_out_of_range_is_refused() {
    let (db, server) = start().await;
    let member = Caller::user(&server, "member@acme.test").await;
    let id = create_draft(
        &member,
        json!({ "periodMonths": 6, "startDate": "2030-01-01", "endDate": "2030-06-30" }),
    )
    .await;

    let update = |input: Value| json!({ "id": id, "input": input });
    for (variables, field) in [
        (update(json!({ "endDate": "2029-12-31" })), "endDate"),
        (update(json!({ "startDate": "2030-07-01" })), "endDate"),
        (
            update(json!({ "startDate": "2031-01-01", "endDate": "2030-01-01" })),
            "endDate",
        ),
        (update(json!({ "periodMonths": 0 })), "periodMonths"),
        (update(json!({ "periodMonths": 61 })), "periodMonths"),
        (update(json!({ "periodMonths": -1 })), "periodMonths"),
        (update(json!({ "summary": "x".repeat(20_001) })), "summary"),
        (
            json!({ "id": "not-an-id", "input": { "summary": "x" } }),
            "id",
        ),
    ] {
        assert_bad_input(&db, &member, UPDATE_STRATEGY, variables, field).await;
    }

    for (input, field) in [
        (
            json!({ "startDate": "2030-02-01", "endDate": "2030-01-31" }),
            "endDate",
        ),
        (json!({ "periodMonths": 0 }), "periodMonths"),
        (json!({ "periodMonths": 61 }), "periodMonths"),
        (json!({ "rationale": "x".repeat(20_001) }), "rationale"),
    ] {
        assert_bad_input(
            &db,
            &member,
            CREATE_STRATEGY,
            json!({ "input": input }),
            field,
        )
        .await;
    }

    assert_refused(
        &db,
        &member,
        UPDATE_STRATEGY,
        json!({ "id": UNKNOWN_ID, "input": { "summary": "x" } }),
        "NOT_FOUND",
        None,
    )
    .await;
}

#[tokio::test]
async fn a_strategy_goes_from_draft_through_approval_to_active_and_archives_the_previous_one() {
    let (db, server) = start().await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let member = Caller::user(&server, "member@acme.test").await;
    let reviewer = Caller::user(&server, "reviewer@acme.test").await;
    let key = Caller::api_key(&server, &["READ", "WRITE"]).await;
    let previous = strategy_id(&db, "acme", 2).await;
    let id = create_draft(&member, json!({ "summary": "Version three" })).await;

    // A draft without goals cannot be submitted; nor can one whose only goal was deleted.
    let body = assert_refused(
        &db,
        &member,
        SUBMIT_STRATEGY,
        json!({ "id": id }),
        "CONFLICT",
        None,
    )
    .await;
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .is_some_and(|message| message.contains("goal")),
        "{body}"
    );
    let deleted = create_goal(
        &member,
        json!({ "strategyId": id, "name": "Soon gone", "metric": "leads" }),
    )
    .await;
    let body = member
        .run(DELETE_GOAL, json!({ "id": deleted["id"] }))
        .await;
    assert!(data(&body, "/data/deleteGoal/deletedOn").is_string());
    assert_refused(
        &db,
        &member,
        SUBMIT_STRATEGY,
        json!({ "id": id }),
        "CONFLICT",
        None,
    )
    .await;

    create_goal(
        &member,
        json!({ "strategyId": id, "name": "More leads", "metric": "leads" }),
    )
    .await;
    let body = member.run(SUBMIT_STRATEGY, json!({ "id": id })).await;
    assert_eq!(
        body,
        json!({ "data": { "submitStrategy": {
            "id": id, "version": 3, "status": "AWAITING_APPROVAL", "approvedBy": null, "approvedOn": null
        } } })
    );

    // Submitted: no more edits, no second submission.
    assert_refused(
        &db,
        &member,
        UPDATE_STRATEGY,
        json!({ "id": id, "input": { "summary": "Too late" } }),
        "CONFLICT",
        None,
    )
    .await;
    assert_refused(
        &db,
        &member,
        SUBMIT_STRATEGY,
        json!({ "id": id }),
        "CONFLICT",
        None,
    )
    .await;

    // Only admins approve: not members, reviewers or API keys (even read-write ones).
    for caller in [&member, &reviewer, &key] {
        assert_refused(
            &db,
            caller,
            APPROVE_STRATEGY,
            json!({ "id": id }),
            "FORBIDDEN",
            None,
        )
        .await;
    }

    let body = admin.run(APPROVE_STRATEGY, json!({ "id": id })).await;
    let approved = data(&body, "/data/approveStrategy");
    assert!(approved["approvedOn"].is_string(), "{body}");
    assert_eq!(
        approved,
        &json!({
            "id": id, "version": 3, "status": "ACTIVE",
            "approvedBy": { "email": "admin@acme.test" }, "approvedOn": approved["approvedOn"]
        })
    );

    // The previous active strategy was archived with it: exactly one active per tenant.
    let body = member.run(STRATEGY, json!({ "id": previous })).await;
    assert_eq!(data(&body, "/data/strategy/status"), "ARCHIVED");
    let body = member.run(ACTIVE_STRATEGY, json!({})).await;
    assert_eq!(
        body,
        json!({ "data": { "activeStrategy": { "id": id, "version": 3, "status": "ACTIVE" } } })
    );
    assert_eq!(
        strategy_statuses(&db, "acme").await,
        vec![
            (1, "archived".to_owned()),
            (2, "archived".to_owned()),
            (3, "active".to_owned()),
        ]
    );
    let row = query_one(
        &db.owner,
        "SELECT count(*) FILTER (WHERE t.slug = 'acme')::int AS acme,
                count(*) FILTER (WHERE t.slug = 'globex')::int AS globex,
                bool_and(s.approved_by IS NOT NULL AND s.approved_on IS NOT NULL) AS approved
         FROM strategies s JOIN tenants t ON t.id = s.tenant_id WHERE s.status = 'active'",
        [],
    )
    .await;
    assert_eq!(get::<i32>(&row, "acme"), 1);
    assert_eq!(
        get::<i32>(&row, "globex"),
        1,
        "another tenant's strategy is untouched"
    );
    assert!(get::<bool>(&row, "approved"));

    // Approved once only; an active strategy cannot be sent back either.
    assert_refused(
        &db,
        &admin,
        APPROVE_STRATEGY,
        json!({ "id": id }),
        "CONFLICT",
        None,
    )
    .await;
    assert_refused(
        &db,
        &admin,
        REJECT_STRATEGY,
        json!({ "id": id }),
        "CONFLICT",
        None,
    )
    .await;
    assert_refused(
        &db,
        &admin,
        APPROVE_STRATEGY,
        json!({ "id": previous }),
        "CONFLICT",
        None,
    )
    .await;
    assert_refused(
        &db,
        &admin,
        APPROVE_STRATEGY,
        json!({ "id": UNKNOWN_ID }),
        "NOT_FOUND",
        None,
    )
    .await;
}

#[tokio::test]
async fn an_admin_sends_a_submitted_strategy_back_to_draft_for_more_work() {
    let (db, server) = start().await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let member = Caller::user(&server, "member@acme.test").await;
    let reviewer = Caller::user(&server, "reviewer@acme.test").await;
    let key = Caller::api_key(&server, &["READ", "WRITE"]).await;
    let id = submitted_strategy(&member).await;

    for caller in [&member, &reviewer, &key] {
        assert_refused(
            &db,
            caller,
            REJECT_STRATEGY,
            json!({ "id": id }),
            "FORBIDDEN",
            None,
        )
        .await;
    }
    let body = admin.run(REJECT_STRATEGY, json!({ "id": id })).await;
    assert_eq!(
        body,
        json!({ "data": { "rejectStrategy": {
            "id": id, "version": 3, "status": "DRAFT", "approvedBy": null, "approvedOn": null
        } } })
    );
    // The active strategy is untouched.
    assert_eq!(
        strategy_statuses(&db, "acme").await,
        vec![
            (1, "archived".to_owned()),
            (2, "active".to_owned()),
            (3, "draft".to_owned()),
        ]
    );

    // A draft cannot be sent back; it can be edited and submitted again.
    assert_refused(
        &db,
        &admin,
        REJECT_STRATEGY,
        json!({ "id": id }),
        "CONFLICT",
        None,
    )
    .await;
    let body = member
        .run(
            UPDATE_STRATEGY,
            json!({ "id": id, "input": { "summary": "Reworked" } }),
        )
        .await;
    assert_eq!(data(&body, "/data/updateStrategy/summary"), "Reworked");
    let body = member.run(SUBMIT_STRATEGY, json!({ "id": id })).await;
    assert_eq!(
        data(&body, "/data/submitStrategy/status"),
        "AWAITING_APPROVAL"
    );
}

#[tokio::test]
async fn the_database_allows_one_active_strategy_per_tenant() {
    let (db, _server) = start().await;
    let before = plan_state(&db).await;

    let attempts = [
        (
            "activating the archived v1 beside the active v2",
            "UPDATE strategies SET status = 'active'
             WHERE version = 1 AND tenant_id = (SELECT id FROM tenants WHERE slug = 'acme')",
        ),
        (
            "inserting a second active strategy",
            "INSERT INTO strategies (tenant_id, version, status)
             SELECT id, 9, 'active' FROM tenants WHERE slug = 'acme'",
        ),
    ];
    for (what, sql) in attempts {
        match exec_with(&db.owner, sql, []).await {
            Ok(rows) => panic!("{what} succeeded ({rows} rows)"),
            Err(error) => {
                assert_eq!(
                    sql_state(&error).as_deref(),
                    Some("23505"),
                    "{what}: {error}"
                );
                assert!(
                    error.to_string().contains("strategies_tenant_active_key"),
                    "{what}: {error}"
                );
            }
        }
    }
    assert_eq!(plan_state(&db).await, before);

    // One per tenant, not one overall: acme and globex each have theirs, and a strategy that
    // is not active may sit beside the active one.
    assert_eq!(
        strategy_statuses(&db, "globex").await,
        vec![(1, "archived".to_owned()), (2, "active".to_owned())]
    );
    let added = exec_with(
        &db.owner,
        "INSERT INTO strategies (tenant_id, version, status)
         SELECT id, 9, 'awaiting_approval' FROM tenants WHERE slug = 'acme'",
        [],
    )
    .await;
    assert_eq!(added.ok(), Some(1));
}

// ---------------------------------------------------------------------------------------------
// Goals
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_goal_is_created_after_the_existing_goals_of_its_strategy() {
    let (db, server) = start().await;
    let member = Caller::user(&server, "member@acme.test").await;
    let active = strategy_id(&db, "acme", 2).await;

    let goal = create_goal(
        &member,
        json!({
            "strategyId": active, "name": "  Grow newsletter signups  ", "metric": "newsletter_signups",
            "targetValue": "500", "baselineValue": 100
        }),
    )
    .await;
    assert_eq!(
        goal,
        json!({
            "id": goal["id"], "name": "Grow newsletter signups", "description": null,
            "metric": "newsletter_signups", "targetValue": "500", "baselineValue": "100",
            "currentValue": null, "period": "MONTHLY", "targetDate": null, "status": "ACTIVE",
            "priority": 4, "deletedOn": null, "strategy": { "id": active },
            "progress": { "baseline": "100", "current": null, "target": "500", "percent": null }
        })
    );

    // An explicit priority is kept; the next default comes after the highest.
    let first = create_goal(
        &member,
        json!({
            "strategyId": active, "name": "x".repeat(255), "metric": "m".repeat(100),
            "description": "Why it matters.", "period": "ANNUAL", "targetDate": "2030-12-31",
            "priority": 1, "targetValue": "9999999999.99", "baselineValue": "-9999999999.99",
            "currentValue": "0.5"
        }),
    )
    .await;
    assert_eq!(
        (
            &first["priority"],
            &first["period"],
            &first["targetDate"],
            &first["targetValue"],
            &first["baselineValue"],
            &first["currentValue"]
        ),
        (
            &json!(1),
            &json!("ANNUAL"),
            &json!("2030-12-31"),
            &json!("9999999999.99"),
            &json!("-9999999999.99"),
            &json!("0.5")
        ),
        "{first}"
    );
    let last = create_goal(
        &member,
        json!({ "strategyId": active, "name": "Last", "metric": "leads" }),
    )
    .await;
    assert_eq!(last["priority"], 5);

    // The strategy lists its goals by priority (ties in creation order).
    let body = member.run(STRATEGY, json!({ "id": active })).await;
    assert_eq!(
        column(&body, "/data/strategy/goals", "name"),
        vec![
            json!(TRAFFIC),
            first["name"].clone(),
            json!(RANKINGS),
            json!(AUTHORITY),
            json!("Grow newsletter signups"),
            json!("Last"),
        ]
    );

    // The first goal of a new draft gets priority 1.
    let draft = create_draft(&member, json!({})).await;
    let goal = create_goal(
        &member,
        json!({ "strategyId": draft, "name": "Only", "metric": "leads" }),
    )
    .await;
    assert_eq!(goal["priority"], 1);
}

#[tokio::test]
async fn invalid_goal_input_is_refused_naming_the_field_and_changes_nothing() {
    let (db, server) = start().await;
    let member = Caller::user(&server, "member@acme.test").await;
    let active = strategy_id(&db, "acme", 2).await;
    let goal = goal_id(&db, "acme", RANKINGS).await;

    let input = |extra: Value| {
        let mut input = json!({ "strategyId": active, "name": "A goal", "metric": "leads" });
        if let (Some(input), Some(extra)) = (input.as_object_mut(), extra.as_object()) {
            input.extend(extra.clone());
        }
        json!({ "input": input })
    };
    for (variables, field) in [
        (input(json!({ "name": "   " })), "name"),
        (input(json!({ "name": "x".repeat(256) })), "name"),
        (input(json!({ "metric": "" })), "metric"),
        (input(json!({ "metric": "m".repeat(101) })), "metric"),
        (
            input(json!({ "description": "d".repeat(5_001) })),
            "description",
        ),
        (input(json!({ "targetValue": "1.234" })), "targetValue"),
        (
            input(json!({ "targetValue": "10000000000" })),
            "targetValue",
        ),
        (
            input(json!({ "targetValue": "-10000000000" })),
            "targetValue",
        ),
        (input(json!({ "baselineValue": "0.001" })), "baselineValue"),
        (
            input(json!({ "currentValue": "99999999999" })),
            "currentValue",
        ),
        (input(json!({ "priority": 0 })), "priority"),
        (input(json!({ "strategyId": "not-an-id" })), "strategyId"),
    ] {
        assert_bad_input(&db, &member, CREATE_GOAL, variables, field).await;
    }
    assert_refused(
        &db,
        &member,
        CREATE_GOAL,
        input(json!({ "strategyId": UNKNOWN_ID })),
        "NOT_FOUND",
        None,
    )
    .await;

    let update = |input: Value| json!({ "id": goal, "input": input });
    for (variables, field) in [
        (update(json!({ "name": "" })), "name"),
        (update(json!({ "name": "x".repeat(256) })), "name"),
        (update(json!({ "metric": " " })), "metric"),
        (update(json!({ "targetValue": "1.234" })), "targetValue"),
        (
            update(json!({ "targetValue": "10000000000" })),
            "targetValue",
        ),
        (update(json!({ "baselineValue": "1e10" })), "baselineValue"),
        (json!({ "id": "not-an-id", "input": { "name": "x" } }), "id"),
    ] {
        assert_bad_input(&db, &member, UPDATE_GOAL, variables, field).await;
    }
    for value in ["12.345", "10000000000"] {
        assert_bad_input(
            &db,
            &member,
            RECORD_GOAL_VALUE,
            json!({ "id": goal, "value": value }),
            "currentValue",
        )
        .await;
    }
    assert_refused(
        &db,
        &member,
        UPDATE_GOAL,
        json!({ "id": UNKNOWN_ID, "input": { "name": "x" } }),
        "NOT_FOUND",
        None,
    )
    .await;
}

#[tokio::test]
async fn updating_a_goal_changes_only_the_given_fields() {
    let (db, server) = start().await;
    let member = Caller::user(&server, "member@acme.test").await;
    let active = strategy_id(&db, "acme", 2).await;
    let id = goal_id(&db, "acme", RANKINGS).await;
    let seeded = member.run(GOAL, json!({ "id": id })).await;
    assert_eq!(data(&seeded, "/data/goal/name"), RANKINGS);

    let body = member
        .run(
            UPDATE_GOAL,
            json!({ "id": id, "input": { "name": "Rank for more buying keywords" } }),
        )
        .await;
    let renamed = data(&body, "/data/updateGoal").clone();
    assert!(renamed["targetDate"].is_string(), "{body}");
    assert_eq!(
        renamed,
        json!({
            "id": id, "name": "Rank for more buying keywords", "description": "Keywords in the top 10.",
            "metric": "keyword_rankings", "targetValue": "20", "baselineValue": "5",
            "currentValue": "12", "period": "MONTHLY", "targetDate": renamed["targetDate"],
            "status": "ACTIVE", "priority": 2, "deletedOn": null, "strategy": { "id": active },
            "progress": { "baseline": "5", "current": "12", "target": "20", "percent": 46.7 }
        })
    );

    // Null clears; a new target moves the progress.
    let body = member
        .run(
            UPDATE_GOAL,
            json!({ "id": id, "input": {
                "description": null, "targetDate": null, "targetValue": "25", "period": "QUARTERLY",
                "metric": "top10_keywords"
            } }),
        )
        .await;
    let mut expected = renamed.clone();
    expected["description"] = Value::Null;
    expected["targetDate"] = Value::Null;
    expected["targetValue"] = json!("25");
    expected["period"] = json!("QUARTERLY");
    expected["metric"] = json!("top10_keywords");
    expected["progress"] =
        json!({ "baseline": "5", "current": "12", "target": "25", "percent": 35.0 });
    assert_eq!(data(&body, "/data/updateGoal"), &expected);

    let body = member
        .run(
            UPDATE_GOAL,
            json!({ "id": id, "input": { "baselineValue": null } }),
        )
        .await;
    expected["baselineValue"] = Value::Null;
    expected["progress"] =
        json!({ "baseline": null, "current": "12", "target": "25", "percent": null });
    assert_eq!(data(&body, "/data/updateGoal"), &expected);

    for status in ["AT_RISK", "PAUSED", "ACHIEVED", "ON_TRACK", "ACTIVE"] {
        let body = member
            .run(SET_GOAL_STATUS, json!({ "id": id, "status": status }))
            .await;
        assert_eq!(
            body,
            json!({ "data": { "setGoalStatus": { "id": id, "status": status } } })
        );
    }
    let row = query_one(
        &db.owner,
        "SELECT g.status::text AS status, g.name, u.email FROM goals g
         LEFT JOIN users u ON u.id = g.updated_by WHERE g.ref_id = $1",
        [id.clone().into()],
    )
    .await;
    assert_eq!(get::<String>(&row, "status"), "active");
    assert_eq!(get::<String>(&row, "name"), "Rank for more buying keywords");
    assert_eq!(get::<String>(&row, "email"), "member@acme.test");
}

#[tokio::test]
async fn the_data_analyst_agent_records_a_goal_value_with_a_read_write_key_but_not_a_read_key() {
    let (db, server) = start().await;
    let analyst = Caller::api_key(&server, &["READ", "WRITE"]).await;
    let reader = Caller::api_key(&server, &["READ"]).await;
    let id = goal_id(&db, "acme", TRAFFIC).await;

    let body = analyst
        .run(RECORD_GOAL_VALUE, json!({ "id": id, "value": "5500" }))
        .await;
    assert_eq!(
        body,
        json!({ "data": { "recordGoalValue": {
            "id": id, "currentValue": "5500",
            "progress": { "baseline": "1000", "current": "5500", "target": "10000", "percent": 50.0 }
        } } })
    );
    // A JSON number is accepted too, and below the baseline the progress is negative.
    let body = analyst
        .run(RECORD_GOAL_VALUE, json!({ "id": id, "value": 100.5 }))
        .await;
    assert_eq!(
        data(&body, "/data/recordGoalValue/progress"),
        &json!({ "baseline": "1000", "current": "100.5", "target": "10000", "percent": -10.0 })
    );

    assert_refused(
        &db,
        &reader,
        RECORD_GOAL_VALUE,
        json!({ "id": id, "value": "6000" }),
        "FORBIDDEN",
        None,
    )
    .await;
    // The read key still reads what the agent wrote.
    let body = reader.run(GOAL, json!({ "id": id })).await;
    assert_eq!(data(&body, "/data/goal/id"), &json!(id));
    let row = query_one(
        &db.owner,
        "SELECT current_value::text AS value FROM goals WHERE ref_id = $1",
        [id.clone().into()],
    )
    .await;
    assert_eq!(get::<String>(&row, "value"), "100.50");
}

#[tokio::test]
async fn reordering_goals_needs_every_live_goal_of_the_strategy_exactly_once() {
    let (db, server) = start().await;
    let member = Caller::user(&server, "member@acme.test").await;
    let active = strategy_id(&db, "acme", 2).await;
    let traffic = goal_id(&db, "acme", TRAFFIC).await;
    let rankings = goal_id(&db, "acme", RANKINGS).await;
    let authority = goal_id(&db, "acme", AUTHORITY).await;
    let draft = create_draft(&member, json!({})).await;
    let other_strategy = create_goal(
        &member,
        json!({ "strategyId": draft, "name": "Elsewhere", "metric": "leads" }),
    )
    .await;
    let other_strategy = as_text(&other_strategy["id"]);
    let other_tenant = goal_id(&db, "globex", TRAFFIC).await;

    let body = member
        .run(
            REORDER_GOALS,
            json!({ "strategyId": active, "goalIds": [authority, traffic, rankings] }),
        )
        .await;
    assert_eq!(
        body,
        json!({ "data": { "reorderGoals": [
            { "id": authority, "priority": 1 },
            { "id": traffic, "priority": 2 },
            { "id": rankings, "priority": 3 }
        ] } })
    );
    let body = member.run(STRATEGY, json!({ "id": active })).await;
    assert_eq!(
        ids(data(&body, "/data/strategy/goals")),
        vec![authority.clone(), traffic.clone(), rankings.clone()]
    );

    for goal_ids in [
        json!([authority, traffic]),
        json!([authority, traffic, rankings, rankings]),
        json!([authority, traffic, other_strategy]),
        json!([authority, traffic, rankings, other_strategy]),
        json!([authority, traffic, other_tenant]),
        json!([authority, traffic, UNKNOWN_ID]),
        json!([authority, traffic, "not-an-id"]),
        json!([]),
    ] {
        assert_bad_input(
            &db,
            &member,
            REORDER_GOALS,
            json!({ "strategyId": active, "goalIds": goal_ids }),
            "goalIds",
        )
        .await;
    }
    assert_refused(
        &db,
        &member,
        REORDER_GOALS,
        json!({ "strategyId": UNKNOWN_ID, "goalIds": [traffic] }),
        "NOT_FOUND",
        None,
    )
    .await;

    // A deleted goal is no longer part of the order.
    let body = member.run(DELETE_GOAL, json!({ "id": traffic })).await;
    assert!(data(&body, "/data/deleteGoal/deletedOn").is_string());
    assert_bad_input(
        &db,
        &member,
        REORDER_GOALS,
        json!({ "strategyId": active, "goalIds": [rankings, authority, traffic] }),
        "goalIds",
    )
    .await;
    let body = member
        .run(
            REORDER_GOALS,
            json!({ "strategyId": active, "goalIds": [rankings, authority] }),
        )
        .await;
    assert_eq!(
        body,
        json!({ "data": { "reorderGoals": [
            { "id": rankings, "priority": 1 },
            { "id": authority, "priority": 2 }
        ] } })
    );
}

#[tokio::test]
async fn a_deleted_goal_leaves_its_strategy_and_disables_its_deliverables() {
    let (db, server) = start().await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let member = Caller::user(&server, "member@acme.test").await;
    let reviewer = Caller::user(&server, "reviewer@acme.test").await;
    let active = strategy_id(&db, "acme", 2).await;
    let traffic = goal_id(&db, "acme", TRAFFIC).await;
    let blog = deliverable_id(&db, "acme", BLOG).await;
    let social = deliverable_id(&db, "acme", SOCIAL).await;

    let body = member.run(DELETE_GOAL, json!({ "id": traffic })).await;
    let deleted_on = data(&body, "/data/deleteGoal/deletedOn").clone();
    assert!(deleted_on.is_string(), "{body}");

    // Hidden from the strategy; its deliverables stay listed, disabled.
    let body = member.run(STRATEGY, json!({ "id": active })).await;
    assert_eq!(
        column(&body, "/data/strategy/goals", "name"),
        vec![json!(RANKINGS), json!(AUTHORITY)]
    );
    for deliverable in data(&body, "/data/strategy/deliverables")
        .as_array()
        .into_iter()
        .flatten()
    {
        let of_deleted_goal =
            deliverable["id"] == json!(blog) || deliverable["id"] == json!(social);
        assert_eq!(
            deliverable["isActive"],
            json!(!of_deleted_goal),
            "{deliverable}"
        );
    }
    for id in [&blog, &social] {
        let body = member.run(DELIVERABLE, json!({ "id": id })).await;
        assert_eq!(data(&body, "/data/deliverable/isActive"), false, "{body}");
    }
    let row = query_one(
        &db.owner,
        "SELECT count(*) FILTER (WHERE NOT d.is_active)::int AS disabled, count(*)::int AS total
         FROM deliverables d JOIN goals g ON g.id = d.goal_id WHERE g.ref_id = $1",
        [traffic.clone().into()],
    )
    .await;
    assert_eq!(
        (get::<i32>(&row, "disabled"), get::<i32>(&row, "total")),
        (2, 2)
    );

    // By id: admins still see it, members and reviewers do not.
    let body = admin.run(GOAL, json!({ "id": traffic })).await;
    assert_eq!(
        body,
        json!({ "data": { "goal": {
            "id": traffic, "name": TRAFFIC, "deletedOn": deleted_on,
            "deliverables": [
                { "id": data(&body, "/data/goal/deliverables/0/id"), "isActive": false },
                { "id": data(&body, "/data/goal/deliverables/1/id"), "isActive": false }
            ]
        } } })
    );
    for caller in [&member, &reviewer] {
        let body = caller.run(GOAL, json!({ "id": traffic })).await;
        assert_eq!(
            body,
            json!({ "data": { "goal": null } }),
            "{}",
            caller.who()
        );
    }

    // A deleted goal cannot change any more, nor get deliverables.
    for (query, variables) in [
        (DELETE_GOAL, json!({ "id": traffic })),
        (
            UPDATE_GOAL,
            json!({ "id": traffic, "input": { "name": "Back" } }),
        ),
        (
            SET_GOAL_STATUS,
            json!({ "id": traffic, "status": "PAUSED" }),
        ),
        (RECORD_GOAL_VALUE, json!({ "id": traffic, "value": "1" })),
        (
            CREATE_DELIVERABLE,
            json!({ "input": { "goalId": traffic, "type": "BLOG_POSTS", "name": "More", "quantityPerPeriod": 1 } }),
        ),
    ] {
        assert_refused(&db, &member, query, variables, "NOT_FOUND", None).await;
    }

    // Its deliverables stay disabled.
    for id in [&blog, &social] {
        assert_refused(
            &db,
            &member,
            SET_DELIVERABLE_ACTIVE,
            json!({ "id": id, "active": true }),
            "CONFLICT",
            None,
        )
        .await;
    }
}

#[tokio::test]
async fn goals_and_deliverables_of_an_archived_strategy_cannot_change() {
    let (db, server) = start().await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let member = Caller::user(&server, "member@acme.test").await;
    let first = strategy_id(&db, "acme", 1).await;
    let second = strategy_id(&db, "acme", 2).await;
    let traffic = goal_id(&db, "acme", TRAFFIC).await;
    let rankings = goal_id(&db, "acme", RANKINGS).await;
    let authority = goal_id(&db, "acme", AUTHORITY).await;
    let blog = deliverable_id(&db, "acme", BLOG).await;

    // Approving v3 archives v2 (the seed's v1 is archived already).
    let third = submitted_strategy(&member).await;
    let body = admin.run(APPROVE_STRATEGY, json!({ "id": third })).await;
    assert_eq!(data(&body, "/data/approveStrategy/status"), "ACTIVE");

    for (query, variables) in [
        (
            CREATE_GOAL,
            json!({ "input": { "strategyId": second, "name": "Late", "metric": "leads" } }),
        ),
        (
            CREATE_GOAL,
            json!({ "input": { "strategyId": first, "name": "Late", "metric": "leads" } }),
        ),
        (
            UPDATE_GOAL,
            json!({ "id": traffic, "input": { "name": "Late" } }),
        ),
        (
            SET_GOAL_STATUS,
            json!({ "id": traffic, "status": "PAUSED" }),
        ),
        (RECORD_GOAL_VALUE, json!({ "id": traffic, "value": "9000" })),
        (
            REORDER_GOALS,
            json!({ "strategyId": second, "goalIds": [authority, rankings, traffic] }),
        ),
        (DELETE_GOAL, json!({ "id": traffic })),
        (
            CREATE_DELIVERABLE,
            json!({ "input": { "goalId": traffic, "type": "BLOG_POSTS", "name": "Late", "quantityPerPeriod": 1 } }),
        ),
        (
            UPDATE_DELIVERABLE,
            json!({ "id": blog, "input": { "quantityPerPeriod": 3 } }),
        ),
        (
            SET_DELIVERABLE_ACTIVE,
            json!({ "id": blog, "active": false }),
        ),
        (OPEN_PERIOD, json!({ "id": blog, "start": "2030-01-01" })),
        (
            UPDATE_STRATEGY,
            json!({ "id": second, "input": { "summary": "Late" } }),
        ),
        (SUBMIT_STRATEGY, json!({ "id": second })),
    ] {
        assert_refused(&db, &admin, query, variables, "CONFLICT", None).await;
    }

    // History stays readable.
    let body = member.run(STRATEGY, json!({ "id": second })).await;
    assert_eq!(data(&body, "/data/strategy/status"), "ARCHIVED");
    assert_eq!(
        ids(data(&body, "/data/strategy/goals")),
        vec![traffic, rankings, authority]
    );
}

// ---------------------------------------------------------------------------------------------
// Goal progress
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn goal_progress_follows_the_formula_from_baseline_to_target() {
    let (db, server) = start().await;
    let member = Caller::user(&server, "member@acme.test").await;
    let active = strategy_id(&db, "acme", 2).await;

    // The seed: 1000 → 4000 of 10000 is 33.3%; the third goal's target equals its baseline.
    let body = member
        .run(
            "query($id: ID!) { strategy(id: $id) { goals { name progress { baseline current target percent } } } }",
            json!({ "id": active }),
        )
        .await;
    assert_eq!(
        data(&body, "/data/strategy/goals"),
        &json!([
            { "name": TRAFFIC, "progress": { "baseline": "1000", "current": "4000", "target": "10000", "percent": 33.3 } },
            { "name": RANKINGS, "progress": { "baseline": "5", "current": "12", "target": "20", "percent": 46.7 } },
            { "name": AUTHORITY, "progress": { "baseline": "30", "current": "31", "target": "30", "percent": null } }
        ])
    );

    let cases: [(Value, Value, Value, Value); 9] = [
        (json!("0"), Value::Null, json!("10"), Value::Null),
        (Value::Null, json!("5"), json!("10"), Value::Null),
        (json!("0"), json!("5"), Value::Null, Value::Null),
        (json!("100"), json!("50"), json!("200"), json!(-50.0)),
        (json!("0"), json!("15"), json!("10"), json!(150.0)),
        (json!("50"), json!("40"), json!("0"), json!(20.0)),
        (json!("0.5"), json!("1.25"), json!("2"), json!(50.0)),
        (json!("0"), json!("2"), json!("3"), json!(66.7)),
        (json!("7"), json!("7"), json!("7"), Value::Null),
    ];
    for (baseline, current, target, percent) in cases {
        let goal = create_goal(
            &member,
            json!({
                "strategyId": active, "name": "Case", "metric": "m",
                "baselineValue": baseline, "currentValue": current, "targetValue": target
            }),
        )
        .await;
        assert_eq!(
            goal["progress"],
            json!({ "baseline": baseline, "current": current, "target": target, "percent": percent }),
            "{goal}"
        );
        // The same through a read.
        let body = member
            .run(
                "query($id: ID!) { goal(id: $id) { progress { percent } } }",
                json!({ "id": goal["id"] }),
            )
            .await;
        assert_eq!(data(&body, "/data/goal/progress/percent"), &percent);
    }
}

// ---------------------------------------------------------------------------------------------
// Deliverables and periods
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_deliverable_is_created_under_a_goal_with_its_strategy_and_defaults() {
    let (db, server) = start().await;
    let member = Caller::user(&server, "member@acme.test").await;
    let active = strategy_id(&db, "acme", 2).await;
    let rankings = goal_id(&db, "acme", RANKINGS).await;

    let body = member
        .run(
            CREATE_DELIVERABLE,
            json!({ "input": {
                "goalId": rankings, "type": "LANDING_PAGES", "name": "  Landing Pages ",
                "quantityPerPeriod": 2, "platforms": [" WordPress ", "wordpress", "LinkedIn", "WORDPRESS"]
            } }),
        )
        .await;
    let id = as_text(data(&body, "/data/createDeliverable/id"));
    assert_eq!(
        body,
        json!({ "data": { "createDeliverable": {
            "id": id, "name": "Landing Pages", "type": "LANDING_PAGES", "quantityPerPeriod": 2,
            "cadence": "MONTHLY", "platforms": ["wordpress", "linkedin"], "isActive": true,
            "goal": { "id": rankings }, "strategy": { "id": active }, "periods": [],
            "currentPeriod": null
        } } })
    );

    // Quarterly, the bounds of the quantity, no platforms; on a draft's goal the strategy is
    // the draft.
    let draft = create_draft(&member, json!({})).await;
    let goal = create_goal(
        &member,
        json!({ "strategyId": draft, "name": "Draft goal", "metric": "leads" }),
    )
    .await;
    for quantity in [1, 1000] {
        let body = member
            .run(
                CREATE_DELIVERABLE,
                json!({ "input": {
                    "goalId": goal["id"], "type": "WEBSITE_AUDIT", "name": "Audit",
                    "quantityPerPeriod": quantity, "cadence": "QUARTERLY"
                } }),
            )
            .await;
        let created = data(&body, "/data/createDeliverable");
        assert_eq!(
            (
                &created["cadence"],
                &created["quantityPerPeriod"],
                &created["platforms"],
                &created["strategy"]["id"],
            ),
            (
                &json!("QUARTERLY"),
                &json!(quantity),
                &json!([]),
                &json!(draft)
            ),
            "{body}"
        );
    }

    // The goal lists its deliverables oldest first, the new one last.
    let body = member
        .run(
            "query($id: ID!) { goal(id: $id) { deliverables { id name } } }",
            json!({ "id": rankings }),
        )
        .await;
    assert_eq!(
        column(&body, "/data/goal/deliverables", "name"),
        vec![json!(BACKLINKS), json!("Landing Pages")]
    );
    let row = query_one(
        &db.owner,
        "SELECT d.strategy_id = g.strategy_id AS same, d.platforms::text AS platforms
         FROM deliverables d JOIN goals g ON g.id = d.goal_id WHERE d.ref_id = $1",
        [id.into()],
    )
    .await;
    assert!(get::<bool>(&row, "same"));
    assert_eq!(get::<String>(&row, "platforms"), "{wordpress,linkedin}");
}

#[tokio::test]
async fn invalid_deliverable_input_is_refused_naming_the_field_and_changes_nothing() {
    let (db, server) = start().await;
    let member = Caller::user(&server, "member@acme.test").await;
    let rankings = goal_id(&db, "acme", RANKINGS).await;
    let blog = deliverable_id(&db, "acme", BLOG).await;

    let input = |extra: Value| {
        let mut input = json!({
            "goalId": rankings, "type": "BACKLINKS", "name": "Links", "quantityPerPeriod": 3
        });
        if let (Some(input), Some(extra)) = (input.as_object_mut(), extra.as_object()) {
            input.extend(extra.clone());
        }
        json!({ "input": input })
    };
    let many: Vec<String> = (0..21).map(|n| format!("platform{n}")).collect();
    for (variables, field) in [
        (
            input(json!({ "quantityPerPeriod": 0 })),
            "quantityPerPeriod",
        ),
        (
            input(json!({ "quantityPerPeriod": 1001 })),
            "quantityPerPeriod",
        ),
        (
            input(json!({ "quantityPerPeriod": -1 })),
            "quantityPerPeriod",
        ),
        (input(json!({ "name": " " })), "name"),
        (input(json!({ "name": "x".repeat(256) })), "name"),
        (input(json!({ "platforms": many })), "platforms"),
        (
            input(json!({ "platforms": ["wordpress", " "] })),
            "platforms",
        ),
        (input(json!({ "platforms": ["p".repeat(51)] })), "platforms"),
        (input(json!({ "goalId": "not-an-id" })), "goalId"),
    ] {
        assert_bad_input(&db, &member, CREATE_DELIVERABLE, variables, field).await;
    }
    assert_refused(
        &db,
        &member,
        CREATE_DELIVERABLE,
        input(json!({ "goalId": UNKNOWN_ID })),
        "NOT_FOUND",
        None,
    )
    .await;

    let update = |input: Value| json!({ "id": blog, "input": input });
    for (variables, field) in [
        (
            update(json!({ "quantityPerPeriod": 0 })),
            "quantityPerPeriod",
        ),
        (
            update(json!({ "quantityPerPeriod": 1001 })),
            "quantityPerPeriod",
        ),
        (update(json!({ "name": "" })), "name"),
        (update(json!({ "platforms": [""] })), "platforms"),
        (json!({ "id": "not-an-id", "input": { "name": "x" } }), "id"),
    ] {
        assert_bad_input(&db, &member, UPDATE_DELIVERABLE, variables, field).await;
    }
    assert_refused(
        &db,
        &member,
        UPDATE_DELIVERABLE,
        json!({ "id": UNKNOWN_ID, "input": { "name": "x" } }),
        "NOT_FOUND",
        None,
    )
    .await;
}

#[tokio::test]
async fn a_new_quantity_applies_only_to_periods_opened_afterwards() {
    let (db, server) = start().await;
    let member = Caller::user(&server, "member@acme.test").await;
    let blog = deliverable_id(&db, "acme", BLOG).await;
    let now = period_id(&db, "acme", BLOG, this_month()).await;
    let before = period_id(&db, "acme", BLOG, last_month()).await;

    let body = member
        .run(
            UPDATE_DELIVERABLE,
            json!({ "id": blog, "input": { "quantityPerPeriod": 12, "name": "Blog Posts" } }),
        )
        .await;
    assert_eq!(
        body,
        json!({ "data": { "updateDeliverable": {
            "id": blog, "name": "Blog Posts", "type": "BLOG_POSTS", "quantityPerPeriod": 12,
            "cadence": "MONTHLY", "platforms": ["wordpress"], "isActive": true,
            "periods": [
                { "id": now, "periodStart": this_month().to_string(), "targetCount": 10 },
                { "id": before, "periodStart": last_month().to_string(), "targetCount": 10 }
            ]
        } } })
    );

    let body = member
        .run(OPEN_PERIOD, json!({ "id": blog, "start": "2030-01-01" }))
        .await;
    assert_eq!(data(&body, "/data/openDeliverablePeriod/targetCount"), 12);
    let body = member
        .run(
            UPDATE_DELIVERABLE,
            json!({ "id": blog, "input": { "platforms": ["Medium", "medium"] } }),
        )
        .await;
    let updated = data(&body, "/data/updateDeliverable");
    assert_eq!(updated["platforms"], json!(["medium"]), "{body}");
    assert_eq!(updated["quantityPerPeriod"], 12, "{body}");
    assert_eq!(
        column(&body, "/data/updateDeliverable/periods", "targetCount"),
        vec![json!(12), json!(10), json!(10)]
    );
}

#[tokio::test]
async fn a_disabled_deliverable_opens_no_periods_until_it_is_enabled_again() {
    let (db, server) = start().await;
    let member = Caller::user(&server, "member@acme.test").await;
    let blog = deliverable_id(&db, "acme", BLOG).await;

    let body = member
        .run(
            SET_DELIVERABLE_ACTIVE,
            json!({ "id": blog, "active": false }),
        )
        .await;
    assert_eq!(
        body,
        json!({ "data": { "setDeliverableActive": { "id": blog, "isActive": false } } })
    );
    assert_refused(
        &db,
        &member,
        OPEN_PERIOD,
        json!({ "id": blog, "start": "2030-01-01" }),
        "CONFLICT",
        None,
    )
    .await;
    // Its periods stay readable.
    let body = member.run(DELIVERABLE, json!({ "id": blog })).await;
    assert_eq!(
        data(&body, "/data/deliverable/periods")
            .as_array()
            .map(Vec::len),
        Some(2)
    );

    let body = member
        .run(
            SET_DELIVERABLE_ACTIVE,
            json!({ "id": blog, "active": true }),
        )
        .await;
    assert_eq!(
        body,
        json!({ "data": { "setDeliverableActive": { "id": blog, "isActive": true } } })
    );
    let body = member
        .run(OPEN_PERIOD, json!({ "id": blog, "start": "2030-01-01" }))
        .await;
    assert_eq!(
        data(&body, "/data/openDeliverablePeriod/periodEnd"),
        "2030-01-31"
    );
    assert_refused(
        &db,
        &member,
        SET_DELIVERABLE_ACTIVE,
        json!({ "id": UNKNOWN_ID, "active": true }),
        "NOT_FOUND",
        None,
    )
    .await;
}

#[tokio::test]
async fn opening_a_period_computes_its_end_from_the_calendar_and_refuses_a_second_one() {
    let (db, server) = start().await;
    let member = Caller::user(&server, "member@acme.test").await;
    let blog = deliverable_id(&db, "acme", BLOG).await;
    let rankings = goal_id(&db, "acme", RANKINGS).await;
    let body = member
        .run(
            CREATE_DELIVERABLE,
            json!({ "input": {
                "goalId": rankings, "type": "WEBSITE_AUDIT", "name": "Quarterly Audit",
                "quantityPerPeriod": 1, "cadence": "QUARTERLY"
            } }),
        )
        .await;
    let audit = as_text(data(&body, "/data/createDeliverable/id"));

    let body = member
        .run(OPEN_PERIOD, json!({ "id": blog, "start": "2030-02-01" }))
        .await;
    let id = as_text(data(&body, "/data/openDeliverablePeriod/id"));
    assert_eq!(
        body,
        json!({ "data": { "openDeliverablePeriod": {
            "id": id, "periodStart": "2030-02-01", "periodEnd": "2030-02-28", "targetCount": 10,
            "completedCount": 0, "status": "NOT_STARTED",
            "progress": { "target": 10, "completed": 0, "percent": 0.0, "status": "NOT_STARTED" },
            "deliverable": { "id": blog }
        } } })
    );
    for (deliverable, start, end) in [
        (&blog, "2028-02-01", "2028-02-29"),
        (&blog, "2030-04-01", "2030-04-30"),
        (&blog, "2030-12-01", "2030-12-31"),
        (&audit, "2030-01-01", "2030-03-31"),
        (&audit, "2030-10-01", "2030-12-31"),
    ] {
        let body = member
            .run(OPEN_PERIOD, json!({ "id": deliverable, "start": start }))
            .await;
        assert_eq!(
            (
                data(&body, "/data/openDeliverablePeriod/periodStart"),
                data(&body, "/data/openDeliverablePeriod/periodEnd")
            ),
            (&json!(start), &json!(end)),
            "{body}"
        );
    }

    for (deliverable, start) in [
        (&blog, "2030-03-15"),
        (&blog, "2030-03-31"),
        (&audit, "2030-02-01"),
        (&audit, "2030-05-01"),
        (&audit, "2030-04-02"),
    ] {
        assert_bad_input(
            &db,
            &member,
            OPEN_PERIOD,
            json!({ "id": deliverable, "start": start }),
            "periodStart",
        )
        .await;
    }

    // One period per deliverable and start: the one just opened, and the seeded current one.
    for start in ["2030-02-01".to_owned(), this_month().to_string()] {
        let body = assert_refused(
            &db,
            &member,
            OPEN_PERIOD,
            json!({ "id": blog, "start": start }),
            "CONFLICT",
            None,
        )
        .await;
        assert_eq!(
            body["errors"][0]["message"],
            "this deliverable already has a period starting on that date",
            "{body}"
        );
    }
    assert_bad_input(
        &db,
        &member,
        OPEN_PERIOD,
        json!({ "id": "not-an-id", "start": "2030-01-01" }),
        "deliverableId",
    )
    .await;
    assert_refused(
        &db,
        &member,
        OPEN_PERIOD,
        json!({ "id": UNKNOWN_ID, "start": "2030-01-01" }),
        "NOT_FOUND",
        None,
    )
    .await;
}

#[tokio::test]
async fn the_database_allows_one_period_per_deliverable_and_start_date() {
    let (db, _server) = start().await;
    let existing = period_id(&db, "acme", BLOG, this_month()).await;
    let before = plan_state(&db).await;

    let duplicate = exec_with(
        &db.owner,
        "INSERT INTO deliverable_periods (tenant_id, deliverable_id, period_start, period_end, target_count)
         SELECT tenant_id, deliverable_id, period_start, period_end, target_count + 1
         FROM deliverable_periods WHERE ref_id = $1",
        [existing.clone().into()],
    )
    .await;
    match duplicate {
        Ok(rows) => panic!("a second period with the same start was stored ({rows} rows)"),
        Err(error) => {
            assert_eq!(sql_state(&error).as_deref(), Some("23505"), "{error}");
            assert!(
                error
                    .to_string()
                    .contains("deliverable_periods_tenant_id_deliverable_id_period_start_key"),
                "{error}"
            );
        }
    }
    assert_eq!(plan_state(&db).await, before);

    // Another start of the same deliverable is fine.
    let other = exec_with(
        &db.owner,
        "INSERT INTO deliverable_periods (tenant_id, deliverable_id, period_start, period_end, target_count)
         SELECT tenant_id, deliverable_id, DATE '2030-01-01', DATE '2030-01-31', target_count
         FROM deliverable_periods WHERE ref_id = $1",
        [existing.into()],
    )
    .await;
    assert_eq!(other.ok(), Some(1));
}

#[tokio::test]
async fn a_period_reports_its_target_completed_count_percent_and_status() {
    let (db, server) = start().await;
    let reviewer = Caller::user(&server, "reviewer@acme.test").await;

    for (start, current) in [(this_month(), true), (last_month(), false)] {
        for name in [BLOG, SOCIAL, BACKLINKS, REPORT] {
            let id = period_id(&db, "acme", name, start).await;
            let body = reviewer
                .run(
                    "query($id: ID!) { deliverablePeriod(id: $id) {
                       targetCount completedCount status progress { target completed percent status } } }",
                    json!({ "id": id }),
                )
                .await;
            let period = data(&body, "/data/deliverablePeriod");
            let expected = seeded_progress(name, current);
            assert_eq!(period["progress"], expected, "{name} from {start}");
            assert_eq!(
                (
                    &period["targetCount"],
                    &period["completedCount"],
                    &period["status"]
                ),
                (
                    &expected["target"],
                    &expected["completed"],
                    &expected["status"]
                ),
                "{name} from {start}"
            );
        }
    }

    // This month's counts are the completed activities of each period.
    let rows = query_all(
        &db.owner,
        "SELECT p.completed_count::int AS stored,
                (SELECT count(*) FROM activities a WHERE a.deliverable_period_id = p.id
                   AND a.status = 'completed' AND a.deleted_on IS NULL)::int AS counted
         FROM deliverable_periods p JOIN tenants t ON t.id = p.tenant_id
         WHERE t.slug = 'acme' AND p.period_start = date_trunc('month', current_date)::date",
        [],
    )
    .await;
    assert_eq!(rows.len(), 4);
    for row in &rows {
        assert_eq!(get::<i32>(row, "stored"), get::<i32>(row, "counted"));
    }

    // A target of zero (the API never opens one, the table allows it) has no percent.
    let id = period_id(&db, "acme", REPORT, last_month()).await;
    let zeroed = exec_with(
        &db.owner,
        "UPDATE deliverable_periods SET target_count = 0 WHERE ref_id = $1",
        [id.clone().into()],
    )
    .await;
    assert_eq!(zeroed.ok(), Some(1));
    let body = reviewer
        .run(
            "query($id: ID!) { deliverablePeriod(id: $id) { progress { target completed percent status } } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(
        data(&body, "/data/deliverablePeriod/progress"),
        &json!({ "target": 0, "completed": 0, "percent": null, "status": "MISSED" })
    );
}

#[tokio::test]
async fn deliverable_periods_lists_the_periods_containing_a_day_oldest_first() {
    let (db, server) = start().await;
    let member = Caller::user(&server, "member@acme.test").await;
    let current = ref_ids(
        &db,
        "SELECT p.ref_id FROM deliverable_periods p JOIN tenants t ON t.id = p.tenant_id
         WHERE t.slug = 'acme' AND p.period_start = $1::date ORDER BY p.ref_id",
        vec![this_month().to_string().into()],
    )
    .await;
    let previous = ref_ids(
        &db,
        "SELECT p.ref_id FROM deliverable_periods p JOIN tenants t ON t.id = p.tenant_id
         WHERE t.slug = 'acme' AND p.period_start = $1::date ORDER BY p.ref_id",
        vec![last_month().to_string().into()],
    )
    .await;
    assert_eq!((current.len(), previous.len()), (4, 4));

    // By default: today's (acme's only, not globex's).
    let body = member.run(PERIODS, json!({})).await;
    assert_eq!(ids(data(&body, "/data/deliverablePeriods/nodes")), current);
    for node in data(&body, "/data/deliverablePeriods/nodes")
        .as_array()
        .into_iter()
        .flatten()
    {
        let name = as_text(&node["deliverable"]["name"]);
        assert_eq!(node["progress"], seeded_progress(&name, true), "{node}");
        assert_eq!(node["periodStart"], json!(this_month().to_string()));
    }
    let body = member
        .run(PERIODS, json!({ "containing": today().to_string() }))
        .await;
    assert_eq!(ids(data(&body, "/data/deliverablePeriods/nodes")), current);

    // A day of last month, its first and last days included.
    let last_day = this_month()
        .pred_opt()
        .unwrap_or_else(|| panic!("no last day"));
    let mid = last_month()
        .with_day(15)
        .unwrap_or_else(|| panic!("no 15th"));
    for day in [last_month(), mid, last_day] {
        let body = member
            .run(PERIODS, json!({ "containing": day.to_string() }))
            .await;
        assert_eq!(
            ids(data(&body, "/data/deliverablePeriods/nodes")),
            previous,
            "{day}"
        );
    }
    let body = member
        .run(PERIODS, json!({ "containing": "2030-06-15" }))
        .await;
    assert_eq!(
        data(&body, "/data/deliverablePeriods"),
        &json!({ "pageInfo": { "hasPreviousPage": false, "hasNextPage": false, "endCursor": null }, "nodes": [] })
    );

    // By status.
    let report_now = period_id(&db, "acme", REPORT, this_month()).await;
    let body = member.run(PERIODS, json!({ "status": "COMPLETED" })).await;
    assert_eq!(
        ids(data(&body, "/data/deliverablePeriods/nodes")),
        vec![report_now.clone()]
    );
    let body = member
        .run(PERIODS, json!({ "status": "IN_PROGRESS" }))
        .await;
    let in_progress: Vec<String> = current
        .iter()
        .filter(|id| **id != report_now)
        .cloned()
        .collect();
    assert_eq!(
        ids(data(&body, "/data/deliverablePeriods/nodes")),
        in_progress
    );
    let body = member.run(PERIODS, json!({ "status": "MISSED" })).await;
    assert_eq!(
        ids(data(&body, "/data/deliverablePeriods/nodes")),
        Vec::<String>::new()
    );
    let body = member
        .run(
            PERIODS,
            json!({ "status": "MISSED", "containing": last_month().to_string() }),
        )
        .await;
    assert_eq!(ids(data(&body, "/data/deliverablePeriods/nodes")), previous);

    // In pages.
    let body = member.run(PERIODS, json!({ "first": 3 })).await;
    assert_eq!(
        ids(data(&body, "/data/deliverablePeriods/nodes")),
        current[..3].to_vec()
    );
    assert_eq!(
        (
            data(&body, "/data/deliverablePeriods/pageInfo/hasPreviousPage"),
            data(&body, "/data/deliverablePeriods/pageInfo/hasNextPage")
        ),
        (&json!(false), &json!(true))
    );
    let cursor = data(&body, "/data/deliverablePeriods/pageInfo/endCursor").clone();
    let body = member
        .run(PERIODS, json!({ "first": 3, "after": cursor }))
        .await;
    assert_eq!(
        ids(data(&body, "/data/deliverablePeriods/nodes")),
        current[3..].to_vec()
    );
    assert_eq!(
        (
            data(&body, "/data/deliverablePeriods/pageInfo/hasPreviousPage"),
            data(&body, "/data/deliverablePeriods/pageInfo/hasNextPage")
        ),
        (&json!(true), &json!(false))
    );
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn strategies_are_listed_oldest_first_filtered_by_status_and_in_pages() {
    let (db, server) = start().await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let reviewer = Caller::user(&server, "reviewer@acme.test").await;
    create_draft(&admin, json!({ "summary": "v3" })).await;
    create_draft(&admin, json!({ "summary": "v4" })).await;
    let all = ref_ids(
        &db,
        "SELECT s.ref_id FROM strategies s JOIN tenants t ON t.id = s.tenant_id
         WHERE t.slug = 'acme' ORDER BY s.ref_id",
        vec![],
    )
    .await;
    assert_eq!(all.len(), 4);

    let body = reviewer.run(STRATEGIES_PAGE, json!({})).await;
    assert_eq!(ids(data(&body, "/data/strategies/nodes")), all);
    let mut versions: Vec<i64> = column(&body, "/data/strategies/nodes", "version")
        .iter()
        .filter_map(Value::as_i64)
        .collect();
    versions.sort_unstable();
    assert_eq!(versions, vec![1, 2, 3, 4]);

    for (status, expected) in [
        ("ARCHIVED", vec![strategy_id(&db, "acme", 1).await]),
        ("ACTIVE", vec![strategy_id(&db, "acme", 2).await]),
        ("DRAFT", all[2..].to_vec()),
        ("AWAITING_APPROVAL", Vec::new()),
    ] {
        let body = reviewer
            .run(STRATEGIES_PAGE, json!({ "status": status }))
            .await;
        assert_eq!(
            ids(data(&body, "/data/strategies/nodes")),
            expected,
            "{status}"
        );
        for node_status in column(&body, "/data/strategies/nodes", "status") {
            assert_eq!(node_status, status);
        }
    }

    let body = reviewer.run(STRATEGIES_PAGE, json!({ "first": 2 })).await;
    assert_eq!(
        ids(data(&body, "/data/strategies/nodes")),
        all[..2].to_vec()
    );
    assert_eq!(data(&body, "/data/strategies/pageInfo/hasNextPage"), true);
    let cursor = data(&body, "/data/strategies/pageInfo/endCursor").clone();
    let body = reviewer
        .run(STRATEGIES_PAGE, json!({ "first": 2, "after": cursor }))
        .await;
    assert_eq!(
        ids(data(&body, "/data/strategies/nodes")),
        all[2..].to_vec()
    );
    assert_eq!(data(&body, "/data/strategies/pageInfo/hasNextPage"), false);
    assert_eq!(
        data(&body, "/data/strategies/pageInfo/hasPreviousPage"),
        true
    );

    let body = reviewer.run(STRATEGIES_PAGE, json!({ "last": 1 })).await;
    assert_eq!(
        ids(data(&body, "/data/strategies/nodes")),
        all[3..].to_vec()
    );
    assert_eq!(
        data(&body, "/data/strategies/pageInfo/hasPreviousPage"),
        true
    );
    let cursor = data(&body, "/data/strategies/pageInfo/startCursor").clone();
    let body = reviewer
        .run(STRATEGIES_PAGE, json!({ "last": 5, "before": cursor }))
        .await;
    assert_eq!(
        ids(data(&body, "/data/strategies/nodes")),
        all[..3].to_vec()
    );
    assert_eq!(
        data(&body, "/data/strategies/pageInfo/hasPreviousPage"),
        false
    );
}

#[tokio::test]
async fn plan_records_are_read_by_id_and_unknown_or_foreign_ids_are_null() {
    let (db, server) = start().await;
    let member = Caller::user(&server, "member@acme.test").await;
    let reader = Caller::api_key(&server, &["READ"]).await;
    let strategy = strategy_id(&db, "acme", 2).await;
    let goal = goal_id(&db, "acme", TRAFFIC).await;
    let deliverable = deliverable_id(&db, "acme", BLOG).await;
    let period = period_id(&db, "acme", BLOG, last_month()).await;

    for caller in [&member, &reader] {
        let body = caller.run(STRATEGY, json!({ "id": strategy })).await;
        assert_eq!(data(&body, "/data/strategy/id"), &json!(strategy));
        assert_eq!(data(&body, "/data/strategy/version"), 2);
        assert_eq!(
            data(&body, "/data/strategy/summary"),
            "Grow organic traffic and rankings; steady social presence."
        );
        assert_eq!(
            data(&body, "/data/strategy/approvedBy"),
            &json!({ "email": "admin@acme.test" })
        );
        let body = caller.run(ACTIVE_STRATEGY, json!({})).await;
        assert_eq!(
            body,
            json!({ "data": { "activeStrategy": { "id": strategy, "version": 2, "status": "ACTIVE" } } })
        );
        let body = caller.run(GOAL, json!({ "id": goal })).await;
        assert_eq!(data(&body, "/data/goal/name"), TRAFFIC);
        assert_eq!(data(&body, "/data/goal/deletedOn"), &Value::Null);
        let body = caller.run(DELIVERABLE, json!({ "id": deliverable })).await;
        assert_eq!(data(&body, "/data/deliverable/name"), BLOG);
        assert_eq!(data(&body, "/data/deliverable/quantityPerPeriod"), 10);
        let body = caller.run(PERIOD, json!({ "id": period })).await;
        let end = this_month()
            .pred_opt()
            .unwrap_or_else(|| panic!("no last day"));
        assert_eq!(
            body,
            json!({ "data": { "deliverablePeriod": {
                "id": period, "periodStart": last_month().to_string(), "periodEnd": end.to_string()
            } } })
        );
    }

    // Unknown ids and other tenants' ids look the same: null.
    let foreign = [
        strategy_id(&db, "globex", 2).await,
        goal_id(&db, "globex", TRAFFIC).await,
        deliverable_id(&db, "globex", BLOG).await,
        period_id(&db, "globex", BLOG, last_month()).await,
    ];
    for (index, (query, field)) in [
        (STRATEGY, "strategy"),
        (GOAL, "goal"),
        (DELIVERABLE, "deliverable"),
        (PERIOD, "deliverablePeriod"),
    ]
    .into_iter()
    .enumerate()
    {
        for id in [UNKNOWN_ID, foreign[index].as_str()] {
            let body = member.run(query, json!({ "id": id })).await;
            assert_eq!(body, json!({ "data": { field: null } }), "{field} {id}");
        }
        let body = member.run(query, json!({ "id": "not-an-id" })).await;
        assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
        assert_eq!(body["errors"][0]["extensions"]["field"], "id", "{body}");
    }
    let body = member
        .run(STRATEGY_PROGRESS, json!({ "id": "not-an-id" }))
        .await;
    assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
    assert_eq!(
        body["errors"][0]["extensions"]["field"], "strategyId",
        "{body}"
    );

    // A deleted deliverable: hidden from the strategy and from members, returned to admins.
    let admin = Caller::user(&server, "admin@acme.test").await;
    let backlinks = deliverable_id(&db, "acme", BACKLINKS).await;
    let deleted = exec_with(
        &db.owner,
        "UPDATE deliverables SET deleted_on = now() WHERE ref_id = $1",
        [backlinks.clone().into()],
    )
    .await;
    assert_eq!(deleted.ok(), Some(1));
    let body = member.run(DELIVERABLE, json!({ "id": backlinks })).await;
    assert_eq!(body, json!({ "data": { "deliverable": null } }));
    let body = admin.run(DELIVERABLE, json!({ "id": backlinks })).await;
    assert_eq!(data(&body, "/data/deliverable/name"), BACKLINKS);
    for caller in [&member, &admin] {
        let body = caller.run(STRATEGY, json!({ "id": strategy })).await;
        let names = column(&body, "/data/strategy/deliverables", "name");
        assert_eq!(names.len(), 3, "{body}");
        assert!(!names.contains(&json!(BACKLINKS)), "{body}");
    }

    // No active strategy: null.
    let archived = exec_with(
        &db.owner,
        "UPDATE strategies SET status = 'archived'
         WHERE tenant_id = (SELECT id FROM tenants WHERE slug = 'acme')",
        [],
    )
    .await;
    assert_eq!(archived.ok(), Some(2));
    let body = member.run(ACTIVE_STRATEGY, json!({})).await;
    assert_eq!(body, json!({ "data": { "activeStrategy": null } }));
    let body = member.run(STRATEGY_PROGRESS, json!({})).await;
    assert_eq!(body, json!({ "data": { "strategyProgress": null } }));
}

#[tokio::test]
async fn relations_lead_from_a_strategy_down_to_its_periods_and_back_up() {
    let (db, server) = start().await;
    let member = Caller::user(&server, "member@acme.test").await;
    let strategy = strategy_id(&db, "acme", 2).await;
    let goals = [
        goal_id(&db, "acme", TRAFFIC).await,
        goal_id(&db, "acme", RANKINGS).await,
        goal_id(&db, "acme", AUTHORITY).await,
    ];

    let body = member.run(DOWN, json!({ "id": strategy })).await;
    let tree = data(&body, "/data/strategy");
    assert_eq!(
        ids(data(&body, "/data/strategy/goals")),
        goals.to_vec(),
        "goals by priority"
    );
    let all_deliverables = ref_ids(
        &db,
        "SELECT d.ref_id FROM deliverables d JOIN strategies s ON s.id = d.strategy_id
         WHERE s.ref_id = $1 ORDER BY d.ref_id",
        vec![strategy.clone().into()],
    )
    .await;
    assert_eq!(
        ids(data(&body, "/data/strategy/deliverables")),
        all_deliverables
    );
    for (index, goal) in goals.iter().enumerate() {
        let node = &tree["goals"][index];
        assert_eq!(node["strategy"]["id"], json!(strategy));
        let of_goal = ref_ids(
            &db,
            "SELECT d.ref_id FROM deliverables d JOIN goals g ON g.id = d.goal_id
             WHERE g.ref_id = $1 ORDER BY d.ref_id",
            vec![goal.clone().into()],
        )
        .await;
        let pointer = format!("/data/strategy/goals/{index}/deliverables");
        assert_eq!(
            ids(data(&body, &pointer)),
            of_goal,
            "deliverables of {goal}"
        );
        for deliverable in node["deliverables"].as_array().into_iter().flatten() {
            let id = as_text(&deliverable["id"]);
            assert_eq!(deliverable["goal"]["id"], json!(goal));
            assert_eq!(deliverable["strategy"]["id"], json!(strategy));
            let row = query_one(
                &db.owner,
                "SELECT name FROM deliverables WHERE ref_id = $1",
                [id.clone().into()],
            )
            .await;
            let name: String = get(&row, "name");
            let now = period_id(&db, "acme", &name, this_month()).await;
            let before = period_id(&db, "acme", &name, last_month()).await;
            // Newest first, each pointing back at its deliverable.
            assert_eq!(
                deliverable["periods"],
                json!([
                    { "id": now, "periodStart": this_month().to_string(), "deliverable": { "id": id } },
                    { "id": before, "periodStart": last_month().to_string(), "deliverable": { "id": id } }
                ]),
                "{name}"
            );
            assert_eq!(deliverable["currentPeriod"], json!({ "id": now }), "{name}");
        }
    }

    // And back up from last month's blog period.
    let period = period_id(&db, "acme", BLOG, last_month()).await;
    let body = member.run(UP, json!({ "id": period })).await;
    assert_eq!(
        body,
        json!({ "data": { "deliverablePeriod": {
            "id": period, "periodStart": last_month().to_string(),
            "deliverable": {
                "id": deliverable_id(&db, "acme", BLOG).await, "name": BLOG,
                "strategy": { "id": strategy },
                "goal": { "id": goals[0], "name": TRAFFIC,
                          "strategy": { "id": strategy, "version": 2, "status": "ACTIVE" } }
            }
        } } })
    );
}

// ---------------------------------------------------------------------------------------------
// strategyProgress
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn strategy_progress_defaults_to_the_active_strategy_with_goals_and_current_periods() {
    let (db, server) = start().await;
    let member = Caller::user(&server, "member@acme.test").await;
    let active = strategy_id(&db, "acme", 2).await;
    let current = periods_starting(&db, "acme", this_month()).await;
    assert_eq!(current.len(), 4);
    let periods = |names: &[&str]| -> Value {
        current
            .iter()
            .filter(|(_, name)| names.contains(&name.as_str()))
            .map(|(id, name)| {
                json!({
                    "id": id, "periodStart": this_month().to_string(), "deliverable": { "name": name },
                    "progress": seeded_progress(name, true)
                })
            })
            .collect()
    };
    let goals = json!([
        { "id": goal_id(&db, "acme", TRAFFIC).await, "name": TRAFFIC, "progress": { "percent": 33.3 } },
        { "id": goal_id(&db, "acme", RANKINGS).await, "name": RANKINGS, "progress": { "percent": 46.7 } },
        { "id": goal_id(&db, "acme", AUTHORITY).await, "name": AUTHORITY, "progress": { "percent": null } }
    ]);

    let expected = json!({ "data": { "strategyProgress": {
        "strategy": { "id": active, "version": 2 },
        "goals": goals,
        "currentPeriods": periods(&[BLOG, SOCIAL, BACKLINKS, REPORT])
    } } });
    assert_eq!(member.run(STRATEGY_PROGRESS, json!({})).await, expected);
    assert_eq!(
        member.run(STRATEGY_PROGRESS, json!({ "id": active })).await,
        expected
    );

    // Disabled deliverables have no current period here.
    let social = deliverable_id(&db, "acme", SOCIAL).await;
    let body = member
        .run(
            SET_DELIVERABLE_ACTIVE,
            json!({ "id": social, "active": false }),
        )
        .await;
    assert_eq!(data(&body, "/data/setDeliverableActive/isActive"), false);
    let body = member.run(STRATEGY_PROGRESS, json!({})).await;
    assert_eq!(
        data(&body, "/data/strategyProgress/currentPeriods"),
        &periods(&[BLOG, BACKLINKS, REPORT])
    );

    // Another strategy by id: the archived v1 has neither goals nor periods.
    let first = strategy_id(&db, "acme", 1).await;
    let body = member.run(STRATEGY_PROGRESS, json!({ "id": first })).await;
    assert_eq!(
        body,
        json!({ "data": { "strategyProgress": {
            "strategy": { "id": first, "version": 1 }, "goals": [], "currentPeriods": []
        } } })
    );
    for id in [UNKNOWN_ID.to_owned(), strategy_id(&db, "globex", 2).await] {
        let body = member.run(STRATEGY_PROGRESS, json!({ "id": id })).await;
        assert_eq!(
            body,
            json!({ "data": { "strategyProgress": null } }),
            "{id}"
        );
    }
}

#[tokio::test]
async fn the_mobile_app_reads_goal_progress_with_a_persisted_query_over_get() {
    let (db, server) = start().await;
    let token = server.login("member@acme.test", DEMO_PASSWORD).await;
    let bearer = format!("Bearer {token}");
    let extensions =
        json!({ "persistedQuery": { "version": 1, "sha256Hash": sha256_hex(MOBILE_QUERY) } });

    let (status, registered) = server
        .post(
            json!({ "query": MOBILE_QUERY, "extensions": extensions }),
            &[("authorization", bearer.as_str())],
        )
        .await;
    assert_eq!(status, 200, "{registered}");
    let current = periods_starting(&db, "acme", this_month()).await;
    let expected = json!({ "data": { "strategyProgress": {
        "goals": [
            { "id": goal_id(&db, "acme", TRAFFIC).await, "name": TRAFFIC, "metric": "organic_sessions", "status": "ON_TRACK",
              "progress": { "baseline": "1000", "current": "4000", "target": "10000", "percent": 33.3 } },
            { "id": goal_id(&db, "acme", RANKINGS).await, "name": RANKINGS, "metric": "keyword_rankings", "status": "ACTIVE",
              "progress": { "baseline": "5", "current": "12", "target": "20", "percent": 46.7 } },
            { "id": goal_id(&db, "acme", AUTHORITY).await, "name": AUTHORITY, "metric": "domain_authority", "status": "ACHIEVED",
              "progress": { "baseline": "30", "current": "31", "target": "30", "percent": null } }
        ],
        "currentPeriods": current.iter().map(|(id, name)| json!({
            "id": id, "progress": seeded_progress(name, true),
            "deliverable": { "name": name, "type": seeded_type(name) }
        })).collect::<Vec<_>>()
    } } });
    assert_eq!(registered, expected);

    // One GET with the hash only: no query text travels.
    let path = format!(
        "/graphql?operationName=GoalProgress&extensions={}",
        percent_encode(&extensions.to_string())
    );
    let (status, content_type, body) = server
        .get(&path, &[("authorization", bearer.as_str())])
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(content_type.contains("json"), "{content_type}");
    let over_get: Value = serde_json::from_str(&body).unwrap_or_else(|_| json!({ "raw": body }));
    assert_eq!(over_get, expected);
}

// ---------------------------------------------------------------------------------------------
// Gates
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn an_admin_can_run_every_plan_mutation_the_gates_refuse_to_others() {
    let (db, server) = start().await;
    let targets = prepare_targets(&db, "acme").await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    for (name, query, variables) in plan_mutations(&targets) {
        let before = plan_state(&db).await;
        let body = admin.run(query, variables).await;
        assert!(body.get("errors").is_none(), "{name}: {body}");
        assert!(
            body["data"][name].is_object() || body["data"][name].is_array(),
            "{name}: {body}"
        );
        assert_ne!(plan_state(&db).await, before, "{name} changed nothing");
    }
    assert_eq!(
        strategy_statuses(&db, "acme").await,
        vec![
            (1, "archived".to_owned()),
            (2, "archived".to_owned()),
            (3, "awaiting_approval".to_owned()),
            (4, "draft".to_owned()),
            (5, "active".to_owned()),
            (6, "draft".to_owned()),
        ]
    );
}

#[tokio::test]
async fn reviewers_and_read_only_api_keys_read_the_plan_but_cannot_change_it() {
    let (db, server) = start().await;
    let targets = prepare_targets(&db, "acme").await;
    let reviewer = Caller::user(&server, "reviewer@acme.test").await;
    let reader = Caller::api_key(&server, &["READ"]).await;
    for caller in [&reviewer, &reader] {
        assert_every_mutation_refused(&db, caller, &targets, "FORBIDDEN").await;
        let body = caller.run(STRATEGY_PROGRESS, json!({})).await;
        assert_eq!(
            data(&body, "/data/strategyProgress/strategy/id"),
            &json!(targets.active),
            "{}",
            caller.who()
        );
        let body = caller.run(PERIODS, json!({})).await;
        assert_eq!(
            data(&body, "/data/deliverablePeriods/nodes")
                .as_array()
                .map(Vec::len),
            Some(4),
            "{}",
            caller.who()
        );
    }
}

#[tokio::test]
async fn callers_without_credentials_can_neither_read_nor_change_the_plan() {
    let (db, server) = start().await;
    let targets = prepare_targets(&db, "acme").await;
    let anonymous = Caller::anonymous(&server);
    assert_every_mutation_refused(&db, &anonymous, &targets, "UNAUTHENTICATED").await;
    let body = anonymous.run(STRATEGY_PROGRESS, json!({})).await;
    assert_eq!(error_code(&body), Some("UNAUTHENTICATED"), "{body}");
}

#[tokio::test]
async fn a_tenant_that_has_not_accepted_its_contract_can_neither_read_nor_change_its_plan() {
    let (db, server) = start().await;
    let targets = prepare_targets(&db, "globex").await;
    for email in [
        "admin@globex.test",
        "member@globex.test",
        "reviewer@globex.test",
    ] {
        let caller = Caller::user(&server, email).await;
        assert_every_mutation_refused(&db, &caller, &targets, "CONTRACT_NOT_ACCEPTED").await;
        for (query, variables) in [
            (STRATEGY_PROGRESS, json!({})),
            (STRATEGIES_PAGE, json!({})),
            (ACTIVE_STRATEGY, json!({})),
            (STRATEGY, json!({ "id": targets.active })),
            (GOAL, json!({ "id": targets.goals[0] })),
            (DELIVERABLE, json!({ "id": targets.deliverable })),
            (PERIODS, json!({})),
        ] {
            let body = caller.run(query, variables).await;
            assert_eq!(
                error_code(&body),
                Some("CONTRACT_NOT_ACCEPTED"),
                "{email}: {body}"
            );
        }
    }
}

#[tokio::test]
async fn a_suspended_tenant_reads_its_plan_but_cannot_change_it() {
    let (db, server) = start().await;
    let targets = prepare_targets(&db, "acme").await;
    let admin = Caller::user(&server, "admin@acme.test").await;
    let member = Caller::user(&server, "member@acme.test").await;
    let writer = Caller::api_key(&server, &["READ", "WRITE"]).await;
    let progress_before = member.run(STRATEGY_PROGRESS, json!({})).await;
    let strategies_before = member.run(STRATEGIES_PAGE, json!({})).await;
    assert!(progress_before.get("errors").is_none(), "{progress_before}");

    set_tenant_status(&db, "acme", "suspended").await;
    for caller in [&admin, &member, &writer] {
        assert_every_mutation_refused(&db, caller, &targets, "TENANT_SUSPENDED").await;
        assert_eq!(
            caller.run(STRATEGY_PROGRESS, json!({})).await,
            progress_before,
            "{}",
            caller.who()
        );
        assert_eq!(
            caller.run(STRATEGIES_PAGE, json!({})).await,
            strategies_before,
            "{}",
            caller.who()
        );
        let body = caller.run(GOAL, json!({ "id": targets.goals[0] })).await;
        assert_eq!(data(&body, "/data/goal/name"), TRAFFIC);
    }

    // Active again: writes work again.
    set_tenant_status(&db, "acme", "active").await;
    let body = member
        .run(
            SET_GOAL_STATUS,
            json!({ "id": targets.goals[0], "status": "AT_RISK" }),
        )
        .await;
    assert_eq!(data(&body, "/data/setGoalStatus/status"), "AT_RISK");
}

/// A platform operator (a super admin acting for the tenant with `X-Act-For-Tenant`) passes the
/// admins' gate of `approveStrategy`. Either the approval works (the strategy is active, the
/// previous one archived) or it is refused cleanly (`FORBIDDEN`, as `acceptContract` refuses
/// operators) and changes nothing; a `BAD_USER_INPUT` without a field for valid input is
/// neither.
#[tokio::test]
async fn a_platform_operator_acting_for_the_tenant_approves_a_strategy_or_is_refused_cleanly() {
    let (db, server) = start().await;
    let member = Caller::user(&server, "member@acme.test").await;
    let id = submitted_strategy(&member).await;
    let operator = Caller::operator(&server, &tenant_ref_id(&db, "acme").await).await;

    let before = plan_state(&db).await;
    let body = operator.run(APPROVE_STRATEGY, json!({ "id": id })).await;
    match error_code(&body) {
        None => {
            assert_eq!(data(&body, "/data/approveStrategy/status"), "ACTIVE");
            assert_eq!(
                strategy_statuses(&db, "acme").await,
                vec![
                    (1, "archived".to_owned()),
                    (2, "archived".to_owned()),
                    (3, "active".to_owned()),
                ]
            );
        }
        Some("FORBIDDEN") => {
            assert_eq!(body["data"], Value::Null, "{body}");
            assert_eq!(
                plan_state(&db).await,
                before,
                "a refused approval changed the plan"
            );
        }
        Some(_) => panic!("an operator's approval neither worked nor was refused cleanly: {body}"),
    }
}
