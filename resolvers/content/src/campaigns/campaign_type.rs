//! The `Campaign` type (a federation entity) and its relations.

use crate::campaigns::enums::CampaignStatus;
use crate::campaigns::stubs::{Goal, Strategy};
use crate::federation::Activity;
use crate::reports::Report;
use async_graphql::{ComplexObject, Context, ID, Result, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use entities::{campaigns, reports};
use graph_core::scalars::DecimalValue;
use uuid::Uuid;

/// A marketing campaign of the tenant: an objective with dates and a budget, tied to the plan
/// (a strategy, a goal, an activity), reported on by reports.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct Campaign {
    /// Public id (ULID).
    pub id: ID,
    /// Name, 1–255 characters.
    pub name: String,
    /// What the campaign is about.
    pub description: Option<String>,
    /// Its objective (`lead_generation`, `awareness`, …), at most 100 characters.
    pub objective: Option<String>,
    /// Where it is in its life.
    pub status: CampaignStatus,
    /// The first day.
    pub start_date: Option<NaiveDate>,
    /// The last day (on or after `startDate`).
    pub end_date: Option<NaiveDate>,
    /// The budget, exact, in `budgetCurrency`.
    pub budget_amount: Option<DecimalValue>,
    /// ISO 4217 code of the budget's currency (`USD`, `INR`).
    pub budget_currency: Option<String>,
    /// When it was created.
    pub created_on: DateTime<Utc>,
    /// When it was last changed; null if never.
    pub updated_on: Option<DateTime<Utc>>,
    /// When it was deleted; null unless deleted (deleted campaigns are shown to admins only).
    pub deleted_on: Option<DateTime<Utc>>,
    #[graphql(skip)]
    pub(crate) row_id: Uuid,
    #[graphql(skip)]
    pub(crate) strategy_id: Option<Uuid>,
    #[graphql(skip)]
    pub(crate) goal_id: Option<Uuid>,
    #[graphql(skip)]
    pub(crate) activity_id: Option<Uuid>,
}

impl From<campaigns::Model> for Campaign {
    fn from(row: campaigns::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            name: row.name,
            description: row.description,
            objective: row.objective,
            status: row.status.into(),
            start_date: row.start_date,
            end_date: row.end_date,
            budget_amount: row.budget_amount.map(DecimalValue),
            budget_currency: row.budget_currency,
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            deleted_on: row.deleted_on.map(|at| at.to_utc()),
            row_id: row.id,
            strategy_id: row.strategy_id,
            goal_id: row.goal_id,
            activity_id: row.activity_id,
        }
    }
}

/// The campaign's relations, through the request's loaders.
#[ComplexObject]
impl Campaign {
    /// The strategy it serves, if any.
    async fn strategy(&self, ctx: &Context<'_>) -> Result<Option<Strategy>> {
        Strategy::of(ctx, self.strategy_id).await
    }

    /// The goal it serves, if any.
    async fn goal(&self, ctx: &Context<'_>) -> Result<Option<Goal>> {
        Goal::of(ctx, self.goal_id).await
    }

    /// The activity that runs it, if any.
    async fn activity(&self, ctx: &Context<'_>) -> Result<Option<Activity>> {
        Activity::of(ctx, self.activity_id).await
    }

    /// Its live reports, in id order (the first 500).
    async fn reports(&self, ctx: &Context<'_>) -> Result<Vec<Report>> {
        Ok(graph_core::loaders::children::<reports::Entity>(
            ctx,
            reports::Column::CampaignId,
            self.row_id,
        )
        .await?
        .into_iter()
        .map(Report::from)
        .collect())
    }
}

impl Campaign {
    /// The campaign with internal id `id`, for relations of other rows (deleted campaigns
    /// included: a report still shows what it reported on).
    pub async fn of(ctx: &Context<'_>, id: Option<Uuid>) -> Result<Option<Self>> {
        Ok(graph_core::loaders::one::<campaigns::Entity>(ctx, id)
            .await?
            .map(Self::from))
    }
}

graph_core::connection_type!(CampaignConnection, CampaignEdge, Campaign);
