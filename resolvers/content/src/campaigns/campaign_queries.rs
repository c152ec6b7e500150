//! `CampaignQuery`: the tenant's campaigns — the filtered list, one by id — and the federation
//! look-ups of `Campaign` and of the `Strategy` and `Goal` stubs.

use crate::campaigns::campaign_type::{Campaign, CampaignConnection};
use crate::campaigns::enums::CampaignStatus;
use crate::campaigns::stubs::{Goal, Strategy};
use async_graphql::{Context, ID, InputObject, Object, Result};
use entities::sea_orm_active_enums as db;
use entities::{campaigns, goals, strategies};
use graph_core::access;
use graph_core::db::refers_to;
use graph_core::loaders::lookup;
use graph_core::pagination::{PageArgs, list};
use sea_orm::ColumnTrait;

/// Which campaigns to list; every given criterion must hold.
#[derive(InputObject, Default, Debug)]
pub struct CampaignFilter {
    /// Only campaigns in this status.
    pub status: Option<CampaignStatus>,
    /// Only campaigns of this strategy.
    pub strategy_id: Option<ID>,
    /// Only campaigns of this goal.
    pub goal_id: Option<ID>,
}

/// The campaign part of the campaigns `Query`.
#[derive(Default)]
pub struct CampaignQuery;

/// Reads of campaigns.
#[Object]
impl CampaignQuery {
    /// The tenant's campaigns, oldest first, as a Relay connection (deleted ones hidden).
    async fn campaigns(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only campaigns matching this.")] filter: Option<CampaignFilter>,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return campaigns after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return campaigns before this one.")] before: Option<String>,
    ) -> Result<CampaignConnection> {
        let session = access::read(ctx)?;
        let filter = filter.unwrap_or_default();
        let args = PageArgs::new(after, before, first, last);
        Ok(list(
            ctx,
            session,
            args,
            |tx| {
                use campaigns::Column as C;
                let mut select = tx.select::<campaigns::Entity>();
                if let Some(status) = filter.status {
                    select = select.filter(C::Status.eq(db::CampaignStatus::from(status)));
                }
                if let Some(id) = &filter.strategy_id {
                    select = select.filter(refers_to::<strategies::Entity>(
                        tx,
                        (campaigns::Entity, C::StrategyId),
                        "strategyId",
                        id,
                    )?);
                }
                if let Some(id) = &filter.goal_id {
                    select = select.filter(refers_to::<goals::Entity>(
                        tx,
                        (campaigns::Entity, C::GoalId),
                        "goalId",
                        id,
                    )?);
                }
                Ok(select)
            },
            Campaign::from,
        )
        .await?)
    }

    /// One campaign by id; null when there is none. Deleted campaigns are returned to admins
    /// only.
    async fn campaign(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The campaign's id.")] id: ID,
    ) -> Result<Option<Campaign>> {
        Ok(lookup::<campaigns::Entity>(ctx, &id, false)
            .await?
            .map(Campaign::from))
    }

    /// Federation: a campaign of the caller's tenant; null for unknown ids.
    #[graphql(entity)]
    async fn find_campaign_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Campaign>> {
        Ok(lookup::<campaigns::Entity>(ctx, &id, true)
            .await?
            .map(Campaign::from))
    }

    /// Federation: a strategy of the caller's tenant (a stub: the tenant subgraph has its
    /// fields); null for unknown ids.
    #[graphql(entity)]
    async fn find_strategy_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Strategy>> {
        Ok(lookup::<strategies::Entity>(ctx, &id, true)
            .await?
            .map(Strategy::from))
    }

    /// Federation: a goal of the caller's tenant (a stub: the tenant subgraph has its fields);
    /// null for unknown ids.
    #[graphql(entity)]
    async fn find_goal_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Goal>> {
        Ok(lookup::<goals::Entity>(ctx, &id, true)
            .await?
            .map(Goal::from))
    }
}
