//! `DeliverableQuery`: deliverables and their periods — one by id, this period's list — and the
//! federation look-ups of `Deliverable` and `DeliverablePeriod`.

use crate::plan::deliverable_type::Deliverable;
use crate::plan::enums::DeliverablePeriodStatus;
use crate::plan::lookup::lookup;
use crate::plan::period_type::{DeliverablePeriod, DeliverablePeriodConnection};
use async_graphql::{Context, ID, Object, Result};
use chrono::NaiveDate;
use entities::sea_orm_active_enums as db;
use entities::{deliverable_periods, deliverables};
use graph_core::access;
use graph_core::pagination::{PageArgs, list};
use sea_orm::ColumnTrait;
use sea_orm::sea_query::{Expr, SimpleExpr};

/// `ref_id = ANY(<each deliverable's latest period starting on or before day>)` (an array of
/// public ids, so the (tenant_id, ref_id) index finds exactly those periods): with the period's
/// end checked too, the periods containing `day`. Periods of a deliverable never overlap, so this
/// is the same set as `period_start <= day AND period_end >= day`, found by one backward step of
/// the (tenant, deliverable, start) index per deliverable instead of reading every earlier (or
/// later) period of the tenant's history.
fn latest_period_started_by(tenant: uuid::Uuid, day: NaiveDate) -> SimpleExpr {
    Expr::cust_with_values(
        "deliverable_periods.ref_id = ANY(ARRAY(
           SELECT (SELECT p.ref_id FROM deliverable_periods p
                   WHERE p.tenant_id = d.tenant_id AND p.deliverable_id = d.id AND p.period_start <= $1
                   ORDER BY p.period_start DESC LIMIT 1)
           FROM deliverables d WHERE d.tenant_id = $2))",
        [sea_orm::Value::from(day), sea_orm::Value::from(tenant)],
    )
}

/// The deliverable part of the plan's `Query` (deliverables and their periods).
#[derive(Default)]
pub struct DeliverableQuery;

/// Reads of deliverables and their periods.
#[Object]
impl DeliverableQuery {
    /// One deliverable by id; null when there is none. Deleted deliverables are returned to
    /// admins only.
    async fn deliverable(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The deliverable's id.")] id: ID,
    ) -> Result<Option<Deliverable>> {
        Ok(lookup::<deliverables::Entity>(ctx, &id, false)
            .await?
            .map(Deliverable::from))
    }

    /// One deliverable period by id; null when there is none.
    async fn deliverable_period(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The period's id.")] id: ID,
    ) -> Result<Option<DeliverablePeriod>> {
        Ok(lookup::<deliverable_periods::Entity>(ctx, &id, false)
            .await?
            .map(DeliverablePeriod::from))
    }

    /// Deliverable periods, oldest first, as a Relay connection — by default those containing
    /// today (this month's or quarter's work).
    #[allow(clippy::too_many_arguments)]
    async fn deliverable_periods(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only periods containing this day (default: today).")] containing: Option<
            NaiveDate,
        >,
        #[graphql(desc = "Only periods in this status.")] status: Option<DeliverablePeriodStatus>,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return periods after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return periods before this one.")] before: Option<String>,
    ) -> Result<DeliverablePeriodConnection> {
        use deliverable_periods::Column as P;
        let session = access::read(ctx)?;
        let day = containing.unwrap_or_else(|| chrono::Utc::now().date_naive());
        let args = PageArgs::new(after, before, first, last);
        let periods = list(
            ctx,
            session,
            args,
            |tx| {
                let mut select = tx
                    .select::<deliverable_periods::Entity>()
                    .filter(latest_period_started_by(tx.tenant().uuid(), day))
                    .filter(P::PeriodEnd.gte(day));
                if let Some(status) = status {
                    select = select.filter(P::Status.eq(db::DeliverablePeriodStatus::from(status)));
                }
                Ok(select)
            },
            DeliverablePeriod::from,
        )
        .await?;
        Ok(periods)
    }

    /// Federation: a deliverable of the caller's tenant; null for unknown ids.
    #[graphql(entity)]
    async fn find_deliverable_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<Option<Deliverable>> {
        Ok(lookup::<deliverables::Entity>(ctx, &id, true)
            .await?
            .map(Deliverable::from))
    }

    /// Federation: a deliverable period of the caller's tenant; null for unknown ids.
    #[graphql(entity)]
    async fn find_deliverable_period_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<Option<DeliverablePeriod>> {
        Ok(lookup::<deliverable_periods::Entity>(ctx, &id, true)
            .await?
            .map(DeliverablePeriod::from))
    }
}
