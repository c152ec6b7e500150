//! The `Goal` type and its progress.

use crate::plan::activity_type::Activity;
use crate::plan::deliverable_type::Deliverable;
use crate::plan::enums::{GoalPeriod, GoalStatus};
use crate::plan::progress::goal_percent;
use crate::plan::strategy_type::Strategy;
use async_graphql::{ComplexObject, Context, ID, Result, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use entities::{activities, deliverables, goals, strategies};
use graph_core::loaders::{children, one};
use graph_core::scalars::DecimalValue;
use uuid::Uuid;

/// An outcome the strategy aims for ("Increase organic website traffic"), measured by a metric
/// from a baseline towards a target. Federated entity.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct Goal {
    /// Public id (ULID).
    pub id: ID,
    /// Short name of the outcome.
    pub name: String,
    /// Longer explanation.
    pub description: Option<String>,
    /// What is measured (`organic_sessions`, `keyword_rankings`, `domain_authority`, …).
    pub metric: String,
    /// The value aimed for.
    pub target_value: Option<DecimalValue>,
    /// The value when the strategy started.
    pub baseline_value: Option<DecimalValue>,
    /// The latest measured value.
    pub current_value: Option<DecimalValue>,
    /// The period the target refers to.
    pub period: GoalPeriod,
    /// When the target should be reached.
    pub target_date: Option<NaiveDate>,
    /// How the goal is doing.
    pub status: GoalStatus,
    /// Order within the strategy: 1 is the most important.
    pub priority: i32,
    /// When the goal was created.
    pub created_on: DateTime<Utc>,
    /// When the goal last changed.
    pub updated_on: Option<DateTime<Utc>>,
    /// When the goal was deleted; null for live goals (deleted goals are shown to admins who ask).
    pub deleted_on: Option<DateTime<Utc>>,
    /// The goal's internal id (its deliverables and activities point at it).
    #[graphql(skip)]
    pub(crate) internal_id: Uuid,
    /// The internal id of its strategy.
    #[graphql(skip)]
    pub(crate) strategy_id: Uuid,
}

impl From<goals::Model> for Goal {
    fn from(row: goals::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            name: row.name,
            description: row.description,
            metric: row.metric,
            target_value: row.target_value.map(DecimalValue),
            baseline_value: row.baseline_value.map(DecimalValue),
            current_value: row.current_value.map(DecimalValue),
            period: row.period.into(),
            target_date: row.target_date,
            status: row.status.into(),
            priority: i32::from(row.priority),
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            deleted_on: row.deleted_on.map(|at| at.to_utc()),
            internal_id: row.id,
            strategy_id: row.strategy_id,
        }
    }
}

impl Goal {
    /// The live goals of a strategy, highest priority first, through the request's loader.
    pub(crate) async fn of_strategy(ctx: &Context<'_>, strategy_id: Uuid) -> Result<Vec<Goal>> {
        let mut rows =
            children::<goals::Entity>(ctx, goals::Column::StrategyId, strategy_id).await?;
        rows.sort_by(|a, b| (a.priority, &a.ref_id).cmp(&(b.priority, &b.ref_id)));
        Ok(rows.into_iter().map(Goal::from).collect())
    }
}

/// How far a goal has come from its baseline towards its target.
#[derive(SimpleObject, Clone, Debug)]
pub struct GoalProgress {
    /// The metric's value when the strategy started.
    pub baseline: Option<DecimalValue>,
    /// The metric's latest value (written by the Data Analyst agent).
    pub current: Option<DecimalValue>,
    /// The value the goal aims for.
    pub target: Option<DecimalValue>,
    /// `(current − baseline) / (target − baseline) × 100`, rounded to one decimal: negative
    /// below the baseline, above 100 beyond the target. Null when a value is missing or the
    /// target equals the baseline.
    pub percent: Option<f64>,
}

/// The goal's relations (through the request's loaders) and its progress.
#[ComplexObject]
impl Goal {
    /// The strategy the goal belongs to.
    async fn strategy(&self, ctx: &Context<'_>) -> Result<Option<Strategy>> {
        Ok(one::<strategies::Entity>(ctx, Some(self.strategy_id))
            .await?
            .map(Strategy::from))
    }

    /// Baseline, current value, target and percent of the way covered.
    async fn progress(&self) -> GoalProgress {
        let value = |value: Option<DecimalValue>| value.map(|value| value.0);
        GoalProgress {
            baseline: self.baseline_value,
            current: self.current_value,
            target: self.target_value,
            percent: goal_percent(
                value(self.baseline_value),
                value(self.current_value),
                value(self.target_value),
            ),
        }
    }

    /// The deliverables that serve this goal, oldest first (deleted ones are not included); at
    /// most the first 500.
    async fn deliverables(&self, ctx: &Context<'_>) -> Result<Vec<Deliverable>> {
        let rows =
            children::<deliverables::Entity>(ctx, deliverables::Column::GoalId, self.internal_id)
                .await?;
        Ok(rows.into_iter().map(Deliverable::from).collect())
    }

    /// Every activity advancing this goal (across its deliverables' periods, and activities
    /// tied to the goal directly), oldest first; cancelled ones are not included. At most the
    /// first 500 — `activities(filter: { goalId })` pages through all.
    async fn activities(&self, ctx: &Context<'_>) -> Result<Vec<Activity>> {
        let rows =
            children::<activities::Entity>(ctx, activities::Column::GoalId, self.internal_id)
                .await?;
        Ok(rows.into_iter().map(Activity::from).collect())
    }
}
