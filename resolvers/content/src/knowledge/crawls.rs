//! `CrawlMutation`: starting crawl jobs (admins), their progress (admins and agents' write
//! keys) and cancelling them (admins).

use crate::knowledge::enums::RagCrawlStatus;
use crate::knowledge::gates::admins_or_agents;
use crate::knowledge::rules::{crawl_finished, crawl_transition};
use crate::knowledge::types::RagCrawlJob;
use crate::shared::inputs::{http_url, int_between};
use crate::shared::references::referenced;
use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::{DateTime, Utc};
use entities::{rag_crawl_jobs, rag_datasets};
use graph_core::access::{self, ADMINS};
use graph_core::changes::now;
use graph_core::error::{ApiError, ApiResult};
use graph_core::ids::parse_ref_id;
use graph_core::validate::Text;
use sea_orm::ActiveValue::{NotSet, Set};
use uuid::Uuid;

/// The error of a failed crawl.
const ERROR_MESSAGE: Text = Text::new("errorMessage", 2000);
/// The longest start URL.
const MAX_URL_CHARS: usize = 2000;
/// The longest path filter.
const MAX_PATH_FILTER_CHARS: usize = 500;

/// A crawl of a website into a dataset.
#[derive(InputObject)]
pub struct CreateRagCrawlJobInput {
    /// The dataset the pages go into.
    pub dataset_id: ID,
    /// Where crawling starts (`http(s)://`, at most 2000 characters).
    pub start_url: String,
    /// Most pages crawled, 1–10000. Default 200.
    pub max_pages: Option<i32>,
    /// Deepest link depth followed, 0–10. Default 3.
    pub max_depth: Option<i32>,
    /// Only paths starting with this are crawled: starts with `/`, at most 500 characters, no
    /// spaces.
    pub url_path_filter: Option<String>,
    /// When to start; omit to start as soon as possible.
    pub scheduled_for: Option<DateTime<Utc>>,
}

/// Progress of a crawl job.
#[derive(InputObject)]
pub struct RecordRagCrawlProgressInput {
    /// Its new status: `QUEUED → RUNNING → COMPLETED`, or `FAILED` from `QUEUED` or `RUNNING`
    /// (`RUNNING` again to report progress). `COMPLETED` and `FAILED` stamp `completedAt`.
    pub status: RagCrawlStatus,
    /// Pages fetched so far (0 or more); omit to keep.
    pub pages_crawled: Option<i32>,
    /// Pages ingested so far (0 or more); omit to keep.
    pub pages_indexed: Option<i32>,
    /// Pages that failed so far (0 or more); omit to keep.
    pub pages_failed: Option<i32>,
    /// What failed, with status `FAILED` (at most 2000 characters).
    pub error_message: Option<String>,
}

/// Checks a path filter (`BAD_USER_INPUT` on `urlPathFilter`).
fn path_filter(value: &str) -> ApiResult<String> {
    let value = value.trim();
    if value.starts_with('/')
        && value.chars().count() <= MAX_PATH_FILTER_CHARS
        && !value.chars().any(|c| c.is_control() || c.is_whitespace())
    {
        Ok(value.to_owned())
    } else {
        Err(ApiError::bad_input(
            "urlPathFilter",
            "`urlPathFilter` must start with `/`, have no spaces and be at most 500 characters",
        ))
    }
}

/// Checks a page count (`BAD_USER_INPUT` on `field` when negative).
fn pages(field: &str, value: Option<i32>) -> ApiResult<Option<i32>> {
    match value {
        Some(count) if count < 0 => Err(ApiError::bad_input(
            field,
            format!("`{field}` must not be negative"),
        )),
        other => Ok(other),
    }
}

/// The crawl part of the knowledge `Mutation`.
#[derive(Default)]
pub struct CrawlMutation;

