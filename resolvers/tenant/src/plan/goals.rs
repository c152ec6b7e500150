//! `GoalMutation`: creating, changing, re-ordering and deleting goals, and recording the
//! measured value (the Data Analyst agent's write).

use crate::plan::enums::{GoalPeriod, GoalStatus};
use crate::plan::goal_type::Goal;
use crate::plan::strategies::{ensure_editable, strategy_for_update, strategy_of};
use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, Result};
use chrono::NaiveDate;
use entities::{deliverables, goals, strategies};
use graph_core::access::{self, MEMBERS};
use graph_core::changes::optional_change;
use graph_core::context::Session;
use graph_core::db::TenantTx;
use graph_core::error::{ApiError, ApiResult};
use graph_core::ids::{RefId, parse_ref_id};
use graph_core::scalars::DecimalValue;
use graph_core::validate::Text;
use rust_decimal::Decimal;
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{ColumnTrait, Set};
use std::collections::HashSet;

/// A new goal of a strategy.
#[derive(InputObject, Debug)]
pub struct CreateGoalInput {
    /// The strategy (not archived).
    pub strategy_id: ID,
    /// Short name of the outcome, 1–255 characters.
    pub name: String,
    /// Longer explanation, up to 5,000 characters.
    pub description: Option<String>,
    /// What is measured (`organic_sessions`, …), 1–100 characters.
    pub metric: String,
    /// The value aimed for (up to 10 digits before the point, 2 after).
    pub target_value: Option<DecimalValue>,
    /// The value at the start.
    pub baseline_value: Option<DecimalValue>,
    /// The latest measured value.
    pub current_value: Option<DecimalValue>,
    /// The period the target refers to (default `MONTHLY`).
    pub period: Option<GoalPeriod>,
    /// When the target should be reached.
    pub target_date: Option<NaiveDate>,
    /// Position in the strategy (1 = most important); default: after the existing goals.
    pub priority: Option<i32>,
}

/// Changes to a goal. Omitted fields keep their value; `null` clears an optional one.
#[derive(InputObject, Debug, Default)]
pub struct UpdateGoalInput {
    /// Short name, 1–255 characters.
    pub name: Option<String>,
    /// Longer explanation, up to 5,000 characters.
    pub description: MaybeUndefined<String>,
    /// What is measured, 1–100 characters.
    pub metric: Option<String>,
    /// The value aimed for.
    pub target_value: MaybeUndefined<DecimalValue>,
    /// The value at the start.
    pub baseline_value: MaybeUndefined<DecimalValue>,
    /// The period the target refers to.
    pub period: Option<GoalPeriod>,
    /// When the target should be reached.
    pub target_date: MaybeUndefined<NaiveDate>,
}

/// A goal's name (`goals.name`, `varchar(255)`).
const GOAL_NAME: Text = Text::new("name", 255);
/// A goal's description.
const GOAL_DESCRIPTION: Text = Text::new("description", 5_000);
/// What a goal measures (`goals.metric`, `varchar(100)`).
const GOAL_METRIC: Text = Text::new("metric", 100);

/// Largest magnitude of a `numeric(12,2)` value.
fn measured(field: &str, value: Decimal) -> ApiResult<Decimal> {
    let limit = Decimal::new(10_000_000_000, 0);
    if value.abs() >= limit || value.round_dp(2) != value {
        return Err(ApiError::bad_input(
            field,
            format!("`{field}` must have at most 10 digits before the point and 2 after"),
        ));
    }
    Ok(value)
}

fn measured_opt(field: &str, value: Option<DecimalValue>) -> ApiResult<Option<Decimal>> {
    value.map(|value| measured(field, value.0)).transpose()
}

fn priority(value: i32) -> ApiResult<i16> {
    i16::try_from(value)
        .ok()
        .filter(|priority| *priority >= 1)
        .ok_or_else(|| ApiError::bad_input("priority", "`priority` must be between 1 and 32767"))
}

/// A live goal by public id, locked, with its strategy.
pub(crate) async fn goal_for_update(
    tx: &TenantTx,
    field: &str,
    id: &ID,
) -> ApiResult<(goals::Model, strategies::Model)> {
    let goal = tx
        .lock_by_ref::<goals::Entity>("goal", &parse_ref_id(field, id)?, false)
        .await?;
    let strategy = strategy_of(tx, goal.strategy_id).await?;
    Ok((goal, strategy))
}

