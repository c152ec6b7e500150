//! The `Report` type (a federation entity) and its relations.

use crate::campaigns::Campaign;
use crate::federation::{Activity, DeliverablePeriod};
use crate::reports::enums::{DeliveryChannel, ReportStatus, ReportType};
use crate::shared::body::{ContentBody, body_of};
use async_graphql::{ComplexObject, Context, ID, Result, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use entities::{reports, users};
use uuid::Uuid;

/// A performance report for the client, written by the Report Writer agent or uploaded by a
/// member, covering a period (usually a deliverable period). Its body (Markdown) lives in the
/// document store: see `body`.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct Report {
    /// Public id (ULID).
    pub id: ID,
    /// Title, 1–500 characters.
    pub title: String,
    /// What the report covers.
    pub r#type: ReportType,
    /// Where it is in its life (`DRAFT` → `READY` → `DELIVERED` → `ARCHIVED`).
    pub status: ReportStatus,
    /// The document of the body (24 hex digits); null until one is set or attached.
    pub content_ref: Option<String>,
    /// The first day covered.
    pub period_start: NaiveDate,
    /// The last day covered (on or after `periodStart`).
    pub period_end: NaiveDate,
    /// When it was delivered; null until then.
    pub delivered_at: Option<DateTime<Utc>>,
    /// How it was delivered; null until then.
    pub delivery_channel: Option<DeliveryChannel>,
    /// When it was created.
    pub created_on: DateTime<Utc>,
    /// When it was last changed; null if never.
    pub updated_on: Option<DateTime<Utc>>,
    #[graphql(skip)]
    pub(crate) campaign_id: Option<Uuid>,
    #[graphql(skip)]
    pub(crate) deliverable_period_id: Option<Uuid>,
    #[graphql(skip)]
    pub(crate) activity_id: Option<Uuid>,
    #[graphql(skip)]
    pub(crate) delivered_by: Option<Uuid>,
}

impl From<reports::Model> for Report {
    fn from(row: reports::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            title: row.title,
            r#type: row.r#type.into(),
            status: row.status.into(),
            content_ref: row.content_ref,
            period_start: row.period_start,
            period_end: row.period_end,
            delivered_at: row.delivered_at.map(|at| at.to_utc()),
            delivery_channel: row
                .delivery_channel
                .as_deref()
                .and_then(DeliveryChannel::from_db),
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            campaign_id: row.campaign_id,
            deliverable_period_id: row.deliverable_period_id,
            activity_id: row.activity_id,
            delivered_by: row.delivered_by,
        }
    }
}

/// The report's relations, through the request's loaders.
#[ComplexObject]
impl Report {
    /// The campaign it reports on, if any.
    async fn campaign(&self, ctx: &Context<'_>) -> Result<Option<Campaign>> {
        Campaign::of(ctx, self.campaign_id).await
    }

    /// The deliverable period it covers, if any.
    async fn deliverable_period(&self, ctx: &Context<'_>) -> Result<Option<DeliverablePeriod>> {
        DeliverablePeriod::of(ctx, self.deliverable_period_id).await
    }

    /// The activity that produced it (the Report Writer agent's task), if any.
    async fn activity(&self, ctx: &Context<'_>) -> Result<Option<Activity>> {
        Activity::of(ctx, self.activity_id).await
    }

    /// The public id of the user (a reviewer or admin) who delivered it; null until delivered
    /// (or when that user was deleted). Resolve the user through the tenant subgraph's
    /// `user(id:)`.
    async fn delivered_by_id(&self, ctx: &Context<'_>) -> Result<Option<ID>> {
        Ok(
            graph_core::loaders::one::<users::Entity>(ctx, self.delivered_by)
                .await?
                .map(|user| ID(user.ref_id)),
        )
    }

    /// The report's body (Markdown), from the document store; null until one is set.
    /// `UNAVAILABLE` on this path when the document store does not answer.
    async fn body(&self, ctx: &Context<'_>) -> Result<Option<ContentBody>> {
        body_of(ctx, self.content_ref.as_deref()).await
    }
}

impl Report {
    /// The report with internal id `id`, for relations of other rows.
    pub async fn of(ctx: &Context<'_>, id: Option<Uuid>) -> Result<Option<Self>> {
        Ok(graph_core::loaders::one::<reports::Entity>(ctx, id)
            .await?
            .map(Self::from))
    }
}

graph_core::connection_type!(ReportConnection, ReportEdge, Report);
