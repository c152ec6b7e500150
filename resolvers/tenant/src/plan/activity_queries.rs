//! `ActivityQuery`: reading activities — one by id, filtered lists, the human and agent work
//! queues — and their runs, and the federation look-ups of `Activity` and `ActivityRun`.

use crate::plan::activity_type::{Activity, ActivityConnection};
use crate::plan::enums::{ActivityStatus, ActivityType, AssigneeType};
use crate::plan::lookup::lookup;
use crate::plan::run_type::ActivityRun;
use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::NaiveDate;
use entities::sea_orm_active_enums as db;
use entities::tenant_scoped::TenantScoped;
use entities::{activities, activity_runs, deliverable_periods, goals, users};
use graph_core::access;
use graph_core::context::Principal;
use graph_core::db::{Scoped, TenantTx};
use graph_core::error::{ApiError, ApiResult};
use graph_core::ids::parse_ref_id;
use graph_core::pagination::{PageArgs, list};
use sea_orm::ColumnTrait;
use sea_orm::sea_query::{Expr, NullOrdering, Order, SimpleExpr, SubQueryStatement};
use std::sync::LazyLock;

/// Which activities to list; every given criterion must hold.
#[derive(InputObject, Default, Debug)]
pub struct ActivityFilter {
    /// Only activities in one of these statuses.
    pub status: Option<Vec<ActivityStatus>>,
    /// Only activities of this kind.
    pub r#type: Option<ActivityType>,
    /// Only activities done by agents, or only by people.
    pub assignee_type: Option<AssigneeType>,
    /// Only activities assigned to this user.
    pub assignee_user_id: Option<ID>,
    /// Only activities assigned to this agent role (`copywriter`, …).
    pub assignee_agent_role: Option<String>,
    /// Only activities advancing this goal.
    pub goal_id: Option<ID>,
    /// Only activities of this deliverable period.
    pub deliverable_period_id: Option<ID>,
    /// Only sub-activities of this activity.
    pub parent_id: Option<ID>,
    /// Only activities that are not sub-activities.
    pub top_level_only: Option<bool>,
    /// Only activities due on or before this day.
    pub due_before: Option<NaiveDate>,
    /// Only activities due on or after this day.
    pub due_after: Option<NaiveDate>,
}

/// `column = (SELECT id FROM E WHERE ref_id = <id>)`, scoped to the tenant: a filter by a
/// public id (`field`, for errors) in the same statement as the query it filters; an unknown id
/// (or another tenant's) matches nothing.
fn refers_to<E: TenantScoped>(
    tx: &TenantTx,
    column: activities::Column,
    field: &str,
    id: &ID,
) -> ApiResult<SimpleExpr> {
    let ref_id = parse_ref_id(field, id)?;
    let id = tx
        .select_with_deleted::<E>(true)
        .filter(E::ref_id_column().eq(ref_id))
        .column_subquery(E::id_column());
    // `= (SELECT …)` rather than `IN (SELECT …)`: public ids are unique, and a scalar subquery
    // is computed first, so the planner can walk an index on `column` in list order.
    Ok(sea_orm::sea_query::ExprTrait::eq(
        Expr::col(column),
        Expr::SubQuery(None, Box::new(SubQueryStatement::SelectStatement(id))),
    ))
}

/// What puts an activity in a person's queue. Literals, not bound values, so that the planner
/// can match the partial index `idx_activities_human_queue` in generic plans too.
static HUMAN_QUEUE: LazyLock<SimpleExpr> = LazyLock::new(|| {
    Expr::cust(
        "activities.assignee_type = 'human' AND activities.status IN ('created', 'awaiting_approval')",
    )
});

/// What puts an activity in an agent role's queue (literals, for `idx_activities_agent_queue`).
static AGENT_QUEUE: LazyLock<SimpleExpr> =
    LazyLock::new(|| Expr::cust("assignee_type = 'agent' AND status IN ('created', 'assigned')"));

/// Length of a work queue when the client does not say (capped by the page size limit).
const QUEUE_DEFAULT: u32 = 50;

