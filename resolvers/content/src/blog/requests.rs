//! `BlogRequestMutation`: drafting, editing, submitting, deciding, starting, completing and
//! deleting blog requests. Who may do what:
//!
//! - members and agents' write keys (`MEMBERS`) create, edit, submit, start, complete and
//!   delete — an agent that asks for a post also works on it;
//! - reviewers (`REVIEWERS`) approve and reject. Approving creates the draft post in the same
//!   transaction, on the locked request row (two approvals cannot make two posts; the
//!   database's `blog_posts_blog_request_key` backs it up). When the request is linked to an
//!   activity that has approvals, the latest one must be `APPROVED` first.
//!
//! The requester is the session's (a member's id, or the API key's), never the input's.

use crate::blog::blog_type::BlogRequest;
use crate::blog::enums::BlogSearchIntent;
use crate::blog::workflow::{self, RequestAction};
use crate::shared::references::referenced;
use crate::shared::request::RequestPriority;
use crate::shared::requester::requester;
use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, Result};
use entities::sea_orm_active_enums as db;
use entities::{
    activities, approvals, blog_posts, blog_requests, channels, deliverable_periods, deliverables,
};
use graph_core::access::{self, MEMBERS, REVIEWERS};
use graph_core::db::TenantTx;
use graph_core::error::{ApiError, ApiResult};
use graph_core::ids::parse_ref_id;
use graph_core::validate::Text;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::ColumnTrait;
use uuid::Uuid;

/// The proposed title (`varchar(500)`).
const TITLE: Text = Text::new("title", 500);
/// The brief (`text`, bounded here).
const TOPIC_BRIEF: Text = Text::new("topicBrief", 10_000);
/// The primary keyword (`varchar(255)`).
const TARGET_KEYWORD: Text = Text::new("targetKeyword", 255);
/// The audience (`text`, bounded here).
const TARGET_AUDIENCE: Text = Text::new("targetAudience", 2_000);
/// Creative direction (`text`, bounded here).
const NOTES: Text = Text::new("notes", 10_000);
/// A reviewer's rejection notes (`text`, bounded here).
const REJECTION_NOTES: Text = Text::new("notes", 10_000);

/// A new blog request (a `DRAFT`).
#[derive(InputObject)]
pub struct CreateBlogRequestInput {
    /// The proposed title, 1–500 characters.
    pub title: String,
    /// What the post should cover (at most 10 000 characters); needed to submit.
    pub topic_brief: Option<String>,
    /// The primary SEO keyword (at most 255 characters); needed to submit.
    pub target_keyword: Option<String>,
    /// Further keywords (at most 20, each 1–255 characters; duplicates dropped).
    pub secondary_keywords: Option<Vec<String>>,
    /// What a reader searching for the keyword wants.
    pub search_intent: Option<BlogSearchIntent>,
    /// Who the post is for (at most 2000 characters).
    pub target_audience: Option<String>,
    /// The CMS channel (WordPress or Webflow) of the tenant to publish on; needed to submit.
    pub target_channel_id: Option<ID>,
    /// The length asked for, 100–20 000 words.
    pub target_word_count: Option<i32>,
    /// Creative direction, references, don'ts (at most 10 000 characters).
    pub notes: Option<String>,
    /// How urgent it is (`NORMAL` when omitted).
    pub priority: Option<RequestPriority>,
    /// The deliverable the post counts towards (omit for an ad-hoc request). Given only a
    /// period, the period's deliverable is used.
    pub deliverable_id: Option<ID>,
    /// The deliverable's period the post counts towards; must belong to `deliverableId` when
    /// both are given.
    pub deliverable_period_id: Option<ID>,
    /// The activity whose approval gates this request.
    pub activity_id: Option<ID>,
}

