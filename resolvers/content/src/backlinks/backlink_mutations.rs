//! `BacklinkMutation`: recording, changing, moving through the outreach pipeline, checking and
//! deleting backlinks (members and agents' write keys).

use crate::backlinks::backlink_type::Backlink;
use crate::backlinks::enums::{BacklinkLinkType, BacklinkOutreachStatus};
use crate::backlinks::outreach::transition;
use crate::shared::inputs::{http_url, int_between, json_object};
use crate::shared::references::referenced_id;
use async_graphql::{Context, ID, InputObject, Json, Object, Result};
use entities::sea_orm_active_enums as db;
use entities::{activities, backlinks, deliverables};
use graph_core::access::{self, MEMBERS};
use graph_core::changes::now;
use graph_core::error::{ApiError, ApiResult};
use graph_core::ids::parse_ref_id;
use graph_core::validate::Text;
use sea_orm::ActiveValue::{NotSet, Set};
use uuid::Uuid;

/// Anchor text (`backlinks.anchor_text`, `varchar(500)`).
const ANCHOR_TEXT: Text = Text::new("anchorText", 500);
/// Notes (`backlinks.notes`, text; bounded here).
const NOTES: Text = Text::new("notes", 5000);
/// Longest URL (`varchar(1000)`).
const MAX_URL_CHARS: usize = 1000;
/// Largest check result, in bytes of compact JSON.
const MAX_CHECK_RESULT_BYTES: usize = 64 * 1024;

/// A backlink to track, starting in `PROSPECTING`.
#[derive(InputObject)]
pub struct CreateBacklinkInput {
    /// The page on the linking site (`http(s)://`, at most 1000 characters).
    pub target_url: String,
    /// The page of the tenant's site to be linked to (`http(s)://`, at most 1000 characters).
    pub source_url: Option<String>,
    /// The anchor text, at most 500 characters.
    pub anchor_text: Option<String>,
    /// Domain authority of the linking domain, 0–100.
    pub domain_authority: Option<i32>,
    /// The link's `rel` qualification.
    pub link_type: Option<BacklinkLinkType>,
    /// Notes, at most 5000 characters.
    pub notes: Option<String>,
    /// The backlinks deliverable it belongs to.
    pub deliverable_id: Option<ID>,
    /// The outreach activity working on it.
    pub activity_id: Option<ID>,
}

/// Changes to a backlink; omitted fields keep their value (the outreach status moves with
/// `moveBacklinkOutreach`).
#[derive(InputObject)]
pub struct UpdateBacklinkInput {
    /// The page on the linking site (`http(s)://`, at most 1000 characters).
    pub target_url: Option<String>,
    /// The page of the tenant's site linked to (`http(s)://`, at most 1000 characters).
    pub source_url: Option<String>,
    /// The anchor text, at most 500 characters.
    pub anchor_text: Option<String>,
    /// Domain authority of the linking domain, 0–100.
    pub domain_authority: Option<i32>,
    /// The link's `rel` qualification.
    pub link_type: Option<BacklinkLinkType>,
    /// Notes, at most 5000 characters (blank clears them).
    pub notes: Option<String>,
    /// The backlinks deliverable it belongs to.
    pub deliverable_id: Option<ID>,
    /// The outreach activity working on it.
    pub activity_id: Option<ID>,
}

/// The result of a liveness check of a published backlink.
#[derive(InputObject)]
pub struct RecordBacklinkCheckInput {
    /// Whether the link is live.
    pub is_live: bool,
    /// Whether the linking page is indexed by Google.
    pub is_indexed: bool,
    /// The provider's full response: a JSON object of at most 64 KiB.
    pub check_result: Option<Json<serde_json::Value>>,
}

/// Checks a domain authority (`BAD_USER_INPUT` on `domainAuthority` unless 0–100).
fn domain_authority(value: i32) -> ApiResult<i16> {
    let value = int_between("domainAuthority", value, 0, 100)?;
    i16::try_from(value).map_err(ApiError::internal)
}

