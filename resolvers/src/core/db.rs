//! The database path of every request.
//!
//! Tenant work runs in a [`TenantTx`]: a transaction on the application role (`app_user`, under
//! row-level security) that starts with `set_config('app.tenant_id', …, true)` — transaction-
//! local, so it is safe under PgBouncer transaction pooling. Queries are built with
//! [`TenantTx::select`], which always adds the tenant filter: the query itself is scoped, and
//! row-level security scopes it again in the database.
//!
//! Work that is not inside one tenant (logging in, resolving credentials, registration) uses the
//! separate platform role, reachable only through [`Db::platform`] from this crate.

use crate::core::error::{ApiError, ApiResult};
use entities::tenant_scoped::TenantScoped;
use sea_orm::sea_query::Condition;
use sea_orm::{
    ColumnTrait, ConnectOptions, ConnectionTrait, Database, DatabaseConnection,
    DatabaseTransaction, DbBackend, QueryFilter, QuerySelect, Select, Statement, TransactionTrait,
};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use uuid::Uuid;

/// A tenant's internal id. Only this crate creates one — from credentials it has verified — so a
/// tenant id can never come straight from client input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TenantId(Uuid);

impl TenantId {
    pub(crate) fn new(id: Uuid) -> Self {
        Self(id)
    }

    /// The internal UUID (for queries; never sent to clients).
    pub fn uuid(self) -> Uuid {
        self.0
    }
}

/// Connection pool settings.
#[derive(Debug, Clone)]
pub struct PoolSettings {
    /// Maximum connections per pool.
    pub max_connections: u32,
    /// How long a request waits for a free connection before failing.
    pub acquire_timeout: Duration,
}

impl Default for PoolSettings {
    fn default() -> Self {
        Self {
            max_connections: 10,
            acquire_timeout: Duration::from_secs(5),
        }
    }
}

/// The two pools: the application role for tenant requests, the platform role for the rest.
#[derive(Debug, Clone)]
pub struct Db {
    app: DatabaseConnection,
    platform: DatabaseConnection,
    statements: Arc<AtomicU64>,
}

impl Db {
    /// Connects both pools.
    pub async fn connect(
        app_url: &str,
        platform_url: &str,
        settings: &PoolSettings,
    ) -> Result<Self, sea_orm::DbErr> {
        let statements = Arc::new(AtomicU64::new(0));
        Ok(Self {
            app: pool(app_url, settings, &statements).await?,
            platform: pool(platform_url, settings, &statements).await?,
            statements,
        })
    }

    /// SQL statements run on both pools since start, as counted by the driver (sea-orm's metric
    /// callback; transaction control statements excluded). Exported as `db_statements_total` and
    /// used by the tests that prove a query's statement count does not grow with its data.
    pub fn statements_executed(&self) -> u64 {
        self.statements.load(Ordering::Relaxed)
    }

    /// Begins a transaction for `tenant` on the application role.
    #[tracing::instrument(level = "debug", skip(self))]
    pub async fn begin(&self, tenant: TenantId) -> ApiResult<TenantTx> {
        let tx = self.app.begin().await?;
        tx.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT set_config('app.tenant_id', $1, true)",
            [tenant.0.to_string().into()],
        ))
        .await?;
        Ok(TenantTx { tx, tenant })
    }

    /// The platform role's pool: cross-tenant work only (credentials, login, registration).
    pub(crate) fn platform(&self) -> &DatabaseConnection {
        &self.platform
    }

    /// Whether the database answers (for `/readyz`).
    pub async fn ping(&self) -> bool {
        self.app.ping().await.is_ok() && self.platform.ping().await.is_ok()
    }
}

async fn pool(
    url: &str,
    settings: &PoolSettings,
    statements: &Arc<AtomicU64>,
) -> Result<DatabaseConnection, sea_orm::DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(settings.max_connections)
        .min_connections(0)
        .acquire_timeout(settings.acquire_timeout)
        .sqlx_logging(false);
    // Session settings such as a statement timeout belong in the URL
    // (`?options=-c%20statement_timeout%3D15s`), so every pooled connection gets them.
    let mut connection = Database::connect(options).await?;
    let counter = Arc::clone(statements);
    connection.set_metric_callback(move |_| {
        counter.fetch_add(1, Ordering::Relaxed);
    });
    Ok(connection)
}

/// A transaction scoped to one tenant. Dropping it without [`TenantTx::commit`] rolls back.
pub struct TenantTx {
    tx: DatabaseTransaction,
    tenant: TenantId,
}

impl TenantTx {
    /// The tenant this transaction is scoped to.
    pub fn tenant(&self) -> TenantId {
        self.tenant
    }

    /// The connection to run statements on (scoped by row-level security as well).
    pub fn conn(&self) -> &DatabaseTransaction {
        &self.tx
    }

    /// `SELECT … FROM E WHERE tenant_id = <this tenant>` (global rows included for tables that
    /// have them) and, for soft-deletable tables, `deleted_on IS NULL`. The one way resolvers
    /// start a query.
    pub fn select<E: TenantScoped>(&self) -> Select<E> {
        self.select_with_deleted::<E>(false)
    }

    /// Like [`TenantTx::select`], with soft-deleted rows included when `include_deleted`.
    pub fn select_with_deleted<E: TenantScoped>(&self, include_deleted: bool) -> Select<E> {
        let tenant = E::tenant_column();
        let mut scope = Condition::any().add(tenant.eq(self.tenant.0));
        if E::HAS_GLOBAL_ROWS {
            scope = scope.add(tenant.is_null());
        }
        let mut select = E::find().filter(scope);
        if let (false, Some(deleted_on)) = (include_deleted, E::deleted_on_column()) {
            select = select.filter(deleted_on.is_null());
        }
        select
    }

    /// One row of this tenant by public id, or `NOT_FOUND` (also for another tenant's id).
    pub async fn find_by_ref<E: TenantScoped>(
        &self,
        what: &'static str,
        ref_id: &str,
    ) -> ApiResult<E::Model> {
        self.select::<E>()
            .filter(E::ref_id_column().eq(ref_id))
            .one(&self.tx)
            .await?
            .ok_or(ApiError::NotFound(what))
    }

    /// Like [`TenantTx::find_by_ref`], locking the row until the transaction ends (`FOR
    /// UPDATE`), so a state check and the change that follows it cannot race; soft-deleted rows
    /// are found too when `include_deleted`.
    pub async fn lock_by_ref<E: TenantScoped>(
        &self,
        what: &'static str,
        ref_id: &str,
        include_deleted: bool,
    ) -> ApiResult<E::Model> {
        self.select_with_deleted::<E>(include_deleted)
            .filter(E::ref_id_column().eq(ref_id))
            .lock_exclusive()
            .one(&self.tx)
            .await?
            .ok_or(ApiError::NotFound(what))
    }

    /// Commits the transaction.
    pub async fn commit(self) -> ApiResult<()> {
        self.tx.commit().await.map_err(ApiError::from)
    }
}
