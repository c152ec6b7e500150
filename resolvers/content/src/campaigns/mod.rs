//! Campaigns: the tenant's marketing campaigns — objective, dates, budget (exact decimal with an
//! ISO currency), their place in the plan (strategy, goal, activity: federation stubs, see
//! [`stubs`]) and their reports. The status workflow is a pure rule ([`enums::transition`]).
//! `Campaign` is a federation entity.
//!
//! `campaign_queries.rs` (the list in id order, by id, the entity look-ups), `campaign_mutations.rs`
//! (mutations). Reads are open to every member of the tenant; writes to members and agents
//! (write keys); deleting to admins.

mod campaign_mutations;
mod campaign_queries;
mod campaign_type;
pub mod enums;
mod stubs;

pub use campaign_queries::CampaignFilter;
pub use campaign_type::{Campaign, CampaignConnection};
pub use enums::CampaignStatus;
pub use stubs::{Goal, Strategy};

use async_graphql::MergedObject;

/// Queries of campaigns (with the federation look-ups of `Campaign`, `Strategy` and `Goal`).
#[derive(MergedObject, Default)]
pub struct CampaignsQuery(campaign_queries::CampaignQuery);

/// Mutations of campaigns.
#[derive(MergedObject, Default)]
pub struct CampaignsMutation(campaign_mutations::CampaignMutation);
