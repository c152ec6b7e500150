//! Row-level security on every tenant-scoped table, checked through the application's own
//! role. The tables come from the catalog, so a new table without a policy fails these tests.

use leadmetrics_tests::catalog::{
    global_row_tables, insertable_columns, partitions, tenant_scoped_tables,
};
use leadmetrics_tests::fixtures::seed_two_tenants;
use leadmetrics_tests::world::{count, rollback, snapshot};
use leadmetrics_tests::{
    TestDatabase, exec, exec_with, get, query_all, query_one, sql_state, tenant_transaction,
};
use sea_orm::{ConnectionTrait, TransactionTrait};
use uuid::Uuid;

/// Tables with a trigger that checks references against the row's tenant: a write with another
/// tenant's id fails there (foreign_key_violation) before row-level security is consulted.
async fn tables_with_reference_triggers(connection: &impl ConnectionTrait) -> Vec<String> {
    query_all(
        connection,
        "SELECT DISTINCT c.relname::text AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
         JOIN pg_proc p ON p.oid = t.tgfoid WHERE p.proname = 'app_check_reference_tenant'",
        [],
    )
    .await
    .iter()
    .map(|row| get(row, "name"))
    .collect()
}

/// Tables whose rows the application only ever appends: `app_user` has no UPDATE or DELETE on
/// them, so every update there is refused by the missing grant, by design.
const APPEND_ONLY_TABLES: [&str; 9] = [
    "activity_runs",
    "billing_events",
    "channel_scores",
    "credit_ledger",
    "lead_activities",
    "llm_calls",
    "notification_dispatch_log",
    "operator_audit_log",
    "tool_calls",
];

/// Whether `role` may run `privilege` (`INSERT`, `UPDATE`, …) on `table` at all.
async fn may(db: &TestDatabase, role: &str, table: &str, privilege: &str) -> bool {
    get::<bool>(
        &query_one(
            &db.owner,
            "SELECT has_table_privilege($1, $2, $3) AS ok",
            [role.into(), table.into(), privilege.into()],
        )
        .await,
        "ok",
    )
}

/// Takes one of `tenant`'s rows out of `table` and returns it (as JSON text), so that the very
/// same row can be inserted again. The owner deletes it with triggers and foreign-key checks
/// off (`session_replication_role = replica`, which needs a superuser), so the rows that refer
/// to it stay as they are.
async fn take_out_row(db: &TestDatabase, table: &str, tenant: Uuid) -> String {
    let transaction = db.owner.begin().await.expect("begin");
    exec(&transaction, "SET LOCAL session_replication_role = replica").await;
    let row = query_one(
        &transaction,
        &format!(
            "DELETE FROM {table} AS t
             WHERE t.id = (SELECT id FROM {table} WHERE tenant_id = $1 ORDER BY id LIMIT 1)
             RETURNING to_jsonb(t)::text AS row"
        ),
        [tenant.into()],
    )
    .await;
    transaction.commit().await.expect("commit");
    get(&row, "row")
}

/// An INSERT of one row of `table`, given as JSON text in `$1`, every insertable column set.
async fn insert_row_sql(db: &TestDatabase, table: &str) -> String {
    let columns = insertable_columns(&db.owner, table).await.join(", ");
    format!(
        "INSERT INTO {table} ({columns}) SELECT {columns} FROM jsonb_populate_record(NULL::{table}, $1::jsonb)"
    )
}

/// Whether a refused write of another tenant's row failed as it must: on row-level security
/// (42501), or, in a table whose trigger checks references against the row's tenant, on that
/// trigger (23503) first.
fn refused_as_foreign(error: &sea_orm::DbErr, table: &str, guarded_by_trigger: &[String]) -> bool {
    let state = sql_state(error);
    state.as_deref() == Some("42501")
        || (state.as_deref() == Some("23503") && guarded_by_trigger.iter().any(|t| t == table))
}

#[tokio::test]
async fn every_tenant_scoped_table_has_forced_row_level_security_and_policies() {
    let db = TestDatabase::new().await;
    let tables = tenant_scoped_tables(&db.owner).await;
    assert_eq!(
        tables.len(),
        47,
        "all tables but tenants and registration_sessions carry tenant_id: {tables:?}"
    );
    for table in tables
        .iter()
        .map(String::as_str)
        .chain(["tenants", "registration_sessions"])
    {
        let row = query_one(
            &db.owner,
            "SELECT c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
                    (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)::int AS policies
             FROM pg_class c WHERE c.oid = $1::regclass",
            [table.into()],
        )
        .await;
        assert!(
            get::<bool>(&row, "enabled"),
            "{table}: row-level security not enabled"
        );
        assert!(
            get::<bool>(&row, "forced"),
            "{table}: row-level security not forced"
        );
        assert!(get::<i32>(&row, "policies") > 0, "{table}: no policy");
    }
}

