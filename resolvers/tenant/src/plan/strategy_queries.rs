//! `StrategyQuery`: reading strategies — the list, one by id, the active one, the mobile
//! progress screen — and the federation look-up of `Strategy`.

use crate::plan::enums::StrategyStatus;
use crate::plan::lookup::lookup;
use crate::plan::progress_type::StrategyProgress;
use crate::plan::strategy_type::{Strategy, StrategyConnection};
use async_graphql::{Context, ID, Object, Result};
use entities::sea_orm_active_enums as db;
use entities::strategies;
use graph_core::access;
use graph_core::ids::parse_ref_id;
use graph_core::pagination::{PageArgs, list};
use sea_orm::ColumnTrait;

/// The strategy part of the plan's `Query`.
#[derive(Default)]
pub struct StrategyQuery;

/// Reads of strategies and their progress.
#[Object]
impl StrategyQuery {
    /// The tenant's strategies, oldest first, as a Relay connection.
    async fn strategies(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only strategies in this status.")] status: Option<StrategyStatus>,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return strategies after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return strategies before this one.")] before: Option<String>,
    ) -> Result<StrategyConnection> {
        let session = access::read(ctx)?;
        let args = PageArgs::new(after, before, first, last);
        let strategies = list(
            ctx,
            session,
            args,
            |tx| {
                let mut select = tx.select::<strategies::Entity>();
                if let Some(status) = status {
                    select = select
                        .filter(strategies::Column::Status.eq(db::StrategyStatus::from(status)));
                }
                Ok(select)
            },
            Strategy::from,
        )
        .await?;
        Ok(strategies)
    }

    /// One strategy by id; null when there is none.
    async fn strategy(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The strategy's id.")] id: ID,
    ) -> Result<Option<Strategy>> {
        Ok(lookup::<strategies::Entity>(ctx, &id, false)
            .await?
            .map(Strategy::from))
    }

    /// The strategy in force; null when none has been approved yet.
    async fn active_strategy(&self, ctx: &Context<'_>) -> Result<Option<Strategy>> {
        let session = access::read(ctx)?;
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .select::<strategies::Entity>()
            .filter(strategies::Column::Status.eq(db::StrategyStatus::Active))
            .one(&tx)
            .await?;
        tx.commit().await?;
        Ok(row.map(Strategy::from))
    }

    /// Goal progress for the mobile app in one round trip: every goal of a strategy with its
    /// progress, and the deliverable periods containing today. Null when the strategy does not
    /// exist (or, without `strategyId`, when no strategy is active).
    async fn strategy_progress(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The strategy (default: the active one).")] strategy_id: Option<ID>,
    ) -> Result<Option<StrategyProgress>> {
        let session = access::read(ctx)?;
        let ref_id = strategy_id
            .as_ref()
            .map(|id| parse_ref_id("strategyId", id))
            .transpose()?;
        let tx = access::begin(ctx, session).await?;
        let mut select = tx.select::<strategies::Entity>();
        select = match ref_id {
            Some(ref_id) => select.filter(strategies::Column::RefId.eq(ref_id)),
            None => select.filter(strategies::Column::Status.eq(db::StrategyStatus::Active)),
        };
        let strategy = select.one(&tx).await?;
        tx.commit().await?;
        Ok(strategy.map(StrategyProgress::from))
    }

    /// Federation: a strategy of the caller's tenant; null for unknown ids.
    #[graphql(entity)]
    async fn find_strategy_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Strategy>> {
        Ok(lookup::<strategies::Entity>(ctx, &id, true)
            .await?
            .map(Strategy::from))
    }
}
