//! Public ids given in inputs, resolved to the internal ids the row stores, inside the
//! mutation's transaction: an unknown id — or another tenant's, which is the same thing — is
//! `BAD_USER_INPUT` on the field that named it, and nothing is written.

use async_graphql::ID;
use entities::tenant_scoped::TenantScoped;
use graph_core::db::TenantTx;
use graph_core::error::{ApiError, ApiResult};
use graph_core::ids::parse_ref_id;
use sea_orm::ColumnTrait;
use uuid::Uuid;

/// The live row of `E` that `id` (given in input `field`) names, or `BAD_USER_INPUT` on
/// `field` ("no such <what>").
pub async fn referenced<E>(tx: &TenantTx, field: &str, what: &str, id: &ID) -> ApiResult<E::Model>
where
    E: TenantScoped,
{
    let ref_id = parse_ref_id(field, id)?;
    tx.select::<E>()
        .filter(E::ref_id_column().eq(ref_id.into_string()))
        .one(tx)
        .await?
        .ok_or_else(|| ApiError::bad_input(field, format!("no such {what}: {}", id.as_str())))
}

/// [`referenced`] for an optional id: its row's internal id, or None.
pub async fn referenced_id<E>(
    tx: &TenantTx,
    field: &str,
    what: &str,
    id: Option<&ID>,
) -> ApiResult<Option<Uuid>>
where
    E: TenantScoped,
{
    use sea_orm::ModelTrait;
    match id {
        None => Ok(None),
        Some(id) => {
            let row = referenced::<E>(tx, field, what, id).await?;
            let value = row.get(E::id_column());
            <Uuid as sea_orm::sea_query::ValueType>::try_from(value)
                .map(Some)
                .map_err(ApiError::internal)
        }
    }
}
