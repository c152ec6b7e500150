//! `ReportMutation`: creating and editing reports (members and agents' write keys), their body
//! (written to the document store, or an existing document attached), the workflow moves, and
//! delivery (reviewers and admins, users only).

use crate::reports::enums::{DeliveryChannel, ReportStatus, ReportType};
use crate::reports::report_type::Report;
use crate::reports::workflow::{Mover, editable, transition};
use crate::shared::references::referenced_id;
use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::NaiveDate;
use entities::sea_orm_active_enums as db;
use entities::{activities, campaigns, deliverable_periods, reports};
use graph_core::access::{self, MEMBERS, REVIEWERS};
use graph_core::changes::now;
use graph_core::context::Principal;
use graph_core::documents::ActivityOutput;
use graph_core::error::{ApiError, ApiResult};
use graph_core::ids::parse_ref_id;
use graph_core::validate::Text;
use mongodb::bson::DateTime as BsonDateTime;
use mongodb::bson::oid::ObjectId;
use sea_orm::ActiveValue::{NotSet, Set};
use uuid::Uuid;

/// A report's title (`reports.title`, `varchar(500)`).
const TITLE: Text = Text::new("title", 500);
/// The largest Markdown body `setReportBody` accepts, in bytes (held inline in the document).
pub const MAX_BODY_BYTES: usize = 512 * 1024;

/// A new report (`DRAFT`).
#[derive(InputObject)]
pub struct CreateReportInput {
    /// Title, 1–500 characters.
    pub title: String,
    /// What it covers.
    pub r#type: ReportType,
    /// The first day covered.
    pub period_start: NaiveDate,
    /// The last day covered, on or after `periodStart`.
    pub period_end: NaiveDate,
    /// The campaign it reports on (of the tenant).
    pub campaign_id: Option<ID>,
    /// The deliverable period it covers (of the tenant).
    pub deliverable_period_id: Option<ID>,
    /// The activity that produces it (of the tenant).
    pub activity_id: Option<ID>,
}

/// Changes to a `DRAFT` or `READY` report; omitted fields keep their value.
#[derive(InputObject)]
pub struct UpdateReportInput {
    /// New title, 1–500 characters.
    pub title: Option<String>,
    /// New kind.
    pub r#type: Option<ReportType>,
    /// New first day (the period must still end on or after it).
    pub period_start: Option<NaiveDate>,
    /// New last day.
    pub period_end: Option<NaiveDate>,
    /// Another campaign of the tenant.
    pub campaign_id: Option<ID>,
    /// Another deliverable period of the tenant.
    pub deliverable_period_id: Option<ID>,
    /// Another activity of the tenant.
    pub activity_id: Option<ID>,
}

/// `BAD_USER_INPUT` on `periodEnd` unless `end` is on or after `start`.
fn check_period(start: NaiveDate, end: NaiveDate) -> ApiResult<()> {
    if end < start {
        return Err(ApiError::bad_input(
            "periodEnd",
            "`periodEnd` must be on or after `periodStart`",
        ));
    }
    Ok(())
}

/// A document id given as input: 24 lowercase hex digits (`BAD_USER_INPUT` on `field`).
fn document_id(field: &str, value: &str) -> ApiResult<String> {
    let value = value.trim().to_ascii_lowercase();
    if value.len() != 24 || !value.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ApiError::bad_input(
            field,
            format!("`{field}` must be a document id of 24 hex digits"),
        ));
    }
    Ok(value)
}

/// A Markdown body: not blank, at most [`MAX_BODY_BYTES`] (`BAD_USER_INPUT` on `markdown`).
fn markdown_body(value: &str) -> ApiResult<String> {
    if value.trim().is_empty() {
        return Err(ApiError::bad_input(
            "markdown",
            "`markdown` must not be blank",
        ));
    }
    if value.len() > MAX_BODY_BYTES {
        return Err(ApiError::bad_input(
            "markdown",
            format!("`markdown` must be at most {MAX_BODY_BYTES} bytes"),
        ));
    }
    Ok(value.to_owned())
}

/// The report part of the reports `Mutation`.
#[derive(Default)]
pub struct ReportMutation;

