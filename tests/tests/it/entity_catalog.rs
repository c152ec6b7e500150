//! The resolvers' one query path is built on `entities::tenant_scoped`: a tenant-scoped table
//! missing there cannot be queried safely, and a wrong declaration (global rows, soft delete)
//! would show or hide the wrong rows. These tests compare the declarations with the catalog.

use entities::tenant_scoped::TENANT_SCOPED_TABLES;
use leadmetrics_tests::catalog::{global_row_tables, tenant_scoped_tables};
use leadmetrics_tests::{TestDatabase, get, query_all};

#[tokio::test]
async fn every_tenant_scoped_table_has_a_tenant_scoped_entity_and_no_other_table_does() {
    let db = TestDatabase::new().await;
    let in_database = tenant_scoped_tables(&db.owner).await;
    let mut declared: Vec<String> = TENANT_SCOPED_TABLES
        .iter()
        .map(|table| table.name.to_owned())
        .collect();
    declared.sort();
    assert_eq!(declared, in_database);
}

#[tokio::test]
async fn global_rows_are_declared_exactly_for_tables_whose_tenant_id_may_be_null() {
    let db = TestDatabase::new().await;
    let in_database = global_row_tables(&db.owner).await;
    let mut declared: Vec<String> = TENANT_SCOPED_TABLES
        .iter()
        .filter(|table| table.global_rows)
        .map(|table| table.name.to_owned())
        .collect();
    declared.sort();
    assert_eq!(declared, in_database);
}

#[tokio::test]
async fn soft_delete_is_declared_exactly_for_tables_with_a_deleted_on_column() {
    let db = TestDatabase::new().await;
    let rows = query_all(
        &db.owner,
        "SELECT c.relname::text AS name FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'deleted_on' AND NOT a.attisdropped
         JOIN pg_attribute t ON t.attrelid = c.oid AND t.attname = 'tenant_id' AND NOT t.attisdropped
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
         ORDER BY 1",
        [],
    )
    .await;
    let in_database: Vec<String> = rows.iter().map(|row| get(row, "name")).collect();
    let mut declared: Vec<String> = TENANT_SCOPED_TABLES
        .iter()
        .filter(|table| table.soft_delete)
        .map(|table| table.name.to_owned())
        .collect();
    declared.sort();
    assert_eq!(declared, in_database);
}
