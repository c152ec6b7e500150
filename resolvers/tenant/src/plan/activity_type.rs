//! The `Activity` type: the unit of work, with every relation a client walks.

use crate::identity::User;
use crate::plan::deliverable_type::Deliverable;
use crate::plan::enums::{ActivityPriority, ActivityStatus, ActivityType, AssigneeType};
use crate::plan::goal_type::Goal;
use crate::plan::period_type::DeliverablePeriod;
use crate::plan::run_type::ActivityRun;
use crate::review::Approval;
use async_graphql::{ComplexObject, Context, ID, Json, Result, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use entities::{
    activities, activity_runs, approvals, deliverable_periods, deliverables, goals, users,
};
use graph_core::loaders::{children, latest_children, one};
use uuid::Uuid;

/// A piece of work — an agent's task or a person's review — advancing a deliverable period and
/// a goal. Moves through the statuses of `ActivityStatus`. Federated entity.
#[derive(SimpleObject, Clone, Debug)]
#[graphql(complex)]
pub struct Activity {
    /// Public id (ULID).
    pub id: ID,
    /// Human-readable title ("Write blog post: The future of B2B SaaS").
    pub title: String,
    /// The kind of work.
    pub r#type: ActivityType,
    /// Where the activity is in its workflow.
    pub status: ActivityStatus,
    /// How urgent it is.
    pub priority: ActivityPriority,
    /// True for a human review step (an approval gate in the pipeline).
    pub is_approval_gate: bool,
    /// The step of the activity template's pipeline this activity is.
    pub pipeline_step: Option<String>,
    /// Agent or human.
    pub assignee_type: AssigneeType,
    /// The agent role doing it (`copywriter`, …) when an agent is assigned.
    pub assignee_agent_role: Option<String>,
    /// What was passed into the activity (free-form JSON).
    pub input_data: Option<Json<serde_json::Value>>,
    /// Structured summary of the result (the full output is in the content store).
    pub output_summary: Option<Json<serde_json::Value>>,
    /// Id of the full output in the content store (24 hexadecimal characters).
    pub output_ref: Option<String>,
    /// The reviewer's feedback when the activity was rejected.
    pub rejection_note: Option<String>,
    /// Instructions for reworking it.
    pub revision_note: Option<String>,
    /// When it is due.
    pub due_date: Option<NaiveDate>,
    /// When work first started (set by the first move to `IN_PROGRESS`).
    pub started_on: Option<DateTime<Utc>>,
    /// When it completed (set by the move to `COMPLETED`).
    pub completed_on: Option<DateTime<Utc>>,
    /// When it was created.
    pub created_on: DateTime<Utc>,
    /// When it last changed.
    pub updated_on: Option<DateTime<Utc>>,
    /// When it was cancelled; null otherwise.
    pub cancelled_on: Option<DateTime<Utc>>,
    /// The activity's internal id (its sub-activities and runs point at it).
    #[graphql(skip)]
    pub(crate) internal_id: Uuid,
    /// The internal id of the person doing it.
    #[graphql(skip)]
    pub(crate) assignee_user_id: Option<Uuid>,
    /// The internal id of the goal it advances.
    #[graphql(skip)]
    pub(crate) goal_id: Option<Uuid>,
    /// The internal id of the deliverable period it counts towards.
    #[graphql(skip)]
    pub(crate) deliverable_period_id: Option<Uuid>,
    /// The internal id of the activity this one is a sub-activity of.
    #[graphql(skip)]
    pub(crate) parent_activity_id: Option<Uuid>,
}

impl From<activities::Model> for Activity {
    fn from(row: activities::Model) -> Self {
        Self {
            id: ID(row.ref_id),
            title: row.title,
            r#type: row.r#type.into(),
            status: row.status.into(),
            priority: row.priority.into(),
            is_approval_gate: row.is_approval_gate,
            pipeline_step: row.pipeline_step,
            assignee_type: row.assignee_type.into(),
            assignee_agent_role: row.assignee_agent_role,
            input_data: row.input_data.map(Json),
            output_summary: row.output_summary.map(Json),
            output_ref: row.output_ref,
            rejection_note: row.rejection_note,
            revision_note: row.revision_note,
            due_date: row.due_date,
            started_on: row.started_on.map(|at| at.to_utc()),
            completed_on: row.completed_on.map(|at| at.to_utc()),
            created_on: row.created_on.to_utc(),
            updated_on: row.updated_on.map(|at| at.to_utc()),
            cancelled_on: row.deleted_on.map(|at| at.to_utc()),
            internal_id: row.id,
            assignee_user_id: row.assignee_user_id,
            goal_id: row.goal_id,
            deliverable_period_id: row.deliverable_period_id,
            parent_activity_id: row.parent_activity_id,
        }
    }
}

/// The activity's relations, through the request's loaders.
#[ComplexObject]
impl Activity {
    /// The person doing it, when a human is assigned.
    async fn assignee(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        Ok(one::<users::Entity>(ctx, self.assignee_user_id)
            .await?
            .map(User::from))
    }

    /// The goal it advances.
    async fn goal(&self, ctx: &Context<'_>) -> Result<Option<Goal>> {
        Ok(one::<goals::Entity>(ctx, self.goal_id)
            .await?
            .map(Goal::from))
    }

    /// The deliverable period it counts towards.
    async fn deliverable_period(&self, ctx: &Context<'_>) -> Result<Option<DeliverablePeriod>> {
        Ok(
            one::<deliverable_periods::Entity>(ctx, self.deliverable_period_id)
                .await?
                .map(DeliverablePeriod::from),
        )
    }

    /// The deliverable of its period.
    async fn deliverable(&self, ctx: &Context<'_>) -> Result<Option<Deliverable>> {
        let period = one::<deliverable_periods::Entity>(ctx, self.deliverable_period_id).await?;
        Ok(
            one::<deliverables::Entity>(ctx, period.map(|p| p.deliverable_id))
                .await?
                .map(Deliverable::from),
        )
    }

    /// The activity this one is a sub-activity of.
    async fn parent(&self, ctx: &Context<'_>) -> Result<Option<Activity>> {
        Ok(one::<activities::Entity>(ctx, self.parent_activity_id)
            .await?
            .map(Activity::from))
    }

    /// Its sub-activities, oldest first (cancelled ones are not included); at most the first
    /// 500 — `activities(filter: { parentId })` pages through all.
    async fn children(&self, ctx: &Context<'_>) -> Result<Vec<Activity>> {
        let rows = children::<activities::Entity>(
            ctx,
            activities::Column::ParentActivityId,
            self.internal_id,
        )
        .await?;
        Ok(rows.into_iter().map(Activity::from).collect())
    }

    /// Its execution attempts, newest first; at most the latest 500.
    async fn runs(&self, ctx: &Context<'_>) -> Result<Vec<ActivityRun>> {
        let rows = latest_children::<activity_runs::Entity>(
            ctx,
            activity_runs::Column::ActivityId,
            self.internal_id,
        )
        .await?;
        Ok(rows.into_iter().map(ActivityRun::from).collect())
    }

    /// The decisions asked of reviewers on it, newest first (at most one is pending); at most
    /// the latest 500 — `approvals(filter: { activityId })` pages through all.
    async fn approvals(&self, ctx: &Context<'_>) -> Result<Vec<Approval>> {
        let rows = latest_children::<approvals::Entity>(
            ctx,
            approvals::Column::ActivityId,
            self.internal_id,
        )
        .await?;
        Ok(rows.into_iter().map(Approval::from).collect())
    }
}

graph_core::connection_type!(ActivityConnection, ActivityEdge, Activity);
