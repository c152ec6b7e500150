//! `ActivityMutation`: create, update, status changes along the workflow of [`workflow`]
//! (completing one counts towards its deliverable period in the same transaction), cancel.

use crate::plan::activity_type::Activity;
use crate::plan::enums::{ActivityPriority, ActivityStatus, ActivityType, AssigneeType};
use crate::plan::workflow;
use async_graphql::{Context, ID, InputObject, Json, MaybeUndefined, Object, Result};
use chrono::NaiveDate;
use entities::sea_orm_active_enums as db;
use entities::tenant_scoped::TenantScoped;
use entities::{activities, deliverable_periods, deliverables, goals, users};
use graph_core::access::{self, MEMBERS, REVIEWERS};
use graph_core::changes::{now, optional_change};
use graph_core::db::TenantTx;
use graph_core::error::{ApiError, ApiResult};
use graph_core::ids::parse_ref_id;
use graph_core::validate::Text;
use sea_orm::{ColumnTrait, NotSet, Set};
use uuid::Uuid;

/// Who does an activity.
#[derive(InputObject, Debug, Clone)]
pub struct AssigneeInput {
    /// Agent or human.
    pub r#type: AssigneeType,
    /// For an agent: its role (`copywriter`, …), 1–100 characters. Must be omitted for a human.
    pub agent_role: Option<String>,
    /// For a human: the user (an active or invited user of the tenant); omit to leave the
    /// activity unassigned. Must be omitted for an agent.
    pub user_id: Option<ID>,
}

/// A new activity.
#[derive(InputObject, Debug)]
pub struct CreateActivityInput {
    /// Human-readable title, 1–500 characters.
    pub title: String,
    /// The kind of work.
    pub r#type: ActivityType,
    /// Who does it.
    pub assignee: AssigneeInput,
    /// The deliverable period it counts towards (its goal is taken from the deliverable).
    pub deliverable_period_id: Option<ID>,
    /// The goal it advances, when it has no deliverable period (must match the period's goal
    /// when both are given).
    pub goal_id: Option<ID>,
    /// The activity this one is a sub-activity of; the sub-activity inherits its period and
    /// goal unless given.
    pub parent_activity_id: Option<ID>,
    /// Default `NORMAL`.
    pub priority: Option<ActivityPriority>,
    /// True for a human review step.
    pub is_approval_gate: Option<bool>,
    /// The step of the activity template's pipeline, up to 100 characters.
    pub pipeline_step: Option<String>,
    /// When it is due.
    pub due_date: Option<NaiveDate>,
    /// What is passed into the activity (free-form JSON).
    pub input_data: Option<Json<serde_json::Value>>,
}

/// Changes to an unfinished activity. Omitted fields keep their value; `null` clears an
/// optional one.
#[derive(InputObject, Debug, Default)]
pub struct UpdateActivityInput {
    /// Title, 1–500 characters.
    pub title: Option<String>,
    /// Priority.
    pub priority: Option<ActivityPriority>,
    /// When it is due.
    pub due_date: MaybeUndefined<NaiveDate>,
    /// Reassigns it.
    pub assignee: Option<AssigneeInput>,
    /// Structured summary of the result (free-form JSON).
    pub output_summary: MaybeUndefined<Json<serde_json::Value>>,
    /// Id of the full output in the content store: 24 lowercase hexadecimal characters.
    pub output_ref: MaybeUndefined<String>,
    /// Instructions for reworking it, up to 5,000 characters.
    pub revision_note: MaybeUndefined<String>,
}

/// An activity's title (`activities.title`, `varchar(500)`).
const ACTIVITY_TITLE: Text = Text::new("title", 500);
/// The pipeline step of an activity (`activities.pipeline_step`, `varchar(100)`).
const ACTIVITY_PIPELINE_STEP: Text = Text::new("pipelineStep", 100);
/// Instructions for reworking an activity.
const ACTIVITY_REVISION_NOTE: Text = Text::new("revisionNote", 5_000);
/// The note of a status change (a rejection's feedback, or a revision note).
const ACTIVITY_STATUS_NOTE: Text = Text::new("note", 5_000);
/// The agent role an activity is assigned to (`activities.assignee_agent_role`, `varchar(100)`).
const ASSIGNEE_AGENT_ROLE: Text = Text::new("assignee.agentRole", 100);

/// The columns an assignee sets: type, agent role, user.
struct Assignee {
    kind: db::AssigneeType,
    agent_role: Option<String>,
    user: Option<Uuid>,
}