/// Applies validated `changes` (plus the audit columns) to the live goal `id`, whose strategy
/// must not be archived, in one transaction.
async fn change_goal(
    ctx: &Context<'_>,
    session: &Session,
    id: &ID,
    changes: goals::ActiveModel,
) -> ApiResult<Goal> {
    let tx = access::begin(ctx, session).await?;
    let (goal, strategy) = goal_for_update(&tx, "id", id).await?;
    ensure_editable(&strategy)?;
    let row = tx.update_by_id("goal", goal.id, changes).await?;
    tx.commit().await?;
    Ok(Goal::from(row))
}

/// The goal part of the plan's `Mutation`.
#[derive(Default)]
pub struct GoalMutation;

/// Changes to goals: create, update, status, measured value, priority order, soft delete.
#[Object]
impl GoalMutation {
    /// Adds a goal to a strategy that is not archived.
    #[tracing::instrument(skip_all)]
    async fn create_goal(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The goal.")] input: CreateGoalInput,
    ) -> Result<Goal> {
        let session = access::write(ctx, MEMBERS)?;
        let name = GOAL_NAME.required(&input.name)?;
        let description = GOAL_DESCRIPTION.optional(input.description.as_deref())?;
        let metric = GOAL_METRIC.required(&input.metric)?;
        let target = measured_opt("targetValue", input.target_value)?;
        let baseline = measured_opt("baselineValue", input.baseline_value)?;
        let current = measured_opt("currentValue", input.current_value)?;
        let wanted_priority = input.priority.map(priority).transpose()?;
        let tx = access::begin(ctx, session).await?;
        let strategy = strategy_for_update(&tx, "strategyId", &input.strategy_id).await?;
        ensure_editable(&strategy)?;
        let priority = match wanted_priority {
            Some(priority) => priority,
            None => {
                let highest: Option<Option<i16>> = tx
                    .select::<goals::Entity>()
                    .filter(goals::Column::StrategyId.eq(strategy.id))
                    .aggregate(
                        &tx,
                        Expr::from(Func::max(Expr::col(goals::Column::Priority))),
                    )
                    .await?;
                highest.flatten().unwrap_or(0).saturating_add(1)
            }
        };
        let row = tx
            .insert(goals::ActiveModel {
                strategy_id: Set(strategy.id),
                name: Set(name),
                description: Set(description),
                metric: Set(metric),
                target_value: Set(target),
                baseline_value: Set(baseline),
                current_value: Set(current),
                period: Set(input.period.unwrap_or(GoalPeriod::Monthly).into()),
                target_date: Set(input.target_date),
                priority: Set(priority),
                ..Default::default()
            })
            .await?;
        tx.commit().await?;
        Ok(Goal::from(row))
    }

    /// Changes a goal.
    #[tracing::instrument(skip_all)]
    async fn update_goal(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The goal's id.")] id: ID,
        #[graphql(desc = "The fields to change.")] input: UpdateGoalInput,
    ) -> Result<Goal> {
        let session = access::write(ctx, MEMBERS)?;
        let mut changes = goals::ActiveModel {
            description: optional_change(&input.description, |text| {
                GOAL_DESCRIPTION.optional(Some(text))
            })?,
            target_value: optional_change(&input.target_value, |value| {
                measured("targetValue", value.0).map(Some)
            })?,
            baseline_value: optional_change(&input.baseline_value, |value| {
                measured("baselineValue", value.0).map(Some)
            })?,
            target_date: optional_change(&input.target_date, |date| Ok(Some(*date)))?,
            ..Default::default()
        };
        if let Some(name) = &input.name {
            changes.name = Set(GOAL_NAME.required(name)?);
        }
        if let Some(metric) = &input.metric {
            changes.metric = Set(GOAL_METRIC.required(metric)?);
        }
        if let Some(period) = input.period {
            changes.period = Set(period.into());
        }
        Ok(change_goal(ctx, session, &id, changes).await?)
    }