#[tokio::test]
async fn with_tenant_a_set_app_user_reads_only_a_rows_in_every_tenant_scoped_table() {
    let db = TestDatabase::new().await;
    let (a, b) = seed_two_tenants(&db.owner).await;
    let app = db.connect_as("app_user").await;
    for table in tenant_scoped_tables(&db.owner).await {
        let a_rows = count(
            &db.owner,
            &format!("SELECT count(*) AS n FROM {table} WHERE tenant_id = '{a}'"),
            [],
        )
        .await;
        let b_rows = count(
            &db.owner,
            &format!("SELECT count(*) AS n FROM {table} WHERE tenant_id = '{b}'"),
            [],
        )
        .await;
        let global = count(
            &db.owner,
            &format!("SELECT count(*) AS n FROM {table} WHERE tenant_id IS NULL"),
            [],
        )
        .await;
        assert!(
            a_rows > 0 && b_rows > 0,
            "{table}: add rows to tests/fixtures/tenant_rows.sql"
        );

        let transaction = tenant_transaction(&app, Some(a)).await;
        let visible = count(
            &transaction,
            &format!("SELECT count(*) AS n FROM {table}"),
            [],
        )
        .await;
        let of_b = count(
            &transaction,
            &format!("SELECT count(*) AS n FROM {table} WHERE tenant_id = '{b}'"),
            [],
        )
        .await;
        transaction.rollback().await.expect("rollback");
        assert_eq!(
            visible,
            a_rows + global,
            "{table}: tenant A sees other rows than its own and global ones"
        );
        assert_eq!(of_b, 0, "{table}: tenant A sees tenant B's rows");
    }
}

#[tokio::test]
async fn with_no_tenant_set_app_user_reads_nothing_in_any_tenant_scoped_table() {
    let db = TestDatabase::new().await;
    seed_two_tenants(&db.owner).await;
    let app = db.connect_as("app_user").await;
    for table in tenant_scoped_tables(&db.owner)
        .await
        .iter()
        .map(String::as_str)
        .chain(["tenants"])
    {
        let transaction = tenant_transaction(&app, None).await;
        let visible = count(
            &transaction,
            &format!("SELECT count(*) AS n FROM {table}"),
            [],
        )
        .await;
        transaction.rollback().await.expect("rollback");
        assert_eq!(visible, 0, "{table}: rows visible with no tenant set");
    }
}

#[tokio::test]
async fn app_user_cannot_insert_a_row_with_another_tenants_id_in_any_tenant_scoped_table() {
    let db = TestDatabase::new().await;
    let (a, b) = seed_two_tenants(&db.owner).await;
    let guarded_by_trigger = tables_with_reference_triggers(&db.owner).await;
    let b_before = snapshot(&db, b, &[]).await;
    let app = db.connect_as("app_user").await;
    for table in tenant_scoped_tables(&db.owner).await {
        // One of B's rows, taken out so that the very same row can be written again.
        let row = take_out_row(&db, &table, b).await;
        let insert = insert_row_sql(&db, &table).await;

        let transaction = tenant_transaction(&app, Some(a)).await;
        let result = exec_with(&transaction, &insert, [row.clone().into()]).await;
        rollback(transaction).await;
        let error = result.expect_err(&format!("{table}: tenant A inserted a row of tenant B"));
        assert!(
            refused_as_foreign(&error, &table, &guarded_by_trigger),
            "{table}: unexpected error {:?}: {error}",
            sql_state(&error)
        );

        // The same write by B itself succeeds (and puts B's row back): what refused A is the
        // policy or the trigger, not a missing grant.
        let transaction = tenant_transaction(&app, Some(b)).await;
        let inserted = exec_with(&transaction, &insert, [row.into()]).await;
        assert_eq!(
            inserted.as_ref().ok(),
            Some(&1),
            "{table}: tenant B could not insert its own row: {inserted:?}"
        );
        transaction.commit().await.expect("commit");
    }
    assert_eq!(
        snapshot(&db, b, &[]).await,
        b_before,
        "tenant B's rows are not exactly as they were"
    );
}

