//! `AgentConfigMutation`: changing the tenant's agent configs and setting or clearing their
//! secret environments (admins only). A config is created with the defaults when the tenant has
//! none yet for the role (tenants created before agent configs existed), then changed.
//!
//! The secret environment is a JSON object of variable names to string values, sealed as one
//! value with the key ring under `agent_configs.env_secrets:<tenant>:<config id>` before it
//! reaches the database; it is never returned, logged or quoted in an error.

use crate::agents::agent_config_type::{AgentAdapter, AgentConfig};
use crate::agents::agent_role;
use async_graphql::{Context, InputObject, Json, MaybeUndefined, Object, Result};
use entities::sea_orm_active_enums as db;
use entities::{agent_configs, llm_providers};
use graph_core::access::{self, ADMINS};
use graph_core::db::TenantTx;
use graph_core::error::{ApiError, ApiResult};
use graph_core::scalars::DecimalValue;
use graph_core::secrets::SecretColumn;
use rust_decimal::Decimal;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::ColumnTrait;
use sea_orm::sea_query::{Condition, Expr};
use uuid::Uuid;

/// What an agent config is called in errors.
const WHAT: &str = "agent config";
/// Bounds of `maxConcurrent`.
pub const MAX_CONCURRENT: (i32, i32) = (1, 50);
/// Bounds of `timeoutMs`: one second to one day.
pub const TIMEOUT_MS: (i32, i32) = (1_000, 86_400_000);
/// Bounds of `escalationAfterFailures`.
pub const ESCALATION_AFTER_FAILURES: (i32, i32) = (1, 20);
/// Most US dollars one activity may be allowed to cost.
pub const MAX_COST_USD: i64 = 1_000;
/// Most skills and most tools of one agent.
pub const MAX_LIST_ITEMS: usize = 50;
/// Most variables of a secret environment.
pub const MAX_SECRETS: usize = 50;
/// Longest secret value, in bytes.
pub const MAX_SECRET_VALUE_BYTES: usize = 4_096;
/// Largest secret environment, in bytes of compact JSON.
pub const MAX_SECRETS_BYTES: usize = 32 * 1024;

/// Changes to an agent config; omitted fields keep their value (a new config starts from the
/// defaults: enabled, `CLAUDE`, no model, no skills or tools, 1 at a time, no timeout or cost
/// limit, escalation after 3 failures).
#[derive(InputObject, Default)]
pub struct UpdateAgentConfigInput {
    /// Whether the agent takes work.
    pub is_enabled: Option<bool>,
    /// The adapter it runs on. Changing it keeps the model only if the model fits the new
    /// adapter (give `modelId` with it otherwise); `WEBHOOK` drops the model.
    pub adapter: Option<AgentAdapter>,
    /// The model: one of the `availableModels` of an active LLM provider the tenant can use
    /// whose type fits the adapter (`CLAUDE`: anthropic; `OPENAI`: openai or azure_openai;
    /// `OLLAMA`: ollama). Null: the provider's default. A `WEBHOOK` takes none.
    pub model_id: MaybeUndefined<String>,
    /// The skill files assigned to it, replacing the current ones: document ids (24 hex
    /// characters), at most 50, no duplicates.
    pub skill_ids: Option<Vec<String>>,
    /// The integrations it may call, replacing the current ones: names of lowercase letters,
    /// digits, `_`, `.` or `-` starting with a letter (at most 100 characters), at most 50, no
    /// duplicates.
    pub tool_names: Option<Vec<String>>,
    /// How many activities it works on at once, 1–50.
    pub max_concurrent: Option<i32>,
    /// How long one activity may run, in milliseconds (1,000 to 86,400,000); null: no limit.
    pub timeout_ms: MaybeUndefined<i32>,
    /// The most one activity may cost, in US dollars (0 to 1,000, at most 4 decimals); null:
    /// no limit.
    pub max_cost_usd_per_activity: MaybeUndefined<DecimalValue>,
    /// After how many failures in a row its work goes to a person, 1–20.
    pub escalation_after_failures: Option<i32>,
}

