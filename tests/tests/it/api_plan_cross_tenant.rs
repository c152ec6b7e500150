//! Cross-tenant isolation of the marketing plan through the API, end to end: tenant A (acme),
//! as an admin and as a read-write API key, armed with every plan id of tenant B (globex) —
//! strategies (archived, active, draft, awaiting approval), goals (a deleted one included),
//! deliverables, periods, activities (cancelled ones and sub-activities included), runs and
//! users — sees nothing of B's plan and changes nothing of it, through every plan query, list,
//! queue, mutation and `_entities` look-up; a refused id gets exactly the answer an id that
//! exists nowhere gets. A platform operator acting for B reads and changes B's plan, audited
//! request by request, and still cannot reach A's plan. Row-level security is checked as the
//! second wall behind the resolvers, and the tenant-carrying foreign keys as the third.

use leadmetrics_tests::api::{
    Headers, api_key_headers, bearer_headers, call, call_named, data, fresh_id, id_set, ok,
    string_at,
};
use leadmetrics_tests::server::{DEMO_PASSWORD, TestServer, error_code, seed_demo, tenant_ref_id};
use leadmetrics_tests::world::{World, audit_rows, count, rollback, snapshot, tenant_uuid, world};
use leadmetrics_tests::{
    TestDatabase, exec_with, get, query_all, query_one, sql_state, tenant_transaction,
};
use sea_orm::ConnectionTrait;
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};
use uuid::Uuid;

const STRATEGIES: &str =
    "query($status: StrategyStatus, $first: Int, $last: Int, $after: String, $before: String) {
    strategies(status: $status, first: $first, last: $last, after: $after, before: $before) {
        nodes { id goals { id } deliverables { id } }
        edges { cursor }
    }
}";
const ACTIVITIES: &str = "query($filter: ActivityFilter, $cancelled: Boolean!, $after: String) {
    activities(filter: $filter, includeCancelled: $cancelled, first: 100, after: $after) {
        nodes { id parent { id } children { id } runs { id } }
    }
}";
const PERIODS: &str =
    "query($containing: NaiveDate, $status: DeliverablePeriodStatus, $after: String) {
    deliverablePeriods(containing: $containing, status: $status, first: 100, after: $after) {
        nodes { id deliverable { id } activities { id } }
    }
}";
const HUMAN_QUEUE: &str =
    "query($userId: ID) { humanActivityQueue(userId: $userId, first: 100) { id assignee { id } } }";
const AGENT_QUEUE: &str =
    "query($role: String!) { agentActivityQueue(role: $role, first: 100) { id } }";
const PROGRESS: &str = "query($id: ID) {
    strategyProgress(strategyId: $id) {
        strategy { id }
        goals { id deliverables { id } }
        currentPeriods { id activities { id } }
    }
}";
const ENTITIES: &str = "query($representations: [_Any!]!) {
    _entities(representations: $representations) {
        ... on Strategy { id }
        ... on Goal { id }
        ... on Deliverable { id }
        ... on DeliverablePeriod { id }
        ... on Activity { id }
        ... on ActivityRun { id }
    }
}";
/// The dashboard's deepest walk through the plan, every relation of every plan type included.
const DEEP: &str = "
fragment Work on Activity {
    id
    assignee { id }
    goal { id strategy { id } }
    deliverablePeriod { id deliverable { id } }
    deliverable { id goal { id } }
    parent { id }
    runs { id activity { id } }
}
fragment Plan on Strategy {
    id
    approvedBy { id }
    deliverables { id }
    goals {
        id
        strategy { id }
        deliverables {
            id
            goal { id }
            strategy { id }
            currentPeriod { id }
            periods {
                id
                deliverable { id }
                activities { ...Work children { ...Work children { id } } }
            }
        }
    }
}
query Deep {
    activeStrategy { ...Plan }
    strategies(first: 100) { nodes { ...Plan } }
    strategyProgress { strategy { id } goals { id } currentPeriods { id activities { id } } }
}";

const CREATE_STRATEGY: &str =
    "mutation($input: CreateStrategyInput!) { createStrategy(input: $input) { id } }";
const UPDATE_STRATEGY: &str =
    "mutation($id: ID!) { updateStrategy(id: $id, input: { summary: \"Hijacked\" }) { id } }";
const SUBMIT_STRATEGY: &str = "mutation($id: ID!) { submitStrategy(id: $id) { id status } }";
const APPROVE_STRATEGY: &str = "mutation($id: ID!) { approveStrategy(id: $id) { id status } }";
const REJECT_STRATEGY: &str = "mutation($id: ID!) { rejectStrategy(id: $id) { id status } }";
const CREATE_GOAL: &str = "mutation($input: CreateGoalInput!) { createGoal(input: $input) { id } }";
const UPDATE_GOAL: &str =
    "mutation($id: ID!) { updateGoal(id: $id, input: { name: \"Hijacked\" }) { id } }";
const SET_GOAL_STATUS: &str = "mutation($id: ID!, $status: GoalStatus!) { setGoalStatus(id: $id, status: $status) { id status } }";
const RECORD_GOAL_VALUE: &str =
    "mutation($id: ID!) { recordGoalValue(id: $id, currentValue: \"1.00\") { id } }";
const REORDER_GOALS: &str = "mutation($strategyId: ID!, $goalIds: [ID!]!) {
    reorderGoals(strategyId: $strategyId, goalIds: $goalIds) { id priority }
}";
const DELETE_GOAL: &str = "mutation($id: ID!) { deleteGoal(id: $id) { id } }";
const CREATE_DELIVERABLE: &str =
    "mutation($input: CreateDeliverableInput!) { createDeliverable(input: $input) { id } }";
const UPDATE_DELIVERABLE: &str = "mutation($id: ID!) {
    updateDeliverable(id: $id, input: { name: \"Hijacked\", quantityPerPeriod: 99 }) { id }
}";
const SET_DELIVERABLE_ACTIVE: &str = "mutation($id: ID!, $active: Boolean!) {
    setDeliverableActive(id: $id, active: $active) { id isActive }
}";
const OPEN_PERIOD: &str = "mutation($id: ID!, $start: NaiveDate!) {
    openDeliverablePeriod(deliverableId: $id, periodStart: $start) { id }
}";
const CREATE_ACTIVITY: &str =
    "mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }";
const UPDATE_ACTIVITY: &str = "mutation($id: ID!, $input: UpdateActivityInput!) { updateActivity(id: $id, input: $input) { id } }";
const CHANGE_STATUS: &str = "mutation($id: ID!, $status: ActivityStatus!, $note: String) {
    changeActivityStatus(id: $id, status: $status, note: $note) { id status }
}";
const CANCEL_ACTIVITY: &str = "mutation($id: ID!) { cancelActivity(id: $id) { id } }";

/// A kind of plan record: its table, its federated type and its root by-id field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Strategy,
    Goal,
    Deliverable,
    Period,
    Activity,
    Run,
}

const KINDS: [Kind; 6] = [
    Kind::Strategy,
    Kind::Goal,
    Kind::Deliverable,
    Kind::Period,
    Kind::Activity,
    Kind::Run,
];

impl Kind {
    fn table(self) -> &'static str {
        match self {
            Kind::Strategy => "strategies",
            Kind::Goal => "goals",
            Kind::Deliverable => "deliverables",
            Kind::Period => "deliverable_periods",
            Kind::Activity => "activities",
            Kind::Run => "activity_runs",
        }
    }

    fn typename(self) -> &'static str {
        match self {
            Kind::Strategy => "Strategy",
            Kind::Goal => "Goal",
            Kind::Deliverable => "Deliverable",
            Kind::Period => "DeliverablePeriod",
            Kind::Activity => "Activity",
            Kind::Run => "ActivityRun",
        }
    }

    fn field(self) -> &'static str {
        match self {
            Kind::Strategy => "strategy",
            Kind::Goal => "goal",
            Kind::Deliverable => "deliverable",
            Kind::Period => "deliverablePeriod",
            Kind::Activity => "activity",
            Kind::Run => "activityRun",
        }
    }

    /// The root query of one record of this kind by id.
    fn by_id(self) -> String {
        format!("query($id: ID!) {{ {}(id: $id) {{ id }} }}", self.field())
    }
}

/// One activity of a tenant, as stored.
struct ActivityRow {
    id: String,
    /// The database status (`in_progress`, …).
    status: String,
    is_child: bool,
    has_children: bool,
}

/// The public ids of one tenant's plan, read from the database (`db.owner`, past RLS).
struct Plan {
    /// Every id by table, soft-deleted rows included, in `ref_id` order.
    ids: BTreeMap<&'static str, Vec<String>>,
    /// Strategy ids by database status: `archived`, `active`, `draft`, `awaiting_approval`.
    strategies: BTreeMap<String, String>,
    /// The live goals of the active strategy, by priority.
    active_goals: Vec<String>,
    deleted_goal: String,
    activities: Vec<ActivityRow>,
}

impl Plan {
    fn of(&self, kind: Kind) -> &[String] {
        self.ids.get(kind.table()).map_or(&[], Vec::as_slice)
    }

    fn strategy(&self, status: &str) -> String {
        match self.strategies.get(status) {
            Some(id) => id.clone(),
            None => panic!("no {status} strategy: {:?}", self.strategies),
        }
    }

