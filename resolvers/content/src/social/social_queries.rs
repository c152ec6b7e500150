//! `SocialPipelineQuery`: the tenant's social media requests and social posts — the filtered lists,
//! one by id — the federation look-ups of `SocialMediaRequest` and `SocialPost`, and the
//! requests of a deliverable or period (for `Deliverable.socialMediaRequests`).

use crate::channels::ChannelPlatform;
use crate::social::enums::{
    SocialMediaRequestPriority, SocialMediaRequestStatus, SocialPostStatus, SocialPostType,
};
use crate::social::social_types::{
    SocialMediaRequest, SocialMediaRequestConnection, SocialPost, SocialPostConnection,
};
use async_graphql::{Context, ID, InputObject, Object, Result};
use entities::sea_orm_active_enums as db;
use entities::{
    activities, channels, deliverable_periods, deliverables, social_media_requests, social_posts,
};
use graph_core::access;
use graph_core::db::refers_to;
use graph_core::loaders::{children, lookup};
use graph_core::pagination::{PageArgs, list};
use sea_orm::ColumnTrait;
use uuid::Uuid;

/// Which social media requests to list; every given criterion must hold.
#[derive(InputObject, Default, Debug)]
pub struct SocialMediaRequestFilter {
    /// Only requests in this status.
    pub status: Option<SocialMediaRequestStatus>,
    /// Only requests of this priority.
    pub priority: Option<SocialMediaRequestPriority>,
    /// Only requests of this post type.
    pub post_type: Option<SocialPostType>,
    /// Only requests for this deliverable.
    pub deliverable_id: Option<ID>,
    /// Only requests for this deliverable period.
    pub deliverable_period_id: Option<ID>,
    /// Only requests gated by this activity.
    pub activity_id: Option<ID>,
}

/// Which social posts to list; every given criterion must hold.
#[derive(InputObject, Default, Debug)]
pub struct SocialPostFilter {
    /// Only posts in this status.
    pub status: Option<SocialPostStatus>,
    /// Only posts to this channel.
    pub channel_id: Option<ID>,
    /// Only posts to this platform.
    pub platform: Option<ChannelPlatform>,
    /// Only posts of this request.
    pub social_media_request_id: Option<ID>,
}

/// The social part of the content `Query`.
#[derive(Default)]
pub struct SocialPipelineQuery;

