//! GraphQL enums of LLM providers, mirroring their PostgreSQL enums.

use async_graphql::Enum;

/// Which API an LLM provider speaks.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::LlmProviderProviderType")]
pub enum LlmProviderType {
    /// Anthropic's API.
    Anthropic,
    /// OpenAI's API.
    Openai,
    /// A self-hosted Ollama server (needs `baseUrl`; usually no API key).
    Ollama,
    /// Azure OpenAI (needs `baseUrl`, the resource's endpoint).
    AzureOpenai,
    /// Any other OpenAI-compatible endpoint.
    Custom,
}

impl LlmProviderType {
    /// Whether a provider of this type needs a base URL (the database checks it too:
    /// `llm_providers_base_url_required`).
    pub fn needs_base_url(self) -> bool {
        matches!(self, Self::Ollama | Self::AzureOpenai)
    }
}

/// How an LLM provider answered its last health check.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::LlmProviderHealthStatus")]
pub enum LlmProviderHealth {
    /// It answered correctly.
    Ok,
    /// It answered, slowly or with some errors.
    Degraded,
    /// It did not answer, or refused the key.
    Error,
    /// Never checked.
    Unknown,
}

/// Whose an LLM provider is.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum LlmProviderScope {
    /// The platform's, shared by every tenant; read-only to tenants, managed by platform
    /// operators.
    Global,
    /// The caller's tenant's own (its private key).
    Tenant,
}
