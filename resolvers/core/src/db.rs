//! The database path of every request.
//!
//! Tenant work runs in a [`TenantTx`]: a transaction on the application role (`app_user`, under
//! row-level security) that starts with `set_config('app.tenant_id', …, true)` — transaction-
//! local, so it is safe under PgBouncer transaction pooling. Every statement goes through it:
//!
//! - reads start with [`TenantTx::select`], a [`Scoped`] query that already holds the tenant
//!   filter (and hides soft-deleted rows) and can only be narrowed, never widened;
//! - writes are [`TenantTx::insert`], [`TenantTx::update`] / [`TenantTx::update_by_id`] and
//!   [`TenantTx::soft_delete`], which add the tenant and stamp the audit columns (`created_by`,
//!   `updated_by`, `updated_on`, `deleted_by`, `deleted_on`) from the session.
//!
//! Row-level security scopes every statement again in the database.
//!
//! **The raw connection never leaves this crate.** [`TenantTx`] has no accessor for its
//! transaction and [`Db`] none for its pools, so a subgraph crate cannot run an unscoped
//! `Entity::find()` or `update_many()`: it has nothing to run it on. This does not compile:
//!
//! ```compile_fail
//! async fn unscoped(tx: &graph_core::db::TenantTx) {
//!     let _ = tx.conn();
//! }
//! ```
//!
//! ```compile_fail
//! fn platform(db: &graph_core::db::Db) {
//!     let _ = db.platform();
//! }
//! ```
//!
//! Work that is not inside one tenant (logging in, resolving credentials, registration) uses the
//! separate platform role, reachable only from this crate (see [`crate::platform`]).

use crate::context::Session;
use crate::error::{ApiError, ApiResult};
use crate::ids::new_ref_id;
use entities::tenant_scoped::TenantScoped;
use entities::tenants;
use sea_orm::sea_query::{
    Condition, Expr, IntoCondition, NullOrdering, Order, SelectStatement, SimpleExpr,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectOptions, ConnectionTrait, Database, DatabaseConnection,
    DatabaseTransaction, DbBackend, EntityTrait, FromQueryResult, IntoActiveModel, IntoSimpleExpr,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait, Select, Statement,
    TransactionTrait, TryGetableMany,
};
use std::str::FromStr;
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
    /// `statement_timeout` of every connection (None: the server's default, usually none). A
    /// statement over it fails with `TIMEOUT` and its transaction rolls back.
    pub statement_timeout: Option<Duration>,
}

impl Default for PoolSettings {
    fn default() -> Self {
        Self {
            max_connections: 10,
            acquire_timeout: Duration::from_secs(5),
            statement_timeout: None,
        }
    }
}

/// The two pools: the application role for tenant requests, the platform role for the rest.
#[derive(Debug, Clone)]
pub struct Db {
    app: DatabaseConnection,
    platform: DatabaseConnection,
    statements: Arc<StatementMeter>,
}

/// What the driver reports of every statement: a count (always) and, while a plan check asks for
/// it, the statements themselves.
#[derive(Debug, Default)]
struct StatementMeter {
    count: AtomicU64,
    recording: std::sync::atomic::AtomicBool,
    recorded: std::sync::Mutex<Vec<Statement>>,
}

impl StatementMeter {
    fn observe(&self, statement: &Statement) {
        self.count.fetch_add(1, Ordering::Relaxed);
        if self.recording.load(Ordering::Relaxed)
            && let Ok(mut recorded) = self.recorded.lock()
        {
            recorded.push(statement.clone());
        }
    }
}

impl Db {
    /// Connects both pools.
    pub async fn connect(
        app_url: &str,
        platform_url: &str,
        settings: &PoolSettings,
    ) -> Result<Self, sea_orm::DbErr> {
        let statements = Arc::new(StatementMeter::default());
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
        self.statements.count.load(Ordering::Relaxed)
    }

