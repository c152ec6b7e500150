//! The `Integration` type (a federation entity, like every record with a public id).

use crate::integrations::enums::{IntegrationStatus, IntegrationType};
use async_graphql::{ID, Json, SimpleObject};
use chrono::{DateTime, Utc};
use entities::integrations;

/// A tenant's API-key connection to a third-party tool or data provider. Its key and secret
/// are stored encrypted and never returned: `hasApiKey` and `hasApiSecret` say whether there
/// are any. Visible to admins only.
#[derive(SimpleObject, Clone, Debug)]
pub struct Integration {
    /// Public id (ULID).
    pub id: ID,
    /// The provider (one integration per provider per tenant, except `CUSTOM`).
    pub integration_type: IntegrationType,
    /// Display label ("SEMrush Production Key").
    pub name: String,
    /// Whether an API key is stored (write-only: it is never returned).
    pub has_api_key: bool,
    /// Whether an API secret is stored (write-only: it is never returned).
    pub has_api_secret: bool,
    /// Provider-specific settings (account ids, endpoints): not secret, never holds keys.
    pub extra_config: Json<serde_json::Value>,
    /// Whether agents may use it (inactive integrations are not offered to them).
    pub is_active: bool,
    /// Whether the credentials work, as of the last check.
    pub status: IntegrationStatus,
    /// When a health check last succeeded; null until one has.
    pub last_verified_at: Option<DateTime<Utc>>,
    /// The last failed check's error; null unless `status` is not `CONNECTED`.
    pub error_message: Option<String>,
    /// When it was first set.
    pub created_on: DateTime<Utc>,
    /// When it was last changed; null if never.
    pub updated_on: Option<DateTime<Utc>>,
}

impl From<integrations::Model> for Integration {
    fn from(row: integrations::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            integration_type: row.integration_type.into(),
            name: row.name,
            has_api_key: row.api_key.is_some(),
            has_api_secret: row.api_secret.is_some(),
            extra_config: Json(row.extra_config),
            is_active: row.is_active,
            status: row.status.into(),
            last_verified_at: row.last_verified_at.map(|at| at.to_utc()),
            error_message: row.error_message,
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
        }
    }
}

graph_core::connection_type!(IntegrationConnection, IntegrationEdge, Integration);
