//! `FileMutation`: adding files to a dataset, their pipeline progress, enabling and disabling,
//! and deleting them. The dataset's `total_files` and `total_chunks` change in the same
//! transaction as the file, with the dataset's row locked first (so concurrent changes of one
//! dataset's files add up, and every path locks dataset before file).

use crate::knowledge::enums::{RagFileSource, RagFileStatus, RagParseType, RagParserEngine};
use crate::knowledge::gates::admins_or_agents;
use crate::knowledge::rules::check_chunking;
use crate::knowledge::types::RagFile;
use crate::shared::references::referenced;
use async_graphql::{Context, ID, InputObject, Object, Result};
use entities::{rag_datasets, rag_files};
use graph_core::access::{self, ADMINS};
use graph_core::db::TenantTx;
use graph_core::error::{ApiError, ApiResult};
use graph_core::ids::parse_ref_id;
use graph_core::validate::Text;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::ColumnTrait;
use uuid::Uuid;

/// The original file name.
const FILE_NAME: Text = Text::new("fileName", 1000);
/// The MIME type.
const MIME_TYPE: Text = Text::new("mimeType", 255);
/// The storage key or path.
const STORAGE_PATH: Text = Text::new("storagePath", 2000);
/// The error of a failed processing.
const ERROR_MESSAGE: Text = Text::new("errorMessage", 2000);

/// A file to add to a dataset (its content is already in storage at `storagePath`).
#[derive(InputObject)]
pub struct AddRagFileInput {
    /// The dataset.
    pub dataset_id: ID,
    /// The original file name, 1–1000 characters.
    pub file_name: String,
    /// Its MIME type, at most 255 characters.
    pub mime_type: Option<String>,
    /// Its size in bytes (0 or more).
    pub file_size_bytes: Option<i32>,
    /// Where it is stored, at most 2000 characters.
    pub storage_path: Option<String>,
    /// Its own chunk size (1–100000); omit to use the dataset's.
    pub chunk_size: Option<i32>,
    /// Its own chunk overlap, less than the chunk size that applies; omit to use the dataset's.
    pub chunk_overlap: Option<i32>,
    /// Its own chunking strategy; omit to use the dataset's.
    pub parse_type: Option<RagParseType>,
    /// Its own parser; omit to use the dataset's.
    pub parser_engine: Option<RagParserEngine>,
    /// Where it came from. Default `UPLOAD`.
    pub source: Option<RagFileSource>,
}

/// Progress of a file through the ingestion pipeline.
#[derive(InputObject)]
pub struct RecordRagFileProgressInput {
    /// Its new pipeline status.
    pub status: RagFileStatus,
    /// How many of its chunks are indexed now (0 or more); omit to keep the count.
    pub chunks_count: Option<i32>,
    /// What failed, with status `ERROR` (at most 2000 characters; cleared by other statuses).
    pub error_message: Option<String>,
}

/// Locks the live dataset `id` (`NOT_FOUND` when it is gone).
async fn lock_dataset(tx: &TenantTx, id: Uuid) -> ApiResult<rag_datasets::Model> {
    tx.select::<rag_datasets::Entity>()
        .filter(rag_datasets::Column::Id.eq(id))
        .lock_exclusive()
        .one(tx)
        .await?
        .ok_or(ApiError::NotFound("dataset"))
}

/// The live file `ref_id` and its live dataset, both locked, dataset first.
async fn lock_file(
    tx: &TenantTx,
    ref_id: &str,
) -> ApiResult<(rag_datasets::Model, rag_files::Model)> {
    let file = tx.find_by_ref::<rag_files::Entity>("file", ref_id).await?;
    let dataset = lock_dataset(tx, file.dataset_id)
        .await
        .map_err(|_| ApiError::NotFound("file"))?;
    let file = tx
        .lock_by_ref::<rag_files::Entity>("file", ref_id, false)
        .await?;
    Ok((dataset, file))
}

/// Adds `files` and `chunks` (either may be negative) to the dataset's counts.
async fn count(
    tx: &TenantTx,
    dataset: &rag_datasets::Model,
    files: i32,
    chunks: i32,
) -> ApiResult<()> {
    if files == 0 && chunks == 0 {
        return Ok(());
    }
    let changes = rag_datasets::ActiveModel {
        total_files: Set((dataset.total_files + files).max(0)),
        total_chunks: Set((dataset.total_chunks.saturating_add(chunks)).max(0)),
        ..Default::default()
    };
    tx.update_by_id("dataset", dataset.id, changes).await?;
    Ok(())
}

/// The file part of the knowledge `Mutation`.
#[derive(Default)]
pub struct FileMutation;

