//! Data functions shared by the identity resolvers. They take a [`TenantTx`], never the GraphQL
//! context.

use crate::core::context::{Principal, Role, Session};
use crate::core::db::TenantTx;
use crate::core::error::{ApiError, ApiResult};
use entities::tenant_scoped::TenantScoped;
use entities::tenants;
use sea_orm::prelude::DateTimeWithTimeZone;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

/// The current time, as stored in `timestamptz` columns.
pub(crate) fn now() -> DateTimeWithTimeZone {
    chrono::Utc::now().fixed_offset()
}

/// Whether the caller is a platform operator (a super admin user).
pub(crate) fn is_super_admin(session: &Session) -> bool {
    matches!(
        session.principal,
        Principal::User {
            role: Role::SuperAdmin,
            ..
        }
    )
}

/// Whether the caller is a user who manages the tenant (admin or super admin).
pub(crate) fn is_admin(session: &Session) -> bool {
    matches!(
        session.principal,
        Principal::User {
            role: Role::Admin | Role::SuperAdmin,
            ..
        }
    )
}

/// The transaction's own tenant row. `tenants` has no `tenant_id` column (the row is the
/// tenant), so it is looked up by the transaction's tenant id — and row-level security admits
/// only that row anyway.
pub(crate) async fn own_tenant(tx: &TenantTx) -> ApiResult<tenants::Model> {
    tenants::Entity::find_by_id(tx.tenant().uuid())
        .one(tx.conn())
        .await?
        .ok_or(ApiError::NotFound("tenant"))
}

/// Applies the `Set` columns of `changes` to the transaction's own tenant row and returns it.
/// Only columns the application role may update (the column-level grant) may be set.
pub(crate) async fn update_own_tenant(
    tx: &TenantTx,
    changes: tenants::ActiveModel,
) -> ApiResult<tenants::Model> {
    tenants::Entity::update_many()
        .set(changes)
        .filter(tenants::Column::Id.eq(tx.tenant().uuid()))
        .exec_with_returning(tx.conn())
        .await?
        .into_iter()
        .next()
        .ok_or(ApiError::NotFound("tenant"))
}

/// Applies the `Set` columns of `changes` to the row `id` of the transaction's tenant and returns
/// it (`NOT_FOUND`, named `what`, when there is no such row).
pub(crate) async fn update_scoped<E, A>(
    tx: &TenantTx,
    what: &'static str,
    id: Uuid,
    changes: A,
) -> ApiResult<E::Model>
where
    E: TenantScoped,
    A: ActiveModelTrait<Entity = E>,
{
    E::update_many()
        .set(changes)
        .filter(E::id_column().eq(id))
        .filter(E::tenant_column().eq(tx.tenant().uuid()))
        .exec_with_returning(tx.conn())
        .await?
        .into_iter()
        .next()
        .ok_or(ApiError::NotFound(what))
}
