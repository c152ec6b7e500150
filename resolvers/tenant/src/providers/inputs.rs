//! The inputs of LLM provider mutations and their checks: pure functions run before any
//! database work, each refusing with `BAD_USER_INPUT` on the field at fault. An API key is
//! checked and sealed here and never quoted in a message.

use crate::providers::enums::{LlmProviderHealth, LlmProviderType};
use async_graphql::{InputObject, MaybeUndefined};
use graph_core::crypto::KeyRing;
use graph_core::db::TenantId;
use graph_core::error::{ApiError, ApiResult};
use graph_core::secrets::SecretColumn;
use graph_core::validate::{Text, website};

/// Display name (`llm_providers.name`, `varchar(100)`).
pub const NAME: Text = Text::new("name", 100);
/// One model name (`llm_providers.default_model`, `varchar(100)`).
pub const MODEL: Text = Text::new("defaultModel", 100);
/// Most models a provider lists.
pub const MAX_MODELS: usize = 100;
/// Longest API key accepted, in bytes.
pub const MAX_API_KEY_BYTES: usize = 8 * 1024;

/// A new LLM provider.
#[derive(InputObject)]
pub struct CreateLlmProviderInput {
    /// Display name, 1–100 characters.
    pub name: String,
    /// Which API it speaks (cannot be changed later).
    pub provider_type: LlmProviderType,
    /// The API's base URL (http or https, at most 500 characters); required for `OLLAMA` and
    /// `AZURE_OPENAI`.
    pub base_url: Option<String>,
    /// The API key: not blank, at most 8 KiB, no control characters. Stored encrypted;
    /// write-only. Optional (e.g. Ollama needs none).
    pub api_key: Option<String>,
    /// The models agent configurations may choose from: at most 100 distinct names of 1–100
    /// characters. Default: none.
    pub available_models: Option<Vec<String>>,
    /// The default model; must be one of `availableModels`.
    pub default_model: Option<String>,
    /// Whether agents may use it. Default true.
    pub is_active: Option<bool>,
}

/// Changes to an LLM provider; omitted fields keep their value. The API key changes only
/// through `setLlmProviderApiKey` and `clearLlmProviderApiKey`.
#[derive(InputObject)]
pub struct UpdateLlmProviderInput {
    /// New display name, 1–100 characters.
    pub name: Option<String>,
    /// New base URL; null removes it (refused for `OLLAMA` and `AZURE_OPENAI`, which need one).
    pub base_url: MaybeUndefined<String>,
    /// New list of models (replaces it); the default model must stay in it.
    pub available_models: Option<Vec<String>>,
    /// New default model, one of the models; null removes it.
    pub default_model: MaybeUndefined<String>,
    /// Whether agents may use it. Deactivating the global default of a type also ends its
    /// being the default.
    pub is_active: Option<bool>,
}

/// The outcome of a health check of an LLM provider.
#[derive(InputObject)]
pub struct RecordLlmProviderHealthCheckInput {
    /// What the check found: `OK`, `DEGRADED` or `ERROR` (a check always has an outcome, so
    /// `UNKNOWN` is refused).
    pub status: LlmProviderHealth,
}

/// A base URL: an http(s) URL with a host, at most 500 characters.
pub fn base_url(value: &str) -> ApiResult<String> {
    website("baseUrl", value)
}

/// The checked list of models: trimmed, each 1–100 characters, distinct, at most
/// [`MAX_MODELS`].
pub fn models(values: &[String]) -> ApiResult<Vec<String>> {
    const FIELD: Text = Text::new("availableModels", 100);
    if values.len() > MAX_MODELS {
        return Err(ApiError::bad_input(
            FIELD.field,
            format!("at most {MAX_MODELS} models"),
        ));
    }
    let mut models: Vec<String> = Vec::with_capacity(values.len());
    for value in values {
        let model = FIELD.required(value)?;
        if models.contains(&model) {
            return Err(ApiError::bad_input(
                FIELD.field,
                format!("`{model}` is listed twice"),
            ));
        }
        models.push(model);
    }
    Ok(models)
}

