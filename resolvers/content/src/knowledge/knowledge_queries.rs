//! `KnowledgeReads`: datasets, their files and crawl jobs — lists, one by id — and the
//! federation look-ups of `RagDataset`, `RagFile` and `RagCrawlJob`. Open to every member of the
//! tenant. Every list is served by an index that leads with `tenant_id`, then its filter
//! columns, and ends with `ref_id` (migration `m20261130_000018`).

use crate::knowledge::enums::{RagCrawlStatus, RagDatasetStatus, RagFileStatus};
use crate::knowledge::types::{
    RagCrawlJob, RagCrawlJobConnection, RagDataset, RagDatasetConnection, RagFile,
    RagFileConnection,
};
use async_graphql::{Context, ID, InputObject, Object, Result};
use entities::tenant_scoped::TenantScoped;
use entities::{rag_crawl_jobs, rag_datasets, rag_files};
use graph_core::access;
use graph_core::db::TenantTx;
use graph_core::error::ApiResult;
use graph_core::ids::parse_ref_id;
use graph_core::loaders::lookup;
use graph_core::pagination::{PageArgs, list};
use sea_orm::ColumnTrait;
use sea_orm::sea_query::{Expr, ExprTrait, SimpleExpr, SubQueryStatement};

/// Which datasets to list.
#[derive(InputObject, Default, Debug)]
pub struct RagDatasetFilter {
    /// Only datasets in this state.
    pub status: Option<RagDatasetStatus>,
}

/// Which files of a dataset to list; every given criterion must hold.
#[derive(InputObject, Default, Debug)]
pub struct RagFileFilter {
    /// Only files in this pipeline status.
    pub status: Option<RagFileStatus>,
    /// Only enabled (true) or disabled (false) files.
    pub enabled: Option<bool>,
}

/// Which crawl jobs of a dataset to list.
#[derive(InputObject, Default, Debug)]
pub struct RagCrawlJobFilter {
    /// Only jobs in this status.
    pub status: Option<RagCrawlStatus>,
}

/// `column = (SELECT id FROM rag_datasets WHERE ref_id = <id> AND live)`, scoped to the tenant:
/// the rows of a live dataset of the tenant; an unknown, deleted or other tenant's dataset
/// matches nothing.
pub(crate) fn of_dataset(
    tx: &TenantTx,
    column: impl sea_orm::sea_query::IntoColumnRef,
    id: &ID,
) -> ApiResult<SimpleExpr> {
    let ref_id = parse_ref_id("datasetId", id)?;
    let dataset = tx
        .select::<rag_datasets::Entity>()
        .filter(rag_datasets::Entity::ref_id_column().eq(ref_id.into_string()))
        .column_subquery(rag_datasets::Column::Id);
    Ok(Expr::col(column).eq(Expr::SubQuery(
        None,
        Box::new(SubQueryStatement::SelectStatement(dataset)),
    )))
}

/// The knowledge part of the `Query`.
#[derive(Default)]
pub struct KnowledgeReads;

