//! The migrations themselves: they build the whole schema, revert cleanly, and the schema
//! follows its own rules (documentation, indexes).

use leadmetrics_tests::catalog::{EXPECTED_TABLES, application_tables};
use leadmetrics_tests::{TestDatabase, get, query_all, query_one};
use migration::{Migrator, MigratorTrait};

#[tokio::test]
async fn migrating_up_creates_every_table_and_down_to_zero_and_up_again_both_succeed() {
    let db = TestDatabase::empty().await;

    Migrator::up(&db.owner, None).await.expect("first up");
    assert_eq!(
        application_tables(&db.owner).await,
        EXPECTED_TABLES.to_vec()
    );

    Migrator::down(&db.owner, None).await.expect("down to zero");
    assert!(
        application_tables(&db.owner).await.is_empty(),
        "down left tables behind"
    );
    let leftovers = query_one(
        &db.owner,
        "SELECT (SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                  WHERE n.nspname = 'public' AND t.typtype = 'e')::int AS enums,
                (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                  WHERE n.nspname = 'public')::int AS functions",
        [],
    )
    .await;
    assert_eq!(
        get::<i32>(&leftovers, "enums"),
        0,
        "down left enum types behind"
    );
    assert_eq!(
        get::<i32>(&leftovers, "functions"),
        0,
        "down left functions behind"
    );

    Migrator::up(&db.owner, None).await.expect("second up");
    assert_eq!(
        application_tables(&db.owner).await.len(),
        EXPECTED_TABLES.len()
    );
}

#[tokio::test]
async fn every_table_and_every_enum_column_is_documented_in_the_catalog() {
    let db = TestDatabase::new().await;
    let undocumented_tables = query_all(
        &db.owner,
        "SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
           AND c.relname <> 'seaql_migrations' AND obj_description(c.oid, 'pg_class') IS NULL",
        [],
    )
    .await;
    let names: Vec<String> = undocumented_tables
        .iter()
        .map(|row| get(row, "name"))
        .collect();
    assert!(
        names.is_empty(),
        "tables without COMMENT ON TABLE: {names:?}"
    );

    let undocumented_base_columns = query_all(
        &db.owner,
        "SELECT c.relname || '.' || a.attname AS name
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
           AND c.relname <> 'seaql_migrations' AND a.attnum > 0 AND NOT a.attisdropped
           AND a.attname IN ('id', 'ref_id', 'tenant_id', 'created_by', 'created_on')
           AND col_description(c.oid, a.attnum) IS NULL",
        [],
    )
    .await;
    let names: Vec<String> = undocumented_base_columns
        .iter()
        .map(|row| get(row, "name"))
        .collect();
    assert!(
        names.is_empty(),
        "base columns without a comment: {names:?}"
    );
}

#[tokio::test]
async fn no_index_duplicates_a_unique_constraint_or_another_index() {
    let db = TestDatabase::new().await;
    // A plain index is redundant when another index on the same table has the same predicate
    // and expressions and starts with the same key columns (a B-tree serves its prefixes).
    // Of two identical unique indexes, one is redundant.
    let duplicates = query_all(
        &db.owner,
        "SELECT a.indexrelid::regclass::text AS redundant, b.indexrelid::regclass::text AS kept
         FROM pg_index a JOIN pg_index b
           ON a.indrelid = b.indrelid AND a.indexrelid <> b.indexrelid
          AND (a.indkey::text = b.indkey::text OR (NOT a.indisunique AND b.indkey::text LIKE a.indkey::text || ' %'))
          AND coalesce(pg_get_expr(a.indexprs, a.indrelid), '') = coalesce(pg_get_expr(b.indexprs, b.indrelid), '')
          AND coalesce(pg_get_expr(a.indpred, a.indrelid), '') = coalesce(pg_get_expr(b.indpred, b.indrelid), '')
         JOIN pg_class c ON c.oid = a.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND NOT c.relispartition
           AND (NOT a.indisunique OR (a.indisunique AND b.indisunique AND a.indexrelid > b.indexrelid))",
        [],
    )
    .await;
    let pairs: Vec<(String, String)> = duplicates
        .iter()
        .map(|row| (get(row, "redundant"), get(row, "kept")))
        .collect();
    assert!(
        pairs.is_empty(),
        "redundant indexes (redundant, duplicated by): {pairs:?}"
    );
}
