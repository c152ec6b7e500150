//! `StrategyProgress`: the mobile app's one screen — how every goal of a strategy is doing and
//! what this period's deliverables have produced — in one query.

use graph_core::loaders::loaders;
use crate::plan::goal_type::Goal;
use crate::plan::period_type::DeliverablePeriod;
use crate::plan::relations;
use crate::plan::strategy_type::Strategy;
use async_graphql::{Context, Object, Result};
use entities::{deliverable_periods, deliverables, strategies};

/// Progress of one strategy: its goals (with `progress`) and the deliverable periods that
/// contain today (with `progress`). Built for the mobile goal-progress screen.
#[derive(Clone, Debug)]
pub struct StrategyProgress(strategies::Model);

impl StrategyProgress {
    /// The progress of `strategy`.
    pub(crate) fn new(strategy: strategies::Model) -> Self {
        Self(strategy)
    }
}

/// Progress of one strategy: its goals (with `progress`) and the deliverable periods that
/// contain today (with `progress`). Built for the mobile goal-progress screen.
#[Object]
impl StrategyProgress {
    /// The strategy.
    async fn strategy(&self) -> Strategy {
        Strategy(self.0.clone())
    }

    /// Its goals, highest priority first; select `progress` for the numbers.
    async fn goals(&self, ctx: &Context<'_>) -> Result<Vec<Goal>> {
        Goal::of_strategy(ctx, self.0.id).await
    }

    /// The periods containing today of its active deliverables, in deliverable order.
    async fn current_periods(&self, ctx: &Context<'_>) -> Result<Vec<DeliverablePeriod>> {
        let today = chrono::Utc::now().date_naive();
        let deliverables = relations::children::<deliverables::Entity>(
            ctx,
            deliverables::Column::StrategyId,
            self.0.id,
        )
        .await?;
        let ids: Vec<_> = deliverables
            .iter()
            .filter(|deliverable| deliverable.is_active)
            .map(|deliverable| deliverable.id)
            .collect();
        let periods = loaders(ctx)?
            .by_parent::<deliverable_periods::Entity>(deliverable_periods::Column::DeliverableId)
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
            .map(DeliverablePeriod)
            .collect())
    }
}