    /// Starts (`true`) or stops keeping a copy of every statement run, with its bound values,
    /// for [`Db::take_recorded_statements`]. Off unless asked for: the plan check turns it on to
    /// `EXPLAIN` exactly what the server ran.
    pub fn record_statements(&self, on: bool) {
        self.statements.recording.store(on, Ordering::Relaxed);
    }

    /// The statements kept since the last call (see [`Db::record_statements`]).
    pub fn take_recorded_statements(&self) -> Vec<Statement> {
        self.statements
            .recorded
            .lock()
            .map(|mut recorded| std::mem::take(&mut *recorded))
            .unwrap_or_default()
    }

    /// Begins a read-only-by-convention transaction for `tenant` on the application role (no
    /// actor: its writes are refused). For loaders and look-ups outside a caller's session.
    pub async fn begin(&self, tenant: TenantId) -> ApiResult<TenantTx> {
        self.begin_scoped(tenant, None).await
    }

    /// Begins a transaction in the session's tenant that may write, stamping the session's
    /// actor into the audit columns.
    pub async fn begin_for(&self, session: &Session) -> ApiResult<TenantTx> {
        self.begin_scoped(session.tenant.id, Some(session.actor_id()))
            .await
    }

    #[tracing::instrument(level = "debug", skip(self))]
    async fn begin_scoped(&self, tenant: TenantId, actor: Option<Uuid>) -> ApiResult<TenantTx> {
        let tx = self.app.begin().await?;
        tx.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT set_config('app.tenant_id', $1, true)",
            [tenant.0.to_string().into()],
        ))
        .await?;
        Ok(TenantTx { tx, tenant, actor })
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
    statements: &Arc<StatementMeter>,
) -> Result<DatabaseConnection, sea_orm::DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(settings.max_connections)
        .min_connections(0)
        .acquire_timeout(settings.acquire_timeout)
        .sqlx_logging(false);
    // A startup parameter, so every pooled connection has it from its first statement without a
    // round trip. PgBouncer does not pass startup options through: behind it, set
    // `statement_timeout` on the role instead (`ALTER ROLE app_user SET statement_timeout = …`).
    if let Some(timeout) = settings.statement_timeout {
        let millis = timeout.as_millis();
        options.map_sqlx_postgres_opts(move |pg| {
            pg.options([("statement_timeout", format!("{millis}ms"))])
        });
    }
    let mut connection = Database::connect(options).await?;
    let counter = Arc::clone(statements);
    connection.set_metric_callback(move |info| counter.observe(info.statement));
    Ok(connection)
}

/// A transaction scoped to one tenant. Dropping it without [`TenantTx::commit`] rolls back.
pub struct TenantTx {
    tx: DatabaseTransaction,
    tenant: TenantId,
    /// Who writes (the audit columns); None for transactions that only read.
    actor: Option<Uuid>,
}

/// The value of an audit column that exists on `E`, looked up by its SQL name.
fn column<E: EntityTrait>(name: &str) -> Option<E::Column> {
    E::Column::from_str(name).ok()
}

impl TenantTx {
    /// The tenant this transaction is scoped to.
    pub fn tenant(&self) -> TenantId {
        self.tenant
    }

    /// The statements' connection: private to this crate, so nothing outside it can run a
    /// statement that skips [`TenantTx`]'s scoping.
    pub(crate) fn conn(&self) -> &DatabaseTransaction {
        &self.tx
    }

    fn actor(&self) -> ApiResult<Uuid> {
        self.actor
            .ok_or_else(|| ApiError::internal("a write in a transaction without an actor"))
    }

    /// `SELECT … FROM E WHERE tenant_id = <this tenant>` (global rows included for tables that
    /// have them) and, for soft-deletable tables, `deleted_on IS NULL`. The one way to start a
    /// query.
    pub fn select<E: TenantScoped>(&self) -> Scoped<E> {
        self.select_with_deleted::<E>(false)
    }