async fn assignee(tx: &TenantTx, input: &AssigneeInput) -> ApiResult<Assignee> {
    match input.r#type {
        AssigneeType::Agent => {
            if input.user_id.is_some() {
                return Err(ApiError::bad_input(
                    "assignee.userId",
                    "an agent assignee has no `userId`",
                ));
            }
            let role = input.agent_role.as_deref().unwrap_or_default();
            Ok(Assignee {
                kind: db::AssigneeType::Agent,
                agent_role: Some(ASSIGNEE_AGENT_ROLE.required(role)?),
                user: None,
            })
        }
        AssigneeType::Human => {
            if input.agent_role.is_some() {
                return Err(ApiError::bad_input(
                    "assignee.agentRole",
                    "a human assignee has no `agentRole`",
                ));
            }
            let user = referenced::<users::Entity>(tx, "user", "assignee.userId", &input.user_id)
                .await?
                .map(|user| user.id);
            Ok(Assignee {
                kind: db::AssigneeType::Human,
                agent_role: None,
                user,
            })
        }
    }
}

fn output_ref(value: &str) -> ApiResult<String> {
    let value = value.trim().to_owned();
    let valid = value.len() == 24
        && value
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if valid {
        Ok(value)
    } else {
        Err(ApiError::bad_input(
            "outputRef",
            "`outputRef` must be 24 lowercase hexadecimal characters",
        ))
    }
}

/// The goal of a deliverable period (through its deliverable).
async fn goal_of_period(tx: &TenantTx, period: &deliverable_periods::Model) -> ApiResult<Uuid> {
    let deliverable = tx
        .select_with_deleted::<deliverables::Entity>(true)
        .filter(deliverables::Column::Id.eq(period.deliverable_id))
        .one(tx)
        .await?
        .ok_or(ApiError::NotFound("deliverable"))?;
    Ok(deliverable.goal_id)
}

/// The live row of `E` an optional id input (`field`, for errors) names: None when the input
/// is omitted, `NOT_FOUND` (named `what`) when there is no such row in the tenant.
async fn referenced<E: TenantScoped>(
    tx: &TenantTx,
    what: &'static str,
    field: &str,
    id: &Option<ID>,
) -> ApiResult<Option<E::Model>> {
    match id {
        None => Ok(None),
        Some(id) => tx
            .find_by_ref::<E>(what, &parse_ref_id(field, id)?)
            .await
            .map(Some),
    }
}

/// An activity by public id, cancelled ones included (so changing one is a clear `CONFLICT`),
/// locked for the transaction.
async fn activity_for_update(tx: &TenantTx, id: &ID) -> ApiResult<activities::Model> {
    tx.lock_by_ref::<activities::Entity>("activity", &parse_ref_id("id", id)?, true)
        .await
}

/// Adds one completed activity to a period and updates its status (completed when the
/// target is met, else in progress).
async fn count_completion(tx: &TenantTx, period_id: Uuid, _actor: Uuid) -> ApiResult<()> {
    let period = tx
        .select::<deliverable_periods::Entity>()
        .filter(deliverable_periods::Column::Id.eq(period_id))
        .lock_exclusive()
        .one(tx)
        .await?
        .ok_or(ApiError::NotFound("deliverable period"))?;
    let completed = period.completed_count.saturating_add(1);
    let status = if completed >= period.target_count {
        db::DeliverablePeriodStatus::Completed
    } else {
        db::DeliverablePeriodStatus::InProgress
    };
    let changes = deliverable_periods::ActiveModel {
        completed_count: Set(completed),
        status: Set(status),
        ..Default::default()
    };
    tx.update_by_id("deliverable period", period.id, changes)
        .await?;
    Ok(())
}

/// A period whose first activity starts moves from not started to in progress.
async fn mark_period_started(tx: &TenantTx, period_id: Uuid) -> ApiResult<()> {
    use sea_orm::sea_query::Expr;
    tx.update::<deliverable_periods::Entity>()
        .col_expr(
            deliverable_periods::Column::Status,
            Expr::value(db::DeliverablePeriodStatus::InProgress),
        )
        .filter(deliverable_periods::Column::Id.eq(period_id))
        .filter(deliverable_periods::Column::Status.eq(db::DeliverablePeriodStatus::NotStarted))
        .exec(tx)
        .await?;
    Ok(())
}

/// The activity part of the plan's `Mutation`.
#[derive(Default)]
pub struct ActivityMutation;

