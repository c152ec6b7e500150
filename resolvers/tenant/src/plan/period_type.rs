//! The `DeliverablePeriod` type and its progress.

use crate::plan::activity_type::Activity;
use crate::plan::deliverable_type::Deliverable;
use crate::plan::enums::DeliverablePeriodStatus;
use crate::plan::progress::period_percent;
use crate::plan::relations;
use async_graphql::{Context, ID, Object, Result, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use entities::{activities, deliverable_periods, deliverables};

/// One period (month or quarter) of a deliverable: its target and how much is done. One per
/// deliverable and start date. Federated entity.
#[derive(Clone, Debug)]
pub struct DeliverablePeriod(pub(crate) deliverable_periods::Model);

/// Target, completed count and percent of one deliverable period.
#[derive(SimpleObject, Clone, Debug)]
pub struct PeriodProgress {
    /// How many are due this period.
    pub target: i32,
    /// How many activities of the period completed.
    pub completed: i32,
    /// `completed / target × 100`, one decimal; null for a target of zero.
    pub percent: Option<f64>,
    /// The period's status.
    pub status: DeliverablePeriodStatus,
}

/// One period (month or quarter) of a deliverable: its target and how much is done. One per
/// deliverable and start date. Federated entity.
#[Object]
impl DeliverablePeriod {
    /// Public id (ULID).
    async fn id(&self) -> ID {
        ID(self.0.ref_id.clone())
    }

    /// The deliverable this period tracks.
    async fn deliverable(&self, ctx: &Context<'_>) -> Result<Option<Deliverable>> {
        Ok(
            relations::one::<deliverables::Entity>(ctx, Some(self.0.deliverable_id))
                .await?
                .map(Deliverable),
        )
    }

    /// First day of the period.
    async fn period_start(&self) -> NaiveDate {
        self.0.period_start
    }

    /// Last day of the period.
    async fn period_end(&self) -> NaiveDate {
        self.0.period_end
    }

    /// How many are due (the deliverable's quantity when the period was opened).
    async fn target_count(&self) -> i32 {
        i32::from(self.0.target_count)
    }

    /// How many activities of the period completed.
    async fn completed_count(&self) -> i32 {
        i32::from(self.0.completed_count)
    }

    /// Not started, in progress, completed, at risk or missed.
    async fn status(&self) -> DeliverablePeriodStatus {
        self.0.status.clone().into()
    }

    /// Target, completed and percent in one object (what a progress bar needs).
    async fn progress(&self) -> PeriodProgress {
        PeriodProgress {
            target: i32::from(self.0.target_count),
            completed: i32::from(self.0.completed_count),
            percent: period_percent(self.0.completed_count, self.0.target_count),
            status: self.0.status.clone().into(),
        }
    }

    /// The period's activities (sub-activities included), oldest first; cancelled ones are
    /// not included.
    async fn activities(&self, ctx: &Context<'_>) -> Result<Vec<Activity>> {
        let rows = relations::children::<activities::Entity>(
            ctx,
            activities::Column::DeliverablePeriodId,
            self.0.id,
        )
        .await?;
        Ok(rows.into_iter().map(Activity).collect())
    }

    /// When the period was opened.
    async fn created_on(&self) -> DateTime<Utc> {
        self.0.created_on.to_utc()
    }

    /// When the period's counts or status last changed.
    async fn updated_on(&self) -> Option<DateTime<Utc>> {
        self.0.updated_on.map(|at| at.to_utc())
    }
}

graph_core::connection_type!(
    DeliverablePeriodConnection,
    DeliverablePeriodEdge,
    DeliverablePeriod
);
