//! The `LlmProvider` type: an LLM provider's connection details, without its API key (a
//! write-only secret).

use crate::providers::enums::{LlmProviderHealth, LlmProviderScope, LlmProviderType};
use async_graphql::{ID, SimpleObject};
use chrono::{DateTime, Utc};
use entities::llm_providers;
use graph_core::scalars::DecimalValue;

/// An LLM provider agents can call: a global one of the platform (shared by every tenant,
/// managed by platform operators) or one of the tenant's own. Its API key is stored encrypted
/// and never returned: only `hasApiKey` says whether there is one.
#[derive(SimpleObject, Clone, Debug)]
pub struct LlmProvider {
    /// Public id (ULID).
    pub id: ID,
    /// Display name ("Anthropic Production").
    pub name: String,
    /// Which API it speaks.
    pub provider_type: LlmProviderType,
    /// Whether it is the platform's (`GLOBAL`) or the tenant's own (`TENANT`).
    pub scope: LlmProviderScope,
    /// The API's base URL; always set for `OLLAMA` and `AZURE_OPENAI`.
    pub base_url: Option<String>,
    /// Whether an API key is stored (write-only: set it with `setLlmProviderApiKey`, it is
    /// never returned).
    pub has_api_key: bool,
    /// The model used when an agent names none; one of `availableModels`.
    pub default_model: Option<String>,
    /// The models agent configurations may choose from.
    pub available_models: Vec<String>,
    /// Whether agents may use it (inactive providers are not offered to agent configs).
    pub is_active: bool,
    /// Whether it is the platform's default provider of its type (global providers only; at
    /// most one per type).
    pub is_global_default: bool,
    /// What it cost this month, in US dollars (a cached sum of its LLM calls).
    pub monthly_spend_usd: DecimalValue,
    /// How it answered its last health check (`UNKNOWN` until one was recorded).
    pub health_status: LlmProviderHealth,
    /// When a health check was last recorded; null until then.
    pub last_health_check_at: Option<DateTime<Utc>>,
    /// When it was created.
    pub created_on: DateTime<Utc>,
    /// When it was last changed; null if never.
    pub updated_on: Option<DateTime<Utc>>,
}

impl From<llm_providers::Model> for LlmProvider {
    fn from(row: llm_providers::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            name: row.name,
            provider_type: row.provider_type.into(),
            scope: if row.tenant_id.is_some() {
                LlmProviderScope::Tenant
            } else {
                LlmProviderScope::Global
            },
            base_url: row.base_url,
            has_api_key: row.api_key.is_some(),
            default_model: row.default_model,
            available_models: row.available_models,
            is_active: row.is_active,
            is_global_default: row.is_global_default,
            monthly_spend_usd: DecimalValue(row.monthly_spend_usd),
            health_status: row.health_status.into(),
            last_health_check_at: row.last_health_check_at.map(|at| at.to_utc()),
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
        }
    }
}

graph_core::connection_type!(LlmProviderConnection, LlmProviderEdge, LlmProvider);
