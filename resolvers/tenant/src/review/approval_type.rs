//! The `Approval` type: a decision a reviewer makes on an activity, with the relations a
//! client walks.

use crate::identity::User;
use crate::plan::Activity;
use crate::review::enums::{ApprovalRiskLevel, ApprovalStatus, ApprovalType};
use async_graphql::{ComplexObject, Context, ID, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entities::{activities, approvals, users};
use graph_core::loaders::one;
use uuid::Uuid;

/// A human decision the pipeline waits on (the HITL step): content to review, a strategy to
/// approve, a direction to choose, an agent to hire. Linked to one activity, resolved by a
/// reviewer before `expiresAt` (after it, the expiry job marks it `EXPIRED` and escalates).
/// Federated entity.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct Approval {
    /// Public id (ULID).
    pub id: ID,
    /// What is to be decided.
    pub r#type: ApprovalType,
    /// How much harm a wrong decision could do.
    pub risk_level: ApprovalRiskLevel,
    /// Where the approval is in its life.
    pub status: ApprovalStatus,
    /// Short label shown in the approval queue.
    pub title: String,
    /// Id of the content under review in the content store (24 hexadecimal characters); null
    /// for structural approvals.
    pub content_ref: Option<String>,
    /// The reviewer's feedback, given with the decision.
    pub reviewer_notes: Option<String>,
    /// The option chosen, for `BRAND_DIRECTION` and `CONTENT_DIRECTION` approvals.
    pub chosen_option: Option<String>,
    /// When it expires if still unresolved.
    pub expires_at: DateTime<Utc>,
    /// When it was resolved (approved, rejected or sent back); null while pending and for
    /// expired approvals.
    pub resolved_at: Option<DateTime<Utc>>,
    /// When a reviewer forwarded it to the client for sign-off.
    pub sent_to_client_at: Option<DateTime<Utc>>,
    /// When it was requested.
    pub created_on: DateTime<Utc>,
    /// When it last changed.
    pub updated_on: Option<DateTime<Utc>>,
    /// The internal id of its activity.
    #[graphql(skip)]
    pub(crate) activity_id: Uuid,
    /// The internal id of the reviewer assigned to it.
    #[graphql(skip)]
    pub(crate) reviewer_id: Option<Uuid>,
    /// The internal id of the user who resolved it.
    #[graphql(skip)]
    pub(crate) reviewed_by: Option<Uuid>,
}

impl From<approvals::Model> for Approval {
    fn from(row: approvals::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            r#type: row.r#type.into(),
            risk_level: row.risk_level.into(),
            status: row.status.into(),
            title: row.title,
            content_ref: row.content_ref,
            reviewer_notes: row.reviewer_notes,
            chosen_option: row.chosen_option,
            expires_at: row.expires_at.to_utc(),
            resolved_at: row.resolved_at.map(|at| at.to_utc()),
            sent_to_client_at: row.sent_to_client_at.map(|at| at.to_utc()),
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            activity_id: row.activity_id,
            reviewer_id: row.reviewer_id,
            reviewed_by: row.reviewed_by,
        }
    }
}

/// The approval's relations, through the request's loaders.
#[ComplexObject]
impl Approval {
    /// The activity waiting on this decision (also when it has since been cancelled).
    async fn activity(&self, ctx: &Context<'_>) -> Result<Option<Activity>> {
        Ok(one::<activities::Entity>(ctx, Some(self.activity_id))
            .await?
            .map(Activity::from))
    }

    /// The reviewer assigned to it; null until one is.
    async fn reviewer(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        Ok(one::<users::Entity>(ctx, self.reviewer_id)
            .await?
            .map(User::from))
    }

    /// The user who resolved it; null while pending and for expired approvals.
    async fn resolved_by(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        Ok(one::<users::Entity>(ctx, self.reviewed_by)
            .await?
            .map(User::from))
    }
}

graph_core::connection_type!(ApprovalConnection, ApprovalEdge, Approval);
