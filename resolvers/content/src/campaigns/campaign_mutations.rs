//! `CampaignMutation`: creating, changing, moving along the workflow and deleting campaigns.

use crate::campaigns::campaign_type::Campaign;
use crate::campaigns::enums::{CampaignStatus, transition};
use crate::shared::references::referenced_id;
use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::NaiveDate;
use entities::sea_orm_active_enums as db;
use entities::{activities, campaigns, goals, strategies};
use graph_core::access::{self, ADMINS, MEMBERS};
use graph_core::error::{ApiError, ApiResult};
use graph_core::ids::parse_ref_id;
use graph_core::scalars::DecimalValue;
use graph_core::validate::Text;
use rust_decimal::Decimal;
use sea_orm::ActiveValue::{NotSet, Set};
use uuid::Uuid;

/// A campaign's name (`campaigns.name`, `varchar(255)`).
const NAME: Text = Text::new("name", 255);
/// Its description (`text`, bounded here).
const DESCRIPTION: Text = Text::new("description", 10_000);
/// Its objective (`varchar(100)`).
const OBJECTIVE: Text = Text::new("objective", 100);
/// The largest budget `numeric(12,2)` holds.
const MAX_BUDGET: Decimal = Decimal::from_parts(3_567_587_327, 232, 0, false, 2); // 9_999_999_999.99

/// A new campaign (`DRAFT`).
#[derive(InputObject)]
pub struct CreateCampaignInput {
    /// Name, 1–255 characters.
    pub name: String,
    /// What it is about (at most 10,000 characters).
    pub description: Option<String>,
    /// Its objective, at most 100 characters.
    pub objective: Option<String>,
    /// The first day.
    pub start_date: Option<NaiveDate>,
    /// The last day, on or after `startDate`.
    pub end_date: Option<NaiveDate>,
    /// The budget: at least 0, at most two decimals (give `budgetCurrency` with it).
    pub budget_amount: Option<DecimalValue>,
    /// The budget's currency: an ISO 4217 code, three uppercase letters (`USD`).
    pub budget_currency: Option<String>,
    /// The strategy it serves (of the tenant).
    pub strategy_id: Option<ID>,
    /// The goal it serves (of the tenant).
    pub goal_id: Option<ID>,
    /// The activity that runs it (of the tenant).
    pub activity_id: Option<ID>,
}

/// Changes to a campaign; omitted fields keep their value.
#[derive(InputObject)]
pub struct UpdateCampaignInput {
    /// New name, 1–255 characters.
    pub name: Option<String>,
    /// New description (at most 10,000 characters).
    pub description: Option<String>,
    /// New objective, at most 100 characters.
    pub objective: Option<String>,
    /// New first day (the campaign must still end on or after it).
    pub start_date: Option<NaiveDate>,
    /// New last day.
    pub end_date: Option<NaiveDate>,
    /// New budget: at least 0, at most two decimals (the currency must be known: given here
    /// or already set).
    pub budget_amount: Option<DecimalValue>,
    /// New currency: an ISO 4217 code, three uppercase letters.
    pub budget_currency: Option<String>,
    /// Another strategy of the tenant.
    pub strategy_id: Option<ID>,
    /// Another goal of the tenant.
    pub goal_id: Option<ID>,
    /// Another activity of the tenant.
    pub activity_id: Option<ID>,
}

/// `BAD_USER_INPUT` on `endDate` unless the campaign ends on or after it starts.
fn check_dates(start: Option<NaiveDate>, end: Option<NaiveDate>) -> ApiResult<()> {
    if let (Some(start), Some(end)) = (start, end)
        && end < start
    {
        return Err(ApiError::bad_input(
            "endDate",
            "`endDate` must be on or after `startDate`",
        ));
    }
    Ok(())
}

/// A budget amount: at least 0, at most two decimals, within `numeric(12,2)`.
fn budget_amount(value: Decimal) -> ApiResult<Decimal> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(ApiError::bad_input(
            "budgetAmount",
            "`budgetAmount` must not be negative",
        ));
    }
    let value = value.normalize();
    if value.scale() > 2 {
        return Err(ApiError::bad_input(
            "budgetAmount",
            "`budgetAmount` has at most two decimals",
        ));
    }
    if value > MAX_BUDGET {
        return Err(ApiError::bad_input(
            "budgetAmount",
            "`budgetAmount` must be at most 9999999999.99",
        ));
    }
    Ok(value.abs())
}