#[tokio::test]
async fn app_user_cannot_move_its_rows_to_another_tenant_nor_touch_another_tenants_rows() {
    let db = TestDatabase::new().await;
    let (a, b) = seed_two_tenants(&db.owner).await;
    let guarded_by_trigger = tables_with_reference_triggers(&db.owner).await;
    let app = db.connect_as("app_user").await;
    let mut not_updatable = Vec::new();
    for table in tenant_scoped_tables(&db.owner).await {
        let transaction = tenant_transaction(&app, Some(a)).await;
        let moved = exec_with(
            &transaction,
            &format!("UPDATE {table} SET tenant_id = $1 WHERE tenant_id = $2"),
            [b.into(), a.into()],
        )
        .await;
        rollback(transaction).await;
        let error = moved.expect_err(&format!("{table}: moving a row to tenant B succeeded"));
        assert!(
            refused_as_foreign(&error, &table, &guarded_by_trigger),
            "{table}: unexpected error {:?}: {error}",
            sql_state(&error)
        );

        // The same write, keeping the rows in A, succeeds wherever app_user may update at
        // all: what refused the move is the policy or the trigger, not a missing grant. The
        // append-only tables refuse every update, by their grants.
        let transaction = tenant_transaction(&app, Some(a)).await;
        let kept = exec_with(
            &transaction,
            &format!("UPDATE {table} SET tenant_id = $1 WHERE tenant_id = $2"),
            [a.into(), a.into()],
        )
        .await;
        rollback(transaction).await;
        if !may(&db, "app_user", &table, "UPDATE").await {
            assert_eq!(
                kept.as_ref().err().and_then(sql_state).as_deref(),
                Some("42501"),
                "{table}: {kept:?}"
            );
            not_updatable.push(table);
            continue;
        }
        assert!(
            kept.as_ref().is_ok_and(|rows| *rows >= 1),
            "{table}: tenant A could not update its own rows: {kept:?}"
        );

        let transaction = tenant_transaction(&app, Some(a)).await;
        let touched = exec_with(
            &transaction,
            &format!("UPDATE {table} SET tenant_id = tenant_id WHERE tenant_id = $1"),
            [b.into()],
        )
        .await
        .expect("update of invisible rows is a no-op");
        let deleted = exec_with(
            &transaction,
            &format!("DELETE FROM {table} WHERE tenant_id = $1"),
            [b.into()],
        )
        .await
        .expect("delete of invisible rows is a no-op");
        rollback(transaction).await;
        assert_eq!(
            (touched, deleted),
            (0, 0),
            "{table}: tenant A changed tenant B's rows"
        );

        // A's own rows, by contrast, are deleted (or held by rows that refer to them, which
        // PostgreSQL checks only after the delete passed the grants and the policy).
        let transaction = tenant_transaction(&app, Some(a)).await;
        let own = exec_with(
            &transaction,
            &format!("DELETE FROM {table} WHERE tenant_id = $1"),
            [a.into()],
        )
        .await;
        rollback(transaction).await;
        let deleted_own = match &own {
            Ok(rows) => *rows >= 1,
            Err(error) => sql_state(error).as_deref() == Some("23503"),
        };
        assert!(
            deleted_own,
            "{table}: tenant A could not delete its own rows: {own:?}"
        );
    }
    assert_eq!(
        not_updatable, APPEND_ONLY_TABLES,
        "only the append-only tables may refuse every update"
    );
}