/// Reads of social media requests and posts.
#[Object]
impl SocialPipelineQuery {
    /// The tenant's social media requests, oldest first, as a Relay connection (deleted ones
    /// hidden).
    async fn social_media_requests(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only requests matching this.")] filter: Option<SocialMediaRequestFilter>,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return requests after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return requests before this one.")] before: Option<String>,
    ) -> Result<SocialMediaRequestConnection> {
        let session = access::read(ctx)?;
        let filter = filter.unwrap_or_default();
        let args = PageArgs::new(after, before, first, last);
        Ok(list(
            ctx,
            session,
            args,
            |tx| {
                use social_media_requests::Column as C;
                let mut select = tx.select::<social_media_requests::Entity>();
                if let Some(status) = filter.status {
                    select = select.filter(C::Status.eq(db::RequestStatus::from(status)));
                }
                if let Some(priority) = filter.priority {
                    select = select.filter(C::Priority.eq(db::RequestPriority::from(priority)));
                }
                if let Some(kind) = filter.post_type {
                    select =
                        select.filter(C::PostType.eq(db::SocialMediaRequestPostType::from(kind)));
                }
                if let Some(id) = &filter.deliverable_id {
                    select = select.filter(refers_to::<deliverables::Entity>(
                        tx,
                        (social_media_requests::Entity, C::DeliverableId),
                        "deliverableId",
                        id,
                    )?);
                }
                if let Some(id) = &filter.deliverable_period_id {
                    select = select.filter(refers_to::<deliverable_periods::Entity>(
                        tx,
                        (social_media_requests::Entity, C::DeliverablePeriodId),
                        "deliverablePeriodId",
                        id,
                    )?);
                }
                if let Some(id) = &filter.activity_id {
                    select = select.filter(refers_to::<activities::Entity>(
                        tx,
                        (social_media_requests::Entity, C::ActivityId),
                        "activityId",
                        id,
                    )?);
                }
                Ok(select)
            },
            SocialMediaRequest::from,
        )
        .await?)
    }

    /// One social media request by id; null when there is none (deleted ones are returned
    /// to admins only).
    async fn social_media_request(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The request's id.")] id: ID,
    ) -> Result<Option<SocialMediaRequest>> {
        Ok(lookup::<social_media_requests::Entity>(ctx, &id, false)
            .await?
            .map(SocialMediaRequest::from))
    }

    /// The tenant's social posts, oldest first, as a Relay connection.
    async fn social_posts(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only posts matching this.")] filter: Option<SocialPostFilter>,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return posts after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return posts before this one.")] before: Option<String>,
    ) -> Result<SocialPostConnection> {
        let session = access::read(ctx)?;
        let filter = filter.unwrap_or_default();
        let args = PageArgs::new(after, before, first, last);
        Ok(list(
            ctx,
            session,
            args,
            |tx| {
                use social_posts::Column as C;
                let mut select = tx.select::<social_posts::Entity>();
                if let Some(status) = filter.status {
                    select = select.filter(C::Status.eq(db::SocialPostStatus::from(status)));
                }
                if let Some(platform) = filter.platform {
                    select = select.filter(C::Platform.eq(db::ChannelPlatform::from(platform)));
                }
                if let Some(id) = &filter.channel_id {
                    select = select.filter(refers_to::<channels::Entity>(
                        tx,
                        (social_posts::Entity, C::ChannelId),
                        "channelId",
                        id,
                    )?);
                }
                if let Some(id) = &filter.social_media_request_id {
                    select = select.filter(refers_to::<social_media_requests::Entity>(
                        tx,
                        (social_posts::Entity, C::SocialMediaRequestId),
                        "socialMediaRequestId",
                        id,
                    )?);
                }
                Ok(select)
            },
            SocialPost::from,
        )
        .await?)
    }

    /// One social post by id; null when there is none.
    async fn social_post(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The post's id.")] id: ID,
    ) -> Result<Option<SocialPost>> {
        Ok(lookup::<social_posts::Entity>(ctx, &id, false)
            .await?
            .map(SocialPost::from))
    }

    /// Federation: a social media request of the caller's tenant; null for unknown ids.
    #[graphql(entity)]
    async fn find_social_media_request_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<Option<SocialMediaRequest>> {
        Ok(lookup::<social_media_requests::Entity>(ctx, &id, true)
            .await?
            .map(SocialMediaRequest::from))
    }

    /// Federation: a social post of the caller's tenant; null for unknown ids.
    #[graphql(entity)]
    async fn find_social_post_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<Option<SocialPost>> {
        Ok(lookup::<social_posts::Entity>(ctx, &id, true)
            .await?
            .map(SocialPost::from))
    }
}

/// The live social media requests of the deliverable with internal id `deliverable`, oldest
/// first (at most `graph_core::loaders::MAX_CHILDREN`), through the by-parent loader: the body
/// of `Deliverable.socialMediaRequests`.
pub async fn social_media_requests_of_deliverable(
    ctx: &Context<'_>,
    deliverable: Uuid,
) -> Result<Vec<SocialMediaRequest>> {
    Ok(children::<social_media_requests::Entity>(
        ctx,
        social_media_requests::Column::DeliverableId,
        deliverable,
    )
    .await?
    .into_iter()
    .map(SocialMediaRequest::from)
    .collect())
}

/// The live social media requests of the deliverable period with internal id `period`, oldest
/// first (at most `graph_core::loaders::MAX_CHILDREN`), through the by-parent loader: the body
/// of `DeliverablePeriod.socialMediaRequests`.
pub async fn social_media_requests_of_period(
    ctx: &Context<'_>,
    period: Uuid,
) -> Result<Vec<SocialMediaRequest>> {
    Ok(children::<social_media_requests::Entity>(
        ctx,
        social_media_requests::Column::DeliverablePeriodId,
        period,
    )
    .await?
    .into_iter()
    .map(SocialMediaRequest::from)
    .collect())
}
