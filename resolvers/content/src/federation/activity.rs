//! `Activity` as the content subgraph extends it: its full output from the document store.

use crate::shared::body::{ContentBody, body_of};
use async_graphql::{ComplexObject, Context, ID, Result, SimpleObject};
use entities::activities;
use uuid::Uuid;

/// An activity of the marketing plan (owned by the tenant subgraph). This subgraph adds its
/// full output.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct Activity {
    /// Public id (ULID).
    pub id: ID,
    #[graphql(skip)]
    pub(crate) output_ref: Option<String>,
}

impl From<activities::Model> for Activity {
    fn from(row: activities::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            output_ref: row.output_ref,
        }
    }
}

/// The content subgraph's fields of `Activity`.
#[ComplexObject]
impl Activity {
    /// The activity's full output (Markdown or JSON written by its agent), from the document
    /// store; null until the activity has produced one. `UNAVAILABLE` on this path when the
    /// document store does not answer.
    async fn output(&self, ctx: &Context<'_>) -> Result<Option<ContentBody>> {
        body_of(ctx, self.output_ref.as_deref()).await
    }
}

impl Activity {
    /// The stub of the activity with internal id `id` (for relations of content rows; the
    /// gateway fetches the rest from the tenant subgraph).
    pub async fn of(ctx: &Context<'_>, id: Option<Uuid>) -> Result<Option<Self>> {
        Ok(graph_core::loaders::one::<activities::Entity>(ctx, id)
            .await?
            .map(Self::from))
    }
}
