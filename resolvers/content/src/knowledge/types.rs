//! The knowledge base's types: `RagDataset`, `RagFile`, `RagCrawlJob`, and their relations
//! (through the request's loaders: a list of datasets with their files is one statement per
//! level, whatever the number of rows).

use crate::knowledge::enums::{
    RagCrawlStatus, RagDatasetStatus, RagFileSource, RagFileStatus, RagParseType, RagParserEngine,
};
use crate::knowledge::rules::effective_chunking;
use async_graphql::{ComplexObject, Context, ID, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entities::{rag_crawl_jobs, rag_datasets, rag_files};
use graph_core::access;
use graph_core::loaders::{children, latest_children, one};
use graph_core::pagination::{Page, PageArgs, PageInfo};
use uuid::Uuid;

/// A knowledge base dataset: a collection of documents (uploads, crawled pages, published
/// content) chunked, embedded and indexed into one Qdrant collection, which agents search.
/// Its embedding provider, model and vector size are fixed when it is created.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct RagDataset {
    /// Public id (ULID).
    pub id: ID,
    /// Name, unique among the tenant's datasets (`client_docs`, `website_content`).
    pub name: String,
    /// What it holds.
    pub description: Option<String>,
    /// The embedding provider (`openai`, `ollama`, …). Fixed after creation.
    pub embedding_provider: String,
    /// The embedding model (`text-embedding-3-small`). Fixed after creation.
    pub embedding_model: String,
    /// The vectors' dimensions. Fixed after creation.
    pub vector_size: i32,
    /// Default chunk size in characters (files may override it).
    pub chunk_size: i32,
    /// Default chunk overlap in characters, less than `chunkSize` (files may override it).
    pub chunk_overlap: i32,
    /// Default chunking strategy (files may override it).
    pub parse_type: RagParseType,
    /// Default parser (files may override it).
    pub parser_engine: RagParserEngine,
    /// The agent roles allowed to search it.
    pub allowed_agent_roles: Vec<String>,
    /// Its Qdrant collection: `ds_` and its id in lower case. Fixed.
    pub qdrant_collection: String,
    /// Its state.
    pub status: RagDatasetStatus,
    /// How many (not deleted) files it holds; kept with every file added or deleted.
    pub total_files: i32,
    /// How many chunks its (not deleted) files hold; kept with every change of a file's
    /// `chunksCount`.
    pub total_chunks: i32,
    /// When it was created.
    pub created_on: DateTime<Utc>,
    /// When it was last changed; null if never.
    pub updated_on: Option<DateTime<Utc>>,
    /// When it was deleted; null unless deleted (deleted datasets are shown to admins only).
    pub deleted_on: Option<DateTime<Utc>>,
    #[graphql(skip)]
    pub(crate) row_id: Uuid,
}

impl From<rag_datasets::Model> for RagDataset {
    fn from(row: rag_datasets::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            name: row.name,
            description: row.description,
            embedding_provider: row.embedding_provider,
            embedding_model: row.embedding_model,
            vector_size: row.vector_size,
            chunk_size: row.chunk_size,
            chunk_overlap: row.chunk_overlap,
            parse_type: RagParseType::from_db(&row.parse_type).unwrap_or(RagParseType::Naive),
            parser_engine: RagParserEngine::from_db(&row.parser_engine)
                .unwrap_or(RagParserEngine::NodeNative),
            allowed_agent_roles: row.allowed_agent_roles,
            qdrant_collection: row.qdrant_collection,
            status: RagDatasetStatus::from_db(&row.status).unwrap_or(RagDatasetStatus::Error),
            total_files: row.total_files,
            total_chunks: row.total_chunks,
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            deleted_on: row.deleted_on.map(|at| at.to_utc()),
            row_id: row.id,
        }
    }
}

/// The dataset's relations, through the request's loaders.
#[ComplexObject]
impl RagDataset {
    /// The dataset's files (not deleted), oldest first, as a Relay connection: `first` after
    /// `after`, among its first 500 files (page further with `ragFiles(datasetId:)`).
    async fn files(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Return at most this many (after `after`).")] first: Option<i32>,
        #[graphql(desc = "Cursor: return files after this one.")] after: Option<String>,
    ) -> Result<RagFileConnection> {
        let window =
            PageArgs::new(after, None, first, None).window(access::services(ctx)?.max_page_size)?;
        let rows =
            children::<rag_files::Entity>(ctx, rag_files::Column::DatasetId, self.row_id).await?;
        let limit = usize::try_from(window.limit()).unwrap_or(usize::MAX);
        let mut rest = rows
            .into_iter()
            .filter(|row| {
                window
                    .after()
                    .is_none_or(|after| row.ref_id.as_str() > after)
            })
            .peekable();
        let mut items = Vec::new();
        while items.len() < limit {
            let Some(row) = rest.next() else { break };
            items.push((row.ref_id.clone(), RagFile::from(row)));
        }
        let has_next_page = rest.peek().is_some();
        let page = Page {
            page_info: PageInfo {
                has_previous_page: window.after().is_some(),
                has_next_page,
                start_cursor: items.first().map(|(cursor, _)| cursor.clone()),
                end_cursor: items.last().map(|(cursor, _)| cursor.clone()),
            },
            items,
        };
        Ok(page.into())
    }

