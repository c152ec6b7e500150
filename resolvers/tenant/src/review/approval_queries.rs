//! `ApprovalQuery`: reading approvals — the pending queue (soonest to expire first), the
//! filtered list, one by id — and the federation look-up of `Approval`.

use crate::plan::lookup::lookup;
use crate::review::approval_type::{Approval, ApprovalConnection};
use crate::review::enums::{ApprovalRiskLevel, ApprovalStatus, ApprovalType};
use async_graphql::{Context, ID, InputObject, Object, Result};
use entities::sea_orm_active_enums as db;
use entities::{activities, approvals, users};
use graph_core::access;
use graph_core::db::{Scoped, TenantTx, refers_to};
use graph_core::error::ApiResult;
use graph_core::pagination::{Page, PageArgs, PageInfo, PageWindow, list};
use sea_orm::ColumnTrait;
use sea_orm::sea_query::{Expr, ExprTrait, SimpleExpr, SubQueryStatement};
use std::sync::LazyLock;

/// Which pending approvals the queue shows; every given criterion must hold.
#[derive(InputObject, Default, Debug)]
pub struct ApprovalQueueFilter {
    /// Only approvals of this kind.
    pub r#type: Option<ApprovalType>,
    /// Only approvals of this risk level.
    pub risk_level: Option<ApprovalRiskLevel>,
    /// Only approvals assigned to this reviewer.
    pub reviewer_id: Option<ID>,
    /// Only approvals of this activity.
    pub activity_id: Option<ID>,
}

/// Which approvals to list; every given criterion must hold.
#[derive(InputObject, Default, Debug)]
pub struct ApprovalFilter {
    /// Only approvals in one of these statuses.
    pub status: Option<Vec<ApprovalStatus>>,
    /// Only approvals of this kind.
    pub r#type: Option<ApprovalType>,
    /// Only approvals of this risk level.
    pub risk_level: Option<ApprovalRiskLevel>,
    /// Only approvals assigned to this reviewer.
    pub reviewer_id: Option<ID>,
    /// Only approvals of this activity.
    pub activity_id: Option<ID>,
}

/// What puts an approval in the queue. A literal, not a bound value, so that the planner can
/// match the partial index `idx_approvals_pending` in generic plans too.
static PENDING: LazyLock<SimpleExpr> = LazyLock::new(|| Expr::cust("approvals.status = 'pending'"));

/// The criteria both lists share: kind, risk level, reviewer, activity.
fn common_filters(
    tx: &TenantTx,
    mut select: Scoped<approvals::Entity>,
    kind: Option<ApprovalType>,
    risk_level: Option<ApprovalRiskLevel>,
    reviewer_id: Option<&ID>,
    activity_id: Option<&ID>,
) -> ApiResult<Scoped<approvals::Entity>> {
    use approvals::Column as C;
    if let Some(kind) = kind {
        select = select.filter(C::Type.eq(db::ApprovalType::from(kind)));
    }
    if let Some(level) = risk_level {
        select = select.filter(C::RiskLevel.eq(db::ApprovalRiskLevel::from(level)));
    }
    if let Some(id) = reviewer_id {
        select = select.filter(refers_to::<users::Entity>(
            tx,
            C::ReviewerId,
            "reviewerId",
            id,
        )?);
    }
    if let Some(id) = activity_id {
        select = select.filter(refers_to::<activities::Entity>(
            tx,
            C::ActivityId,
            "activityId",
            id,
        )?);
    }
    Ok(select)
}

/// `(expires_at, ref_id) > / < (<the cursor's expires_at>, <cursor>)`: the keyset of the queue's
/// order. The cursor is an approval's id and its expiry is read in the same statement, so a
/// cursor stays valid after its approval leaves the queue (its expiry never changes); an
/// unknown id (or another tenant's) matches nothing.
fn beyond(tx: &TenantTx, cursor: &str, after: bool) -> SimpleExpr {
    use approvals::Column as C;
    let expiry = tx
        .select::<approvals::Entity>()
        .filter(C::RefId.eq(cursor))
        .column_subquery(C::ExpiresAt);
    let key = Expr::tuple([
        Expr::col((approvals::Entity, C::ExpiresAt)),
        Expr::col((approvals::Entity, C::RefId)),
    ]);
    let at = Expr::tuple([
        Expr::SubQuery(None, Box::new(SubQueryStatement::SelectStatement(expiry))),
        Expr::val(cursor.to_owned()),
    ]);
    if after { key.gt(at) } else { key.lt(at) }
}

