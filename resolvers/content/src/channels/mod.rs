//! Channels: the tenant's connections to external platforms (social networks, CMSs, analytics,
//! ads accounts), their OAuth tokens (encrypted, write-only: [`secrets`]), and their scores with
//! history ([`scores`]). `Channel` is a federation entity: the ads and CRM subgraphs extend it.
//!
//! One file per side, as in the tenant subgraph: `channel_queries.rs` (reads and the entity
//! look-up), `channels.rs` (mutations). Reads are open to every member of the tenant; connecting
//! and disconnecting to admins; scores to members and agents (write keys).

mod channel_queries;
mod channel_type;
#[allow(clippy::module_inception)]
// `channels::channels`: the mutations file, named like the other domains' ones
mod channels;
mod enums;
pub mod scores;
pub mod secrets;

pub use channel_queries::ChannelFilter;
pub use channel_type::{Channel, ChannelConnection, ChannelScore, ChannelScoreSummary};
pub use enums::{ChannelPlatform, ChannelStatus, ChannelType};

use async_graphql::MergedObject;
use graph_core::error::ConstraintMessages;

/// `(constraint, message)` for the unique constraints a client of channels can hit.
pub const CONSTRAINT_MESSAGES: ConstraintMessages = &[(
    "idx_channels_tenant_platform",
    "this platform account was just connected by another request; update that channel instead",
)];

/// Queries of channels (with the federation look-up of `Channel`).
#[derive(MergedObject, Default)]
pub struct ChannelsQuery(channel_queries::ChannelQuery);

/// Mutations of channels and their scores.
#[derive(MergedObject, Default)]
pub struct ChannelsMutation(channels::ChannelMutation);
