//! `StrategyMutation`: drafts, submission, approval (archiving the previous active strategy in
//! the same transaction) and sending back to draft; and the strategy look-ups the other plan
//! mutations share.

use crate::plan::strategy_type::Strategy;
use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, Result};
use chrono::NaiveDate;
use entities::sea_orm_active_enums::StrategyStatus as S;
use entities::strategies;
use graph_core::access::{self, ADMINS, MEMBERS};
use graph_core::changes::{now, optional_change};
use graph_core::db::TenantTx;
use graph_core::error::{ApiError, ApiResult};
use graph_core::ids::parse_ref_id;
use graph_core::validate::Text;
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{ColumnTrait, Set};

/// A new strategy draft. Its version is one more than the tenant's latest.
#[derive(InputObject, Debug, Default)]
pub struct CreateStrategyInput {
    /// The strategy in a few paragraphs, up to 20,000 characters.
    pub summary: Option<String>,
    /// Why these goals and deliverables, up to 20,000 characters.
    pub rationale: Option<String>,
    /// Horizon in months, 1–60.
    pub period_months: Option<i32>,
    /// First day the strategy applies.
    pub start_date: Option<NaiveDate>,
    /// Last day the strategy applies (not before `startDate`).
    pub end_date: Option<NaiveDate>,
}

/// Changes to a draft strategy. Omitted fields keep their value; `null` clears one.
#[derive(InputObject, Debug, Default)]
pub struct UpdateStrategyInput {
    /// The strategy in a few paragraphs, up to 20,000 characters.
    pub summary: MaybeUndefined<String>,
    /// Why these goals and deliverables, up to 20,000 characters.
    pub rationale: MaybeUndefined<String>,
    /// Horizon in months, 1–60.
    pub period_months: MaybeUndefined<i32>,
    /// First day the strategy applies.
    pub start_date: MaybeUndefined<NaiveDate>,
    /// Last day the strategy applies (not before `startDate`).
    pub end_date: MaybeUndefined<NaiveDate>,
}

/// The strategy in a few paragraphs.
const STRATEGY_SUMMARY: Text = Text::new("summary", 20_000);
/// Why the strategy's goals and deliverables were chosen.
const STRATEGY_RATIONALE: Text = Text::new("rationale", 20_000);

fn period_months(value: Option<i32>) -> ApiResult<Option<i16>> {
    match value {
        None => Ok(None),
        Some(months @ 1..=60) => Ok(Some(months as i16)),
        Some(_) => Err(ApiError::bad_input(
            "periodMonths",
            "`periodMonths` must be between 1 and 60",
        )),
    }
}

fn dates_ordered(start: Option<NaiveDate>, end: Option<NaiveDate>) -> ApiResult<()> {
    match (start, end) {
        (Some(start), Some(end)) if end < start => Err(ApiError::bad_input(
            "endDate",
            "`endDate` must not be before `startDate`",
        )),
        _ => Ok(()),
    }
}

/// The strategy with public id `id`, locked for the rest of the transaction.
pub(crate) async fn strategy_for_update(
    tx: &TenantTx,
    field: &str,
    id: &ID,
) -> ApiResult<strategies::Model> {
    tx.lock_by_ref::<strategies::Entity>("strategy", &parse_ref_id(field, id)?, false)
        .await
}

/// The strategy a goal or deliverable belongs to (by internal id).
pub(crate) async fn strategy_of(tx: &TenantTx, id: uuid::Uuid) -> ApiResult<strategies::Model> {
    tx.select::<strategies::Entity>()
        .filter(strategies::Column::Id.eq(id))
        .one(tx)
        .await?
        .ok_or(ApiError::NotFound("strategy"))
}

fn status_name(status: &S) -> &'static str {
    match status {
        S::Draft => "DRAFT",
        S::AwaitingApproval => "AWAITING_APPROVAL",
        S::Active => "ACTIVE",
        S::Archived => "ARCHIVED",
    }
}

fn require_status(strategy: &strategies::Model, wanted: S, action: &str) -> ApiResult<()> {
    if strategy.status == wanted {
        Ok(())
    } else {
        Err(ApiError::Conflict(format!(
            "only a {} strategy can be {action}; this one is {}",
            status_name(&wanted),
            status_name(&strategy.status)
        )))
    }
}