/// One page of the queue `select` (pending approvals, filtered), soonest to expire first (then
/// oldest), paged by keyset on `(expires_at, ref_id)`.
async fn queue_page(
    tx: &TenantTx,
    select: Scoped<approvals::Entity>,
    window: PageWindow,
) -> ApiResult<Page<Approval>> {
    use approvals::Column as C;
    let mut query = select;
    if let Some(after) = window.after() {
        query = query.filter(beyond(tx, after, true));
    }
    if let Some(before) = window.before() {
        query = query.filter(beyond(tx, before, false));
    }
    let forward = window.forward();
    query = if forward {
        query.order_by_asc(C::ExpiresAt).order_by_asc(C::RefId)
    } else {
        query.order_by_desc(C::ExpiresAt).order_by_desc(C::RefId)
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
    let items: Vec<(String, Approval)> = rows
        .into_iter()
        .map(|row| (row.ref_id.clone(), Approval::from(row)))
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

/// The approval part of `Query`.
#[derive(Default)]
pub struct ApprovalQuery;

/// Reads of approvals: the pending queue, the filtered list, one by id.
#[Object]
impl ApprovalQuery {
    /// The tenant's pending approvals (the DM portal's queue), soonest to expire first, as a
    /// Relay connection. Cursors are approval ids and stay valid when their approval leaves
    /// the queue. Approvals past `expiresAt` stay here until the expiry job marks them
    /// `EXPIRED`, but can no longer be resolved.
    async fn approval_queue(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which pending approvals; every given criterion must hold.")]
        filter: Option<ApprovalQueueFilter>,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return approvals after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return approvals before this one.")] before: Option<String>,
    ) -> Result<ApprovalConnection> {
        let session = access::read(ctx)?;
        let window = PageArgs::new(after, before, first, last)
            .window(access::services(ctx)?.max_page_size)?;
        let filter = filter.unwrap_or_default();
        let tx = access::begin(ctx, session).await?;
        let select = common_filters(
            &tx,
            tx.select::<approvals::Entity>().filter(PENDING.clone()),
            filter.r#type,
            filter.risk_level,
            filter.reviewer_id.as_ref(),
            filter.activity_id.as_ref(),
        )?;
        let page = queue_page(&tx, select, window).await?;
        tx.commit().await?;
        Ok(page.into())
    }

    /// Approvals matching `filter`, in any status, oldest first, as a Relay connection.
    async fn approvals(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which approvals; every given criterion must hold.")] filter: Option<
            ApprovalFilter,
        >,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return approvals after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return approvals before this one.")] before: Option<String>,
    ) -> Result<ApprovalConnection> {
        let session = access::read(ctx)?;
        let args = PageArgs::new(after, before, first, last);
        let filter = filter.unwrap_or_default();
        let approvals = list(
            ctx,
            session,
            args,
            |tx| {
                let mut select = tx.select::<approvals::Entity>();
                if let Some(statuses) = filter.status {
                    select = select.filter(
                        approvals::Column::Status
                            .is_in(statuses.into_iter().map(db::ApprovalStatus::from)),
                    );
                }
                common_filters(
                    tx,
                    select,
                    filter.r#type,
                    filter.risk_level,
                    filter.reviewer_id.as_ref(),
                    filter.activity_id.as_ref(),
                )
            },
            Approval::from,
        )
        .await?;
        Ok(approvals)
    }

    /// One approval by id; null when there is none.
    async fn approval(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The approval's id.")] id: ID,
    ) -> Result<Option<Approval>> {
        Ok(lookup::<approvals::Entity>(ctx, &id, false)
            .await?
            .map(Approval::from))
    }

    /// Federation: an approval of the caller's tenant; null for unknown ids.
    #[graphql(entity)]
    async fn find_approval_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Approval>> {
        Ok(lookup::<approvals::Entity>(ctx, &id, true)
            .await?
            .map(Approval::from))
    }
}
