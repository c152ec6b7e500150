//! The `DeliverablePeriod` type and its progress.

use crate::plan::activity_type::Activity;
use crate::plan::deliverable_type::Deliverable;
use crate::plan::enums::DeliverablePeriodStatus;
use crate::plan::progress::period_percent;
use async_graphql::{ComplexObject, Context, ID, Result, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use entities::{activities, deliverable_periods, deliverables};
use graph_core::loaders::{children, one};
use uuid::Uuid;

/// One period (month or quarter) of a deliverable: its target and how much is done. One per
/// deliverable and start date. Federated entity.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct DeliverablePeriod {
    /// Public id (ULID).
    pub id: ID,
    /// First day of the period.
    pub period_start: NaiveDate,
    /// Last day of the period.
    pub period_end: NaiveDate,
    /// How many are due (the deliverable's quantity when the period was opened).
    pub target_count: i32,
    /// How many activities of the period completed.
    pub completed_count: i32,
    /// Not started, in progress, completed, at risk or missed.
    pub status: DeliverablePeriodStatus,
    /// When the period was opened.
    pub created_on: DateTime<Utc>,
    /// When the period's counts or status last changed.
    pub updated_on: Option<DateTime<Utc>>,
    /// The period's internal id (its activities point at it).
    #[graphql(skip)]
    pub(crate) internal_id: Uuid,
    /// The internal id of its deliverable.
    #[graphql(skip)]
    pub(crate) deliverable_id: Uuid,
}

impl From<deliverable_periods::Model> for DeliverablePeriod {
    fn from(row: deliverable_periods::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            period_start: row.period_start,
            period_end: row.period_end,
            target_count: i32::from(row.target_count),
            completed_count: i32::from(row.completed_count),
            status: row.status.into(),
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            internal_id: row.id,
            deliverable_id: row.deliverable_id,
        }
    }
}

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

/// The period's relations (through the request's loaders) and its progress.
#[ComplexObject]
impl DeliverablePeriod {
    /// The deliverable this period tracks.
    async fn deliverable(&self, ctx: &Context<'_>) -> Result<Option<Deliverable>> {
        Ok(one::<deliverables::Entity>(ctx, Some(self.deliverable_id))
            .await?
            .map(Deliverable::from))
    }

    /// Target, completed and percent in one object (what a progress bar needs).
    async fn progress(&self) -> PeriodProgress {
        PeriodProgress {
            target: self.target_count,
            completed: self.completed_count,
            percent: period_percent(self.completed_count, self.target_count),
            status: self.status,
        }
    }

    /// The period's activities (sub-activities included), oldest first; cancelled ones are
    /// not included. At most the first 500 — `activities(filter: { deliverablePeriodId })`
    /// pages through all.
    async fn activities(&self, ctx: &Context<'_>) -> Result<Vec<Activity>> {
        let rows = children::<activities::Entity>(
            ctx,
            activities::Column::DeliverablePeriodId,
            self.internal_id,
        )
        .await?;
        Ok(rows.into_iter().map(Activity::from).collect())
    }
}

graph_core::connection_type!(
    DeliverablePeriodConnection,
    DeliverablePeriodEdge,
    DeliverablePeriod
);