/// Moves a strategy between statuses, setting extra columns.
async fn set_status(
    tx: &TenantTx,
    current: &strategies::Model,
    status: S,
    actor: uuid::Uuid,
    approved: bool,
) -> ApiResult<strategies::Model> {
    let now = now();
    let mut changes = strategies::ActiveModel {
        status: Set(status),
        ..Default::default()
    };
    if approved {
        changes.approved_by = Set(Some(actor));
        changes.approved_on = Set(Some(now));
    }
    tx.update_by_id("strategy", current.id, changes).await
}

/// Approves a submitted strategy as `actor`: it becomes `ACTIVE` and the previously active
/// strategy `ARCHIVED`, in `tx`; `CONFLICT` (and nothing changes) unless `current` (locked by
/// the caller) is `AWAITING_APPROVAL`. The one rule behind `approveStrategy` and the approval
/// of a `STRATEGY_REVIEW` approval.
pub(crate) async fn approve(
    tx: &TenantTx,
    current: &strategies::Model,
    actor: uuid::Uuid,
) -> ApiResult<strategies::Model> {
    // The partial unique index allows one active strategy per tenant.
    require_status(current, S::AwaitingApproval, "approved")?;
    let archived = tx
        .update::<strategies::Entity>()
        .col_expr(strategies::Column::Status, Expr::value(S::Archived))
        .filter(strategies::Column::Status.eq(S::Active))
        .exec(tx)
        .await?;
    let row = set_status(tx, current, S::Active, actor, true).await?;
    tracing::info!(strategy = %row.ref_id, archived, "strategy approved");
    Ok(row)
}

/// Sends a submitted strategy back to `DRAFT` as `actor`, in `tx`; `CONFLICT` (and nothing
/// changes) unless `current` (locked by the caller) is `AWAITING_APPROVAL`. The one rule behind
/// `rejectStrategy` and the rejection (or revision) of a `STRATEGY_REVIEW` approval.
pub(crate) async fn send_back_to_draft(
    tx: &TenantTx,
    current: &strategies::Model,
    actor: uuid::Uuid,
) -> ApiResult<strategies::Model> {
    require_status(current, S::AwaitingApproval, "sent back to draft")?;
    set_status(tx, current, S::Draft, actor, false).await
}

/// Refuses changes to the goals and deliverables of an archived strategy.
pub(crate) fn ensure_editable(strategy: &strategies::Model) -> ApiResult<()> {
    if strategy.status == S::Archived {
        return Err(ApiError::Conflict(
            "the strategy is archived; its goals and deliverables can no longer change".to_owned(),
        ));
    }
    Ok(())
}

/// The strategy part of the plan's `Mutation`.
#[derive(Default)]
pub struct StrategyMutation;

/// Changes to strategies: drafts, submission, approval and sending back to draft.
#[Object]
impl StrategyMutation {
    /// Drafts a new strategy (members, admins, read-write API keys); its version is one more
    /// than the latest. `CONFLICT` while the tenant has onboarding runs and none has its context
    /// file approved (`approveOnboardingContextFile`).
    #[tracing::instrument(skip_all)]
    async fn create_strategy(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The draft's contents.")] input: CreateStrategyInput,
    ) -> Result<Strategy> {
        let session = access::write(ctx, MEMBERS)?;
        let summary = STRATEGY_SUMMARY.optional(input.summary.as_deref())?;
        let rationale = STRATEGY_RATIONALE.optional(input.rationale.as_deref())?;
        let months = period_months(input.period_months)?;
        dates_ordered(input.start_date, input.end_date)?;
        let tx = access::begin(ctx, session).await?;
        if !crate::onboarding::strategy_generation_unlocked(&tx).await? {
            return Err(ApiError::Conflict(
                "strategy generation is locked until an admin approves the onboarding context file (approveOnboardingContextFile)".to_owned(),
            )
            .into());
        }
        let latest: Option<Option<i16>> = tx
            .select::<strategies::Entity>()
            .aggregate(
                &tx,
                Expr::from(Func::max(Expr::col(strategies::Column::Version))),
            )
            .await?;
        let version = latest
            .flatten()
            .unwrap_or(0)
            .checked_add(1)
            .ok_or_else(|| {
                ApiError::Conflict(
                    "the tenant has reached the maximum number of strategies".to_owned(),
                )
            })?;
        let row = tx
            .insert(strategies::ActiveModel {
                version: Set(version),
                status: Set(S::Draft),
                summary: Set(summary),
                rationale: Set(rationale),
                period_months: Set(months),
                start_date: Set(input.start_date),
                end_date: Set(input.end_date),
                ..Default::default()
            })
            .await?;
        tx.commit().await?;
        tracing::info!(strategy = %row.ref_id, version, "strategy drafted");
        Ok(Strategy::from(row))
    }

