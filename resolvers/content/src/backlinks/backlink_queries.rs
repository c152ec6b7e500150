//! `BacklinkQuery`: the tenant's backlinks — the filtered list, one by id — and the federation
//! look-up of `Backlink`. Every filter is served by an index that leads with `tenant_id`, then
//! the filter's columns, and ends with `ref_id` (migration `m20261130_000018`).

use crate::backlinks::backlink_type::{Backlink, BacklinkConnection};
use crate::backlinks::enums::{BacklinkLinkType, BacklinkOutreachStatus};
use async_graphql::{Context, ID, InputObject, Object, Result};
use entities::sea_orm_active_enums as db;
use entities::{activities, backlinks, deliverables};
use graph_core::access;
use graph_core::db::refers_to;
use graph_core::loaders::lookup;
use graph_core::pagination::{PageArgs, list};
use sea_orm::ColumnTrait;

/// Which backlinks to list; every given criterion must hold.
#[derive(InputObject, Default, Debug)]
pub struct BacklinkFilter {
    /// Only backlinks in this outreach status.
    pub outreach_status: Option<BacklinkOutreachStatus>,
    /// Only backlinks live (true) or not live (false) at their last check.
    pub is_live: Option<bool>,
    /// Only backlinks whose linking page was (true) or was not (false) indexed at the last
    /// check.
    pub is_indexed: Option<bool>,
    /// Only backlinks of this link type.
    pub link_type: Option<BacklinkLinkType>,
    /// Only backlinks of this deliverable (an unknown id matches nothing).
    pub deliverable_id: Option<ID>,
    /// Only backlinks produced by this activity (an unknown id matches nothing).
    pub activity_id: Option<ID>,
}

/// The backlink part of the backlinks `Query`.
#[derive(Default)]
pub struct BacklinkQuery;

/// Reads of backlinks.
#[Object]
impl BacklinkQuery {
    /// The tenant's backlinks, oldest first, as a Relay connection (deleted ones hidden).
    async fn backlinks(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only backlinks matching this.")] filter: Option<BacklinkFilter>,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return backlinks after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return backlinks before this one.")] before: Option<String>,
    ) -> Result<BacklinkConnection> {
        let session = access::read(ctx)?;
        let filter = filter.unwrap_or_default();
        let args = PageArgs::new(after, before, first, last);
        Ok(list(
            ctx,
            session,
            args,
            |tx| {
                use backlinks::Column as C;
                let mut select = tx.select::<backlinks::Entity>();
                if let Some(status) = filter.outreach_status {
                    select = select
                        .filter(C::OutreachStatus.eq(db::BacklinkOutreachStatus::from(status)));
                }
                if let Some(live) = filter.is_live {
                    select = select.filter(C::IsLive.eq(live));
                }
                if let Some(indexed) = filter.is_indexed {
                    select = select.filter(C::IsIndexed.eq(indexed));
                }
                if let Some(kind) = filter.link_type {
                    select = select.filter(C::LinkType.eq(db::BacklinkLinkType::from(kind)));
                }
                if let Some(id) = &filter.deliverable_id {
                    select = select.filter(refers_to::<deliverables::Entity>(
                        tx,
                        C::DeliverableId,
                        "deliverableId",
                        id,
                    )?);
                }
                if let Some(id) = &filter.activity_id {
                    select = select.filter(refers_to::<activities::Entity>(
                        tx,
                        C::ActivityId,
                        "activityId",
                        id,
                    )?);
                }
                Ok(select)
            },
            Backlink::from,
        )
        .await?)
    }

    /// One backlink by id; null when there is none. Deleted backlinks are returned to admins
    /// only.
    async fn backlink(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The backlink's id.")] id: ID,
    ) -> Result<Option<Backlink>> {
        Ok(lookup::<backlinks::Entity>(ctx, &id, false)
            .await?
            .map(Backlink::from))
    }

    /// Federation: a backlink of the caller's tenant; null for unknown ids.
    #[graphql(entity)]
    async fn find_backlink_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Backlink>> {
        Ok(lookup::<backlinks::Entity>(ctx, &id, true)
            .await?
            .map(Backlink::from))
    }
}
