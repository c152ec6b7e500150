//! `BlogPostMutation`: the life of a blog post after its request's approval — editing its SEO
//! fields and its body, moving it through writing, review, scheduling and publishing (the
//! rules: [`crate::blog::workflow`]). Who may do what:
//!
//! - members and agents' write keys (`MEMBERS`) edit, write, submit for review, schedule and
//!   publish (publishing is done by the agent that posts to the CMS);
//! - reviewers (`REVIEWERS`) approve and reject a post in review.
//!
//! The body is a document of `activity_outputs` in the document store, written inline by
//! `setBlogPostBody` (Markdown) or written by an agent and attached by `attachBlogPostContent`;
//! the post keeps its id (`contentRef`) and word count.

use crate::blog::blog_type::BlogPost;
use crate::blog::workflow::{self, PostAction};
use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, Result};
use chrono::{DateTime, Utc};
use entities::blog_posts;
use entities::sea_orm_active_enums as db;
use graph_core::access::{self, MEMBERS, REVIEWERS};
use graph_core::changes::now;
use graph_core::db::TenantTx;
use graph_core::documents::ActivityOutput;
use graph_core::error::{ApiError, ApiResult};
use graph_core::ids::parse_ref_id;
use graph_core::validate::Text;
use mongodb::bson;
use sea_orm::ActiveValue::{NotSet, Set};

/// The post's title (`varchar(500)`).
const TITLE: Text = Text::new("title", 500);
/// The focus keyword (`varchar(255)`).
const FOCUS_KEYWORD: Text = Text::new("focusKeyword", 255);
/// The CMS's id of the post (`varchar(255)`).
const CMS_POST_ID: Text = Text::new("cmsPostId", 255);
/// The largest Markdown body held inline, in characters.
const MAX_BODY_CHARS: usize = 500_000;

/// Changes to a post's title and SEO fields (until it is approved); omitted fields keep their
/// value, `null` clears a field.
#[derive(InputObject)]
pub struct UpdateBlogPostInput {
    /// A new title, 1–500 characters.
    pub title: Option<String>,
    /// A new URL slug: lowercase kebab-case (`ten-signs-of-seo`), at most 500 characters.
    pub slug: MaybeUndefined<String>,
    /// A new meta description, at most 160 characters (blank clears it).
    pub meta_description: MaybeUndefined<String>,
    /// A new focus keyword, at most 255 characters (blank clears it).
    pub focus_keyword: MaybeUndefined<String>,
}

/// Where a post was published.
#[derive(InputObject)]
pub struct PublishBlogPostInput {
    /// The post's URL on the CMS (`http(s)://`, at most 1000 characters).
    pub published_url: String,
    /// The CMS's id of the post (WordPress post id, Webflow item id), 1–255 characters.
    pub cms_post_id: String,
}

/// Locks the post `id` and checks that `action` may be done to it; returns the row and the
/// status it moves to.
async fn locked_for(
    tx: &TenantTx,
    id: &ID,
    action: PostAction,
) -> ApiResult<(blog_posts::Model, db::BlogPostStatus)> {
    let ref_id = parse_ref_id("id", id)?.into_string();
    let row = tx
        .lock_by_ref::<blog_posts::Entity>("blog post", &ref_id, false)
        .await?;
    let to = workflow::post_after(action, &row.status)?;
    Ok((row, to))
}

/// Moves the locked post `row` to `to` with `changes` and commits.
async fn save(
    tx: TenantTx,
    row: &blog_posts::Model,
    mut changes: blog_posts::ActiveModel,
    to: db::BlogPostStatus,
) -> ApiResult<BlogPost> {
    if to != row.status {
        changes.status = Set(to);
    }
    let row = tx.update_by_id("blog post", row.id, changes).await?;
    tx.commit().await?;
    Ok(BlogPost::from(row))
}

/// Does `action` (a status change without other changes) to the post `id`.
async fn transition(
    ctx: &Context<'_>,
    roles: &[graph_core::context::Role],
    id: &ID,
    action: PostAction,
) -> ApiResult<BlogPost> {
    let session = access::write(ctx, roles)?;
    let tx = access::begin(ctx, session).await?;
    let (row, to) = locked_for(&tx, id, action).await?;
    save(tx, &row, blog_posts::ActiveModel::default(), to).await
}

/// The blog post part of the content `Mutation`.
#[derive(Default)]
pub struct BlogPostMutation;

