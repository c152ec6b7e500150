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
    // Foreign keys to a table with global rows cannot carry tenant_id (a global row has none),
    // and arrays of ids cannot carry a foreign key at all: the trigger
    // app_check_reference_tenant(<parent table>, <column>) stands in for both.
    let references = query_all(
        &db.owner,
        "SELECT child.relname || '.' || ca.attname || ' -> ' || parent.relname AS reference,
                EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                        WHERE t.tgrelid = k.conrelid AND p.proname = 'app_check_reference_tenant'
                          AND encode(t.tgargs, 'escape') = parent.relname || '\\000' || ca.attname || '\\000') AS guarded
         FROM pg_constraint k
         JOIN pg_class parent ON parent.oid = k.confrelid
         JOIN pg_class child ON child.oid = k.conrelid
         JOIN pg_attribute ca ON ca.attrelid = k.conrelid AND ca.attnum = k.conkey[1]
         WHERE k.contype = 'f' AND parent.relname = ANY($1) AND NOT child.relispartition
         UNION ALL
         SELECT c.relname || '.' || a.attname || ' (uuid[])',
                EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                        WHERE t.tgrelid = c.oid AND p.proname = 'app_check_reference_tenant'
                          AND strpos(encode(t.tgargs, 'escape'), '\\000' || a.attname || '\\000') > 0)
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
           AND a.attnum > 0 AND NOT a.attisdropped AND a.atttypid = 'uuid[]'::regtype
         ORDER BY 1",
        [GLOBAL_ROW_TABLES
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .into()],
    )
    .await;
    let checked: Vec<String> = references.iter().map(|row| get(row, "reference")).collect();
    println!("references checked for the tenant trigger: {checked:?}");
    // A query that matched nothing would pass below: the schema has (at least) these.
    for expected in [
        "deliverables.template_id -> activity_templates",
        "social_media_requests.target_channel_ids (uuid[])",
    ] {
        assert!(
            checked.iter().any(|reference| reference == expected),
            "{expected} not checked: {checked:?}"
        );
    }
    let unguarded: Vec<&String> = references
        .iter()
        .zip(&checked)
        .filter(|(row, _)| !get::<bool>(row, "guarded"))
        .map(|(_, reference)| reference)
        .collect();
    assert!(
        unguarded.is_empty(),
        "references without the trigger: {unguarded:?}"
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

/// Runs `sql` as the owner — past row-level security, so the tenant trigger is the only thing
/// that can refuse a reference to another tenant's row — in a transaction that is rolled back;
/// returns the SQLSTATE and message of the error, if any.
async fn as_owner(db: &TestDatabase, sql: &str) -> Option<(String, String)> {
    let transaction = db.owner.begin().await.expect("begin");
    let result = transaction.execute_unprepared(sql).await;
    transaction.rollback().await.expect("rollback");
    result
        .err()
        .map(|error| (sql_state(&error).unwrap_or_default(), error.to_string()))
}

/// Asserts that `sql` fails on the tenant trigger for `reference` (`table.column references a
/// parent row that is neither global nor of the same tenant`).
async fn assert_refused_by_trigger(db: &TestDatabase, sql: &str, reference: &str) {
    match as_owner(db, sql).await {
        Some((state, message)) => {
            assert_eq!(state, "23503", "{sql}: {message}");
            assert!(
                message.contains(&format!("{reference} references a")),
                "not the tenant trigger on {reference}: {message}"
            );
        }
        None => panic!("another tenant's row was referenced: {sql}"),
    }
}

/// Asserts that `sql` succeeds.
async fn assert_accepted(db: &TestDatabase, sql: &str) {
    if let Some((state, message)) = as_owner(db, sql).await {
        panic!("{sql}: {state} {message}");
    }
}

#[tokio::test]
async fn the_tenant_trigger_refuses_another_tenants_template_and_accepts_an_own_or_global_one() {
    let db = TestDatabase::new().await;
    let (a, b) = seed_two_tenants(&db.owner).await;
    let deliverable = |template: String| {
        format!(
            "INSERT INTO deliverables (tenant_id, goal_id, strategy_id, type, name, quantity_per_period, template_id)
             VALUES ('{a}', {}, {}, 'blog_posts', 'Templated posts', 4, {template})",
            fixture_id(a, "goals"),
            fixture_id(a, "strategies")
        )
    };
    let global = "md5('global:activity_templates')::uuid".to_owned();
    assert_refused_by_trigger(
        &db,
        &deliverable(fixture_id(b, "activity_templates")),
        "deliverables.template_id",
    )
    .await;
    assert_accepted(&db, &deliverable(fixture_id(a, "activity_templates"))).await;
    assert_accepted(&db, &deliverable(global)).await;
    // An update is checked as well as an insert.
    assert_refused_by_trigger(
        &db,
        &format!(
            "UPDATE deliverables SET template_id = {} WHERE id = {}",
            fixture_id(b, "activity_templates"),
            fixture_id(a, "deliverables")
        ),
        "deliverables.template_id",
    )
    .await;

    // A tenant's copy of a template may come from a global template, never from another
    // tenant's copy.
    for table in [
        "activity_templates",
        "email_templates",
        "recurring_task_templates",
    ] {
        let copy_of = |source: String| {
            format!(
                "UPDATE {table} SET source_template_id = {source} WHERE id = {}",
                fixture_id(a, table)
            )
        };
        assert_refused_by_trigger(
            &db,
            &copy_of(fixture_id(b, table)),
            &format!("{table}.source_template_id"),
        )
        .await;
        assert_accepted(&db, &copy_of(format!("md5('global:{table}')::uuid"))).await;
    }
}

#[tokio::test]
async fn the_tenant_trigger_refuses_another_tenants_channel_among_target_channels_and_accepts_own_ones()
 {
    let db = TestDatabase::new().await;
    let (a, b) = seed_two_tenants(&db.owner).await;
    let own = fixture_id(a, "channels");
    let foreign = fixture_id(b, "channels");
    let target = |channels: &str| {
        format!(
            "UPDATE social_media_requests SET target_channel_ids = ARRAY[{channels}]::uuid[] WHERE id = {}",
            fixture_id(a, "social_media_requests")
        )
    };
    let reference = "social_media_requests.target_channel_ids";
    assert_refused_by_trigger(&db, &target(&foreign), reference).await;
    assert_refused_by_trigger(&db, &target(&format!("{own}, {foreign}")), reference).await;
    assert_refused_by_trigger(&db, &target("gen_random_uuid()"), reference).await;
    assert_accepted(&db, &target(&own)).await;
    assert_accepted(&db, &target(&format!("{own}, {own}"))).await;

    // Inserted as well as updated.
    let request = |channels: &str| {
        format!(
            "INSERT INTO social_media_requests (tenant_id, requested_by_type, requested_by_id, topic,
                                                post_type, target_channel_ids, priority, status)
             SELECT '{a}', 'human', u.ref_id, 'Spring offer', 'standard', ARRAY[{channels}],
                    'normal', 'approved'
             FROM users u WHERE u.id = {}",
            fixture_id(a, "users")
        )
    };
    assert_refused_by_trigger(&db, &request(&foreign), reference).await;
    assert_accepted(&db, &request(&own)).await;
}