    /// The first top-level activity in database status `status`.
    fn activity(&self, status: &str) -> String {
        match self
            .activities
            .iter()
            .find(|row| row.status == status && !row.is_child)
        {
            Some(row) => row.id.clone(),
            None => panic!("no top-level {status} activity"),
        }
    }

    fn live_activities(&self) -> BTreeSet<String> {
        self.activities
            .iter()
            .filter(|row| row.status != "cancelled")
            .map(|row| row.id.clone())
            .collect()
    }

    fn live_goals(&self) -> BTreeSet<String> {
        self.of(Kind::Goal)
            .iter()
            .filter(|id| **id != self.deleted_goal)
            .cloned()
            .collect()
    }

    /// A live record of `kind` (one an API key may see too).
    fn sample(&self, kind: Kind) -> String {
        match kind {
            Kind::Strategy => self.strategy("active"),
            Kind::Goal => match self.active_goals.first() {
                Some(id) => id.clone(),
                None => panic!("the active strategy has no goals"),
            },
            Kind::Activity => self.activity("created"),
            _ => match self.of(kind).first() {
                Some(id) => id.clone(),
                None => panic!("no {}", kind.table()),
            },
        }
    }
}

/// One demo tenant with its plan completed so every kind of plan id exists.
struct Tenant {
    slug: String,
    uuid: Uuid,
    ref_id: String,
    /// A READ+WRITE API key of the tenant (the secret).
    rw_key: String,
    admin_token: String,
    /// User public ids by email.
    users: BTreeMap<String, String>,
    plan: Plan,
}

impl Tenant {
    fn admin(&self) -> Headers {
        bearer_headers(&self.admin_token)
    }

    fn key(&self) -> Headers {
        api_key_headers(&self.rw_key)
    }

    fn user(&self, role: &str) -> String {
        let email = format!("{role}@{}.test", self.slug);
        match self.users.get(&email) {
            Some(id) => id.clone(),
            None => panic!("{email} is not a user of {}", self.slug),
        }
    }

    fn user_ids(&self) -> Vec<String> {
        self.users.values().cloned().collect()
    }

    /// Every public id of the tenant a plan response could contain: the plan, the users, the
    /// tenant itself.
    fn known_ids(&self) -> BTreeSet<String> {
        let mut ids: BTreeSet<String> = KINDS
            .iter()
            .flat_map(|kind| self.plan.of(*kind).iter().cloned())
            .collect();
        ids.extend(self.users.values().cloned());
        ids.insert(self.ref_id.clone());
        ids
    }
}

/// Accepts the tenant's contract if pending, adds a draft strategy with a goal, a submitted
/// strategy with a goal and a deleted goal of the active strategy to the seeded plan (an
/// archived and an active strategy, goals, deliverables, periods, activities, runs), and
/// creates a read-write API key.
async fn prepare(db: &TestDatabase, server: &TestServer, slug: &str) -> Tenant {
    let admin_token = server
        .login(&format!("admin@{slug}.test"), DEMO_PASSWORD)
        .await;
    let admin = bearer_headers(&admin_token);
    let contract = call(server, &admin, "{ contract { status } }", json!({})).await;
    if data(&contract, "/data/contract/status") == "PENDING_ACCEPTANCE" {
        ok(&call(
            server,
            &admin,
            "mutation { acceptContract { status } }",
            json!({}),
        )
        .await);
    }

    let draft = create_strategy(server, &admin, "Draft").await;
    create_goal(server, &admin, &draft, "Draft goal").await;
    let submitted = create_strategy(server, &admin, "Submitted").await;
    create_goal(server, &admin, &submitted, "Submitted goal").await;
    let body = call(server, &admin, SUBMIT_STRATEGY, json!({ "id": submitted })).await;
    assert_eq!(
        data(&body, "/data/submitStrategy/status"),
        "AWAITING_APPROVAL"
    );
    let active = call(server, &admin, "{ activeStrategy { id } }", json!({})).await;
    let active = string_at(&active, "/data/activeStrategy/id");
    let dropped = create_goal(server, &admin, &active, "Dropped goal").await;
    ok(&call(server, &admin, DELETE_GOAL, json!({ "id": dropped })).await);
    let (rw_key, _) = server
        .create_api_key(&admin_token, &["READ", "WRITE"])
        .await;

    let uuid = tenant_uuid(db, slug).await;
    // The seed queues no work for people: a review for the member, in this month's period.
    let period = get::<String>(
        &query_one(
            &db.owner,
            "SELECT ref_id::text AS id FROM deliverable_periods WHERE tenant_id = $1::uuid
             ORDER BY period_start DESC, ref_id LIMIT 1",
            [uuid.to_string().into()],
        )
        .await,
        "id",
    );
    let member = get::<String>(
        &query_one(
            &db.owner,
            "SELECT ref_id::text AS id FROM users WHERE email = $1",
            [format!("member@{slug}.test").into()],
        )
        .await,
        "id",
    );
    ok(&call(
        server,
        &admin,
        CREATE_ACTIVITY,
        json!({ "input": {
            "title": "Review the plan", "type": "REVIEW", "isApprovalGate": true,
            "assignee": { "type": "HUMAN", "userId": member }, "deliverablePeriodId": period
        } }),
    )
    .await);
    let users = query_all(
        &db.owner,
        "SELECT email, ref_id::text AS id FROM users WHERE tenant_id = $1::uuid",
        [uuid.to_string().into()],
    )
    .await
    .iter()
    .map(|row| (get::<String>(row, "email"), get::<String>(row, "id")))
    .collect();
    Tenant {
        slug: slug.to_owned(),
        uuid,
        ref_id: tenant_ref_id(db, slug).await,
        rw_key,
        admin_token,
        users,
        plan: load_plan(db, uuid).await,
    }
}

async fn create_strategy(server: &TestServer, admin: &[(&str, String)], summary: &str) -> String {
    let body = call(
        server,
        admin,
        CREATE_STRATEGY,
        json!({ "input": { "summary": summary } }),
    )
    .await;
    string_at(&body, "/data/createStrategy/id")
}

async fn create_goal(
    server: &TestServer,
    admin: &[(&str, String)],
    strategy: &str,
    name: &str,
) -> String {
    let body = call(
        server,
        admin,
        CREATE_GOAL,
        json!({ "input": { "strategyId": strategy, "name": name, "metric": "leads" } }),
    )
    .await;
    string_at(&body, "/data/createGoal/id")
}

async fn load_plan(db: &TestDatabase, tenant: Uuid) -> Plan {
    let tenant = || vec![sea_orm::Value::from(tenant.to_string())];
    let mut ids = BTreeMap::new();
    for kind in KINDS {
        let sql = format!(
            "SELECT ref_id::text AS id FROM {} WHERE tenant_id = $1::uuid ORDER BY ref_id",
            kind.table()
        );
        let found = strings(&db.owner, &sql, tenant(), "id").await;
        assert!(!found.is_empty(), "no {}", kind.table());
        ids.insert(kind.table(), found);
    }
    let strategies: BTreeMap<String, String> = query_all(
        &db.owner,
        "SELECT status::text AS status, ref_id::text AS id FROM strategies WHERE tenant_id = $1::uuid",
        tenant(),
    )
    .await
    .iter()
    .map(|row| (get::<String>(row, "status"), get::<String>(row, "id")))
    .collect();
    assert_eq!(strategies.len(), 4, "{strategies:?}");
    let active_goals = strings(
        &db.owner,
        "SELECT g.ref_id::text AS id FROM goals g JOIN strategies s ON s.id = g.strategy_id
         WHERE g.tenant_id = $1::uuid AND s.status = 'active' AND g.deleted_on IS NULL
         ORDER BY g.priority, g.ref_id",
        tenant(),
        "id",
    )
    .await;
    let deleted = strings(
        &db.owner,
        "SELECT ref_id::text AS id FROM goals WHERE tenant_id = $1::uuid AND deleted_on IS NOT NULL",
        tenant(),
        "id",
    )
    .await;
    let deleted_goal = match deleted.as_slice() {
        [one] => one.clone(),
        other => panic!("expected one deleted goal, found {other:?}"),
    };
    let activities: Vec<ActivityRow> = query_all(
        &db.owner,
        "SELECT a.ref_id::text AS id, a.status::text AS status,
                a.parent_activity_id IS NOT NULL AS is_child,
                EXISTS (SELECT 1 FROM activities c WHERE c.parent_activity_id = a.id) AS has_children
         FROM activities a WHERE a.tenant_id = $1::uuid ORDER BY a.ref_id",
        tenant(),
    )
    .await
    .iter()
    .map(|row| ActivityRow {
        id: get(row, "id"),
        status: get(row, "status"),
        is_child: get(row, "is_child"),
        has_children: get(row, "has_children"),
    })
    .collect();
    // The seed puts every status in every current period, sub-activities under some.
    for status in [
        "created",
        "assigned",
        "in_progress",
        "awaiting_approval",
        "approved",
        "rejected",
        "completed",
        "failed",
        "cancelled",
    ] {
        assert!(
            activities.iter().any(|row| row.status == status),
            "no {status} activity"
        );
    }
    assert!(activities.iter().any(|row| row.is_child));
    Plan {
        ids,
        strategies,
        active_goals,
        deleted_goal,
        activities,
    }
}