/// Changes to blog posts.
#[Object]
impl BlogPostMutation {
    /// Changes a post's title, slug, meta description or focus keyword (members and agents'
    /// write keys) while it is `DRAFT`, `WRITING`, `REVIEW` or `REJECTED`.
    #[tracing::instrument(skip_all)]
    async fn update_blog_post(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The post's id.")] id: ID,
        #[graphql(desc = "What to change.")] input: UpdateBlogPostInput,
    ) -> Result<BlogPost> {
        let session = access::write(ctx, MEMBERS)?;
        let title = input
            .title
            .as_deref()
            .map(|title| TITLE.required(title))
            .transpose()?;
        let slug = match &input.slug {
            MaybeUndefined::Undefined => NotSet,
            MaybeUndefined::Null => Set(None),
            MaybeUndefined::Value(slug) => Set(Some(workflow::slug(slug)?)),
        };
        let meta_description = match &input.meta_description {
            MaybeUndefined::Undefined => NotSet,
            MaybeUndefined::Null => Set(None),
            MaybeUndefined::Value(text) => Set(workflow::meta_description(text)?),
        };
        let focus_keyword = match &input.focus_keyword {
            MaybeUndefined::Undefined => NotSet,
            MaybeUndefined::Null => Set(None),
            MaybeUndefined::Value(text) => Set(FOCUS_KEYWORD.optional(Some(text))?),
        };
        let tx = access::begin(ctx, session).await?;
        let (row, to) = locked_for(&tx, &id, PostAction::Edit).await?;
        let changes = blog_posts::ActiveModel {
            title: title.map_or(NotSet, Set),
            slug,
            meta_description,
            focus_keyword,
            ..Default::default()
        };
        Ok(save(tx, &row, changes, to).await?)
    }

    /// Writes the post's body (members and agents' write keys) while it is `DRAFT`,
    /// `WRITING`, `REVIEW` or `REJECTED`: a new Markdown document in the document store (held
    /// inline, its words counted); the post points at it (`contentRef`, `wordCount`). The
    /// previous body stays in the store, no longer referenced.
    #[tracing::instrument(skip_all)]
    async fn set_blog_post_body(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The post's id.")] id: ID,
        #[graphql(desc = "The article, in Markdown (1–500 000 characters).")] markdown: String,
    ) -> Result<BlogPost> {
        let session = access::write(ctx, MEMBERS)?;
        // Checked (not blank, bounded, no control characters) but stored as given: Markdown's
        // whitespace is content.
        graph_core::validate::required_text("markdown", &markdown, MAX_BODY_CHARS)?;
        let words = workflow::word_count(&markdown);
        let tx = access::begin(ctx, session).await?;
        let (row, to) = locked_for(&tx, &id, PostAction::Edit).await?;
        let document = ActivityOutput {
            id: bson::oid::ObjectId::new(),
            tenant_id: String::new(),
            activity_id: None,
            format: "markdown".to_owned(),
            title: Some(row.title.clone()),
            content_type: "text/markdown".to_owned(),
            s3_key: None,
            size_bytes: i64::try_from(markdown.len()).ok(),
            body: Some(markdown),
            word_count: Some(words),
            created_at: bson::DateTime::now(),
        };
        let reference = access::services(ctx)?
            .documents
            .insert(session.tenant.id, document)
            .await?;
        let changes = blog_posts::ActiveModel {
            content_ref: Set(Some(reference.to_hex())),
            word_count: Set(Some(words)),
            ..Default::default()
        };
        Ok(save(tx, &row, changes, to).await?)
    }

    /// Points the post at a body an agent already wrote to the document store (members and
    /// agents' write keys), while it is `DRAFT`, `WRITING`, `REVIEW` or `REJECTED`. The
    /// document must exist in the caller's tenant (`BAD_USER_INPUT` on `contentRef`
    /// otherwise); its word count is copied.
    #[tracing::instrument(skip_all)]
    async fn attach_blog_post_content(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The post's id.")] id: ID,
        #[graphql(desc = "The document's id: 24 hexadecimal digits.")] content_ref: String,
    ) -> Result<BlogPost> {
        let session = access::write(ctx, MEMBERS)?;
        let reference = workflow::content_ref(&content_ref)?;
        parse_ref_id("id", &id)?;
        let found = access::services(ctx)?
            .documents
            .find_by_ids::<ActivityOutput>(session.tenant.id, std::slice::from_ref(&reference))
            .await?;
        let Some(document) = found.into_iter().next() else {
            return Err(ApiError::bad_input(
                "contentRef",
                format!("no such document: {reference}"),
            )
            .into());
        };
        let tx = access::begin(ctx, session).await?;
        let (row, to) = locked_for(&tx, &id, PostAction::Edit).await?;
        let changes = blog_posts::ActiveModel {
            content_ref: Set(Some(reference)),
            word_count: Set(document.word_count.filter(|count| *count >= 0)),
            ..Default::default()
        };
        Ok(save(tx, &row, changes, to).await?)
    }