fn bounded(field: &str, value: i32, (min, max): (i32, i32)) -> ApiResult<i32> {
    if (min..=max).contains(&value) {
        Ok(value)
    } else {
        Err(ApiError::bad_input(
            field,
            format!("`{field}` must be between {min} and {max}"),
        ))
    }
}

fn small(field: &str, value: i32, bounds: (i32, i32)) -> ApiResult<i16> {
    i16::try_from(bounded(field, value, bounds)?).map_err(ApiError::internal)
}

fn max_cost(value: Decimal) -> ApiResult<Decimal> {
    let value = value.normalize();
    if value.is_sign_negative() || value > Decimal::from(MAX_COST_USD) || value.scale() > 4 {
        return Err(ApiError::bad_input(
            "maxCostUsdPerActivity",
            format!(
                "`maxCostUsdPerActivity` must be between 0 and {MAX_COST_USD} US dollars, with at most 4 decimals"
            ),
        ));
    }
    Ok(value)
}

/// A list of distinct names, each passing `valid`, at most [`MAX_LIST_ITEMS`].
fn names(
    field: &str,
    values: &[String],
    valid: fn(&str) -> bool,
    shape: &str,
) -> ApiResult<Vec<String>> {
    if values.len() > MAX_LIST_ITEMS {
        return Err(ApiError::bad_input(
            field,
            format!("`{field}` has at most {MAX_LIST_ITEMS} entries"),
        ));
    }
    let mut seen: Vec<String> = Vec::with_capacity(values.len());
    for value in values {
        let value = value.trim();
        if !valid(value) {
            return Err(ApiError::bad_input(
                field,
                format!("each of `{field}` must be {shape}"),
            ));
        }
        if seen.iter().any(|known| known == value) {
            return Err(ApiError::bad_input(
                field,
                format!("`{field}` lists `{value}` twice"),
            ));
        }
        seen.push(value.to_owned());
    }
    Ok(seen)
}

fn is_object_id(value: &str) -> bool {
    value.len() == 24
        && value
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn is_tool_name(value: &str) -> bool {
    let mut bytes = value.bytes();
    matches!(bytes.next(), Some(b'a'..=b'z'))
        && value.len() <= 100
        && bytes.all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'.' | b'-')
        })
}

fn is_secret_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    matches!(bytes.next(), Some(b'A'..=b'Z'))
        && name.len() <= 64
        && bytes.all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// A secret environment as the compact JSON text to seal: an object of 1 to [`MAX_SECRETS`]
/// names (`^[A-Z][A-Z0-9_]{0,63}$`) to non-empty strings of at most
/// [`MAX_SECRET_VALUE_BYTES`], at most [`MAX_SECRETS_BYTES`] in all. Errors name a
/// well-formed variable, never a value (nor a malformed name, which may be a value pasted in
/// the wrong place).
pub fn secrets_text(secrets: &serde_json::Value) -> ApiResult<String> {
    const FIELD: &str = "secrets";
    let object = secrets.as_object().ok_or_else(|| {
        ApiError::bad_input(FIELD, "`secrets` must be a JSON object of names to strings")
    })?;
    if object.is_empty() || object.len() > MAX_SECRETS {
        return Err(ApiError::bad_input(
            FIELD,
            format!(
                "`secrets` holds 1 to {MAX_SECRETS} variables (clear them with `clearAgentConfigEnvSecrets`)"
            ),
        ));
    }
    for (name, value) in object {
        if !is_secret_name(name) {
            return Err(ApiError::bad_input(
                FIELD,
                "variable names are an uppercase letter, then uppercase letters, digits or `_` (at most 64 characters)",
            ));
        }
        match value.as_str() {
            Some(text) if !text.is_empty() && text.len() <= MAX_SECRET_VALUE_BYTES => {}
            _ => {
                return Err(ApiError::bad_input(
                    FIELD,
                    format!(
                        "the value of `{name}` must be a non-empty string of at most {MAX_SECRET_VALUE_BYTES} bytes"
                    ),
                ));
            }
        }
    }
    let text = serde_json::to_string(secrets).map_err(ApiError::internal)?;
    if text.len() > MAX_SECRETS_BYTES {
        return Err(ApiError::bad_input(
            FIELD,
            format!("`secrets` must be at most {MAX_SECRETS_BYTES} bytes of JSON"),
        ));
    }
    Ok(text)
}

