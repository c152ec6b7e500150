//! Writing changes to tenant rows, shared by every domain's mutations: the timestamp of audit
//! columns, optional input fields (omitted / `null` / value) turned into column changes, and the
//! scoped update-and-return of one row.

use crate::core::db::TenantTx;
use crate::core::error::{ApiError, ApiResult};
use async_graphql::MaybeUndefined;
use entities::tenant_scoped::TenantScoped;
use sea_orm::ActiveValue::{self, NotSet, Set};
use sea_orm::prelude::DateTimeWithTimeZone;
use sea_orm::{ActiveModelTrait, ColumnTrait, QueryFilter};
use uuid::Uuid;

/// The current time, as stored in `timestamptz` columns.
pub fn now() -> DateTimeWithTimeZone {
    chrono::Utc::now().fixed_offset()
}

/// A change to a nullable column from an optional input field: omitted leaves the column
/// untouched, `null` clears it, a value is validated by `check` (which may also clear it, e.g.
/// for a blank text).
pub fn optional_change<T, U>(
    value: &MaybeUndefined<T>,
    check: impl FnOnce(&T) -> ApiResult<Option<U>>,
) -> ApiResult<ActiveValue<Option<U>>>
where
    Option<U>: Into<sea_orm::Value>,
{
    Ok(match value {
        MaybeUndefined::Undefined => NotSet,
        MaybeUndefined::Null => Set(None),
        MaybeUndefined::Value(value) => Set(check(value)?),
    })
}

/// Applies the `Set` columns of `changes` to the row `id` of the transaction's tenant and returns
/// it (`NOT_FOUND`, named `what`, when there is no such row).
pub async fn update_scoped<E, A>(
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
