//! `BlogQuery`: the tenant's blog requests and posts — the filtered lists, one by id — and the
//! federation look-ups of `BlogRequest` and `BlogPost`; plus the lists by deliverable and
//! period that `Deliverable.blogRequests` / `DeliverablePeriod.blogRequests` use.

use crate::blog::blog_type::{BlogPost, BlogPostConnection, BlogRequest, BlogRequestConnection};
use crate::blog::enums::BlogPostStatus;
use crate::shared::request::{RequestPriority, RequestStatus};
use crate::shared::requester::RequesterType;
use async_graphql::{Context, ID, InputObject, Object, Result};
use entities::sea_orm_active_enums as db;
use entities::{
    activities, blog_posts, blog_requests, channels, deliverable_periods, deliverables,
};
use graph_core::access;
use graph_core::db::refers_to;
use graph_core::loaders::{children, lookup};
use graph_core::pagination::{PageArgs, list};
use sea_orm::ColumnTrait;
use uuid::Uuid;

/// Which blog requests to list; every given criterion must hold.
#[derive(InputObject, Default, Debug)]
pub struct BlogRequestFilter {
    /// Only requests in this status.
    pub status: Option<RequestStatus>,
    /// Only requests of this priority.
    pub priority: Option<RequestPriority>,
    /// Only requests for this deliverable.
    pub deliverable_id: Option<ID>,
    /// Only requests for this deliverable period.
    pub deliverable_period_id: Option<ID>,
    /// Only requests gated by this activity.
    pub activity_id: Option<ID>,
    /// Only requests to be published on this channel.
    pub target_channel_id: Option<ID>,
    /// Only requests made by members (`HUMAN`) or by agents (`AGENT`).
    pub requested_by_type: Option<RequesterType>,
}

/// Which blog posts to list; every given criterion must hold.
#[derive(InputObject, Default, Debug)]
pub struct BlogPostFilter {
    /// Only posts in this status.
    pub status: Option<BlogPostStatus>,
    /// Only posts published (or to be published) on this channel.
    pub channel_id: Option<ID>,
    /// Only the post of this request.
    pub blog_request_id: Option<ID>,
}

/// The blog part of the content `Query`.
#[derive(Default)]
pub struct BlogPipelineQuery;

