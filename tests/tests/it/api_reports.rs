//! Reports through the content subgraph: creating one linked to a campaign, a deliverable period
//! and an activity (read back with its relations), the filtered list newest period first with
//! its cursors, the body (written to the document store or attached), the workflow draft →
//! ready → delivered (by a reviewer, who is recorded) → archived — and every refusal changing
//! nothing.

use leadmetrics_tests::api::assert_refused_unchanged;
use leadmetrics_tests::api::{Caller, Headers, assert_code, call, data, id_of, ids, ok};
use leadmetrics_tests::content::{ContentWorld, start_content};
use leadmetrics_tests::{get, query_one};
use serde_json::{Value, json};

const CREATE: &str = "mutation($input: CreateReportInput!) {
  createReport(input: $input) { id title type status periodStart periodEnd contentRef } }";
const UPDATE: &str = "mutation($id: ID!, $input: UpdateReportInput!) {
  updateReport(id: $id, input: $input) { id title periodStart periodEnd status } }";
const STATUS: &str = "mutation($id: ID!, $status: ReportStatus!) {
  changeReportStatus(id: $id, status: $status) { id status } }";
const DELIVER: &str = "mutation($id: ID!, $channel: DeliveryChannel!) {
  deliverReport(id: $id, channel: $channel) { id status deliveredAt deliveredById deliveryChannel } }";
const BODY: &str = "mutation($id: ID!, $markdown: String!) {
  setReportBody(id: $id, markdown: $markdown) { id contentRef body { id format inlineBody title } } }";
const ATTACH: &str = "mutation($id: ID!, $ref: String!) {
  attachReportContent(id: $id, contentRef: $ref) { id contentRef body { id inlineBody } } }";
const REPORT: &str = "query($id: ID!) { report(id: $id) { id title status contentRef
  campaign { id name } deliverablePeriod { id } activity { id } deliveredById
  body { id format inlineBody } } }";