    /// Changes a draft strategy. `CONFLICT` once it is submitted.
    #[tracing::instrument(skip_all)]
    async fn update_strategy(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The strategy's id.")] id: ID,
        #[graphql(desc = "The fields to change.")] input: UpdateStrategyInput,
    ) -> Result<Strategy> {
        let session = access::write(ctx, MEMBERS)?;
        let summary =
            optional_change(&input.summary, |text| STRATEGY_SUMMARY.optional(Some(text)))?;
        let rationale = optional_change(&input.rationale, |text| {
            STRATEGY_RATIONALE.optional(Some(text))
        })?;
        let period_months =
            optional_change(&input.period_months, |months| period_months(Some(*months)))?;
        let tx = access::begin(ctx, session).await?;
        let current = strategy_for_update(&tx, "id", &id).await?;
        require_status(&current, S::Draft, "edited")?;
        let mut changes = strategies::ActiveModel {
            summary,
            rationale,
            period_months,
            ..Default::default()
        };
        let mut start = current.start_date;
        input.start_date.update_to(&mut start);
        let mut end = current.end_date;
        input.end_date.update_to(&mut end);
        dates_ordered(start, end)?;
        changes.start_date = Set(start);
        changes.end_date = Set(end);
        let row = tx.update_by_id("strategy", current.id, changes).await?;
        tx.commit().await?;
        Ok(Strategy::from(row))
    }

    /// Submits a draft (with at least one goal) for approval: `DRAFT` → `AWAITING_APPROVAL`.
    #[tracing::instrument(skip_all)]
    async fn submit_strategy(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The strategy's id.")] id: ID,
    ) -> Result<Strategy> {
        let session = access::write(ctx, MEMBERS)?;
        let tx = access::begin(ctx, session).await?;
        let current = strategy_for_update(&tx, "id", &id).await?;
        require_status(&current, S::Draft, "submitted")?;
        let goals = tx
            .select::<entities::goals::Entity>()
            .filter(entities::goals::Column::StrategyId.eq(current.id))
            .count(&tx)
            .await?;
        if goals == 0 {
            return Err(ApiError::Conflict(
                "a strategy needs at least one goal before it is submitted".to_owned(),
            )
            .into());
        }
        let row = set_status(
            &tx,
            &current,
            S::AwaitingApproval,
            session.actor_id(),
            false,
        )
        .await?;
        tx.commit().await?;
        Ok(Strategy::from(row))
    }

    /// Approves a submitted strategy (the tenant's admins; not operators acting for it): it
    /// becomes `ACTIVE` and the previously active strategy `ARCHIVED`, in one transaction.
    #[tracing::instrument(skip_all)]
    async fn approve_strategy(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The strategy's id.")] id: ID,
    ) -> Result<Strategy> {
        // Operators acting for the tenant may not approve (as with contracts).
        let session = access::write(ctx, ADMINS)?;
        if session.operator.is_some() {
            return Err(ApiError::Forbidden(
                "a platform operator cannot approve a strategy for a tenant; an admin of the tenant must"
                    .to_owned(),
            )
            .into());
        }
        let tx = access::begin(ctx, session).await?;
        let current = strategy_for_update(&tx, "id", &id).await?;
        let row = approve(&tx, &current, session.actor_id()).await?;
        tx.commit().await?;
        Ok(Strategy::from(row))
    }

    /// Sends a submitted strategy back to `DRAFT` (admins only).
    #[tracing::instrument(skip_all)]
    async fn reject_strategy(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The strategy's id.")] id: ID,
    ) -> Result<Strategy> {
        let session = access::write(ctx, ADMINS)?;
        let tx = access::begin(ctx, session).await?;
        let current = strategy_for_update(&tx, "id", &id).await?;
        let row = send_back_to_draft(&tx, &current, session.actor_id()).await?;
        tx.commit().await?;
        Ok(Strategy::from(row))
    }
}
