//! `approvalUpdated`: the approval queue of the DM portal, live.

use crate::review::{Approval, ApprovalRiskLevel, ApprovalType};
use async_graphql::{Context, Enum, ID, InputObject, Result, SimpleObject, Subscription};
use entities::sea_orm_active_enums as db;
use entities::{activities, approvals, users};
use futures::Stream;
use graph_core::access;
use graph_core::context::Session;
use graph_core::db::{Db, TenantId};
use graph_core::events::{ApprovalChange, Change};
use graph_core::ids::parse_ref_id;
use graph_core::live::{self, Delivery, Overrun};
use std::sync::Arc;
use uuid::Uuid;

/// What happened to an approval.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "graph_core::events::ApprovalChange")]
pub enum ApprovalUpdateKind {
    /// It entered the queue (`createApproval`).
    Created,
    /// A reviewer was assigned or reassigned.
    Assigned,
    /// It was approved, rejected, or an option was chosen.
    Resolved,
    /// It was sent back to its activity with a revision note.
    RevisionRequested,
    /// It was forwarded to the client for sign-off.
    SentToClient,
    /// Its time ran out without a decision (the expiry job).
    Expired,
    /// After expiring, it was escalated to the tenant's admins (a notification to them).
    Escalated,
}

/// One change of an approval, with the approval as it is after the change.
#[derive(SimpleObject)]
pub struct ApprovalUpdate {
    /// What happened.
    pub kind: ApprovalUpdateKind,
    /// The approval, read after the change under the subscriber's own tenant.
    pub approval: Approval,
}

/// Which approval changes to receive; every given condition must hold (omitted: any).
#[derive(InputObject, Default, Debug)]
pub struct ApprovalUpdateFilter {
    /// Only these kinds of change.
    pub kinds: Option<Vec<ApprovalUpdateKind>>,
    /// Only approvals of these types.
    pub types: Option<Vec<ApprovalType>>,
    /// Only approvals of these risk levels.
    pub risk_levels: Option<Vec<ApprovalRiskLevel>>,
    /// Only approvals assigned to this reviewer (a user's id).
    pub reviewer_id: Option<ID>,
    /// Only approvals of this activity.
    pub activity_id: Option<ID>,
    /// Only this approval.
    pub approval_id: Option<ID>,
}

/// The filter with its ids resolved to rows of the subscriber's tenant.
struct Matcher {
    kinds: Option<Vec<ApprovalChange>>,
    types: Option<Vec<db::ApprovalType>>,
    risk_levels: Option<Vec<db::ApprovalRiskLevel>>,
    reviewer: Option<Uuid>,
    activity: Option<Uuid>,
    approval: Option<String>,
}

impl Matcher {
    fn wants(&self, change: ApprovalChange, id: &str) -> bool {
        self.kinds
            .as_ref()
            .is_none_or(|kinds| kinds.contains(&change))
            && self.approval.as_deref().is_none_or(|wanted| wanted == id)
    }

    fn matches(&self, row: &approvals::Model) -> bool {
        self.types
            .as_ref()
            .is_none_or(|types| types.contains(&row.r#type))
            && self
                .risk_levels
                .as_ref()
                .is_none_or(|levels| levels.contains(&row.risk_level))
            && self
                .reviewer
                .is_none_or(|reviewer| row.reviewer_id == Some(reviewer))
            && self
                .activity
                .is_none_or(|activity| row.activity_id == activity)
    }
}

/// Resolves the filter's ids in the subscriber's tenant: an id of another tenant (or of nothing)
/// is `NOT_FOUND`, as in every query.
async fn matcher(
    ctx: &Context<'_>,
    session: &Session,
    filter: ApprovalUpdateFilter,
) -> Result<Matcher> {
    let db = &access::services(ctx)?.db;
    let tx = db.begin(session.tenant.id).await?;
    let reviewer = match &filter.reviewer_id {
        Some(id) => Some(
            tx.find_by_ref::<users::Entity>("reviewer", &parse_ref_id("filter.reviewerId", id)?)
                .await?
                .id,
        ),
        None => None,
    };
    let activity = match &filter.activity_id {
        Some(id) => Some(
            tx.find_by_ref::<activities::Entity>(
                "activity",
                &parse_ref_id("filter.activityId", id)?,
            )
            .await?
            .id,
        ),
        None => None,
    };
    let approval = match &filter.approval_id {
        Some(id) => Some(
            tx.find_by_ref::<approvals::Entity>(
                "approval",
                &parse_ref_id("filter.approvalId", id)?,
            )
            .await?
            .ref_id,
        ),
        None => None,
    };
    tx.commit().await?;
    Ok(Matcher {
        kinds: filter
            .kinds
            .map(|kinds| kinds.into_iter().map(Into::into).collect()),
        types: filter
            .types
            .map(|types| types.into_iter().map(Into::into).collect()),
        risk_levels: filter
            .risk_levels
            .map(|levels| levels.into_iter().map(Into::into).collect()),
        reviewer,
        activity,
        approval,
    })
}

impl Matcher {
    /// What a subscriber with this filter receives of `delivery`: None for another kind of
    /// record, a change or approval it does not want, or an approval its tenant cannot see.
    async fn update(
        &self,
        delivery: &Delivery,
        db: &Db,
        tenant: TenantId,
    ) -> Option<Result<ApprovalUpdate>> {
        let Change::Approval { id, change } = &delivery.change else {
            return None;
        };
        if !self.wants(*change, id) {
            return None;
        }
        match delivery.load::<approvals::Entity>(db, tenant, id).await {
            Ok(Some(row)) if self.matches(&row) => Some(Ok(ApprovalUpdate {
                kind: (*change).into(),
                approval: Approval::from(row),
            })),
            Ok(_) => None,
            Err(error) => Some(Err(error.into())),
        }
    }
}

/// The approval part of `Subscription`.
#[derive(Default)]
pub struct ApprovalSubscription;

/// Live approval changes.
#[Subscription]
impl ApprovalSubscription {
    /// Every change of the tenant's approvals from now on (created, assigned, resolved, sent
    /// back, sent to the client, expired, escalated), as it happens on any server instance,
    /// narrowed by `filter`. Each event carries the approval as it is after the change. Any
    /// signed-in user or API key of a tenant whose contract is accepted may subscribe.
    async fn approval_updated(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which changes to receive (omitted: all of the tenant's).")]
        filter: Option<ApprovalUpdateFilter>,
    ) -> Result<impl Stream<Item = Result<ApprovalUpdate>> + use<>> {
        let session = access::read(ctx)?;
        let matcher = matcher(ctx, session, filter.unwrap_or_default()).await?;
        let services = access::services(ctx)?;
        let (db, tenant) = (services.db.clone(), session.tenant.id);
        let matcher = Arc::new(matcher);
        Ok(live::updates(
            services.hub.subscribe(tenant),
            ctx.data::<Overrun>().cloned().unwrap_or_default(),
            move |delivery| {
                let (db, matcher) = (db.clone(), Arc::clone(&matcher));
                async move { matcher.update(&delivery, &db, tenant).await }
            },
        ))
    }
}