/// Changes to reports.
#[Object]
impl ReportMutation {
    /// Creates a `DRAFT` report (members and agents' write keys). The campaign, period and
    /// activity must be the tenant's (`BAD_USER_INPUT` on the field otherwise).
    #[tracing::instrument(skip_all)]
    async fn create_report(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The report's title, kind, period and links.")] input: CreateReportInput,
    ) -> Result<Report> {
        let session = access::write(ctx, MEMBERS)?;
        let title = TITLE.required(&input.title)?;
        check_period(input.period_start, input.period_end)?;
        let tx = access::begin(ctx, session).await?;
        let campaign_id = referenced_id::<campaigns::Entity>(
            &tx,
            "campaignId",
            "campaign",
            input.campaign_id.as_ref(),
        )
        .await?;
        let period_id = referenced_id::<deliverable_periods::Entity>(
            &tx,
            "deliverablePeriodId",
            "deliverable period",
            input.deliverable_period_id.as_ref(),
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
            .insert(reports::ActiveModel {
                id: Set(Uuid::new_v4()),
                title: Set(title),
                r#type: Set(input.r#type.into()),
                status: Set(db::ReportStatus::Draft),
                period_start: Set(input.period_start),
                period_end: Set(input.period_end),
                campaign_id: Set(campaign_id),
                deliverable_period_id: Set(period_id),
                activity_id: Set(activity_id),
                ..Default::default()
            })
            .await?;
        tx.commit().await?;
        Ok(Report::from(row))
    }

    /// Changes a `DRAFT` or `READY` report (members and agents' write keys); a delivered or
    /// archived one is a `CONFLICT`.
    #[tracing::instrument(skip_all)]
    async fn update_report(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The report's id.")] id: ID,
        #[graphql(desc = "What to change.")] input: UpdateReportInput,
    ) -> Result<Report> {
        let session = access::write(ctx, MEMBERS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let title = input
            .title
            .as_deref()
            .map(|title| TITLE.required(title))
            .transpose()?;
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<reports::Entity>("report", &ref_id, false)
            .await?;
        editable(&row.status)?;
        check_period(
            input.period_start.unwrap_or(row.period_start),
            input.period_end.unwrap_or(row.period_end),
        )?;
        let campaign_id = referenced_id::<campaigns::Entity>(
            &tx,
            "campaignId",
            "campaign",
            input.campaign_id.as_ref(),
        )
        .await?;
        let period_id = referenced_id::<deliverable_periods::Entity>(
            &tx,
            "deliverablePeriodId",
            "deliverable period",
            input.deliverable_period_id.as_ref(),
        )
        .await?;
        let activity_id = referenced_id::<activities::Entity>(
            &tx,
            "activityId",
            "activity",
            input.activity_id.as_ref(),
        )
        .await?;
        let changes = reports::ActiveModel {
            title: title.map_or(NotSet, Set),
            r#type: input.r#type.map_or(NotSet, |kind| Set(kind.into())),
            period_start: input.period_start.map_or(NotSet, Set),
            period_end: input.period_end.map_or(NotSet, Set),
            campaign_id: campaign_id.map_or(NotSet, |id| Set(Some(id))),
            deliverable_period_id: period_id.map_or(NotSet, |id| Set(Some(id))),
            activity_id: activity_id.map_or(NotSet, |id| Set(Some(id))),
            ..Default::default()
        };
        let row = tx.update_by_id("report", row.id, changes).await?;
        tx.commit().await?;
        Ok(Report::from(row))
    }

    /// Moves a report along its workflow (members and agents' write keys): `DRAFT` → `READY`
    /// (it needs a body), `READY` → `DRAFT`, `DELIVERED` → `ARCHIVED`. Delivering is
    /// `deliverReport`. Any other move is a `CONFLICT`.
    #[tracing::instrument(skip_all)]
    async fn change_report_status(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The report's id.")] id: ID,
        #[graphql(desc = "The status to move to: `READY`, `DRAFT` or `ARCHIVED`.")]
        status: ReportStatus,
    ) -> Result<Report> {
        let session = access::write(ctx, MEMBERS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let target = db::ReportStatus::from(status);
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<reports::Entity>("report", &ref_id, false)
            .await?;
        match transition(&row.status, &target, row.content_ref.is_some())? {
            Mover::Members => {}
            Mover::Reviewers => {
                return Err(
                    ApiError::bad_input("status", "deliver a report with `deliverReport`").into(),
                );
            }
        }
        let changes = reports::ActiveModel {
            status: Set(target),
            ..Default::default()
        };
        let row = tx.update_by_id("report", row.id, changes).await?;
        tx.commit().await?;
        Ok(Report::from(row))
    }

    /// Delivers a `READY` report to the client (reviewers and admins; API keys are refused):
    /// it becomes `DELIVERED`, with `deliveredAt`, the delivering user and the channel.
    #[tracing::instrument(skip_all)]
    async fn deliver_report(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The report's id.")] id: ID,
        #[graphql(desc = "How it was delivered.")] channel: DeliveryChannel,
    ) -> Result<Report> {
        let session = access::write(ctx, REVIEWERS)?;
        let Principal::User { id: user_id, .. } = &session.principal else {
            return Err(ApiError::Forbidden("a report is delivered by a user".to_owned()).into());
        };
        let user_id = *user_id;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<reports::Entity>("report", &ref_id, false)
            .await?;
        transition(
            &row.status,
            &db::ReportStatus::Delivered,
            row.content_ref.is_some(),
        )?;
        let changes = reports::ActiveModel {
            status: Set(db::ReportStatus::Delivered),
            delivered_at: Set(Some(now())),
            delivered_by: Set(Some(user_id)),
            delivery_channel: Set(Some(channel.as_db().to_owned())),
            ..Default::default()
        };
        let row = tx.update_by_id("report", row.id, changes).await?;
        tx.commit().await?;
        tracing::info!(report = %row.ref_id, "report delivered");
        Ok(Report::from(row))
    }

    /// Attaches an existing document of the tenant (24 hex digits, e.g. written by the Report
    /// Writer agent) as the body of a `DRAFT` or `READY` report (members and agents' write
    /// keys). A document that does not exist in the tenant is `BAD_USER_INPUT` on
    /// `contentRef`.
    #[tracing::instrument(skip_all)]
    async fn attach_report_content(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The report's id.")] id: ID,
        #[graphql(desc = "The document's id (24 hex digits).")] content_ref: String,
    ) -> Result<Report> {
        let session = access::write(ctx, MEMBERS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let content_ref = document_id("contentRef", &content_ref)?;
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<reports::Entity>("report", &ref_id, false)
            .await?;
        editable(&row.status)?;
        let found = access::services(ctx)?
            .documents
            .find_by_ids::<ActivityOutput>(session.tenant.id, std::slice::from_ref(&content_ref))
            .await?;
        if found.is_empty() {
            return Err(ApiError::bad_input(
                "contentRef",
                format!("no such document: {content_ref}"),
            )
            .into());
        }
        let changes = reports::ActiveModel {
            content_ref: Set(Some(content_ref)),
            ..Default::default()
        };
        let row = tx.update_by_id("report", row.id, changes).await?;
        tx.commit().await?;
        Ok(Report::from(row))
    }

    /// Writes a new Markdown body for a `DRAFT` or `READY` report (members and agents' write
    /// keys): a document of the tenant (at most 512 KiB, held inline) that the report then
    /// points at. The previous body's document stays in the store.
    #[tracing::instrument(skip_all)]
    async fn set_report_body(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The report's id.")] id: ID,
        #[graphql(desc = "The body, in Markdown (at most 512 KiB).")] markdown: String,
    ) -> Result<Report> {
        let session = access::write(ctx, MEMBERS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let markdown = markdown_body(&markdown)?;
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<reports::Entity>("report", &ref_id, false)
            .await?;
        editable(&row.status)?;
        let activity = graph_core::loaders::one::<activities::Entity>(ctx, row.activity_id)
            .await?
            .map(|activity| activity.ref_id);
        let words = markdown.split_whitespace().count();
        let document = ActivityOutput {
            id: ObjectId::new(),
            tenant_id: String::new(),
            activity_id: activity,
            format: "markdown".to_owned(),
            title: Some(row.title.clone()),
            content_type: "text/markdown".to_owned(),
            s3_key: None,
            size_bytes: i64::try_from(markdown.len()).ok(),
            word_count: i32::try_from(words).ok(),
            body: Some(markdown),
            created_at: BsonDateTime::now(),
        };
        let written = access::services(ctx)?
            .documents
            .insert(session.tenant.id, document)
            .await?;
        let changes = reports::ActiveModel {
            content_ref: Set(Some(written.to_hex())),
            ..Default::default()
        };
        let row = tx.update_by_id("report", row.id, changes).await?;
        tx.commit().await?;
        Ok(Report::from(row))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_ends_on_or_after_its_start() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default();
        assert!(check_period(day(1), day(30)).is_ok());
        assert!(check_period(day(1), day(1)).is_ok());
        assert!(check_period(day(2), day(1)).is_err());
    }

    #[test]
    fn document_ids_are_24_hex_digits() {
        assert_eq!(
            document_id("contentRef", "65A1B2C3D4E5F60718293A4B").ok(),
            Some("65a1b2c3d4e5f60718293a4b".to_owned())
        );
        for bad in [
            "",
            "65a1b2",
            "zza1b2c3d4e5f60718293a4b",
            "65a1b2c3d4e5f60718293a4b0",
        ] {
            assert!(document_id("contentRef", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn bodies_are_not_blank_and_bounded() {
        assert!(markdown_body("# Report").is_ok());
        assert!(markdown_body("  ").is_err());
        assert!(markdown_body(&"x".repeat(MAX_BODY_BYTES + 1)).is_err());
    }
}
