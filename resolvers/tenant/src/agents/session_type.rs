//! The `AgentSession` type.

use crate::agents::agent_config_type::AgentAdapter;
use crate::plan::Goal;
use crate::templates::steps::from_db_value;
use async_graphql::{ComplexObject, Context, ID, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entities::sea_orm_active_enums::AdapterType;
use entities::{goals, sessions};
use graph_core::connection_type;
use graph_core::loaders::one;
use uuid::Uuid;

/// An agent's LLM session: the conversation an agent role keeps for a goal so its context
/// carries over between activities. Read-only; it ends at `expiresAt`, after which it is no
/// longer listed.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct AgentSession {
    /// Public id (ULID).
    pub id: ID,
    /// The agent role whose session it is.
    pub agent_role: String,
    /// The adapter it runs on.
    pub adapter: AgentAdapter,
    /// The model it uses, if recorded.
    pub model_id: Option<String>,
    /// Tokens used so far (running total).
    pub token_count: i32,
    /// When it expires; null: it does not expire by time.
    pub expires_at: Option<DateTime<Utc>>,
    /// When it started.
    pub created_on: DateTime<Utc>,
    /// When it was last used; null if never since it started.
    pub updated_on: Option<DateTime<Utc>>,
    /// The internal id of its goal.
    #[graphql(skip)]
    pub(crate) goal_id: Option<Uuid>,
}

impl From<sessions::Model> for AgentSession {
    fn from(row: sessions::Model) -> Self {
        // The column's CHECK admits exactly the adapter enum's values.
        let adapter =
            from_db_value::<AdapterType>(&row.adapter_type).unwrap_or(AdapterType::Webhook);
        Self {
            id: ID(row.ref_id),
            agent_role: row.agent_role,
            adapter: adapter.into(),
            model_id: row.model_id,
            token_count: row.token_count,
            expires_at: row.expires_at.map(|at| at.to_utc()),
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            goal_id: row.goal_id,
        }
    }
}

connection_type!(AgentSessionConnection, AgentSessionEdge, AgentSession);

/// The session's relations, through the request's loaders.
#[ComplexObject]
impl AgentSession {
    /// The goal the session keeps context for; null for a session outside any goal.
    async fn goal(&self, ctx: &Context<'_>) -> Result<Option<Goal>> {
        Ok(one::<goals::Entity>(ctx, self.goal_id)
            .await?
            .map(Goal::from))
    }
}