async fn strings(
    connection: &impl ConnectionTrait,
    sql: &str,
    values: Vec<sea_orm::Value>,
    column: &str,
) -> Vec<String> {
    query_all(connection, sql, values)
        .await
        .iter()
        .map(|row| get::<String>(row, column))
        .collect()
}

fn set(ids: &[String]) -> BTreeSet<String> {
    ids.iter().cloned().collect()
}

/// `{ "data": { field: value } }`.
fn answer(field: &str, value: Value) -> Value {
    let mut inner = Map::new();
    inner.insert(field.to_owned(), value);
    json!({ "data": Value::Object(inner) })
}

/// Every value of an `id` key anywhere in `value`.
fn ids_in(value: &Value, found: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                if let (true, Some(id)) = (key == "id", inner.as_str()) {
                    found.insert(id.to_owned());
                }
                ids_in(inner, found);
            }
        }
        Value::Array(items) => {
            for item in items {
                ids_in(item, found);
            }
        }
        _ => {}
    }
}

/// Asserts a response without errors whose every id is one of `own`, and in whose text no id of
/// `foreign` appears anywhere (not as an id, a cursor or inside any other value). Returns the
/// ids it holds.
fn only_own(
    body: &Value,
    own: &BTreeSet<String>,
    foreign: &BTreeSet<String>,
    context: &str,
) -> BTreeSet<String> {
    ok(body);
    let text = body.to_string();
    for id in foreign {
        assert!(
            !text.contains(id.as_str()),
            "{context}: {id} of the other tenant in {body}"
        );
    }
    let mut found = BTreeSet::new();
    ids_in(body, &mut found);
    for id in &found {
        assert!(own.contains(id), "{context}: unknown id {id} in {body}");
    }
    found
}

/// A's snapshot: its API key's `last_used_on` moves when the key is used, by design.
async fn own_snapshot(db: &TestDatabase, tenant: Uuid) -> Vec<String> {
    snapshot(db, tenant, &["last_used_on"]).await
}

/// A mutation carrying ids of tenant B.
struct Attack {
    query: &'static str,
    variables: Value,
    /// JSON pointers into `variables` of the ids of tenant B.
    foreign: Vec<String>,
    /// The error code an admin of A gets.
    code: &'static str,
    /// For admins or reviewers only: an API key is refused before any id is looked at.
    keys_forbidden: bool,
}

impl Attack {
    fn new(query: &'static str, variables: Value, foreign: &[&str]) -> Self {
        Self {
            query,
            variables,
            foreign: foreign
                .iter()
                .map(|pointer| (*pointer).to_owned())
                .collect(),
            code: "NOT_FOUND",
            keys_forbidden: false,
        }
    }

    fn bad_input(self) -> Self {
        Self {
            code: "BAD_USER_INPUT",
            ..self
        }
    }

    fn keys_forbidden(self) -> Self {
        Self {
            keys_forbidden: true,
            ..self
        }
    }

    /// The same variables with every id of B replaced by a fresh id that exists nowhere.
    fn unknown(&self) -> Value {
        let mut variables = self.variables.clone();
        for pointer in &self.foreign {
            match variables.pointer_mut(pointer) {
                Some(slot) => *slot = json!(fresh_id()),
                None => panic!("nothing at {pointer} in {}", self.variables),
            }
        }
        variables
    }
}

/// Sends `attack` and the same request with B's ids replaced by unknown ones: both must fail
/// with `code`, without data, with identical bodies.
async fn assert_refused_like_unknown(
    server: &TestServer,
    caller: &[(&str, String)],
    attack: &Attack,
    code: &str,
) {
    let body = call(server, caller, attack.query, attack.variables.clone()).await;
    assert_eq!(
        error_code(&body),
        Some(code),
        "{} {}: {body}",
        attack.query,
        attack.variables
    );
    assert_eq!(body["data"], Value::Null, "{body}");
    let reference = call(server, caller, attack.query, attack.unknown()).await;
    assert_eq!(
        body, reference,
        "{} {}: told apart from an unknown id",
        attack.query, attack.variables
    );
}

/// The move of `changeActivityStatus` an activity in database status `status` allows (none is
/// allowed from completed or cancelled; the request is still made).
fn next_status(status: &str) -> &'static str {
    match status {
        "in_progress" | "approved" => "COMPLETED",
        "awaiting_approval" => "APPROVED",
        "failed" => "ASSIGNED",
        _ => "IN_PROGRESS",
    }
}

/// Every plan mutation with B's ids, alone and inside inputs that are otherwise A's.
fn attacks(a: &Tenant, b: &Tenant) -> Vec<Attack> {
    let agent = json!({ "type": "AGENT", "agentRole": "copywriter" });
    let own_strategy = a.plan.strategy("active");
    let own_goal = a.plan.sample(Kind::Goal);
    let own_period = a.plan.sample(Kind::Period);
    let mut attacks = Vec::new();

    for id in b.plan.of(Kind::Strategy) {
        let by_id = json!({ "id": id });
        attacks.push(Attack::new(UPDATE_STRATEGY, by_id.clone(), &["/id"]));
        attacks.push(Attack::new(SUBMIT_STRATEGY, by_id.clone(), &["/id"]));
        attacks.push(Attack::new(APPROVE_STRATEGY, by_id.clone(), &["/id"]).keys_forbidden());
        attacks.push(Attack::new(REJECT_STRATEGY, by_id, &["/id"]).keys_forbidden());
        attacks.push(Attack::new(
            CREATE_GOAL,
            json!({ "input": { "strategyId": id, "name": "Planted", "metric": "planted" } }),
            &["/input/strategyId"],
        ));
        attacks.push(Attack::new(
            REORDER_GOALS,
            json!({ "strategyId": id, "goalIds": b.plan.active_goals }),
            &["/strategyId"],
        ));
        attacks.push(Attack::new(
            REORDER_GOALS,
            json!({ "strategyId": id, "goalIds": a.plan.active_goals }),
            &["/strategyId"],
        ));
    }

    // B's goals in A's priority list: the list is not the strategy's goals.
    let own_count = a.plan.active_goals.len();
    for id in b.plan.of(Kind::Goal) {
        let mut appended = a.plan.active_goals.clone();
        appended.push(id.clone());
        attacks.push(
            Attack::new(
                REORDER_GOALS,
                json!({ "strategyId": own_strategy, "goalIds": appended }),
                &[&format!("/goalIds/{own_count}")],
            )
            .bad_input(),
        );
        let mut swapped = a.plan.active_goals.clone();
        swapped[0] = id.clone();
        attacks.push(
            Attack::new(
                REORDER_GOALS,
                json!({ "strategyId": own_strategy, "goalIds": swapped }),
                &["/goalIds/0"],
            )
            .bad_input(),
        );
    }
    let all_foreign: Vec<String> = (0..b.plan.active_goals.len())
        .map(|index| format!("/goalIds/{index}"))
        .collect();
    let all_foreign: Vec<&str> = all_foreign.iter().map(String::as_str).collect();
    attacks.push(
        Attack::new(
            REORDER_GOALS,
            json!({ "strategyId": own_strategy, "goalIds": b.plan.active_goals }),
            &all_foreign,
        )
        .bad_input(),
    );

    for id in b.plan.of(Kind::Goal) {
        let by_id = json!({ "id": id });
        attacks.push(Attack::new(UPDATE_GOAL, by_id.clone(), &["/id"]));
        attacks.push(Attack::new(
            SET_GOAL_STATUS,
            json!({ "id": id, "status": "AT_RISK" }),
            &["/id"],
        ));
        attacks.push(Attack::new(RECORD_GOAL_VALUE, by_id.clone(), &["/id"]));
        attacks.push(Attack::new(DELETE_GOAL, by_id, &["/id"]));
        attacks.push(Attack::new(
            CREATE_DELIVERABLE,
            json!({ "input": {
                "goalId": id, "type": "BLOG_POSTS", "name": "Planted", "quantityPerPeriod": 1
            } }),
            &["/input/goalId"],
        ));
        attacks.push(Attack::new(
            CREATE_ACTIVITY,
            json!({ "input": { "title": "Planted", "type": "WRITE", "assignee": agent, "goalId": id } }),
            &["/input/goalId"],
        ));
        attacks.push(Attack::new(
            CREATE_ACTIVITY,
            json!({ "input": {
                "title": "Planted", "type": "WRITE", "assignee": agent,
                "deliverablePeriodId": own_period, "goalId": id
            } }),
            &["/input/goalId"],
        ));
    }

    for id in b.plan.of(Kind::Deliverable) {
        attacks.push(Attack::new(
            UPDATE_DELIVERABLE,
            json!({ "id": id }),
            &["/id"],
        ));
        for active in [false, true] {
            attacks.push(Attack::new(
                SET_DELIVERABLE_ACTIVE,
                json!({ "id": id, "active": active }),
                &["/id"],
            ));
        }
        attacks.push(Attack::new(
            OPEN_PERIOD,
            json!({ "id": id, "start": "2099-01-01" }),
            &["/id"],
        ));
    }

    for id in b.plan.of(Kind::Period) {
        attacks.push(Attack::new(
            CREATE_ACTIVITY,
            json!({ "input": {
                "title": "Planted", "type": "WRITE", "assignee": agent, "deliverablePeriodId": id
            } }),
            &["/input/deliverablePeriodId"],
        ));
        attacks.push(Attack::new(
            CREATE_ACTIVITY,
            json!({ "input": {
                "title": "Planted", "type": "WRITE", "assignee": agent,
                "deliverablePeriodId": id, "goalId": own_goal
            } }),
            &["/input/deliverablePeriodId"],
        ));
    }

    for row in &b.plan.activities {
        let id = &row.id;
        attacks.push(Attack::new(
            UPDATE_ACTIVITY,
            json!({ "id": id, "input": { "title": "Hijacked", "revisionNote": "Hijacked" } }),
            &["/id"],
        ));
        let mut moves = vec![next_status(&row.status)];
        if row.status == "awaiting_approval" {
            moves.push("REJECTED");
        }
        for status in moves {
            let attack = Attack::new(
                CHANGE_STATUS,
                json!({ "id": id, "status": status, "note": "Hijacked" }),
                &["/id"],
            );
            attacks.push(if matches!(status, "APPROVED" | "REJECTED") {
                attack.keys_forbidden()
            } else {
                attack
            });
        }
        attacks.push(Attack::new(CANCEL_ACTIVITY, json!({ "id": id }), &["/id"]));
        attacks.push(Attack::new(
            CREATE_ACTIVITY,
            json!({ "input": {
                "title": "Planted", "type": "RESEARCH", "assignee": agent, "parentActivityId": id
            } }),
            &["/input/parentActivityId"],
        ));
    }

    let own_activity = a.plan.activity("created");
    for user in b.user_ids() {
        let human = json!({ "type": "HUMAN", "userId": user });
        attacks.push(Attack::new(
            CREATE_ACTIVITY,
            json!({ "input": {
                "title": "Planted", "type": "REVIEW", "assignee": human, "deliverablePeriodId": own_period
            } }),
            &["/input/assignee/userId"],
        ));
        attacks.push(Attack::new(
            UPDATE_ACTIVITY,
            json!({ "id": own_activity, "input": { "assignee": human } }),
            &["/input/assignee/userId"],
        ));
    }

    // Every reference of an activity pointing into B at once.
    attacks.push(Attack::new(
        CREATE_ACTIVITY,
        json!({ "input": {
            "title": "Planted", "type": "REVIEW",
            "assignee": { "type": "HUMAN", "userId": b.user("member") },
            "deliverablePeriodId": b.plan.sample(Kind::Period),
            "goalId": b.plan.sample(Kind::Goal),
            "parentActivityId": b.plan.sample(Kind::Activity),
        } }),
        &[
            "/input/assignee/userId",
            "/input/deliverablePeriodId",
            "/input/goalId",
            "/input/parentActivityId",
        ],
    ));
    attacks
}