/// Changes to a blog request in `DRAFT` or `REJECTED` (which sends it back to `DRAFT`);
/// omitted fields keep their value, `null` clears a field, a blank text clears it too.
#[derive(InputObject)]
pub struct UpdateBlogRequestInput {
    /// A new title, 1–500 characters.
    pub title: Option<String>,
    /// A new brief (at most 10 000 characters).
    pub topic_brief: MaybeUndefined<String>,
    /// A new primary keyword (at most 255 characters).
    pub target_keyword: MaybeUndefined<String>,
    /// The secondary keywords (replaces the list).
    pub secondary_keywords: Option<Vec<String>>,
    /// A new search intent.
    pub search_intent: MaybeUndefined<BlogSearchIntent>,
    /// A new audience (at most 2000 characters).
    pub target_audience: MaybeUndefined<String>,
    /// Another CMS channel of the tenant.
    pub target_channel_id: MaybeUndefined<ID>,
    /// A new length, 100–20 000 words.
    pub target_word_count: MaybeUndefined<i32>,
    /// New notes (at most 10 000 characters).
    pub notes: MaybeUndefined<String>,
    /// A new priority.
    pub priority: Option<RequestPriority>,
    /// Another deliverable (the period is kept only if it belongs to it).
    pub deliverable_id: MaybeUndefined<ID>,
    /// Another period (of the request's deliverable).
    pub deliverable_period_id: MaybeUndefined<ID>,
    /// Another gating activity.
    pub activity_id: MaybeUndefined<ID>,
}

/// A text change: omitted keeps, `null` or blank clears, a value is checked by `rule`.
fn text_change(rule: Text, value: &MaybeUndefined<String>) -> ApiResult<Option<Option<String>>> {
    Ok(match value {
        MaybeUndefined::Undefined => None,
        MaybeUndefined::Null => Some(None),
        MaybeUndefined::Value(value) => Some(rule.optional(Some(value))?),
    })
}

/// The CMS channel `id` of the tenant (`BAD_USER_INPUT` on `targetChannelId` when there is no
/// such live channel or it is not a WordPress or Webflow site).
async fn cms_channel(tx: &TenantTx, id: &ID) -> ApiResult<Uuid> {
    let channel = referenced::<channels::Entity>(tx, "targetChannelId", "channel", id).await?;
    if channel.channel_type != db::ChannelType::Cms {
        return Err(ApiError::bad_input(
            "targetChannelId",
            "`targetChannelId` must be a CMS channel (WordPress or Webflow)",
        ));
    }
    Ok(channel.id)
}

/// The deliverable and period of a request, checked together: the period must belong to the
/// deliverable; a period alone brings its deliverable.
async fn plan_links(
    tx: &TenantTx,
    deliverable: Option<&ID>,
    period: Option<&ID>,
) -> ApiResult<(Option<Uuid>, Option<Uuid>)> {
    let deliverable = match deliverable {
        Some(id) => Some(
            referenced::<deliverables::Entity>(tx, "deliverableId", "deliverable", id)
                .await?
                .id,
        ),
        None => None,
    };
    let Some(period) = period else {
        return Ok((deliverable, None));
    };
    let period = referenced::<deliverable_periods::Entity>(
        tx,
        "deliverablePeriodId",
        "deliverable period",
        period,
    )
    .await?;
    match deliverable {
        Some(deliverable) if deliverable != period.deliverable_id => Err(ApiError::bad_input(
            "deliverablePeriodId",
            "`deliverablePeriodId` must be a period of `deliverableId`",
        )),
        _ => Ok((Some(period.deliverable_id), Some(period.id))),
    }
}

/// The activity `id` of the tenant (`BAD_USER_INPUT` on `activityId` otherwise).
async fn activity(tx: &TenantTx, id: &ID) -> ApiResult<Uuid> {
    Ok(
        referenced::<activities::Entity>(tx, "activityId", "activity", id)
            .await?
            .id,
    )
}

/// Locks the request `id` and checks that `action` may be done to it; returns the row and the
/// status it moves to.
async fn locked_for(
    tx: &TenantTx,
    id: &ID,
    action: RequestAction,
) -> ApiResult<(blog_requests::Model, db::RequestStatus)> {
    let ref_id = parse_ref_id("id", id)?.into_string();
    let row = tx
        .lock_by_ref::<blog_requests::Entity>("blog request", &ref_id, false)
        .await?;
    let to = workflow::request_after(action, &row.status)?;
    Ok((row, to))
}

/// Moves the locked request `row` to `to` with `changes` and commits.
async fn save(
    tx: TenantTx,
    row: &blog_requests::Model,
    mut changes: blog_requests::ActiveModel,
    to: db::RequestStatus,
) -> ApiResult<BlogRequest> {
    if to != row.status {
        changes.status = Set(to);
    }
    let row = tx.update_by_id("blog request", row.id, changes).await?;
    tx.commit().await?;
    Ok(BlogRequest::from(row))
}