    /// Sets how a goal is doing.
    #[tracing::instrument(skip_all)]
    async fn set_goal_status(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The goal's id.")] id: ID,
        #[graphql(desc = "The new status.")] status: GoalStatus,
    ) -> Result<Goal> {
        let session = access::write(ctx, MEMBERS)?;
        let changes = goals::ActiveModel {
            status: Set(status.into()),
            ..Default::default()
        };
        Ok(change_goal(ctx, session, &id, changes).await?)
    }

    /// Records a goal's latest measured value (what the Data Analyst agent writes with a
    /// read-write API key).
    #[tracing::instrument(skip_all)]
    async fn record_goal_value(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The goal's id.")] id: ID,
        #[graphql(desc = "The measured value.")] current_value: DecimalValue,
    ) -> Result<Goal> {
        let session = access::write(ctx, MEMBERS)?;
        let changes = goals::ActiveModel {
            current_value: Set(Some(measured("currentValue", current_value.0)?)),
            ..Default::default()
        };
        Ok(change_goal(ctx, session, &id, changes).await?)
    }

    /// Puts a strategy's goals in a new priority order: `goalIds` lists every live goal once,
    /// most important first.
    #[tracing::instrument(skip_all)]
    async fn reorder_goals(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The strategy's id.")] strategy_id: ID,
        #[graphql(desc = "Every goal of the strategy, most important first.")] goal_ids: Vec<ID>,
    ) -> Result<Vec<Goal>> {
        // `goalIds` must be exactly the strategy's live goals; they get priorities 1, 2, 3… in
        // that order.
        let session = access::write(ctx, MEMBERS)?;
        let wanted: Vec<RefId> = goal_ids
            .iter()
            .map(|id| parse_ref_id("goalIds", id))
            .collect::<ApiResult<_>>()?;
        if wanted.iter().collect::<HashSet<_>>().len() != wanted.len() {
            return Err(ApiError::bad_input("goalIds", "`goalIds` lists a goal twice").into());
        }
        let tx = access::begin(ctx, session).await?;
        let strategy = strategy_for_update(&tx, "strategyId", &strategy_id).await?;
        ensure_editable(&strategy)?;
        let live = tx
            .select::<goals::Entity>()
            .filter(goals::Column::StrategyId.eq(strategy.id))
            .all(&tx)
            .await?;
        let live_ids: HashSet<&str> = live.iter().map(|goal| goal.ref_id.as_str()).collect();
        let given: HashSet<&str> = wanted.iter().map(RefId::as_str).collect();
        if live_ids != given {
            return Err(ApiError::bad_input(
                "goalIds",
                "`goalIds` must list every goal of the strategy exactly once",
            )
            .into());
        }
        let mut reordered = Vec::with_capacity(wanted.len());
        for (index, ref_id) in wanted.iter().enumerate() {
            let Some(goal) = live.iter().find(|goal| goal.ref_id == ref_id.as_str()) else {
                continue;
            };
            let changes = goals::ActiveModel {
                priority: Set(i16::try_from(index + 1).unwrap_or(i16::MAX)),
                ..Default::default()
            };
            reordered.push(Goal::from(tx.update_by_id("goal", goal.id, changes).await?));
        }
        tx.commit().await?;
        Ok(reordered)
    }

    /// Deletes a goal (soft: admins still see it by id) and disables its deliverables.
    #[tracing::instrument(skip_all)]
    async fn delete_goal(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The goal's id.")] id: ID,
    ) -> Result<Goal> {
        // Its deliverables are disabled in the same transaction (their periods and activities
        // stay, as history).
        let session = access::write(ctx, MEMBERS)?;
        let tx = access::begin(ctx, session).await?;
        let (goal, strategy) = goal_for_update(&tx, "id", &id).await?;
        ensure_editable(&strategy)?;
        tx.update::<deliverables::Entity>()
            .col_expr(deliverables::Column::IsActive, Expr::value(false))
            .filter(deliverables::Column::GoalId.eq(goal.id))
            .exec(&tx)
            .await?;
        let row = tx
            .soft_delete(
                "goal",
                goal.id,
                goals::ActiveModel {
                    ..Default::default()
                },
            )
            .await?;
        tx.commit().await?;
        Ok(Goal::from(row))
    }
}