#[tokio::test]
async fn tenant_a_looking_up_each_tenant_b_plan_record_by_id_gets_null() {
    let World { db, server, a, b } = world(prepare).await;
    let before = snapshot(&db, b.uuid, &[]).await;

    for caller in [a.admin(), a.key()] {
        for kind in KINDS {
            let query = kind.by_id();
            // Every record of B, the archived strategy, the deleted goal and the cancelled
            // activities included: null, without an error.
            for id in b.plan.of(kind) {
                let body = call(&server, &caller, &query, json!({ "id": id })).await;
                assert_eq!(
                    body,
                    answer(kind.field(), Value::Null),
                    "{}({id})",
                    kind.field()
                );
            }
            // The same query with A's record resolves, so null is not a blanket answer.
            let own = a.plan.sample(kind);
            let body = call(&server, &caller, &query, json!({ "id": own })).await;
            assert_eq!(body, answer(kind.field(), json!({ "id": own })));
        }
    }
    // A's admin sees A's own deleted goal and cancelled activity; B's stay null.
    for (kind, own, foreign) in [
        (Kind::Goal, &a.plan.deleted_goal, &b.plan.deleted_goal),
        (
            Kind::Activity,
            &a.plan.activity("cancelled"),
            &b.plan.activity("cancelled"),
        ),
    ] {
        let body = call(&server, &a.admin(), &kind.by_id(), json!({ "id": own })).await;
        assert_eq!(body, answer(kind.field(), json!({ "id": own })));
        let body = call(&server, &a.admin(), &kind.by_id(), json!({ "id": foreign })).await;
        assert_eq!(body, answer(kind.field(), Value::Null));
    }

    assert_eq!(
        snapshot(&db, b.uuid, &[]).await,
        before,
        "reading changed B"
    );
}