/// Changes to activities: create, update, moves along the workflow, cancel.
#[Object]
impl ActivityMutation {
    /// Creates an activity (status `CREATED`).
    #[tracing::instrument(skip_all)]
    async fn create_activity(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The activity.")] input: CreateActivityInput,
    ) -> Result<Activity> {
        let session = access::write(ctx, MEMBERS)?;
        let title = ACTIVITY_TITLE.required(&input.title)?;
        let pipeline_step = ACTIVITY_PIPELINE_STEP.optional(input.pipeline_step.as_deref())?;
        let tx = access::begin(ctx, session).await?;
        let assignee = assignee(&tx, &input.assignee).await?;
        let parent = referenced::<activities::Entity>(
            &tx,
            "parent activity",
            "parentActivityId",
            &input.parent_activity_id,
        )
        .await?;
        let period = referenced::<deliverable_periods::Entity>(
            &tx,
            "deliverable period",
            "deliverablePeriodId",
            &input.deliverable_period_id,
        )
        .await?;
        let given_goal = referenced::<goals::Entity>(&tx, "goal", "goalId", &input.goal_id)
            .await?
            .map(|goal| goal.id);
        // The period: the given one, else the parent's (a sub-activity counts where its parent
        // does). The goal must be the period's, however the period was chosen.
        let period = match (
            period,
            parent.as_ref().and_then(|p| p.deliverable_period_id),
        ) {
            (Some(period), _) => Some(period),
            (None, Some(inherited)) => {
                tx.select::<deliverable_periods::Entity>()
                    .filter(deliverable_periods::Column::Id.eq(inherited))
                    .one(&tx)
                    .await?
            }
            (None, None) => None,
        };
        let period_goal = match &period {
            Some(period) => Some(goal_of_period(&tx, period).await?),
            None => None,
        };
        let goal_id = match (period_goal, given_goal) {
            (Some(from_period), Some(given)) if from_period != given => {
                return Err(ApiError::bad_input(
                    "goalId",
                    "`goalId` is not the goal of the deliverable period",
                )
                .into());
            }
            (Some(goal), _) | (None, Some(goal)) => Some(goal),
            (None, None) => parent.as_ref().and_then(|p| p.goal_id),
        };
        let period_id = period.as_ref().map(|period| period.id);
        let row = tx
            .insert(activities::ActiveModel {
                deliverable_period_id: Set(period_id),
                goal_id: Set(goal_id),
                parent_activity_id: Set(parent.as_ref().map(|p| p.id)),
                pipeline_step: Set(pipeline_step),
                title: Set(title),
                r#type: Set(input.r#type.into()),
                assignee_type: Set(assignee.kind),
                assignee_agent_role: Set(assignee.agent_role),
                assignee_user_id: Set(assignee.user),
                status: Set(db::ActivityStatus::Created),
                priority: Set(input.priority.unwrap_or(ActivityPriority::Normal).into()),
                is_approval_gate: Set(input.is_approval_gate.unwrap_or(false)),
                input_data: Set(input.input_data.map(|json| json.0)),
                due_date: Set(input.due_date),
                ..Default::default()
            })
            .await?;
        tx.commit().await?;
        Ok(Activity::from(row))
    }

    /// Changes an activity that is not completed.
    #[tracing::instrument(skip_all)]
    async fn update_activity(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The activity's id.")] id: ID,
        #[graphql(desc = "The fields to change.")] input: UpdateActivityInput,
    ) -> Result<Activity> {
        let session = access::write(ctx, MEMBERS)?;
        let title = match &input.title {
            Some(title) => Set(ACTIVITY_TITLE.required(title)?),
            None => NotSet,
        };
        let mut changes = activities::ActiveModel {
            title,
            priority: input
                .priority
                .map_or(NotSet, |priority| Set(priority.into())),
            due_date: optional_change(&input.due_date, |date| Ok(Some(*date)))?,
            output_summary: optional_change(&input.output_summary, |json| {
                Ok(Some(json.0.clone()))
            })?,
            output_ref: optional_change(&input.output_ref, |value| output_ref(value).map(Some))?,
            revision_note: optional_change(&input.revision_note, |text| {
                ACTIVITY_REVISION_NOTE.optional(Some(text))
            })?,
            ..Default::default()
        };
        let tx = access::begin(ctx, session).await?;
        let current = activity_for_update(&tx, &id).await?;
        if matches!(
            current.status,
            db::ActivityStatus::Completed | db::ActivityStatus::Cancelled
        ) {
            return Err(ApiError::Conflict(format!(
                "a {} activity can no longer change",
                workflow::name(&current.status)
            ))
            .into());
        }
        if let Some(input) = &input.assignee {
            let assignee = assignee(&tx, input).await?;
            changes.assignee_type = Set(assignee.kind);
            changes.assignee_agent_role = Set(assignee.agent_role);
            changes.assignee_user_id = Set(assignee.user);
        }
        let row = tx.update_by_id("activity", current.id, changes).await?;
        tx.commit().await?;
        Ok(Activity::from(row))
    }

