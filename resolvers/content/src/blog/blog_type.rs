//! The `BlogRequest` and `BlogPost` types (federation entities), built from their rows, with
//! their relations resolved through the request's loaders.

use crate::blog::enums::{BlogPostStatus, BlogSearchIntent};
use crate::channels::Channel;
use crate::federation::{Activity, Deliverable, DeliverablePeriod};
use crate::shared::body::{ContentBody, body_of};
use crate::shared::request::{RequestPriority, RequestStatus};
use crate::shared::requester::RequesterType;
use async_graphql::{ComplexObject, Context, ID, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entities::{blog_posts, blog_requests};
use graph_core::loaders::{children, one};
use uuid::Uuid;

/// A request for a blog post: what to write, for whom, where it goes. Its approval by a
/// reviewer creates the post (`post`), in `DRAFT`.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct BlogRequest {
    /// Public id (ULID).
    pub id: ID,
    /// Who asked: a member (`HUMAN`) or an agent through an API key (`AGENT`).
    pub requested_by_type: RequesterType,
    /// The public id of the member or of the API key that asked.
    pub requested_by_id: String,
    /// The proposed title of the post.
    pub title: String,
    /// What the post should cover.
    pub topic_brief: Option<String>,
    /// The primary SEO keyword.
    pub target_keyword: Option<String>,
    /// Further keywords to work in.
    pub secondary_keywords: Vec<String>,
    /// What a reader searching for the keyword wants.
    pub search_intent: Option<BlogSearchIntent>,
    /// Who the post is for.
    pub target_audience: Option<String>,
    /// The length asked for, in words.
    pub target_word_count: Option<i32>,
    /// Creative direction, references, don'ts.
    pub notes: Option<String>,
    /// How urgent it is.
    pub priority: RequestPriority,
    /// Where the request is in its life.
    pub status: RequestStatus,
    /// The reviewer's feedback when it was rejected (kept until it is submitted again).
    pub rejection_notes: Option<String>,
    /// When it was made.
    pub created_on: DateTime<Utc>,
    /// When it was last changed; null if never.
    pub updated_on: Option<DateTime<Utc>>,
    /// When it was deleted; null unless deleted (deleted requests are shown to admins only).
    pub deleted_on: Option<DateTime<Utc>>,
    #[graphql(skip)]
    pub(crate) row_id: Uuid,
    #[graphql(skip)]
    pub(crate) deliverable_id: Option<Uuid>,
    #[graphql(skip)]
    pub(crate) deliverable_period_id: Option<Uuid>,
    #[graphql(skip)]
    pub(crate) activity_id: Option<Uuid>,
    #[graphql(skip)]
    pub(crate) target_channel_id: Option<Uuid>,
}

impl From<blog_requests::Model> for BlogRequest {
    fn from(row: blog_requests::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            requested_by_type: row.requested_by_type.into(),
            requested_by_id: row.requested_by_id,
            title: row.title,
            topic_brief: row.topic_brief,
            target_keyword: row.target_keyword,
            secondary_keywords: row.secondary_keywords,
            search_intent: row.search_intent.map(Into::into),
            target_audience: row.target_audience,
            target_word_count: row.target_word_count,
            notes: row.notes,
            priority: row.priority.into(),
            status: row.status.into(),
            rejection_notes: row.rejection_notes,
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            deleted_on: row.deleted_on.map(|at| at.to_utc()),
            row_id: row.id,
            deliverable_id: row.deliverable_id,
            deliverable_period_id: row.deliverable_period_id,
            activity_id: row.activity_id,
            target_channel_id: row.target_channel_id,
        }
    }
}

/// The request's relations, through the request's loaders.
#[ComplexObject]
impl BlogRequest {
    /// The deliverable the post counts towards; null for an ad-hoc request.
    async fn deliverable(&self, ctx: &Context<'_>) -> Result<Option<Deliverable>> {
        Deliverable::of(ctx, self.deliverable_id).await
    }

    /// The deliverable's period the post counts towards; null for an ad-hoc request.
    async fn deliverable_period(&self, ctx: &Context<'_>) -> Result<Option<DeliverablePeriod>> {
        DeliverablePeriod::of(ctx, self.deliverable_period_id).await
    }

