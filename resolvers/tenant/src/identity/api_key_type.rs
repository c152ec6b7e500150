//! The `ApiKey` type: an integrator's credential (never its secret or hash).

use crate::identity::enums::ApiKeyScope;
use async_graphql::{ID, SimpleObject};
use chrono::{DateTime, Utc};
use entities::api_keys;

/// An API key an integrator uses to call the API (`Authorization: ApiKey <key>` or
/// `X-Api-Key`). The key itself is shown only once, when created; afterwards only its prefix
/// identifies it. Federated entity; visible to admins only.
#[derive(SimpleObject, Clone, Debug)]
pub struct ApiKey {
    /// Public id (ULID).
    pub id: ID,
    /// Label chosen by the admin who created it.
    pub name: String,
    /// The non-secret characters after `lmk_` at the start of the key, to recognise it.
    pub prefix: String,
    /// What the key may do: `READ`, or `READ` and `WRITE`.
    pub scopes: Vec<ApiKeyScope>,
    /// When the key was created.
    pub created_on: DateTime<Utc>,
    /// When the key last authenticated (updated at most once a minute).
    pub last_used_on: Option<DateTime<Utc>>,
    /// When the key stops working; null for keys that do not expire.
    pub expires_on: Option<DateTime<Utc>>,
    /// When the key was revoked; null while it is not.
    pub revoked_on: Option<DateTime<Utc>>,
    /// Whether the key authenticates now: not revoked and not expired.
    pub is_active: bool,
}

impl From<api_keys::Model> for ApiKey {
    fn from(row: api_keys::Model) -> Self {
        let expires_on = row.expires_on.map(|at| at.to_utc());
        let revoked_on = row.revoked_on.map(|at| at.to_utc());
        let mut scopes: Vec<ApiKeyScope> = row
            .scopes
            .iter()
            .filter_map(|scope| ApiKeyScope::from_db(scope))
            .collect();
        scopes.sort();
        scopes.dedup();
        Self {
            id: ID(row.ref_id),
            name: row.name,
            prefix: row.key_prefix,
            scopes,
            created_on: row.created_on.to_utc(),
            last_used_on: row.last_used_on.map(|at| at.to_utc()),
            is_active: revoked_on.is_none() && expires_on.is_none_or(|at| at > Utc::now()),
            expires_on,
            revoked_on,
        }
    }
}

graph_core::connection_type!(ApiKeyConnection, ApiKeyEdge, ApiKey);
