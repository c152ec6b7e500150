//! The notifications part of the tenant subgraph: the signed-in user's in-app notifications
//! (and the admins' broadcasts), the tenant's delivery providers of email, SMS and WhatsApp
//! (admins only; their configurations are write-only secrets, encrypted at rest), and the
//! read-only dispatch log of every outbound attempt (admins only).
//!
//! Who sees a notification is one rule, [`visible_to`]: its user, or — for a broadcast
//! (`user_id` null) — every admin of the tenant. API keys have no user, so they have no
//! notifications (`FORBIDDEN`). Notifications are added only through [`add_notification`],
//! which publishes the change event of the `notificationAdded` subscription.
//!
//! One file per aggregate and side, as in [`crate::identity`]. Every mutation root field is
//! `#[tracing::instrument(skip_all)]` (provider configurations are secrets: never in a span).

mod dispatch_queries;
mod dispatch_type;
mod enums;
mod notification_queries;
mod notification_type;
mod notifications;
mod page;
mod provider_queries;
mod provider_type;
mod providers;

pub use dispatch_queries::NotificationDispatchFilter;
pub use dispatch_type::NotificationDispatch;
pub use enums::{DispatchStatus, NotificationChannel, ProviderChannel, ProviderKind};
pub use notification_queries::NotificationFilter;
pub use notification_type::{Notification, visible, visible_to};
pub use notifications::{BroadcastNotificationInput, NewNotification, add_notification};
pub use provider_type::NotificationProvider;
pub use providers::{MAX_CONFIG_BYTES, SetNotificationProviderInput, config_context};

use async_graphql::MergedObject;
use graph_core::context::{Principal, Session};
use graph_core::error::{ApiError, ApiResult, ConstraintMessages};
use uuid::Uuid;

/// `(constraint, message)` for the unique constraints a client of notifications can hit.
pub const CONSTRAINT_MESSAGES: ConstraintMessages = &[(
    "notification_providers_tenant_channel_unique",
    "this channel's provider was just set by another request; retry",
)];

/// The signed-in user whose notifications a request reads or changes: `(user id, is admin)`.
/// API keys have no user, so no notifications: `FORBIDDEN`.
pub(crate) fn recipient(session: &Session) -> ApiResult<(Uuid, bool)> {
    match &session.principal {
        Principal::User { id, .. } => Ok((*id, session.is_admin())),
        Principal::ApiKey { .. } => Err(ApiError::Forbidden(
            "API keys have no notifications: notifications belong to signed-in users".to_owned(),
        )),
    }
}

/// Queries of notifications: the caller's notifications and unread count (with the federation
/// look-up of `Notification`), the tenant's providers and dispatch log.
#[derive(MergedObject, Default)]
pub struct NotifyQuery(
    notification_queries::NotificationQuery,
    provider_queries::ProviderQuery,
    dispatch_queries::DispatchQuery,
);

/// Mutations of notifications: marking read, broadcasting to admins, and the tenant's
/// providers.
#[derive(MergedObject, Default)]
pub struct NotifyMutation(
    notifications::NotificationMutation,
    providers::ProviderMutation,
);
