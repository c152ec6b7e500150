//! The `Activity` type: the unit of work, with every relation a client walks.

use crate::plan::deliverable_type::Deliverable;
use crate::plan::enums::{ActivityPriority, ActivityStatus, ActivityType, AssigneeType};
use crate::plan::goal_type::Goal;
use crate::plan::period_type::DeliverablePeriod;
use crate::plan::relations;
use crate::plan::run_type::ActivityRun;
use crate::identity::User;
use async_graphql::{Context, ID, Json, Object, Result};
use chrono::{DateTime, NaiveDate, Utc};
use entities::{activities, activity_runs, deliverable_periods, deliverables, goals, users};

/// A piece of work — an agent's task or a person's review — advancing a deliverable period and
/// a goal. Moves through the statuses of `ActivityStatus`. Federated entity.
#[derive(Clone, Debug)]
pub struct Activity(pub(crate) activities::Model);

/// A piece of work — an agent's task or a person's review — advancing a deliverable period and
/// a goal. Moves through the statuses of `ActivityStatus`. Federated entity.
#[Object]
impl Activity {
    /// Public id (ULID).
    async fn id(&self) -> ID {
        ID(self.0.ref_id.clone())
    }

    /// Human-readable title ("Write blog post: The future of B2B SaaS").
    async fn title(&self) -> &str {
        &self.0.title
    }

    /// The kind of work.
    async fn r#type(&self) -> ActivityType {
        self.0.r#type.clone().into()
    }

    /// Where the activity is in its workflow.
    async fn status(&self) -> ActivityStatus {
        self.0.status.clone().into()
    }

    /// How urgent it is.
    async fn priority(&self) -> ActivityPriority {
        self.0.priority.clone().into()
    }

    /// True for a human review step (an approval gate in the pipeline).
    async fn is_approval_gate(&self) -> bool {
        self.0.is_approval_gate
    }

    /// The step of the activity template's pipeline this activity is.
    async fn pipeline_step(&self) -> Option<&str> {
        self.0.pipeline_step.as_deref()
    }

    /// Agent or human.
    async fn assignee_type(&self) -> AssigneeType {
        self.0.assignee_type.clone().into()
    }

    /// The agent role doing it (`copywriter`, …) when an agent is assigned.
    async fn assignee_agent_role(&self) -> Option<&str> {
        self.0.assignee_agent_role.as_deref()
    }

    /// The person doing it, when a human is assigned.
    async fn assignee(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        Ok(
            relations::one::<users::Entity>(ctx, self.0.assignee_user_id)
                .await?
                .map(User::from),
        )
    }

    /// The goal it advances.
    async fn goal(&self, ctx: &Context<'_>) -> Result<Option<Goal>> {
        Ok(relations::one::<goals::Entity>(ctx, self.0.goal_id)
            .await?
            .map(Goal))
    }

    /// The deliverable period it counts towards.
    async fn deliverable_period(&self, ctx: &Context<'_>) -> Result<Option<DeliverablePeriod>> {
        Ok(
            relations::one::<deliverable_periods::Entity>(ctx, self.0.deliverable_period_id)
                .await?
                .map(DeliverablePeriod),
        )
    }

    /// The deliverable of its period.
    async fn deliverable(&self, ctx: &Context<'_>) -> Result<Option<Deliverable>> {
        let period =
            relations::one::<deliverable_periods::Entity>(ctx, self.0.deliverable_period_id)
                .await?;
        Ok(
            relations::one::<deliverables::Entity>(ctx, period.map(|p| p.deliverable_id))
                .await?
                .map(Deliverable),
        )
    }

    /// The activity this one is a sub-activity of.
    async fn parent(&self, ctx: &Context<'_>) -> Result<Option<Activity>> {
        Ok(
            relations::one::<activities::Entity>(ctx, self.0.parent_activity_id)
                .await?
                .map(Activity),
        )
    }

    /// Its sub-activities, oldest first (cancelled ones are not included).
    async fn children(&self, ctx: &Context<'_>) -> Result<Vec<Activity>> {
        let rows = relations::children::<activities::Entity>(
            ctx,
            activities::Column::ParentActivityId,
            self.0.id,
        )
        .await?;
        Ok(rows.into_iter().map(Activity).collect())
    }

    /// Its execution attempts, newest first.
    async fn runs(&self, ctx: &Context<'_>) -> Result<Vec<ActivityRun>> {
        let rows = relations::children::<activity_runs::Entity>(
            ctx,
            activity_runs::Column::ActivityId,
            self.0.id,
        )
        .await?;
        Ok(rows.into_iter().rev().map(ActivityRun).collect())
    }

    /// What was passed into the activity (free-form JSON).
    async fn input_data(&self) -> Option<Json<serde_json::Value>> {
        self.0.input_data.clone().map(Json)
    }

    /// Structured summary of the result (the full output is in the content store).
    async fn output_summary(&self) -> Option<Json<serde_json::Value>> {
        self.0.output_summary.clone().map(Json)
    }

    /// Id of the full output in the content store (24 hexadecimal characters).
    async fn output_ref(&self) -> Option<&str> {
        self.0.output_ref.as_deref()
    }

    /// The reviewer's feedback when the activity was rejected.
    async fn rejection_note(&self) -> Option<&str> {
        self.0.rejection_note.as_deref()
    }

    /// Instructions for reworking it.
    async fn revision_note(&self) -> Option<&str> {
        self.0.revision_note.as_deref()
    }

    /// When it is due.
    async fn due_date(&self) -> Option<NaiveDate> {
        self.0.due_date
    }

    /// When work first started (set by the first move to `IN_PROGRESS`).
    async fn started_on(&self) -> Option<DateTime<Utc>> {
        self.0.started_on.map(|at| at.to_utc())
    }

    /// When it completed (set by the move to `COMPLETED`).
    async fn completed_on(&self) -> Option<DateTime<Utc>> {
        self.0.completed_on.map(|at| at.to_utc())
    }

    /// When it was created.
    async fn created_on(&self) -> DateTime<Utc> {
        self.0.created_on.to_utc()
    }

    /// When it last changed.
    async fn updated_on(&self) -> Option<DateTime<Utc>> {
        self.0.updated_on.map(|at| at.to_utc())
    }

    /// When it was cancelled; null otherwise.
    async fn cancelled_on(&self) -> Option<DateTime<Utc>> {
        self.0.deleted_on.map(|at| at.to_utc())
    }
}

graph_core::connection_type!(ActivityConnection, ActivityEdge, Activity);
