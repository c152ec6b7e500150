//! Entities owned by the tenant subgraph, as this subgraph sees them: an id (the federation
//! key) and the fields the content subgraph contributes. The gateway asks this subgraph for
//! those fields by id; it resolves a stub only when the row exists in the caller's tenant
//! (another tenant's id is null, as an unknown one is), through the request's by-ref loader —
//! one statement for all representations of a type.
//!
//! - `Activity.output`: the agent's full output, from the document store (`output_ref`);
//! - `Deliverable` / `DeliverablePeriod`: the content produced for them (see
//!   [`deliverable`]).

mod activity;
mod deliverable;

pub use activity::Activity;
pub use deliverable::{Deliverable, DeliverablePeriod};

use async_graphql::{Context, ID, Object, Result};
use entities::{activities, deliverable_periods, deliverables};
use graph_core::loaders::lookup;

/// The federation look-ups of the tenant subgraph's entities that this subgraph extends.
#[derive(Default)]
pub struct FederationQuery;

/// Federation entity resolvers (reached through `_entities` only).
#[Object]
impl FederationQuery {
    /// Federation: an activity of the caller's tenant, for its `output`; null for unknown ids.
    #[graphql(entity)]
    async fn find_activity_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Activity>> {
        Ok(lookup::<activities::Entity>(ctx, &id, true)
            .await?
            .map(Activity::from))
    }

    /// Federation: a deliverable of the caller's tenant, for its content lists; null for
    /// unknown ids.
    #[graphql(entity)]
    async fn find_deliverable_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<Option<Deliverable>> {
        Ok(lookup::<deliverables::Entity>(ctx, &id, true)
            .await?
            .map(Deliverable::from))
    }

    /// Federation: a deliverable period of the caller's tenant, for its content lists; null for
    /// unknown ids.
    #[graphql(entity)]
    async fn find_deliverable_period_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<Option<DeliverablePeriod>> {
        Ok(lookup::<deliverable_periods::Entity>(ctx, &id, true)
            .await?
            .map(DeliverablePeriod::from))
    }
}
