//! Backlinks: links to the tenant's site built by outreach, followed through the outreach
//! pipeline ([`outreach`]: pure rules) and, once published, checked for liveness and indexation
//! (DataForSEO). Reads are open to every member of the tenant; writes to members and agents'
//! write keys. Deleting is soft.
//!
//! `Backlink` links to its `activity` and `deliverable` (federation stubs); the lead wires
//! [`backlinks_of_deliverable`] into `Deliverable.backlinks`.

mod backlink_mutations;
mod backlink_queries;
mod backlink_type;
mod enums;
pub mod outreach;

pub use backlink_queries::BacklinkFilter;
pub use backlink_type::{Backlink, BacklinkConnection, backlinks_of_deliverable};
pub use enums::{BacklinkLinkType, BacklinkOutreachStatus};

use async_graphql::MergedObject;

/// Queries of backlinks (with the federation look-up of `Backlink`).
#[derive(MergedObject, Default)]
pub struct BacklinksQuery(backlink_queries::BacklinkQuery);

/// Mutations of backlinks.
#[derive(MergedObject, Default)]
pub struct BacklinksMutation(backlink_mutations::BacklinkMutation);
