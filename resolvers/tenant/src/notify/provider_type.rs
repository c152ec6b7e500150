//! The `NotificationProvider` type: a tenant's delivery provider of one channel, without its
//! configuration (a write-only secret).

use crate::notify::enums::{ProviderChannel, ProviderKind};
use async_graphql::{ID, SimpleObject};
use chrono::{DateTime, Utc};
use entities::notification_providers;

/// The tenant's own delivery provider of one channel (email, SMS or WhatsApp); without one
/// that is active and verified, the platform's default provider delivers. Its configuration
/// (credentials, API keys, sender ids) is stored encrypted and never returned: only
/// `hasConfig` says that there is one. Visible to admins only.
#[derive(SimpleObject, Clone, Debug)]
pub struct NotificationProvider {
    /// Public id (ULID).
    pub id: ID,
    /// The channel it delivers (one provider per channel per tenant).
    pub channel: ProviderChannel,
    /// Which provider.
    pub provider: ProviderKind,
    /// Whether a configuration is stored (it is write-only: set it with
    /// `setNotificationProvider`, it is never returned).
    pub has_config: bool,
    /// Whether it is used; false reverts the channel to the platform's default provider
    /// without deleting the configuration.
    pub is_active: bool,
    /// When a test delivery last succeeded; null until then, and again after every new
    /// configuration (unverified providers are not used).
    pub verified_at: Option<DateTime<Utc>>,
    /// Why the last test delivery failed; null when it succeeded or none was made since the
    /// configuration was set.
    pub last_error: Option<String>,
    /// When it was first set.
    pub created_on: DateTime<Utc>,
    /// When it was last changed; null if never.
    pub updated_on: Option<DateTime<Utc>>,
}

impl From<notification_providers::Model> for NotificationProvider {
    fn from(row: notification_providers::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            channel: ProviderChannel::from_db(&row.channel),
            provider: ProviderKind::from_db(&row.provider),
            has_config: !row.config.is_empty(),
            is_active: row.is_active,
            verified_at: row.verified_at.map(|at| at.to_utc()),
            last_error: row.last_error,
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
        }
    }
}
