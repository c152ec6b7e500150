//! `SocialPostMutation`: the life of a social post after its request's approval — writing its
//! copy (checked against the platform's character limit, stored in the document store), review,
//! scheduling, publishing, failure — and recording its engagement. Each is one transaction on
//! the post row locked `FOR UPDATE`, moved by [`crate::social::workflow::post_after`].

use crate::social::social_types::SocialPost;
use crate::social::workflow::{PostAction, char_count, check_length, post_after};
use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::{DateTime, Utc};
use entities::sea_orm_active_enums as db;
use entities::social_posts;
use graph_core::access::{self, MEMBERS, REVIEWERS};
use graph_core::changes::now;
use graph_core::context::Session;
use graph_core::db::TenantTx;
use graph_core::documents::ActivityOutput;
use graph_core::error::{ApiError, ApiResult};
use graph_core::ids::parse_ref_id;
use graph_core::validate::{Text, future, required_text};
use mongodb::bson::oid::ObjectId;
use sea_orm::ActiveValue::Set;

/// The longest copy any platform takes (Facebook's 63,206), checked before the platform's own
/// limit.
const MAX_COPY_CHARS: usize = 63_206;
/// The platform's id of a published post (`varchar(255)`).
const PLATFORM_POST_ID: Text = Text::new("platformPostId", 255);
/// The longest published URL (`varchar(1000)`).
const MAX_URL_CHARS: usize = 1000;

/// A published post's engagement metrics, as read from the platform.
#[derive(InputObject)]
pub struct SocialPostEngagementInput {
    /// Likes (reactions), ≥ 0.
    pub likes: i32,
    /// Comments, ≥ 0.
    pub comments: i32,
    /// Shares (reposts, retweets), ≥ 0.
    pub shares: i32,
    /// Times the post was shown, ≥ 0.
    pub impressions: i32,
    /// Clicks on the post's links, ≥ 0.
    pub clicks: i32,
    /// Distinct accounts that saw it, ≥ 0.
    pub reach: i32,
}

impl SocialPostEngagementInput {
    /// The snapshot to store (`BAD_USER_INPUT` on the first negative metric).
    fn snapshot(&self) -> ApiResult<serde_json::Value> {
        let metrics = [
            ("likes", self.likes),
            ("comments", self.comments),
            ("shares", self.shares),
            ("impressions", self.impressions),
            ("clicks", self.clicks),
            ("reach", self.reach),
        ];
        let mut snapshot = serde_json::Map::new();
        for (name, value) in metrics {
            if value < 0 {
                return Err(ApiError::bad_input(
                    name,
                    format!("`{name}` must not be negative"),
                ));
            }
            snapshot.insert(name.to_owned(), value.into());
        }
        Ok(serde_json::Value::Object(snapshot))
    }
}

/// Checks a published post's URL (`BAD_USER_INPUT` on `publishedUrl`).
fn published_url(value: &str) -> ApiResult<String> {
    crate::shared::inputs::http_url("publishedUrl", value, MAX_URL_CHARS)
}

/// Checks a document id given as input (`BAD_USER_INPUT` on `contentRef`): 24 hex digits,
/// returned in lowercase.
fn content_ref(value: &str) -> ApiResult<String> {
    let value = value.trim().to_ascii_lowercase();
    if value.len() == 24 && value.bytes().all(|byte| byte.is_ascii_hexdigit()) {
        Ok(value)
    } else {
        Err(ApiError::bad_input(
            "contentRef",
            "`contentRef` must be a document id of 24 hex digits",
        ))
    }
}

/// The post `id` locked for the rest of `tx`, and the status `action` moves it to
/// (`NOT_FOUND`, or `CONFLICT` when the action is not allowed in its status).
async fn lock_post(
    tx: &TenantTx,
    id: &ID,
    action: PostAction,
) -> ApiResult<(social_posts::Model, db::SocialPostStatus)> {
    let ref_id = parse_ref_id("id", id)?.into_string();
    let row = tx
        .lock_by_ref::<social_posts::Entity>("social post", &ref_id, false)
        .await?;
    let next = post_after(&row.status, action)?;
    Ok((row, next))
}

/// Moves post `id` by `action`, applying `changes` (the status is added) in one transaction.
async fn move_post(
    ctx: &Context<'_>,
    session: &Session,
    id: &ID,
    action: PostAction,
    mut changes: social_posts::ActiveModel,
) -> ApiResult<SocialPost> {
    let tx = access::begin(ctx, session).await?;
    let (row, next) = lock_post(&tx, id, action).await?;
    changes.status = Set(next);
    let row = tx.update_by_id("social post", row.id, changes).await?;
    tx.commit().await?;
    Ok(SocialPost::from(row))
}

/// The social post part of the social `Mutation`.
#[derive(Default)]
pub struct SocialPostMutation;

