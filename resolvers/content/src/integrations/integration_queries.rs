//! `IntegrationQuery`: the tenant's integrations — the filtered list, one by id — and the
//! federation look-up of `Integration`. Admins only.

use crate::integrations::enums::IntegrationType;
use crate::integrations::integration_type::{Integration, IntegrationConnection};
use async_graphql::{Context, ID, InputObject, Object, Result};
use entities::integrations;
use entities::sea_orm_active_enums as db;
use graph_core::access::{self, ADMINS};
use graph_core::loaders::lookup;
use graph_core::pagination::{PageArgs, list};
use sea_orm::ColumnTrait;

/// Which integrations to list; every given criterion must hold.
#[derive(InputObject, Default, Debug)]
pub struct IntegrationFilter {
    /// Only integrations of this provider.
    pub integration_type: Option<IntegrationType>,
    /// Only active (true) or inactive (false) integrations.
    pub is_active: Option<bool>,
}

/// The integration part of the integrations `Query`.
#[derive(Default)]
pub struct IntegrationQuery;

/// Reads of integrations (admins only).
#[Object]
impl IntegrationQuery {
    /// The tenant's integrations, oldest first, as a Relay connection (admins only).
    async fn integrations(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only integrations matching this.")] filter: Option<IntegrationFilter>,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return integrations after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return integrations before this one.")] before: Option<String>,
    ) -> Result<IntegrationConnection> {
        let session = access::read_as(ctx, ADMINS)?;
        let filter = filter.unwrap_or_default();
        let args = PageArgs::new(after, before, first, last);
        Ok(list(
            ctx,
            session,
            args,
            |tx| {
                use integrations::Column as C;
                let mut select = tx.select::<integrations::Entity>();
                if let Some(kind) = filter.integration_type {
                    select = select.filter(C::IntegrationType.eq(db::IntegrationType::from(kind)));
                }
                if let Some(active) = filter.is_active {
                    select = select.filter(C::IsActive.eq(active));
                }
                Ok(select)
            },
            Integration::from,
        )
        .await?)
    }

    /// One integration by id (admins only); null when there is none.
    async fn integration(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The integration's id.")] id: ID,
    ) -> Result<Option<Integration>> {
        access::read_as(ctx, ADMINS)?;
        Ok(lookup::<integrations::Entity>(ctx, &id, false)
            .await?
            .map(Integration::from))
    }

    /// Federation: an integration of the caller's tenant (admins only); null for unknown ids.
    #[graphql(entity)]
    async fn find_integration_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<Option<Integration>> {
        access::read_as(ctx, ADMINS)?;
        Ok(lookup::<integrations::Entity>(ctx, &id, true)
            .await?
            .map(Integration::from))
    }
}