/// The length of a work queue: `first` (not negative, at most `max`), or the default.
/// The order of both work queues after their own first key: most urgent, then earliest due
/// (undated last), then oldest.
fn urgent_first(queue: Scoped<activities::Entity>) -> Scoped<activities::Entity> {
    use activities::Column as A;
    queue
        .order_by_desc(A::Priority)
        .order_by_with_nulls(A::DueDate, Order::Asc, NullOrdering::Last)
        .order_by_asc(A::RefId)
}

fn queue_size(first: Option<i32>, max: u32) -> ApiResult<u64> {
    let Some(first) = first else {
        return Ok(u64::from(QUEUE_DEFAULT.min(max)));
    };
    let size = u32::try_from(first)
        .map_err(|_| ApiError::bad_input("first", "`first` must not be negative"))?;
    if size > max {
        return Err(ApiError::bad_input(
            "first",
            format!("`first` must be at most {max}"),
        ));
    }
    Ok(u64::from(size))
}

/// The activities `filter` selects (cancelled ones only when `include_cancelled`), in one
/// statement.
fn filtered_activities(
    tx: &TenantTx,
    filter: ActivityFilter,
    include_cancelled: bool,
) -> ApiResult<Scoped<activities::Entity>> {
    use activities::Column as A;
    let mut select = tx.select_with_deleted::<activities::Entity>(include_cancelled);
    if let Some(statuses) = filter.status {
        select = select.filter(A::Status.is_in(statuses.into_iter().map(db::ActivityStatus::from)));
    }
    if let Some(kind) = filter.r#type {
        select = select.filter(A::Type.eq(db::ActivityType::from(kind)));
    }
    if let Some(assignee_type) = filter.assignee_type {
        select = select.filter(A::AssigneeType.eq(db::AssigneeType::from(assignee_type)));
    }
    if let Some(role) = filter.assignee_agent_role {
        select = select.filter(A::AssigneeAgentRole.eq(role.trim().to_owned()));
    }
    if let Some(id) = &filter.assignee_user_id {
        select = select.filter(refers_to::<users::Entity>(
            tx,
            A::AssigneeUserId,
            "assigneeUserId",
            id,
        )?);
    }
    if let Some(id) = &filter.goal_id {
        select = select.filter(refers_to::<goals::Entity>(tx, A::GoalId, "goalId", id)?);
    }
    if let Some(id) = &filter.deliverable_period_id {
        select = select.filter(refers_to::<deliverable_periods::Entity>(
            tx,
            A::DeliverablePeriodId,
            "deliverablePeriodId",
            id,
        )?);
    }
    if let Some(id) = &filter.parent_id {
        select = select.filter(refers_to::<activities::Entity>(
            tx,
            A::ParentActivityId,
            "parentId",
            id,
        )?);
    }
    if filter.top_level_only == Some(true) {
        select = select.filter(A::ParentActivityId.is_null());
    }
    if let Some(day) = filter.due_before {
        select = select.filter(A::DueDate.lte(day));
    }
    if let Some(day) = filter.due_after {
        select = select.filter(A::DueDate.gte(day));
    }
    Ok(select)
}

/// The activity part of the plan's `Query` (activities and their runs).
#[derive(Default)]
pub struct ActivityQuery;

/// Reads of activities, work queues and runs.
#[Object]
impl ActivityQuery {
    /// One activity by id; null when there is none. Cancelled activities are returned to
    /// admins only.
    async fn activity(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The activity's id.")] id: ID,
    ) -> Result<Option<Activity>> {
        Ok(lookup::<activities::Entity>(ctx, &id, false)
            .await?
            .map(Activity::from))
    }

