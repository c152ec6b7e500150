//! N+1 proven gone: the dashboard's deepest query — strategy → goals → deliverables → periods →
//! activities → (assignee, runs, children) — runs the same, exactly known number of SQL
//! statements for a plan with one goal, one deliverable, one period and one activity, for the
//! same plan with any one of those levels ten times wider (so that level and every level below
//! it hold ten times the records), and for a plan ten times wider at the three upper levels at
//! once (1,000 periods, 2,000 activities). A statement per parent at any level would show. The
//! plan ten times wider at all four levels at once (20,000 activities, a 5 MB answer) takes
//! about 20 s in a debug build, too long for a test run on every change. Statements are counted
//! by the server's database driver (sea-orm's metric callback on both pools), not estimated.

use leadmetrics_tests::TestDatabase;
use leadmetrics_tests::plan_shape::{PlanShape, ShapedTenant, seed_plan_shape};
use leadmetrics_tests::server::TestServer;
use leadmetrics_tests::tokens::{forger, sign};
use serde_json::{Value, json};

const DEEP_QUERY: &str = "
query Deep {
  activeStrategy {
    id
    goals {
      id name progress { percent }
      deliverables {
        id name
        periods {
          id progress { completed target }
          activities {
            id title status
            assignee { id name }
            runs { id status costUsd }
            children { id title }
          }
        }
      }
    }
  }
}";

/// The statements [`DEEP_QUERY`] runs, whatever the size of the plan:
///
/// - 1: the caller's user and tenant, looked up by the token's subject (platform role);
/// - 2: `activeStrategy`, in a transaction of the tenant: `set_config('app.tenant_id', …)`,
///   then the strategy;
/// - 2 × 7: one loader batch per relation level, each in a short transaction of its own
///   (`set_config`, then one `SELECT … WHERE <parent> IN (…)`): goals of the strategy,
///   deliverables of the goals, periods of the deliverables, activities of the periods, then,
///   side by side, the activities' assignees (users by id), runs and sub-activities.
///
/// BEGIN and COMMIT are not counted.
const DEEP_QUERY_STATEMENTS: u64 = 17;

/// The smallest plan: one of everything.
const ONE: PlanShape = PlanShape {
    goals: 1,
    deliverables: 1,
    periods: 1,
    activities: 1,
};

/// The plans the deep query is run against: [`ONE`], each level of it ten times wider on its
/// own, and the three upper levels ten times wider at once.
fn shapes() -> [PlanShape; 6] {
    let wide = ONE.times(10);
    [
        ONE,
        PlanShape { goals: 10, ..ONE },
        PlanShape {
            deliverables: 10,
            ..ONE
        },
        PlanShape { periods: 10, ..ONE },
        PlanShape {
            activities: 10,
            ..ONE
        },
        PlanShape {
            activities: 1,
            ..wide
        },
    ]
}

/// How many records of each kind an answer to [`DEEP_QUERY`] holds.
#[derive(Debug, PartialEq, Eq)]
struct Counts {
    goals: usize,
    deliverables: usize,
    periods: usize,
    /// Every activity of the periods: top-level ones and their sub-activities.
    activities: usize,
    assignees: usize,
    runs: usize,
    children: usize,
}

impl Counts {
    /// What the answer for a plan of `shape` must hold: every top-level activity has a person
    /// assigned and one sub-activity, done by an agent, with one run.
    fn of_shape(shape: PlanShape) -> Self {
        let top_level = shape.total_top_level_activities();
        Self {
            goals: usize::try_from(shape.goals).unwrap_or(usize::MAX),
            deliverables: shape.total_deliverables(),
            periods: shape.total_periods(),
            activities: 2 * top_level,
            assignees: top_level,
            runs: top_level,
            children: top_level,
        }
    }

    /// What the answer `body` holds.
    fn of_answer(body: &Value) -> Self {
        let list = |value: &Value| value.as_array().cloned().unwrap_or_default();
        let mut counts = Self {
            goals: 0,
            deliverables: 0,
            periods: 0,
            activities: 0,
            assignees: 0,
            runs: 0,
            children: 0,
        };
        for goal in list(&body["data"]["activeStrategy"]["goals"]) {
            counts.goals += 1;
            for deliverable in list(&goal["deliverables"]) {
                counts.deliverables += 1;
                for period in list(&deliverable["periods"]) {
                    counts.periods += 1;
                    for activity in list(&period["activities"]) {
                        counts.activities += 1;
                        counts.assignees += usize::from(!activity["assignee"].is_null());
                        counts.runs += list(&activity["runs"]).len();
                        counts.children += list(&activity["children"]).len();
                    }
                }
            }
        }
        counts
    }
}

/// Runs [`DEEP_QUERY`] as the admin of `tenant`, whose plan has `shape`; checks that the answer
/// holds the whole plan and returns the statements it cost.
async fn deep_query_statements(
    server: &TestServer,
    tenant: &ShapedTenant,
    shape: PlanShape,
) -> u64 {
    let token = sign(
        &forger(server),
        &tenant.admin_ref,
        &tenant.tenant_ref,
        "admin",
    );
    let before = server.statements_executed();
    let body = server.gql(Some(&token), DEEP_QUERY, json!({})).await;
    let statements = server.statements_executed() - before;
    let excerpt: String = body.to_string().chars().take(2_000).collect();
    assert!(body.get("errors").is_none(), "{}: {excerpt}", tenant.slug);
    assert_eq!(
        Counts::of_answer(&body),
        Counts::of_shape(shape),
        "{}",
        tenant.slug
    );
    statements
}

#[tokio::test]
async fn the_deep_plan_query_runs_the_same_statements_whichever_level_of_the_plan_grows_tenfold() {
    let db = TestDatabase::new().await;
    let mut plans = Vec::new();
    for (n, shape) in shapes().into_iter().enumerate() {
        plans.push((
            seed_plan_shape(&db, &format!("shape-{n}"), shape).await,
            shape,
        ));
    }
    let server = TestServer::start(&db).await;
    // Warm-up: the first request pays for things that are not per-request (none expected, but
    // a count must not depend on it).
    deep_query_statements(&server, &plans[0].0, ONE).await;

    let mut counts = Vec::new();
    for (tenant, shape) in &plans {
        let statements = deep_query_statements(&server, tenant, *shape).await;
        println!("deep query: {statements} statements for {shape:?}");
        counts.push((*shape, statements));
    }
    for (shape, statements) in &counts {
        assert_eq!(
            *statements, counts[0].1,
            "the statement count grows with the plan: {counts:?}"
        );
        assert_eq!(
            *statements, DEEP_QUERY_STATEMENTS,
            "the deep query's statements changed (see DEEP_QUERY_STATEMENTS) for {shape:?}"
        );
    }
}
