//! N+1 proven gone for reports: the list with each report's campaign, deliverable period and
//! body runs the same number of SQL statements for 10 reports and for 100 (spread over every
//! deliverable period of the tenant), and exactly one read of the document store for all the
//! bodies. Statements are counted by the server's database driver, reads by the document store.

use crate::api_reports::first_ref;
use leadmetrics_tests::api::{Headers, call, data};
use leadmetrics_tests::content::{ContentWorld, start_content};
use leadmetrics_tests::exec_with;
use serde_json::json;

const LIST: &str = "query($campaign: ID!) {
  reports(filter: { campaignId: $campaign }, first: 100) {
    nodes { id title campaign { id name } deliverablePeriod { id } body { id inlineBody } } } }";

/// The statements [`LIST`] runs, whatever the number of reports:
///
/// - 1: the caller's user and tenant, looked up by the token's subject (platform role);
/// - 2: the page, in a transaction of the tenant (`set_config`, then the filtered page);
/// - 2 × 2: one loader batch per relation, each in a short transaction of its own
///   (`set_config`, then one statement): the campaigns by id, the deliverable periods by id.
///
/// The bodies come from the document store: one `find` for all of them.
const LIST_STATEMENTS: u64 = 7;

/// A campaign of acme named `name` with `count` reports, each on one of acme's deliverable
/// periods (in turn) and pointing at `document`; returns the campaign's id.
async fn campaign_with_reports(
    world: &ContentWorld,
    name: &str,
    count: i32,
    document: &str,
) -> String {
    let made = exec_with(
        &world.db.owner,
        "INSERT INTO campaigns (tenant_id, name) SELECT id, $1 FROM tenants WHERE slug = 'acme'",
        [name.into()],
    )
    .await;
    assert_eq!(made.ok(), Some(1));
    let inserted = exec_with(
        &world.db.owner,
        "INSERT INTO reports (tenant_id, campaign_id, deliverable_period_id, title, type,
                              period_start, period_end, content_ref)
         SELECT c.tenant_id, c.id, p.id, 'Report ' || g, 'custom', p.period_start, p.period_end, $3
         FROM campaigns c
         CROSS JOIN generate_series(1, $2::int) g
         JOIN LATERAL (SELECT x.id, x.period_start, x.period_end FROM deliverable_periods x
                       WHERE x.tenant_id = c.tenant_id
                       ORDER BY x.ref_id OFFSET (g % (SELECT count(*) FROM deliverable_periods y
                                                      WHERE y.tenant_id = c.tenant_id)) LIMIT 1) p ON true
         WHERE c.name = $1",
        [name.into(), count.into(), document.into()],
    )
    .await;
    assert_eq!(
        inserted.ok(),
        Some(u64::try_from(count).unwrap_or_default())
    );
    first_ref(
        world,
        "campaigns",
        "acme",
        &format!("AND x.name = '{name}'"),
    )
    .await
}

/// Runs [`LIST`] for `campaign`; checks it holds `count` reports with their relations and
/// returns the SQL statements and document reads it cost.
async fn cost(world: &ContentWorld, who: &Headers, campaign: &str, count: usize) -> (u64, u64) {
    let server = &world.content;
    let statements = server.statements_executed();
    let reads = server.services().documents.reads_executed();
    let body = call(server, who, LIST, json!({ "campaign": campaign })).await;
    let statements = server.statements_executed() - statements;
    let reads = server.services().documents.reads_executed() - reads;
    let nodes = data(&body, "/data/reports/nodes")
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(nodes.len(), count);
    for node in &nodes {
        assert_eq!(node["campaign"]["id"], campaign, "{node}");
        assert!(node["deliverablePeriod"]["id"].is_string(), "{node}");
        assert_eq!(node["body"]["inlineBody"], "The body", "{node}");
    }
    (statements, reads)
}

#[tokio::test]
async fn reports_with_campaign_period_and_body_cost_the_same_for_10_and_100_reports() {
    let world = start_content().await;
    let member = world.user("member@acme.test").await;
    // One real document of acme, written through the API.
    let body = call(
        &world.content,
        &member,
        "mutation { createReport(input: { title: \"Doc\", type: CUSTOM, periodStart: \"2026-11-01\",
           periodEnd: \"2026-11-30\" }) { id } }",
        json!({}),
    )
    .await;
    let holder = data(&body, "/data/createReport/id").clone();
    let body = call(
        &world.content,
        &member,
        "mutation($id: ID!) { setReportBody(id: $id, markdown: \"The body\") { contentRef } }",
        json!({ "id": holder }),
    )
    .await;
    let document = data(&body, "/data/setReportBody/contentRef")
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let ten = campaign_with_reports(&world, "Ten reports", 10, &document).await;
    let hundred = campaign_with_reports(&world, "Hundred reports", 100, &document).await;

    cost(&world, &member, &ten, 10).await;
    let (small, small_reads) = cost(&world, &member, &ten, 10).await;
    let (large, large_reads) = cost(&world, &member, &hundred, 100).await;
    println!("reports: {small} statements for 10 reports, {large} for 100");
    assert_eq!(small, large, "the statement count grows with the reports");
    assert_eq!(small, LIST_STATEMENTS, "the list's statements changed");
    assert_eq!(small_reads, 1, "one document read for every body");
    assert_eq!(large_reads, 1, "one document read for every body");
}