const LIST: &str =
    "query($filter: ReportFilter, $first: Int, $after: String, $last: Int, $before: String) {
  reports(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    nodes { id periodStart } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";

/// The public id of the first live (not soft-deleted) row of `table` of the tenant `slug` (in id
/// order), `extra` added to the `WHERE`.
pub async fn first_ref(world: &ContentWorld, table: &str, slug: &str, extra: &str) -> String {
    let row = query_one(
        &world.db.owner,
        &format!(
            "SELECT x.ref_id FROM {table} x JOIN tenants t ON t.id = x.tenant_id
             WHERE t.slug = $1 AND (to_jsonb(x) ->> 'deleted_on') IS NULL {extra}
             ORDER BY x.ref_id LIMIT 1"
        ),
        [slug.into()],
    )
    .await;
    get(&row, "ref_id")
}

/// The first field of a mutation's data (null when refused).
async fn mutate(world: &ContentWorld, who: &Headers, query: &str, variables: Value) -> Value {
    let body = call(&world.content, who, query, variables).await;
    body["data"]
        .as_object()
        .and_then(|object| object.values().next().cloned())
        .unwrap_or(Value::Null)
}

fn report(title: &str, start: &str, end: &str) -> Value {
    json!({ "title": title, "type": "MONTHLY_PERFORMANCE", "periodStart": start, "periodEnd": end })
}

#[tokio::test]
async fn a_member_creates_a_report_that_reads_back_with_its_campaign_period_and_activity() {
    let world = start_content().await;
    let member = world.user("member@acme.test").await;
    let campaign = first_ref(&world, "campaigns", "acme", "AND x.name = 'Organic growth'").await;
    let period = first_ref(&world, "deliverable_periods", "acme", "").await;
    let activity = first_ref(&world, "activities", "acme", "").await;
    let mut input = report("  October results ", "2026-10-01", "2026-10-31");
    input["campaignId"] = json!(campaign);
    input["deliverablePeriodId"] = json!(period);
    input["activityId"] = json!(activity);
    let body = call(&world.content, &member, CREATE, json!({ "input": input })).await;
    let created = data(&body, "/data/createReport").clone();
    assert_eq!(created["title"], "October results");
    assert_eq!(created["status"], "DRAFT");
    assert_eq!(created["contentRef"], Value::Null);
    let id = id_of(&created);

    let body = call(&world.content, &member, REPORT, json!({ "id": id })).await;
    let read = data(&body, "/data/report");
    assert_eq!(read["campaign"]["id"], campaign.as_str());
    assert_eq!(read["campaign"]["name"], "Organic growth");
    assert_eq!(read["deliverablePeriod"]["id"], period.as_str());
    assert_eq!(read["activity"]["id"], activity.as_str());
    assert_eq!(read["deliveredById"], Value::Null);
    assert_eq!(read["body"], Value::Null);

    // Filters: by campaign, period, status, type and an overlapping window.
    for (filter, expected) in [
        (json!({ "campaignId": campaign }), true),
        (json!({ "deliverablePeriodId": period }), true),
        (
            json!({ "status": "DRAFT", "type": "MONTHLY_PERFORMANCE" }),
            true,
        ),
        (json!({ "status": "READY" }), false),
        (json!({ "type": "SEO_AUDIT" }), false),
        (
            json!({ "periodFrom": "2026-10-31", "periodTo": "2026-11-15" }),
            true,
        ),
        (
            json!({ "periodFrom": "2026-09-01", "periodTo": "2026-10-01" }),
            true,
        ),
        (
            json!({ "periodFrom": "2026-11-01" , "periodTo": "2026-11-30"}),
            false,
        ),
        (json!({ "periodTo": "2026-09-30" }), false),
    ] {
        let body = call(
            &world.content,
            &member,
            LIST,
            json!({ "filter": filter, "first": 100 }),
        )
        .await;
        let found = ids(data(&body, "/data/reports/nodes")).contains(&id);
        assert_eq!(found, expected, "{filter}: {body}");
    }
    let backwards = call(
        &world.content,
        &member,
        LIST,
        json!({ "filter": { "periodFrom": "2026-11-01", "periodTo": "2026-10-01" } }),
    )
    .await;
    assert_code(&backwards, "BAD_USER_INPUT");

    // Agents create reports with a write key; a read-only key cannot.
    let agent = world.api_key("admin@acme.test", &["READ", "WRITE"]).await;
    let body = call(
        &world.content,
        &agent,
        CREATE,
        json!({ "input": report("By the agent", "2026-10-01", "2026-10-31") }),
    )
    .await;
    ok(&body);
    let reader = world.api_key("admin@acme.test", &["READ"]).await;
    let body = call(
        &world.content,
        &reader,
        CREATE,
        json!({ "input": report("Read only", "2026-10-01", "2026-10-31") }),
    )
    .await;
    assert_code(&body, "FORBIDDEN");
}

#[tokio::test]
async fn bad_report_input_is_refused_with_its_field_and_changes_nothing() {
    let world = start_content().await;
    let member = world.user("member@acme.test").await;
    let caller = Caller::with_headers(&world.content, "member", member.clone());
    let globex_campaign = first_ref(&world, "campaigns", "globex", "").await;
    let mut unknown_campaign = report("X", "2026-10-01", "2026-10-31");
    unknown_campaign["campaignId"] = json!(globex_campaign);
    let mut unknown_period = report("X", "2026-10-01", "2026-10-31");
    unknown_period["deliverablePeriodId"] = json!(leadmetrics_tests::api::UNKNOWN_ID);
    let mut malformed_activity = report("X", "2026-10-01", "2026-10-31");
    malformed_activity["activityId"] = json!("nope");
    for (input, field) in [
        (report("  ", "2026-10-01", "2026-10-31"), "title"),
        (
            report(&"x".repeat(501), "2026-10-01", "2026-10-31"),
            "title",
        ),
        (report("X", "2026-10-02", "2026-10-01"), "periodEnd"),
        (unknown_campaign, "campaignId"),
        (unknown_period, "deliverablePeriodId"),
        (malformed_activity, "activityId"),
    ] {
        assert_refused_unchanged(
            &world.db,
            &caller,
            &["reports"],
            CREATE,
            json!({ "input": input }),
            "BAD_USER_INPUT",
            Some(field),
        )
        .await;
    }

    let id = id_of(
        &mutate(
            &world,
            &member,
            CREATE,
            json!({ "input": report("Good", "2026-10-01", "2026-10-31") }),
        )
        .await,
    );
    for (input, field) in [
        (json!({ "periodEnd": "2026-09-01" }), "periodEnd"),
        (json!({ "title": "" }), "title"),
        (json!({ "campaignId": globex_campaign }), "campaignId"),
    ] {
        assert_refused_unchanged(
            &world.db,
            &caller,
            &["reports"],
            UPDATE,
            json!({ "id": id, "input": input }),
            "BAD_USER_INPUT",
            Some(field),
        )
        .await;
    }
    for (markdown, field) in [
        (" ".to_owned(), "markdown"),
        ("x".repeat(512 * 1024 + 1), "markdown"),
    ] {
        assert_refused_unchanged(
            &world.db,
            &caller,
            &["reports"],
            BODY,
            json!({ "id": id, "markdown": markdown }),
            "BAD_USER_INPUT",
            Some(field),
        )
        .await;
    }
    for content_ref in ["xyz", "65a1b2c3d4e5f60718293a4b"] {
        assert_refused_unchanged(
            &world.db,
            &caller,
            &["reports"],
            ATTACH,
            json!({ "id": id, "ref": content_ref }),
            "BAD_USER_INPUT",
            Some("contentRef"),
        )
        .await;
    }
}

#[tokio::test]
async fn a_report_goes_from_draft_to_ready_to_delivered_by_a_reviewer_to_archived() {
    let world = start_content().await;
    let member = world.user("member@acme.test").await;
    let reviewer = world.user("reviewer@acme.test").await;
    let agent = world.api_key("admin@acme.test", &["READ", "WRITE"]).await;
    let caller = Caller::with_headers(&world.content, "member", member.clone());
    let id = id_of(
        &mutate(
            &world,
            &member,
            CREATE,
            json!({ "input": report("November", "2026-11-01", "2026-11-30") }),
        )
        .await,
    );

    // Not ready without a body; not delivered before it is ready.
    assert_refused_unchanged(
        &world.db,
        &caller,
        &["reports"],
        STATUS,
        json!({ "id": id, "status": "READY" }),
        "CONFLICT",
        None,
    )
    .await;
    let early = call(
        &world.content,
        &reviewer,
        DELIVER,
        json!({ "id": id, "channel": "EMAIL" }),
    )
    .await;
    assert_code(&early, "CONFLICT");

    // The body is written to the document store and read back through `body`.
    let body = call(
        &world.content,
        &member,
        BODY,
        json!({ "id": id, "markdown": "# November\n\nLeads up 20%." }),
    )
    .await;
    let written = data(&body, "/data/setReportBody").clone();
    assert_eq!(written["body"]["format"], "markdown");
    assert_eq!(written["body"]["inlineBody"], "# November\n\nLeads up 20%.");
    assert_eq!(written["body"]["title"], "November");
    assert_eq!(written["body"]["id"], written["contentRef"]);

    let ready = mutate(
        &world,
        &member,
        STATUS,
        json!({ "id": id, "status": "READY" }),
    )
    .await;
    assert_eq!(ready["status"], "READY");
    // A ready report may still change, or go back to draft and forth.
    let renamed = mutate(
        &world,
        &member,
        UPDATE,
        json!({ "id": id, "input": { "title": "November 2026" } }),
    )
    .await;
    assert_eq!(renamed["title"], "November 2026");
    assert_eq!(
        mutate(
            &world,
            &member,
            STATUS,
            json!({ "id": id, "status": "DRAFT" })
        )
        .await["status"],
        "DRAFT"
    );
    assert_eq!(
        mutate(
            &world,
            &member,
            STATUS,
            json!({ "id": id, "status": "READY" })
        )
        .await["status"],
        "READY"
    );
    // Delivering is not a plain status change, and only reviewers (users) deliver.
    let body = call(
        &world.content,
        &member,
        STATUS,
        json!({ "id": id, "status": "DELIVERED" }),
    )
    .await;
    assert_code(&body, "BAD_USER_INPUT");
    for who in [&member, &agent] {
        let body = call(
            &world.content,
            who,
            DELIVER,
            json!({ "id": id, "channel": "EMAIL" }),
        )
        .await;
        assert_code(&body, "FORBIDDEN");
    }
    let body = call(
        &world.content,
        &reviewer,
        DELIVER,
        json!({ "id": id, "channel": "BOTH" }),
    )
    .await;
    let delivered = data(&body, "/data/deliverReport");
    assert_eq!(delivered["status"], "DELIVERED");
    assert_eq!(delivered["deliveryChannel"], "BOTH");
    assert!(delivered["deliveredAt"].is_string(), "{body}");
    let reviewer_id = leadmetrics_tests::world::user_ref_id(&world.db, "reviewer@acme.test").await;
    assert_eq!(delivered["deliveredById"], reviewer_id.as_str());
    let row = query_one(
        &world.db.owner,
        "SELECT delivery_channel FROM reports WHERE ref_id = $1",
        [id.as_str().into()],
    )
    .await;
    assert_eq!(get::<String>(&row, "delivery_channel"), "both");

    // A delivered report no longer changes, is not delivered twice and does not go back.
    for (query, variables) in [
        (UPDATE, json!({ "id": id, "input": { "title": "Changed" } })),
        (BODY, json!({ "id": id, "markdown": "Changed" })),
        (STATUS, json!({ "id": id, "status": "DRAFT" })),
        (STATUS, json!({ "id": id, "status": "READY" })),
    ] {
        assert_refused_unchanged(
            &world.db,
            &caller,
            &["reports"],
            query,
            variables,
            "CONFLICT",
            None,
        )
        .await;
    }
    let again = call(
        &world.content,
        &reviewer,
        DELIVER,
        json!({ "id": id, "channel": "EMAIL" }),
    )
    .await;
    assert_code(&again, "CONFLICT");
    let archived = mutate(
        &world,
        &member,
        STATUS,
        json!({ "id": id, "status": "ARCHIVED" }),
    )
    .await;
    assert_eq!(archived["status"], "ARCHIVED");
    let body = call(&world.content, &member, REPORT, json!({ "id": id })).await;
    assert_eq!(
        data(&body, "/data/report/deliveredById"),
        reviewer_id.as_str()
    );
    assert_eq!(
        data(&body, "/data/report/body/inlineBody"),
        "# November\n\nLeads up 20%."
    );
}

#[tokio::test]
async fn a_document_of_the_tenant_can_be_attached_as_a_reports_body() {
    let world = start_content().await;
    let member = world.user("member@acme.test").await;
    let first = id_of(
        &mutate(
            &world,
            &member,
            CREATE,
            json!({ "input": report("First", "2026-10-01", "2026-10-31") }),
        )
        .await,
    );
    let second = id_of(
        &mutate(
            &world,
            &member,
            CREATE,
            json!({ "input": report("Second", "2026-10-01", "2026-10-31") }),
        )
        .await,
    );
    let written = mutate(
        &world,
        &member,
        BODY,
        json!({ "id": first, "markdown": "Shared body" }),
    )
    .await;
    let content_ref = written["contentRef"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let body = call(
        &world.content,
        &member,
        ATTACH,
        json!({ "id": second, "ref": content_ref.to_uppercase() }),
    )
    .await;
    let attached = data(&body, "/data/attachReportContent");
    assert_eq!(attached["contentRef"], content_ref.as_str());
    assert_eq!(attached["body"]["inlineBody"], "Shared body");
}

#[tokio::test]
async fn reports_list_newest_period_first_and_page_both_ways_by_cursor() {
    let world = start_content().await;
    let member = world.user("member@acme.test").await;
    // Far in the future, so they come before the seeded reports.
    let mut made = Vec::new();
    for (title, start, end) in [
        ("A", "2030-01-01", "2030-01-31"),
        ("B", "2030-03-01", "2030-03-31"),
        ("C", "2030-02-01", "2030-02-28"),
        ("D", "2030-03-01", "2030-03-31"),
    ] {
        made.push(id_of(
            &mutate(
                &world,
                &member,
                CREATE,
                json!({ "input": report(title, start, end) }),
            )
            .await,
        ));
    }
    // Newest period first; in a period, newest first.
    let expected = [
        made[3].clone(),
        made[1].clone(),
        made[2].clone(),
        made[0].clone(),
    ];
    let filter = json!({ "periodFrom": "2030-01-01" });
    let page1 = call(
        &world.content,
        &member,
        LIST,
        json!({ "filter": filter, "first": 2 }),
    )
    .await;
    assert_eq!(ids(data(&page1, "/data/reports/nodes")), expected[..2]);
    assert_eq!(data(&page1, "/data/reports/pageInfo/hasNextPage"), true);
    let cursor = data(&page1, "/data/reports/pageInfo/endCursor").clone();
    let page2 = call(
        &world.content,
        &member,
        LIST,
        json!({ "filter": filter, "first": 2, "after": cursor }),
    )
    .await;
    assert_eq!(ids(data(&page2, "/data/reports/nodes")), expected[2..]);
    assert_eq!(data(&page2, "/data/reports/pageInfo/hasNextPage"), false);
    assert_eq!(data(&page2, "/data/reports/pageInfo/hasPreviousPage"), true);
    let back = call(
        &world.content,
        &member,
        LIST,
        json!({ "filter": filter, "last": 2, "before": expected[2] }),
    )
    .await;
    assert_eq!(ids(data(&back, "/data/reports/nodes")), expected[..2]);
    let all = call(&world.content, &member, LIST, json!({ "first": 100 })).await;
    let all = ids(data(&all, "/data/reports/nodes"));
    assert_eq!(all[..4], expected[..], "the future reports come first");
    assert!(all.len() >= 6, "the seeded reports are listed too: {all:?}");
}
