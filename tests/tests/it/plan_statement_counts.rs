//! N+1 proven gone: the dashboard's deepest query — strategy → goals → deliverables → periods →
//! activities → (assignee, runs, children) — runs the same number of SQL statements whether each
//! period holds 10 or 100 activities. Statements are counted by the server's database driver
//! (sea-orm's metric callback on both pools), not estimated.

use leadmetrics_tests::TestDatabase;
use leadmetrics_tests::server::{DEMO_PASSWORD, TestServer, seed_demo_with};
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

/// Seeds the demo with `per_period` activities per current period, runs the deep query as an
/// acme admin, and returns the statements it cost and the number of activities it returned.
async fn deep_query_cost(per_period: u32) -> (u64, usize) {
    let db = TestDatabase::new().await;
    seed_demo_with(&db, per_period).await;
    let server = TestServer::start(&db).await;
    let token = server.login("admin@acme.test", DEMO_PASSWORD).await;
    // Warm-up: the first request pays for things that are not per-request (none expected, but
    // a count must not depend on it).
    let _ = server.gql(Some(&token), DEEP_QUERY, json!({})).await;

    let before = server.statements_executed();
    let body = server.gql(Some(&token), DEEP_QUERY, json!({})).await;
    let statements = server.statements_executed() - before;
    assert!(body.get("errors").is_none(), "{body}");
    let activities = count_activities(&body);
    (statements, activities)
}

fn count_activities(body: &Value) -> usize {
    let mut count = 0;
    for goal in body["data"]["activeStrategy"]["goals"]
        .as_array()
        .into_iter()
        .flatten()
    {
        for deliverable in goal["deliverables"].as_array().into_iter().flatten() {
            for period in deliverable["periods"].as_array().into_iter().flatten() {
                count += period["activities"].as_array().map_or(0, Vec::len);
            }
        }
    }
    count
}

#[tokio::test]
async fn the_deep_plan_query_runs_as_many_statements_for_100_activities_per_period_as_for_10() {
    let (small_statements, small_activities) = deep_query_cost(10).await;
    let (large_statements, large_activities) = deep_query_cost(100).await;
    // Cancelled activities are hidden and every third has a sub-activity: just check the data
    // grew tenfold, so the comparison means something.
    assert!(
        large_activities >= 9 * small_activities && small_activities > 0,
        "{small_activities} vs {large_activities} activities"
    );
    println!(
        "deep query: {small_statements} statements for {small_activities} activities, \
         {large_statements} for {large_activities}"
    );
    assert_eq!(small_statements, large_statements);
}
