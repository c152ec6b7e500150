//! The knowledge base: RAG datasets (one Qdrant collection each, `ds_{id}`), their files (the
//! ingestion pipeline: parse → chunk → embed → index) and website crawl jobs that feed them.
//!
//! - Reads: every member of the tenant.
//! - Datasets, crawl jobs, enabling and deleting files: admins.
//! - Adding files and reporting file and crawl progress: admins and agents (API keys with the
//!   write scope: the ingestion and crawl workers) — not human members ([`gates`]).
//! - A dataset's embedding provider, model and vector size are fixed at creation; its chunking
//!   settings are defaults a file may override ([`rules`]: pure, unit-tested).
//! - `total_files` / `total_chunks` of a dataset change in the transaction of the file change
//!   that causes them, the dataset row locked first.
//! - Datasets and files are soft-deleted (deleting a dataset deletes its files); crawl jobs
//!   have no delete (cancel them).

mod crawls;
mod datasets;
pub mod enums;
mod files;
mod gates;
mod knowledge_queries;
pub mod rules;
mod types;

pub use knowledge_queries::{RagCrawlJobFilter, RagDatasetFilter, RagFileFilter};
pub use types::{
    RagCrawlJob, RagCrawlJobConnection, RagDataset, RagDatasetConnection, RagFile,
    RagFileConnection,
};

use async_graphql::MergedObject;
use graph_core::error::ConstraintMessages;

/// `(constraint, message)` for the unique constraints a client of the knowledge base can hit.
pub const CONSTRAINT_MESSAGES: ConstraintMessages = &[(
    "idx_rag_datasets_tenant_name",
    "a dataset with this name already exists; choose another name",
)];

/// Queries of the knowledge base (with the federation look-ups of its types).
#[derive(MergedObject, Default)]
pub struct KnowledgeQuery(knowledge_queries::KnowledgeReads);

/// Mutations of the knowledge base.
#[derive(MergedObject, Default)]
pub struct KnowledgeMutation(
    datasets::DatasetMutation,
    files::FileMutation,
    crawls::CrawlMutation,
);
