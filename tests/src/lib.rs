//! Test harness: every test gets its own PostgreSQL database, cloned from a template database
//! that is migrated once per migration fingerprint (crates.io's pattern). Cloning a template
//! takes a few milliseconds, so tests run in parallel against real PostgreSQL without sharing
//! state.
//!
//! The server is `TEST_DATABASE_ADMIN_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`,
//! a role that may create databases and roles). Set `KEEP_TEST_DATABASES=1` to keep each test's
//! database for inspection after the test.

#![warn(missing_docs)]

use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    DbErr, QueryResult, RuntimeErr, Statement, TransactionTrait, Value,
};
use std::time::Duration;
use uuid::Uuid;

pub mod api;
pub mod catalog;
pub mod child;
pub mod content;
pub mod documents;
pub mod fixtures;
pub mod plan_check;
pub mod plan_shape;
pub mod server;
pub mod tokens;
pub mod world;
pub mod ws;

/// The admin URL of the PostgreSQL server the tests run against.
pub fn admin_url() -> String {
    std::env::var("TEST_DATABASE_ADMIN_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// The URL of database `name` on the test server, connecting as `role`.
pub fn database_url(role: &str, name: &str) -> String {
    let admin = admin_url();
    let (scheme, rest) = admin
        .split_once("://")
        .unwrap_or(("postgres", admin.as_str()));
    let host_and_path = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
    let host = host_and_path
        .split_once('/')
        .map_or(host_and_path, |(host, _)| host);
    format!("{scheme}://{role}@{host}/{name}")
}

/// Connects with a small pool: tests are many and the server's connection limit is shared.
pub async fn connect(url: &str) -> DatabaseConnection {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(4)
        .min_connections(0)
        .acquire_timeout(Duration::from_secs(30))
        .sqlx_logging(false);
    match Database::connect(options).await {
        Ok(connection) => connection,
        Err(error) => panic!("cannot connect to {url}: {error}"),
    }
}

/// A fresh, migrated database owned by one test, dropped when the value is dropped.
pub struct TestDatabase {
    name: String,
    /// Connection as the migrating (owning) role — a superuser on test servers.
    pub owner: DatabaseConnection,
}

impl TestDatabase {
    /// Clones the migrated template into a new database for this test.
    pub async fn new() -> Self {
        let template = ensure_template().await;
        let name = format!("lm_test_{}", Uuid::new_v4().simple());
        let admin = connect(&admin_url()).await;
        let mut attempts = 0;
        loop {
            let created = admin
                .execute_unprepared(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
                .await;
            match created {
                Ok(_) => break,
                // Another test's clone can hold the template for a moment.
                Err(error)
                    if attempts < 50
                        && error.to_string().contains("being accessed by other users") =>
                {
                    attempts += 1;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(error) => panic!("cannot create test database {name}: {error}"),
            }
        }
        admin.close().await.ok();
        let owner = connect(&database_url(&owner_role(), &name)).await;
        Self { name, owner }
    }

    /// A new, empty (unmigrated) database for tests of the migrations themselves.
    pub async fn empty() -> Self {
        let name = format!("lm_test_{}", Uuid::new_v4().simple());
        let admin = connect(&admin_url()).await;
        exec(&admin, &format!("CREATE DATABASE {name}")).await;
        admin.close().await.ok();
        let owner = connect(&database_url(&owner_role(), &name)).await;
        Self { name, owner }
    }

    /// The database's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Connects to this database as `role` (e.g. `app_user`, `app_platform`, `readonly_user`).
    pub async fn connect_as(&self, role: &str) -> DatabaseConnection {
        connect(&database_url(role, &self.name)).await
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if std::env::var_os("KEEP_TEST_DATABASES").is_some() {
            eprintln!("kept test database {}", self.name);
            return;
        }
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        if !run_as_admin_outside_async(sql) {
            eprintln!("could not drop test database {}", self.name);
        }
    }
}

/// Runs `sql` as the server's admin role from a `Drop` (outside async context: a short-lived
/// runtime on its own thread); whether it succeeded. For cleaning up cluster-wide objects a test
/// made (its database, a role).
pub fn run_as_admin_outside_async(sql: String) -> bool {
    let ran = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .ok()?;
        runtime.block_on(async {
            let admin = connect(&admin_url()).await;
            admin.execute_unprepared(&sql).await.ok()
        })
    })
    .join();
    matches!(ran, Ok(Some(_)))
}

/// The role in the admin URL: it runs the migrations and owns the schema.
fn owner_role() -> String {
    let admin = admin_url();
    let rest = admin
        .split_once("://")
        .map_or(admin.as_str(), |(_, rest)| rest);
    rest.rsplit_once('@')
        .map(|(user, _)| user.split(':').next().unwrap_or(user).to_owned())
        .unwrap_or_else(|| "postgres".to_owned())
}

/// Creates (once per migration fingerprint, across test processes) the migrated template.
async fn ensure_template() -> String {
    let template = format!("lm_template_{}", migration::fingerprint());
    let admin = connect(&admin_url()).await;
    // Serialise template creation across every test process on this server. A session-level
    // advisory lock needs a single session, so hold one connection from a transaction.
    let lock = match admin.begin().await {
        Ok(transaction) => transaction,
        Err(error) => panic!("cannot open admin transaction: {error}"),
    };
    exec(&lock, "SELECT pg_advisory_xact_lock(727272)").await;
    if !database_exists(&lock, &template).await {
        let building = format!("{template}_building");
        exec(
            &admin,
            &format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)"),
        )
        .await;
        exec(&admin, &format!("CREATE DATABASE {building}")).await;
        let connection = connect(&database_url(&owner_role(), &building)).await;
        if let Err(error) = Migrator::up(&connection, None).await {
            panic!("migrating the template database failed: {error}");
        }
        connection.close().await.ok();
        // The rename is atomic: a template exists only once fully migrated.
        exec(
            &admin,
            &format!("ALTER DATABASE {building} RENAME TO {template}"),
        )
        .await;
    }
    lock.commit().await.ok();
    admin.close().await.ok();
    template
}

async fn database_exists(connection: &impl ConnectionTrait, name: &str) -> bool {
    let row = query_one(
        connection,
        "SELECT count(*)::int AS n FROM pg_database WHERE datname = $1",
        [name.into()],
    )
    .await;
    get::<i32>(&row, "n") > 0
}

/// Runs a statement, panicking with the SQL on failure.
pub async fn exec(connection: &impl ConnectionTrait, sql: &str) {
    if let Err(error) = connection.execute_unprepared(sql).await {
        panic!("statement failed: {sql}\n{error}");
    }
}

/// Runs a statement with bound values.
pub async fn exec_with(
    connection: &impl ConnectionTrait,
    sql: &str,
    values: impl IntoIterator<Item = Value>,
) -> Result<u64, DbErr> {
    connection
        .execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            sql,
            values,
        ))
        .await
        .map(|result| result.rows_affected())
}