#[tokio::test]
async fn tenant_a_plan_lists_queues_and_progress_show_nothing_of_tenant_b_whatever_the_filter() {
    let World { db, server, a, b } = world(prepare).await;
    let before = snapshot(&db, b.uuid, &[]).await;
    let own = a.known_ids();
    let foreign = b.known_ids();
    let a_tenant = || vec![sea_orm::Value::from(a.uuid.to_string())];

    for (caller, admin) in [(a.admin(), true), (a.key(), false)] {
        // Strategies: exactly A's, with every status filter, with B's ids as cursors.
        let body = call(&server, &caller, STRATEGIES, json!({ "first": 100 })).await;
        only_own(&body, &own, &foreign, "strategies");
        assert_eq!(
            id_set(&body, "/data/strategies/nodes"),
            set(a.plan.of(Kind::Strategy))
        );
        for (status, stored) in [
            ("DRAFT", "draft"),
            ("AWAITING_APPROVAL", "awaiting_approval"),
            ("ACTIVE", "active"),
            ("ARCHIVED", "archived"),
        ] {
            let body = call(
                &server,
                &caller,
                STRATEGIES,
                json!({ "first": 100, "status": status }),
            )
            .await;
            only_own(&body, &own, &foreign, status);
            assert_eq!(
                id_set(&body, "/data/strategies/nodes"),
                BTreeSet::from([a.plan.strategy(stored)])
            );
        }
        for id in b.plan.of(Kind::Strategy) {
            for variables in [
                json!({ "first": 100, "after": id }),
                json!({ "last": 100, "before": id }),
            ] {
                let body = call(&server, &caller, STRATEGIES, variables.clone()).await;
                only_own(&body, &own, &foreign, &format!("strategies({variables})"));
            }
        }

        // Activities filtered by any id of B: none, cancelled ones included.
        let mut filters: Vec<Value> = Vec::new();
        for id in b.plan.of(Kind::Goal) {
            filters.push(json!({ "goalId": id }));
        }
        for id in b.plan.of(Kind::Period) {
            filters.push(json!({ "deliverablePeriodId": id }));
        }
        for row in &b.plan.activities {
            filters.push(json!({ "parentId": row.id }));
        }
        for id in b.user_ids() {
            filters.push(json!({ "assigneeUserId": id }));
            filters.push(json!({ "assigneeUserId": id, "assigneeType": "HUMAN" }));
        }
        filters.push(json!({
            "goalId": b.plan.sample(Kind::Goal), "deliverablePeriodId": a.plan.sample(Kind::Period)
        }));
        filters.push(
            json!({ "goalId": a.plan.sample(Kind::Goal), "parentId": b.plan.activity("created") }),
        );
        filters.push(json!({
            "status": ["CREATED", "CANCELLED"], "topLevelOnly": true,
            "deliverablePeriodId": b.plan.sample(Kind::Period)
        }));
        let cancelled_too: &[bool] = if admin { &[false, true] } else { &[false] };
        for filter in &filters {
            for cancelled in cancelled_too {
                let body = call(
                    &server,
                    &caller,
                    ACTIVITIES,
                    json!({ "filter": filter, "cancelled": cancelled }),
                )
                .await;
                assert_eq!(
                    body,
                    json!({ "data": { "activities": { "nodes": [] } } }),
                    "activities({filter}, includeCancelled: {cancelled})"
                );
            }
        }
        // Unfiltered and by status: exactly A's.
        for cancelled in cancelled_too {
            let body = call(
                &server,
                &caller,
                ACTIVITIES,
                json!({ "cancelled": cancelled }),
            )
            .await;
            only_own(&body, &own, &foreign, "activities");
            let expected: BTreeSet<String> = a
                .plan
                .activities
                .iter()
                .filter(|row| *cancelled || row.status != "cancelled")
                .map(|row| row.id.clone())
                .collect();
            assert_eq!(id_set(&body, "/data/activities/nodes"), expected);
            for status in [
                "created",
                "assigned",
                "in_progress",
                "awaiting_approval",
                "approved",
                "rejected",
                "completed",
                "failed",
                "cancelled",
            ] {
                let body = call(
                    &server,
                    &caller,
                    ACTIVITIES,
                    json!({ "filter": { "status": [status.to_uppercase()] }, "cancelled": cancelled }),
                )
                .await;
                only_own(&body, &own, &foreign, status);
                let expected: BTreeSet<String> = a
                    .plan
                    .activities
                    .iter()
                    .filter(|row| row.status == status && (*cancelled || status != "cancelled"))
                    .map(|row| row.id.clone())
                    .collect();
                assert_eq!(
                    id_set(&body, "/data/activities/nodes"),
                    expected,
                    "{status}"
                );
            }
        }
        // The same filters with A's ids find A's activities, so empty is not a blanket answer.
        let parent = match a.plan.activities.iter().find(|row| row.has_children) {
            Some(row) => row.id.clone(),
            None => panic!("A has no activity with sub-activities"),
        };
        for filter in [
            json!({ "goalId": a.plan.sample(Kind::Goal) }),
            json!({ "parentId": parent }),
            json!({ "assigneeUserId": a.user("member") }),
        ] {
            let body = call(
                &server,
                &caller,
                ACTIVITIES,
                json!({ "filter": filter, "cancelled": false }),
            )
            .await;
            let found = only_own(&body, &own, &foreign, &filter.to_string());
            assert!(!found.is_empty(), "activities({filter}) found nothing");
        }
        for row in b.plan.activities.iter().step_by(5) {
            let body = call(
                &server,
                &caller,
                ACTIVITIES,
                json!({ "cancelled": false, "after": row.id }),
            )
            .await;
            only_own(&body, &own, &foreign, "activities after B's cursor");
        }

        // Deliverable periods: exactly A's containing each day, in each status.
        let body = call(&server, &caller, PERIODS, json!({})).await;
        only_own(&body, &own, &foreign, "deliverablePeriods");
        let starts = strings(
            &db.owner,
            "SELECT DISTINCT period_start::text AS day FROM deliverable_periods
             WHERE tenant_id = $1::uuid",
            a_tenant(),
            "day",
        )
        .await;
        assert_eq!(starts.len(), 2, "{starts:?}");
        for day in &starts {
            for status in [
                None,
                Some("not_started"),
                Some("in_progress"),
                Some("completed"),
                Some("at_risk"),
                Some("missed"),
            ] {
                let variables = match status {
                    None => json!({ "containing": day }),
                    Some(status) => json!({ "containing": day, "status": status.to_uppercase() }),
                };
                let body = call(&server, &caller, PERIODS, variables.clone()).await;
                only_own(
                    &body,
                    &own,
                    &foreign,
                    &format!("deliverablePeriods({variables})"),
                );
                let expected: BTreeSet<String> = strings(
                    &db.owner,
                    "SELECT ref_id::text AS id FROM deliverable_periods
                     WHERE tenant_id = $1::uuid AND period_start <= $2::date AND period_end >= $2::date
                       AND ($3::text IS NULL OR status::text = $3)",
                    vec![
                        a.uuid.to_string().into(),
                        day.clone().into(),
                        status.map(str::to_owned).into(),
                    ],
                    "id",
                )
                .await
                .into_iter()
                .collect();
                if status.is_none() {
                    assert!(!expected.is_empty());
                }
                assert_eq!(
                    id_set(&body, "/data/deliverablePeriods/nodes"),
                    expected,
                    "{variables}"
                );
            }
        }
        for id in b.plan.of(Kind::Period) {
            let body = call(
                &server,
                &caller,
                PERIODS,
                json!({ "containing": starts[0], "after": id }),
            )
            .await;
            only_own(&body, &own, &foreign, "deliverablePeriods after B's cursor");
        }

        // Queues: B's users have none here; A's users have exactly their own.
        for id in b.user_ids() {
            let body = call(&server, &caller, HUMAN_QUEUE, json!({ "userId": id })).await;
            assert_eq!(
                body,
                json!({ "data": { "humanActivityQueue": [] } }),
                "queue of {id}"
            );
        }
        let mut queued = 0;
        for id in a.user_ids() {
            let body = call(&server, &caller, HUMAN_QUEUE, json!({ "userId": id })).await;
            let found = only_own(&body, &own, &foreign, "humanActivityQueue");
            let expected: BTreeSet<String> = strings(
                &db.owner,
                "SELECT a.ref_id::text AS id FROM activities a JOIN users u ON u.id = a.assignee_user_id
                 WHERE u.ref_id = $1 AND a.assignee_type = 'human' AND a.deleted_on IS NULL
                   AND a.status IN ('created', 'awaiting_approval')",
                vec![id.clone().into()],
                "id",
            )
            .await
            .into_iter()
            .collect();
            assert_eq!(id_set(&body, "/data/humanActivityQueue"), expected);
            assert!(found.is_superset(&expected));
            queued += expected.len();
        }
        assert!(queued > 0, "A's people have nothing queued");
        if admin {
            let body = call(&server, &caller, HUMAN_QUEUE, json!({})).await;
            only_own(&body, &own, &foreign, "own humanActivityQueue");
        }
        for role in ["copywriter", "seo_specialist", "researcher"] {
            let body = call(&server, &caller, AGENT_QUEUE, json!({ "role": role })).await;
            only_own(&body, &own, &foreign, role);
            let expected: BTreeSet<String> = strings(
                &db.owner,
                "SELECT ref_id::text AS id FROM activities
                 WHERE tenant_id = $1::uuid AND assignee_type = 'agent' AND assignee_agent_role = $2
                   AND status IN ('created', 'assigned') AND deleted_on IS NULL",
                vec![a.uuid.to_string().into(), role.into()],
                "id",
            )
            .await
            .into_iter()
            .collect();
            // The seed leaves the SEO specialist only work that is not queued.
            assert_eq!(
                expected.is_empty(),
                role == "seo_specialist",
                "{role}: {expected:?}"
            );
            assert_eq!(
                id_set(&body, "/data/agentActivityQueue"),
                expected,
                "{role}"
            );
        }

        // Progress: null for every strategy of B; A's own by default and by id.
        for id in b.plan.of(Kind::Strategy) {
            let body = call(&server, &caller, PROGRESS, json!({ "id": id })).await;
            assert_eq!(
                body,
                json!({ "data": { "strategyProgress": null } }),
                "strategyProgress({id})"
            );
        }
        let body = call(&server, &caller, PROGRESS, json!({})).await;
        only_own(&body, &own, &foreign, "strategyProgress");
        assert_eq!(
            data(&body, "/data/strategyProgress/strategy/id"),
            &json!(a.plan.strategy("active"))
        );
        for id in a.plan.of(Kind::Strategy) {
            let body = call(&server, &caller, PROGRESS, json!({ "id": id })).await;
            only_own(&body, &own, &foreign, "strategyProgress(A)");
            assert_eq!(
                data(&body, "/data/strategyProgress/strategy/id"),
                &json!(id)
            );
        }
    }

    assert_eq!(
        snapshot(&db, b.uuid, &[]).await,
        before,
        "reading changed B"
    );
}

#[tokio::test]
async fn tenant_a_walking_every_relation_of_its_plan_reaches_only_its_own_records() {
    let World { db, server, a, b } = world(prepare).await;
    let before = snapshot(&db, b.uuid, &[]).await;
    let own = a.known_ids();
    let foreign = b.known_ids();

    for caller in [a.admin(), a.key()] {
        let body = call(&server, &caller, DEEP, json!({})).await;
        let found = only_own(&body, &own, &foreign, "deep query");
        assert_eq!(
            data(&body, "/data/activeStrategy/id"),
            &json!(a.plan.strategy("active"))
        );
        // The walk is complete: every live record of A is reached, so the check above means
        // something.
        for (what, expected) in [
            ("strategies", set(a.plan.of(Kind::Strategy))),
            ("live goals", a.plan.live_goals()),
            ("deliverables", set(a.plan.of(Kind::Deliverable))),
            ("periods", set(a.plan.of(Kind::Period))),
            ("live activities", a.plan.live_activities()),
            ("runs", set(a.plan.of(Kind::Run))),
        ] {
            let missing: Vec<&String> = expected.difference(&found).collect();
            assert!(missing.is_empty(), "{what} not reached: {missing:?}");
        }
        assert!(found.contains(&a.user("admin")), "approvedBy not reached");
    }

    assert_eq!(snapshot(&db, b.uuid, &[]).await, before);
}

#[tokio::test]
async fn entity_lookups_of_tenant_b_plan_records_resolve_to_null_for_tenant_a() {
    let World { db, server, a, b } = world(prepare).await;
    let before = snapshot(&db, b.uuid, &[]).await;

    let representations: Vec<Value> = KINDS
        .iter()
        .flat_map(|kind| {
            b.plan
                .of(*kind)
                .iter()
                .map(move |id| json!({ "__typename": kind.typename(), "id": id }))
        })
        .collect();
    for caller in [a.admin(), a.key()] {
        // Every record of B: null, without an error.
        let body = call(
            &server,
            &caller,
            ENTITIES,
            json!({ "representations": representations }),
        )
        .await;
        assert_eq!(
            body,
            json!({ "data": { "_entities": vec![Value::Null; representations.len()] } })
        );

        // Mixed lists: A's entity resolves, B's next to it is null.
        for kind in KINDS {
            let (own, other) = (a.plan.sample(kind), b.plan.sample(kind));
            let body = call(
                &server,
                &caller,
                ENTITIES,
                json!({ "representations": [
                    { "__typename": kind.typename(), "id": own },
                    { "__typename": kind.typename(), "id": other },
                ] }),
            )
            .await;
            assert_eq!(
                body,
                json!({ "data": { "_entities": [{ "id": own }, null] } }),
                "{}",
                kind.typename()
            );
        }
        // All types in one request, interleaved.
        let mut mixed = Vec::new();
        let mut expected = Vec::new();
        for kind in KINDS {
            let (own, other) = (a.plan.sample(kind), b.plan.sample(kind));
            mixed.push(json!({ "__typename": kind.typename(), "id": other }));
            mixed.push(json!({ "__typename": kind.typename(), "id": own }));
            expected.push(Value::Null);
            expected.push(json!({ "id": own }));
        }
        let body = call(
            &server,
            &caller,
            ENTITIES,
            json!({ "representations": mixed }),
        )
        .await;
        assert_eq!(body, json!({ "data": { "_entities": expected } }));
    }

    // A's admin resolves A's deleted goal and cancelled activity; B's stay null.
    let body = call(
        &server,
        &a.admin(),
        ENTITIES,
        json!({ "representations": [
            { "__typename": "Goal", "id": a.plan.deleted_goal },
            { "__typename": "Goal", "id": b.plan.deleted_goal },
            { "__typename": "Activity", "id": a.plan.activity("cancelled") },
            { "__typename": "Activity", "id": b.plan.activity("cancelled") },
        ] }),
    )
    .await;
    assert_eq!(
        body,
        json!({ "data": { "_entities": [
            { "id": a.plan.deleted_goal },
            null,
            { "id": a.plan.activity("cancelled") },
            null,
        ] } })
    );

    assert_eq!(
        snapshot(&db, b.uuid, &[]).await,
        before,
        "entity look-ups changed B"
    );
}

