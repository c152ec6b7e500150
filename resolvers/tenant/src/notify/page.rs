//! Newest-first pages of the notification lists: keyset pagination on `(created_on, ref_id)`
//! descending — the order of the lists' indexes (`notifications_user_unread_idx`,
//! `notification_dispatch_tenant_idx`) — with the public id of the last row seen as the cursor.
//! Never `OFFSET`; the page size is bounded by the server's limit.

use async_graphql::Context;
use entities::tenant_scoped::TenantScoped;
use graph_core::access;
use graph_core::db::{Scoped, TenantTx};
use graph_core::error::{ApiError, ApiResult};
use graph_core::ids::parse_ref_id;
use graph_core::pagination::{DEFAULT_PAGE_SIZE, Page, PageInfo};
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, ModelTrait};

/// Checked `first` / `after` arguments of a newest-first list.
#[derive(Debug, Clone)]
pub(crate) struct NewestFirst {
    after: Option<String>,
    limit: u64,
}

impl NewestFirst {
    /// Checks `first` (not negative, at most the page size limit; default 20) and `after` (a
    /// public id): a clear `BAD_USER_INPUT` before any database work.
    pub(crate) fn new(
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Self> {
        let max = access::services(ctx)?.max_page_size;
        let limit = match first {
            None => DEFAULT_PAGE_SIZE.min(max),
            Some(first) => {
                let size = u32::try_from(first)
                    .map_err(|_| ApiError::bad_input("first", "`first` must not be negative"))?;
                if size > max {
                    return Err(ApiError::bad_input(
                        "first",
                        format!("`first` must be at most {max}"),
                    ));
                }
                size
            }
        };
        let after = after
            .as_deref()
            .map(|cursor| parse_ref_id("after", cursor))
            .transpose()?
            .map(|id| id.into_string());
        Ok(Self {
            after,
            limit: u64::from(limit),
        })
    }
}

/// One page of `select` (scoped and filtered), newest first by `created_on` then `ref_id`.
/// The cursor row is looked up in `cursor_scope` (the rows the caller may see, without the
/// list's filters, so a cursor stays valid when its row stops matching a filter — a
/// notification marked read); a cursor that is not such a row is `BAD_USER_INPUT`.
pub(crate) async fn newest_first<E, T>(
    tx: &TenantTx,
    select: Scoped<E>,
    cursor_scope: Scoped<E>,
    created_on: E::Column,
    window: NewestFirst,
    node: impl Fn(E::Model) -> T,
) -> ApiResult<Page<T>>
where
    E: TenantScoped,
{
    let ref_id = E::ref_id_column();
    let mut select = select;
    if let Some(after) = &window.after {
        let cursor = cursor_scope
            .filter(ref_id.eq(after.as_str()))
            .one(tx)
            .await?
            .ok_or_else(|| ApiError::bad_input("after", "`after` is not a cursor of this list"))?;
        let at = cursor.get(created_on);
        select = select.filter(
            Condition::any().add(created_on.lt(at.clone())).add(
                Condition::all()
                    .add(created_on.eq(at))
                    .add(ref_id.lt(after.as_str())),
            ),
        );
    }
    let mut rows = select
        .order_by_desc(created_on)
        .order_by_desc(ref_id)
        .limit(window.limit + 1)
        .all(tx)
        .await?;
    let has_next = rows.len() as u64 > window.limit;
    rows.truncate(usize::try_from(window.limit).unwrap_or(usize::MAX));
    let mut items = Vec::with_capacity(rows.len());
    for row in rows {
        let cursor = <String as sea_orm::sea_query::ValueType>::try_from(row.get(ref_id))
            .map_err(ApiError::internal)?;
        items.push((cursor, node(row)));
    }
    Ok(Page {
        page_info: PageInfo {
            has_previous_page: window.after.is_some(),
            has_next_page: has_next,
            start_cursor: items.first().map(|(cursor, _)| cursor.clone()),
            end_cursor: items.last().map(|(cursor, _)| cursor.clone()),
        },
        items,
    })
}