/// Runs a query that returns exactly one row.
pub async fn query_one(
    connection: &impl ConnectionTrait,
    sql: &str,
    values: impl IntoIterator<Item = Value>,
) -> QueryResult {
    match connection
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            sql,
            values,
        ))
        .await
    {
        Ok(Some(row)) => row,
        Ok(None) => panic!("query returned no row: {sql}"),
        Err(error) => panic!("query failed: {sql}\n{error}"),
    }
}

/// Runs a query and returns every row.
pub async fn query_all(
    connection: &impl ConnectionTrait,
    sql: &str,
    values: impl IntoIterator<Item = Value>,
) -> Vec<QueryResult> {
    match connection
        .query_all_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            sql,
            values,
        ))
        .await
    {
        Ok(rows) => rows,
        Err(error) => panic!("query failed: {sql}\n{error}"),
    }
}

/// Reads a column of a row, panicking with the column name on a type mismatch.
pub fn get<T: sea_orm::TryGetable>(row: &QueryResult, column: &str) -> T {
    match row.try_get::<T>("", column) {
        Ok(value) => value,
        Err(error) => panic!("column {column}: {error}"),
    }
}

/// The SQLSTATE of a database error, e.g. `42501` (insufficient privilege / RLS violation),
/// `23503` (foreign key violation).
pub fn sql_state(error: &DbErr) -> Option<String> {
    match error {
        DbErr::Exec(RuntimeErr::SqlxError(inner)) | DbErr::Query(RuntimeErr::SqlxError(inner)) => {
            inner
                .as_database_error()
                .and_then(|database_error| database_error.code())
                .map(|code| code.into_owned())
        }
        _ => None,
    }
}

/// Opens a transaction with the tenant of row-level security set, the way the server does it
/// (`set_config(..., true)`: transaction-local, safe under PgBouncer transaction pooling).
pub async fn tenant_transaction(
    connection: &DatabaseConnection,
    tenant: Option<Uuid>,
) -> DatabaseTransaction {
    let transaction = match connection.begin().await {
        Ok(transaction) => transaction,
        Err(error) => panic!("cannot begin: {error}"),
    };
    if let Some(tenant) = tenant {
        let set = exec_with(
            &transaction,
            "SELECT set_config('app.tenant_id', $1, true)",
            [tenant.to_string().into()],
        )
        .await;
        if let Err(error) = set {
            panic!("cannot set tenant: {error}");
        }
    }
    transaction
}