/// Changes to social posts.
#[Object]
impl SocialPostMutation {
    /// Marks a `DRAFT` post as being written: `WRITING` (members and agents' write keys).
    #[tracing::instrument(skip_all)]
    async fn start_social_post_writing(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The post's id.")] id: ID,
    ) -> Result<SocialPost> {
        let session = access::write(ctx, MEMBERS)?;
        Ok(move_post(
            ctx,
            session,
            &id,
            PostAction::StartWriting,
            Default::default(),
        )
        .await?)
    }

    /// Writes a post's copy (members and agents' write keys): checked against the platform's
    /// limit in Unicode scalar values (X 280, LinkedIn 3,000, Facebook 63,206, Instagram 2,200,
    /// TikTok 2,200, Google Business Profile 1,500; `BAD_USER_INPUT` on `copy` above it),
    /// stored as a document of the tenant, and the post moves to `REVIEW` with the new
    /// `contentRef` and `charCount`. Allowed in `DRAFT`, `WRITING`, `REVIEW` and `REJECTED`.
    #[tracing::instrument(skip_all)]
    async fn set_social_post_copy(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The post's id.")] id: ID,
        #[graphql(desc = "The post's copy with its hashtags, not blank.")] copy: String,
    ) -> Result<SocialPost> {
        let session = access::write(ctx, MEMBERS)?;
        let copy = required_text("copy", &copy, MAX_COPY_CHARS)?;
        let chars = char_count(&copy);
        let tx = access::begin(ctx, session).await?;
        let (row, next) = lock_post(&tx, &id, PostAction::SetCopy).await?;
        let stored = check_length("copy", &row.platform, chars)?;
        let document = ActivityOutput {
            id: ObjectId::new(),
            tenant_id: String::new(),
            activity_id: None,
            format: "markdown".to_owned(),
            title: None,
            content_type: "text/markdown".to_owned(),
            s3_key: None,
            size_bytes: i64::try_from(copy.len()).ok(),
            word_count: i32::try_from(copy.split_whitespace().count()).ok(),
            body: Some(copy),
            created_at: mongodb::bson::DateTime::now(),
        };
        // The document is written before the row points at it: a failure after this leaves an
        // unreferenced document, never a reference to a missing one.
        let document_id = access::services(ctx)?
            .documents
            .insert(session.tenant.id, document)
            .await?;
        let changes = social_posts::ActiveModel {
            content_ref: Set(Some(document_id.to_hex())),
            char_count: Set(Some(stored)),
            status: Set(next),
            ..Default::default()
        };
        let row = tx.update_by_id("social post", row.id, changes).await?;
        tx.commit().await?;
        Ok(SocialPost::from(row))
    }

    /// Points a post at copy an agent already wrote to the document store (members and
    /// agents' write keys): `contentRef` must be a document of the tenant (`BAD_USER_INPUT`
    /// otherwise), `charCount` within the platform's limit. The post moves to `REVIEW`, as with
    /// `setSocialPostCopy`.
    #[tracing::instrument(skip_all)]
    async fn attach_social_post_content(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The post's id.")] id: ID,
        #[graphql(desc = "The document's id, 24 hex digits.")] content_ref: String,
        #[graphql(desc = "The copy's length in Unicode scalar values, ≥ 0.")] char_count: i32,
    ) -> Result<SocialPost> {
        let session = access::write(ctx, MEMBERS)?;
        let reference = self::content_ref(&content_ref)?;
        let chars = u32::try_from(char_count)
            .map_err(|_| ApiError::bad_input("charCount", "`charCount` must not be negative"))?;
        let tx = access::begin(ctx, session).await?;
        let (row, next) = lock_post(&tx, &id, PostAction::SetCopy).await?;
        let stored = check_length("charCount", &row.platform, chars)?;
        let found = access::services(ctx)?
            .documents
            .find_by_ids::<ActivityOutput>(session.tenant.id, std::slice::from_ref(&reference))
            .await?;
        if found.is_empty() {
            return Err(ApiError::bad_input(
                "contentRef",
                format!("no such document: {reference}"),
            )
            .into());
        }
        let changes = social_posts::ActiveModel {
            content_ref: Set(Some(reference)),
            char_count: Set(Some(stored)),
            status: Set(next),
            ..Default::default()
        };
        let row = tx.update_by_id("social post", row.id, changes).await?;
        tx.commit().await?;
        Ok(SocialPost::from(row))
    }

    /// Approves a post's copy in `REVIEW`: `APPROVED` (reviewers and admins).
    #[tracing::instrument(skip_all)]
    async fn approve_social_post(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The post's id.")] id: ID,
    ) -> Result<SocialPost> {
        let session = access::write(ctx, REVIEWERS)?;
        Ok(move_post(ctx, session, &id, PostAction::Approve, Default::default()).await?)
    }

