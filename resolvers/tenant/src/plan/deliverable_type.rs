//! The `Deliverable` type.

use crate::plan::enums::{DeliverableCadence, DeliverableType};
use crate::plan::goal_type::Goal;
use crate::plan::period_type::DeliverablePeriod;
use crate::plan::strategy_type::Strategy;
use async_graphql::{ComplexObject, Context, ID, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entities::{deliverable_periods, deliverables, goals, strategies};
use graph_core::loaders::{latest_children, one};
use uuid::Uuid;

/// A fixed recurring commitment serving a goal: what is produced every period ("10 blog posts a
/// month"). Tracked per period in `periods`. Federated entity.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct Deliverable {
    /// Public id (ULID).
    pub id: ID,
    /// What is produced.
    pub r#type: DeliverableType,
    /// Human label ("Monthly Blog Posts").
    pub name: String,
    /// How many are due each period (applies to periods opened after a change).
    pub quantity_per_period: i32,
    /// Monthly or quarterly.
    pub cadence: DeliverableCadence,
    /// The platforms it targets (`wordpress`, `linkedin`, …).
    pub platforms: Vec<String>,
    /// False once disabled mid-strategy: no new periods are opened for it.
    pub is_active: bool,
    /// When the deliverable was created.
    pub created_on: DateTime<Utc>,
    /// When the deliverable last changed.
    pub updated_on: Option<DateTime<Utc>>,
    /// The deliverable's internal id (its periods point at it).
    #[graphql(skip)]
    pub(crate) internal_id: Uuid,
    /// The internal id of the goal it serves.
    #[graphql(skip)]
    pub(crate) goal_id: Uuid,
    /// The internal id of its strategy.
    #[graphql(skip)]
    pub(crate) strategy_id: Uuid,
}

impl From<deliverables::Model> for Deliverable {
    fn from(row: deliverables::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            r#type: row.r#type.into(),
            name: row.name,
            quantity_per_period: i32::from(row.quantity_per_period),
            cadence: row.period.into(),
            platforms: row.platforms,
            is_active: row.is_active,
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            internal_id: row.id,
            goal_id: row.goal_id,
            strategy_id: row.strategy_id,
        }
    }
}

/// The deliverable's relations (through the request's loaders) and its current period.
#[ComplexObject]
impl Deliverable {
    /// The goal this deliverable mainly serves.
    async fn goal(&self, ctx: &Context<'_>) -> Result<Option<Goal>> {
        Ok(one::<goals::Entity>(ctx, Some(self.goal_id))
            .await?
            .map(Goal::from))
    }

    /// The strategy (the goal's).
    async fn strategy(&self, ctx: &Context<'_>) -> Result<Option<Strategy>> {
        Ok(one::<strategies::Entity>(ctx, Some(self.strategy_id))
            .await?
            .map(Strategy::from))
    }

    /// Its periods, newest first; at most the latest 500 — `deliverablePeriods` pages through
    /// all.
    async fn periods(&self, ctx: &Context<'_>) -> Result<Vec<DeliverablePeriod>> {
        let mut rows = latest_children::<deliverable_periods::Entity>(
            ctx,
            deliverable_periods::Column::DeliverableId,
            self.internal_id,
        )
        .await?;
        rows.sort_by_key(|period| std::cmp::Reverse(period.period_start));
        Ok(rows.into_iter().map(DeliverablePeriod::from).collect())
    }

    /// The period containing today, if one is open.
    async fn current_period(&self, ctx: &Context<'_>) -> Result<Option<DeliverablePeriod>> {
        let today = Utc::now().date_naive();
        let rows = latest_children::<deliverable_periods::Entity>(
            ctx,
            deliverable_periods::Column::DeliverableId,
            self.internal_id,
        )
        .await?;
        Ok(rows
            .into_iter()
            .find(|period| period.period_start <= today && today <= period.period_end)
            .map(DeliverablePeriod::from))
    }
}