    /// The activity whose approval gates this request, if any.
    async fn activity(&self, ctx: &Context<'_>) -> Result<Option<Activity>> {
        Activity::of(ctx, self.activity_id).await
    }

    /// The CMS channel (WordPress, Webflow) the post is to be published on.
    async fn target_channel(&self, ctx: &Context<'_>) -> Result<Option<Channel>> {
        Channel::of(ctx, self.target_channel_id).await
    }

    /// The post its approval created; null until it is approved.
    async fn post(&self, ctx: &Context<'_>) -> Result<Option<BlogPost>> {
        let posts =
            children::<blog_posts::Entity>(ctx, blog_posts::Column::BlogRequestId, self.row_id)
                .await?;
        Ok(posts.into_iter().next().map(BlogPost::from))
    }
}

/// A blog post: the article its approved request asked for, from draft to published. The
/// article itself is in the document store (`body`).
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct BlogPost {
    /// Public id (ULID).
    pub id: ID,
    /// The final title (may differ from the request's).
    pub title: String,
    /// The URL slug (lowercase kebab-case).
    pub slug: Option<String>,
    /// The SEO meta description (at most 160 characters).
    pub meta_description: Option<String>,
    /// The SEO focus keyword.
    pub focus_keyword: Option<String>,
    /// The id of the article's document in the document store (24 hex digits); null until
    /// written.
    pub content_ref: Option<String>,
    /// Words of the article, when written.
    pub word_count: Option<i32>,
    /// Where the post is in its life.
    pub status: BlogPostStatus,
    /// When it is to be published (`SCHEDULED`).
    pub scheduled_for: Option<DateTime<Utc>>,
    /// When it was published.
    pub published_on: Option<DateTime<Utc>>,
    /// Its URL on the CMS, once published.
    pub published_url: Option<String>,
    /// The CMS's id of the post (WordPress post id, Webflow item id), once published.
    pub cms_post_id: Option<String>,
    /// When it was created (the request's approval).
    pub created_on: DateTime<Utc>,
    /// When it was last changed; null if never.
    pub updated_on: Option<DateTime<Utc>>,
    #[graphql(skip)]
    pub(crate) blog_request_id: Uuid,
    #[graphql(skip)]
    pub(crate) channel_id: Option<Uuid>,
}

impl From<blog_posts::Model> for BlogPost {
    fn from(row: blog_posts::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            title: row.title,
            slug: row.slug,
            meta_description: row.meta_description,
            focus_keyword: row.focus_keyword,
            content_ref: row.content_ref,
            word_count: row.word_count,
            status: row.status.into(),
            scheduled_for: row.scheduled_for.map(|at| at.to_utc()),
            published_on: row.published_on.map(|at| at.to_utc()),
            published_url: row.published_url,
            cms_post_id: row.cms_post_id,
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            blog_request_id: row.blog_request_id,
            channel_id: row.channel_id,
        }
    }
}

/// The post's relations, through the request's loaders.
#[ComplexObject]
impl BlogPost {
    /// The request the post realises.
    async fn request(&self, ctx: &Context<'_>) -> Result<Option<BlogRequest>> {
        Ok(
            one::<blog_requests::Entity>(ctx, Some(self.blog_request_id))
                .await?
                .map(BlogRequest::from),
        )
    }

    /// The CMS channel it is published on.
    async fn channel(&self, ctx: &Context<'_>) -> Result<Option<Channel>> {
        Channel::of(ctx, self.channel_id).await
    }

    /// The article (Markdown) from the document store; null until written. `UNAVAILABLE` on
    /// this path when the document store does not answer (the rest of the post is served).
    async fn body(&self, ctx: &Context<'_>) -> Result<Option<ContentBody>> {
        body_of(ctx, self.content_ref.as_deref()).await
    }
}

graph_core::connection_type!(BlogRequestConnection, BlogRequestEdge, BlogRequest);
graph_core::connection_type!(BlogPostConnection, BlogPostEdge, BlogPost);
