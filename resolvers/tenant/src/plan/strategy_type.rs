//! The `Strategy` type.

use crate::plan::deliverable_type::Deliverable;
use crate::plan::enums::StrategyStatus;
use crate::plan::goal_type::Goal;
use crate::plan::relations;
use crate::identity::User;
use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, NaiveDate, Utc};
use entities::{deliverables, strategies, users};

/// The tenant's marketing strategy, in versions: drafted (often by the Strategist agent),
/// submitted, approved by an admin (then `ACTIVE`, the previous active version `ARCHIVED`).
/// Federated entity.
#[derive(Clone, Debug)]
pub struct Strategy(pub(crate) strategies::Model);

/// The tenant's marketing strategy, in versions: drafted (often by the Strategist agent),
/// submitted, approved by an admin (then `ACTIVE`, the previous active version `ARCHIVED`).
/// Federated entity.
#[Object]
impl Strategy {
    /// Public id (ULID).
    async fn id(&self) -> ID {
        ID(self.0.ref_id.clone())
    }

    /// Version number, 1 for the tenant's first strategy, one more for each new one.
    async fn version(&self) -> i32 {
        i32::from(self.0.version)
    }

    /// Draft, awaiting approval, active or archived.
    async fn status(&self) -> StrategyStatus {
        self.0.status.clone().into()
    }

    /// The strategy in a few paragraphs.
    async fn summary(&self) -> Option<&str> {
        self.0.summary.as_deref()
    }

    /// Why these goals and deliverables were chosen.
    async fn rationale(&self) -> Option<&str> {
        self.0.rationale.as_deref()
    }

    /// The strategy's horizon in months (e.g. 6).
    async fn period_months(&self) -> Option<i32> {
        self.0.period_months.map(i32::from)
    }

    /// First day the strategy applies.
    async fn start_date(&self) -> Option<NaiveDate> {
        self.0.start_date
    }

    /// Last day the strategy applies.
    async fn end_date(&self) -> Option<NaiveDate> {
        self.0.end_date
    }

    /// The admin who approved it; null until approved.
    async fn approved_by(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        Ok(relations::one::<users::Entity>(ctx, self.0.approved_by)
            .await?
            .map(User::from))
    }

    /// When it was approved; null until approved.
    async fn approved_on(&self) -> Option<DateTime<Utc>> {
        self.0.approved_on.map(|at| at.to_utc())
    }

    /// The goals of the strategy, highest priority first (deleted goals are not included).
    async fn goals(&self, ctx: &Context<'_>) -> Result<Vec<Goal>> {
        Goal::of_strategy(ctx, self.0.id).await
    }

    /// Every deliverable of the strategy, across its goals, oldest first (deleted ones are not
    /// included; disabled ones are, with `isActive` false).
    async fn deliverables(&self, ctx: &Context<'_>) -> Result<Vec<Deliverable>> {
        let rows = relations::children::<deliverables::Entity>(
            ctx,
            deliverables::Column::StrategyId,
            self.0.id,
        )
        .await?;
        Ok(rows.into_iter().map(Deliverable).collect())
    }

    /// When the strategy was created.
    async fn created_on(&self) -> DateTime<Utc> {
        self.0.created_on.to_utc()
    }

    /// When the strategy last changed.
    async fn updated_on(&self) -> Option<DateTime<Utc>> {
        self.0.updated_on.map(|at| at.to_utc())
    }
}

graph_core::connection_type!(StrategyConnection, StrategyEdge, Strategy);