/// The LLM provider types whose models an adapter runs; none for a webhook.
fn provider_types(adapter: &db::AdapterType) -> &'static [db::LlmProviderProviderType] {
    use db::LlmProviderProviderType as P;
    match adapter {
        db::AdapterType::Claude => &[P::Anthropic],
        db::AdapterType::Openai => &[P::Openai, P::AzureOpenai],
        db::AdapterType::Ollama => &[P::Ollama],
        db::AdapterType::Webhook => &[],
    }
}

/// Whether an active provider the tenant can use (its own or a global one) of a type that fits
/// `adapter` offers `model`.
async fn model_offered(tx: &TenantTx, adapter: &db::AdapterType, model: &str) -> ApiResult<bool> {
    let mut types = Condition::any();
    for kind in provider_types(adapter) {
        types = types.add(llm_providers::Column::ProviderType.eq(kind.clone()));
    }
    let offered = tx
        .select::<llm_providers::Entity>()
        .filter(llm_providers::Column::IsActive.eq(true))
        .filter(types)
        .filter(Expr::cust_with_values(
            "$1 = ANY(llm_providers.available_models)",
            [sea_orm::Value::from(model.to_owned())],
        ))
        .count(tx)
        .await?;
    Ok(offered > 0)
}

/// The model after a change of adapter and model (see [`UpdateAgentConfigInput::model_id`]).
async fn merged_model(
    tx: &TenantTx,
    adapter: &db::AdapterType,
    adapter_changed: bool,
    given: MaybeUndefined<String>,
    stored: Option<String>,
) -> ApiResult<Option<String>> {
    if *adapter == db::AdapterType::Webhook {
        return match given {
            MaybeUndefined::Value(_) => Err(ApiError::bad_input(
                "modelId",
                "a `WEBHOOK` agent takes no model",
            )),
            _ => Ok(None),
        };
    }
    let (model, given_now) = match given {
        MaybeUndefined::Value(model) => (Some(model.trim().to_owned()), true),
        MaybeUndefined::Null => (None, true),
        MaybeUndefined::Undefined => (stored, false),
    };
    let Some(model) = model else {
        return Ok(None);
    };
    // An unchanged model on an unchanged adapter is not checked again (its provider may since
    // have gone, which the runner reports; the config stays editable).
    if !given_now && !adapter_changed {
        return Ok(Some(model));
    }
    if model.is_empty()
        || model.chars().count() > 100
        || !model_offered(tx, adapter, &model).await?
    {
        return Err(ApiError::bad_input(
            "modelId",
            if given_now {
                "`modelId` must be one of the `availableModels` of an active LLM provider the tenant can use (`llmProviders`) whose type fits the adapter: `ANTHROPIC` for `CLAUDE`, `OPENAI` or `AZURE_OPENAI` for `OPENAI`, `OLLAMA` for `OLLAMA`"
            } else {
                "the current model does not fit the new adapter: give a `modelId` of a provider of its type"
            },
        ));
    }
    Ok(Some(model))
}

/// The tenant's config of `role`, locked; created with the defaults when it has none.
async fn config_row(tx: &TenantTx, role: &str) -> ApiResult<agent_configs::Model> {
    let existing = tx
        .select::<agent_configs::Entity>()
        .filter(agent_configs::Column::AgentRole.eq(role))
        .lock_exclusive()
        .one(tx)
        .await?;
    match existing {
        Some(row) => Ok(row),
        None => {
            tx.insert(agent_configs::ActiveModel {
                id: Set(Uuid::new_v4()),
                agent_role: Set(role.to_owned()),
                is_enabled: Set(true),
                adapter_type: Set(db::AdapterType::Claude),
                model_id: Set(None),
                skill_ids: Set(Vec::new()),
                tool_names: Set(Vec::new()),
                max_concurrent: Set(1),
                timeout_ms: Set(None),
                max_cost_usd_per_activity: Set(None),
                escalation_after_failures: Set(3),
                env_secrets: Set(None),
                ..Default::default()
            })
            .await
        }
    }
}

/// The agent config part of the tenant's `Mutation`.
#[derive(Default)]
pub struct AgentConfigMutation;