/// Changes to crawl jobs.
#[Object]
impl CrawlMutation {
    /// Starts a crawl of a website into a dataset (admins only), `QUEUED`. An unknown or
    /// deleted dataset is `BAD_USER_INPUT` on `datasetId`.
    #[tracing::instrument(skip_all)]
    async fn create_rag_crawl_job(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The dataset, start URL and limits.")] input: CreateRagCrawlJobInput,
    ) -> Result<RagCrawlJob> {
        let session = access::write(ctx, ADMINS)?;
        let start_url = http_url("startUrl", &input.start_url, MAX_URL_CHARS)?;
        let max_pages = int_between("maxPages", input.max_pages.unwrap_or(200), 1, 10_000)?;
        let max_depth = int_between("maxDepth", input.max_depth.unwrap_or(3), 0, 10)?;
        let filter = input
            .url_path_filter
            .as_deref()
            .map(path_filter)
            .transpose()?;
        let tx = access::begin(ctx, session).await?;
        let dataset =
            referenced::<rag_datasets::Entity>(&tx, "datasetId", "dataset", &input.dataset_id)
                .await?;
        let row = tx
            .insert(rag_crawl_jobs::ActiveModel {
                id: Set(Uuid::new_v4()),
                dataset_id: Set(dataset.id),
                start_url: Set(start_url),
                max_pages: Set(max_pages),
                max_depth: Set(max_depth),
                url_path_filter: Set(filter),
                status: Set(RagCrawlStatus::Queued.as_db().to_owned()),
                pages_crawled: Set(0),
                pages_indexed: Set(0),
                pages_failed: Set(0),
                scheduled_for: Set(input.scheduled_for.map(Into::into)),
                ..Default::default()
            })
            .await?;
        tx.commit().await?;
        Ok(RagCrawlJob::from(row))
    }

    /// Records a crawl job's progress (admins and agents' write keys): status, page counts,
    /// error. A move the job's status does not allow is `CONFLICT`.
    #[tracing::instrument(skip_all)]
    async fn record_rag_crawl_progress(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The crawl job's id.")] id: ID,
        #[graphql(desc = "The new status and counts.")] input: RecordRagCrawlProgressInput,
    ) -> Result<RagCrawlJob> {
        let session = admins_or_agents(ctx)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let crawled = pages("pagesCrawled", input.pages_crawled)?;
        let indexed = pages("pagesIndexed", input.pages_indexed)?;
        let failed = pages("pagesFailed", input.pages_failed)?;
        let error_message = if input.status == RagCrawlStatus::Failed {
            ERROR_MESSAGE.optional(input.error_message.as_deref())?
        } else {
            None
        };
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<rag_crawl_jobs::Entity>("crawl job", &ref_id, false)
            .await?;
        let from = RagCrawlStatus::from_db(&row.status)?;
        crawl_transition(from, input.status)?;
        let changes = rag_crawl_jobs::ActiveModel {
            status: Set(input.status.as_db().to_owned()),
            pages_crawled: crawled.map_or(NotSet, Set),
            pages_indexed: indexed.map_or(NotSet, Set),
            pages_failed: failed.map_or(NotSet, Set),
            error_message: Set(error_message),
            completed_at: if crawl_finished(input.status) {
                Set(Some(now()))
            } else {
                NotSet
            },
            ..Default::default()
        };
        let row = tx.update_by_id("crawl job", row.id, changes).await?;
        tx.commit().await?;
        Ok(RagCrawlJob::from(row))
    }

    /// Cancels a queued or running crawl job (admins only): it becomes `FAILED` with the error
    /// "cancelled". A finished job is `CONFLICT`.
    #[tracing::instrument(skip_all)]
    async fn cancel_rag_crawl_job(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The crawl job's id.")] id: ID,
    ) -> Result<RagCrawlJob> {
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<rag_crawl_jobs::Entity>("crawl job", &ref_id, false)
            .await?;
        let from = RagCrawlStatus::from_db(&row.status)?;
        crawl_transition(from, RagCrawlStatus::Failed)?;
        let changes = rag_crawl_jobs::ActiveModel {
            status: Set(RagCrawlStatus::Failed.as_db().to_owned()),
            error_message: Set(Some("cancelled".to_owned())),
            completed_at: Set(Some(now())),
            ..Default::default()
        };
        let row = tx.update_by_id("crawl job", row.id, changes).await?;
        tx.commit().await?;
        Ok(RagCrawlJob::from(row))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_filters_are_absolute_paths() {
        assert!(path_filter("/blog").is_ok());
        assert!(path_filter("blog").is_err());
        assert!(path_filter("/a b").is_err());
        assert!(path_filter(&format!("/{}", "a".repeat(500))).is_err());
    }

    #[test]
    fn page_counts_are_not_negative() {
        assert!(pages("pagesCrawled", Some(0)).is_ok());
        assert!(pages("pagesCrawled", None).is_ok());
        assert!(pages("pagesCrawled", Some(-1)).is_err());
    }
}
