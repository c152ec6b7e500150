//! The `ActivityRun` type (read only: runs are immutable records).

use graph_core::scalars::DecimalValue;
use crate::plan::activity_type::Activity;
use crate::plan::enums::ActivityRunStatus;
use crate::plan::relations;
use async_graphql::{Context, ID, Object, Result};
use chrono::{DateTime, Utc};
use entities::{activities, activity_runs};

/// One execution attempt of an agent activity (a retry is a new run). Immutable once written.
/// Federated entity.
#[derive(Clone, Debug)]
pub struct ActivityRun(pub(crate) activity_runs::Model);

/// One execution attempt of an agent activity (a retry is a new run). Immutable once written.
/// Federated entity.
#[Object]
impl ActivityRun {
    /// Public id (ULID).
    async fn id(&self) -> ID {
        ID(self.0.ref_id.clone())
    }

    /// The activity this run executed.
    async fn activity(&self, ctx: &Context<'_>) -> Result<Option<Activity>> {
        Ok(
            relations::one::<activities::Entity>(ctx, Some(self.0.activity_id))
                .await?
                .map(Activity),
        )
    }

    /// The model adapter: `claude`, `openai`, `ollama` or `webhook`.
    async fn adapter_type(&self) -> &str {
        &self.0.adapter_type
    }

    /// The model used, when the adapter reports one.
    async fn model_id(&self) -> Option<&str> {
        self.0.model_id.as_deref()
    }

    /// Running, completed, failed or timed out.
    async fn status(&self) -> ActivityRunStatus {
        self.0.status.clone().into()
    }

    /// The error of a failed run.
    async fn error(&self) -> Option<&str> {
        self.0.error.as_deref()
    }

    /// Prompt tokens used.
    async fn input_tokens(&self) -> i32 {
        self.0.input_tokens
    }

    /// Completion tokens used.
    async fn output_tokens(&self) -> i32 {
        self.0.output_tokens
    }

    /// What the run cost in US dollars.
    async fn cost_usd(&self) -> DecimalValue {
        DecimalValue(self.0.cost_usd)
    }

    /// How long the run took, in milliseconds; null while running.
    async fn duration_ms(&self) -> Option<i32> {
        self.0.duration_ms
    }

    /// When the run started.
    async fn started_on(&self) -> DateTime<Utc> {
        self.0.started_on.to_utc()
    }

    /// When the run ended; null while running.
    async fn ended_on(&self) -> Option<DateTime<Utc>> {
        self.0.ended_on.map(|at| at.to_utc())
    }
}