/// The blog request part of the content `Mutation`.
#[derive(Default)]
pub struct BlogRequestMutation;

/// Changes to blog requests.
#[Object]
impl BlogRequestMutation {
    /// Drafts a blog request (members and agents' write keys). The requester is the caller: a
    /// member (`HUMAN`) or the API key (`AGENT`).
    #[tracing::instrument(skip_all)]
    async fn create_blog_request(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "What to write, for whom, where it goes.")] input: CreateBlogRequestInput,
    ) -> Result<BlogRequest> {
        let session = access::write(ctx, MEMBERS)?;
        let title = TITLE.required(&input.title)?;
        let topic_brief = TOPIC_BRIEF.optional(input.topic_brief.as_deref())?;
        let target_keyword = TARGET_KEYWORD.optional(input.target_keyword.as_deref())?;
        let secondary_keywords =
            workflow::secondary_keywords(input.secondary_keywords.as_deref().unwrap_or_default())?;
        let target_audience = TARGET_AUDIENCE.optional(input.target_audience.as_deref())?;
        let notes = NOTES.optional(input.notes.as_deref())?;
        let target_word_count = input
            .target_word_count
            .map(workflow::target_word_count)
            .transpose()?;
        for (field, id) in [
            ("targetChannelId", &input.target_channel_id),
            ("deliverableId", &input.deliverable_id),
            ("deliverablePeriodId", &input.deliverable_period_id),
            ("activityId", &input.activity_id),
        ] {
            if let Some(id) = id {
                parse_ref_id(field, id)?;
            }
        }
        let (requested_by_type, requested_by_id) = requester(session);
        let tx = access::begin(ctx, session).await?;
        let target_channel_id = match &input.target_channel_id {
            Some(id) => Some(cms_channel(&tx, id).await?),
            None => None,
        };
        let (deliverable_id, deliverable_period_id) = plan_links(
            &tx,
            input.deliverable_id.as_ref(),
            input.deliverable_period_id.as_ref(),
        )
        .await?;
        let activity_id = match &input.activity_id {
            Some(id) => Some(activity(&tx, id).await?),
            None => None,
        };
        let row = tx
            .insert(blog_requests::ActiveModel {
                id: Set(Uuid::new_v4()),
                deliverable_id: Set(deliverable_id),
                deliverable_period_id: Set(deliverable_period_id),
                activity_id: Set(activity_id),
                requested_by_type: Set(requested_by_type),
                requested_by_id: Set(requested_by_id),
                title: Set(title),
                topic_brief: Set(topic_brief),
                target_keyword: Set(target_keyword),
                secondary_keywords: Set(secondary_keywords),
                search_intent: Set(input.search_intent.map(Into::into)),
                target_audience: Set(target_audience),
                target_channel_id: Set(target_channel_id),
                target_word_count: Set(target_word_count),
                notes: Set(notes),
                priority: Set(input.priority.unwrap_or(RequestPriority::Normal).into()),
                status: Set(db::RequestStatus::Draft),
                ..Default::default()
            })
            .await?;
        tx.commit().await?;
        tracing::info!(blog_request = %row.ref_id, "blog request drafted");
        Ok(BlogRequest::from(row))
    }

    /// Changes a blog request in `DRAFT`, or in `REJECTED` — which sends it back to `DRAFT`
    /// (its rejection notes stay until it is submitted again). Members and agents' write keys.
    #[tracing::instrument(skip_all)]
    async fn update_blog_request(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The request's id.")] id: ID,
        #[graphql(desc = "What to change.")] input: UpdateBlogRequestInput,
    ) -> Result<BlogRequest> {
        let session = access::write(ctx, MEMBERS)?;
        let title = input
            .title
            .as_deref()
            .map(|title| TITLE.required(title))
            .transpose()?;
        let topic_brief = text_change(TOPIC_BRIEF, &input.topic_brief)?;
        let target_keyword = text_change(TARGET_KEYWORD, &input.target_keyword)?;
        let target_audience = text_change(TARGET_AUDIENCE, &input.target_audience)?;
        let notes = text_change(NOTES, &input.notes)?;
        let secondary_keywords = input
            .secondary_keywords
            .as_deref()
            .map(workflow::secondary_keywords)
            .transpose()?;
        let target_word_count = match input.target_word_count {
            MaybeUndefined::Undefined => NotSet,
            MaybeUndefined::Null => Set(None),
            MaybeUndefined::Value(count) => Set(Some(workflow::target_word_count(count)?)),
        };
        for (field, id) in [
            ("targetChannelId", input.target_channel_id.value()),
            ("deliverableId", input.deliverable_id.value()),
            ("deliverablePeriodId", input.deliverable_period_id.value()),
            ("activityId", input.activity_id.value()),
        ] {
            if let Some(id) = id {
                parse_ref_id(field, id)?;
            }
        }
        let tx = access::begin(ctx, session).await?;
        let (row, to) = locked_for(&tx, &id, RequestAction::Edit).await?;
        let target_channel_id = match &input.target_channel_id {
            MaybeUndefined::Undefined => NotSet,
            MaybeUndefined::Null => Set(None),
            MaybeUndefined::Value(id) => Set(Some(cms_channel(&tx, id).await?)),
        };
        let activity_id = match &input.activity_id {
            MaybeUndefined::Undefined => NotSet,
            MaybeUndefined::Null => Set(None),
            MaybeUndefined::Value(id) => Set(Some(activity(&tx, id).await?)),
        };
        // The plan links change together, so that the period always belongs to the
        // deliverable: a new period brings its deliverable; a kept period is dropped when the
        // deliverable changes.
        let (deliverable_id, deliverable_period_id) =
            if input.deliverable_id.is_undefined() && input.deliverable_period_id.is_undefined() {
                (NotSet, NotSet)
            } else {
                let deliverable = match &input.deliverable_id {
                    MaybeUndefined::Undefined => row.deliverable_id,
                    MaybeUndefined::Null => None,
                    MaybeUndefined::Value(id) => plan_links(&tx, Some(id), None).await?.0,
                };
                let (deliverable, period) = match &input.deliverable_period_id {
                    MaybeUndefined::Undefined => (
                        deliverable,
                        row.deliverable_period_id
                            .filter(|_| deliverable.is_some() && deliverable == row.deliverable_id),
                    ),
                    MaybeUndefined::Null => (deliverable, None),
                    MaybeUndefined::Value(id) => {
                        let (owner, period) = plan_links(&tx, None, Some(id)).await?;
                        if deliverable.is_some() && deliverable != owner {
                            return Err(ApiError::bad_input(
                            "deliverablePeriodId",
                            "`deliverablePeriodId` must be a period of the request's deliverable",
                        )
                        .into());
                        }
                        (owner, period)
                    }
                };
                (Set(deliverable), Set(period))
            };
        let changes = blog_requests::ActiveModel {
            title: title.map_or(NotSet, Set),
            topic_brief: topic_brief.map_or(NotSet, Set),
            target_keyword: target_keyword.map_or(NotSet, Set),
            secondary_keywords: secondary_keywords.map_or(NotSet, Set),
            search_intent: match input.search_intent {
                MaybeUndefined::Undefined => NotSet,
                MaybeUndefined::Null => Set(None),
                MaybeUndefined::Value(intent) => Set(Some(intent.into())),
            },
            target_audience: target_audience.map_or(NotSet, Set),
            target_channel_id,
            target_word_count,
            notes: notes.map_or(NotSet, Set),
            priority: input
                .priority
                .map_or(NotSet, |priority| Set(priority.into())),
            deliverable_id,
            deliverable_period_id,
            activity_id,
            ..Default::default()
        };
        Ok(save(tx, &row, changes, to).await?)
    }

    /// Submits a draft request for approval (`PENDING_APPROVAL`; members and agents' write
    /// keys). It needs a `topicBrief`, a `targetKeyword` and a `targetChannelId`
    /// (`BAD_USER_INPUT` naming the first one missing). Earlier rejection notes are cleared.
    #[tracing::instrument(skip_all)]
    async fn submit_blog_request(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The request's id.")] id: ID,
    ) -> Result<BlogRequest> {
        let session = access::write(ctx, MEMBERS)?;
        let tx = access::begin(ctx, session).await?;
        let (row, to) = locked_for(&tx, &id, RequestAction::Submit).await?;
        workflow::check_submittable(
            row.topic_brief.as_deref(),
            row.target_keyword.as_deref(),
            row.target_channel_id.is_some(),
        )?;
        let changes = blog_requests::ActiveModel {
            rejection_notes: Set(None),
            ..Default::default()
        };
        Ok(save(tx, &row, changes, to).await?)
    }

    /// Approves a pending request (reviewers) and creates its post, in `DRAFT`, in the same
    /// transaction: the request's title, target channel and target keyword (as the focus
    /// keyword). When the request is linked to an activity that has approvals, the latest one
    /// must be `APPROVED`: a pending one is `CONFLICT` (decide it with `approveApproval`
    /// first), a rejected or expired one too. Without approvals a reviewer approves directly.
    #[tracing::instrument(skip_all)]
    async fn approve_blog_request(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The request's id.")] id: ID,
    ) -> Result<BlogRequest> {
        let session = access::write(ctx, REVIEWERS)?;
        let tx = access::begin(ctx, session).await?;
        let (row, to) = locked_for(&tx, &id, RequestAction::Approve).await?;
        if let Some(activity_id) = row.activity_id {
            let latest = tx
                .select::<approvals::Entity>()
                .filter(approvals::Column::ActivityId.eq(activity_id))
                .order_by_desc(approvals::Column::RefId)
                .limit(1)
                .one(&tx)
                .await?;
            workflow::approval_gate(
                latest
                    .as_ref()
                    .map(|approval| (&approval.status, approval.expires_at.to_utc())),
                chrono::Utc::now(),
            )?;
        }
        tx.insert(blog_posts::ActiveModel {
            id: Set(Uuid::new_v4()),
            blog_request_id: Set(row.id),
            channel_id: Set(row.target_channel_id),
            title: Set(row.title.clone()),
            focus_keyword: Set(row.target_keyword.clone()),
            status: Set(db::BlogPostStatus::Draft),
            ..Default::default()
        })
        .await?;
        tracing::info!(blog_request = %row.ref_id, "blog request approved, post drafted");
        Ok(save(tx, &row, blog_requests::ActiveModel::default(), to).await?)
    }

    /// Rejects a pending request (reviewers) with feedback for the requester; editing it then
    /// sends it back to `DRAFT`.
    #[tracing::instrument(skip_all)]
    async fn reject_blog_request(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The request's id.")] id: ID,
        #[graphql(desc = "What to change (1–10 000 characters); shown as `rejectionNotes`.")]
        notes: String,
    ) -> Result<BlogRequest> {
        let session = access::write(ctx, REVIEWERS)?;
        let notes = REJECTION_NOTES.required(&notes)?;
        let tx = access::begin(ctx, session).await?;
        let (row, to) = locked_for(&tx, &id, RequestAction::Reject).await?;
        let changes = blog_requests::ActiveModel {
            rejection_notes: Set(Some(notes)),
            ..Default::default()
        };
        Ok(save(tx, &row, changes, to).await?)
    }

    /// Starts work on an approved request (`IN_PROGRESS`; members and agents' write keys: the
    /// agent that writes the post starts it).
    #[tracing::instrument(skip_all)]
    async fn start_blog_request(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The request's id.")] id: ID,
    ) -> Result<BlogRequest> {
        let session = access::write(ctx, MEMBERS)?;
        let tx = access::begin(ctx, session).await?;
        let (row, to) = locked_for(&tx, &id, RequestAction::Start).await?;
        Ok(save(tx, &row, blog_requests::ActiveModel::default(), to).await?)
    }

    /// Completes a request in progress (`COMPLETED`; members and agents' write keys).
    #[tracing::instrument(skip_all)]
    async fn complete_blog_request(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The request's id.")] id: ID,
    ) -> Result<BlogRequest> {
        let session = access::write(ctx, MEMBERS)?;
        let tx = access::begin(ctx, session).await?;
        let (row, to) = locked_for(&tx, &id, RequestAction::Complete).await?;
        Ok(save(tx, &row, blog_requests::ActiveModel::default(), to).await?)
    }

    /// Deletes a draft request (members and agents' write keys); submitted ones stay on
    /// record. Returns the deleted request's id.
    #[tracing::instrument(skip_all)]
    async fn delete_blog_request(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The request's id.")] id: ID,
    ) -> Result<ID> {
        let session = access::write(ctx, MEMBERS)?;
        let tx = access::begin(ctx, session).await?;
        let (row, _) = locked_for(&tx, &id, RequestAction::Delete).await?;
        tx.soft_delete::<blog_requests::Entity, _>(
            "blog request",
            row.id,
            blog_requests::ActiveModel::default(),
        )
        .await?;
        tx.commit().await?;
        Ok(ID(row.ref_id))
    }
}
