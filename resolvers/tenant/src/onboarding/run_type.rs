//! The `OnboardingRun` type and its context file.

use crate::identity::User;
use crate::onboarding::enums::OnboardingRunStatus;
use async_graphql::{ComplexObject, Context, ID, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entities::{onboarding_runs, users};
use graph_core::documents::Skill;
use graph_core::loaders::{document, loaders, null_on_outage};
use uuid::Uuid;

/// The Onboarding Agent's research run for the tenant: its findings, the context file it wrote
/// for the other agents, and the admin's review of that file.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct OnboardingRun {
    /// Public id (ULID).
    pub id: ID,
    /// Pending, researching, awaiting review, or completed.
    pub status: OnboardingRunStatus,
    /// The agent's raw research findings (Markdown); null until it submits them.
    pub research_output: Option<String>,
    /// When an admin approved the context file; null until then.
    pub reviewed_on: Option<DateTime<Utc>>,
    /// When the run was created (with the tenant, for a self-registered one).
    pub created_on: DateTime<Utc>,
    /// When the run last changed.
    pub updated_on: Option<DateTime<Utc>>,
    #[graphql(skip)]
    pub(crate) context_file_ref: Option<String>,
    #[graphql(skip)]
    pub(crate) reviewed_by_id: Option<Uuid>,
}

/// The context file an onboarding run generated: what the agents are told about the business
/// (a skill file of the document store).
#[derive(SimpleObject, Clone, Debug)]
pub struct ContextFile {
    /// The document's id (24 hex digits).
    pub id: ID,
    /// The skill file's name (`context`).
    pub name: String,
    /// The file's Markdown.
    pub content: String,
    /// Its version (incremented on every edit).
    pub version: i32,
    /// When it was written.
    pub created_at: DateTime<Utc>,
}

impl From<Skill> for ContextFile {
    fn from(skill: Skill) -> Self {
        Self {
            id: ID(skill.id.to_hex()),
            name: skill.name,
            content: skill.content,
            version: skill.version,
            created_at: DateTime::from_timestamp_millis(skill.created_at.timestamp_millis())
                .unwrap_or_default(),
        }
    }
}

#[ComplexObject]
impl OnboardingRun {
    /// The context file to review; null until the agent submits it, and while the document
    /// store is unavailable (with an `UNAVAILABLE` error at this path).
    async fn context_file(&self, ctx: &Context<'_>) -> Result<Option<ContextFile>> {
        let loaded = document::<Skill>(ctx, self.context_file_ref.as_deref()).await;
        Ok(null_on_outage(ctx, loaded)?.map(ContextFile::from))
    }

    /// The admin who approved the context file; null until then.
    async fn reviewed_by(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        let Some(id) = self.reviewed_by_id else {
            return Ok(None);
        };
        let user = loaders(ctx)?.by_id::<users::Entity>().load_one(id).await?;
        Ok(user.map(User::from))
    }
}

impl From<onboarding_runs::Model> for OnboardingRun {
    fn from(row: onboarding_runs::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            status: row.status.into(),
            research_output: row.research_output,
            reviewed_on: row.reviewed_on.map(|at| at.to_utc()),
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            context_file_ref: row.context_file_id,
            reviewed_by_id: row.reviewed_by,
        }
    }
}

graph_core::connection_type!(OnboardingRunConnection, OnboardingRunEdge, OnboardingRun);
