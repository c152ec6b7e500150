//! The `ActivityRun` type (read only: runs are immutable records).

use crate::plan::activity_type::Activity;
use crate::plan::enums::ActivityRunStatus;
use async_graphql::{ComplexObject, Context, ID, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entities::{activities, activity_runs};
use graph_core::loaders::one;
use graph_core::scalars::DecimalValue;
use uuid::Uuid;

/// One execution attempt of an agent activity (a retry is a new run). Immutable once written.
/// Federated entity.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct ActivityRun {
    /// Public id (ULID).
    pub id: ID,
    /// The model adapter: `claude`, `openai`, `ollama` or `webhook`.
    pub adapter_type: String,
    /// The model used, when the adapter reports one.
    pub model_id: Option<String>,
    /// Running, completed, failed or timed out.
    pub status: ActivityRunStatus,
    /// The error of a failed run.
    pub error: Option<String>,
    /// Prompt tokens used.
    pub input_tokens: i32,
    /// Completion tokens used.
    pub output_tokens: i32,
    /// What the run cost in US dollars.
    pub cost_usd: DecimalValue,
    /// How long the run took, in milliseconds; null while running.
    pub duration_ms: Option<i32>,
    /// When the run started.
    pub started_on: DateTime<Utc>,
    /// When the run ended; null while running.
    pub ended_on: Option<DateTime<Utc>>,
    /// The internal id of the activity it executed.
    #[graphql(skip)]
    pub(crate) activity_id: Uuid,
}

impl From<activity_runs::Model> for ActivityRun {
    fn from(row: activity_runs::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            adapter_type: row.adapter_type,
            model_id: row.model_id,
            status: row.status.into(),
            error: row.error,
            input_tokens: row.input_tokens,
            output_tokens: row.output_tokens,
            cost_usd: DecimalValue(row.cost_usd),
            duration_ms: row.duration_ms,
            started_on: row.started_on.to_utc(),
            ended_on: row.ended_on.map(|at| at.to_utc()),
            activity_id: row.activity_id,
        }
    }
}

/// The run's activity, through the request's loader.
#[ComplexObject]
impl ActivityRun {
    /// The activity this run executed.
    async fn activity(&self, ctx: &Context<'_>) -> Result<Option<Activity>> {
        Ok(one::<activities::Entity>(ctx, Some(self.activity_id))
            .await?
            .map(Activity::from))
    }
}