/// Changes to files of datasets.
#[Object]
impl FileMutation {
    /// Adds a file to a dataset (admins and agents' write keys), `PENDING`; the dataset's
    /// `totalFiles` grows by one. An unknown or deleted dataset is `BAD_USER_INPUT` on
    /// `datasetId`.
    #[tracing::instrument(skip_all)]
    async fn add_rag_file(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The dataset, the file and its settings.")] input: AddRagFileInput,
    ) -> Result<RagFile> {
        let session = admins_or_agents(ctx)?;
        let file_name = FILE_NAME.required(&input.file_name)?;
        let mime_type = MIME_TYPE.optional(input.mime_type.as_deref())?;
        let storage_path = STORAGE_PATH.optional(input.storage_path.as_deref())?;
        if input.file_size_bytes.is_some_and(|size| size < 0) {
            return Err(ApiError::bad_input(
                "fileSizeBytes",
                "`fileSizeBytes` must not be negative",
            )
            .into());
        }
        let tx = access::begin(ctx, session).await?;
        let dataset =
            referenced::<rag_datasets::Entity>(&tx, "datasetId", "dataset", &input.dataset_id)
                .await?;
        let dataset = lock_dataset(&tx, dataset.id).await?;
        if input.chunk_size.is_some() || input.chunk_overlap.is_some() {
            let size = input.chunk_size.unwrap_or(dataset.chunk_size);
            let overlap = input.chunk_overlap.unwrap_or(dataset.chunk_overlap);
            // The settings that apply (own or the dataset's) must fit together.
            check_chunking(size, overlap)?;
        }
        let row = tx
            .insert(rag_files::ActiveModel {
                id: Set(Uuid::new_v4()),
                dataset_id: Set(dataset.id),
                file_name: Set(file_name),
                mime_type: Set(mime_type),
                file_size_bytes: Set(input.file_size_bytes),
                storage_path: Set(storage_path),
                chunk_size: Set(input.chunk_size),
                chunk_overlap: Set(input.chunk_overlap),
                parse_type: Set(input.parse_type.map(|kind| kind.as_db().to_owned())),
                parser_engine: Set(input.parser_engine.map(|engine| engine.as_db().to_owned())),
                status: Set(RagFileStatus::Pending.as_db().to_owned()),
                chunks_count: Set(0),
                enabled: Set(true),
                source: Set(input
                    .source
                    .unwrap_or(RagFileSource::Upload)
                    .as_db()
                    .to_owned()),
                ..Default::default()
            })
            .await?;
        count(&tx, &dataset, 1, 0).await?;
        tx.commit().await?;
        Ok(RagFile::from(row))
    }

    /// Records a file's progress through the pipeline (admins and agents' write keys): its
    /// status, chunk count (the dataset's `totalChunks` follows the change) and error.
    #[tracing::instrument(skip_all)]
    async fn record_rag_file_progress(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The file's id.")] id: ID,
        #[graphql(desc = "The new status, chunk count and error.")]
        input: RecordRagFileProgressInput,
    ) -> Result<RagFile> {
        let session = admins_or_agents(ctx)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        if input.chunks_count.is_some_and(|chunks| chunks < 0) {
            return Err(
                ApiError::bad_input("chunksCount", "`chunksCount` must not be negative").into(),
            );
        }
        let error_message = if input.status == RagFileStatus::Error {
            ERROR_MESSAGE.optional(input.error_message.as_deref())?
        } else {
            None
        };
        let tx = access::begin(ctx, session).await?;
        let (dataset, file) = lock_file(&tx, &ref_id).await?;
        let delta = input
            .chunks_count
            .map_or(0, |chunks| chunks - file.chunks_count);
        let changes = rag_files::ActiveModel {
            status: Set(input.status.as_db().to_owned()),
            chunks_count: input.chunks_count.map_or(NotSet, Set),
            error_message: Set(error_message),
            ..Default::default()
        };
        let row = tx.update_by_id("file", file.id, changes).await?;
        count(&tx, &dataset, 0, delta).await?;
        tx.commit().await?;
        Ok(RagFile::from(row))
    }

    /// Enables or disables a file (admins only): a disabled file's chunks are left out of every
    /// search (they stay indexed and counted).
    #[tracing::instrument(skip_all)]
    async fn set_rag_file_enabled(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The file's id.")] id: ID,
        #[graphql(desc = "True to search it, false to leave it out.")] enabled: bool,
    ) -> Result<RagFile> {
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let tx = access::begin(ctx, session).await?;
        let (_, file) = lock_file(&tx, &ref_id).await?;
        let changes = rag_files::ActiveModel {
            enabled: Set(enabled),
            ..Default::default()
        };
        let row = tx.update_by_id("file", file.id, changes).await?;
        tx.commit().await?;
        Ok(RagFile::from(row))
    }

    /// Deletes a file (soft; admins only); the dataset's counts lose it and its chunks.
    /// Returns the deleted file's id.
    #[tracing::instrument(skip_all)]
    async fn delete_rag_file(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The file's id.")] id: ID,
    ) -> Result<ID> {
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let tx = access::begin(ctx, session).await?;
        let (dataset, file) = lock_file(&tx, &ref_id).await?;
        tx.soft_delete::<rag_files::Entity, _>("file", file.id, rag_files::ActiveModel::default())
            .await?;
        count(&tx, &dataset, -1, -file.chunks_count).await?;
        tx.commit().await?;
        Ok(ID(file.ref_id))
    }
}
