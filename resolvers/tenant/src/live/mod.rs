//! Live updates of the tenant subgraph for the DM portal: `Subscription.approvalUpdated` and
//! `Subscription.notificationAdded`, served over WebSocket (`graphql-transport-ws`).
//!
//! Each subscription listens to its session's tenant on the process's hub
//! ([`graph_core::live`]): events carry ids only, the changed record is re-read under the tenant
//! guard (once per event and process, shared by the tenant's subscribers), and who may see it is
//! decided per subscriber (a notification's addressee). A subscriber that falls behind raises
//! its connection's [`Overrun`](graph_core::live::Overrun) and ends; its connection is closed.

mod approval_updates;
mod notification_updates;

pub use approval_updates::{ApprovalUpdate, ApprovalUpdateFilter, ApprovalUpdateKind};

use async_graphql::MergedSubscription;

/// Everything a client can subscribe to on the tenant subgraph.
#[derive(MergedSubscription, Default)]
#[graphql(name = "Subscription")]
pub struct Subscription(
    approval_updates::ApprovalSubscription,
    notification_updates::NotificationSubscription,
);