    /// Like [`TenantTx::select`], with soft-deleted rows included when `include_deleted`.
    pub fn select_with_deleted<E: TenantScoped>(&self, include_deleted: bool) -> Scoped<E> {
        Scoped {
            select: E::find().filter(self.scope::<E>(include_deleted)),
        }
    }

    /// The tenant condition of `E` (and, unless `include_deleted`, the live-rows condition).
    fn scope<E: TenantScoped>(&self, include_deleted: bool) -> Condition {
        let tenant = E::tenant_column();
        let mut scope = Condition::any().add(tenant.eq(self.tenant.0));
        if E::HAS_GLOBAL_ROWS {
            scope = scope.add(tenant.is_null());
        }
        let mut condition = Condition::all().add(scope);
        if let (false, Some(deleted_on)) = (include_deleted, E::deleted_on_column()) {
            condition = condition.add(deleted_on.is_null());
        }
        condition
    }

    /// One row of this tenant by public id, or `NOT_FOUND` (also for another tenant's id).
    pub async fn find_by_ref<E: TenantScoped>(
        &self,
        what: &'static str,
        ref_id: &str,
    ) -> ApiResult<E::Model> {
        self.select::<E>()
            .filter(E::ref_id_column().eq(ref_id))
            .one(self)
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
            .one(self)
            .await?
            .ok_or(ApiError::NotFound(what))
    }

    /// Inserts a row of this tenant and returns it: `tenant_id` is always this transaction's
    /// tenant (whatever `row` says), `ref_id` a new monotonic ULID unless set, `created_by` the
    /// actor unless set.
    pub async fn insert<A>(&self, mut row: A) -> ApiResult<<A::Entity as EntityTrait>::Model>
    where
        A: ActiveModelTrait + sea_orm::ActiveModelBehavior + Send,
        A::Entity: TenantScoped,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
    {
        let actor = self.actor()?;
        row.set(
            <A::Entity as TenantScoped>::tenant_column(),
            self.tenant.0.into(),
        );
        let ref_id = <A::Entity as TenantScoped>::ref_id_column();
        if row.is_not_set(ref_id) {
            row.set(ref_id, new_ref_id()?.into());
        }
        if let Some(created_by) = column::<A::Entity>("created_by")
            && row.is_not_set(created_by)
        {
            row.set(created_by, Some(actor).into());
        }
        Ok(row.insert(&self.tx).await?)
    }

    /// An `UPDATE` of this tenant's rows of `E`: narrow it with [`ScopedUpdate::filter`], give
    /// the changes with [`ScopedUpdate::set`] / [`ScopedUpdate::col_expr`]; `updated_by` and
    /// `updated_on` are stamped.
    pub fn update<E: TenantScoped>(&self) -> ScopedUpdate<E> {
        ScopedUpdate {
            changes: Vec::new(),
            condition: Condition::all().add(E::tenant_column().eq(self.tenant.0)),
        }
    }

    /// Applies the `Set` columns of `changes` (plus `updated_by` / `updated_on`) to the row `id`
    /// of this tenant and returns it; `NOT_FOUND` (named `what`) when there is no such row.
    pub async fn update_by_id<E, A>(
        &self,
        what: &'static str,
        id: Uuid,
        changes: A,
    ) -> ApiResult<E::Model>
    where
        E: TenantScoped,
        A: ActiveModelTrait<Entity = E>,
    {
        self.update::<E>()
            .set(changes)
            .filter(E::id_column().eq(id))
            .exec_returning(self)
            .await?
            .into_iter()
            .next()
            .ok_or(ApiError::NotFound(what))
    }

