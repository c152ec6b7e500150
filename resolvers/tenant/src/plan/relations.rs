//! Relation look-ups of the plan types, each through the request's DataLoaders (one query per
//! batch, whatever the number of parents).

use graph_core::error::ApiResult;
use graph_core::loaders::loaders;
use async_graphql::Context;
use entities::tenant_scoped::TenantScoped;
use uuid::Uuid;

/// The row of `E` with internal id `id` (soft-deleted rows included), through the by-id loader.
pub(crate) async fn one<E>(ctx: &Context<'_>, id: Option<Uuid>) -> ApiResult<Option<E::Model>>
where
    E: TenantScoped,
    E::Model: Clone + Send + Sync,
{
    match id {
        None => Ok(None),
        Some(id) => loaders(ctx)?.by_id::<E>().load_one(id).await,
    }
}

/// The live rows of `E` whose `column` is `parent`, oldest first, through the by-parent loader.
pub(crate) async fn children<E>(
    ctx: &Context<'_>,
    column: E::Column,
    parent: Uuid,
) -> ApiResult<Vec<E::Model>>
where
    E: TenantScoped,
    E::Model: Clone + Send + Sync,
    E::Column: Send + Sync,
{
    Ok(loaders(ctx)?
        .by_parent::<E>(column)
        .load_one(parent)
        .await?
        .unwrap_or_default())
}
