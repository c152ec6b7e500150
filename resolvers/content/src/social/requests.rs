//! `SocialMediaRequestMutation`: creating, changing, submitting, approving (which creates the
//! posts), rejecting, starting, completing and deleting social media requests. Each is one
//! transaction on the request row locked `FOR UPDATE`, moved by the pure rules of
//! [`crate::social::workflow`]. Members and agents' write keys write requests; reviewers (and
//! admins) approve and reject them.

use crate::shared::references::{referenced, referenced_id};
use crate::shared::requester::requester;
use crate::social::enums::{SocialMediaRequestPriority, SocialPostType};
use crate::social::social_types::SocialMediaRequest;
use crate::social::workflow::{
    RequestAction, approval_gate, approval_status_at, check_target_count, check_targets,
    request_after,
};
use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, Result};
use chrono::{DateTime, Utc};
use entities::sea_orm_active_enums as db;
use entities::{
    activities, approvals, channels, deliverable_periods, deliverables, social_media_requests,
    social_posts,
};
use graph_core::access::{self, MEMBERS, REVIEWERS};
use graph_core::changes::optional_change;
use graph_core::db::TenantTx;
use graph_core::error::{ApiError, ApiResult};
use graph_core::ids::parse_ref_id;
use graph_core::validate::{Text, future};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::ColumnTrait;
use uuid::Uuid;

/// What the posts are about (`topic`, `varchar(500)`).
const TOPIC: Text = Text::new("topic", 500);
/// Key messages, angle, tone direction.
const CONTENT_BRIEF: Text = Text::new("contentBrief", 10_000);
/// Hashtag direction, visual notes, don'ts.
const NOTES: Text = Text::new("notes", 5_000);
/// A reviewer's reasons for rejecting.
const REJECTION_NOTES: Text = Text::new("notes", 5_000);

/// A new social media request (a `DRAFT`).
#[derive(InputObject)]
pub struct CreateSocialMediaRequestInput {
    /// What the posts are about, 1–500 characters.
    pub topic: String,
    /// Key messages, angle, tone direction (at most 10,000 characters).
    pub content_brief: Option<String>,
    /// The kind of post (default `STANDARD`). It must suit every target's platform: `STANDARD`
    /// on LinkedIn, Facebook, Instagram, X and TikTok; `CAROUSEL` not on X; `REEL` on
    /// Facebook, Instagram and TikTok; `STORY` on Facebook and Instagram; `ARTICLE` on
    /// LinkedIn; `GBP_UPDATE` on Google Business Profile only.
    pub post_type: Option<SocialPostType>,
    /// The channels to post to: 1–10 distinct channels of the tenant, each a social network
    /// (or a Google Business Profile, for `GBP_UPDATE`). One post per channel is created when
    /// the request is approved.
    pub target_channel_ids: Vec<ID>,
    /// When the posts should go out (in the future).
    pub scheduled_for: Option<DateTime<Utc>>,
    /// Hashtag direction, visual notes, don'ts (at most 5,000 characters).
    pub notes: Option<String>,
    /// How urgent it is (default `NORMAL`).
    pub priority: Option<SocialMediaRequestPriority>,
    /// The deliverable the posts count towards (omit for an ad-hoc request).
    pub deliverable_id: Option<ID>,
    /// The deliverable period the posts count towards; it must be a period of
    /// `deliverableId` when both are given (the deliverable is taken from the period when only
    /// the period is).
    pub deliverable_period_id: Option<ID>,
    /// The activity whose approval gates this request: while it has approvals, the request is
    /// approved only once the latest of them is `APPROVED`.
    pub activity_id: Option<ID>,
}

/// Changes to a `DRAFT` request; omitted fields keep their value, `null` clears an optional
/// one.
#[derive(InputObject)]
pub struct UpdateSocialMediaRequestInput {
    /// New topic, 1–500 characters.
    pub topic: Option<String>,
    /// New brief (at most 10,000 characters); `null` clears it.
    pub content_brief: MaybeUndefined<String>,
    /// New post type (it must suit every target's platform).
    pub post_type: Option<SocialPostType>,
    /// New targets: 1–10 distinct social channels (replaces the list).
    pub target_channel_ids: Option<Vec<ID>>,
    /// New requested publish time (in the future); `null` clears it.
    pub scheduled_for: MaybeUndefined<DateTime<Utc>>,
    /// New notes (at most 5,000 characters); `null` clears them.
    pub notes: MaybeUndefined<String>,
    /// New priority.
    pub priority: Option<SocialMediaRequestPriority>,
}