#[tokio::test]
async fn tenant_a_mutating_with_tenant_b_plan_ids_gets_the_unknown_id_error_and_changes_nothing() {
    let World { db, server, a, b } = world(prepare).await;
    let before = snapshot(&db, b.uuid, &[]).await;
    let a_before = own_snapshot(&db, a.uuid).await;
    let attacks = attacks(&a, &b);
    assert!(attacks.len() > 200, "only {} attacks", attacks.len());

    for (caller, is_key) in [(a.admin(), false), (a.key(), true)] {
        for attack in &attacks {
            let code = if is_key && attack.keys_forbidden {
                "FORBIDDEN"
            } else {
                attack.code
            };
            assert_refused_like_unknown(&server, &caller, attack, code).await;
        }
    }

    assert_eq!(
        snapshot(&db, b.uuid, &[]).await,
        before,
        "mutations changed B"
    );
    assert_eq!(
        own_snapshot(&db, a.uuid).await,
        a_before,
        "refused mutations changed A"
    );
}

#[tokio::test]
async fn a_super_admin_acting_for_tenant_b_reads_and_changes_its_plan_and_each_request_is_audited()
{
    let World { db, server, a, b } = world(prepare).await;
    let a_before = own_snapshot(&db, a.uuid).await;
    let token = server
        .login("super-admin@leadmetrics.test", DEMO_PASSWORD)
        .await;
    let operator = get::<Uuid>(
        &query_one(
            &db.owner,
            "SELECT id FROM users WHERE email = 'super-admin@leadmetrics.test'",
            [],
        )
        .await,
        "id",
    );
    let acting = |request_id: &str| {
        let mut headers = bearer_headers(&token);
        headers.push(("x-act-for-tenant", b.ref_id.clone()));
        headers.push(("x-request-id", request_id.to_owned()));
        headers
    };
    let own = b.known_ids();
    let foreign = a.known_ids();
    let mut expected: Vec<(&str, &str)> = Vec::new();
    assert_eq!(audit_rows(&db).await, 0);

    // Reads B's active plan.
    let (_, body) = call_named(
        &server,
        &acting("plan-audit-01"),
        "query OperatorReadsActivePlan { activeStrategy { id goals { id } } }",
        Some("OperatorReadsActivePlan"),
        json!({}),
    )
    .await;
    let goals: Vec<Value> = b
        .plan
        .active_goals
        .iter()
        .map(|id| json!({ "id": id }))
        .collect();
    assert_eq!(
        data(&body, "/data/activeStrategy"),
        &json!({ "id": b.plan.strategy("active"), "goals": goals })
    );
    expected.push(("query", "OperatorReadsActivePlan"));
    assert_eq!(audit_rows(&db).await, 1);

    // Lists every strategy of B.
    let (_, body) = call_named(
        &server,
        &acting("plan-audit-02"),
        "query OperatorListsStrategies { strategies(first: 100) { nodes { id } } }",
        Some("OperatorListsStrategies"),
        json!({}),
    )
    .await;
    only_own(&body, &own, &foreign, "operator strategies");
    assert_eq!(
        id_set(&body, "/data/strategies/nodes"),
        set(b.plan.of(Kind::Strategy))
    );
    expected.push(("query", "OperatorListsStrategies"));
    assert_eq!(audit_rows(&db).await, 2);

    // Sees B's deleted goal, as B's admins do.
    let (_, body) = call_named(
        &server,
        &acting("plan-audit-03"),
        "query OperatorReadsDeletedGoal($id: ID!) { goal(id: $id) { id deletedOn } }",
        Some("OperatorReadsDeletedGoal"),
        json!({ "id": b.plan.deleted_goal }),
    )
    .await;
    assert_eq!(data(&body, "/data/goal/id"), &json!(b.plan.deleted_goal));
    assert!(data(&body, "/data/goal/deletedOn").is_string(), "{body}");
    expected.push(("query", "OperatorReadsDeletedGoal"));
    assert_eq!(audit_rows(&db).await, 3);

    // Lists every activity of B, cancelled ones included.
    let (_, body) = call_named(
        &server,
        &acting("plan-audit-04"),
        "query OperatorListsActivities { activities(includeCancelled: true, first: 100) { nodes { id } } }",
        Some("OperatorListsActivities"),
        json!({}),
    )
    .await;
    only_own(&body, &own, &foreign, "operator activities");
    let all: BTreeSet<String> = b.plan.activities.iter().map(|row| row.id.clone()).collect();
    assert_eq!(id_set(&body, "/data/activities/nodes"), all);
    expected.push(("query", "OperatorListsActivities"));
    assert_eq!(audit_rows(&db).await, 4);

    // Resolves B's entities of every plan type.
    let representations: Vec<Value> = KINDS
        .iter()
        .map(|kind| json!({ "__typename": kind.typename(), "id": b.plan.sample(*kind) }))
        .collect();
    let resolved: Vec<Value> = KINDS
        .iter()
        .map(|kind| json!({ "id": b.plan.sample(*kind) }))
        .collect();
    let (_, body) = call_named(
        &server,
        &acting("plan-audit-05"),
        &ENTITIES.replacen("query(", "query OperatorLooksUpEntities(", 1),
        Some("OperatorLooksUpEntities"),
        json!({ "representations": representations }),
    )
    .await;
    assert_eq!(body, json!({ "data": { "_entities": resolved } }));
    expected.push(("query", "OperatorLooksUpEntities"));
    assert_eq!(audit_rows(&db).await, 5);

    // Changes a goal's status: the row in B changes, by the operator.
    let goal = b.plan.sample(Kind::Goal);
    let (_, body) = call_named(
        &server,
        &acting("plan-audit-06"),
        "mutation OperatorSetsGoalStatus($id: ID!) { setGoalStatus(id: $id, status: AT_RISK) { id status } }",
        Some("OperatorSetsGoalStatus"),
        json!({ "id": goal }),
    )
    .await;
    assert_eq!(
        data(&body, "/data/setGoalStatus"),
        &json!({ "id": goal, "status": "AT_RISK" })
    );
    let row = query_one(
        &db.owner,
        "SELECT tenant_id, status::text AS status, updated_by FROM goals WHERE ref_id = $1",
        [goal.clone().into()],
    )
    .await;
    assert_eq!(get::<Uuid>(&row, "tenant_id"), b.uuid);
    assert_eq!(get::<String>(&row, "status"), "at_risk");
    assert_eq!(get::<Option<Uuid>>(&row, "updated_by"), Some(operator));
    expected.push(("mutation", "OperatorSetsGoalStatus"));
    assert_eq!(audit_rows(&db).await, 6);

    // Creates an activity pointing at B's period, parent activity and member: the shapes A's
    // refused requests had, accepted here because the ids are the tenant's own.
    let (_, body) = call_named(
        &server,
        &acting("plan-audit-07"),
        "mutation OperatorCreatesActivity($input: CreateActivityInput!) { createActivity(input: $input) { id assignee { id } parent { id } deliverablePeriod { id } } }",
        Some("OperatorCreatesActivity"),
        json!({ "input": {
            "title": "Operator check", "type": "REVIEW",
            "assignee": { "type": "HUMAN", "userId": b.user("member") },
            "deliverablePeriodId": b.plan.sample(Kind::Period),
            "parentActivityId": b.plan.sample(Kind::Activity),
        } }),
    )
    .await;
    let created = string_at(&body, "/data/createActivity/id");
    assert_eq!(
        data(&body, "/data/createActivity"),
        &json!({
            "id": created,
            "assignee": { "id": b.user("member") },
            "parent": { "id": b.plan.sample(Kind::Activity) },
            "deliverablePeriod": { "id": b.plan.sample(Kind::Period) },
        })
    );
    let row = query_one(
        &db.owner,
        "SELECT tenant_id, created_by FROM activities WHERE ref_id = $1",
        [created.into()],
    )
    .await;
    assert_eq!(get::<Uuid>(&row, "tenant_id"), b.uuid);
    assert_eq!(get::<Option<Uuid>>(&row, "created_by"), Some(operator));
    expected.push(("mutation", "OperatorCreatesActivity"));
    assert_eq!(audit_rows(&db).await, 7);

    // Reorders B's goals.
    let reversed: Vec<String> = b.plan.active_goals.iter().rev().cloned().collect();
    let (_, body) = call_named(
        &server,
        &acting("plan-audit-08"),
        "mutation OperatorReordersGoals($strategyId: ID!, $goalIds: [ID!]!) { reorderGoals(strategyId: $strategyId, goalIds: $goalIds) { id priority } }",
        Some("OperatorReordersGoals"),
        json!({ "strategyId": b.plan.strategy("active"), "goalIds": reversed }),
    )
    .await;
    let reordered: Vec<Value> = reversed
        .iter()
        .enumerate()
        .map(|(index, id)| json!({ "id": id, "priority": index + 1 }))
        .collect();
    assert_eq!(data(&body, "/data/reorderGoals"), &json!(reordered));
    expected.push(("mutation", "OperatorReordersGoals"));
    assert_eq!(audit_rows(&db).await, 8);

    let rows: Vec<Value> = query_all(
        &db.owner,
        "SELECT (to_jsonb(t) - 'id' - 'ref_id' - 'created_on' - 'document_hash')::text AS row
         FROM operator_audit_log t ORDER BY request_id",
        [],
    )
    .await
    .iter()
    .map(|row| {
        serde_json::from_str(&get::<String>(row, "row"))
            .unwrap_or_else(|error| panic!("audit row is not JSON: {error}"))
    })
    .collect();
    let platform = tenant_uuid(&db, "leadmetrics").await;
    let expected: Vec<Value> = expected
        .iter()
        .enumerate()
        .map(|(index, (operation_type, operation_name))| {
            json!({
                "tenant_id": b.uuid,
                "operator_user_id": operator,
                "operator_tenant_id": platform,
                "operation_type": operation_type,
                "operation_name": operation_name,
                "request_id": format!("plan-audit-{:02}", index + 1),
                "subgraph": "tenant",
                "created_by": operator,
            })
        })
        .collect();
    assert_eq!(rows, expected);
    assert_eq!(
        own_snapshot(&db, a.uuid).await,
        a_before,
        "the operator changed A"
    );
}

