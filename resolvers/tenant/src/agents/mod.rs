//! Agents, served by the tenant subgraph: the tenant's configuration of each of the platform's
//! agent roles ([`graph_core::agents::AGENT_ROLES`]: enable/disable, adapter, model, skills,
//! tools, limits and a write-only secret environment) and the agents' LLM sessions (read-only,
//! expired ones hidden).
//!
//! One file per side, as in [`crate::notify`]. Every mutation root field is
//! `#[tracing::instrument(skip_all)]`: secret environments never reach a span.

mod agent_config_type;
mod configs;
mod queries;
mod session_type;

pub use agent_config_type::{AgentAdapter, AgentConfig};
pub use configs::{UpdateAgentConfigInput, secrets_text};
pub use queries::AgentSessionFilter;
pub use session_type::AgentSession;

use async_graphql::MergedObject;
use graph_core::agents::{AGENT_ROLES, is_agent_role};
use graph_core::error::{ApiError, ApiResult, ConstraintMessages};

/// `(constraint, message)` for the constraints a client of agent configs can hit.
pub const CONSTRAINT_MESSAGES: ConstraintMessages = &[(
    "agent_configs_tenant_id_agent_role_key",
    "this agent's config was just created by another request; retry",
)];

/// `role` if it is one of the platform's agent roles (`BAD_USER_INPUT` on `field` otherwise).
pub(crate) fn agent_role<'a>(field: &str, role: &'a str) -> ApiResult<&'a str> {
    if is_agent_role(role) {
        Ok(role)
    } else {
        Err(ApiError::bad_input(
            field,
            format!("`{field}` must be one of: {}", AGENT_ROLES.join(", ")),
        ))
    }
}

/// Where a role comes in [`AGENT_ROLES`] (unknown roles last), the order lists use.
pub(crate) fn role_order(role: &str) -> usize {
    AGENT_ROLES
        .iter()
        .position(|known| *known == role)
        .unwrap_or(AGENT_ROLES.len())
}

/// Queries of agents: their configs and sessions.
#[derive(MergedObject, Default)]
pub struct AgentsQuery(queries::AgentQuery);

/// Mutations of agents: their configs and secret environments.
#[derive(MergedObject, Default)]
pub struct AgentsMutation(configs::AgentConfigMutation);
