//! `ApprovalMutation`: requesting an approval, assigning its reviewer, forwarding it to the
//! client, and the four decisions (approve, reject, ask for a revision, choose an option). Each
//! is one transaction that also moves the approval's activity (and, for a strategy review, the
//! strategy) by the rules of [`workflow`], and publishes its change event before committing
//! (delivered only if the transaction commits).

use crate::notify::{NewNotification, add_notification};
use crate::plan::strategies;
use crate::review::approval_type::Approval;
use crate::review::enums::{ApprovalRiskLevel, ApprovalType};
use crate::review::workflow::{self, Decision, StrategyEffect};
use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::{DateTime, Utc};
use entities::sea_orm_active_enums as db;
use entities::{activities, approvals, goals, users};
use graph_core::access::{self, MEMBERS, REVIEWERS};
use graph_core::changes::now;
use graph_core::context::Session;
use graph_core::db::TenantTx;
use graph_core::error::{ApiError, ApiResult};
use graph_core::events::{ApprovalChange, Change};
use graph_core::ids::parse_ref_id;
use graph_core::validate::Text;
use sea_orm::{ColumnTrait, Set};
use uuid::Uuid;

/// A request for a decision on an activity.
#[derive(InputObject, Debug)]
pub struct CreateApprovalInput {
    /// The activity waiting on the decision: `IN_PROGRESS` (it moves to `AWAITING_APPROVAL`)
    /// or already `AWAITING_APPROVAL`, with no other pending approval.
    pub activity_id: ID,
    /// What is to be decided.
    pub r#type: ApprovalType,
    /// How much harm a wrong decision could do (default `LOW`).
    pub risk_level: Option<ApprovalRiskLevel>,
    /// Short label shown in the queue, 1–500 characters.
    pub title: String,
    /// Id of the content under review in the content store: 24 lowercase hexadecimal
    /// characters.
    pub content_ref: Option<String>,
    /// When it expires if unresolved: in the future, at most 90 days ahead (default: 72 hours
    /// from now).
    pub expires_at: Option<DateTime<Utc>>,
    /// The reviewer to assign right away (an active reviewer or admin of the tenant; they are
    /// notified).
    pub reviewer_id: Option<ID>,
}

/// An approval's title (`approvals.title`, `varchar(500)`).
const APPROVAL_TITLE: Text = Text::new("title", 500);
/// The reviewer's feedback given with a decision.
const REVIEWER_NOTES: Text = Text::new("notes", 5_000);
/// The option chosen (`approvals.chosen_option`, `varchar(255)`).
const CHOSEN_OPTION: Text = Text::new("option", 255);

/// The id of content in the content store: 24 lowercase hexadecimal characters.
fn content_ref(value: Option<&str>) -> ApiResult<Option<String>> {
    let Some(value) = value.map(str::trim) else {
        return Ok(None);
    };
    let valid = value.len() == 24
        && value
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if valid {
        Ok(Some(value.to_owned()))
    } else {
        Err(ApiError::bad_input(
            "contentRef",
            "`contentRef` must be 24 lowercase hexadecimal characters",
        ))
    }
}

/// An approval by public id, locked for the transaction.
async fn approval_for_update(tx: &TenantTx, id: &ID) -> ApiResult<approvals::Model> {
    tx.lock_by_ref::<approvals::Entity>("approval", &parse_ref_id("id", id)?, false)
        .await
}

/// The approval `approval` still open (pending, not past its expiry) now, or `CONFLICT`.
fn ensure_open(approval: &approvals::Model) -> ApiResult<()> {
    workflow::ensure_open(&approval.status, approval.expires_at.to_utc(), Utc::now())
}

/// The activity of an approval (cancelled ones included), locked for the transaction.
async fn activity_for_update(tx: &TenantTx, id: Uuid) -> ApiResult<activities::Model> {
    tx.select_with_deleted::<activities::Entity>(true)
        .filter(activities::Column::Id.eq(id))
        .lock_exclusive()
        .one(tx)
        .await?
        .ok_or(ApiError::NotFound("activity"))
}

/// The user `id` (field `reviewerId`) if they may review: an active reviewer or admin of the
/// tenant. `NOT_FOUND` for an unknown id (or another tenant's), `BAD_USER_INPUT` for anyone
/// else.
async fn reviewer(tx: &TenantTx, id: &ID) -> ApiResult<users::Model> {
    let user = tx
        .find_by_ref::<users::Entity>("reviewer", &parse_ref_id("reviewerId", id)?)
        .await?;
    let may_review = user.status == db::UserStatus::Active
        && matches!(user.role, db::UserRole::Reviewer | db::UserRole::Admin);
    if may_review {
        Ok(user)
    } else {
        Err(ApiError::bad_input(
            "reviewerId",
            "the reviewer must be an active user of the tenant with the REVIEWER or ADMIN role",
        ))
    }
}