/// The live channels of the tenant named by `ids` (input `targetChannelIds`), in the given
/// order: 1–10, distinct, each existing in the tenant (`BAD_USER_INPUT` on `targetChannelIds`
/// otherwise; another tenant's channel is the same as no channel).
async fn target_channels(tx: &TenantTx, ids: &[ID]) -> ApiResult<Vec<channels::Model>> {
    let refs = ids
        .iter()
        .map(|id| parse_ref_id("targetChannelIds", id).map(|id| id.into_string()))
        .collect::<ApiResult<Vec<String>>>()?;
    check_target_count(&refs)?;
    let rows = tx
        .select::<channels::Entity>()
        .filter(channels::Column::RefId.is_in(refs.clone()))
        .all(tx)
        .await?;
    refs.iter()
        .map(|ref_id| {
            rows.iter()
                .find(|row| &row.ref_id == ref_id)
                .cloned()
                .ok_or_else(|| {
                    ApiError::bad_input("targetChannelIds", format!("no such channel: {ref_id}"))
                })
        })
        .collect()
}

/// The platforms of the channels with internal ids `ids` (deleted ones included).
async fn platforms_of(tx: &TenantTx, ids: &[Uuid]) -> ApiResult<Vec<db::ChannelPlatform>> {
    Ok(tx
        .select_with_deleted::<channels::Entity>(true)
        .filter(channels::Column::Id.is_in(ids.iter().copied()))
        .all(tx)
        .await?
        .into_iter()
        .map(|row| row.platform)
        .collect())
}

/// The `(deliverable, period)` internal ids of a new request's links (`BAD_USER_INPUT` on the
/// field naming an unknown one, or a period of another deliverable).
async fn plan_links(
    tx: &TenantTx,
    deliverable_id: Option<&ID>,
    period_id: Option<&ID>,
) -> ApiResult<(Option<Uuid>, Option<Uuid>)> {
    let deliverable =
        referenced_id::<deliverables::Entity>(tx, "deliverableId", "deliverable", deliverable_id)
            .await?;
    let Some(period_id) = period_id else {
        return Ok((deliverable, None));
    };
    let period = referenced::<deliverable_periods::Entity>(
        tx,
        "deliverablePeriodId",
        "deliverable period",
        period_id,
    )
    .await?;
    match deliverable {
        Some(deliverable) if deliverable != period.deliverable_id => Err(ApiError::bad_input(
            "deliverablePeriodId",
            "`deliverablePeriodId` is a period of another deliverable than `deliverableId`",
        )),
        _ => Ok((Some(period.deliverable_id), Some(period.id))),
    }
}

/// The request `id` (input `id`) locked for the rest of `tx`, and the status `action` moves it
/// to (`NOT_FOUND`, or `CONFLICT` when the action is not allowed in its status).
async fn lock_request(
    tx: &TenantTx,
    id: &ID,
    action: RequestAction,
) -> ApiResult<(social_media_requests::Model, db::RequestStatus)> {
    let ref_id = parse_ref_id("id", id)?.into_string();
    let row = tx
        .lock_by_ref::<social_media_requests::Entity>("social media request", &ref_id, false)
        .await?;
    let next = request_after(&row.status, action)?;
    Ok((row, next))
}

/// Moves request `id` by `action` (nothing else changes) in one transaction.
async fn move_request(
    ctx: &Context<'_>,
    session: &graph_core::context::Session,
    id: &ID,
    action: RequestAction,
) -> ApiResult<SocialMediaRequest> {
    let tx = access::begin(ctx, session).await?;
    let (row, next) = lock_request(&tx, id, action).await?;
    let changes = social_media_requests::ActiveModel {
        status: Set(next),
        ..Default::default()
    };
    let row = tx
        .update_by_id("social media request", row.id, changes)
        .await?;
    tx.commit().await?;
    Ok(SocialMediaRequest::from(row))
}

/// The social media request part of the social `Mutation`.
#[derive(Default)]
pub struct SocialMediaRequestMutation;

