//! `DatasetMutation`: creating, changing and deleting datasets (admins only). The embedding
//! provider, model and vector size are fixed once the dataset exists (the database refuses a
//! change as well; here it is a `BAD_USER_INPUT` naming the field); the Qdrant collection is
//! derived from the dataset's id.

use crate::knowledge::enums::{RagDatasetStatus, RagParseType, RagParserEngine};
use crate::knowledge::rules::{
    MAX_VECTOR_SIZE, check_chunking, embedding_provider, fixed, qdrant_collection,
};
use crate::knowledge::types::RagDataset;
use crate::shared::inputs::{int_between, labels};
use async_graphql::{Context, ID, InputObject, Object, Result};
use entities::{rag_datasets, rag_files};
use graph_core::access::{self, ADMINS};
use graph_core::changes::now;
use graph_core::ids::{new_ref_id, parse_ref_id};
use graph_core::validate::Text;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::ColumnTrait;
use uuid::Uuid;

/// Dataset name.
const NAME: Text = Text::new("name", 255);
/// Dataset description.
const DESCRIPTION: Text = Text::new("description", 2000);
/// Embedding model name.
const EMBEDDING_MODEL: Text = Text::new("embeddingModel", 255);
/// Most agent roles, and the longest one.
const MAX_ROLES: usize = 50;
const MAX_ROLE_CHARS: usize = 100;
/// Default chunk size and overlap (the columns' defaults).
const DEFAULT_CHUNK_SIZE: i32 = 512;
const DEFAULT_CHUNK_OVERLAP: i32 = 64;

/// A new dataset.
#[derive(InputObject)]
pub struct CreateRagDatasetInput {
    /// Name, 1–255 characters, unique among the tenant's datasets.
    pub name: String,
    /// What it holds, at most 2000 characters.
    pub description: Option<String>,
    /// The embedding provider: a lower-case identifier (`openai`, `azure_openai`). Fixed
    /// after creation.
    pub embedding_provider: String,
    /// The embedding model, 1–255 characters. Fixed after creation.
    pub embedding_model: String,
    /// The vectors' dimensions, 1–65536. Fixed after creation.
    pub vector_size: i32,
    /// Default chunk size in characters, 1–100000. Default 512.
    pub chunk_size: Option<i32>,
    /// Default chunk overlap in characters, at least 0 and less than the chunk size. Default
    /// 64.
    pub chunk_overlap: Option<i32>,
    /// Default chunking strategy. Default `NAIVE`.
    pub parse_type: Option<RagParseType>,
    /// Default parser. Default `NODE_NATIVE`.
    pub parser_engine: Option<RagParserEngine>,
    /// The agent roles allowed to search it (at most 50, each 1–100 characters).
    pub allowed_agent_roles: Option<Vec<String>>,
}

/// Changes to a dataset; omitted fields keep their value. The embedding settings may be given
/// only with their current values.
#[derive(InputObject)]
pub struct UpdateRagDatasetInput {
    /// New name, 1–255 characters.
    pub name: Option<String>,
    /// New description (blank clears it).
    pub description: Option<String>,
    /// Fixed: only its current value is accepted.
    pub embedding_provider: Option<String>,
    /// Fixed: only its current value is accepted.
    pub embedding_model: Option<String>,
    /// Fixed: only its current value is accepted.
    pub vector_size: Option<i32>,
    /// New default chunk size, 1–100000.
    pub chunk_size: Option<i32>,
    /// New default chunk overlap, less than the (new) chunk size.
    pub chunk_overlap: Option<i32>,
    /// New default chunking strategy.
    pub parse_type: Option<RagParseType>,
    /// New default parser.
    pub parser_engine: Option<RagParserEngine>,
    /// The agent roles allowed to search it (replaces the list).
    pub allowed_agent_roles: Option<Vec<String>>,
    /// New state.
    pub status: Option<RagDatasetStatus>,
}

fn roles(values: &[String]) -> graph_core::error::ApiResult<Vec<String>> {
    labels("allowedAgentRoles", values, MAX_ROLES, MAX_ROLE_CHARS)
}

/// The dataset part of the knowledge `Mutation`.
#[derive(Default)]
pub struct DatasetMutation;