    /// Moves an activity along its workflow (see `ActivityStatus` for the allowed moves;
    /// `CONFLICT` for any other). `APPROVED` and `REJECTED` are for reviewers and admins; a
    /// rejection needs a `note`. Completing counts towards the deliverable period.
    #[tracing::instrument(skip_all)]
    async fn change_activity_status(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The activity's id.")] id: ID,
        #[graphql(desc = "The new status.")] status: ActivityStatus,
        #[graphql(
            desc = "Why: required when rejecting (the rejection note); when resuming a rejected activity, the revision note."
        )]
        note: Option<String>,
    ) -> Result<Activity> {
        // Review decisions (`APPROVED`, `REJECTED`) by reviewers and admins, the rest by
        // members, admins and read-write API keys; completing counts towards the deliverable
        // period in the same transaction.
        let target: db::ActivityStatus = status.into();
        let roles = if workflow::is_review_decision(&target) {
            REVIEWERS
        } else {
            MEMBERS
        };
        let session = access::write(ctx, roles)?;
        if target == db::ActivityStatus::Cancelled {
            return Err(
                ApiError::bad_input("status", "cancel an activity with `cancelActivity`").into(),
            );
        }
        let note = ACTIVITY_STATUS_NOTE.optional(note.as_deref())?;
        if target == db::ActivityStatus::Rejected && note.is_none() {
            return Err(ApiError::bad_input(
                "note",
                "a rejection needs a `note` saying what to change",
            )
            .into());
        }
        let tx = access::begin(ctx, session).await?;
        let current = activity_for_update(&tx, &id).await?;
        if !workflow::allowed(&current.status, &target) {
            return Err(ApiError::Conflict(format!(
                "an activity cannot move from {} to {}",
                workflow::name(&current.status),
                workflow::name(&target)
            ))
            .into());
        }
        let now = now();
        let mut changes = activities::ActiveModel {
            status: Set(target.clone()),
            ..Default::default()
        };
        match target {
            db::ActivityStatus::InProgress => {
                if current.started_on.is_none() {
                    changes.started_on = Set(Some(now));
                }
                if current.status == db::ActivityStatus::Rejected && note.is_some() {
                    changes.revision_note = Set(note);
                }
            }
            db::ActivityStatus::Rejected => changes.rejection_note = Set(note),
            db::ActivityStatus::Completed => changes.completed_on = Set(Some(now)),
            _ => {}
        }
        let row = tx.update_by_id("activity", current.id, changes).await?;
        if let Some(period_id) = row.deliverable_period_id {
            match target {
                db::ActivityStatus::Completed => {
                    count_completion(&tx, period_id, session.actor_id()).await?
                }
                db::ActivityStatus::InProgress => mark_period_started(&tx, period_id).await?,
                _ => {}
            }
        }
        tx.commit().await?;
        Ok(Activity::from(row))
    }

    /// Cancels an activity that is not completed: `CANCELLED`, hidden from lists.
    #[tracing::instrument(skip_all)]
    async fn cancel_activity(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The activity's id.")] id: ID,
    ) -> Result<Activity> {
        // Soft-deleted (hidden from lists); its sub-activities are left as they are.
        let session = access::write(ctx, MEMBERS)?;
        let tx = access::begin(ctx, session).await?;
        let current = activity_for_update(&tx, &id).await?;
        if !workflow::cancellable(&current.status) {
            return Err(ApiError::Conflict(format!(
                "a {} activity cannot be cancelled",
                workflow::name(&current.status)
            ))
            .into());
        }
        let changes = activities::ActiveModel {
            status: Set(db::ActivityStatus::Cancelled),
            ..Default::default()
        };
        let row = tx.soft_delete("activity", current.id, changes).await?;
        tx.commit().await?;
        Ok(Activity::from(row))
    }
}
