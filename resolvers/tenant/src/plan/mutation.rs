//! `PlanMutation`: the root fields of the marketing plan; each delegates to its module.

use graph_core::scalars::DecimalValue;
use crate::plan::activities::{self, CreateActivityInput, UpdateActivityInput};
use crate::plan::activity_type::Activity;
use crate::plan::deliverable_type::Deliverable;
use crate::plan::deliverables::{self, CreateDeliverableInput, UpdateDeliverableInput};
use crate::plan::enums::{ActivityStatus, GoalStatus};
use crate::plan::goal_type::Goal;
use crate::plan::goals::{self, CreateGoalInput, UpdateGoalInput};
use crate::plan::period_type::DeliverablePeriod;
use crate::plan::strategies::{self, CreateStrategyInput, UpdateStrategyInput};
use crate::plan::strategy_type::Strategy;
use async_graphql::{Context, ID, Object, Result};
use chrono::NaiveDate;

/// Mutations of the marketing plan (tenant subgraph).
#[derive(Default)]
pub struct PlanMutation;

/// Mutations of the marketing plan: strategies and their approval, goals, deliverables and
/// their periods, activities and their workflow.
#[Object]
impl PlanMutation {
    /// Drafts a new strategy (members, admins, read-write API keys); its version is one more
    /// than the latest.
    async fn create_strategy(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The draft's contents.")] input: CreateStrategyInput,
    ) -> Result<Strategy> {
        Ok(strategies::create(ctx, input).await?)
    }

    /// Changes a draft strategy. `CONFLICT` once it is submitted.
    async fn update_strategy(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The strategy's id.")] id: ID,
        #[graphql(desc = "The fields to change.")] input: UpdateStrategyInput,
    ) -> Result<Strategy> {
        Ok(strategies::update(ctx, id, input).await?)
    }

    /// Submits a draft (with at least one goal) for approval: `DRAFT` → `AWAITING_APPROVAL`.
    async fn submit_strategy(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The strategy's id.")] id: ID,
    ) -> Result<Strategy> {
        Ok(strategies::submit(ctx, id).await?)
    }

    /// Approves a submitted strategy (the tenant's admins; not operators acting for it): it
    /// becomes `ACTIVE` and the previously active strategy `ARCHIVED`, in one transaction.
    async fn approve_strategy(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The strategy's id.")] id: ID,
    ) -> Result<Strategy> {
        Ok(strategies::approve(ctx, id).await?)
    }

    /// Sends a submitted strategy back to `DRAFT` (admins only).
    async fn reject_strategy(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The strategy's id.")] id: ID,
    ) -> Result<Strategy> {
        Ok(strategies::reject(ctx, id).await?)
    }

    /// Adds a goal to a strategy that is not archived.
    async fn create_goal(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The goal.")] input: CreateGoalInput,
    ) -> Result<Goal> {
        Ok(goals::create(ctx, input).await?)
    }

    /// Changes a goal.
    async fn update_goal(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The goal's id.")] id: ID,
        #[graphql(desc = "The fields to change.")] input: UpdateGoalInput,
    ) -> Result<Goal> {
        Ok(goals::update(ctx, id, input).await?)
    }

    /// Sets how a goal is doing.
    async fn set_goal_status(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The goal's id.")] id: ID,
        #[graphql(desc = "The new status.")] status: GoalStatus,
    ) -> Result<Goal> {
        Ok(goals::set_status(ctx, id, status).await?)
    }

    /// Records a goal's latest measured value (what the Data Analyst agent writes with a
    /// read-write API key).
    async fn record_goal_value(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The goal's id.")] id: ID,
        #[graphql(desc = "The measured value.")] current_value: DecimalValue,
    ) -> Result<Goal> {
        Ok(goals::record_value(ctx, id, current_value).await?)
    }

    /// Puts a strategy's goals in a new priority order: `goalIds` lists every live goal once,
    /// most important first.
    async fn reorder_goals(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The strategy's id.")] strategy_id: ID,
        #[graphql(desc = "Every goal of the strategy, most important first.")] goal_ids: Vec<ID>,
    ) -> Result<Vec<Goal>> {
        Ok(goals::reorder(ctx, strategy_id, goal_ids).await?)
    }

    /// Deletes a goal (soft: admins still see it by id) and disables its deliverables.
    async fn delete_goal(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The goal's id.")] id: ID,
    ) -> Result<Goal> {
        Ok(goals::delete(ctx, id).await?)
    }

    /// Adds a deliverable to a goal.
    async fn create_deliverable(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The deliverable.")] input: CreateDeliverableInput,
    ) -> Result<Deliverable> {
        Ok(deliverables::create(ctx, input).await?)
    }

    /// Changes a deliverable (a new quantity applies to periods opened afterwards).
    async fn update_deliverable(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The deliverable's id.")] id: ID,
        #[graphql(desc = "The fields to change.")] input: UpdateDeliverableInput,
    ) -> Result<Deliverable> {
        Ok(deliverables::update(ctx, id, input).await?)
    }

    /// Disables a deliverable mid-strategy (no new periods), or enables it again.
    async fn set_deliverable_active(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The deliverable's id.")] id: ID,
        #[graphql(desc = "True to enable, false to disable.")] active: bool,
    ) -> Result<Deliverable> {
        Ok(deliverables::set_active(ctx, id, active).await?)
    }

    /// Opens a deliverable's period starting `periodStart` (the 1st of a month, or of a
    /// quarter for quarterly deliverables), with the current quantity as target. `CONFLICT`
    /// when that period exists.
    async fn open_deliverable_period(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The deliverable's id.")] deliverable_id: ID,
        #[graphql(desc = "First day of the period.")] period_start: NaiveDate,
    ) -> Result<DeliverablePeriod> {
        Ok(deliverables::open_period(ctx, deliverable_id, period_start).await?)
    }

    /// Creates an activity (status `CREATED`).
    async fn create_activity(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The activity.")] input: CreateActivityInput,
    ) -> Result<Activity> {
        Ok(activities::create(ctx, input).await?)
    }

    /// Changes an activity that is not completed.
    async fn update_activity(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The activity's id.")] id: ID,
        #[graphql(desc = "The fields to change.")] input: UpdateActivityInput,
    ) -> Result<Activity> {
        Ok(activities::update(ctx, id, input).await?)
    }

    /// Moves an activity along its workflow (see `ActivityStatus` for the allowed moves;
    /// `CONFLICT` for any other). `APPROVED` and `REJECTED` are for reviewers and admins; a
    /// rejection needs a `note`. Completing counts towards the deliverable period.
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
        Ok(activities::change_status(ctx, id, status, note).await?)
    }

    /// Cancels an activity that is not completed: `CANCELLED`, hidden from lists.
    async fn cancel_activity(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The activity's id.")] id: ID,
    ) -> Result<Activity> {
        Ok(activities::cancel(ctx, id).await?)
    }
}
