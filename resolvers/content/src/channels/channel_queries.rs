//! `ChannelQuery`: the tenant's channels — the filtered list, one by id — and the federation
//! look-up of `Channel`.

use crate::channels::channel_type::{Channel, ChannelConnection};
use crate::channels::enums::{ChannelPlatform, ChannelStatus, ChannelType};
use async_graphql::{Context, ID, InputObject, Object, Result};
use entities::channels;
use entities::sea_orm_active_enums as db;
use graph_core::access;
use graph_core::loaders::lookup;
use graph_core::pagination::{PageArgs, list};
use sea_orm::ColumnTrait;

/// Which channels to list; every given criterion must hold.
#[derive(InputObject, Default, Debug)]
pub struct ChannelFilter {
    /// Only channels of this platform.
    pub platform: Option<ChannelPlatform>,
    /// Only channels of this kind.
    pub channel_type: Option<ChannelType>,
    /// Only channels in this status.
    pub status: Option<ChannelStatus>,
}

/// The channel part of the channels `Query`.
#[derive(Default)]
pub struct ChannelQuery;

/// Reads of channels.
#[Object]
impl ChannelQuery {
    /// The tenant's channels, oldest first, as a Relay connection (deleted ones hidden).
    async fn channels(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only channels matching this.")] filter: Option<ChannelFilter>,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return channels after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return channels before this one.")] before: Option<String>,
    ) -> Result<ChannelConnection> {
        let session = access::read(ctx)?;
        let filter = filter.unwrap_or_default();
        let args = PageArgs::new(after, before, first, last);
        Ok(list(
            ctx,
            session,
            args,
            |tx| {
                use channels::Column as C;
                let mut select = tx.select::<channels::Entity>();
                if let Some(platform) = filter.platform {
                    select = select.filter(C::Platform.eq(db::ChannelPlatform::from(platform)));
                }
                if let Some(kind) = filter.channel_type {
                    select = select.filter(C::ChannelType.eq(db::ChannelType::from(kind)));
                }
                if let Some(status) = filter.status {
                    select = select.filter(C::Status.eq(db::ChannelStatus::from(status)));
                }
                Ok(select)
            },
            Channel::from,
        )
        .await?)
    }

    /// One channel by id; null when there is none. Deleted channels are returned to admins
    /// only.
    async fn channel(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The channel's id.")] id: ID,
    ) -> Result<Option<Channel>> {
        Ok(lookup::<channels::Entity>(ctx, &id, false)
            .await?
            .map(Channel::from))
    }

    /// Federation: a channel of the caller's tenant; null for unknown ids.
    #[graphql(entity)]
    async fn find_channel_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Channel>> {
        Ok(lookup::<channels::Entity>(ctx, &id, true)
            .await?
            .map(Channel::from))
    }
}
