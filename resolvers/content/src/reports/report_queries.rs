//! `ReportQuery`: the tenant's reports — the filtered list (newest period first, keyset-paged),
//! one by id — and the federation look-up of `Report`.

use crate::reports::enums::{ReportStatus, ReportType};
use crate::reports::report_type::{Report, ReportConnection};
use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::NaiveDate;
use entities::sea_orm_active_enums as db;
use entities::{campaigns, deliverable_periods, reports};
use graph_core::access;
use graph_core::db::{Scoped, TenantTx, refers_to};
use graph_core::error::{ApiError, ApiResult};
use graph_core::loaders::lookup;
use graph_core::pagination::{Page, PageArgs, PageInfo, PageWindow};
use sea_orm::ColumnTrait;
use sea_orm::sea_query::{Expr, ExprTrait, SimpleExpr, SubQueryStatement};

/// Which reports to list; every given criterion must hold.
#[derive(InputObject, Default, Debug)]
pub struct ReportFilter {
    /// Only reports in this status.
    pub status: Option<ReportStatus>,
    /// Only reports of this kind.
    pub r#type: Option<ReportType>,
    /// Only reports of this campaign.
    pub campaign_id: Option<ID>,
    /// Only reports of this deliverable period.
    pub deliverable_period_id: Option<ID>,
    /// Only reports whose period ends on or after this day (with `periodTo`: whose period
    /// overlaps `periodFrom`..`periodTo`).
    pub period_from: Option<NaiveDate>,
    /// Only reports whose period starts on or before this day.
    pub period_to: Option<NaiveDate>,
}

/// The filtered, scoped query of reports.
fn filtered(tx: &TenantTx, filter: &ReportFilter) -> ApiResult<Scoped<reports::Entity>> {
    use reports::Column as C;
    if let (Some(from), Some(to)) = (filter.period_from, filter.period_to)
        && to < from
    {
        return Err(ApiError::bad_input(
            "periodTo",
            "`periodTo` must be on or after `periodFrom`",
        ));
    }
    let mut select = tx.select::<reports::Entity>();
    if let Some(status) = filter.status {
        select = select.filter(C::Status.eq(db::ReportStatus::from(status)));
    }
    if let Some(kind) = filter.r#type {
        select = select.filter(C::Type.eq(db::ReportType::from(kind)));
    }
    if let Some(id) = &filter.campaign_id {
        select = select.filter(refers_to::<campaigns::Entity>(
            tx,
            (reports::Entity, C::CampaignId),
            "campaignId",
            id,
        )?);
    }
    if let Some(id) = &filter.deliverable_period_id {
        select = select.filter(refers_to::<deliverable_periods::Entity>(
            tx,
            (reports::Entity, C::DeliverablePeriodId),
            "deliverablePeriodId",
            id,
        )?);
    }
    if let Some(from) = filter.period_from {
        select = select.filter(C::PeriodEnd.gte(from));
    }
    if let Some(to) = filter.period_to {
        select = select.filter(C::PeriodStart.lte(to));
    }
    Ok(select)
}

/// `(period_start, ref_id) < / > (<the cursor's period_start>, <cursor>)`: the keyset of the
/// list's order (newest period first). The cursor is a report's id and its period is read in
/// the same statement; an unknown id (or another tenant's) matches nothing.
fn beyond(tx: &TenantTx, cursor: &str, after: bool) -> SimpleExpr {
    use reports::Column as C;
    let start = tx
        .select_with_deleted::<reports::Entity>(true)
        .filter(C::RefId.eq(cursor))
        .column_subquery(C::PeriodStart);
    let key = Expr::tuple([
        Expr::col((reports::Entity, C::PeriodStart)),
        Expr::col((reports::Entity, C::RefId)),
    ]);
    let at = Expr::tuple([
        Expr::SubQuery(None, Box::new(SubQueryStatement::SelectStatement(start))),
        Expr::val(cursor.to_owned()),
    ]);
    // Newest first: "after" the cursor is smaller.
    if after { key.lt(at) } else { key.gt(at) }
}

/// One page of `select`, newest period first (then newest id), by keyset on
/// `(period_start, ref_id)`.
async fn page(
    tx: &TenantTx,
    select: Scoped<reports::Entity>,
    window: PageWindow,
) -> ApiResult<Page<Report>> {
    use reports::Column as C;
    let mut query = select;
    if let Some(after) = window.after() {
        query = query.filter(beyond(tx, after, true));
    }
    if let Some(before) = window.before() {
        query = query.filter(beyond(tx, before, false));
    }
    let forward = window.forward();
    query = if forward {
        query.order_by_desc(C::PeriodStart).order_by_desc(C::RefId)
    } else {
        query.order_by_asc(C::PeriodStart).order_by_asc(C::RefId)
    };
    let limit = window.limit();
    let mut rows = query.limit(limit + 1).all(tx).await?;
    let has_more = rows.len() as u64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    if !forward {
        rows.reverse();
    }
    let (has_previous_page, has_next_page) = if forward {
        (window.after().is_some(), has_more)
    } else {
        (has_more, window.before().is_some())
    };
    let items: Vec<(String, Report)> = rows
        .into_iter()
        .map(|row| (row.ref_id.clone(), Report::from(row)))
        .collect();
    Ok(Page {
        page_info: PageInfo {
            has_previous_page,
            has_next_page,
            start_cursor: items.first().map(|(cursor, _)| cursor.clone()),
            end_cursor: items.last().map(|(cursor, _)| cursor.clone()),
        },
        items,
    })
}

/// The report part of the reports `Query`.
#[derive(Default)]
pub struct ReportQuery;

/// Reads of reports.
#[Object]
impl ReportQuery {
    /// The tenant's reports, newest period first (then newest first), as a Relay connection
    /// (deleted ones hidden). Cursors are report ids.
    async fn reports(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only reports matching this.")] filter: Option<ReportFilter>,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return reports after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return reports before this one.")] before: Option<String>,
    ) -> Result<ReportConnection> {
        let session = access::read(ctx)?;
        let window = PageArgs::new(after, before, first, last)
            .window(access::services(ctx)?.max_page_size)?;
        let filter = filter.unwrap_or_default();
        let tx = access::begin(ctx, session).await?;
        let select = filtered(&tx, &filter)?;
        let page = page(&tx, select, window).await?;
        tx.commit().await?;
        Ok(page.into())
    }

    /// One report by id; null when there is none. Deleted reports are returned to admins only.
    async fn report(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The report's id.")] id: ID,
    ) -> Result<Option<Report>> {
        Ok(lookup::<reports::Entity>(ctx, &id, false)
            .await?
            .map(Report::from))
    }

    /// Federation: a report of the caller's tenant; null for unknown ids.
    #[graphql(entity)]
    async fn find_report_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Report>> {
        Ok(lookup::<reports::Entity>(ctx, &id, true)
            .await?
            .map(Report::from))
    }
}
