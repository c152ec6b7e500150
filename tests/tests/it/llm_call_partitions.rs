//! llm_calls is partitioned by month; partitions are created ahead by a function.

use leadmetrics_tests::fixtures::{fixture_id, seed_two_tenants};
use leadmetrics_tests::{TestDatabase, exec, get, query_one};

#[tokio::test]
async fn an_llm_call_lands_in_the_partition_of_its_month_and_creating_partitions_is_idempotent() {
    let db = TestDatabase::new().await;
    let (a, _) = seed_two_tenants(&db.owner).await;

    let created = query_one(
        &db.owner,
        "SELECT create_llm_calls_partitions(DATE '2031-01-01', 2) AS n",
        [],
    )
    .await;
    assert_eq!(get::<i32>(&created, "n"), 2);
    let again = query_one(
        &db.owner,
        "SELECT create_llm_calls_partitions(DATE '2031-01-01', 2) AS n",
        [],
    )
    .await;
    assert_eq!(
        get::<i32>(&again, "n"),
        0,
        "existing partitions are left alone"
    );

    exec(
        &db.owner,
        &format!(
            "INSERT INTO llm_calls (tenant_id, activity_run_id, adapter_type, model_id, input_tokens, output_tokens,
                                    cost_usd, duration_ms, created_on)
             VALUES ('{a}', {}, 'claude', 'claude-sonnet-4-6', 10, 20, 0.001, 5, TIMESTAMPTZ '2031-02-14 12:00:00+00')",
            fixture_id(a, "activity_runs")
        ),
    )
    .await;
    let placed = query_one(
        &db.owner,
        "SELECT tableoid::regclass::text AS partition FROM llm_calls WHERE created_on = TIMESTAMPTZ '2031-02-14 12:00:00+00'",
        [],
    )
    .await;
    assert_eq!(get::<String>(&placed, "partition"), "llm_calls_y2031m02");
}