#[tokio::test]
async fn a_super_admin_acting_for_tenant_b_cannot_reach_tenant_a_plan_records() {
    let World { db, server, a, b } = world(prepare).await;
    let a_before = own_snapshot(&db, a.uuid).await;
    let token = server
        .login("super-admin@leadmetrics.test", DEMO_PASSWORD)
        .await;
    let mut acting = bearer_headers(&token);
    acting.push(("x-act-for-tenant", b.ref_id.clone()));
    let own = b.known_ids();
    let foreign = a.known_ids();
    let mut requests = 0;

    for kind in KINDS {
        for id in a.plan.of(kind) {
            let body = call(&server, &acting, &kind.by_id(), json!({ "id": id })).await;
            assert_eq!(
                body,
                answer(kind.field(), Value::Null),
                "{}({id})",
                kind.field()
            );
            requests += 1;
        }
    }
    let representations: Vec<Value> = KINDS
        .iter()
        .flat_map(|kind| {
            a.plan
                .of(*kind)
                .iter()
                .map(move |id| json!({ "__typename": kind.typename(), "id": id }))
        })
        .collect();
    let body = call(
        &server,
        &acting,
        ENTITIES,
        json!({ "representations": representations }),
    )
    .await;
    assert_eq!(
        body,
        json!({ "data": { "_entities": vec![Value::Null; representations.len()] } })
    );
    requests += 1;

    // Lists, queues and progress hold B's records only.
    let this_month = get::<String>(
        &query_one(
            &db.owner,
            "SELECT max(period_start)::text AS day FROM deliverable_periods WHERE tenant_id = $1::uuid",
            [b.uuid.to_string().into()],
        )
        .await,
        "day",
    );
    for (query, variables) in [
        (STRATEGIES, json!({ "first": 100 })),
        (ACTIVITIES, json!({ "cancelled": true })),
        (PERIODS, json!({ "containing": this_month })),
        (DEEP, json!({})),
        (AGENT_QUEUE, json!({ "role": "researcher" })),
        (PROGRESS, json!({})),
    ] {
        let body = call(&server, &acting, query, variables).await;
        let found = only_own(&body, &own, &foreign, query);
        assert!(!found.is_empty(), "{query} found nothing of B");
        requests += 1;
    }
    for (query, variables, empty) in [
        (
            ACTIVITIES,
            json!({ "filter": { "goalId": a.plan.sample(Kind::Goal) }, "cancelled": true }),
            json!({ "data": { "activities": { "nodes": [] } } }),
        ),
        (
            HUMAN_QUEUE,
            json!({ "userId": a.user("member") }),
            json!({ "data": { "humanActivityQueue": [] } }),
        ),
        (
            PROGRESS,
            json!({ "id": a.plan.strategy("active") }),
            json!({ "data": { "strategyProgress": null } }),
        ),
    ] {
        let body = call(&server, &acting, query, variables).await;
        assert_eq!(body, empty);
        requests += 1;
    }

    // A's records cannot be changed, with the unknown id's answer.
    let agent = json!({ "type": "AGENT", "agentRole": "copywriter" });
    let attacks = [
        Attack::new(
            SET_GOAL_STATUS,
            json!({ "id": a.plan.sample(Kind::Goal), "status": "PAUSED" }),
            &["/id"],
        ),
        Attack::new(
            DELETE_GOAL,
            json!({ "id": a.plan.sample(Kind::Goal) }),
            &["/id"],
        ),
        // (approveStrategy is refused to operators outright: FORBIDDEN, whatever the id.)
        Attack::new(
            REJECT_STRATEGY,
            json!({ "id": a.plan.strategy("awaiting_approval") }),
            &["/id"],
        ),
        Attack::new(
            CREATE_GOAL,
            json!({ "input": { "strategyId": a.plan.strategy("draft"), "name": "Planted", "metric": "planted" } }),
            &["/input/strategyId"],
        ),
        Attack::new(
            OPEN_PERIOD,
            json!({ "id": a.plan.sample(Kind::Deliverable), "start": "2099-01-01" }),
            &["/id"],
        ),
        Attack::new(
            UPDATE_ACTIVITY,
            json!({ "id": a.plan.activity("created"), "input": { "title": "Hijacked" } }),
            &["/id"],
        ),
        Attack::new(
            CHANGE_STATUS,
            json!({ "id": a.plan.activity("awaiting_approval"), "status": "APPROVED" }),
            &["/id"],
        ),
        Attack::new(
            CANCEL_ACTIVITY,
            json!({ "id": a.plan.activity("created") }),
            &["/id"],
        ),
        Attack::new(
            CREATE_ACTIVITY,
            json!({ "input": {
                "title": "Planted", "type": "WRITE", "assignee": agent,
                "deliverablePeriodId": a.plan.sample(Kind::Period)
            } }),
            &["/input/deliverablePeriodId"],
        ),
        Attack::new(
            CREATE_ACTIVITY,
            json!({ "input": {
                "title": "Planted", "type": "REVIEW",
                "assignee": { "type": "HUMAN", "userId": a.user("member") }
            } }),
            &["/input/assignee/userId"],
        ),
        Attack::new(
            REORDER_GOALS,
            json!({ "strategyId": a.plan.strategy("active"), "goalIds": a.plan.active_goals }),
            &["/strategyId"],
        ),
    ];
    for attack in &attacks {
        assert_refused_like_unknown(&server, &acting, attack, attack.code).await;
        requests += 2;
    }

    assert_eq!(
        own_snapshot(&db, a.uuid).await,
        a_before,
        "the operator changed A"
    );
    // Every one of those requests is in B's audit log, none in A's.
    let in_b = count(
        &db.owner,
        "SELECT count(*) AS n FROM operator_audit_log WHERE tenant_id = $1::uuid",
        vec![b.uuid.to_string().into()],
    )
    .await;
    assert_eq!(in_b, requests);
    assert_eq!(audit_rows(&db).await, in_b);
}