/// A currency: three uppercase ASCII letters (ISO 4217 form).
fn currency(value: &str) -> ApiResult<String> {
    let value = value.trim();
    if value.len() != 3 || !value.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(ApiError::bad_input(
            "budgetCurrency",
            "`budgetCurrency` must be an ISO 4217 code of three uppercase letters (`USD`)",
        ));
    }
    Ok(value.to_owned())
}

/// The campaign part of the campaigns `Mutation`.
#[derive(Default)]
pub struct CampaignMutation;

/// Changes to campaigns.
#[Object]
impl CampaignMutation {
    /// Creates a `DRAFT` campaign (members and agents' write keys). The strategy, goal and
    /// activity must be the tenant's (`BAD_USER_INPUT` on the field otherwise).
    #[tracing::instrument(skip_all)]
    async fn create_campaign(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The campaign's details.")] input: CreateCampaignInput,
    ) -> Result<Campaign> {
        let session = access::write(ctx, MEMBERS)?;
        let name = NAME.required(&input.name)?;
        let description = DESCRIPTION.optional(input.description.as_deref())?;
        let objective = OBJECTIVE.optional(input.objective.as_deref())?;
        check_dates(input.start_date, input.end_date)?;
        let amount = input
            .budget_amount
            .map(|amount| budget_amount(amount.0))
            .transpose()?;
        let currency = input.budget_currency.as_deref().map(currency).transpose()?;
        if amount.is_some() && currency.is_none() {
            return Err(ApiError::bad_input(
                "budgetCurrency",
                "give `budgetCurrency` with `budgetAmount`",
            )
            .into());
        }
        let tx = access::begin(ctx, session).await?;
        let strategy_id = referenced_id::<strategies::Entity>(
            &tx,
            "strategyId",
            "strategy",
            input.strategy_id.as_ref(),
        )
        .await?;
        let goal_id =
            referenced_id::<goals::Entity>(&tx, "goalId", "goal", input.goal_id.as_ref()).await?;
        let activity_id = referenced_id::<activities::Entity>(
            &tx,
            "activityId",
            "activity",
            input.activity_id.as_ref(),
        )
        .await?;
        let row = tx
            .insert(campaigns::ActiveModel {
                id: Set(Uuid::new_v4()),
                name: Set(name),
                description: Set(description),
                objective: Set(objective),
                status: Set(db::CampaignStatus::Draft),
                start_date: Set(input.start_date),
                end_date: Set(input.end_date),
                budget_amount: Set(amount),
                budget_currency: Set(currency),
                strategy_id: Set(strategy_id),
                goal_id: Set(goal_id),
                activity_id: Set(activity_id),
                ..Default::default()
            })
            .await?;
        tx.commit().await?;
        Ok(Campaign::from(row))
    }