/// Reads of blog requests and posts.
#[Object]
impl BlogPipelineQuery {
    /// The tenant's blog requests, oldest first, as a Relay connection (deleted ones hidden).
    async fn blog_requests(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only requests matching this.")] filter: Option<BlogRequestFilter>,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return requests after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return requests before this one.")] before: Option<String>,
    ) -> Result<BlogRequestConnection> {
        let session = access::read(ctx)?;
        let filter = filter.unwrap_or_default();
        let args = PageArgs::new(after, before, first, last);
        Ok(list(
            ctx,
            session,
            args,
            |tx| {
                use blog_requests::Column as C;
                let mut select = tx.select::<blog_requests::Entity>();
                if let Some(status) = filter.status {
                    select = select.filter(C::Status.eq(db::RequestStatus::from(status)));
                }
                if let Some(priority) = filter.priority {
                    select = select.filter(C::Priority.eq(db::RequestPriority::from(priority)));
                }
                if let Some(kind) = filter.requested_by_type {
                    select = select.filter(C::RequestedByType.eq(db::RequesterType::from(kind)));
                }
                if let Some(id) = &filter.deliverable_id {
                    select = select.filter(refers_to::<deliverables::Entity>(
                        tx,
                        (blog_requests::Entity, C::DeliverableId),
                        "deliverableId",
                        id,
                    )?);
                }
                if let Some(id) = &filter.deliverable_period_id {
                    select = select.filter(refers_to::<deliverable_periods::Entity>(
                        tx,
                        (blog_requests::Entity, C::DeliverablePeriodId),
                        "deliverablePeriodId",
                        id,
                    )?);
                }
                if let Some(id) = &filter.activity_id {
                    select = select.filter(refers_to::<activities::Entity>(
                        tx,
                        (blog_requests::Entity, C::ActivityId),
                        "activityId",
                        id,
                    )?);
                }
                if let Some(id) = &filter.target_channel_id {
                    select = select.filter(refers_to::<channels::Entity>(
                        tx,
                        (blog_requests::Entity, C::TargetChannelId),
                        "targetChannelId",
                        id,
                    )?);
                }
                Ok(select)
            },
            BlogRequest::from,
        )
        .await?)
    }

    /// One blog request by id; null when there is none. Deleted requests are returned to
    /// admins only.
    async fn blog_request(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The request's id.")] id: ID,
    ) -> Result<Option<BlogRequest>> {
        Ok(lookup::<blog_requests::Entity>(ctx, &id, false)
            .await?
            .map(BlogRequest::from))
    }

    /// The tenant's blog posts, oldest first, as a Relay connection.
    async fn blog_posts(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only posts matching this.")] filter: Option<BlogPostFilter>,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return posts after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return posts before this one.")] before: Option<String>,
    ) -> Result<BlogPostConnection> {
        let session = access::read(ctx)?;
        let filter = filter.unwrap_or_default();
        let args = PageArgs::new(after, before, first, last);
        Ok(list(
            ctx,
            session,
            args,
            |tx| {
                use blog_posts::Column as C;
                let mut select = tx.select::<blog_posts::Entity>();
                if let Some(status) = filter.status {
                    select = select.filter(C::Status.eq(db::BlogPostStatus::from(status)));
                }
                if let Some(id) = &filter.channel_id {
                    select = select.filter(refers_to::<channels::Entity>(
                        tx,
                        (blog_posts::Entity, C::ChannelId),
                        "channelId",
                        id,
                    )?);
                }
                if let Some(id) = &filter.blog_request_id {
                    select = select.filter(refers_to::<blog_requests::Entity>(
                        tx,
                        (blog_posts::Entity, C::BlogRequestId),
                        "blogRequestId",
                        id,
                    )?);
                }
                Ok(select)
            },
            BlogPost::from,
        )
        .await?)
    }

    /// One blog post by id; null when there is none.
    async fn blog_post(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The post's id.")] id: ID,
    ) -> Result<Option<BlogPost>> {
        Ok(lookup::<blog_posts::Entity>(ctx, &id, false)
            .await?
            .map(BlogPost::from))
    }

    /// Federation: a blog request of the caller's tenant; null for unknown ids.
    #[graphql(entity)]
    async fn find_blog_request_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<Option<BlogRequest>> {
        Ok(lookup::<blog_requests::Entity>(ctx, &id, true)
            .await?
            .map(BlogRequest::from))
    }

    /// Federation: a blog post of the caller's tenant; null for unknown ids.
    #[graphql(entity)]
    async fn find_blog_post_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<Option<BlogPost>> {
        Ok(lookup::<blog_posts::Entity>(ctx, &id, true)
            .await?
            .map(BlogPost::from))
    }
}

/// The live blog requests of the deliverable with internal id `deliverable`, oldest first (at
/// most `graph_core::loaders::MAX_CHILDREN`), through the request's by-parent loader: for
/// `Deliverable.blogRequests`.
pub async fn blog_requests_of_deliverable(
    ctx: &Context<'_>,
    deliverable: Uuid,
) -> Result<Vec<BlogRequest>> {
    Ok(
        children::<blog_requests::Entity>(ctx, blog_requests::Column::DeliverableId, deliverable)
            .await?
            .into_iter()
            .map(BlogRequest::from)
            .collect(),
    )
}

/// The live blog requests of the deliverable period with internal id `period`, oldest first,
/// through the request's by-parent loader: for `DeliverablePeriod.blogRequests`.
pub async fn blog_requests_of_period(ctx: &Context<'_>, period: Uuid) -> Result<Vec<BlogRequest>> {
    Ok(
        children::<blog_requests::Entity>(ctx, blog_requests::Column::DeliverablePeriodId, period)
            .await?
            .into_iter()
            .map(BlogRequest::from)
            .collect(),
    )
}