/// Tells `reviewer` that `approval` is theirs to decide: a notification row, and its event.
async fn notify_reviewer(
    tx: &TenantTx,
    approval: &approvals::Model,
    reviewer: &users::Model,
) -> ApiResult<()> {
    add_notification(
        tx,
        NewNotification {
            user_id: Some(reviewer.id),
            r#type: "approval_assigned".to_owned(),
            message: format!(
                "You have been asked to review \u{201c}{}\u{201d}.",
                approval.title
            ),
            subject: Some((approval.ref_id.clone(), "approval".to_owned())),
        },
    )
    .await
    .map(|_| ())
}

/// Publishes `change` of `approval` (delivered when the transaction commits).
async fn publish(
    tx: &TenantTx,
    approval: &approvals::Model,
    change: ApprovalChange,
) -> ApiResult<()> {
    tx.publish(Change::Approval {
        id: approval.ref_id.clone(),
        change,
    })
    .await
}

/// The gate of the decisions: reviewers and admins of the tenant (never API keys, members, or
/// operators acting for the tenant — the decision is recorded as one of the tenant's users).
fn decider<'a>(ctx: &'a Context<'_>) -> ApiResult<&'a Session> {
    let session = access::write(ctx, REVIEWERS)?;
    if session.operator.is_some() {
        return Err(ApiError::Forbidden(
            "a platform operator cannot decide an approval for a tenant; a reviewer or admin of the tenant must"
                .to_owned(),
        ));
    }
    Ok(session)
}

/// Applies `decision` to the approval `id` as the session's user, in one transaction: the
/// approval resolved (with `notes`, and `option` for a choice), its activity moved, for a
/// strategy review the strategy approved or sent back, and the event published.
async fn decide(
    ctx: &Context<'_>,
    session: &Session,
    id: &ID,
    decision: Decision,
    notes: Option<String>,
    option: Option<String>,
) -> ApiResult<Approval> {
    let actor = session.actor_id();
    let tx = access::begin(ctx, session).await?;
    let approval = approval_for_update(&tx, id).await?;
    ensure_open(&approval)?;
    if decision == Decision::ChooseOption && !workflow::offers_options(&approval.r#type) {
        return Err(ApiError::Conflict(
            "only BRAND_DIRECTION and CONTENT_DIRECTION approvals offer options to choose from"
                .to_owned(),
        ));
    }
    // The activity is locked before anything changes, in the same order as `createApproval`
    // (which locks the activity, then inserts), so the two cannot deadlock.
    let activity = activity_for_update(&tx, approval.activity_id).await?;
    if approval.r#type == db::ApprovalType::StrategyReview {
        review_strategy(&tx, &activity, decision.strategy_effect(), actor).await?;
    }
    let now = now();
    let changes = approvals::ActiveModel {
        status: Set(decision.status()),
        reviewed_by: Set(Some(actor)),
        resolved_at: Set(Some(now)),
        reviewer_notes: Set(notes.clone()),
        chosen_option: match option {
            Some(option) => Set(Some(option)),
            None => sea_orm::NotSet,
        },
        ..Default::default()
    };
    let row = tx.update_by_id("approval", approval.id, changes).await?;
    if let Some(target) = workflow::activity_after(decision, &activity.status) {
        let mut changes = activities::ActiveModel {
            status: Set(target.clone()),
            ..Default::default()
        };
        match target {
            db::ActivityStatus::Rejected => changes.rejection_note = Set(notes),
            db::ActivityStatus::InProgress => changes.revision_note = Set(notes),
            _ => {}
        }
        tx.update_by_id("activity", activity.id, changes).await?;
    }
    let change = match decision {
        Decision::RequestRevision => ApprovalChange::RevisionRequested,
        _ => ApprovalChange::Resolved,
    };
    publish(&tx, &row, change).await?;
    tx.commit().await?;
    Ok(Approval::from(row))
}