    /// The dataset's crawl jobs, newest first (at most 500; page with
    /// `ragCrawlJobs(datasetId:)`).
    async fn crawl_jobs(&self, ctx: &Context<'_>) -> Result<Vec<RagCrawlJob>> {
        Ok(latest_children::<rag_crawl_jobs::Entity>(
            ctx,
            rag_crawl_jobs::Column::DatasetId,
            self.row_id,
        )
        .await?
        .into_iter()
        .map(RagCrawlJob::from)
        .collect())
    }
}

/// A file of a dataset, processed through the ingestion pipeline (parse → chunk → embed →
/// index). Its chunking settings override the dataset's where set; the `effective…` fields say
/// what applies.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct RagFile {
    /// Public id (ULID).
    pub id: ID,
    /// The original file name.
    pub file_name: String,
    /// Its MIME type (`application/pdf`, `text/markdown`).
    pub mime_type: Option<String>,
    /// Its size in bytes.
    pub file_size_bytes: Option<i32>,
    /// Where it is stored (object storage key or path).
    pub storage_path: Option<String>,
    /// Its own chunk size; null uses the dataset's (see `effectiveChunkSize`).
    pub chunk_size: Option<i32>,
    /// Its own chunk overlap; null uses the dataset's (see `effectiveChunkOverlap`).
    pub chunk_overlap: Option<i32>,
    /// Its own chunking strategy; null uses the dataset's (see `effectiveParseType`).
    pub parse_type: Option<RagParseType>,
    /// Its own parser; null uses the dataset's (see `effectiveParserEngine`).
    pub parser_engine: Option<RagParserEngine>,
    /// Where it is in the pipeline.
    pub status: RagFileStatus,
    /// What failed, when `status` is `ERROR`.
    pub error_message: Option<String>,
    /// How many chunks of it are indexed.
    pub chunks_count: i32,
    /// Whether its chunks are searched (false excludes them from every search).
    pub enabled: bool,
    /// Where it came from.
    pub source: RagFileSource,
    /// When it was added.
    pub created_on: DateTime<Utc>,
    /// When it was last changed; null if never.
    pub updated_on: Option<DateTime<Utc>>,
    /// When it was deleted; null unless deleted (deleted files are shown to admins only).
    pub deleted_on: Option<DateTime<Utc>>,
    #[graphql(skip)]
    pub(crate) dataset_id: Uuid,
}

impl From<rag_files::Model> for RagFile {
    fn from(row: rag_files::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            file_name: row.file_name,
            mime_type: row.mime_type,
            file_size_bytes: row.file_size_bytes,
            storage_path: row.storage_path,
            chunk_size: row.chunk_size,
            chunk_overlap: row.chunk_overlap,
            parse_type: row
                .parse_type
                .as_deref()
                .and_then(|text| RagParseType::from_db(text).ok()),
            parser_engine: row
                .parser_engine
                .as_deref()
                .and_then(|text| RagParserEngine::from_db(text).ok()),
            status: RagFileStatus::from_db(&row.status).unwrap_or(RagFileStatus::Error),
            error_message: row.error_message,
            chunks_count: row.chunks_count,
            enabled: row.enabled,
            source: RagFileSource::from_db(&row.source).unwrap_or(RagFileSource::Upload),
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            deleted_on: row.deleted_on.map(|at| at.to_utc()),
            dataset_id: row.dataset_id,
        }
    }
}

impl RagFile {
    async fn dataset_row(&self, ctx: &Context<'_>) -> Result<Option<rag_datasets::Model>> {
        Ok(one::<rag_datasets::Entity>(ctx, Some(self.dataset_id)).await?)
    }
}

/// The file's relations and the settings it inherits, through the request's loaders.
#[ComplexObject]
impl RagFile {
    /// The dataset it belongs to.
    async fn dataset(&self, ctx: &Context<'_>) -> Result<Option<RagDataset>> {
        Ok(self.dataset_row(ctx).await?.map(RagDataset::from))
    }