/// The backlink part of the backlinks `Mutation`.
#[derive(Default)]
pub struct BacklinkMutation;

/// Changes to backlinks (members and agents).
#[Object]
impl BacklinkMutation {
    /// Records a backlink to pursue, in `PROSPECTING`. An unknown `deliverableId` or
    /// `activityId` is `BAD_USER_INPUT` on that field.
    #[tracing::instrument(skip_all)]
    async fn create_backlink(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The link's pages, anchor and qualification.")] input: CreateBacklinkInput,
    ) -> Result<Backlink> {
        let session = access::write(ctx, MEMBERS)?;
        let target_url = http_url("targetUrl", &input.target_url, MAX_URL_CHARS)?;
        let source_url = input
            .source_url
            .as_deref()
            .map(|url| http_url("sourceUrl", url, MAX_URL_CHARS))
            .transpose()?;
        let anchor_text = ANCHOR_TEXT.optional(input.anchor_text.as_deref())?;
        let authority = input.domain_authority.map(domain_authority).transpose()?;
        let notes = NOTES.optional(input.notes.as_deref())?;
        let tx = access::begin(ctx, session).await?;
        let deliverable_id = referenced_id::<deliverables::Entity>(
            &tx,
            "deliverableId",
            "deliverable",
            input.deliverable_id.as_ref(),
        )
        .await?;
        let activity_id = referenced_id::<activities::Entity>(
            &tx,
            "activityId",
            "activity",
            input.activity_id.as_ref(),
        )
        .await?;
        let row = tx
            .insert(backlinks::ActiveModel {
                id: Set(Uuid::new_v4()),
                activity_id: Set(activity_id),
                deliverable_id: Set(deliverable_id),
                target_url: Set(target_url),
                source_url: Set(source_url),
                anchor_text: Set(anchor_text),
                domain_authority: Set(authority),
                link_type: Set(input.link_type.map(Into::into)),
                outreach_status: Set(db::BacklinkOutreachStatus::Prospecting),
                notes: Set(notes),
                ..Default::default()
            })
            .await?;
        tx.commit().await?;
        Ok(Backlink::from(row))
    }

