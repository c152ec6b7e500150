//! LLM providers: the connections agents call models through. Global providers (`tenant_id`
//! null) are the platform's, shared by every tenant, read-only to tenants and managed by
//! platform operators (through [`graph_core::global_rows`], audited); a tenant's admins manage
//! the tenant's own. API keys are encrypted with the key ring under
//! `SecretColumn::LlmProviderApiKey`'s context (the owner — tenant or `global` — and the row)
//! and write-only: responses say only `hasApiKey`.
//!
//! The database holds the invariants too: at most one global default per provider type
//! (`llm_providers_global_default_key`), a base URL for Ollama and Azure OpenAI, no key on a
//! deleted row.

mod enums;
mod inputs;
mod provider_mutations;
mod provider_queries;
mod provider_type;

pub use enums::{LlmProviderHealth, LlmProviderScope, LlmProviderType};
pub use inputs::{
    CreateLlmProviderInput, RecordLlmProviderHealthCheckInput, UpdateLlmProviderInput,
};
pub use provider_queries::LlmProviderFilter;
pub use provider_type::{LlmProvider, LlmProviderConnection};

use async_graphql::MergedObject;
use graph_core::error::ConstraintMessages;

/// `(constraint, message)` for the unique constraints a client of LLM providers can hit.
pub const CONSTRAINT_MESSAGES: ConstraintMessages = &[(
    "llm_providers_global_default_key",
    "another provider of this type was just made the global default by another request; retry",
)];

/// Queries of LLM providers.
#[derive(MergedObject, Default)]
pub struct ProvidersQuery(provider_queries::LlmProviderQuery);

/// Mutations of LLM providers.
#[derive(MergedObject, Default)]
pub struct ProvidersMutation(provider_mutations::LlmProviderMutation);