/// Changes to the tenant's agent configs.
#[Object]
impl AgentConfigMutation {
    /// Changes the tenant's config of an agent role (admins only), creating it with the
    /// defaults first when the tenant has none. Checked as a whole: the model must be offered
    /// by an active provider whose type fits the adapter; limits within their bounds.
    #[tracing::instrument(skip_all)]
    async fn update_agent_config(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The agent role (`copywriter`, `seo_specialist`, …).")] agent_role: String,
        #[graphql(desc = "What to change.")] input: UpdateAgentConfigInput,
    ) -> Result<AgentConfig> {
        let session = access::write(ctx, ADMINS)?;
        let role = self::agent_role("agentRole", &agent_role)?;
        let skill_ids = input
            .skill_ids
            .as_deref()
            .map(|ids| {
                names(
                    "skillIds",
                    ids,
                    is_object_id,
                    "a document id (24 hex characters)",
                )
            })
            .transpose()?;
        let tool_names = input
            .tool_names
            .as_deref()
            .map(|tools| {
                names(
                    "toolNames",
                    tools,
                    is_tool_name,
                    "lowercase letters, digits, `_`, `.` or `-`, starting with a letter (at most 100 characters)",
                )
            })
            .transpose()?;
        let max_concurrent = input
            .max_concurrent
            .map(|value| small("maxConcurrent", value, MAX_CONCURRENT))
            .transpose()?;
        let escalation = input
            .escalation_after_failures
            .map(|value| small("escalationAfterFailures", value, ESCALATION_AFTER_FAILURES))
            .transpose()?;
        let timeout_ms = match input.timeout_ms {
            MaybeUndefined::Undefined => NotSet,
            MaybeUndefined::Null => Set(None),
            MaybeUndefined::Value(value) => Set(Some(bounded("timeoutMs", value, TIMEOUT_MS)?)),
        };
        let max_cost_usd = match input.max_cost_usd_per_activity {
            MaybeUndefined::Undefined => NotSet,
            MaybeUndefined::Null => Set(None),
            MaybeUndefined::Value(value) => Set(Some(max_cost(value.0)?)),
        };
        let tx = access::begin(ctx, session).await?;
        let row = config_row(&tx, role).await?;
        let adapter = input
            .adapter
            .map_or_else(|| row.adapter_type.clone(), db::AdapterType::from);
        let adapter_changed = adapter != row.adapter_type;
        let model = merged_model(
            &tx,
            &adapter,
            adapter_changed,
            input.model_id,
            row.model_id.clone(),
        )
        .await?;
        let changes = agent_configs::ActiveModel {
            is_enabled: input.is_enabled.map_or(NotSet, Set),
            adapter_type: Set(adapter),
            model_id: Set(model),
            skill_ids: skill_ids.map_or(NotSet, Set),
            tool_names: tool_names.map_or(NotSet, Set),
            max_concurrent: max_concurrent.map_or(NotSet, Set),
            timeout_ms,
            max_cost_usd_per_activity: max_cost_usd,
            escalation_after_failures: escalation.map_or(NotSet, Set),
            ..Default::default()
        };
        let row = tx.update_by_id(WHAT, row.id, changes).await?;
        tx.commit().await?;
        tracing::info!(config = %row.ref_id, agent_role = %row.agent_role, "agent config updated");
        Ok(AgentConfig::from(row))
    }

    /// Replaces the secret environment of an agent role's config (admins only), creating the
    /// config with the defaults when the tenant has none: a JSON object of variable names
    /// (`^[A-Z][A-Z0-9_]{0,63}$`) to string values, at most 50 variables and 32 KiB. Stored
    /// encrypted; write-only (never returned, logged or quoted in an error).
    #[tracing::instrument(skip_all)]
    async fn set_agent_config_env_secrets(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The agent role (`copywriter`, `seo_specialist`, …).")] agent_role: String,
        #[graphql(desc = "The variables: names to string values.")] secrets: Json<
            serde_json::Value,
        >,
    ) -> Result<AgentConfig> {
        let session = access::write(ctx, ADMINS)?;
        let role = self::agent_role("agentRole", &agent_role)?;
        let plaintext = secrets_text(&secrets.0)?;
        drop(secrets);
        let key_ring = &access::services(ctx)?.key_ring;
        let tx = access::begin(ctx, session).await?;
        let row = config_row(&tx, role).await?;
        let context = SecretColumn::AgentConfigEnvSecrets.context(Some(tx.tenant()), &row.ref_id);
        let sealed = key_ring
            .encrypt(plaintext.as_bytes(), &context)
            .map_err(ApiError::internal)?;
        drop(plaintext);
        let changes = agent_configs::ActiveModel {
            env_secrets: Set(Some(sealed)),
            ..Default::default()
        };
        let row = tx.update_by_id(WHAT, row.id, changes).await?;
        tx.commit().await?;
        tracing::info!(config = %row.ref_id, agent_role = %row.agent_role, "agent env secrets set");
        Ok(AgentConfig::from(row))
    }

