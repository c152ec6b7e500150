//! `Strategy` and `Goal` as the content subgraph sees them (owned by the tenant subgraph): a
//! federation stub, the id only, resolved only when the row exists in the caller's tenant.

use async_graphql::{Context, ID, Result, SimpleObject};
use entities::{goals, strategies};
use uuid::Uuid;

/// A strategy of the marketing plan (owned by the tenant subgraph; the gateway fetches its
/// fields there).
#[derive(SimpleObject, Clone, Debug)]
pub struct Strategy {
    /// Public id (ULID).
    pub id: ID,
}

impl From<strategies::Model> for Strategy {
    fn from(row: strategies::Model) -> Self {
        Self { id: ID(row.ref_id) }
    }
}

impl Strategy {
    /// The stub of the strategy with internal id `id`, for relations of content rows.
    pub async fn of(ctx: &Context<'_>, id: Option<Uuid>) -> Result<Option<Self>> {
        Ok(graph_core::loaders::one::<strategies::Entity>(ctx, id)
            .await?
            .map(Self::from))
    }
}

/// A goal of the marketing plan (owned by the tenant subgraph; the gateway fetches its fields
/// there).
#[derive(SimpleObject, Clone, Debug)]
pub struct Goal {
    /// Public id (ULID).
    pub id: ID,
}

impl From<goals::Model> for Goal {
    fn from(row: goals::Model) -> Self {
        Self { id: ID(row.ref_id) }
    }
}

impl Goal {
    /// The stub of the goal with internal id `id`, for relations of content rows.
    pub async fn of(ctx: &Context<'_>, id: Option<Uuid>) -> Result<Option<Self>> {
        Ok(graph_core::loaders::one::<goals::Entity>(ctx, id)
            .await?
            .map(Self::from))
    }
}