/// Checks what a provider is once its changes are applied: a base URL when its type needs one,
/// and a default model among its models.
pub fn check_provider(
    provider_type: LlmProviderType,
    base_url: Option<&str>,
    default_model: Option<&str>,
    models: &[String],
) -> ApiResult<()> {
    if provider_type.needs_base_url() && base_url.is_none() {
        return Err(ApiError::bad_input(
            "baseUrl",
            "`baseUrl` is required for OLLAMA and AZURE_OPENAI providers",
        ));
    }
    if let Some(model) = default_model
        && !models.iter().any(|listed| listed == model)
    {
        return Err(ApiError::bad_input(
            MODEL.field,
            format!("the default model `{model}` must be one of `availableModels`"),
        ));
    }
    Ok(())
}

/// Checks an API key without encrypting it: not blank, at most [`MAX_API_KEY_BYTES`], no
/// control characters (`BAD_USER_INPUT` on `apiKey`; the message never quotes it).
pub fn check_api_key(value: &str) -> ApiResult<()> {
    if value.trim().is_empty() {
        return Err(ApiError::bad_input("apiKey", "`apiKey` must not be blank"));
    }
    if value.len() > MAX_API_KEY_BYTES {
        return Err(ApiError::bad_input(
            "apiKey",
            format!("`apiKey` must be at most {MAX_API_KEY_BYTES} bytes"),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(ApiError::bad_input(
            "apiKey",
            "`apiKey` must not contain control characters",
        ));
    }
    Ok(())
}

/// Checks and seals an API key for the provider `ref_id` of `tenant` (None: a global
/// provider), under `SecretColumn::LlmProviderApiKey`'s context, so the ciphertext decrypts in
/// that row only.
pub fn seal_api_key(
    key_ring: &KeyRing,
    tenant: Option<TenantId>,
    ref_id: &str,
    api_key: &str,
) -> ApiResult<String> {
    check_api_key(api_key)?;
    key_ring
        .encrypt(
            api_key.as_bytes(),
            &SecretColumn::LlmProviderApiKey.context(tenant, ref_id),
        )
        .map_err(ApiError::internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn models_are_trimmed_distinct_bounded_and_not_blank() {
        let listed = models(&[" claude-sonnet-4-6 ".to_owned(), "gpt-5".to_owned()]);
        assert_eq!(
            listed.ok(),
            Some(vec!["claude-sonnet-4-6".to_owned(), "gpt-5".to_owned()])
        );
        assert!(models(&["a".to_owned(), " a".to_owned()]).is_err());
        assert!(models(&[" ".to_owned()]).is_err());
        assert!(models(&["m".repeat(101)]).is_err());
        assert!(models(&vec!["m".to_owned(); MAX_MODELS + 1]).is_err());
    }

    #[test]
    fn ollama_and_azure_need_a_base_url_and_the_default_model_must_be_listed() {
        let listed = vec!["llama3".to_owned()];
        assert!(check_provider(LlmProviderType::Ollama, None, None, &listed).is_err());
        assert!(check_provider(LlmProviderType::AzureOpenai, None, None, &listed).is_err());
        assert!(check_provider(LlmProviderType::Openai, None, None, &[]).is_ok());
        assert!(
            check_provider(
                LlmProviderType::Ollama,
                Some("http://ollama:11434"),
                Some("llama3"),
                &listed
            )
            .is_ok()
        );
        assert!(check_provider(LlmProviderType::Anthropic, None, Some("other"), &listed).is_err());
    }

    #[test]
    fn refused_api_keys_are_never_quoted() {
        let key = "sk-ant-very-secret\u{7}";
        let Err(error) = check_api_key(key) else {
            panic!("accepted a control character");
        };
        assert!(!error.message().contains("very-secret"));
        assert!(check_api_key(" ").is_err());
        assert!(check_api_key(&"k".repeat(MAX_API_KEY_BYTES + 1)).is_err());
        assert!(check_api_key("sk-ant-123").is_ok());
    }
}
