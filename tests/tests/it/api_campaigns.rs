//! Campaigns through the content subgraph: creating one tied to the plan (strategy, goal,
//! activity: federation stubs) with an exact budget, the filtered list, updates, the status
//! workflow, soft delete — each change read back — and every refusal changing nothing.

use crate::api_reports::first_ref;
use leadmetrics_tests::api::{
    Caller, Headers, UNKNOWN_ID, assert_code, assert_refused_unchanged, call, data, id_of, ids,
};
use leadmetrics_tests::content::{ContentWorld, start_content};
use leadmetrics_tests::{get, query_one};
use serde_json::{Value, json};

const CREATE: &str = "mutation($input: CreateCampaignInput!) {
  createCampaign(input: $input) { id name description objective status startDate endDate
    budgetAmount budgetCurrency strategy { id } goal { id } activity { id } } }";
const UPDATE: &str = "mutation($id: ID!, $input: UpdateCampaignInput!) {
  updateCampaign(id: $id, input: $input) { id name budgetAmount budgetCurrency startDate endDate } }";
const STATUS: &str = "mutation($id: ID!, $status: CampaignStatus!) {
  changeCampaignStatus(id: $id, status: $status) { id status } }";
const DELETE: &str = "mutation($id: ID!) { deleteCampaign(id: $id) }";
const CAMPAIGN: &str = "query($id: ID!) { campaign(id: $id) { id name status budgetAmount
  strategy { id } goal { id } activity { id } reports { id } deletedOn } }";
const LIST: &str = "query($filter: CampaignFilter) {
  campaigns(filter: $filter, first: 100) { nodes { id } } }";

async fn mutate(world: &ContentWorld, who: &Headers, query: &str, variables: Value) -> Value {
    let body = call(&world.content, who, query, variables).await;
    body["data"]
        .as_object()
        .and_then(|object| object.values().next().cloned())
        .unwrap_or(Value::Null)
}

#[tokio::test]
async fn a_member_creates_a_campaign_tied_to_the_plan_with_an_exact_budget() {
    let world = start_content().await;
    let member = world.user("member@acme.test").await;
    let strategy = first_ref(&world, "strategies", "acme", "").await;
    let goal = first_ref(&world, "goals", "acme", "").await;
    let activity = first_ref(&world, "activities", "acme", "").await;
    let body = call(
        &world.content,
        &member,
        CREATE,
        json!({ "input": {
            "name": " Winter push ", "description": "More leads before the holidays.",
            "objective": "lead_generation", "startDate": "2026-12-01", "endDate": "2027-01-31",
            "budgetAmount": "1500.50", "budgetCurrency": "USD",
            "strategyId": strategy, "goalId": goal, "activityId": activity } }),
    )
    .await;
    let created = data(&body, "/data/createCampaign").clone();
    assert_eq!(created["name"], "Winter push");
    assert_eq!(created["status"], "DRAFT");
    assert_eq!(created["budgetAmount"], "1500.5");
    assert_eq!(created["budgetCurrency"], "USD");
    assert_eq!(created["strategy"]["id"], strategy.as_str());
    assert_eq!(created["goal"]["id"], goal.as_str());
    assert_eq!(created["activity"]["id"], activity.as_str());
    let id = id_of(&created);
    let row = query_one(
        &world.db.owner,
        "SELECT budget_amount::text AS amount FROM campaigns WHERE ref_id = $1",
        [id.as_str().into()],
    )
    .await;
    assert_eq!(get::<String>(&row, "amount"), "1500.50");

    // A report of it shows in `reports`.
    let report = mutate(
        &world,
        &member,
        "mutation($input: CreateReportInput!) { createReport(input: $input) { id } }",
        json!({ "input": { "title": "Winter", "type": "CUSTOM", "periodStart": "2026-12-01",
                           "periodEnd": "2026-12-31", "campaignId": id } }),
    )
    .await;
    let body = call(&world.content, &member, CAMPAIGN, json!({ "id": id })).await;
    assert_eq!(
        ids(data(&body, "/data/campaign/reports")),
        vec![id_of(&report)]
    );

    for (filter, expected) in [
        (json!({ "strategyId": strategy }), true),
        (json!({ "goalId": goal }), true),
        (json!({ "status": "DRAFT" }), true),
        (json!({ "status": "ACTIVE" }), false),
        (json!({ "goalId": UNKNOWN_ID }), false),
    ] {
        let body = call(&world.content, &member, LIST, json!({ "filter": filter })).await;
        assert_eq!(
            ids(data(&body, "/data/campaigns/nodes")).contains(&id),
            expected,
            "{filter}: {body}"
        );
    }

    // Updates read back; omitted fields keep their value.
    let updated = mutate(
        &world,
        &member,
        UPDATE,
        json!({ "id": id, "input": { "name": "Winter push 2", "budgetAmount": 2000 } }),
    )
    .await;
    assert_eq!(updated["name"], "Winter push 2");
    assert_eq!(updated["budgetAmount"], "2000");
    assert_eq!(updated["budgetCurrency"], "USD");
    assert_eq!(updated["startDate"], "2026-12-01");
}