    /// Removes the secret environment of an agent role's config (admins only); a config
    /// without one, or no config, is left as it is (and returned, created with the defaults
    /// when missing).
    #[tracing::instrument(skip_all)]
    async fn clear_agent_config_env_secrets(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The agent role (`copywriter`, `seo_specialist`, …).")] agent_role: String,
    ) -> Result<AgentConfig> {
        let session = access::write(ctx, ADMINS)?;
        let role = self::agent_role("agentRole", &agent_role)?;
        let tx = access::begin(ctx, session).await?;
        let row = config_row(&tx, role).await?;
        let row = if row.env_secrets.is_none() {
            row
        } else {
            let changes = agent_configs::ActiveModel {
                env_secrets: Set(None),
                ..Default::default()
            };
            tx.update_by_id(WHAT, row.id, changes).await?
        };
        tx.commit().await?;
        Ok(AgentConfig::from(row))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn secret_environments_are_bounded_objects_of_named_strings() {
        assert!(secrets_text(&json!({ "BRAND_API_KEY": "s3cr3t", "X2": "y" })).is_ok());
        for bad in [
            json!([]),
            json!("text"),
            json!({}),
            json!({ "lower": "x" }),
            json!({ "1ABC": "x" }),
            json!({ "A-B": "x" }),
            json!({ "A": "" }),
            json!({ "A": 1 }),
            json!({ "A": "x".repeat(MAX_SECRET_VALUE_BYTES + 1) }),
            json!({ &"A".repeat(65): "x" }),
        ] {
            assert!(secrets_text(&bad).is_err(), "{bad}");
        }
        let many: serde_json::Map<String, serde_json::Value> = (0..=MAX_SECRETS)
            .map(|n| (format!("V{n}"), json!("x")))
            .collect();
        assert!(secrets_text(&serde_json::Value::Object(many)).is_err());
    }

    #[test]
    fn errors_never_quote_a_secret_value() {
        let value = "very-secret-value";
        for bad in [json!({ "A": [value] }), json!({ value: "x" })] {
            let error = secrets_text(&bad)
                .err()
                .map(|error| error.message())
                .unwrap_or_default();
            assert!(!error.is_empty() && !error.contains(value), "{error}");
        }
    }

    #[test]
    fn limits_are_bounded() {
        assert!(bounded("maxConcurrent", 0, MAX_CONCURRENT).is_err());
        assert!(bounded("maxConcurrent", 51, MAX_CONCURRENT).is_err());
        assert!(bounded("timeoutMs", 999, TIMEOUT_MS).is_err());
        assert!(max_cost(Decimal::new(-1, 0)).is_err());
        assert!(max_cost(Decimal::new(99_999, 2)).is_ok());
        assert!(max_cost(Decimal::new(100_001, 2)).is_err());
        assert!(max_cost(Decimal::new(123_456, 5)).is_err());
    }

    #[test]
    fn skills_are_object_ids_and_tools_lowercase_names() {
        assert!(is_object_id("65f1a2b3c4d5e6f708192a3b"));
        assert!(!is_object_id("65F1A2B3C4D5E6F708192A3B"));
        assert!(is_tool_name("google_search_console"));
        assert!(!is_tool_name("Google"));
        let twice = ["a".to_owned(), "a".to_owned()];
        assert!(names("toolNames", &twice, is_tool_name, "").is_err());
    }
}
