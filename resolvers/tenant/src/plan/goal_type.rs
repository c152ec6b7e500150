//! The `Goal` type and its progress.

use graph_core::scalars::DecimalValue;
use crate::plan::activity_type::Activity;
use crate::plan::deliverable_type::Deliverable;
use crate::plan::enums::{GoalPeriod, GoalStatus};
use crate::plan::progress::goal_percent;
use crate::plan::relations;
use crate::plan::strategy_type::Strategy;
use async_graphql::{Context, ID, Object, Result, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use entities::{activities, deliverables, goals, strategies};

/// An outcome the strategy aims for ("Increase organic website traffic"), measured by a metric
/// from a baseline towards a target. Federated entity.
#[derive(Clone, Debug)]
pub struct Goal(pub(crate) goals::Model);

impl Goal {
    /// The live goals of a strategy, highest priority first, through the request's loader.
    pub(crate) async fn of_strategy(
        ctx: &Context<'_>,
        strategy_id: uuid::Uuid,
    ) -> Result<Vec<Goal>> {
        let mut rows =
            relations::children::<goals::Entity>(ctx, goals::Column::StrategyId, strategy_id)
                .await?;
        rows.sort_by(|a, b| (a.priority, &a.ref_id).cmp(&(b.priority, &b.ref_id)));
        Ok(rows.into_iter().map(Goal).collect())
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

/// An outcome the strategy aims for ("Increase organic website traffic"), measured by a metric
/// from a baseline towards a target. Federated entity.
#[Object]
impl Goal {
    /// Public id (ULID).
    async fn id(&self) -> ID {
        ID(self.0.ref_id.clone())
    }

    /// The strategy the goal belongs to.
    async fn strategy(&self, ctx: &Context<'_>) -> Result<Option<Strategy>> {
        Ok(
            relations::one::<strategies::Entity>(ctx, Some(self.0.strategy_id))
                .await?
                .map(Strategy),
        )
    }

    /// Short name of the outcome.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// Longer explanation.
    async fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }

    /// What is measured (`organic_sessions`, `keyword_rankings`, `domain_authority`, …).
    async fn metric(&self) -> &str {
        &self.0.metric
    }

    /// The value aimed for.
    async fn target_value(&self) -> Option<DecimalValue> {
        self.0.target_value.map(DecimalValue)
    }

    /// The value when the strategy started.
    async fn baseline_value(&self) -> Option<DecimalValue> {
        self.0.baseline_value.map(DecimalValue)
    }

    /// The latest measured value.
    async fn current_value(&self) -> Option<DecimalValue> {
        self.0.current_value.map(DecimalValue)
    }

    /// The period the target refers to.
    async fn period(&self) -> GoalPeriod {
        self.0.period.clone().into()
    }

    /// When the target should be reached.
    async fn target_date(&self) -> Option<NaiveDate> {
        self.0.target_date
    }

    /// How the goal is doing.
    async fn status(&self) -> GoalStatus {
        self.0.status.clone().into()
    }

    /// Order within the strategy: 1 is the most important.
    async fn priority(&self) -> i32 {
        i32::from(self.0.priority)
    }

    /// Baseline, current value, target and percent of the way covered.
    async fn progress(&self) -> GoalProgress {
        GoalProgress {
            baseline: self.0.baseline_value.map(DecimalValue),
            current: self.0.current_value.map(DecimalValue),
            target: self.0.target_value.map(DecimalValue),
            percent: goal_percent(
                self.0.baseline_value,
                self.0.current_value,
                self.0.target_value,
            ),
        }
    }

    /// The deliverables that serve this goal, oldest first (deleted ones are not included).
    async fn deliverables(&self, ctx: &Context<'_>) -> Result<Vec<Deliverable>> {
        let rows = relations::children::<deliverables::Entity>(
            ctx,
            deliverables::Column::GoalId,
            self.0.id,
        )
        .await?;
        Ok(rows.into_iter().map(Deliverable).collect())
    }

    /// Every activity advancing this goal (across its deliverables' periods, and activities
    /// tied to the goal directly), oldest first; cancelled ones are not included.
    async fn activities(&self, ctx: &Context<'_>) -> Result<Vec<Activity>> {
        let rows =
            relations::children::<activities::Entity>(ctx, activities::Column::GoalId, self.0.id)
                .await?;
        Ok(rows.into_iter().map(Activity).collect())
    }

    /// When the goal was created.
    async fn created_on(&self) -> DateTime<Utc> {
        self.0.created_on.to_utc()
    }

    /// When the goal last changed.
    async fn updated_on(&self) -> Option<DateTime<Utc>> {
        self.0.updated_on.map(|at| at.to_utc())
    }

    /// When the goal was deleted; null for live goals (deleted goals are shown to admins who ask).
    async fn deleted_on(&self) -> Option<DateTime<Utc>> {
        self.0.deleted_on.map(|at| at.to_utc())
    }
}
