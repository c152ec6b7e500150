//! The types of the social pipeline: `SocialMediaRequest` (a federation entity) with its
//! relations — deliverable, period, activity, target channels, posts — and `SocialPost` (a
//! federation entity) with its request, channel, copy (`body`, from the document store) and
//! latest engagement. Every relation goes through the request's loaders.

use crate::channels::{Channel, ChannelPlatform};
use crate::federation::{Activity, Deliverable, DeliverablePeriod};
use crate::shared::body::{ContentBody, body_of};
use crate::shared::requester::RequesterType;
use crate::social::enums::{
    SocialMediaRequestPriority, SocialMediaRequestStatus, SocialPostStatus, SocialPostType,
};
use async_graphql::{ComplexObject, Context, ID, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entities::{channels, social_media_requests, social_posts};
use graph_core::loaders::{children, loaders, one};
use uuid::Uuid;

/// A request for social posts: what to post about, of which kind, on which channels. Approving
/// it creates one `SocialPost` per target channel.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct SocialMediaRequest {
    /// Public id (ULID).
    pub id: ID,
    /// Who asked: a member (`HUMAN`) or an agent through an API key (`AGENT`).
    pub requested_by_type: RequesterType,
    /// The public id of the user or API key that asked.
    pub requested_by_id: String,
    /// What the posts are about.
    pub topic: String,
    /// Key messages, angle, tone direction.
    pub content_brief: Option<String>,
    /// The kind of post.
    pub post_type: SocialPostType,
    /// When the posts should go out, as requested.
    pub scheduled_for: Option<DateTime<Utc>>,
    /// Hashtag direction, visual notes, don'ts.
    pub notes: Option<String>,
    /// How urgent it is.
    pub priority: SocialMediaRequestPriority,
    /// Where it is in its workflow.
    pub status: SocialMediaRequestStatus,
    /// The reviewer's reasons, when rejected.
    pub rejection_notes: Option<String>,
    /// When it was created.
    pub created_on: DateTime<Utc>,
    /// When it was last changed; null if never.
    pub updated_on: Option<DateTime<Utc>>,
    #[graphql(skip)]
    pub(crate) row_id: Uuid,
    #[graphql(skip)]
    pub(crate) deliverable_id: Option<Uuid>,
    #[graphql(skip)]
    pub(crate) deliverable_period_id: Option<Uuid>,
    #[graphql(skip)]
    pub(crate) activity_id: Option<Uuid>,
    #[graphql(skip)]
    pub(crate) target_channel_ids: Vec<Uuid>,
}

impl From<social_media_requests::Model> for SocialMediaRequest {
    fn from(row: social_media_requests::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            requested_by_type: row.requested_by_type.into(),
            requested_by_id: row.requested_by_id,
            topic: row.topic,
            content_brief: row.content_brief,
            post_type: row.post_type.into(),
            scheduled_for: row.scheduled_for.map(|at| at.to_utc()),
            notes: row.notes,
            priority: row.priority.into(),
            status: row.status.into(),
            rejection_notes: row.rejection_notes,
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            row_id: row.id,
            deliverable_id: row.deliverable_id,
            deliverable_period_id: row.deliverable_period_id,
            activity_id: row.activity_id,
            target_channel_ids: row.target_channel_ids,
        }
    }
}

/// The request's relations, through the request's loaders.
#[ComplexObject]
impl SocialMediaRequest {
    /// The deliverable the posts count towards; null for an ad-hoc request.
    async fn deliverable(&self, ctx: &Context<'_>) -> Result<Option<Deliverable>> {
        Deliverable::of(ctx, self.deliverable_id).await
    }

    /// The deliverable period the posts count towards; null for an ad-hoc request.
    async fn deliverable_period(&self, ctx: &Context<'_>) -> Result<Option<DeliverablePeriod>> {
        DeliverablePeriod::of(ctx, self.deliverable_period_id).await
    }

    /// The activity whose approval gates this request; null when there is none.
    async fn activity(&self, ctx: &Context<'_>) -> Result<Option<Activity>> {
        Activity::of(ctx, self.activity_id).await
    }

    /// The channels to post to, in the order they were given (a channel deleted since is
    /// still shown; one removed for good is left out).
    async fn target_channels(&self, ctx: &Context<'_>) -> Result<Vec<Channel>> {
        let mut found = loaders(ctx)?
            .by_id::<channels::Entity>()
            .load_many(self.target_channel_ids.iter().copied())
            .await?;
        Ok(self
            .target_channel_ids
            .iter()
            .filter_map(|id| found.remove(id))
            .map(Channel::from)
            .collect())
    }

    /// The posts created when the request was approved, one per target channel, oldest
    /// first; empty before approval.
    async fn posts(&self, ctx: &Context<'_>) -> Result<Vec<SocialPost>> {
        Ok(children::<social_posts::Entity>(
            ctx,
            social_posts::Column::SocialMediaRequestId,
            self.row_id,
        )
        .await?
        .into_iter()
        .map(SocialPost::from)
        .collect())
    }
}

