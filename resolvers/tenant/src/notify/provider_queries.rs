//! `ProviderQuery`: the tenant's notification providers (admins only).

use crate::notify::provider_type::NotificationProvider;
use async_graphql::{Context, ID, Object, Result};
use entities::notification_providers;
use graph_core::access::{self, ADMINS};
use graph_core::ids::parse_ref_id;
use sea_orm::ColumnTrait;

/// The provider part of the notifications `Query`.
#[derive(Default)]
pub struct ProviderQuery;

/// Reads of the tenant's notification providers.
#[Object]
impl ProviderQuery {
    /// The tenant's notification providers, one per configured channel, by channel (admins
    /// only; API keys get `FORBIDDEN`). Configurations are never returned.
    async fn notification_providers(&self, ctx: &Context<'_>) -> Result<Vec<NotificationProvider>> {
        let session = access::read_as(ctx, ADMINS)?;
        let tx = access::begin(ctx, session).await?;
        let rows = tx
            .select::<notification_providers::Entity>()
            .order_by_asc(notification_providers::Column::Channel)
            .all(&tx)
            .await?;
        tx.commit().await?;
        Ok(rows.into_iter().map(NotificationProvider::from).collect())
    }

    /// One notification provider of the tenant by id (admins only); null when there is none.
    async fn notification_provider(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The provider's id.")] id: ID,
    ) -> Result<Option<NotificationProvider>> {
        let session = access::read_as(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?;
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .select::<notification_providers::Entity>()
            .filter(notification_providers::Column::RefId.eq(ref_id.into_string()))
            .one(&tx)
            .await?;
        tx.commit().await?;
        Ok(row.map(NotificationProvider::from))
    }
}