/// Changes to datasets (admins only).
#[Object]
impl DatasetMutation {
    /// Creates a dataset (admins only); its Qdrant collection is `ds_` and its id in lower
    /// case. A name already used by a live dataset is `CONFLICT`.
    #[tracing::instrument(skip_all)]
    async fn create_rag_dataset(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The dataset's name, embedding and chunking settings.")]
        input: CreateRagDatasetInput,
    ) -> Result<RagDataset> {
        let session = access::write(ctx, ADMINS)?;
        let name = NAME.required(&input.name)?;
        let description = DESCRIPTION.optional(input.description.as_deref())?;
        let provider = embedding_provider(&input.embedding_provider)?;
        let model = EMBEDDING_MODEL.required(&input.embedding_model)?;
        let vector_size = int_between("vectorSize", input.vector_size, 1, MAX_VECTOR_SIZE)?;
        let chunk_size = input.chunk_size.unwrap_or(DEFAULT_CHUNK_SIZE);
        let chunk_overlap = input
            .chunk_overlap
            .unwrap_or_else(|| DEFAULT_CHUNK_OVERLAP.min(chunk_size - 1).max(0));
        check_chunking(chunk_size, chunk_overlap)?;
        let allowed = roles(input.allowed_agent_roles.as_deref().unwrap_or_default())?;
        let ref_id = new_ref_id()?;
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .insert(rag_datasets::ActiveModel {
                id: Set(Uuid::new_v4()),
                qdrant_collection: Set(qdrant_collection(&ref_id)),
                ref_id: Set(ref_id),
                name: Set(name),
                description: Set(description),
                embedding_provider: Set(provider),
                embedding_model: Set(model),
                vector_size: Set(vector_size),
                chunk_size: Set(chunk_size),
                chunk_overlap: Set(chunk_overlap),
                parse_type: Set(input
                    .parse_type
                    .unwrap_or(RagParseType::Naive)
                    .as_db()
                    .to_owned()),
                parser_engine: Set(input
                    .parser_engine
                    .unwrap_or(RagParserEngine::NodeNative)
                    .as_db()
                    .to_owned()),
                allowed_agent_roles: Set(allowed),
                status: Set(RagDatasetStatus::Active.as_db().to_owned()),
                total_files: Set(0),
                total_chunks: Set(0),
                ..Default::default()
            })
            .await?;
        tx.commit().await?;
        tracing::info!(dataset = %row.ref_id, "dataset created");
        Ok(RagDataset::from(row))
    }

    /// Changes a dataset (admins only). Its embedding provider, model and vector size are fixed:
    /// another value is `BAD_USER_INPUT` naming the field. A deleted dataset is `NOT_FOUND`.
    #[tracing::instrument(skip_all)]
    async fn update_rag_dataset(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The dataset's id.")] id: ID,
        #[graphql(desc = "What to change.")] input: UpdateRagDatasetInput,
    ) -> Result<RagDataset> {
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let name = input
            .name
            .as_deref()
            .map(|name| NAME.required(name))
            .transpose()?;
        let description = input
            .description
            .as_deref()
            .map(|text| DESCRIPTION.optional(Some(text)))
            .transpose()?;
        let allowed = input
            .allowed_agent_roles
            .as_deref()
            .map(roles)
            .transpose()?;
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<rag_datasets::Entity>("dataset", &ref_id, false)
            .await?;
        fixed(
            "embeddingProvider",
            row.embedding_provider.as_str(),
            input.embedding_provider.as_deref().map(str::trim),
        )?;
        fixed(
            "embeddingModel",
            row.embedding_model.as_str(),
            input.embedding_model.as_deref().map(str::trim),
        )?;
        fixed("vectorSize", &row.vector_size, input.vector_size.as_ref())?;
        let chunk_size = input.chunk_size.unwrap_or(row.chunk_size);
        let chunk_overlap = input.chunk_overlap.unwrap_or(row.chunk_overlap);
        if input.chunk_size.is_some() || input.chunk_overlap.is_some() {
            check_chunking(chunk_size, chunk_overlap)?;
        }
        let changes = rag_datasets::ActiveModel {
            name: name.map_or(NotSet, Set),
            description: description.map_or(NotSet, Set),
            chunk_size: input.chunk_size.map_or(NotSet, Set),
            chunk_overlap: input.chunk_overlap.map_or(NotSet, Set),
            parse_type: input
                .parse_type
                .map_or(NotSet, |kind| Set(kind.as_db().to_owned())),
            parser_engine: input
                .parser_engine
                .map_or(NotSet, |engine| Set(engine.as_db().to_owned())),
            allowed_agent_roles: allowed.map_or(NotSet, Set),
            status: input
                .status
                .map_or(NotSet, |status| Set(status.as_db().to_owned())),
            ..Default::default()
        };
        let row = tx.update_by_id("dataset", row.id, changes).await?;
        tx.commit().await?;
        Ok(RagDataset::from(row))
    }

    /// Deletes a dataset (soft; admins only), its files with it. Returns the deleted
    /// dataset's id.
    #[tracing::instrument(skip_all)]
    async fn delete_rag_dataset(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The dataset's id.")] id: ID,
    ) -> Result<ID> {
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<rag_datasets::Entity>("dataset", &ref_id, false)
            .await?;
        tx.soft_delete::<rag_datasets::Entity, _>(
            "dataset",
            row.id,
            rag_datasets::ActiveModel::default(),
        )
        .await?;
        tx.update::<rag_files::Entity>()
            .set(rag_files::ActiveModel {
                deleted_on: Set(Some(now())),
                deleted_by: Set(Some(session.actor_id())),
                ..Default::default()
            })
            .filter(rag_files::Column::DatasetId.eq(row.id))
            .filter(rag_files::Column::DeletedOn.is_null())
            .exec(&tx)
            .await?;
        tx.commit().await?;
        tracing::info!(dataset = %row.ref_id, "dataset deleted");
        Ok(ID(row.ref_id))
    }
}
