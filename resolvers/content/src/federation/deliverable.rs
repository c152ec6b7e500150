//! `Deliverable` and `DeliverablePeriod` as the content subgraph extends them: the content
//! produced for them. (Each domain's list by parent is added here as the domain lands.)

use async_graphql::{Context, ID, Result, SimpleObject};
use entities::{deliverable_periods, deliverables};
use uuid::Uuid;

/// A deliverable of the marketing plan (owned by the tenant subgraph). This subgraph adds the
/// content produced for it.
#[derive(SimpleObject, Clone, Debug)]
pub struct Deliverable {
    /// Public id (ULID).
    pub id: ID,
    #[graphql(skip)]
    #[allow(dead_code)] // the content lists by deliverable use it as they land
    pub(crate) row_id: Uuid,
}

impl From<deliverables::Model> for Deliverable {
    fn from(row: deliverables::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            row_id: row.id,
        }
    }
}

impl Deliverable {
    /// The stub of the deliverable with internal id `id`, for relations of content rows.
    pub async fn of(ctx: &Context<'_>, id: Option<Uuid>) -> Result<Option<Self>> {
        Ok(graph_core::loaders::one::<deliverables::Entity>(ctx, id)
            .await?
            .map(Self::from))
    }
}

/// A period of a deliverable (owned by the tenant subgraph). This subgraph adds the content
/// produced in it.
#[derive(SimpleObject, Clone, Debug)]
pub struct DeliverablePeriod {
    /// Public id (ULID).
    pub id: ID,
    #[graphql(skip)]
    #[allow(dead_code)] // the content lists by deliverable use it as they land
    pub(crate) row_id: Uuid,
}

impl From<deliverable_periods::Model> for DeliverablePeriod {
    fn from(row: deliverable_periods::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            row_id: row.id,
        }
    }
}

impl DeliverablePeriod {
    /// The stub of the period with internal id `id`, for relations of content rows.
    pub async fn of(ctx: &Context<'_>, id: Option<Uuid>) -> Result<Option<Self>> {
        Ok(
            graph_core::loaders::one::<deliverable_periods::Entity>(ctx, id)
                .await?
                .map(Self::from),
        )
    }
}
