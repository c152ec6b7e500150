//! `Deliverable` and `DeliverablePeriod` as the content subgraph extends them: the content
//! produced for them, each list through the request's loaders (one statement per list and
//! level, whatever the number of deliverables or periods).

use crate::backlinks::Backlink;
use crate::blog::BlogRequest;
use crate::reports::Report;
use crate::social::SocialMediaRequest;
use async_graphql::{ComplexObject, Context, ID, Result, SimpleObject};
use entities::{deliverable_periods, deliverables};
use uuid::Uuid;

/// A deliverable of the marketing plan (owned by the tenant subgraph). This subgraph adds the
/// content produced for it.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct Deliverable {
    /// Public id (ULID).
    pub id: ID,
    #[graphql(skip)]
    pub(crate) row_id: Uuid,
}

/// The content subgraph's fields of `Deliverable`.
#[ComplexObject]
impl Deliverable {
    /// The blog requests made for this deliverable, oldest first (at most 500; page through all
    /// with `blogRequests(filter: { deliverableId })`).
    async fn blog_requests(&self, ctx: &Context<'_>) -> Result<Vec<BlogRequest>> {
        crate::blog::blog_requests_of_deliverable(ctx, self.row_id).await
    }

    /// The social media requests made for this deliverable, oldest first (at most 500; page
    /// through all with `socialMediaRequests(filter: { deliverableId })`).
    async fn social_media_requests(&self, ctx: &Context<'_>) -> Result<Vec<SocialMediaRequest>> {
        crate::social::social_media_requests_of_deliverable(ctx, self.row_id).await
    }

    /// The backlinks built for this deliverable, oldest first (at most 500; page through all
    /// with `backlinks(filter: { deliverableId })`).
    async fn backlinks(&self, ctx: &Context<'_>) -> Result<Vec<Backlink>> {
        crate::backlinks::backlinks_of_deliverable(ctx, self.row_id).await
    }
}

impl From<deliverables::Model> for Deliverable {
    fn from(row: deliverables::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            row_id: row.id,
        }
    }
}

impl Deliverable {
    /// The stub of the deliverable with internal id `id`, for relations of content rows.
    pub async fn of(ctx: &Context<'_>, id: Option<Uuid>) -> Result<Option<Self>> {
        Ok(graph_core::loaders::one::<deliverables::Entity>(ctx, id)
            .await?
            .map(Self::from))
    }
}

/// A period of a deliverable (owned by the tenant subgraph). This subgraph adds the content
/// produced in it.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct DeliverablePeriod {
    /// Public id (ULID).
    pub id: ID,
    #[graphql(skip)]
    pub(crate) row_id: Uuid,
}

/// The content subgraph's fields of `DeliverablePeriod`.
#[ComplexObject]
impl DeliverablePeriod {
    /// The blog requests of this period, oldest first (at most 500; page through all with
    /// `blogRequests(filter: { deliverablePeriodId })`).
    async fn blog_requests(&self, ctx: &Context<'_>) -> Result<Vec<BlogRequest>> {
        crate::blog::blog_requests_of_period(ctx, self.row_id).await
    }

    /// The social media requests of this period, oldest first (at most 500; page through all
    /// with `socialMediaRequests(filter: { deliverablePeriodId })`).
    async fn social_media_requests(&self, ctx: &Context<'_>) -> Result<Vec<SocialMediaRequest>> {
        crate::social::social_media_requests_of_period(ctx, self.row_id).await
    }

    /// The reports covering this period, oldest first (at most 500; page through all with
    /// `reports(filter: { deliverablePeriodId })`).
    async fn reports(&self, ctx: &Context<'_>) -> Result<Vec<Report>> {
        crate::reports::period_reports(ctx, self.row_id).await
    }
}

impl From<deliverable_periods::Model> for DeliverablePeriod {
    fn from(row: deliverable_periods::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            row_id: row.id,
        }
    }
}

impl DeliverablePeriod {
    /// The stub of the period with internal id `id`, for relations of content rows.
    pub async fn of(ctx: &Context<'_>, id: Option<Uuid>) -> Result<Option<Self>> {
        Ok(
            graph_core::loaders::one::<deliverable_periods::Entity>(ctx, id)
                .await?
                .map(Self::from),
        )
    }
}