    /// Changes a campaign (members and agents' write keys); a deleted one is `NOT_FOUND`.
    #[tracing::instrument(skip_all)]
    async fn update_campaign(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The campaign's id.")] id: ID,
        #[graphql(desc = "What to change.")] input: UpdateCampaignInput,
    ) -> Result<Campaign> {
        let session = access::write(ctx, MEMBERS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let name = input
            .name
            .as_deref()
            .map(|name| NAME.required(name))
            .transpose()?;
        let description = input
            .description
            .as_deref()
            .map(|text| DESCRIPTION.optional(Some(text)))
            .transpose()?;
        let objective = input
            .objective
            .as_deref()
            .map(|text| OBJECTIVE.optional(Some(text)))
            .transpose()?;
        let amount = input
            .budget_amount
            .map(|amount| budget_amount(amount.0))
            .transpose()?;
        let currency = input.budget_currency.as_deref().map(currency).transpose()?;
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<campaigns::Entity>("campaign", &ref_id, false)
            .await?;
        check_dates(
            input.start_date.or(row.start_date),
            input.end_date.or(row.end_date),
        )?;
        if amount.is_some() && currency.is_none() && row.budget_currency.is_none() {
            return Err(ApiError::bad_input(
                "budgetCurrency",
                "give `budgetCurrency` with `budgetAmount`",
            )
            .into());
        }
        let strategy_id = referenced_id::<strategies::Entity>(
            &tx,
            "strategyId",
            "strategy",
            input.strategy_id.as_ref(),
        )
        .await?;
        let goal_id =
            referenced_id::<goals::Entity>(&tx, "goalId", "goal", input.goal_id.as_ref()).await?;
        let activity_id = referenced_id::<activities::Entity>(
            &tx,
            "activityId",
            "activity",
            input.activity_id.as_ref(),
        )
        .await?;
        let changes = campaigns::ActiveModel {
            name: name.map_or(NotSet, Set),
            description: description.map_or(NotSet, Set),
            objective: objective.map_or(NotSet, Set),
            start_date: input.start_date.map_or(NotSet, |day| Set(Some(day))),
            end_date: input.end_date.map_or(NotSet, |day| Set(Some(day))),
            budget_amount: amount.map_or(NotSet, |amount| Set(Some(amount))),
            budget_currency: currency.map_or(NotSet, |currency| Set(Some(currency))),
            strategy_id: strategy_id.map_or(NotSet, |id| Set(Some(id))),
            goal_id: goal_id.map_or(NotSet, |id| Set(Some(id))),
            activity_id: activity_id.map_or(NotSet, |id| Set(Some(id))),
            ..Default::default()
        };
        let row = tx.update_by_id("campaign", row.id, changes).await?;
        tx.commit().await?;
        Ok(Campaign::from(row))
    }

    /// Moves a campaign along its workflow (members and agents' write keys): `DRAFT` →
    /// `ACTIVE` | `ARCHIVED`; `ACTIVE` → `PAUSED` | `COMPLETED`; `PAUSED` → `ACTIVE` |
    /// `COMPLETED` | `ARCHIVED`; `COMPLETED` → `ARCHIVED`. Any other move is a `CONFLICT`.
    #[tracing::instrument(skip_all)]
    async fn change_campaign_status(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The campaign's id.")] id: ID,
        #[graphql(desc = "The status to move to.")] status: CampaignStatus,
    ) -> Result<Campaign> {
        let session = access::write(ctx, MEMBERS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let target = db::CampaignStatus::from(status);
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<campaigns::Entity>("campaign", &ref_id, false)
            .await?;
        transition(&row.status, &target)?;
        let changes = campaigns::ActiveModel {
            status: Set(target),
            ..Default::default()
        };
        let row = tx.update_by_id("campaign", row.id, changes).await?;
        tx.commit().await?;
        Ok(Campaign::from(row))
    }

    /// Deletes a campaign (admins only; soft delete): it leaves the lists; its reports keep
    /// pointing at it. Returns the deleted campaign's id.
    #[tracing::instrument(skip_all)]
    async fn delete_campaign(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The campaign's id.")] id: ID,
    ) -> Result<ID> {
        let session = access::write(ctx, ADMINS)?;
        let ref_id = parse_ref_id("id", &id)?.into_string();
        let tx = access::begin(ctx, session).await?;
        let row = tx
            .lock_by_ref::<campaigns::Entity>("campaign", &ref_id, false)
            .await?;
        tx.soft_delete::<campaigns::Entity, _>(
            "campaign",
            row.id,
            campaigns::ActiveModel::default(),
        )
        .await?;
        tx.commit().await?;
        Ok(ID(row.ref_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap_or_default()
    }

    #[test]
    fn budgets_are_non_negative_with_two_decimals_at_most() {
        assert_eq!(budget_amount(dec("1500.50")).ok(), Some(dec("1500.5")));
        assert_eq!(budget_amount(dec("0")).ok(), Some(dec("0")));
        assert!(budget_amount(dec("-1")).is_err());
        assert!(budget_amount(dec("1.005")).is_err());
        assert!(budget_amount(dec("9999999999.99")).is_ok());
        assert!(budget_amount(dec("10000000000")).is_err());
    }

    #[test]
    fn currencies_are_three_uppercase_letters() {
        assert!(currency("USD").is_ok());
        for bad in ["usd", "US", "USDT", "U$D", ""] {
            assert!(currency(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_campaign_ends_on_or_after_it_starts() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d);
        assert!(check_dates(day(1), day(31)).is_ok());
        assert!(check_dates(day(2), day(1)).is_err());
        assert!(check_dates(None, day(1)).is_ok());
    }
}
