//! The platform's global rows (`tenant_id IS NULL`: shared LLM providers, templates), written by
//! platform operators.
//!
//! Why a path of its own: [`crate::db::TenantTx`] always stamps and filters by its tenant, so it
//! cannot write a row that belongs to no tenant, and row-level security lets the application
//! role only read global rows. A [`GlobalTx`] is a transaction on the platform role, but a narrow
//! one:
//!
//! - only a platform operator's session can open it ([`crate::context::Session::is_platform_operator`]:
//!   a `super_admin` of the platform tenant, signed in to the management console, not acting
//!   for a tenant);
//! - it reads and writes only rows with `tenant_id IS NULL`, of tables whose
//!   [`TenantScoped::HAS_GLOBAL_ROWS`] is true (anything else is an internal error, not a query);
//! - it stamps `created_by` / `updated_by` / `deleted_by` with the operator, and
//! - every row it writes is recorded in the operator audit log (`operator_audit_log`, in the
//!   platform tenant's scope, append-only) in the same transaction, so a change that cannot be
//!   audited does not happen.

use crate::context::Session;
use crate::error::{ApiError, ApiResult};
use crate::ids::new_ref_id;
use crate::services::Services;
use entities::operator_audit_log;
use entities::tenant_scoped::TenantScoped;
use sea_orm::sea_query::{Condition, Expr, IntoCondition, SimpleExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter,
    QuerySelect, Set, TransactionTrait,
};
use std::str::FromStr;
use uuid::Uuid;

/// A transaction on the platform's global rows, opened by [`begin`]. Dropping it without
/// [`GlobalTx::commit`] rolls back (audit records included).
pub struct GlobalTx {
    tx: DatabaseTransaction,
    actor: Uuid,
    /// The operator's home tenant (the platform tenant): the audit records' scope.
    platform_tenant: Uuid,
    request_id: String,
    subgraph: &'static str,
}

/// The refusal for anyone but a platform operator.
fn not_an_operator() -> ApiError {
    ApiError::Forbidden(
        "only platform operators may change global rows: a super admin of the platform, \
         signed in to the MANAGE application and not acting for a tenant"
            .to_owned(),
    )
}

/// Opens a [`GlobalTx`] for `session`, which must be a platform operator's (`FORBIDDEN`
/// otherwise). `request_id` and `subgraph` go into the audit records.
#[tracing::instrument(level = "debug", skip_all)]
pub async fn begin(
    services: &Services,
    session: &Session,
    request_id: &str,
    subgraph: &'static str,
) -> ApiResult<GlobalTx> {
    if !session.is_platform_operator() {
        return Err(not_an_operator());
    }
    let tx = services.db.platform().begin().await?;
    Ok(GlobalTx {
        tx,
        actor: session.actor_id(),
        platform_tenant: session.tenant.id.uuid(),
        request_id: request_id.chars().take(64).collect(),
        subgraph,
    })
}

/// The column `name` of `E`, if it has one.
fn column<E: EntityTrait>(name: &str) -> Option<E::Column> {
    E::Column::from_str(name).ok()
}

/// An internal error unless `E` holds global rows.
fn global_table<E: TenantScoped>() -> ApiResult<()> {
    if E::HAS_GLOBAL_ROWS {
        Ok(())
    } else {
        Err(ApiError::internal(format!(
            "{} has no global rows",
            E::TABLE
        )))
    }
}

impl GlobalTx {
    /// `tenant_id IS NULL` and, for soft-deleted tables, `deleted_on IS NULL`.
    fn scope<E: TenantScoped>() -> Condition {
        let mut condition = Condition::all().add(E::tenant_column().is_null());
        if let Some(deleted_on) = E::deleted_on_column() {
            condition = condition.add(deleted_on.is_null());
        }
        condition
    }

    /// The live global row of `E` with public id `ref_id`, locked until the transaction ends;
    /// `NOT_FOUND` (named `what`) when there is none (a tenant's row included).
    pub async fn lock_by_ref<E: TenantScoped>(
        &self,
        what: &'static str,
        ref_id: &str,
    ) -> ApiResult<E::Model> {
        global_table::<E>()?;
        E::find()
            .filter(Self::scope::<E>())
            .filter(E::ref_id_column().eq(ref_id))
            .lock_exclusive()
            .one(&self.tx)
            .await?
            .ok_or(ApiError::NotFound(what))
    }

    /// The live global rows of `E` matching `condition`.
    pub async fn select<E: TenantScoped>(
        &self,
        condition: impl IntoCondition,
    ) -> ApiResult<Vec<E::Model>> {
        global_table::<E>()?;
        Ok(E::find()
            .filter(Self::scope::<E>())
            .filter(condition)
            .all(&self.tx)
            .await?)
    }

    /// Inserts a global row: `tenant_id` NULL (whatever `row` says), `ref_id` a new ULID unless
    /// set, `created_by` the operator; audited.
    pub async fn insert<A>(&self, mut row: A) -> ApiResult<<A::Entity as EntityTrait>::Model>
    where
        A: ActiveModelTrait + sea_orm::ActiveModelBehavior + Send,
        A::Entity: TenantScoped,
        <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
    {
        global_table::<A::Entity>()?;
        row.set(
            <A::Entity as TenantScoped>::tenant_column(),
            Option::<Uuid>::None.into(),
        );
        let ref_id_column = <A::Entity as TenantScoped>::ref_id_column();
        let ref_id = match row.get(ref_id_column) {
            sea_orm::ActiveValue::Set(value) | sea_orm::ActiveValue::Unchanged(value) => {
                <String as sea_orm::sea_query::ValueType>::try_from(value)
                    .map_err(ApiError::internal)?
            }
            sea_orm::ActiveValue::NotSet => {
                let ref_id = new_ref_id()?;
                row.set(ref_id_column, ref_id.clone().into());
                ref_id
            }
        };
        if let Some(created_by) = column::<A::Entity>("created_by") {
            row.set(created_by, Some(self.actor).into());
        }
        let inserted = row.insert(&self.tx).await?;
        self.audit("create", <A::Entity as TenantScoped>::TABLE, &ref_id)
            .await?;
        Ok(inserted)
    }

