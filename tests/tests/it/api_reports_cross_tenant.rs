//! Cross-tenant isolation of reports, campaigns and email templates through the content
//! subgraph, end to end: tenant A (acme), as its admin, its reviewer and a read-write API key,
//! armed with every id of tenant B (globex) — reports (one with a body), campaigns, B's
//! override and custom email template, B's plan (strategy, goal, period, activity) and B's
//! document — sees nothing of B and changes nothing of B through every query (with B's ids as
//! filters and cursors), the by-id fields, `_entities` and every mutation; a refused id gets
//! the answer an id that exists nowhere gets. A's report pointing at B's document (written
//! into A's row behind the API's back) never resolves its body.

use crate::api_reports::first_ref;
use leadmetrics_tests::api::{Headers, UNKNOWN_ID, call, data, id_of, ids};
use leadmetrics_tests::content::{ContentWorld, start_content};
use leadmetrics_tests::server::error_code;
use leadmetrics_tests::world::{snapshot, table_rows, tenant_uuid};
use leadmetrics_tests::{exec_with, get, query_one};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use uuid::Uuid;

/// A document id (24 hex digits) that no document has.
const UNKNOWN_DOCUMENT: &str = "0123456789abcdef01234567";

/// The tables these requests may change.
const TABLES: [&str; 3] = ["reports", "campaigns", "email_templates"];

const REPORTS: &str = "query($filter: ReportFilter, $after: String, $before: String) {
  reports(filter: $filter, first: 100, after: $after, before: $before) {
    nodes { id campaign { id } deliverablePeriod { id } activity { id } body { id } } } }";
const REPORTS_BACKWARDS: &str = "query($before: String) {
  reports(last: 100, before: $before) { nodes { id } } }";
const REPORT: &str = "query($id: ID!) { report(id: $id) { id body { id } campaign { id } } }";
const CAMPAIGNS: &str = "query($filter: CampaignFilter, $after: String) {
  campaigns(filter: $filter, first: 100, after: $after) {
    nodes { id strategy { id } goal { id } activity { id } reports { id } } } }";
const CAMPAIGN: &str = "query($id: ID!) { campaign(id: $id) { id reports { id } } }";
const TEMPLATES: &str = "query($filter: EmailTemplateFilter, $after: String) {
  emailTemplates(filter: $filter, first: 100, after: $after) {
    nodes { id slug subject sourceTemplate { id } } } }";
const TEMPLATE: &str = "query($id: ID!) { emailTemplate(id: $id) { id subject } }";
const PREVIEW: &str =
    "query($id: ID!) { previewEmailTemplate(id: $id) { subject bodyHtml missingRequired } }";
const ENTITIES: &str = "query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Report { id body { id } campaign { id } }
    ... on Campaign { id reports { id } }
    ... on EmailTemplate { id subject }
    ... on Strategy { id }
    ... on Goal { id } } }";

const CREATE_REPORT: &str =
    "mutation($input: CreateReportInput!) { createReport(input: $input) { id } }";
const UPDATE_REPORT: &str = "mutation($id: ID!, $input: UpdateReportInput!) { updateReport(id: $id, input: $input) { id } }";
const REPORT_STATUS: &str =
    "mutation($id: ID!) { changeReportStatus(id: $id, status: READY) { id } }";
const DELIVER: &str = "mutation($id: ID!) { deliverReport(id: $id, channel: EMAIL) { id } }";
const ATTACH: &str = "mutation($id: ID!, $ref: String!) {
  attachReportContent(id: $id, contentRef: $ref) { id } }";
const SET_BODY: &str =
    "mutation($id: ID!) { setReportBody(id: $id, markdown: \"Mine now\") { id } }";
const CREATE_CAMPAIGN: &str =
    "mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }";
const UPDATE_CAMPAIGN: &str = "mutation($id: ID!, $input: UpdateCampaignInput!) {
  updateCampaign(id: $id, input: $input) { id } }";
const CAMPAIGN_STATUS: &str =
    "mutation($id: ID!) { changeCampaignStatus(id: $id, status: ACTIVE) { id } }";
const DELETE_CAMPAIGN: &str = "mutation($id: ID!) { deleteCampaign(id: $id) }";
const CUSTOMIZE: &str =
    "mutation($id: ID!) { customizeEmailTemplate(globalTemplateId: $id) { id } }";