    /// Soft-deletes the row `id` of this tenant (`deleted_on`, `deleted_by`, plus `changes`)
    /// and returns it; `NOT_FOUND` when there is no such row, an internal error for a table
    /// without soft delete.
    pub async fn soft_delete<E, A>(
        &self,
        what: &'static str,
        id: Uuid,
        mut changes: A,
    ) -> ApiResult<E::Model>
    where
        E: TenantScoped,
        A: ActiveModelTrait<Entity = E>,
    {
        let actor = self.actor()?;
        let (Some(deleted_on), Some(deleted_by)) =
            (E::deleted_on_column(), column::<E>("deleted_by"))
        else {
            return Err(ApiError::internal(format!(
                "{} has no soft delete",
                E::TABLE
            )));
        };
        // One instant for the deletion and the change stamp.
        let now = crate::changes::now();
        changes.set(deleted_on, Some(now).into());
        changes.set(deleted_by, Some(actor).into());
        if let Some(updated_on) = column::<E>("updated_on") {
            changes.set(updated_on, Some(now).into());
        }
        self.update_by_id::<E, A>(what, id, changes).await
    }

    /// Deletes the row `id` of this tenant for good (`DELETE`), for tables without soft delete
    /// whose grants allow it (append-only tables refuse it in the database); `NOT_FOUND` (named
    /// `what`) when there is no such row, an internal error for a soft-deleted table (use
    /// [`TenantTx::soft_delete`]).
    pub async fn delete_by_id<E: TenantScoped>(
        &self,
        what: &'static str,
        id: Uuid,
    ) -> ApiResult<()> {
        self.actor()?;
        if E::deleted_on_column().is_some() {
            return Err(ApiError::internal(format!(
                "{} is soft-deleted: use soft_delete",
                E::TABLE
            )));
        }
        let deleted = E::delete_many()
            .filter(E::tenant_column().eq(self.tenant.0))
            .filter(E::id_column().eq(id))
            .exec(&self.tx)
            .await?
            .rows_affected;
        if deleted == 0 {
            return Err(ApiError::NotFound(what));
        }
        Ok(())
    }

    /// The transaction's own tenant row. `tenants` has no `tenant_id` column (the row is the
    /// tenant), so it is looked up by the transaction's tenant id — and row-level security
    /// admits only that row anyway.
    pub async fn own_tenant(&self) -> ApiResult<tenants::Model> {
        tenants::Entity::find_by_id(self.tenant.0)
            .one(&self.tx)
            .await?
            .ok_or(ApiError::NotFound("tenant"))
    }

    /// Applies the `Set` columns of `changes` (plus `updated_by` / `updated_on`) to the
    /// transaction's own tenant row and returns it. Only columns the application role may
    /// update (the column-level grant) may be set.
    pub async fn update_own_tenant(
        &self,
        mut changes: tenants::ActiveModel,
    ) -> ApiResult<tenants::Model> {
        changes.updated_by = sea_orm::Set(Some(self.actor()?));
        changes.updated_on = sea_orm::Set(Some(crate::changes::now()));
        tenants::Entity::update_many()
            .set(changes)
            .filter(tenants::Column::Id.eq(self.tenant.0))
            .exec_with_returning(&self.tx)
            .await?
            .into_iter()
            .next()
            .ok_or(ApiError::NotFound("tenant"))
    }

    /// Commits the transaction.
    pub async fn commit(self) -> ApiResult<()> {
        self.tx.commit().await.map_err(ApiError::from)
    }
}

/// A query of one tenant's rows of `E`, made by [`TenantTx::select`]. It can be narrowed
/// (filters, order, limit, lock) and run on a [`TenantTx`], but not widened: the tenant filter it
/// starts with cannot be removed.
#[derive(Debug, Clone)]
#[must_use = "a query does nothing until it runs"]
pub struct Scoped<E: EntityTrait> {
    select: Select<E>,
}

impl<E: TenantScoped> Scoped<E> {
    /// Adds a condition (`AND`).
    pub fn filter(self, condition: impl IntoCondition) -> Self {
        Self {
            select: self.select.filter(condition),
        }
    }

    /// Orders by `expr`, ascending (after any order given before).
    pub fn order_by_asc(self, expr: impl IntoSimpleExpr) -> Self {
        Self {
            select: self.select.order_by_asc(expr),
        }
    }

