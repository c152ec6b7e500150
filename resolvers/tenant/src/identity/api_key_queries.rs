//! `ApiKeyQuery`: the tenant's API keys (admins only) and the federation look-up of `ApiKey`.

use crate::identity::api_key_type::{ApiKey, ApiKeyConnection};
use async_graphql::{Context, ID, Object, Result};
use entities::api_keys;
use graph_core::access::{self, ADMINS};
use graph_core::ids::parse_ref_id;
use graph_core::loaders::loaders;
use graph_core::pagination::{PageArgs, list};
use sea_orm::ColumnTrait;

/// The API key part of the identity `Query`.
#[derive(Default)]
pub struct ApiKeyQuery;

/// Reads of the tenant's API keys.
#[Object]
impl ApiKeyQuery {
    /// The tenant's API keys, oldest first, as a Relay connection (admins only). Revoked keys
    /// are hidden unless `includeRevoked`.
    async fn api_keys(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Return at most this many keys from the start (after `after`).")]
        first: Option<i32>,
        #[graphql(desc = "Cursor: return keys after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many keys from the end (before `before`).")]
        last: Option<i32>,
        #[graphql(desc = "Cursor: return keys before this one.")] before: Option<String>,
        #[graphql(default = false, desc = "Include revoked keys.")] include_revoked: bool,
    ) -> Result<ApiKeyConnection> {
        let session = access::read_as(ctx, ADMINS)?;
        let args = PageArgs::new(after, before, first, last);
        let keys = list(
            ctx,
            session,
            args,
            |tx| {
                let mut select = tx.select::<api_keys::Entity>();
                if !include_revoked {
                    select = select.filter(api_keys::Column::RevokedOn.is_null());
                }
                Ok(select)
            },
            ApiKey::from,
        )
        .await?;
        Ok(keys)
    }

    /// Federation: an API key of the caller's tenant by id (admins only); null for unknown ids.
    #[graphql(entity)]
    async fn find_api_key_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<Option<ApiKey>> {
        access::read_as(ctx, ADMINS)?;
        let Ok(ref_id) = parse_ref_id("id", &id) else {
            return Ok(None);
        };
        let key = loaders(ctx)?
            .by_ref::<api_keys::Entity>(false)
            .load_one(ref_id.into_string())
            .await?;
        Ok(key.map(ApiKey::from))
    }
}