    /// Changes a backlink's details; `NOT_FOUND` for an unknown or deleted one.
    #[tracing::instrument(skip_all)]
    async fn update_backlink(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The backlink's id.")] id: ID,
        #[graphql(desc = "What to change.")] input: UpdateBacklinkInput,
    ) -> Result<Backlink> {
        let session = access::write(ctx, MEMBERS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let target_url = input
            .target_url
            .as_deref()
            .map(|url| http_url("targetUrl", url, MAX_URL_CHARS))
            .transpose()?;
        let source_url = input
            .source_url
            .as_deref()
            .map(|url| http_url("sourceUrl", url, MAX_URL_CHARS))
            .transpose()?;
        let anchor_text = input
            .anchor_text
            .as_deref()
            .map(|text| ANCHOR_TEXT.optional(Some(text)))
            .transpose()?;
        let authority = input.domain_authority.map(domain_authority).transpose()?;
        let notes = input
            .notes
            .as_deref()
            .map(|text| NOTES.optional(Some(text)))
            .transpose()?;
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<backlinks::Entity>("backlink", &ref_id, false)
            .await?;
        let deliverable_id = referenced_id::<deliverables::Entity>(
            &tx,
            "deliverableId",
            "deliverable",
            input.deliverable_id.as_ref(),
        )
        .await?;
        let activity_id = referenced_id::<activities::Entity>(
            &tx,
            "activityId",
            "activity",
            input.activity_id.as_ref(),
        )
        .await?;
        let changes = backlinks::ActiveModel {
            target_url: target_url.map_or(NotSet, Set),
            source_url: source_url.map_or(NotSet, |url| Set(Some(url))),
            anchor_text: anchor_text.map_or(NotSet, Set),
            domain_authority: authority.map_or(NotSet, |da| Set(Some(da))),
            link_type: input
                .link_type
                .map_or(NotSet, |kind| Set(Some(kind.into()))),
            notes: notes.map_or(NotSet, Set),
            deliverable_id: deliverable_id.map_or(NotSet, |id| Set(Some(id))),
            activity_id: activity_id.map_or(NotSet, |id| Set(Some(id))),
            ..Default::default()
        };
        let row = tx.update_by_id("backlink", row.id, changes).await?;
        tx.commit().await?;
        Ok(Backlink::from(row))
    }

    /// Moves a backlink through the outreach pipeline: `PROSPECTING → OUTREACH_SENT` (stamps
    /// `outreachSentOn`) `→ RESPONDED → AGREED → PUBLISHED` (stamps `linkPublishedOn`), one
    /// step at a time; `REJECTED` from any open status; `NO_RESPONSE` from `OUTREACH_SENT`,
    /// `RESPONDED` or `AGREED`; a `REJECTED` or `NO_RESPONSE` link reopens to `PROSPECTING`
    /// (a new attempt: `outreachSentOn` cleared) and a `NO_RESPONSE` one may be followed up
    /// (`OUTREACH_SENT` again). `PUBLISHED` is final. Any other move is `CONFLICT`.
    #[tracing::instrument(skip_all)]
    async fn move_backlink_outreach(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The backlink's id.")] id: ID,
        #[graphql(desc = "The status to move to.")] status: BacklinkOutreachStatus,
    ) -> Result<Backlink> {
        let session = access::write(ctx, MEMBERS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let to: db::BacklinkOutreachStatus = status.into();
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<backlinks::Entity>("backlink", &ref_id, false)
            .await?;
        let stamps = transition(&row.outreach_status, &to)?;
        let at = now();
        let changes = backlinks::ActiveModel {
            outreach_status: Set(to),
            outreach_sent_on: if stamps.outreach_sent {
                Set(Some(at))
            } else if stamps.clear_outreach_sent {
                Set(None)
            } else {
                NotSet
            },
            link_published_on: if stamps.published {
                Set(Some(at))
            } else {
                NotSet
            },
            ..Default::default()
        };
        let row = tx.update_by_id("backlink", row.id, changes).await?;
        tx.commit().await?;
        Ok(Backlink::from(row))
    }

    /// Records a liveness check of a published backlink (members and agents): live, indexed,
    /// the provider's result, and `lastCheckedOn`. A backlink not `PUBLISHED` is `CONFLICT`.
    #[tracing::instrument(skip_all)]
    async fn record_backlink_check(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The backlink's id.")] id: ID,
        #[graphql(desc = "What the check found.")] input: RecordBacklinkCheckInput,
    ) -> Result<Backlink> {
        let session = access::write(ctx, MEMBERS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let result = input
            .check_result
            .as_ref()
            .map(|value| json_object("checkResult", &value.0, MAX_CHECK_RESULT_BYTES))
            .transpose()?;
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<backlinks::Entity>("backlink", &ref_id, false)
            .await?;
        if row.outreach_status != db::BacklinkOutreachStatus::Published {
            return Err(ApiError::Conflict(
                "only a published backlink is checked for liveness".to_owned(),
            )
            .into());
        }
        let changes = backlinks::ActiveModel {
            is_live: Set(input.is_live),
            is_indexed: Set(input.is_indexed),
            dataforseo_check_result: Set(result),
            last_checked_on: Set(Some(now())),
            ..Default::default()
        };
        let row = tx.update_by_id("backlink", row.id, changes).await?;
        tx.commit().await?;
        Ok(Backlink::from(row))
    }

    /// Deletes a backlink (soft: admins still see it). Returns the deleted backlink's id.
    #[tracing::instrument(skip_all)]
    async fn delete_backlink(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The backlink's id.")] id: ID,
    ) -> Result<ID> {
        let session = access::write(ctx, MEMBERS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<backlinks::Entity>("backlink", &ref_id, false)
            .await?;
        tx.soft_delete::<backlinks::Entity, _>(
            "backlink",
            row.id,
            backlinks::ActiveModel::default(),
        )
        .await?;
        tx.commit().await?;
        Ok(ID(row.ref_id))
    }
}