    /// Orders by `expr`, descending (after any order given before).
    pub fn order_by_desc(self, expr: impl IntoSimpleExpr) -> Self {
        Self {
            select: self.select.order_by_desc(expr),
        }
    }

    /// Orders by `expr` with nulls placed explicitly.
    pub fn order_by_with_nulls(
        self,
        expr: impl IntoSimpleExpr,
        order: Order,
        nulls: NullOrdering,
    ) -> Self {
        Self {
            select: self.select.order_by_with_nulls(expr, order, nulls),
        }
    }

    /// At most `limit` rows.
    pub fn limit(self, limit: u64) -> Self {
        Self {
            select: self.select.limit(limit),
        }
    }

    /// Locks the selected rows until the transaction ends (`FOR UPDATE`).
    pub fn lock_exclusive(self) -> Self {
        Self {
            select: self.select.lock_exclusive(),
        }
    }

    /// The first row, if any.
    pub async fn one(self, tx: &TenantTx) -> ApiResult<Option<E::Model>> {
        Ok(self.select.one(&tx.tx).await?)
    }

    /// Every row.
    pub async fn all(self, tx: &TenantTx) -> ApiResult<Vec<E::Model>> {
        Ok(self.select.all(&tx.tx).await?)
    }

    /// How many rows.
    pub async fn count(self, tx: &TenantTx) -> ApiResult<u64>
    where
        E::Model: Sync,
    {
        Ok(self.select.count(&tx.tx).await?)
    }

    /// One aggregate over the rows (`MAX(priority)`, …), as `T`.
    pub async fn aggregate<T>(self, tx: &TenantTx, expr: SimpleExpr) -> ApiResult<Option<T>>
    where
        T: TryGetableMany,
    {
        Ok(self
            .select
            .select_only()
            .column_as(expr, "aggregate")
            .into_tuple::<T>()
            .one(&tx.tx)
            .await?)
    }

    /// `SELECT <column> FROM …` of these rows, to use as a subquery
    /// (`other.in_subquery(…)`) in the same statement as the query it filters.
    pub fn column_subquery(self, column: E::Column) -> SelectStatement {
        self.select.select_only().column(column).into_query()
    }

    /// The first `per_parent` rows (in this query's order) of each parent in `parents`, by
    /// `parent_column`: one statement, `unnest(parents) CROSS JOIN LATERAL (this query with
    /// parent_column = the parent, LIMIT per_parent)`, so each parent reads at most `per_parent`
    /// rows through its index however many children it has. Rows come parent by parent, each
    /// parent's in this query's order.
    pub async fn first_per_parent(
        self,
        tx: &TenantTx,
        parent_column: E::Column,
        parents: &[Uuid],
        per_parent: u64,
    ) -> ApiResult<Vec<E::Model>> {
        use sea_orm::sea_query::ExprTrait;
        let inner = self
            .select
            .filter(Expr::col(parent_column.as_column_ref()).eq(Expr::cust("bounded_parent.id")))
            .limit(per_parent)
            .into_query();
        let backend = tx.tx.get_database_backend();
        let built = backend.build(&inner);
        let mut values = built.values.map(|values| values.0).unwrap_or_default();
        let sql = format!(
            "SELECT bounded.* FROM unnest(${}::uuid[]) AS bounded_parent(id) \
             CROSS JOIN LATERAL ({}) AS bounded",
            values.len() + 1,
            built.sql
        );
        values.push(sea_orm::Value::from(parents.to_vec()));
        let statement = Statement::from_sql_and_values(backend, sql, values);
        Ok(E::find().from_raw_sql(statement).all(&tx.tx).await?)
    }

    /// The underlying statement, for this crate's pagination.
    pub(crate) fn into_select(self) -> Select<E> {
        self.select
    }
}

