//! The `Deliverable` type.

use crate::plan::enums::{DeliverableCadence, DeliverableType};
use crate::plan::goal_type::Goal;
use crate::plan::period_type::DeliverablePeriod;
use crate::plan::relations;
use crate::plan::strategy_type::Strategy;
use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, Utc};
use entities::{deliverable_periods, goals, strategies};

/// A fixed recurring commitment serving a goal: what is produced every period ("10 blog posts a
/// month"). Tracked per period in `periods`. Federated entity.
#[derive(Clone, Debug)]
pub struct Deliverable(pub(crate) entities::deliverables::Model);

/// A fixed recurring commitment serving a goal: what is produced every period ("10 blog posts a
/// month"). Tracked per period in `periods`. Federated entity.
#[Object]
impl Deliverable {
    /// Public id (ULID).
    async fn id(&self) -> ID {
        ID(self.0.ref_id.clone())
    }

    /// The goal this deliverable mainly serves.
    async fn goal(&self, ctx: &Context<'_>) -> Result<Option<Goal>> {
        Ok(relations::one::<goals::Entity>(ctx, Some(self.0.goal_id))
            .await?
            .map(Goal))
    }

    /// The strategy (the goal's).
    async fn strategy(&self, ctx: &Context<'_>) -> Result<Option<Strategy>> {
        Ok(
            relations::one::<strategies::Entity>(ctx, Some(self.0.strategy_id))
                .await?
                .map(Strategy),
        )
    }

    /// What is produced.
    async fn r#type(&self) -> DeliverableType {
        self.0.r#type.clone().into()
    }

    /// Human label ("Monthly Blog Posts").
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// How many are due each period (applies to periods opened after a change).
    async fn quantity_per_period(&self) -> i32 {
        i32::from(self.0.quantity_per_period)
    }

    /// Monthly or quarterly.
    async fn cadence(&self) -> DeliverableCadence {
        self.0.period.clone().into()
    }

    /// The platforms it targets (`wordpress`, `linkedin`, …).
    async fn platforms(&self) -> &[String] {
        &self.0.platforms
    }

    /// False once disabled mid-strategy: no new periods are opened for it.
    async fn is_active(&self) -> bool {
        self.0.is_active
    }

    /// Its periods, newest first.
    async fn periods(&self, ctx: &Context<'_>) -> Result<Vec<DeliverablePeriod>> {
        let rows = relations::children::<deliverable_periods::Entity>(
            ctx,
            deliverable_periods::Column::DeliverableId,
            self.0.id,
        )
        .await?;
        let mut periods: Vec<_> = rows.into_iter().map(DeliverablePeriod).collect();
        periods.sort_by_key(|period| std::cmp::Reverse(period.0.period_start));
        Ok(periods)
    }

    /// The period containing today, if one is open.
    async fn current_period(&self, ctx: &Context<'_>) -> Result<Option<DeliverablePeriod>> {
        let today = Utc::now().date_naive();
        let rows = relations::children::<deliverable_periods::Entity>(
            ctx,
            deliverable_periods::Column::DeliverableId,
            self.0.id,
        )
        .await?;
        Ok(rows
            .into_iter()
            .find(|period| period.period_start <= today && today <= period.period_end)
            .map(DeliverablePeriod))
    }

    /// When the deliverable was created.
    async fn created_on(&self) -> DateTime<Utc> {
        self.0.created_on.to_utc()
    }

    /// When the deliverable last changed.
    async fn updated_on(&self) -> Option<DateTime<Utc>> {
        self.0.updated_on.map(|at| at.to_utc())
    }
}
