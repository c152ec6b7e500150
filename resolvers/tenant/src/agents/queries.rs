//! `AgentQuery`: the tenant's agent configs (all, and one by agent role) and its agents' live
//! sessions.

use crate::agents::agent_config_type::AgentConfig;
use crate::agents::session_type::{AgentSession, AgentSessionConnection};
use crate::agents::{agent_role, role_order};
use async_graphql::{Context, ID, InputObject, Object, Result};
use entities::{agent_configs, goals, sessions};
use graph_core::access;
use graph_core::db::refers_to;
use graph_core::pagination::{PageArgs, list};
use sea_orm::ColumnTrait;
use sea_orm::sea_query::Expr;

/// Which agent sessions to list; every given criterion must hold.
#[derive(InputObject, Default, Debug)]
pub struct AgentSessionFilter {
    /// Only sessions kept for this goal.
    pub goal_id: Option<ID>,
    /// Only sessions of this agent role.
    pub agent_role: Option<String>,
}

/// The agent part of the tenant's `Query`.
#[derive(Default)]
pub struct AgentQuery;

/// Reads of agent configs and sessions.
#[Object]
impl AgentQuery {
    /// The tenant's agent configs, one per agent role it has one for, in the platform's order
    /// of roles. Secret environments are never returned.
    async fn agent_configs(&self, ctx: &Context<'_>) -> Result<Vec<AgentConfig>> {
        let session = access::read(ctx)?;
        let tx = access::begin(ctx, session).await?;
        let mut rows = tx.select::<agent_configs::Entity>().all(&tx).await?;
        tx.commit().await?;
        rows.sort_by_key(|row| role_order(&row.agent_role));
        Ok(rows.into_iter().map(AgentConfig::from).collect())
    }

    /// The tenant's config of one agent role; null when it has none yet (`updateAgentConfig`
    /// creates it). A role that is not one of the platform's is `BAD_USER_INPUT`.
    async fn agent_config(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The agent role (`copywriter`, `seo_specialist`, …).")] agent_role: String,
    ) -> Result<Option<AgentConfig>> {
        let session = access::read(ctx)?;
        let role = self::agent_role("agentRole", &agent_role)?;
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .select::<agent_configs::Entity>()
            .filter(agent_configs::Column::AgentRole.eq(role))
            .one(&tx)
            .await?;
        tx.commit().await?;
        Ok(row.map(AgentConfig::from))
    }

    /// The tenant's agents' LLM sessions that have not expired, oldest first, as a Relay
    /// connection; filter by goal and agent role.
    #[allow(clippy::too_many_arguments)]
    async fn agent_sessions(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which sessions; every given criterion must hold.")] filter: Option<
            AgentSessionFilter,
        >,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return sessions after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return sessions before this one.")] before: Option<String>,
    ) -> Result<AgentSessionConnection> {
        use sessions::Column as C;
        let session = access::read(ctx)?;
        let filter = filter.unwrap_or_default();
        let role = filter
            .agent_role
            .as_deref()
            .map(|role| agent_role("filter.agentRole", role))
            .transpose()?;
        let args = PageArgs::new(after, before, first, last);
        Ok(list(
            ctx,
            session,
            args,
            |tx| {
                let mut select = tx.select::<sessions::Entity>().filter(Expr::cust(
                    "(sessions.expires_at IS NULL OR sessions.expires_at > now())",
                ));
                if let Some(role) = role {
                    select = select.filter(C::AgentRole.eq(role));
                }
                if let Some(goal) = &filter.goal_id {
                    select = select.filter(refers_to::<goals::Entity>(
                        tx,
                        C::GoalId,
                        "filter.goalId",
                        goal,
                    )?);
                }
                Ok(select)
            },
            AgentSession::from,
        )
        .await?)
    }
}