const UPDATE_TEMPLATE: &str = "mutation($id: ID!) {
  updateEmailTemplate(id: $id, input: { subject: \"Taken over\" }) { id } }";
const DELETE_TEMPLATE: &str = "mutation($id: ID!) { deleteEmailTemplate(id: $id) }";

/// One demo tenant with reports, campaigns and templates of its own.
struct Tenant {
    uuid: Uuid,
    admin: Headers,
    reviewer: Headers,
    key: Headers,
    /// A draft report with a body, linked to a campaign, a period and an activity.
    report: String,
    /// A ready report.
    ready: String,
    /// The body's document id.
    document: String,
    /// The campaign of `report` (created), and the seeded ones.
    campaigns: Vec<String>,
    /// The tenant's override of `welcome`, and its custom template.
    templates: Vec<String>,
    /// Its plan's ids: strategy, goal, deliverable period, activity.
    plan: Vec<String>,
}

impl Tenant {
    fn reports(&self) -> Vec<String> {
        vec![self.report.clone(), self.ready.clone()]
    }

    /// Every public id of the tenant's records used here.
    fn known_ids(&self) -> BTreeSet<String> {
        let mut known: BTreeSet<String> = self.reports().into_iter().collect();
        known.extend(self.campaigns.iter().cloned());
        known.extend(self.templates.iter().cloned());
        known.extend(self.plan.iter().cloned());
        known.insert(self.document.clone());
        known
    }
}

/// The first field of a mutation's data, checked to have an id.
async fn made(world: &ContentWorld, who: &Headers, query: &str, variables: Value) -> String {
    let body = call(&world.content, who, query, variables).await;
    let value = data(&body, "/data")
        .as_object()
        .and_then(|object| object.values().next().cloned())
        .unwrap_or(Value::Null);
    id_of(&value)
}

/// Accepts the tenant's contract if pending, then makes its reports, campaign and templates.
async fn prepare(world: &ContentWorld, slug: &str) -> Tenant {
    let admin = world.user(&format!("admin@{slug}.test")).await;
    let contract = call(&world.tenant, &admin, "{ contract { status } }", json!({})).await;
    if data(&contract, "/data/contract/status") == "PENDING_ACCEPTANCE" {
        let body = call(
            &world.tenant,
            &admin,
            "mutation { acceptContract { status } }",
            json!({}),
        )
        .await;
        leadmetrics_tests::api::ok(&body);
    }
    let reviewer = world.user(&format!("reviewer@{slug}.test")).await;
    let key = world
        .api_key(&format!("admin@{slug}.test"), &["READ", "WRITE"])
        .await;
    let strategy = first_ref(world, "strategies", slug, "").await;
    let goal = first_ref(world, "goals", slug, "").await;
    let period = first_ref(world, "deliverable_periods", slug, "").await;
    let activity = first_ref(world, "activities", slug, "").await;
    let campaign = made(
        world,
        &admin,
        CREATE_CAMPAIGN,
        json!({ "input": { "name": "Isolated", "strategyId": strategy, "goalId": goal,
                           "activityId": activity } }),
    )
    .await;
    let report_input = json!({ "title": "Isolated", "type": "CUSTOM", "periodStart": "2026-11-01",
        "periodEnd": "2026-11-30", "campaignId": campaign, "deliverablePeriodId": period,
        "activityId": activity });
    let report = made(
        world,
        &admin,
        CREATE_REPORT,
        json!({ "input": report_input }),
    )
    .await;
    let body = call(
        &world.content,
        &admin,
        "mutation($id: ID!, $markdown: String!) { setReportBody(id: $id, markdown: $markdown) { contentRef } }",
        json!({ "id": report, "markdown": format!("Secret numbers of {slug}") }),
    )
    .await;
    let document = data(&body, "/data/setReportBody/contentRef")
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let ready = made(
        world,
        &admin,
        CREATE_REPORT,
        json!({ "input": report_input }),
    )
    .await;
    made(world, &admin, SET_BODY, json!({ "id": ready })).await;
    made(world, &admin, REPORT_STATUS, json!({ "id": ready })).await;
    let welcome = query_one(
        &world.db.owner,
        "SELECT ref_id FROM email_templates WHERE tenant_id IS NULL AND slug = 'welcome'",
        [],
    )
    .await;
    let override_id = made(
        world,
        &admin,
        CUSTOMIZE,
        json!({ "id": get::<String>(&welcome, "ref_id") }),
    )
    .await;
    let custom = made(
        world,
        &admin,
        "mutation($subject: String!) { createEmailTemplate(input: { name: \"Mine\",
           slug: \"isolated.notice\", subject: $subject, bodyHtml: \"<p>Private</p>\" }) { id } }",
        json!({ "subject": format!("Private to {slug}") }),
    )
    .await;
    let mut campaigns = vec![campaign];
    let seeded = query_one(
        &world.db.owner,
        "SELECT string_agg(c.ref_id, ',') AS ids FROM campaigns c JOIN tenants t ON t.id = c.tenant_id
         WHERE t.slug = $1 AND c.name <> 'Isolated'",
        [slug.into()],
    )
    .await;
    campaigns.extend(get::<String>(&seeded, "ids").split(',').map(str::to_owned));
    Tenant {
        uuid: tenant_uuid(&world.db, slug).await,
        admin,
        reviewer,
        key,
        report,
        ready,
        document,
        campaigns,
        templates: vec![override_id, custom],
        plan: vec![strategy, goal, period, activity],
    }
}

/// Every public id (26 characters) and document id (24 hex digits) in a response.
fn ids_in(value: &Value, found: &mut BTreeSet<String>) {
    match value {
        Value::String(text) if text.len() == 26 || text.len() == 24 => {
            found.insert(text.clone());
        }
        Value::Array(items) => items.iter().for_each(|item| ids_in(item, found)),
        Value::Object(fields) => fields.values().for_each(|item| ids_in(item, found)),
        _ => {}
    }
}

/// Asserts a response holds none of `b`'s ids (nor the text of B's private records).
#[track_caller]
fn reveals_nothing_of(body: &Value, b: &Tenant) {
    let mut found = BTreeSet::new();
    ids_in(body, &mut found);
    let known = b.known_ids();
    let leaked: Vec<&String> = found.intersection(&known).collect();
    assert!(leaked.is_empty(), "leaked {leaked:?}: {body}");
    let text = body.to_string();
    assert!(
        !text.contains("of globex") && !text.contains("Private to globex"),
        "{body}"
    );
}

/// `variables` with every id of `b` replaced by an id that exists nowhere.
fn nowhere(variables: &Value, b: &Tenant) -> Value {
    let mut text = variables.to_string();
    for id in b.known_ids() {
        let unknown = if id.len() == 24 {
            UNKNOWN_DOCUMENT
        } else {
            UNKNOWN_ID
        };
        text = text.replace(&id, unknown);
    }
    serde_json::from_str(&text).unwrap_or_default()
}

/// A response with every id of `b` and every unknown id replaced by `<id>`, for comparing the
/// answers to both.
fn normalized(body: &Value, b: &Tenant) -> String {
    let mut text = body.to_string();
    for id in b.known_ids() {
        text = text.replace(&id, "<id>");
    }
    text.replace(UNKNOWN_ID, "<id>")
        .replace(UNKNOWN_DOCUMENT, "<id>")
}

#[tokio::test]
async fn tenant_a_sees_none_of_tenant_bs_reports_campaigns_or_templates_through_any_query() {
    let world = start_content().await;
    let b = prepare(&world, "globex").await;
    let a = prepare(&world, "acme").await;
    let [strategy, goal, period, _activity] = [&b.plan[0], &b.plan[1], &b.plan[2], &b.plan[3]];
    for headers in [&a.admin, &a.reviewer, &a.key] {
        // A's own lists show A's records and nothing of B's.
        let body = call(&world.content, headers, REPORTS, json!({})).await;
        let own = ids(data(&body, "/data/reports/nodes"));
        assert!(own.contains(&a.report), "{body}");
        reveals_nothing_of(&body, &b);
        let body = call(&world.content, headers, CAMPAIGNS, json!({})).await;
        assert!(ids(data(&body, "/data/campaigns/nodes")).contains(&a.campaigns[0]));
        reveals_nothing_of(&body, &b);
        for scope in ["GLOBAL", "TENANT", "EFFECTIVE"] {
            let body = call(
                &world.content,
                headers,
                TEMPLATES,
                json!({ "filter": { "scope": scope } }),
            )
            .await;
            reveals_nothing_of(&body, &b);
        }
        let body = call(
            &world.content,
            headers,
            TEMPLATES,
            json!({ "filter": { "slug": "isolated.notice" } }),
        )
        .await;
        assert_eq!(
            ids(data(&body, "/data/emailTemplates/nodes")),
            vec![a.templates[1].clone()]
        );

        // B's ids as filters and cursors: the answer an unknown id gets.
        let mut cases: Vec<(&str, Value)> = vec![
            (
                REPORTS,
                json!({ "filter": { "campaignId": b.campaigns[0] } }),
            ),
            (
                REPORTS,
                json!({ "filter": { "deliverablePeriodId": period } }),
            ),
            (CAMPAIGNS, json!({ "filter": { "strategyId": strategy } })),
            (CAMPAIGNS, json!({ "filter": { "goalId": goal } })),
        ];
        for report in b.reports() {
            cases.extend([
                (REPORTS, json!({ "after": report })),
                (REPORTS_BACKWARDS, json!({ "before": report })),
                (REPORT, json!({ "id": report })),
            ]);
        }
        for campaign in &b.campaigns {
            cases.push((CAMPAIGN, json!({ "id": campaign })));
        }
        for template in &b.templates {
            cases.extend([
                (TEMPLATE, json!({ "id": template })),
                (PREVIEW, json!({ "id": template })),
            ]);
        }
        for (query, variables) in &cases {
            let body = call(&world.content, headers, query, variables.clone()).await;
            reveals_nothing_of(&body, &b);
            let expected = call(&world.content, headers, query, nowhere(variables, &b)).await;
            assert_eq!(
                normalized(&body, &b),
                normalized(&expected, &b),
                "{query} {variables}"
            );
        }
        // Cursors on id order: a position, never B's records.
        for (query, cursor) in [(CAMPAIGNS, &b.campaigns[0]), (TEMPLATES, &b.templates[0])] {
            let body = call(&world.content, headers, query, json!({ "after": cursor })).await;
            reveals_nothing_of(&body, &b);
        }

        // `_entities`: null for each of B's records, as for ids that exist nowhere.
        let mut representations: Vec<Value> = b
            .reports()
            .into_iter()
            .map(|id| json!({ "__typename": "Report", "id": id }))
            .collect();
        representations.extend(
            b.campaigns
                .iter()
                .map(|id| json!({ "__typename": "Campaign", "id": id })),
        );
        representations.extend(
            b.templates
                .iter()
                .map(|id| json!({ "__typename": "EmailTemplate", "id": id })),
        );
        representations.push(json!({ "__typename": "Strategy", "id": strategy }));
        representations.push(json!({ "__typename": "Goal", "id": goal }));
        let count = representations.len();
        let body = call(
            &world.content,
            headers,
            ENTITIES,
            json!({ "r": representations }),
        )
        .await;
        assert_eq!(
            data(&body, "/data/_entities"),
            &json!(vec![Value::Null; count]),
            "{body}"
        );
        // A's own look-ups resolve, with A's relations only.
        let body = call(
            &world.content,
            headers,
            ENTITIES,
            json!({ "r": [{ "__typename": "Report", "id": a.report },
                          { "__typename": "Strategy", "id": a.plan[0] }] }),
        )
        .await;
        assert_eq!(
            data(&body, "/data/_entities/0/body/id"),
            a.document.as_str()
        );
        assert_eq!(data(&body, "/data/_entities/1/id"), a.plan[0].as_str());
        reveals_nothing_of(&body, &b);
    }
}

#[tokio::test]
async fn tenant_a_changes_none_of_tenant_bs_records_through_any_mutation() {
    let world = start_content().await;
    let b = prepare(&world, "globex").await;
    let a = prepare(&world, "acme").await;
    let before = snapshot(&world.db, b.uuid, &[]).await;
    let [strategy, goal, period, activity] = [&b.plan[0], &b.plan[1], &b.plan[2], &b.plan[3]];
    let mut cases: Vec<(&str, Value)> = Vec::new();
    for report in b.reports() {
        cases.extend([
            (
                UPDATE_REPORT,
                json!({ "id": report, "input": { "title": "Mine" } }),
            ),
            (REPORT_STATUS, json!({ "id": report })),
            (DELIVER, json!({ "id": report })),
            (ATTACH, json!({ "id": report, "ref": a.document })),
            (SET_BODY, json!({ "id": report })),
        ]);
    }
    for campaign in &b.campaigns {
        cases.extend([
            (
                UPDATE_CAMPAIGN,
                json!({ "id": campaign, "input": { "name": "Mine" } }),
            ),
            (CAMPAIGN_STATUS, json!({ "id": campaign })),
            (DELETE_CAMPAIGN, json!({ "id": campaign })),
        ]);
    }
    for template in &b.templates {
        cases.extend([
            (CUSTOMIZE, json!({ "id": template })),
            (UPDATE_TEMPLATE, json!({ "id": template })),
            (DELETE_TEMPLATE, json!({ "id": template })),
        ]);
    }
    // B's ids in A's own records.
    let report = |field: &str, id: &str| {
        let mut input = json!({ "title": "Mine", "type": "CUSTOM", "periodStart": "2026-11-01",
                                "periodEnd": "2026-11-30" });
        input[field] = json!(id);
        (CREATE_REPORT, json!({ "input": input }))
    };
    cases.push(report("campaignId", &b.campaigns[0]));
    cases.push(report("deliverablePeriodId", period));
    cases.push(report("activityId", activity));
    for (field, id) in [
        ("campaignId", &b.campaigns[0]),
        ("deliverablePeriodId", period),
        ("activityId", activity),
    ] {
        cases.push((
            UPDATE_REPORT,
            json!({ "id": a.report, "input": { field: id } }),
        ));
    }
    for (field, id) in [
        ("strategyId", strategy),
        ("goalId", goal),
        ("activityId", activity),
    ] {
        cases.push((
            CREATE_CAMPAIGN,
            json!({ "input": { "name": "Mine", field: id } }),
        ));
        cases.push((
            UPDATE_CAMPAIGN,
            json!({ "id": a.campaigns[0], "input": { field: id } }),
        ));
    }
    cases.push((ATTACH, json!({ "id": a.report, "ref": b.document })));
    let a_before = table_rows(&world.db, &TABLES, &[]).await;
    for headers in [&a.admin, &a.reviewer, &a.key] {
        for (query, variables) in &cases {
            let body = call(&world.content, headers, query, variables.clone()).await;
            let code = error_code(&body);
            assert!(
                matches!(code, Some("NOT_FOUND" | "BAD_USER_INPUT" | "FORBIDDEN")),
                "{query} {variables}: {body}"
            );
            assert_eq!(body["data"], Value::Null, "{body}");
            reveals_nothing_of(&body, &b);
            let expected = call(&world.content, headers, query, nowhere(variables, &b)).await;
            assert_eq!(
                normalized(&body, &b),
                normalized(&expected, &b),
                "{query} {variables}"
            );
        }
    }
    assert_eq!(snapshot(&world.db, b.uuid, &[]).await, before);
    assert_eq!(table_rows(&world.db, &TABLES, &[]).await, a_before);
    // And B still works on its own records.
    let body = call(
        &world.content,
        &b.reviewer,
        DELIVER,
        json!({ "id": b.ready }),
    )
    .await;
    assert_eq!(data(&body, "/data/deliverReport/id"), b.ready.as_str());
}

#[tokio::test]
async fn a_document_of_tenant_b_written_into_a_report_of_tenant_a_never_resolves() {
    let world = start_content().await;
    let b = prepare(&world, "globex").await;
    let a = prepare(&world, "acme").await;
    let changed = exec_with(
        &world.db.owner,
        "UPDATE reports SET content_ref = $1 WHERE ref_id = $2",
        [b.document.as_str().into(), a.report.as_str().into()],
    )
    .await;
    assert_eq!(changed.ok(), Some(1));
    for headers in [&a.admin, &a.reviewer, &a.key] {
        let body = call(&world.content, headers, REPORT, json!({ "id": a.report })).await;
        assert_eq!(data(&body, "/data/report/body"), &Value::Null, "{body}");
        assert!(!body.to_string().contains("Secret numbers"), "{body}");
        let body = call(&world.content, headers, REPORTS, json!({})).await;
        let nodes = data(&body, "/data/reports/nodes").clone();
        let mine = nodes
            .as_array()
            .and_then(|nodes| nodes.iter().find(|node| node["id"] == a.report.as_str()))
            .cloned()
            .unwrap_or(Value::Null);
        assert_eq!(mine["body"], Value::Null, "{body}");
        assert!(!body.to_string().contains("Secret numbers"), "{body}");
    }
    // B still reads its own body.
    let body = call(&world.content, &b.admin, REPORT, json!({ "id": b.report })).await;
    assert_eq!(data(&body, "/data/report/body/id"), b.document.as_str());
}
