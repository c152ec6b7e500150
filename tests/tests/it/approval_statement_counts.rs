//! N+1 proven gone for approvals: the DM portal's queue with every relation of an approval —
//! its activity (and that activity's approvals), its reviewer and the user who resolved it —
//! runs the same, exactly known number of SQL statements for 10 approvals and for 100 (with
//! ten times the reviewers). Statements are counted by the server's database driver.

use leadmetrics_tests::TestDatabase;
use leadmetrics_tests::plan_shape::{PlanShape, ShapedTenant, seed_plan_shape};
use leadmetrics_tests::server::TestServer;
use leadmetrics_tests::tokens::{forger, sign};
use leadmetrics_tests::{exec_with, get, query_one};
use serde_json::json;

const QUEUE: &str = "
query Queue {
  approvalQueue(first: 100) {
    nodes {
      id title status expiresAt
      activity { id title status approvals { id status } }
      reviewer { id name }
      resolvedBy { id name }
    }
  }
}";

/// The statements [`QUEUE`] runs, whatever the number of approvals:
///
/// - 1: the caller's user and tenant, looked up by the token's subject (platform role);
/// - 2: the queue, in a transaction of the tenant (`set_config`, then the page);
/// - 2 × 3: one loader batch per relation, each in a short transaction of its own
///   (`set_config`, then one statement): the activities by id, the users by id (reviewers and
///   resolvers together), then the activities' approvals.
const QUEUE_STATEMENTS: u64 = 9;

/// A plan of one goal and deliverable with `periods` periods of ten activities each (one person
/// per period), and a pending approval of every top-level activity, reviewed (for the count's
/// sake, `reviewed_by` is set on pending rows too) by the activity's person.
async fn tenant_with_approvals(db: &TestDatabase, slug: &str, periods: u32) -> ShapedTenant {
    let shape = PlanShape {
        goals: 1,
        deliverables: 1,
        periods,
        activities: 10,
    };
    let tenant = seed_plan_shape(db, slug, shape).await;
    let inserted = exec_with(
        &db.owner,
        "INSERT INTO approvals (tenant_id, activity_id, type, risk_level, title, reviewer_id,
                                reviewed_by, expires_at)
         SELECT a.tenant_id, a.id, 'content_review', 'medium', 'Review ' || a.title,
                a.assignee_user_id, a.assignee_user_id,
                now() + interval '1 day' + row_number() OVER (ORDER BY a.ref_id) * interval '1 minute'
         FROM activities a JOIN tenants t ON t.id = a.tenant_id
         WHERE t.slug = $1 AND a.parent_activity_id IS NULL",
        [slug.into()],
    )
    .await;
    assert_eq!(inserted.ok(), Some(u64::from(periods) * 10));
    tenant
}

/// Runs [`QUEUE`] as the admin of `tenant`; checks the answer holds `approvals` approvals with
/// their relations and returns the statements it cost.
async fn queue_statements(server: &TestServer, tenant: &ShapedTenant, approvals: usize) -> u64 {
    let token = sign(
        &forger(server),
        &tenant.admin_ref,
        &tenant.tenant_ref,
        "admin",
    );
    let before = server.statements_executed();
    let body = server.gql(Some(&token), QUEUE, json!({})).await;
    let statements = server.statements_executed() - before;
    assert!(body.get("errors").is_none(), "{body}");
    let nodes = body["data"]["approvalQueue"]["nodes"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(nodes.len(), approvals);
    for node in &nodes {
        assert!(node["activity"]["id"].is_string(), "{node}");
        assert_eq!(node["activity"]["approvals"][0]["id"], node["id"], "{node}");
        assert!(node["reviewer"]["id"].is_string(), "{node}");
        assert_eq!(node["resolvedBy"], node["reviewer"], "{node}");
    }
    statements
}

#[tokio::test]
async fn the_approval_queue_with_its_relations_runs_the_same_statements_for_10_and_100_approvals() {
    let db = TestDatabase::new().await;
    let small = tenant_with_approvals(&db, "approvals-10", 1).await;
    let large = tenant_with_approvals(&db, "approvals-100", 10).await;
    let people: i64 = get(
        &query_one(
            &db.owner,
            "SELECT count(DISTINCT a.reviewer_id) AS n FROM approvals a
             JOIN tenants t ON t.id = a.tenant_id WHERE t.slug = 'approvals-100'",
            [],
        )
        .await,
        "n",
    );
    assert_eq!(people, 10);
    let server = TestServer::start(&db).await;
    queue_statements(&server, &small, 10).await;
    let ten = queue_statements(&server, &small, 10).await;
    let hundred = queue_statements(&server, &large, 100).await;
    println!("approval queue: {ten} statements for 10 approvals, {hundred} for 100");
    assert_eq!(ten, hundred, "the statement count grows with the queue");
    assert_eq!(ten, QUEUE_STATEMENTS, "the queue's statements changed");
}