/// Reads of the knowledge base.
#[Object]
impl KnowledgeReads {
    /// The tenant's datasets, oldest first, as a Relay connection (deleted ones hidden).
    async fn rag_datasets(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only datasets matching this.")] filter: Option<RagDatasetFilter>,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return datasets after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return datasets before this one.")] before: Option<String>,
    ) -> Result<RagDatasetConnection> {
        let session = access::read(ctx)?;
        let filter = filter.unwrap_or_default();
        let args = PageArgs::new(after, before, first, last);
        Ok(list(
            ctx,
            session,
            args,
            |tx| {
                let mut select = tx.select::<rag_datasets::Entity>();
                if let Some(status) = filter.status {
                    select = select.filter(rag_datasets::Column::Status.eq(status.as_db()));
                }
                Ok(select)
            },
            RagDataset::from,
        )
        .await?)
    }

    /// One dataset by id; null when there is none. Deleted datasets are returned to admins
    /// only.
    async fn rag_dataset(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The dataset's id.")] id: ID,
    ) -> Result<Option<RagDataset>> {
        Ok(lookup::<rag_datasets::Entity>(ctx, &id, false)
            .await?
            .map(RagDataset::from))
    }

    /// The files of a dataset, oldest first, as a Relay connection (deleted ones hidden); empty
    /// for an unknown or deleted dataset.
    #[allow(clippy::too_many_arguments)]
    async fn rag_files(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The dataset's id.")] dataset_id: ID,
        #[graphql(desc = "Only files matching this.")] filter: Option<RagFileFilter>,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return files after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return files before this one.")] before: Option<String>,
    ) -> Result<RagFileConnection> {
        let session = access::read(ctx)?;
        let filter = filter.unwrap_or_default();
        let args = PageArgs::new(after, before, first, last);
        Ok(list(
            ctx,
            session,
            args,
            |tx| {
                use rag_files::Column as C;
                let mut select = tx.select::<rag_files::Entity>().filter(of_dataset(
                    tx,
                    C::DatasetId,
                    &dataset_id,
                )?);
                if let Some(status) = filter.status {
                    select = select.filter(C::Status.eq(status.as_db()));
                }
                if let Some(enabled) = filter.enabled {
                    select = select.filter(C::Enabled.eq(enabled));
                }
                Ok(select)
            },
            RagFile::from,
        )
        .await?)
    }

    /// One file by id; null when there is none. Deleted files are returned to admins only.
    async fn rag_file(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The file's id.")] id: ID,
    ) -> Result<Option<RagFile>> {
        Ok(lookup::<rag_files::Entity>(ctx, &id, false)
            .await?
            .map(RagFile::from))
    }

    /// The crawl jobs of a dataset, oldest first, as a Relay connection; empty for an unknown
    /// or deleted dataset.
    #[allow(clippy::too_many_arguments)]
    async fn rag_crawl_jobs(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The dataset's id.")] dataset_id: ID,
        #[graphql(desc = "Only jobs matching this.")] filter: Option<RagCrawlJobFilter>,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return jobs after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return jobs before this one.")] before: Option<String>,
    ) -> Result<RagCrawlJobConnection> {
        let session = access::read(ctx)?;
        let filter = filter.unwrap_or_default();
        let args = PageArgs::new(after, before, first, last);
        Ok(list(
            ctx,
            session,
            args,
            |tx| {
                use rag_crawl_jobs::Column as C;
                let mut select = tx.select::<rag_crawl_jobs::Entity>().filter(of_dataset(
                    tx,
                    C::DatasetId,
                    &dataset_id,
                )?);
                if let Some(status) = filter.status {
                    select = select.filter(C::Status.eq(status.as_db()));
                }
                Ok(select)
            },
            RagCrawlJob::from,
        )
        .await?)
    }

    /// One crawl job by id; null when there is none.
    async fn rag_crawl_job(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The crawl job's id.")] id: ID,
    ) -> Result<Option<RagCrawlJob>> {
        Ok(lookup::<rag_crawl_jobs::Entity>(ctx, &id, false)
            .await?
            .map(RagCrawlJob::from))
    }

    /// Federation: a dataset of the caller's tenant; null for unknown ids.
    #[graphql(entity)]
    async fn find_rag_dataset_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<Option<RagDataset>> {
        Ok(lookup::<rag_datasets::Entity>(ctx, &id, true)
            .await?
            .map(RagDataset::from))
    }

    /// Federation: a file of the caller's tenant; null for unknown ids.
    #[graphql(entity)]
    async fn find_rag_file_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<Option<RagFile>> {
        Ok(lookup::<rag_files::Entity>(ctx, &id, true)
            .await?
            .map(RagFile::from))
    }

    /// Federation: a crawl job of the caller's tenant; null for unknown ids.
    #[graphql(entity)]
    async fn find_rag_crawl_job_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<Option<RagCrawlJob>> {
        Ok(lookup::<rag_crawl_jobs::Entity>(ctx, &id, true)
            .await?
            .map(RagCrawlJob::from))
    }
}