#[tokio::test]
async fn internal_uuids_of_tenant_b_plan_rows_are_rejected_as_ids_and_never_resolve() {
    let World { db, server, a, b } = world(prepare).await;
    let before = snapshot(&db, b.uuid, &[]).await;
    let random = Uuid::new_v4().to_string();

    for kind in KINDS {
        let uuid = get::<Uuid>(
            &query_one(
                &db.owner,
                &format!(
                    "SELECT id FROM {} WHERE tenant_id = $1::uuid ORDER BY ref_id LIMIT 1",
                    kind.table()
                ),
                [b.uuid.to_string().into()],
            )
            .await,
            "id",
        )
        .to_string();
        for caller in [a.admin(), a.key()] {
            for form in [uuid.clone(), uuid.replace('-', ""), uuid.to_uppercase()] {
                let body = call(&server, &caller, &kind.by_id(), json!({ "id": form })).await;
                assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
                assert!(
                    body.pointer(&format!("/data/{}", kind.field()))
                        .is_none_or(Value::is_null),
                    "{body}"
                );
                let body = call(
                    &server,
                    &caller,
                    ENTITIES,
                    json!({ "representations": [{ "__typename": kind.typename(), "id": form }] }),
                )
                .await;
                assert_eq!(body, json!({ "data": { "_entities": [null] } }), "{form}");
            }
            // The UUID of a real row of B gets exactly what a random UUID gets.
            let foreign = call(&server, &caller, &kind.by_id(), json!({ "id": uuid })).await;
            let unknown = call(&server, &caller, &kind.by_id(), json!({ "id": random })).await;
            assert_eq!(foreign, unknown);
        }

        let mutations: Vec<(&str, Value)> = match kind {
            Kind::Strategy => vec![
                (SUBMIT_STRATEGY, json!({ "id": uuid })),
                (
                    CREATE_GOAL,
                    json!({ "input": { "strategyId": uuid, "name": "Planted", "metric": "planted" } }),
                ),
            ],
            Kind::Goal => vec![
                (SET_GOAL_STATUS, json!({ "id": uuid, "status": "PAUSED" })),
                (
                    ACTIVITIES,
                    json!({ "filter": { "goalId": uuid }, "cancelled": false }),
                ),
            ],
            Kind::Deliverable => vec![(OPEN_PERIOD, json!({ "id": uuid, "start": "2099-01-01" }))],
            Kind::Period => vec![(
                CREATE_ACTIVITY,
                json!({ "input": {
                    "title": "Planted", "type": "WRITE",
                    "assignee": { "type": "AGENT", "agentRole": "copywriter" },
                    "deliverablePeriodId": uuid
                } }),
            )],
            Kind::Activity => vec![(CANCEL_ACTIVITY, json!({ "id": uuid }))],
            Kind::Run => vec![],
        };
        for (query, variables) in mutations {
            let body = call(&server, &a.admin(), query, variables.clone()).await;
            assert_eq!(error_code(&body), Some("BAD_USER_INPUT"), "{body}");
            let unknown: Value =
                serde_json::from_str(&variables.to_string().replace(&uuid, &random))
                    .unwrap_or_else(|error| panic!("not JSON: {error}"));
            let reference = call(&server, &a.admin(), query, unknown).await;
            assert_eq!(body, reference, "{query}");
        }
    }

    assert_eq!(
        snapshot(&db, b.uuid, &[]).await,
        before,
        "UUID ids changed B"
    );
}

#[tokio::test]
async fn row_level_security_hides_tenant_b_plan_rows_from_the_application_role_in_tenant_a() {
    let db = TestDatabase::new().await;
    seed_demo(&db).await;
    let (a, b) = (
        tenant_uuid(&db, "acme").await,
        tenant_uuid(&db, "globex").await,
    );
    let before = snapshot(&db, b, &[]).await;
    let app = db.connect_as("app_user").await;
    // One row of B per table, to point at.
    let mut first_of_b: BTreeMap<&str, String> = BTreeMap::new();
    for kind in KINDS {
        let row = query_one(
            &db.owner,
            &format!(
                "SELECT id::text AS id FROM {} WHERE tenant_id = $1::uuid ORDER BY ref_id LIMIT 1",
                kind.table()
            ),
            [b.to_string().into()],
        )
        .await;
        first_of_b.insert(kind.table(), get::<String>(&row, "id"));
    }
    let active_of_b = get::<String>(
        &query_one(
            &db.owner,
            "SELECT id::text AS id FROM strategies WHERE tenant_id = $1::uuid AND status = 'active'",
            [b.to_string().into()],
        )
        .await,
        "id",
    );
    let goal_of_b = get::<String>(
        &query_one(
            &db.owner,
            "SELECT g.id::text AS id FROM goals g WHERE g.tenant_id = $1::uuid AND g.strategy_id = $2::uuid LIMIT 1",
            [b.to_string().into(), active_of_b.clone().into()],
        )
        .await,
        "id",
    );
    let member_of_b = get::<String>(
        &query_one(
            &db.owner,
            "SELECT id::text AS id FROM users WHERE email = 'member@globex.test'",
            [],
        )
        .await,
        "id",
    );
    let first = |table: &str| first_of_b.get(table).cloned().unwrap_or_default();

    for kind in KINDS {
        let table = kind.table();
        let b_rows: Vec<(String, String)> = query_all(
            &db.owner,
            &format!(
                "SELECT id::text AS id, ref_id::text AS ref FROM {table} WHERE tenant_id = $1::uuid"
            ),
            [b.to_string().into()],
        )
        .await
        .iter()
        .map(|row| (get::<String>(row, "id"), get::<String>(row, "ref")))
        .collect();
        assert!(!b_rows.is_empty(), "{table}");
        let a_rows = count(
            &db.owner,
            &format!("SELECT count(*) AS n FROM {table} WHERE tenant_id = $1::uuid"),
            vec![a.to_string().into()],
        )
        .await;
        assert!(a_rows > 0, "{table}");

        // In A: none of B's rows exist, by id, by public id or by tenant.
        let in_a = tenant_transaction(&app, Some(a)).await;
        for (id, ref_id) in &b_rows {
            let sql = format!("SELECT count(*) AS n FROM {table} WHERE id = $1::uuid");
            assert_eq!(
                count(&in_a, &sql, vec![id.clone().into()]).await,
                0,
                "{table} {id}"
            );
            let sql = format!("SELECT count(*) AS n FROM {table} WHERE ref_id = $1");
            assert_eq!(count(&in_a, &sql, vec![ref_id.clone().into()]).await, 0);
        }
        let sql = format!("SELECT count(*) AS n FROM {table} WHERE tenant_id = $1::uuid");
        assert_eq!(count(&in_a, &sql, vec![b.to_string().into()]).await, 0);
        let sql = format!("SELECT count(*) AS n FROM {table}");
        assert_eq!(count(&in_a, &sql, vec![]).await, a_rows, "{table}");
        rollback(in_a).await;

        // Writes aimed at B's rows touch nothing (runs are immutable: no UPDATE or DELETE at all).
        let writes = [
            (
                format!("UPDATE {table} SET created_on = created_on WHERE id = $1::uuid"),
                first(table),
            ),
            (
                format!("UPDATE {table} SET created_on = created_on WHERE tenant_id = $1::uuid"),
                b.to_string(),
            ),
            (
                format!("DELETE FROM {table} WHERE id = $1::uuid"),
                first(table),
            ),
            (
                format!("DELETE FROM {table} WHERE tenant_id = $1::uuid"),
                b.to_string(),
            ),
        ];
        for (sql, value) in &writes {
            let in_a = tenant_transaction(&app, Some(a)).await;
            let written = exec_with(&in_a, sql, [value.clone().into()]).await;
            match (kind, written) {
                (Kind::Run, Err(error)) => {
                    assert_eq!(
                        sql_state(&error).as_deref(),
                        Some("42501"),
                        "{sql}: {error}"
                    )
                }
                (Kind::Run, Ok(rows)) => panic!("{sql} ran on an immutable table ({rows} rows)"),
                (_, Ok(rows)) => assert_eq!(rows, 0, "{sql}"),
                (_, Err(error)) => panic!("{sql}: {error}"),
            }
            // Committed, so a write that had happened would show in B's snapshot below.
            if let Err(error) = in_a.commit().await
                && kind != Kind::Run
            {
                panic!("commit failed: {error}");
            }
        }

        // Inserting a row for B while in A violates the policy; inserting a row for A that
        // points at B's rows violates the tenant-carrying foreign key.
        let (sql, parents): (&str, Vec<String>) = match kind {
            Kind::Strategy => (
                "INSERT INTO strategies (tenant_id, version) VALUES ($1::uuid, 99)",
                vec![],
            ),
            Kind::Goal => (
                "INSERT INTO goals (tenant_id, strategy_id, name, metric)
                 VALUES ($1::uuid, $2::uuid, 'Planted', 'planted')",
                vec![active_of_b.clone()],
            ),
            Kind::Deliverable => (
                "INSERT INTO deliverables (tenant_id, goal_id, strategy_id, type, name, quantity_per_period)
                 VALUES ($1::uuid, $2::uuid, $3::uuid, 'blog_posts', 'Planted', 1)",
                vec![goal_of_b.clone(), active_of_b.clone()],
            ),
            Kind::Period => (
                "INSERT INTO deliverable_periods (tenant_id, deliverable_id, period_start, period_end)
                 VALUES ($1::uuid, $2::uuid, '2099-01-01', '2099-01-31')",
                vec![first("deliverables")],
            ),
            Kind::Activity => (
                "INSERT INTO activities (tenant_id, deliverable_period_id, title, type, assignee_type, assignee_user_id)
                 VALUES ($1::uuid, $2::uuid, 'Planted', 'write', 'human', $3::uuid)",
                vec![first("deliverable_periods"), member_of_b.clone()],
            ),
            Kind::Run => (
                "INSERT INTO activity_runs (tenant_id, activity_id, adapter_type, status)
                 VALUES ($1::uuid, $2::uuid, 'claude', 'running')",
                vec![first("activities")],
            ),
        };
        for (tenant, state) in [(b, "42501"), (a, "23503")] {
            if kind == Kind::Strategy && state == "23503" {
                continue;
            }
            let mut values: Vec<sea_orm::Value> = vec![tenant.to_string().into()];
            values.extend(parents.iter().map(|id| sea_orm::Value::from(id.clone())));
            let in_a = tenant_transaction(&app, Some(a)).await;
            match exec_with(&in_a, sql, values).await {
                Err(error) => {
                    assert_eq!(sql_state(&error).as_deref(), Some(state), "{sql}: {error}")
                }
                Ok(rows) => panic!("{sql} inserted {rows} row(s) pointing into B from A"),
            }
            rollback(in_a).await;
        }
    }

    assert_eq!(snapshot(&db, b, &[]).await, before, "A's writes changed B");
}
