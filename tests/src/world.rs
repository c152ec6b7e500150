//! Set-ups tests share: a fresh demo database with a server on it, the two demo tenants
//! prepared side by side ([`World`]), and read-backs of the database (as the owner, past
//! row-level security) that prove what a request did or did not change.

use crate::server::{TestServer, seed_demo, seed_demo_with};
use crate::{TestDatabase, get, query_all, query_one};
use sea_orm::{ConnectionTrait, DatabaseTransaction, Value};
use uuid::Uuid;

/// A fresh database with the demo seed, and a tenant-subgraph server on it.
pub async fn start() -> (TestDatabase, TestServer) {
    start_with(&[]).await
}

/// Like [`start`], with configuration overrides for the server (e.g. a lower limit).
pub async fn start_with(overrides: &[(&str, &str)]) -> (TestDatabase, TestServer) {
    let db = TestDatabase::new().await;
    seed_demo(&db).await;
    let server = TestServer::start_with(&db, overrides).await;
    (db, server)
}

/// Like [`start`], with no seeded activities: the plan (goals, deliverables, periods, all
/// current periods `NOT_STARTED`) and nothing else, so a test's own activities are all there is.
pub async fn start_empty() -> (TestDatabase, TestServer) {
    let db = TestDatabase::new().await;
    seed_demo_with(&db, 0).await;
    let server = TestServer::start(&db).await;
    (db, server)
}

/// The demo platform with two of its tenants prepared the same way: acme as `a` (the one
/// acting) and globex as `b` (the one whose records `a` must not reach).
pub struct World<T> {
    /// The test's database.
    pub db: TestDatabase,
    /// A server on it.
    pub server: TestServer,
    /// acme, prepared.
    pub a: T,
    /// globex, prepared.
    pub b: T,
}

/// Seeds the demo, starts a server, and prepares globex, then acme, with `prepare(db, server,
/// slug)`.
pub async fn world<T>(prepare: impl AsyncFn(&TestDatabase, &TestServer, &str) -> T) -> World<T> {
    let (db, server) = start().await;
    let b = prepare(&db, &server, "globex").await;
    let a = prepare(&db, &server, "acme").await;
    World { db, server, a, b }
}

/// The internal id of the tenant with `slug`.
pub async fn tenant_uuid(db: &TestDatabase, slug: &str) -> Uuid {
    let row = query_one(
        &db.owner,
        "SELECT id FROM tenants WHERE slug = $1",
        [slug.into()],
    )
    .await;
    get(&row, "id")
}

/// The public id of the user with `email`.
pub async fn user_ref_id(db: &TestDatabase, email: &str) -> String {
    let row = query_one(
        &db.owner,
        "SELECT ref_id FROM users WHERE email = $1",
        [email.into()],
    )
    .await;
    get(&row, "ref_id")
}

/// The internal id of the user with `email`.
pub async fn user_uuid(db: &TestDatabase, email: &str) -> Uuid {
    let row = query_one(
        &db.owner,
        "SELECT id FROM users WHERE email = $1",
        [email.into()],
    )
    .await;
    get(&row, "id")
}

/// The `n` column (a `bigint`, e.g. `count(*) AS n`) of the one row `sql` returns.
pub async fn count(
    connection: &impl ConnectionTrait,
    sql: &str,
    values: impl IntoIterator<Item = Value>,
) -> i64 {
    get::<i64>(&query_one(connection, sql, values).await, "n")
}

/// Rows in the operator audit log, every tenant's.
pub async fn audit_rows(db: &TestDatabase) -> i64 {
    count(
        &db.owner,
        "SELECT count(*) AS n FROM operator_audit_log",
        [],
    )
    .await
}

/// Every row of `tables`, every tenant's, as one JSON object of arrays ordered by `ref_id`,
/// with the `ignored` columns left out of every row: comparing it before and after a request
/// proves the request changed nothing there.
pub async fn table_rows(db: &TestDatabase, tables: &[&str], ignored: &[&str]) -> serde_json::Value {
    let strip: String = ignored
        .iter()
        .map(|column| format!(" - '{column}'"))
        .collect();
    let parts: Vec<String> = tables
        .iter()
        .map(|table| {
            format!(
                "'{table}', (SELECT coalesce(jsonb_agg(to_jsonb(t){strip} ORDER BY t.ref_id), '[]'::jsonb) FROM {table} t)"
            )
        })
        .collect();
    let sql = format!(
        "SELECT jsonb_build_object({})::text AS state",
        parts.join(", ")
    );
    let text: String = get(&query_one(&db.owner, &sql, []).await, "state");
    serde_json::from_str(&text).unwrap_or_else(|error| panic!("state is not JSON: {error}"))
}

/// Every row of `tenant` in `tenants` and in every tenant-scoped table, as JSON text without
/// the `ignored` columns, prefixed with its table and sorted.
pub async fn snapshot(db: &TestDatabase, tenant: Uuid, ignored: &[&str]) -> Vec<String> {
    let strip: String = ignored
        .iter()
        .map(|column| format!(" - '{column}'"))
        .collect();
    let mut rows = Vec::new();
    let mut tables = vec![("tenants".to_owned(), "id")];
    for table in crate::catalog::tenant_scoped_tables(&db.owner).await {
        tables.push((table, "tenant_id"));
    }
    for (table, column) in tables {
        let sql = format!(
            "SELECT (to_jsonb(t){strip})::text AS row FROM {table} t WHERE t.{column} = $1::uuid ORDER BY 1"
        );
        for row in query_all(&db.owner, &sql, [tenant.to_string().into()]).await {
            rows.push(format!("{table}: {}", get::<String>(&row, "row")));
        }
    }
    rows
}

/// Rolls `transaction` back, panicking if that fails.
pub async fn rollback(transaction: DatabaseTransaction) {
    if let Err(error) = transaction.rollback().await {
        panic!("rollback failed: {error}");
    }
}
