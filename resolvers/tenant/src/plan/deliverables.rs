//! `DeliverableMutation`: deliverables (create, update, disable/enable mid-strategy) and opening
//! a deliverable's period.

use crate::plan::deliverable_type::Deliverable;
use crate::plan::enums::{DeliverableCadence, DeliverableType};
use crate::plan::goals::goal_for_update;
use crate::plan::period_type::DeliverablePeriod;
use crate::plan::progress::period_end;
use crate::plan::strategies::{ensure_editable, strategy_of};
use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::NaiveDate;
use entities::{deliverable_periods, deliverables, goals, strategies};
use graph_core::access::{self, MEMBERS};
use graph_core::db::TenantTx;
use graph_core::error::{ApiError, ApiResult};
use graph_core::ids::parse_ref_id;
use graph_core::validate::Text;
use sea_orm::{ColumnTrait, Set};

/// A new deliverable serving a goal.
#[derive(InputObject, Debug)]
pub struct CreateDeliverableInput {
    /// The goal it serves (its strategy must not be archived).
    pub goal_id: ID,
    /// What is produced.
    pub r#type: DeliverableType,
    /// Human label, 1–255 characters.
    pub name: String,
    /// How many per period, 1–1000.
    pub quantity_per_period: i32,
    /// Monthly (default) or quarterly.
    pub cadence: Option<DeliverableCadence>,
    /// Platforms it targets (each 1–50 characters, at most 20; stored lowercase).
    pub platforms: Option<Vec<String>>,
}

/// Changes to a deliverable. Omitted fields keep their value. A new quantity applies to
/// periods opened afterwards; open periods keep their target.
#[derive(InputObject, Debug, Default)]
pub struct UpdateDeliverableInput {
    /// Human label, 1–255 characters.
    pub name: Option<String>,
    /// How many per period, 1–1000.
    pub quantity_per_period: Option<i32>,
    /// Platforms it targets (replaces the list).
    pub platforms: Option<Vec<String>>,
}

/// A deliverable's label (`deliverables.name`, `varchar(255)`).
const DELIVERABLE_NAME: Text = Text::new("name", 255);
/// One platform a deliverable targets.
const DELIVERABLE_PLATFORM: Text = Text::new("platforms", 50);

fn quantity(value: i32) -> ApiResult<i16> {
    match value {
        1..=1000 => Ok(value as i16),
        _ => Err(ApiError::bad_input(
            "quantityPerPeriod",
            "`quantityPerPeriod` must be between 1 and 1000",
        )),
    }
}

fn platforms(values: Vec<String>) -> ApiResult<Vec<String>> {
    let mut cleaned: Vec<String> = Vec::new();
    for value in values {
        let value = DELIVERABLE_PLATFORM.required(&value)?.to_lowercase();
        if !cleaned.contains(&value) {
            cleaned.push(value);
        }
        if cleaned.len() > 20 {
            return Err(ApiError::bad_input(
                "platforms",
                "`platforms` lists at most 20 platforms",
            ));
        }
    }
    Ok(cleaned)
}

/// A live deliverable by public id, locked, with its strategy.
async fn deliverable_for_update(
    tx: &TenantTx,
    field: &str,
    id: &ID,
) -> ApiResult<(deliverables::Model, strategies::Model)> {
    let deliverable = tx
        .lock_by_ref::<deliverables::Entity>("deliverable", &parse_ref_id(field, id)?, false)
        .await?;
    let strategy = strategy_of(tx, deliverable.strategy_id).await?;
    Ok((deliverable, strategy))
}

/// The deliverable part of the plan's `Mutation` (deliverables and their periods).
#[derive(Default)]
pub struct DeliverableMutation;

/// Changes to deliverables (create, update, disable/enable mid-strategy) and opening their
/// periods.
#[Object]
impl DeliverableMutation {
    /// Adds a deliverable to a goal.
    #[tracing::instrument(skip_all)]
    async fn create_deliverable(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The deliverable.")] input: CreateDeliverableInput,
    ) -> Result<Deliverable> {
        // The strategy is copied from the goal.
        let session = access::write(ctx, MEMBERS)?;
        let name = DELIVERABLE_NAME.required(&input.name)?;
        let quantity = quantity(input.quantity_per_period)?;
        let platforms = platforms(input.platforms.unwrap_or_default())?;
        let tx = access::begin(ctx, session).await?;
        let (goal, strategy) = goal_for_update(&tx, "goalId", &input.goal_id).await?;
        ensure_editable(&strategy)?;
        let row = tx
            .insert(deliverables::ActiveModel {
                goal_id: Set(goal.id),
                strategy_id: Set(goal.strategy_id),
                r#type: Set(input.r#type.into()),
                name: Set(name),
                quantity_per_period: Set(quantity),
                period: Set(input.cadence.unwrap_or(DeliverableCadence::Monthly).into()),
                platforms: Set(platforms),
                is_active: Set(true),
                ..Default::default()
            })
            .await?;
        tx.commit().await?;
        Ok(Deliverable::from(row))
    }

