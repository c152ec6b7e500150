//! Looking a plan row up by public id, the one way every root and federation entity field of
//! the plan does it.

use async_graphql::{Context, ID};
use entities::tenant_scoped::TenantScoped;
use graph_core::access;
use graph_core::error::ApiResult;
use graph_core::ids::parse_ref_id;
use graph_core::loaders::loaders;

/// Looks a row up by id for a root or entity field: reads gate, id parsed (a malformed id is
/// null for entity look-ups, `BAD_USER_INPUT` for root fields), soft-deleted rows for admins
/// only — the same rules either way. Through the request's by-ref loader, so every look-up of
/// a request (all `_entities` representations of one type) is one statement.
pub(crate) async fn lookup<E>(
    ctx: &Context<'_>,
    id: &ID,
    malformed_is_null: bool,
) -> ApiResult<Option<E::Model>>
where
    E: TenantScoped,
    E::Model: Clone + Send + Sync,
{
    let session = access::read(ctx)?;
    let ref_id = match parse_ref_id("id", id) {
        Ok(ref_id) => ref_id,
        Err(_) if malformed_is_null => return Ok(None),
        Err(error) => return Err(error),
    };
    loaders(ctx)?
        .by_ref::<E>(session.is_admin())
        .load_one(ref_id.into_string())
        .await
}