/// A strategy review's decision applied to the strategy of the activity's goal, by the
/// strategy rules of `approveStrategy` / `rejectStrategy`: `CONFLICT` when the activity has no
/// goal or the strategy is not `AWAITING_APPROVAL`.
async fn review_strategy(
    tx: &TenantTx,
    activity: &activities::Model,
    effect: StrategyEffect,
    actor: Uuid,
) -> ApiResult<()> {
    let no_strategy = || {
        ApiError::Conflict(
            "a strategy review needs an activity whose goal belongs to the strategy under review"
                .to_owned(),
        )
    };
    let goal_id = activity.goal_id.ok_or_else(no_strategy)?;
    let goal = tx
        .select::<goals::Entity>()
        .filter(goals::Column::Id.eq(goal_id))
        .one(tx)
        .await?
        .ok_or_else(no_strategy)?;
    let strategy = tx
        .select::<entities::strategies::Entity>()
        .filter(entities::strategies::Column::Id.eq(goal.strategy_id))
        .lock_exclusive()
        .one(tx)
        .await?
        .ok_or_else(no_strategy)?;
    match effect {
        StrategyEffect::Approve => strategies::approve(tx, &strategy, actor).await?,
        StrategyEffect::SendBackToDraft => {
            strategies::send_back_to_draft(tx, &strategy, actor).await?
        }
    };
    Ok(())
}

/// The approval part of `Mutation`.
#[derive(Default)]
pub struct ApprovalMutation;

/// Changes to approvals: requesting one, assigning it, forwarding it to the client, deciding it.
#[Object]
impl ApprovalMutation {
    /// Asks for a decision on an activity (members, admins, read-write API keys): a `PENDING`
    /// approval, expiring in 72 hours unless `expiresAt` says otherwise; an `IN_PROGRESS`
    /// activity moves to `AWAITING_APPROVAL`. `CONFLICT` when the activity is in any other
    /// status or already has a pending approval.
    #[tracing::instrument(skip_all)]
    async fn create_approval(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The approval.")] input: CreateApprovalInput,
    ) -> Result<Approval> {
        let session = access::write(ctx, MEMBERS)?;
        let title = APPROVAL_TITLE.required(&input.title)?;
        let content_ref = content_ref(input.content_ref.as_deref())?;
        let expires_at = workflow::expiry(input.expires_at, Utc::now())?;
        let activity_ref = parse_ref_id("activityId", &input.activity_id)?;
        let tx = access::begin(ctx, session).await?;
        let activity = tx
            .lock_by_ref::<activities::Entity>("activity", &activity_ref, true)
            .await?;
        let activity_move = workflow::activity_on_request(&activity.status)?;
        let reviewer = match &input.reviewer_id {
            Some(id) => Some(reviewer(&tx, id).await?),
            None => None,
        };
        let row = tx
            .insert(approvals::ActiveModel {
                activity_id: Set(activity.id),
                r#type: Set(input.r#type.into()),
                risk_level: Set(input.risk_level.unwrap_or(ApprovalRiskLevel::Low).into()),
                status: Set(db::ApprovalStatus::Pending),
                title: Set(title),
                content_ref: Set(content_ref),
                reviewer_id: Set(reviewer.as_ref().map(|user| user.id)),
                expires_at: Set(expires_at.fixed_offset()),
                ..Default::default()
            })
            .await?;
        if let Some(target) = activity_move {
            let changes = activities::ActiveModel {
                status: Set(target),
                ..Default::default()
            };
            tx.update_by_id("activity", activity.id, changes).await?;
        }
        if let Some(reviewer) = &reviewer {
            notify_reviewer(&tx, &row, reviewer).await?;
        }
        publish(&tx, &row, ApprovalChange::Created).await?;
        tx.commit().await?;
        Ok(Approval::from(row))
    }

    /// Assigns (or reassigns) a pending approval to a reviewer (reviewers and admins), who is
    /// notified. The reviewer must be an active user of the tenant with the `REVIEWER` or
    /// `ADMIN` role. `CONFLICT` once the approval is resolved or past its expiry.
    #[tracing::instrument(skip_all)]
    async fn assign_approval_reviewer(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The approval's id.")] id: ID,
        #[graphql(desc = "The reviewer to assign.")] reviewer_id: ID,
    ) -> Result<Approval> {
        let session = access::write(ctx, REVIEWERS)?;
        let tx = access::begin(ctx, session).await?;
        let approval = approval_for_update(&tx, &id).await?;
        ensure_open(&approval)?;
        let reviewer = reviewer(&tx, &reviewer_id).await?;
        let changes = approvals::ActiveModel {
            reviewer_id: Set(Some(reviewer.id)),
            ..Default::default()
        };
        let row = tx.update_by_id("approval", approval.id, changes).await?;
        notify_reviewer(&tx, &row, &reviewer).await?;
        publish(&tx, &row, ApprovalChange::Assigned).await?;
        tx.commit().await?;
        Ok(Approval::from(row))
    }