#[tokio::test]
async fn global_rows_are_readable_by_every_tenant_and_writable_by_none() {
    let db = TestDatabase::new().await;
    let (a, _) = seed_two_tenants(&db.owner).await;
    let app = db.connect_as("app_user").await;
    let tables = global_row_tables(&db.owner).await;
    assert_eq!(
        tables,
        [
            "activity_templates",
            "email_templates",
            "llm_providers",
            "recurring_task_templates"
        ],
        "only platform templates and providers may hold rows without a tenant"
    );
    for table in tables {
        let transaction = tenant_transaction(&app, Some(a)).await;
        let readable = count(
            &transaction,
            &format!("SELECT count(*) AS n FROM {table} WHERE tenant_id IS NULL"),
            [],
        )
        .await;
        let updated = exec_with(
            &transaction,
            &format!("UPDATE {table} SET tenant_id = NULL WHERE tenant_id IS NULL"),
            [],
        )
        .await
        .expect("update");
        let deleted = exec_with(
            &transaction,
            &format!("DELETE FROM {table} WHERE tenant_id IS NULL"),
            [],
        )
        .await
        .expect("delete");
        transaction.rollback().await.expect("rollback");
        assert!(
            readable > 0,
            "{table}: global rows are not readable by a tenant"
        );
        assert_eq!(
            (updated, deleted),
            (0, 0),
            "{table}: a tenant changed a global row"
        );

        // The same writes on A's own rows succeed: the policy, not a missing grant, is what
        // keeps the global rows out of reach.
        let transaction = tenant_transaction(&app, Some(a)).await;
        let own = exec_with(
            &transaction,
            &format!("UPDATE {table} SET tenant_id = tenant_id WHERE tenant_id = $1"),
            [a.into()],
        )
        .await;
        rollback(transaction).await;
        assert!(
            own.as_ref().is_ok_and(|rows| *rows >= 1),
            "{table}: tenant A could not update its own rows: {own:?}"
        );

        // A's own row, taken out, cannot come back as a global row, but comes back as A's.
        let row = take_out_row(&db, &table, a).await;
        let mut global: serde_json::Value = serde_json::from_str(&row).expect("a row is JSON");
        global["tenant_id"] = serde_json::Value::Null;
        let insert = insert_row_sql(&db, &table).await;
        let transaction = tenant_transaction(&app, Some(a)).await;
        let inserted = exec_with(&transaction, &insert, [global.to_string().into()]).await;
        rollback(transaction).await;
        let error = inserted.expect_err(&format!("{table}: a tenant created a global row"));
        assert_eq!(
            sql_state(&error).as_deref(),
            Some("42501"),
            "{table}: {error}"
        );

        let transaction = tenant_transaction(&app, Some(a)).await;
        let restored = exec_with(&transaction, &insert, [row.into()]).await;
        assert_eq!(
            restored.as_ref().ok(),
            Some(&1),
            "{table}: tenant A could not insert its own row: {restored:?}"
        );
        transaction.commit().await.expect("commit");
    }
}

#[tokio::test]
async fn the_tenants_table_shows_app_user_only_its_own_tenant_and_cannot_be_inserted_into() {
    let db = TestDatabase::new().await;
    let (a, b) = seed_two_tenants(&db.owner).await;
    let app = db.connect_as("app_user").await;
    let transaction = tenant_transaction(&app, Some(a)).await;
    let ids: Vec<Uuid> = query_all(&transaction, "SELECT id FROM tenants", [])
        .await
        .iter()
        .map(|row| get(row, "id"))
        .collect();
    let renamed_b = exec_with(
        &transaction,
        "UPDATE tenants SET name = 'taken' WHERE id = $1",
        [b.into()],
    )
    .await
    .expect("update");
    transaction.rollback().await.expect("rollback");
    assert_eq!(ids, vec![a]);
    assert_eq!(renamed_b, 0);

    // Creating a tenant is the platform's work: app_user holds no INSERT on tenants at all.
    let insert =
        "INSERT INTO tenants (slug, name, plan) VALUES ('new-co', 'New Co', 'professional')";
    assert!(!may(&db, "app_user", "tenants", "INSERT").await);
    let transaction = tenant_transaction(&app, Some(a)).await;
    let inserted = exec_with(&transaction, insert, []).await;
    rollback(transaction).await;
    assert_eq!(
        sql_state(&inserted.expect_err("app_user created a tenant")).as_deref(),
        Some("42501")
    );
    // The statement itself is sound: the platform role runs it.
    let platform = db.connect_as("app_platform").await;
    let transaction = platform.begin().await.expect("begin");
    let created = exec_with(&transaction, insert, []).await;
    rollback(transaction).await;
    assert_eq!(created.ok(), Some(1));
}