    /// The `Set` columns of `changes` as `(column, value)` pairs, without the identity and
    /// creation columns, plus `updated_by` / `updated_on`.
    fn changes<E, A>(&self, changes: &A) -> Vec<(E::Column, SimpleExpr)>
    where
        E: TenantScoped,
        A: ActiveModelTrait<Entity = E>,
    {
        use sea_orm::{IdenStatic, Iterable};
        const FIXED: [&str; 5] = ["id", "ref_id", "tenant_id", "created_by", "created_on"];
        let mut set = Vec::new();
        for column in E::Column::iter() {
            if FIXED.contains(&column.as_str()) {
                continue;
            }
            if let sea_orm::ActiveValue::Set(value) = changes.get(column) {
                set.push((column, column.save_as(Expr::val(value))));
            }
        }
        let stamped = |set: &[(E::Column, SimpleExpr)], name: &str| {
            set.iter().any(|(column, _)| column.as_str() == name)
        };
        if let Some(updated_by) = column::<E>("updated_by")
            && !stamped(&set, "updated_by")
        {
            set.push((updated_by, Expr::val(Some(self.actor))));
        }
        if let Some(updated_on) = column::<E>("updated_on")
            && !stamped(&set, "updated_on")
        {
            set.push((updated_on, Expr::val(crate::changes::now())));
        }
        set
    }

    /// Applies the `Set` columns of `changes` to every live global row of `E` matching
    /// `condition`; returns the changed rows, each audited as `action`.
    pub async fn update_where<E, A>(
        &self,
        action: &'static str,
        condition: impl IntoCondition,
        changes: A,
    ) -> ApiResult<Vec<E::Model>>
    where
        E: TenantScoped,
        A: ActiveModelTrait<Entity = E>,
    {
        global_table::<E>()?;
        let mut statement = E::update_many()
            .filter(E::tenant_column().is_null())
            .filter(condition);
        for (column, expr) in self.changes::<E, A>(&changes) {
            statement = statement.col_expr(column, expr);
        }
        let rows = statement.exec_with_returning(&self.tx).await?;
        for row in &rows {
            let ref_id = <String as sea_orm::sea_query::ValueType>::try_from(
                sea_orm::ModelTrait::get(row, E::ref_id_column()),
            )
            .map_err(ApiError::internal)?;
            self.audit(action, E::TABLE, &ref_id).await?;
        }
        Ok(rows)
    }

    /// Applies the `Set` columns of `changes` (plus `updated_by` / `updated_on`) to the global
    /// row `id`; `NOT_FOUND` (named `what`) when there is none. Audited as `action`.
    pub async fn update_by_id<E, A>(
        &self,
        what: &'static str,
        action: &'static str,
        id: Uuid,
        changes: A,
    ) -> ApiResult<E::Model>
    where
        E: TenantScoped,
        A: ActiveModelTrait<Entity = E>,
    {
        self.update_where::<E, A>(action, E::id_column().eq(id), changes)
            .await?
            .into_iter()
            .next()
            .ok_or(ApiError::NotFound(what))
    }

    /// Soft-deletes the global row `id` (`deleted_on`, `deleted_by`, plus `changes`); audited.
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
        let (Some(deleted_on), Some(deleted_by)) =
            (E::deleted_on_column(), column::<E>("deleted_by"))
        else {
            return Err(ApiError::internal(format!(
                "{} has no soft delete",
                E::TABLE
            )));
        };
        let now = crate::changes::now();
        changes.set(deleted_on, Some(now).into());
        changes.set(deleted_by, Some(self.actor).into());
        if let Some(updated_on) = column::<E>("updated_on") {
            changes.set(updated_on, Some(now).into());
        }
        self.update_by_id::<E, A>(what, "delete", id, changes).await
    }

    /// One operator audit record (and an `audit` log line) for a write of the global row
    /// `ref_id` of `table`, in this transaction.
    async fn audit(&self, action: &str, table: &str, ref_id: &str) -> ApiResult<()> {
        tracing::info!(
            target: "audit",
            operator = %self.actor,
            action,
            table,
            row = ref_id,
            "platform operator changed a global row"
        );
        let name: String = format!("{action} global {table} {ref_id}")
            .chars()
            .take(255)
            .collect();
        operator_audit_log::ActiveModel {
            id: Set(Uuid::new_v4()),
            ref_id: Set(new_ref_id()?),
            tenant_id: Set(self.platform_tenant),
            operator_user_id: Set(self.actor),
            operator_tenant_id: Set(self.platform_tenant),
            operation_type: Set("mutation".to_owned()),
            operation_name: Set(Some(name)),
            document_hash: Set(None),
            request_id: Set(self.request_id.clone()),
            subgraph: Set(self.subgraph.to_owned()),
            created_by: Set(Some(self.actor)),
            ..Default::default()
        }
        .insert(&self.tx)
        .await?;
        Ok(())
    }

    /// Commits the writes and their audit records together.
    pub async fn commit(self) -> ApiResult<()> {
        self.tx.commit().await.map_err(ApiError::from)
    }
}