    /// Approves a pending approval (reviewers and admins): `APPROVED`, its activity
    /// `APPROVED`; for a `STRATEGY_REVIEW`, the strategy of the activity's goal becomes
    /// `ACTIVE` (the previous one is archived). `CONFLICT` once resolved or past its expiry.
    #[tracing::instrument(skip_all)]
    async fn approve_approval(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The approval's id.")] id: ID,
        #[graphql(desc = "Feedback for the team, up to 5,000 characters.")] notes: Option<String>,
    ) -> Result<Approval> {
        let session = decider(ctx)?;
        let notes = REVIEWER_NOTES.optional(notes.as_deref())?;
        Ok(decide(ctx, session, &id, Decision::Approve, notes, None).await?)
    }

    /// Rejects a pending approval (reviewers and admins): `REJECTED`, its activity `REJECTED`
    /// with `notes` as its rejection note; for a `STRATEGY_REVIEW`, the strategy goes back to
    /// `DRAFT`. `CONFLICT` once resolved or past its expiry.
    #[tracing::instrument(skip_all)]
    async fn reject_approval(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The approval's id.")] id: ID,
        #[graphql(desc = "Why, 1–5,000 characters (required).")] notes: String,
    ) -> Result<Approval> {
        let session = decider(ctx)?;
        let notes = REVIEWER_NOTES.required(&notes)?;
        Ok(decide(ctx, session, &id, Decision::Reject, Some(notes), None).await?)
    }

    /// Sends a pending approval back for rework (reviewers and admins): `REVISION_REQUESTED`,
    /// its activity back to `IN_PROGRESS` with `notes` as its revision note; for a
    /// `STRATEGY_REVIEW`, the strategy goes back to `DRAFT`. `CONFLICT` once resolved or past
    /// its expiry.
    #[tracing::instrument(skip_all)]
    async fn request_approval_revision(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The approval's id.")] id: ID,
        #[graphql(desc = "What to change, 1–5,000 characters (required).")] notes: String,
    ) -> Result<Approval> {
        let session = decider(ctx)?;
        let notes = REVIEWER_NOTES.required(&notes)?;
        Ok(decide(
            ctx,
            session,
            &id,
            Decision::RequestRevision,
            Some(notes),
            None,
        )
        .await?)
    }

    /// Chooses one of the options of a pending `BRAND_DIRECTION` or `CONTENT_DIRECTION`
    /// approval (reviewers and admins): it resolves as `APPROVED` with `chosenOption`, its
    /// activity `APPROVED`. `CONFLICT` for other types, once resolved or past its expiry.
    #[tracing::instrument(skip_all)]
    async fn choose_approval_option(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The approval's id.")] id: ID,
        #[graphql(desc = "The option chosen, 1–255 characters.")] option: String,
        #[graphql(desc = "Feedback for the team, up to 5,000 characters.")] notes: Option<String>,
    ) -> Result<Approval> {
        let session = decider(ctx)?;
        let option = CHOSEN_OPTION.required(&option)?;
        let notes = REVIEWER_NOTES.optional(notes.as_deref())?;
        Ok(decide(
            ctx,
            session,
            &id,
            Decision::ChooseOption,
            notes,
            Some(option),
        )
        .await?)
    }

    /// Records that a pending approval was forwarded to the client for sign-off (reviewers and
    /// admins): sets `sentToClientAt`, once; the approval stays pending. `CONFLICT` when it was
    /// already sent, is resolved or is past its expiry.
    #[tracing::instrument(skip_all)]
    async fn mark_approval_sent_to_client(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The approval's id.")] id: ID,
    ) -> Result<Approval> {
        let session = access::write(ctx, REVIEWERS)?;
        let tx = access::begin(ctx, session).await?;
        let approval = approval_for_update(&tx, &id).await?;
        ensure_open(&approval)?;
        if approval.sent_to_client_at.is_some() {
            return Err(ApiError::Conflict(
                "the approval was already sent to the client".to_owned(),
            )
            .into());
        }
        let changes = approvals::ActiveModel {
            sent_to_client_at: Set(Some(now())),
            ..Default::default()
        };
        let row = tx.update_by_id("approval", approval.id, changes).await?;
        publish(&tx, &row, ApprovalChange::SentToClient).await?;
        tx.commit().await?;
        Ok(Approval::from(row))
    }
}
