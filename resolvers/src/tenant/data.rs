//! Data functions of the identity resolvers (the tenant's own row). They take a [`TenantTx`], never the GraphQL
//! context.

use crate::core::db::TenantTx;
use crate::core::error::{ApiError, ApiResult};
use entities::tenants;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

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