/// An `UPDATE` of one tenant's rows of `E`, made by [`TenantTx::update`]; `updated_by` and
/// `updated_on` are stamped when it runs.
#[must_use = "an update does nothing until it runs"]
pub struct ScopedUpdate<E: EntityTrait> {
    changes: Vec<(E::Column, SimpleExpr)>,
    condition: Condition,
}

impl<E: TenantScoped> ScopedUpdate<E> {
    /// Sets the `Set` columns of `changes`, except the identity and creation columns (`id`,
    /// `ref_id`, `tenant_id`, `created_by`, `created_on`), which an update never changes.
    pub fn set<A: ActiveModelTrait<Entity = E>>(mut self, changes: A) -> Self {
        use sea_orm::{IdenStatic, Iterable};
        const FIXED: [&str; 5] = ["id", "ref_id", "tenant_id", "created_by", "created_on"];
        for column in E::Column::iter() {
            if FIXED.contains(&column.as_str()) {
                continue;
            }
            if let sea_orm::ActiveValue::Set(value) = changes.get(column) {
                // `save_as` casts where the column needs it (PostgreSQL enums).
                self = self.col_expr(column, column.save_as(Expr::val(value)));
            }
        }
        self
    }

    /// Sets `column` to `expr` (replacing an earlier change of the same column).
    pub fn col_expr(mut self, column: E::Column, expr: SimpleExpr) -> Self {
        use sea_orm::IdenStatic;
        self.changes
            .retain(|(existing, _)| existing.as_str() != column.as_str());
        self.changes.push((column, expr));
        self
    }

    /// Adds a condition (`AND`) on the rows to change.
    pub fn filter(mut self, condition: impl IntoCondition) -> Self {
        self.condition = self.condition.add(condition.into_condition());
        self
    }

    fn statement(self, tx: &TenantTx) -> ApiResult<sea_orm::UpdateMany<E>> {
        use sea_orm::IdenStatic;
        let actor = tx.actor()?;
        let mut update = self;
        if let Some(updated_by) = column::<E>("updated_by") {
            update = update.col_expr(updated_by, Expr::val(Some(actor)));
        }
        if let Some(updated_on) = column::<E>("updated_on")
            && !update
                .changes
                .iter()
                .any(|(changed, _)| changed.as_str() == updated_on.as_str())
        {
            update = update.col_expr(updated_on, Expr::val(crate::changes::now()));
        }
        let mut statement = E::update_many().filter(update.condition);
        for (column, expr) in update.changes {
            statement = statement.col_expr(column, expr);
        }
        Ok(statement)
    }

    /// Runs the update; returns how many rows changed.
    pub async fn exec(self, tx: &TenantTx) -> ApiResult<u64> {
        Ok(self.statement(tx)?.exec(&tx.tx).await?.rows_affected)
    }

    /// Runs the update; returns the changed rows.
    pub async fn exec_returning(self, tx: &TenantTx) -> ApiResult<Vec<E::Model>>
    where
        E::Model: FromQueryResult,
    {
        Ok(self.statement(tx)?.exec_with_returning(&tx.tx).await?)
    }
}

/// `column = (SELECT id FROM E WHERE ref_id = <id>)`, scoped to the tenant: a filter by a public
/// id (`field` names the argument in errors) in the same statement as the query it filters. An
/// unknown id, or another tenant's, matches nothing.
pub fn refers_to<E: TenantScoped>(
    tx: &TenantTx,
    column: impl sea_orm::sea_query::IntoColumnRef,
    field: &str,
    id: &async_graphql::ID,
) -> ApiResult<SimpleExpr> {
    use sea_orm::sea_query::{ExprTrait, SubQueryStatement};
    let ref_id = crate::ids::parse_ref_id(field, id)?;
    let id = tx
        .select_with_deleted::<E>(true)
        .filter(E::ref_id_column().eq(ref_id.into_string()))
        .column_subquery(E::id_column());
    Ok(Expr::col(column).eq(Expr::SubQuery(
        None,
        Box::new(SubQueryStatement::SelectStatement(id)),
    )))
}