#[tokio::test]
async fn registration_sessions_are_reachable_only_through_the_platform_role() {
    let db = TestDatabase::new().await;
    let app = db.connect_as("app_user").await;
    let denied = app
        .execute_unprepared("SELECT count(*) FROM registration_sessions")
        .await;
    assert_eq!(
        sql_state(&denied.expect_err("app_user read registration_sessions")).as_deref(),
        Some("42501")
    );

    let platform = db.connect_as("app_platform").await;
    let transaction = platform.begin().await.expect("begin");
    exec_with(
        &transaction,
        "INSERT INTO registration_sessions (session_token, current_step, contact_data, expires_at)
         VALUES ($1, 1, '{\"email\": \"new@example.com\"}', now() + interval '24 hours')",
        [Uuid::new_v4().simple().to_string().into()],
    )
    .await
    .expect("the platform role registers");
    assert_eq!(
        count(
            &transaction,
            "SELECT count(*) AS n FROM registration_sessions",
            []
        )
        .await,
        1
    );
    transaction.rollback().await.expect("rollback");
}

#[tokio::test]
async fn the_platform_role_sees_every_tenant_and_readonly_user_is_tenant_isolated_and_read_only() {
    let db = TestDatabase::new().await;
    let (a, _) = seed_two_tenants(&db.owner).await;
    let platform = db.connect_as("app_platform").await;
    assert_eq!(
        count(&platform, "SELECT count(*) AS n FROM goals", []).await,
        2
    );

    // readonly_user follows the tenant mapped to its login, never app.tenant_id: unmapped, it
    // sees nothing even with a tenant set (a mapped reader sees its one tenant: tenant_readers.rs).
    let readonly = db.connect_as("readonly_user").await;
    let transaction = tenant_transaction(&readonly, Some(a)).await;
    assert_eq!(
        count(&transaction, "SELECT count(*) AS n FROM goals", []).await,
        0
    );
    let written = transaction
        .execute_unprepared("UPDATE goals SET priority = priority")
        .await;
    transaction.rollback().await.expect("rollback");
    assert_eq!(
        sql_state(&written.expect_err("readonly_user updated")).as_deref(),
        Some("42501")
    );
    // Read-only by its grants: the same update in the same tenant works for app_user.
    assert!(!may(&db, "readonly_user", "goals", "UPDATE").await);
    let app = db.connect_as("app_user").await;
    let transaction = tenant_transaction(&app, Some(a)).await;
    let updated = exec_with(&transaction, "UPDATE goals SET priority = priority", []).await;
    rollback(transaction).await;
    assert_eq!(updated.ok(), Some(1));
}

#[tokio::test]
async fn partitions_of_llm_calls_are_reachable_only_through_the_parent_table() {
    let db = TestDatabase::new().await;
    let partitions = partitions(&db.owner).await;
    assert!(
        partitions.iter().any(|name| name == "llm_calls_default"),
        "{partitions:?}"
    );
    assert!(
        partitions.len() >= 4,
        "current month, two ahead and the default: {partitions:?}"
    );
    for partition in partitions {
        for role in ["app_user", "app_platform", "readonly_user"] {
            let row = query_one(
                &db.owner,
                "SELECT has_table_privilege($1, $2, 'SELECT') OR has_table_privilege($1, $2, 'INSERT') AS ok",
                [role.into(), partition.as_str().into()],
            )
            .await;
            assert!(
                !get::<bool>(&row, "ok"),
                "{role} can reach partition {partition} directly"
            );
        }
    }
}

#[tokio::test]
async fn a_tenant_edits_its_profile_but_cannot_change_its_own_plan_status_or_billing_ids() {
    let db = TestDatabase::new().await;
    let (a, _) = seed_two_tenants(&db.owner).await;
    let app = db.connect_as("app_user").await;

    let transaction = tenant_transaction(&app, Some(a)).await;
    let renamed = exec_with(
        &transaction,
        "UPDATE tenants SET name = 'Renamed', updated_on = now()",
        [],
    )
    .await
    .expect("a tenant renames itself");
    transaction.commit().await.expect("commit");
    assert_eq!(renamed, 1);

    for assignment in [
        "plan = 'enterprise'",
        "status = 'active'",
        "monthly_spend_cap_usd = 99999",
        "razorpay_subscription_id = 'sub_free'",
        "deployment_mode = 'on_prem'",
        "slug = 'taken'",
    ] {
        let transaction = tenant_transaction(&app, Some(a)).await;
        let result = transaction
            .execute_unprepared(&format!("UPDATE tenants SET {assignment}"))
            .await;
        transaction.rollback().await.expect("rollback");
        let error = result.expect_err(&format!("a tenant ran SET {assignment}"));
        assert_eq!(
            sql_state(&error).as_deref(),
            Some("42501"),
            "{assignment}: {error}"
        );
    }
}
