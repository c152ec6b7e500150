//! Foreign keys between tenant-scoped tables carry tenant_id, so no row can point at another
//! tenant's row — whoever writes it, row-level security or not.

use leadmetrics_tests::fixtures::{fixture_id, seed_two_tenants};
use leadmetrics_tests::{TestDatabase, get, query_all, sql_state};
use sea_orm::{ConnectionTrait, TransactionTrait};

/// Tables whose `tenant_id` is nullable (they also hold global rows).
const GLOBAL_ROW_TABLES: [&str; 4] = [
    "activity_templates",
    "email_templates",
    "llm_providers",
    "recurring_task_templates",
];

#[tokio::test]
async fn every_foreign_key_between_two_tenant_scoped_tables_includes_tenant_id_on_both_sides() {
    let db = TestDatabase::new().await;
    let keys = query_all(
        &db.owner,
        "SELECT k.conname::text AS name, child.relname::text AS child, parent.relname::text AS parent,
                EXISTS (SELECT 1 FROM unnest(k.conkey, k.confkey) AS pair(c, p)
                        JOIN pg_attribute ca ON ca.attrelid = k.conrelid AND ca.attnum = pair.c
                        JOIN pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attnum = pair.p
                        WHERE ca.attname = 'tenant_id' AND pa.attname = 'tenant_id') AS carries_tenant,
                EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = k.confrelid AND a.attname = 'tenant_id'
                          AND NOT a.attisdropped) AS parent_scoped,
                EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = k.conrelid AND a.attname = 'tenant_id'
                          AND NOT a.attisdropped) AS child_scoped
         FROM pg_constraint k
         JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
         JOIN pg_namespace n ON n.oid = child.relnamespace
         WHERE k.contype = 'f' AND n.nspname = 'public' AND NOT child.relispartition
           AND k.conparentid = 0",
        [],
    )
    .await;
    assert!(
        keys.len() > 60,
        "expected the whole schema's foreign keys, found {}",
        keys.len()
    );
    let mut offenders = Vec::new();
    for key in &keys {
        let (name, parent): (String, String) = (get(key, "name"), get(key, "parent"));
        let between_scoped = get::<bool>(key, "parent_scoped") && get::<bool>(key, "child_scoped");
        if !between_scoped || GLOBAL_ROW_TABLES.contains(&parent.as_str()) {
            continue; // to tenants itself, or to a table with global rows (trigger-guarded, below)
        }
        if !get::<bool>(key, "carries_tenant") {
            offenders.push(name);
        }
    }
    assert!(
        offenders.is_empty(),
        "foreign keys without tenant_id: {offenders:?}"
    );
}

#[tokio::test]
async fn every_reference_to_a_table_with_global_rows_is_guarded_by_the_tenant_trigger() {
    let db = TestDatabase::new().await;
    let unguarded = query_all(
        &db.owner,
        "SELECT k.conname::text AS name FROM pg_constraint k
         JOIN pg_class parent ON parent.oid = k.confrelid
         JOIN pg_attribute ca ON ca.attrelid = k.conrelid AND ca.attnum = k.conkey[1]
         WHERE k.contype = 'f' AND parent.relname = ANY($1)
           AND NOT EXISTS (
               SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
               WHERE t.tgrelid = k.conrelid AND p.proname = 'app_check_reference_tenant'
                 AND encode(t.tgargs, 'escape') LIKE '%' || ca.attname || '%')",
        [GLOBAL_ROW_TABLES
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .into()],
    )
    .await;
    let names: Vec<String> = unguarded.iter().map(|row| get(row, "name")).collect();
    assert!(
        names.is_empty(),
        "references to global-row tables without the trigger: {names:?}"
    );
}

/// Builds an insert for tenant `a` (first argument) that references the parent of a tenant.
type InsertFor = fn(uuid::Uuid, uuid::Uuid) -> String;

#[tokio::test]
async fn even_the_owning_role_cannot_insert_a_child_row_that_references_another_tenants_parent() {
    let db = TestDatabase::new().await;
    let (a, b) = seed_two_tenants(&db.owner).await;
    // The owner bypasses row-level security; only the composite keys stand in the way. Each
    // insert is tried twice: with tenant A's own parent it succeeds (so nothing else is wrong
    // with it), with tenant B's parent it fails on the foreign key.
    let attempts: [(&str, InsertFor); 4] = [
        ("a goal in A under B's strategy", |a, parent| {
            format!(
                "INSERT INTO goals (tenant_id, strategy_id, name, metric, target_value, baseline_value, period, status, priority)
                 VALUES ('{a}', {}, 'stolen', 'organic_sessions', 10, 1, 'monthly', 'active', 1)",
                fixture_id(parent, "strategies")
            )
        }),
        ("an activity in A assigned to B's user", |a, parent| {
            format!(
                "INSERT INTO activities (tenant_id, goal_id, title, type, assignee_type, assignee_user_id, status, priority)
                 VALUES ('{a}', {}, 'stolen', 'review', 'human', {}, 'created', 'normal')",
                fixture_id(a, "goals"),
                fixture_id(parent, "users")
            )
        }),
        ("a ledger entry in A for B's activity run", |a, parent| {
            format!(
                "INSERT INTO credit_ledger (tenant_id, type, credits, activity_run_id, balance_after, actor)
                 VALUES ('{a}', 'consumed', -1, {}, 0, 'system')",
                fixture_id(parent, "activity_runs")
            )
        }),
        ("a lead in A from B's channel", |a, parent| {
            format!(
                "INSERT INTO leads (tenant_id, source, source_channel_id, first_name, status)
                 VALUES ('{a}', 'manual', {}, 'stolen', 'new')",
                fixture_id(parent, "channels")
            )
        }),
    ];
    for (what, sql) in attempts {
        let transaction = db.owner.begin().await.expect("begin");
        let own = transaction.execute_unprepared(&sql(a, a)).await;
        transaction.rollback().await.expect("rollback");
        assert!(
            own.is_ok(),
            "control insert with A's own parent failed ({what}): {own:?}"
        );

        let transaction = db.owner.begin().await.expect("begin");
        let result = transaction.execute_unprepared(&sql(a, b)).await;
        transaction.rollback().await.expect("rollback");
        let error = result.expect_err(&format!("the owner inserted {what}"));
        assert_eq!(
            sql_state(&error).as_deref(),
            Some("23503"),
            "{what}: {error}"
        );
    }
}