    /// Starts (or, after a rejection, resumes) writing the post: `DRAFT` or `REJECTED` →
    /// `WRITING` (members and agents' write keys).
    #[tracing::instrument(skip_all)]
    async fn start_blog_post_writing(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The post's id.")] id: ID,
    ) -> Result<BlogPost> {
        Ok(transition(ctx, MEMBERS, &id, PostAction::StartWriting).await?)
    }

    /// Sends a written post to review: `WRITING` → `REVIEW` (members and agents' write keys).
    /// It needs a body (`CONFLICT` otherwise).
    #[tracing::instrument(skip_all)]
    async fn submit_blog_post_for_review(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The post's id.")] id: ID,
    ) -> Result<BlogPost> {
        let session = access::write(ctx, MEMBERS)?;
        let tx = access::begin(ctx, session).await?;
        let (row, to) = locked_for(&tx, &id, PostAction::SubmitForReview).await?;
        if row.content_ref.is_none() {
            return Err(ApiError::Conflict(
                "the post has no body yet: write it (setBlogPostBody) before review".to_owned(),
            )
            .into());
        }
        Ok(save(tx, &row, blog_posts::ActiveModel::default(), to).await?)
    }

    /// Approves a post in review (reviewers): `REVIEW` → `APPROVED`, ready to schedule or
    /// publish.
    #[tracing::instrument(skip_all)]
    async fn approve_blog_post(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The post's id.")] id: ID,
    ) -> Result<BlogPost> {
        Ok(transition(ctx, REVIEWERS, &id, PostAction::Approve).await?)
    }

    /// Sends a post in review back (reviewers): `REVIEW` → `REJECTED`; its writer resumes with
    /// `startBlogPostWriting`.
    #[tracing::instrument(skip_all)]
    async fn reject_blog_post(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The post's id.")] id: ID,
    ) -> Result<BlogPost> {
        Ok(transition(ctx, REVIEWERS, &id, PostAction::Reject).await?)
    }

    /// Schedules an approved post (or moves a scheduled one) for publication at `scheduledFor`,
    /// which must be in the future (members and agents' write keys).
    #[tracing::instrument(skip_all)]
    async fn schedule_blog_post(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The post's id.")] id: ID,
        #[graphql(desc = "When to publish it (in the future).")] scheduled_for: DateTime<Utc>,
    ) -> Result<BlogPost> {
        let session = access::write(ctx, MEMBERS)?;
        let at = graph_core::validate::future("scheduledFor", scheduled_for, Utc::now())?;
        let tx = access::begin(ctx, session).await?;
        let (row, to) = locked_for(&tx, &id, PostAction::Schedule).await?;
        let changes = blog_posts::ActiveModel {
            scheduled_for: Set(Some(at.fixed_offset())),
            ..Default::default()
        };
        Ok(save(tx, &row, changes, to).await?)
    }

    /// Records that an approved or scheduled post was published on its CMS (members and
    /// agents' write keys): its URL and CMS id; `publishedOn` is now.
    #[tracing::instrument(skip_all)]
    async fn publish_blog_post(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The post's id.")] id: ID,
        #[graphql(desc = "Where it was published.")] input: PublishBlogPostInput,
    ) -> Result<BlogPost> {
        let session = access::write(ctx, MEMBERS)?;
        let url = workflow::published_url(&input.published_url)?;
        let cms_post_id = CMS_POST_ID.required(&input.cms_post_id)?;
        let tx = access::begin(ctx, session).await?;
        let (row, to) = locked_for(&tx, &id, PostAction::Publish).await?;
        let changes = blog_posts::ActiveModel {
            published_url: Set(Some(url)),
            cms_post_id: Set(Some(cms_post_id)),
            published_on: Set(Some(now())),
            ..Default::default()
        };
        Ok(save(tx, &row, changes, to).await?)
    }
}