#[tokio::test]
async fn bad_campaign_input_is_refused_with_its_field_and_changes_nothing() {
    let world = start_content().await;
    let member = world.user("member@acme.test").await;
    let caller = Caller::with_headers(&world.content, "member", member.clone());
    let globex_strategy = first_ref(&world, "strategies", "globex", "").await;
    let base = json!({ "name": "X" });
    let with = |changes: Value| {
        let mut input = base.clone();
        if let (Some(input), Some(changes)) = (input.as_object_mut(), changes.as_object()) {
            input.extend(changes.clone());
        }
        input
    };
    for (input, field) in [
        (with(json!({ "name": " " })), "name"),
        (with(json!({ "objective": "x".repeat(101) })), "objective"),
        (
            with(json!({ "startDate": "2026-12-02", "endDate": "2026-12-01" })),
            "endDate",
        ),
        (
            with(json!({ "budgetAmount": "-1", "budgetCurrency": "USD" })),
            "budgetAmount",
        ),
        (
            with(json!({ "budgetAmount": "1.005", "budgetCurrency": "USD" })),
            "budgetAmount",
        ),
        (
            with(json!({ "budgetAmount": "10", "budgetCurrency": "usd" })),
            "budgetCurrency",
        ),
        (with(json!({ "budgetAmount": "10" })), "budgetCurrency"),
        (with(json!({ "strategyId": globex_strategy })), "strategyId"),
        (with(json!({ "goalId": UNKNOWN_ID })), "goalId"),
        (with(json!({ "activityId": "bad" })), "activityId"),
    ] {
        assert_refused_unchanged(
            &world.db,
            &caller,
            &["campaigns"],
            CREATE,
            json!({ "input": input }),
            "BAD_USER_INPUT",
            Some(field),
        )
        .await;
    }
    let id = id_of(&mutate(&world, &member, CREATE, json!({ "input": base })).await);
    for (input, field) in [
        (
            json!({ "startDate": "2026-12-02", "endDate": "2026-12-01" }),
            "endDate",
        ),
        (json!({ "budgetAmount": "5" }), "budgetCurrency"),
        (json!({ "budgetCurrency": "EURO" }), "budgetCurrency"),
    ] {
        assert_refused_unchanged(
            &world.db,
            &caller,
            &["campaigns"],
            UPDATE,
            json!({ "id": id, "input": input }),
            "BAD_USER_INPUT",
            Some(field),
        )
        .await;
    }
}

#[tokio::test]
async fn a_campaign_runs_pauses_completes_and_is_archived_and_deleted_by_an_admin() {
    let world = start_content().await;
    let member = world.user("member@acme.test").await;
    let admin = world.user("admin@acme.test").await;
    let caller = Caller::with_headers(&world.content, "member", member.clone());
    let id = id_of(
        &mutate(
            &world,
            &member,
            CREATE,
            json!({ "input": { "name": "Run" } }),
        )
        .await,
    );
    for status in ["ACTIVE", "PAUSED", "ACTIVE", "COMPLETED"] {
        let moved = mutate(
            &world,
            &member,
            STATUS,
            json!({ "id": id, "status": status }),
        )
        .await;
        assert_eq!(moved["status"], status);
    }
    for status in ["ACTIVE", "PAUSED", "DRAFT", "COMPLETED"] {
        assert_refused_unchanged(
            &world.db,
            &caller,
            &["campaigns"],
            STATUS,
            json!({ "id": id, "status": status }),
            "CONFLICT",
            None,
        )
        .await;
    }
    let archived = mutate(
        &world,
        &member,
        STATUS,
        json!({ "id": id, "status": "ARCHIVED" }),
    )
    .await;
    assert_eq!(archived["status"], "ARCHIVED");

    // A report keeps pointing at a deleted campaign; the campaign leaves the list.
    let report = mutate(
        &world,
        &member,
        "mutation($input: CreateReportInput!) { createReport(input: $input) { id } }",
        json!({ "input": { "title": "R", "type": "CUSTOM", "periodStart": "2026-12-01",
                           "periodEnd": "2026-12-31", "campaignId": id } }),
    )
    .await;
    assert_refused_unchanged(
        &world.db,
        &caller,
        &["campaigns"],
        DELETE,
        json!({ "id": id }),
        "FORBIDDEN",
        None,
    )
    .await;
    let body = call(&world.content, &admin, DELETE, json!({ "id": id })).await;
    assert_eq!(data(&body, "/data/deleteCampaign"), id.as_str());
    let list = call(&world.content, &member, LIST, json!({})).await;
    assert!(!ids(data(&list, "/data/campaigns/nodes")).contains(&id));
    let gone = call(&world.content, &member, CAMPAIGN, json!({ "id": id })).await;
    assert_eq!(data(&gone, "/data/campaign"), &Value::Null);
    let for_admin = call(&world.content, &admin, CAMPAIGN, json!({ "id": id })).await;
    assert!(data(&for_admin, "/data/campaign/deletedOn").is_string());
    let body = call(
        &world.content,
        &member,
        "query($id: ID!) { report(id: $id) { campaign { id } } }",
        json!({ "id": id_of(&report) }),
    )
    .await;
    assert_eq!(data(&body, "/data/report/campaign/id"), id.as_str());
    let again = call(&world.content, &admin, DELETE, json!({ "id": id })).await;
    assert_code(&again, "NOT_FOUND");
    let update = call(
        &world.content,
        &member,
        UPDATE,
        json!({ "id": id, "input": { "name": "Back" } }),
    )
    .await;
    assert_code(&update, "NOT_FOUND");
}