    /// Activities matching `filter`, oldest first, as a Relay connection. Cancelled activities
    /// are hidden unless an admin asks for them with `includeCancelled`.
    #[allow(clippy::too_many_arguments)]
    async fn activities(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which activities; every given criterion must hold.")] filter: Option<
            ActivityFilter,
        >,
        #[graphql(
            default = false,
            desc = "Include cancelled activities (admins only; anyone else gets FORBIDDEN)."
        )]
        include_cancelled: bool,
        #[graphql(desc = "Return at most this many from the start (after `after`).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return activities after this one.")] after: Option<String>,
        #[graphql(desc = "Return at most this many from the end (before `before`).")] last: Option<
            i32,
        >,
        #[graphql(desc = "Cursor: return activities before this one.")] before: Option<String>,
    ) -> Result<ActivityConnection> {
        let session = access::read(ctx)?;
        if include_cancelled && !session.is_admin() {
            return Err(ApiError::Forbidden(
                "only admins may list cancelled activities".to_owned(),
            )
            .into());
        }
        let args = PageArgs::new(after, before, first, last);
        let filter = filter.unwrap_or_default();
        let activities = list(
            ctx,
            session,
            args,
            |tx| filtered_activities(tx, filter, include_cancelled),
            Activity::from,
        )
        .await?;
        Ok(activities)
    }

    /// A person's pending work (the DM portal inbox): their activities that are `CREATED` or
    /// `AWAITING_APPROVAL`, approval gates first, then most urgent, then earliest due.
    async fn human_activity_queue(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Whose queue (default: the signed-in user; required for API keys).")]
        user_id: Option<ID>,
        #[graphql(desc = "How many activities at most (default 50, at most the page size limit).")]
        first: Option<i32>,
    ) -> Result<Vec<Activity>> {
        use activities::Column as A;
        let session = access::read(ctx)?;
        let limit = queue_size(first, access::services(ctx)?.max_page_size)?;
        let tx = access::begin(ctx, session).await?;
        let assignee = match (&user_id, &session.principal) {
            (Some(id), _) => refers_to::<users::Entity>(&tx, A::AssigneeUserId, "userId", id)?,
            (None, Principal::User { id, .. }) if session.operator.is_none() => {
                A::AssigneeUserId.eq(*id)
            }
            (None, _) => {
                return Err(ApiError::bad_input(
                    "userId",
                    "give `userId`: this caller is not a user of the tenant",
                )
                .into());
            }
        };
        let queue = tx
            .select::<activities::Entity>()
            .filter(HUMAN_QUEUE.clone())
            .filter(assignee)
            .order_by_desc(A::IsApprovalGate);
        let rows = urgent_first(queue).limit(limit).all(&tx).await?;
        tx.commit().await?;
        Ok(rows.into_iter().map(Activity::from).collect())
    }

    /// An agent role's pending work: activities assigned to `role` that are `CREATED` or
    /// `ASSIGNED`, most urgent first, then earliest due, then oldest.
    async fn agent_activity_queue(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The agent role (`copywriter`, `seo_specialist`, …).")] role: String,
        #[graphql(desc = "How many activities at most (default 50, at most the page size limit).")]
        first: Option<i32>,
    ) -> Result<Vec<Activity>> {
        use activities::Column as A;
        let session = access::read(ctx)?;
        let limit = queue_size(first, access::services(ctx)?.max_page_size)?;
        let tx = access::begin(ctx, session).await?;
        let queue = tx
            .select::<activities::Entity>()
            .filter(AGENT_QUEUE.clone())
            .filter(A::AssigneeAgentRole.eq(role.trim().to_owned()));
        let rows = urgent_first(queue).limit(limit).all(&tx).await?;
        tx.commit().await?;
        Ok(rows.into_iter().map(Activity::from).collect())
    }

    /// One activity run by id; null when there is none.
    async fn activity_run(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The run's id.")] id: ID,
    ) -> Result<Option<ActivityRun>> {
        Ok(lookup::<activity_runs::Entity>(ctx, &id, false)
            .await?
            .map(ActivityRun::from))
    }

    /// Federation: an activity of the caller's tenant; null for unknown ids.
    #[graphql(entity)]
    async fn find_activity_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<Option<Activity>> {
        Ok(lookup::<activities::Entity>(ctx, &id, true)
            .await?
            .map(Activity::from))
    }

    /// Federation: an activity run of the caller's tenant; null for unknown ids.
    #[graphql(entity)]
    async fn find_activity_run_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<Option<ActivityRun>> {
        Ok(lookup::<activity_runs::Entity>(ctx, &id, true)
            .await?
            .map(ActivityRun::from))
    }
}
