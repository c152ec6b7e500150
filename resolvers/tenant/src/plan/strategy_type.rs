//! The `Strategy` type.

use crate::identity::User;
use crate::plan::deliverable_type::Deliverable;
use crate::plan::enums::StrategyStatus;
use crate::plan::goal_type::Goal;
use async_graphql::{ComplexObject, Context, ID, Result, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use entities::{deliverables, strategies, users};
use graph_core::loaders::{children, one};
use uuid::Uuid;

/// The tenant's marketing strategy, in versions: drafted (often by the Strategist agent),
/// submitted, approved by an admin (then `ACTIVE`, the previous active version `ARCHIVED`).
/// Federated entity.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct Strategy {
    /// Public id (ULID).
    pub id: ID,
    /// Version number, 1 for the tenant's first strategy, one more for each new one.
    pub version: i32,
    /// Draft, awaiting approval, active or archived.
    pub status: StrategyStatus,
    /// The strategy in a few paragraphs.
    pub summary: Option<String>,
    /// Why these goals and deliverables were chosen.
    pub rationale: Option<String>,
    /// The strategy's horizon in months (e.g. 6).
    pub period_months: Option<i32>,
    /// First day the strategy applies.
    pub start_date: Option<NaiveDate>,
    /// Last day the strategy applies.
    pub end_date: Option<NaiveDate>,
    /// When it was approved; null until approved.
    pub approved_on: Option<DateTime<Utc>>,
    /// When the strategy was created.
    pub created_on: DateTime<Utc>,
    /// When the strategy last changed.
    pub updated_on: Option<DateTime<Utc>>,
    /// The strategy's internal id (its goals and deliverables point at it).
    #[graphql(skip)]
    pub(crate) internal_id: Uuid,
    /// The internal id of the admin who approved it.
    #[graphql(skip)]
    pub(crate) approved_by_id: Option<Uuid>,
}

impl From<strategies::Model> for Strategy {
    fn from(row: strategies::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            version: i32::from(row.version),
            status: row.status.into(),
            summary: row.summary,
            rationale: row.rationale,
            period_months: row.period_months.map(i32::from),
            start_date: row.start_date,
            end_date: row.end_date,
            approved_on: row.approved_on.map(|at| at.to_utc()),
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            internal_id: row.id,
            approved_by_id: row.approved_by,
        }
    }
}

/// The strategy's relations, through the request's loaders.
#[ComplexObject]
impl Strategy {
    /// The admin who approved it; null until approved.
    async fn approved_by(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        Ok(one::<users::Entity>(ctx, self.approved_by_id)
            .await?
            .map(User::from))
    }

    /// The goals of the strategy, highest priority first (deleted goals are not included); at
    /// most 500.
    async fn goals(&self, ctx: &Context<'_>) -> Result<Vec<Goal>> {
        Goal::of_strategy(ctx, self.internal_id).await
    }

    /// Every deliverable of the strategy, across its goals, oldest first (deleted ones are not
    /// included; disabled ones are, with `isActive` false); at most the first 500.
    async fn deliverables(&self, ctx: &Context<'_>) -> Result<Vec<Deliverable>> {
        let rows = children::<deliverables::Entity>(
            ctx,
            deliverables::Column::StrategyId,
            self.internal_id,
        )
        .await?;
        Ok(rows.into_iter().map(Deliverable::from).collect())
    }
}

graph_core::connection_type!(StrategyConnection, StrategyEdge, Strategy);
