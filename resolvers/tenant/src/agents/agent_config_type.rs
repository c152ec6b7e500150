//! The `AgentConfig` type, without its secret environment (write-only).

use async_graphql::{Enum, ID, SimpleObject};
use chrono::{DateTime, Utc};
use entities::agent_configs;
use graph_core::scalars::DecimalValue;

/// How an agent runs: the adapter between the platform and the model (or service) behind it.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::AdapterType")]
pub enum AgentAdapter {
    /// Anthropic's Claude models (through an `anthropic` LLM provider).
    Claude,
    /// OpenAI models (through an `openai` or `azure_openai` LLM provider).
    Openai,
    /// Local models served by Ollama (through an `ollama` LLM provider).
    Ollama,
    /// An HTTP webhook of the tenant's own; takes no model.
    Webhook,
}

/// How one of the platform's agents (by role) works for the tenant: whether it is enabled,
/// which adapter and model it runs on, its skills, tools and limits. One per agent role and
/// tenant. Its secret environment (`env_secrets`) is stored encrypted and never returned:
/// `hasEnvSecrets` only says whether there is one.
#[derive(SimpleObject, Clone, Debug)]
pub struct AgentConfig {
    /// Public id (ULID).
    pub id: ID,
    /// The agent role it configures (`copywriter`, `seo_specialist`, …).
    pub agent_role: String,
    /// Whether the agent takes work; a tenant disables agents it does not need.
    pub is_enabled: bool,
    /// The adapter it runs on.
    pub adapter: AgentAdapter,
    /// The model it uses (one of an active provider's `availableModels`); null: the
    /// provider's default model, or none for a webhook.
    pub model_id: Option<String>,
    /// The skill files assigned to it (document ids).
    pub skill_ids: Vec<String>,
    /// The integrations (tools) it may call.
    pub tool_names: Vec<String>,
    /// How many activities it works on at once.
    pub max_concurrent: i32,
    /// How long one activity may run, in milliseconds; null: no limit of its own.
    pub timeout_ms: Option<i32>,
    /// The most one activity may cost, in US dollars; null: no limit of its own.
    pub max_cost_usd_per_activity: Option<DecimalValue>,
    /// After how many failures in a row its work goes to a person.
    pub escalation_after_failures: i32,
    /// Whether a secret environment is stored (write-only: set it with
    /// `setAgentConfigEnvSecrets`, it is never returned).
    pub has_env_secrets: bool,
    /// When it was created.
    pub created_on: DateTime<Utc>,
    /// When it was last changed; null if never.
    pub updated_on: Option<DateTime<Utc>>,
}

impl From<agent_configs::Model> for AgentConfig {
    fn from(row: agent_configs::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            agent_role: row.agent_role,
            is_enabled: row.is_enabled,
            adapter: row.adapter_type.into(),
            model_id: row.model_id,
            skill_ids: row.skill_ids,
            tool_names: row.tool_names,
            max_concurrent: i32::from(row.max_concurrent),
            timeout_ms: row.timeout_ms,
            max_cost_usd_per_activity: row.max_cost_usd_per_activity.map(DecimalValue),
            escalation_after_failures: i32::from(row.escalation_after_failures),
            has_env_secrets: row.env_secrets.is_some(),
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
        }
    }
}