graph_core::connection_type!(
    SocialMediaRequestConnection,
    SocialMediaRequestEdge,
    SocialMediaRequest
);

/// One post of an approved request on one channel: its copy (in the document store), its
/// schedule, where it was published, and its latest engagement.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct SocialPost {
    /// Public id (ULID).
    pub id: ID,
    /// The platform it goes to (the channel's, kept when the channel is removed).
    pub platform: ChannelPlatform,
    /// The id of the document holding the copy (24 hex digits); null until written.
    pub content_ref: Option<String>,
    /// The copy's length in Unicode scalar values (checked against the platform's limit).
    pub char_count: Option<i32>,
    /// Where it is in its workflow.
    pub status: SocialPostStatus,
    /// When it is scheduled to go out.
    pub scheduled_for: Option<DateTime<Utc>>,
    /// When it was published.
    pub published_on: Option<DateTime<Utc>>,
    /// The published post's URL.
    pub published_url: Option<String>,
    /// The platform's id of the published post.
    pub platform_post_id: Option<String>,
    /// When engagement was last recorded.
    pub last_engagement_on: Option<DateTime<Utc>>,
    /// When it was created (its request's approval).
    pub created_on: DateTime<Utc>,
    /// When it was last changed; null if never.
    pub updated_on: Option<DateTime<Utc>>,
    #[graphql(skip)]
    pub(crate) request_id: Uuid,
    #[graphql(skip)]
    pub(crate) channel_id: Option<Uuid>,
    #[graphql(skip)]
    pub(crate) engagement_snapshot: Option<serde_json::Value>,
}

impl From<social_posts::Model> for SocialPost {
    fn from(row: social_posts::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            platform: row.platform.into(),
            content_ref: row.content_ref,
            char_count: row.char_count,
            status: row.status.into(),
            scheduled_for: row.scheduled_for.map(|at| at.to_utc()),
            published_on: row.published_on.map(|at| at.to_utc()),
            published_url: row.published_url,
            platform_post_id: row.platform_post_id,
            last_engagement_on: row.last_engagement_on.map(|at| at.to_utc()),
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            request_id: row.social_media_request_id,
            channel_id: row.channel_id,
            engagement_snapshot: row.engagement_snapshot,
        }
    }
}

/// A published post's latest engagement metrics, as last recorded.
#[derive(SimpleObject, Clone, Debug, PartialEq, Eq)]
pub struct SocialPostEngagement {
    /// Likes (reactions).
    pub likes: Option<i32>,
    /// Comments.
    pub comments: Option<i32>,
    /// Shares (reposts, retweets).
    pub shares: Option<i32>,
    /// Times the post was shown.
    pub impressions: Option<i32>,
    /// Clicks on the post's links.
    pub clicks: Option<i32>,
    /// Distinct accounts that saw it.
    pub reach: Option<i32>,
    /// When these were recorded.
    pub recorded_on: Option<DateTime<Utc>>,
}

impl SocialPostEngagement {
    /// The metrics of a stored snapshot (a metric missing or not a 32-bit count is null).
    pub fn from_snapshot(snapshot: &serde_json::Value, recorded_on: Option<DateTime<Utc>>) -> Self {
        let metric = |name: &str| {
            snapshot
                .get(name)
                .and_then(serde_json::Value::as_i64)
                .and_then(|value| i32::try_from(value).ok())
        };
        Self {
            likes: metric("likes"),
            comments: metric("comments"),
            shares: metric("shares"),
            impressions: metric("impressions"),
            clicks: metric("clicks"),
            reach: metric("reach"),
            recorded_on,
        }
    }
}

/// The post's relations, through the request's loaders, and its engagement.
#[ComplexObject]
impl SocialPost {
    /// The request the post realises.
    async fn request(&self, ctx: &Context<'_>) -> Result<Option<SocialMediaRequest>> {
        Ok(
            one::<social_media_requests::Entity>(ctx, Some(self.request_id))
                .await?
                .map(SocialMediaRequest::from),
        )
    }

    /// The channel it goes to; null when the channel was removed for good.
    async fn channel(&self, ctx: &Context<'_>) -> Result<Option<Channel>> {
        Channel::of(ctx, self.channel_id).await
    }

    /// The post's copy, from the document store; null until written. `UNAVAILABLE` on this
    /// path when the document store does not answer.
    async fn body(&self, ctx: &Context<'_>) -> Result<Option<ContentBody>> {
        body_of(ctx, self.content_ref.as_deref()).await
    }

    /// The latest engagement metrics; null until recorded.
    async fn engagement(&self) -> Option<SocialPostEngagement> {
        self.engagement_snapshot
            .as_ref()
            .map(|snapshot| SocialPostEngagement::from_snapshot(snapshot, self.last_engagement_on))
    }
}

graph_core::connection_type!(SocialPostConnection, SocialPostEdge, SocialPost);