    /// Rejects a post's copy in `REVIEW`: `REJECTED` (reviewers and admins); new copy sends it
    /// back to review.
    #[tracing::instrument(skip_all)]
    async fn reject_social_post(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The post's id.")] id: ID,
    ) -> Result<SocialPost> {
        let session = access::write(ctx, REVIEWERS)?;
        Ok(move_post(ctx, session, &id, PostAction::Reject, Default::default()).await?)
    }

    /// Schedules an `APPROVED` post (or re-schedules a `SCHEDULED` or `FAILED` one) for
    /// `scheduledFor`, in the future: `SCHEDULED` (members and agents' write keys).
    #[tracing::instrument(skip_all)]
    async fn schedule_social_post(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The post's id.")] id: ID,
        #[graphql(desc = "When to publish it (in the future).")] scheduled_for: DateTime<Utc>,
    ) -> Result<SocialPost> {
        let session = access::write(ctx, MEMBERS)?;
        let at = future("scheduledFor", scheduled_for, Utc::now())?;
        let changes = social_posts::ActiveModel {
            scheduled_for: Set(Some(at.fixed_offset())),
            ..Default::default()
        };
        Ok(move_post(ctx, session, &id, PostAction::Schedule, changes).await?)
    }

    /// Records that an `APPROVED` or `SCHEDULED` post went live: `PUBLISHED`, with its URL and
    /// the platform's id of the post (members and agents' write keys).
    #[tracing::instrument(skip_all)]
    async fn publish_social_post(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The post's id.")] id: ID,
        #[graphql(desc = "The published post's URL (`http(s)://`, at most 1000 characters).")]
        published_url: String,
        #[graphql(desc = "The platform's id of the post, 1–255 characters.")]
        platform_post_id: String,
        #[graphql(desc = "When it went live (default: now).")] published_on: Option<DateTime<Utc>>,
    ) -> Result<SocialPost> {
        let session = access::write(ctx, MEMBERS)?;
        let url = self::published_url(&published_url)?;
        let platform_id = PLATFORM_POST_ID.required(&platform_post_id)?;
        let changes = social_posts::ActiveModel {
            published_url: Set(Some(url)),
            platform_post_id: Set(Some(platform_id)),
            published_on: Set(Some(published_on.map_or_else(now, |at| at.fixed_offset()))),
            ..Default::default()
        };
        Ok(move_post(ctx, session, &id, PostAction::Publish, changes).await?)
    }

    /// Records that publishing an `APPROVED` or `SCHEDULED` post failed: `FAILED` (members and
    /// agents' write keys); schedule it again to retry.
    #[tracing::instrument(skip_all)]
    async fn mark_social_post_failed(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The post's id.")] id: ID,
    ) -> Result<SocialPost> {
        let session = access::write(ctx, MEMBERS)?;
        Ok(move_post(ctx, session, &id, PostAction::Fail, Default::default()).await?)
    }

    /// Records a `PUBLISHED` post's latest engagement (members and agents' write keys): the
    /// snapshot replaces the previous one and `lastEngagementOn` is now. Metrics must not be
    /// negative.
    #[tracing::instrument(skip_all)]
    async fn record_social_post_engagement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The post's id.")] id: ID,
        #[graphql(desc = "The metrics read from the platform.")] input: SocialPostEngagementInput,
    ) -> Result<SocialPost> {
        let session = access::write(ctx, MEMBERS)?;
        let snapshot = input.snapshot()?;
        let changes = social_posts::ActiveModel {
            engagement_snapshot: Set(Some(snapshot)),
            last_engagement_on: Set(Some(now())),
            ..Default::default()
        };
        Ok(move_post(ctx, session, &id, PostAction::RecordEngagement, changes).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_urls_are_http_with_a_host() {
        assert!(published_url("https://www.linkedin.com/feed/update/urn:li:share:1").is_ok());
        for bad in [
            "ftp://x",
            "https://",
            "https://a b",
            "",
            "javascript:alert(1)",
        ] {
            assert!(published_url(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn content_refs_are_24_hex_digits() {
        assert_eq!(
            content_ref("65A1B2C3D4E5F60718293A4B").ok().as_deref(),
            Some("65a1b2c3d4e5f60718293a4b")
        );
        assert!(content_ref("65a1b2c3d4e5f60718293a4").is_err());
        assert!(content_ref("65a1b2c3d4e5f60718293a4g").is_err());
    }

    #[test]
    fn engagement_metrics_must_not_be_negative() {
        let mut input = SocialPostEngagementInput {
            likes: 1,
            comments: 2,
            shares: 3,
            impressions: 4,
            clicks: 5,
            reach: 6,
        };
        let snapshot = input.snapshot().ok();
        assert_eq!(
            snapshot
                .as_ref()
                .and_then(|s| s.get("reach"))
                .and_then(serde_json::Value::as_i64),
            Some(6)
        );
        input.clicks = -1;
        assert!(matches!(
            input.snapshot(),
            Err(ApiError::BadUserInput { field: Some(field), .. }) if field == "clicks"
        ));
    }
}
