//! The `Backlink` type and its relations.

use crate::backlinks::enums::{BacklinkLinkType, BacklinkOutreachStatus};
use crate::federation::{Activity, Deliverable};
use async_graphql::{ComplexObject, Context, ID, Json, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entities::backlinks;
use uuid::Uuid;

/// A backlink built for the tenant: the page on another site that links (or should link) to
/// the tenant's site, where its outreach stands and, once published, whether it is live and
/// indexed.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct Backlink {
    /// Public id (ULID).
    pub id: ID,
    /// The page on the linking site.
    pub target_url: String,
    /// The page of the tenant's site being linked to.
    pub source_url: Option<String>,
    /// The link's anchor text.
    pub anchor_text: Option<String>,
    /// Domain authority (0–100) of the linking domain when it was found.
    pub domain_authority: Option<i32>,
    /// The link's `rel` qualification.
    pub link_type: Option<BacklinkLinkType>,
    /// Where the outreach stands.
    pub outreach_status: BacklinkOutreachStatus,
    /// When the pitch was (last) sent.
    pub outreach_sent_on: Option<DateTime<Utc>>,
    /// When the link was published.
    pub link_published_on: Option<DateTime<Utc>>,
    /// When liveness was last checked; null until checked.
    pub last_checked_on: Option<DateTime<Utc>>,
    /// Whether the link was live at the last check (false until checked).
    pub is_live: bool,
    /// Whether the linking page was indexed by Google at the last check (false until checked).
    pub is_indexed: bool,
    /// The last check's full result (the provider's payload).
    pub check_result: Option<Json<serde_json::Value>>,
    /// Notes of the team.
    pub notes: Option<String>,
    /// When it was recorded.
    pub created_on: DateTime<Utc>,
    /// When it was last changed; null if never.
    pub updated_on: Option<DateTime<Utc>>,
    /// When it was deleted; null unless deleted (deleted backlinks are shown to admins only).
    pub deleted_on: Option<DateTime<Utc>>,
    #[graphql(skip)]
    pub(crate) activity_id: Option<Uuid>,
    #[graphql(skip)]
    pub(crate) deliverable_id: Option<Uuid>,
}

impl From<backlinks::Model> for Backlink {
    fn from(row: backlinks::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            target_url: row.target_url,
            source_url: row.source_url,
            anchor_text: row.anchor_text,
            domain_authority: row.domain_authority.map(i32::from),
            link_type: row.link_type.map(Into::into),
            outreach_status: row.outreach_status.into(),
            outreach_sent_on: row.outreach_sent_on.map(|at| at.to_utc()),
            link_published_on: row.link_published_on.map(|at| at.to_utc()),
            last_checked_on: row.last_checked_on.map(|at| at.to_utc()),
            is_live: row.is_live,
            is_indexed: row.is_indexed,
            check_result: row.dataforseo_check_result.map(Json),
            notes: row.notes,
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            deleted_on: row.deleted_on.map(|at| at.to_utc()),
            activity_id: row.activity_id,
            deliverable_id: row.deliverable_id,
        }
    }
}

/// The backlink's relations, through the request's loaders.
#[ComplexObject]
impl Backlink {
    /// The outreach activity that produced it, if any.
    async fn activity(&self, ctx: &Context<'_>) -> Result<Option<Activity>> {
        Activity::of(ctx, self.activity_id).await
    }

    /// The backlinks deliverable it belongs to, if any.
    async fn deliverable(&self, ctx: &Context<'_>) -> Result<Option<Deliverable>> {
        Deliverable::of(ctx, self.deliverable_id).await
    }
}

/// The live backlinks of the deliverable with internal id `deliverable` (oldest first, at most
/// 500), through the request's by-parent loader: the body of `Deliverable.backlinks`.
pub async fn backlinks_of_deliverable(
    ctx: &Context<'_>,
    deliverable: Uuid,
) -> Result<Vec<Backlink>> {
    Ok(graph_core::loaders::children::<backlinks::Entity>(
        ctx,
        backlinks::Column::DeliverableId,
        deliverable,
    )
    .await?
    .into_iter()
    .map(Backlink::from)
    .collect())
}

graph_core::connection_type!(BacklinkConnection, BacklinkEdge, Backlink);