/// Changes to social media requests.
#[Object]
impl SocialMediaRequestMutation {
    /// Creates a `DRAFT` social media request (members and agents' write keys); who asked is
    /// taken from the credentials.
    #[tracing::instrument(skip_all)]
    async fn create_social_media_request(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The topic, post type, target channels and links.")]
        input: CreateSocialMediaRequestInput,
    ) -> Result<SocialMediaRequest> {
        let session = access::write(ctx, MEMBERS)?;
        let topic = TOPIC.required(&input.topic)?;
        let brief = CONTENT_BRIEF.optional(input.content_brief.as_deref())?;
        let notes = NOTES.optional(input.notes.as_deref())?;
        let scheduled_for = input
            .scheduled_for
            .map(|at| future("scheduledFor", at, Utc::now()))
            .transpose()?;
        let kind = db::SocialMediaRequestPostType::from(
            input.post_type.unwrap_or(SocialPostType::Standard),
        );
        let priority =
            db::RequestPriority::from(input.priority.unwrap_or(SocialMediaRequestPriority::Normal));
        let (requested_by_type, requested_by_id) = requester(session);
        let tx = access::begin(ctx, session).await?;
        let targets = target_channels(&tx, &input.target_channel_ids).await?;
        let platforms: Vec<db::ChannelPlatform> =
            targets.iter().map(|row| row.platform.clone()).collect();
        check_targets(&kind, &platforms)?;
        let (deliverable, period) = plan_links(
            &tx,
            input.deliverable_id.as_ref(),
            input.deliverable_period_id.as_ref(),
        )
        .await?;
        let activity = referenced_id::<activities::Entity>(
            &tx,
            "activityId",
            "activity",
            input.activity_id.as_ref(),
        )
        .await?;
        let row = tx
            .insert(social_media_requests::ActiveModel {
                id: Set(Uuid::new_v4()),
                deliverable_id: Set(deliverable),
                deliverable_period_id: Set(period),
                activity_id: Set(activity),
                requested_by_type: Set(requested_by_type),
                requested_by_id: Set(requested_by_id),
                topic: Set(topic),
                content_brief: Set(brief),
                post_type: Set(kind),
                target_channel_ids: Set(targets.iter().map(|row| row.id).collect()),
                scheduled_for: Set(scheduled_for.map(Into::into)),
                notes: Set(notes),
                priority: Set(priority),
                status: Set(db::RequestStatus::Draft),
                ..Default::default()
            })
            .await?;
        tx.commit().await?;
        tracing::info!(request = %row.ref_id, "social media request created");
        Ok(SocialMediaRequest::from(row))
    }

    /// Changes a `DRAFT` request (members and agents' write keys); `CONFLICT` in any other
    /// status.
    #[tracing::instrument(skip_all)]
    async fn update_social_media_request(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The request's id.")] id: ID,
        #[graphql(desc = "What to change.")] input: UpdateSocialMediaRequestInput,
    ) -> Result<SocialMediaRequest> {
        let session = access::write(ctx, MEMBERS)?;
        let topic = input
            .topic
            .as_deref()
            .map(|topic| TOPIC.required(topic))
            .transpose()?;
        let brief = optional_change(&input.content_brief, |brief| {
            CONTENT_BRIEF.optional(Some(brief))
        })?;
        let notes = optional_change(&input.notes, |notes| NOTES.optional(Some(notes)))?;
        let scheduled_for = optional_change(&input.scheduled_for, |at| {
            future("scheduledFor", *at, Utc::now()).map(|at| Some(at.fixed_offset()))
        })?;
        let tx = access::begin(ctx, session).await?;
        let (row, _) = lock_request(&tx, &id, RequestAction::Update).await?;
        let kind = input
            .post_type
            .map(db::SocialMediaRequestPostType::from)
            .unwrap_or_else(|| row.post_type.clone());
        let targets = match &input.target_channel_ids {
            Some(ids) => Some(target_channels(&tx, ids).await?),
            None => None,
        };
        let platforms = match &targets {
            Some(targets) => targets.iter().map(|row| row.platform.clone()).collect(),
            None => platforms_of(&tx, &row.target_channel_ids).await?,
        };
        check_targets(&kind, &platforms)?;
        let changes = social_media_requests::ActiveModel {
            topic: topic.map_or(NotSet, Set),
            content_brief: brief,
            post_type: input.post_type.map_or(NotSet, |_| Set(kind)),
            target_channel_ids: targets.map_or(NotSet, |targets| {
                Set(targets.iter().map(|row| row.id).collect())
            }),
            scheduled_for,
            notes,
            priority: input
                .priority
                .map_or(NotSet, |priority| Set(priority.into())),
            ..Default::default()
        };
        let row = tx
            .update_by_id("social media request", row.id, changes)
            .await?;
        tx.commit().await?;
        Ok(SocialMediaRequest::from(row))
    }

    /// Submits a `DRAFT` request for approval: `PENDING_APPROVAL` (members and agents' write
    /// keys).
    #[tracing::instrument(skip_all)]
    async fn submit_social_media_request(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The request's id.")] id: ID,
    ) -> Result<SocialMediaRequest> {
        let session = access::write(ctx, MEMBERS)?;
        Ok(move_request(ctx, session, &id, RequestAction::Submit).await?)
    }

