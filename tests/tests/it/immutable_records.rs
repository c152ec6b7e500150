//! Immutable records: the application role can append to them, never rewrite them.

use leadmetrics_tests::catalog::IMMUTABLE_TABLES;
use leadmetrics_tests::fixtures::seed_two_tenants;
use leadmetrics_tests::{TestDatabase, get, query_one, sql_state, tenant_transaction};
use sea_orm::ConnectionTrait;

#[tokio::test]
async fn app_user_cannot_update_or_delete_any_immutable_table() {
    let db = TestDatabase::new().await;
    let (a, _) = seed_two_tenants(&db.owner).await;
    let app = db.connect_as("app_user").await;
    for table in IMMUTABLE_TABLES {
        for role in ["app_user", "app_platform"] {
            let row = query_one(
                &db.owner,
                "SELECT has_table_privilege($1, $2, 'UPDATE') AS can_update,
                        has_table_privilege($1, $2, 'DELETE') AS can_delete,
                        has_table_privilege($1, $2, 'TRUNCATE') AS can_truncate,
                        has_table_privilege($1, $2, 'INSERT') AS can_insert",
                [role.into(), table.into()],
            )
            .await;
            assert!(
                !get::<bool>(&row, "can_update"),
                "{role} may UPDATE {table}"
            );
            assert!(
                !get::<bool>(&row, "can_delete"),
                "{role} may DELETE {table}"
            );
            assert!(
                !get::<bool>(&row, "can_truncate"),
                "{role} may TRUNCATE {table}"
            );
            assert!(
                get::<bool>(&row, "can_insert"),
                "{role} may not append to {table}"
            );
        }
        for statement in [
            format!("UPDATE {table} SET created_on = created_on"),
            format!("DELETE FROM {table}"),
            format!("TRUNCATE {table}"),
        ] {
            let transaction = tenant_transaction(&app, Some(a)).await;
            let result = transaction.execute_unprepared(&statement).await;
            transaction.rollback().await.expect("rollback");
            let error = result.expect_err(&format!("app_user ran: {statement}"));
            assert_eq!(
                sql_state(&error).as_deref(),
                Some("42501"),
                "{statement}: {error}"
            );
        }
        let left = query_one(&db.owner, &format!("SELECT count(*) AS n FROM {table}"), []).await;
        assert_eq!(get::<i64>(&left, "n"), 2, "{table}: rows changed");
    }
}
