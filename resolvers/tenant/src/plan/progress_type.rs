//! `StrategyProgress`: the mobile app's one screen — how every goal of a strategy is doing and
//! what this period's deliverables have produced — in one query.

use crate::plan::goal_type::Goal;
use crate::plan::period_type::DeliverablePeriod;
use crate::plan::strategy_type::Strategy;
use async_graphql::{ComplexObject, Context, Result, SimpleObject};
use entities::{deliverable_periods, deliverables, strategies};
use graph_core::loaders::{children, loaders};

/// Progress of one strategy: its goals (with `progress`) and the deliverable periods that
/// contain today (with `progress`). Built for the mobile goal-progress screen.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct StrategyProgress {
    /// The strategy.
    pub strategy: Strategy,
}

impl From<strategies::Model> for StrategyProgress {
    fn from(row: strategies::Model) -> Self {
        Self {
            strategy: Strategy::from(row),
        }
    }
}

/// The strategy's goals and current periods, through the request's loaders.
#[ComplexObject]
impl StrategyProgress {
    /// Its goals, highest priority first; select `progress` for the numbers.
    async fn goals(&self, ctx: &Context<'_>) -> Result<Vec<Goal>> {
        Goal::of_strategy(ctx, self.strategy.internal_id).await
    }

    /// The periods containing today of its active deliverables, in deliverable order.
    async fn current_periods(&self, ctx: &Context<'_>) -> Result<Vec<DeliverablePeriod>> {
        let today = chrono::Utc::now().date_naive();
        let deliverables = children::<deliverables::Entity>(
            ctx,
            deliverables::Column::StrategyId,
            self.strategy.internal_id,
        )
        .await?;
        let ids: Vec<_> = deliverables
            .iter()
            .filter(|deliverable| deliverable.is_active)
            .map(|deliverable| deliverable.id)
            .collect();
        let periods = loaders(ctx)?
            .latest_by_parent::<deliverable_periods::Entity>(
                deliverable_periods::Column::DeliverableId,
            )
            .load_many(ids.iter().copied())
            .await?;
        Ok(ids
            .iter()
            .filter_map(|id| periods.get(id))
            .flat_map(|rows| {
                rows.iter()
                    .filter(|period| period.period_start <= today && today <= period.period_end)
                    .cloned()
            })
            .map(DeliverablePeriod::from)
            .collect())
    }
}