    /// Approves a `PENDING_APPROVAL` request (reviewers and admins) and, in the same
    /// transaction, creates one `DRAFT` social post per target channel (its platform taken
    /// from the channel). When the request's activity has approvals, the latest must be
    /// `APPROVED`: a pending one is `CONFLICT` (decide it with `approveApproval` first), a
    /// rejected, expired or sent-back one is `CONFLICT`. A target channel deleted since the
    /// request was written is `CONFLICT` too. Approving twice is `CONFLICT`.
    #[tracing::instrument(skip_all)]
    async fn approve_social_media_request(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The request's id.")] id: ID,
    ) -> Result<SocialMediaRequest> {
        let session = access::write(ctx, REVIEWERS)?;
        let tx = access::begin(ctx, session).await?;
        let (row, next) = lock_request(&tx, &id, RequestAction::Approve).await?;
        if let Some(activity) = row.activity_id {
            let latest = tx
                .select::<approvals::Entity>()
                .filter(approvals::Column::ActivityId.eq(activity))
                .order_by_desc(approvals::Column::CreatedOn)
                .order_by_desc(approvals::Column::RefId)
                .limit(1)
                .one(&tx)
                .await?;
            let status = latest.map(|approval| {
                approval_status_at(&approval.status, approval.expires_at.to_utc(), Utc::now())
            });
            approval_gate(status.as_ref())?;
        }
        let targets = tx
            .select::<channels::Entity>()
            .filter(channels::Column::Id.is_in(row.target_channel_ids.iter().copied()))
            .all(&tx)
            .await?;
        for channel_id in &row.target_channel_ids {
            let Some(channel) = targets.iter().find(|channel| channel.id == *channel_id) else {
                return Err(ApiError::Conflict(
                    "a target channel of this request was deleted; reject the request and write a new one"
                        .to_owned(),
                )
                .into());
            };
            tx.insert(social_posts::ActiveModel {
                id: Set(Uuid::new_v4()),
                social_media_request_id: Set(row.id),
                channel_id: Set(Some(channel.id)),
                platform: Set(channel.platform.clone()),
                status: Set(db::SocialPostStatus::Draft),
                scheduled_for: Set(row.scheduled_for),
                ..Default::default()
            })
            .await?;
        }
        let changes = social_media_requests::ActiveModel {
            status: Set(next),
            rejection_notes: Set(None),
            ..Default::default()
        };
        let row = tx
            .update_by_id("social media request", row.id, changes)
            .await?;
        tx.commit().await?;
        tracing::info!(request = %row.ref_id, posts = row.target_channel_ids.len(), "social media request approved");
        Ok(SocialMediaRequest::from(row))
    }

    /// Rejects a `PENDING_APPROVAL` request with the reviewer's reasons (reviewers and
    /// admins): `REJECTED`, final.
    #[tracing::instrument(skip_all)]
    async fn reject_social_media_request(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The request's id.")] id: ID,
        #[graphql(desc = "Why, 1–5,000 characters.")] notes: String,
    ) -> Result<SocialMediaRequest> {
        let session = access::write(ctx, REVIEWERS)?;
        let notes = REJECTION_NOTES.required(&notes)?;
        let tx = access::begin(ctx, session).await?;
        let (row, next) = lock_request(&tx, &id, RequestAction::Reject).await?;
        let changes = social_media_requests::ActiveModel {
            status: Set(next),
            rejection_notes: Set(Some(notes)),
            ..Default::default()
        };
        let row = tx
            .update_by_id("social media request", row.id, changes)
            .await?;
        tx.commit().await?;
        Ok(SocialMediaRequest::from(row))
    }

    /// Starts work on an `APPROVED` request: `IN_PROGRESS` (members and agents' write keys).
    #[tracing::instrument(skip_all)]
    async fn start_social_media_request(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The request's id.")] id: ID,
    ) -> Result<SocialMediaRequest> {
        let session = access::write(ctx, MEMBERS)?;
        Ok(move_request(ctx, session, &id, RequestAction::Start).await?)
    }

    /// Completes an `IN_PROGRESS` request: `COMPLETED` (members and agents' write keys).
    #[tracing::instrument(skip_all)]
    async fn complete_social_media_request(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The request's id.")] id: ID,
    ) -> Result<SocialMediaRequest> {
        let session = access::write(ctx, MEMBERS)?;
        Ok(move_request(ctx, session, &id, RequestAction::Complete).await?)
    }

    /// Deletes a `DRAFT` request (members and agents' write keys); `CONFLICT` in any other
    /// status. Returns the deleted request's id.
    #[tracing::instrument(skip_all)]
    async fn delete_social_media_request(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The request's id.")] id: ID,
    ) -> Result<ID> {
        let session = access::write(ctx, MEMBERS)?;
        let tx = access::begin(ctx, session).await?;
        let (row, _) = lock_request(&tx, &id, RequestAction::Delete).await?;
        tx.soft_delete::<social_media_requests::Entity, _>(
            "social media request",
            row.id,
            social_media_requests::ActiveModel::default(),
        )
        .await?;
        tx.commit().await?;
        Ok(ID(row.ref_id))
    }
}