    /// The chunk size that applies: its own, or the dataset's.
    async fn effective_chunk_size(&self, ctx: &Context<'_>) -> Result<i32> {
        let dataset = self.dataset_row(ctx).await?;
        let defaults = dataset.map_or((512, 64), |d| (d.chunk_size, d.chunk_overlap));
        Ok(effective_chunking((self.chunk_size, self.chunk_overlap), defaults).0)
    }

    /// The chunk overlap that applies: its own, or the dataset's (capped below the effective
    /// chunk size).
    async fn effective_chunk_overlap(&self, ctx: &Context<'_>) -> Result<i32> {
        let dataset = self.dataset_row(ctx).await?;
        let defaults = dataset.map_or((512, 64), |d| (d.chunk_size, d.chunk_overlap));
        Ok(effective_chunking((self.chunk_size, self.chunk_overlap), defaults).1)
    }

    /// The chunking strategy that applies: its own, or the dataset's.
    async fn effective_parse_type(&self, ctx: &Context<'_>) -> Result<RagParseType> {
        if let Some(own) = self.parse_type {
            return Ok(own);
        }
        let dataset = self.dataset_row(ctx).await?;
        Ok(dataset
            .and_then(|d| RagParseType::from_db(&d.parse_type).ok())
            .unwrap_or(RagParseType::Naive))
    }

    /// The parser that applies: its own, or the dataset's.
    async fn effective_parser_engine(&self, ctx: &Context<'_>) -> Result<RagParserEngine> {
        if let Some(own) = self.parser_engine {
            return Ok(own);
        }
        let dataset = self.dataset_row(ctx).await?;
        Ok(dataset
            .and_then(|d| RagParserEngine::from_db(&d.parser_engine).ok())
            .unwrap_or(RagParserEngine::NodeNative))
    }
}

/// A crawl of a website into a dataset: its pages become files (`WEBSITE_CRAWL`) and are
/// indexed. Tracks the crawl's progress.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct RagCrawlJob {
    /// Public id (ULID).
    pub id: ID,
    /// The URL crawling starts from.
    pub start_url: String,
    /// Most pages crawled.
    pub max_pages: i32,
    /// Deepest link depth followed from the start URL.
    pub max_depth: i32,
    /// Only paths starting with this prefix are crawled (`/blog`).
    pub url_path_filter: Option<String>,
    /// Where the crawl stands.
    pub status: RagCrawlStatus,
    /// Pages fetched so far.
    pub pages_crawled: i32,
    /// Pages ingested into the dataset so far.
    pub pages_indexed: i32,
    /// Pages that failed ingestion so far.
    pub pages_failed: i32,
    /// What failed (or that it was cancelled), when `status` is `FAILED`.
    pub error_message: Option<String>,
    /// When it is to start; null: as soon as possible.
    pub scheduled_for: Option<DateTime<Utc>>,
    /// When it finished (completed or failed).
    pub completed_at: Option<DateTime<Utc>>,
    /// When it was created.
    pub created_on: DateTime<Utc>,
    /// When it was last changed; null if never.
    pub updated_on: Option<DateTime<Utc>>,
    #[graphql(skip)]
    pub(crate) dataset_id: Uuid,
}

impl From<rag_crawl_jobs::Model> for RagCrawlJob {
    fn from(row: rag_crawl_jobs::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            start_url: row.start_url,
            max_pages: row.max_pages,
            max_depth: row.max_depth,
            url_path_filter: row.url_path_filter,
            status: RagCrawlStatus::from_db(&row.status).unwrap_or(RagCrawlStatus::Failed),
            pages_crawled: row.pages_crawled,
            pages_indexed: row.pages_indexed,
            pages_failed: row.pages_failed,
            error_message: row.error_message,
            scheduled_for: row.scheduled_for.map(|at| at.to_utc()),
            completed_at: row.completed_at.map(|at| at.to_utc()),
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            dataset_id: row.dataset_id,
        }
    }
}

/// The crawl job's relations.
#[ComplexObject]
impl RagCrawlJob {
    /// The dataset it crawls into.
    async fn dataset(&self, ctx: &Context<'_>) -> Result<Option<RagDataset>> {
        Ok(one::<rag_datasets::Entity>(ctx, Some(self.dataset_id))
            .await?
            .map(RagDataset::from))
    }
}

graph_core::connection_type!(RagDatasetConnection, RagDatasetEdge, RagDataset);
graph_core::connection_type!(RagFileConnection, RagFileEdge, RagFile);
graph_core::connection_type!(RagCrawlJobConnection, RagCrawlJobEdge, RagCrawlJob);