    /// Changes a deliverable (a new quantity applies to periods opened afterwards).
    #[tracing::instrument(skip_all)]
    async fn update_deliverable(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The deliverable's id.")] id: ID,
        #[graphql(desc = "The fields to change.")] input: UpdateDeliverableInput,
    ) -> Result<Deliverable> {
        let session = access::write(ctx, MEMBERS)?;
        let mut changes = deliverables::ActiveModel {
            ..Default::default()
        };
        if let Some(name) = &input.name {
            changes.name = Set(DELIVERABLE_NAME.required(name)?);
        }
        if let Some(value) = input.quantity_per_period {
            changes.quantity_per_period = Set(quantity(value)?);
        }
        if let Some(values) = input.platforms {
            changes.platforms = Set(platforms(values)?);
        }
        let tx = access::begin(ctx, session).await?;
        let (deliverable, strategy) = deliverable_for_update(&tx, "id", &id).await?;
        ensure_editable(&strategy)?;
        let row = tx
            .update_by_id("deliverable", deliverable.id, changes)
            .await?;
        tx.commit().await?;
        Ok(Deliverable::from(row))
    }

    /// Disables a deliverable mid-strategy (no new periods), or enables it again.
    #[tracing::instrument(skip_all)]
    async fn set_deliverable_active(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The deliverable's id.")] id: ID,
        #[graphql(desc = "True to enable, false to disable.")] active: bool,
    ) -> Result<Deliverable> {
        let session = access::write(ctx, MEMBERS)?;
        let tx = access::begin(ctx, session).await?;
        let (deliverable, strategy) = deliverable_for_update(&tx, "id", &id).await?;
        ensure_editable(&strategy)?;
        if active {
            let goal_live = tx
                .select::<goals::Entity>()
                .filter(goals::Column::Id.eq(deliverable.goal_id))
                .one(&tx)
                .await?
                .is_some();
            if !goal_live {
                return Err(ApiError::Conflict(
                    "the deliverable's goal was deleted; it cannot be enabled again".to_owned(),
                )
                .into());
            }
        }
        let changes = deliverables::ActiveModel {
            is_active: Set(active),
            ..Default::default()
        };
        let row = tx
            .update_by_id("deliverable", deliverable.id, changes)
            .await?;
        tx.commit().await?;
        Ok(Deliverable::from(row))
    }

    /// Opens a deliverable's period starting `periodStart` (the 1st of a month, or of a
    /// quarter for quarterly deliverables), with the current quantity as target. `CONFLICT`
    /// when that period exists.
    #[tracing::instrument(skip_all)]
    async fn open_deliverable_period(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The deliverable's id.")] deliverable_id: ID,
        #[graphql(desc = "First day of the period.")] period_start: NaiveDate,
    ) -> Result<DeliverablePeriod> {
        // The database allows one period per deliverable and start date (`CONFLICT` for a
        // second).
        let session = access::write(ctx, MEMBERS)?;
        let tx = access::begin(ctx, session).await?;
        let (deliverable, strategy) =
            deliverable_for_update(&tx, "deliverableId", &deliverable_id).await?;
        ensure_editable(&strategy)?;
        if !deliverable.is_active {
            return Err(ApiError::Conflict(
                "the deliverable is disabled; enable it before opening a period".to_owned(),
            )
            .into());
        }
        let end = period_end(&deliverable.period, period_start)
            .map_err(|message| ApiError::bad_input("periodStart", message))?;
        let row = tx
            .insert(deliverable_periods::ActiveModel {
                deliverable_id: Set(deliverable.id),
                period_start: Set(period_start),
                period_end: Set(end),
                target_count: Set(deliverable.quantity_per_period),
                ..Default::default()
            })
            .await?;
        tx.commit().await?;
        Ok(DeliverablePeriod::from(row))
    }
}
