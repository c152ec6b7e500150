//! Relay connections with cursor pagination on `ref_id` (a ULID: sorted by creation time), never
//! OFFSET. Page size is bounded; asking for more is a clear error rather than a silent cut.

use crate::access;
use crate::context::Session;
use crate::db::{Scoped, TenantTx};
use crate::error::{ApiError, ApiResult};
use crate::ids::{RefId, parse_ref_id};
use async_graphql::SimpleObject;
use entities::tenant_scoped::TenantScoped;
use sea_orm::{ColumnTrait, ModelTrait, QueryFilter, QueryOrder, QuerySelect};

/// Where a page sits in its list, and the cursors to move from it (Relay `PageInfo`).
#[derive(Debug, Clone, SimpleObject)]
#[graphql(shareable)]
pub struct PageInfo {
    /// Whether there are items before this page (when paginating backwards, or after an
    /// `after` cursor).
    pub has_previous_page: bool,
    /// Whether there are items after this page: pass `endCursor` as `after` to get them.
    pub has_next_page: bool,
    /// The cursor of the first item of the page; pass it as `before` for the previous page.
    pub start_cursor: Option<String>,
    /// The cursor of the last item of the page; pass it as `after` for the next page.
    pub end_cursor: Option<String>,
}

/// One page of rows with their cursors, in list order, before it becomes a schema
/// connection type (see [`connection_type!`](crate::connection_type)).
#[derive(Debug, Clone)]
pub struct Page<T> {
    /// Where the page sits in its list.
    pub page_info: PageInfo,
    /// `(cursor, node)` pairs.
    pub items: Vec<(String, T)>,
}

/// Declares a Relay connection type and its edge type for one node type, each with the schema
/// descriptions clients see (async-graphql's generic `Connection` cannot carry a description),
/// plus `From<Page<Node>>`. Use: `connection_type!(UserConnection, UserEdge, User);`.
#[macro_export]
macro_rules! connection_type {
    ($connection:ident, $edge:ident, $node:ty) => {
        /// One page of a list, as a Relay connection: pass `pageInfo.endCursor` as `after`
        /// for the next page, `pageInfo.startCursor` as `before` for the previous one.
        #[derive(async_graphql::SimpleObject)]
        #[graphql(shareable)]
        pub struct $connection {
            /// Where this page sits in the list, and the cursors to move from it.
            pub page_info: $crate::pagination::PageInfo,
            /// The items of the page, each with its cursor.
            pub edges: Vec<$edge>,
            /// The items of the page (the edges' nodes, for clients that need no cursors).
            pub nodes: Vec<$node>,
        }

        /// One item of a page, with the cursor that points at it.
        #[derive(async_graphql::SimpleObject)]
        #[graphql(shareable)]
        pub struct $edge {
            /// The item.
            pub node: $node,
            /// Opaque cursor of this item, for `after` / `before`.
            pub cursor: String,
        }

        impl From<$crate::pagination::Page<$node>> for $connection {
            fn from(page: $crate::pagination::Page<$node>) -> Self {
                let nodes = page.items.iter().map(|(_, node)| node.clone()).collect();
                let edges = page
                    .items
                    .into_iter()
                    .map(|(cursor, node)| $edge { node, cursor })
                    .collect();
                Self {
                    page_info: page.page_info,
                    edges,
                    nodes,
                }
            }
        }
    };
}

/// Page size when the client gives neither `first` nor `last`.
pub const DEFAULT_PAGE_SIZE: u32 = 20;

/// The Relay arguments of a connection field.
#[derive(Debug, Clone, Default)]
pub struct PageArgs {
    /// Items after this cursor.
    pub after: Option<String>,
    /// Items before this cursor.
    pub before: Option<String>,
    /// The first N items (forward).
    pub first: Option<i32>,
    /// The last N items (backward).
    pub last: Option<i32>,
}

impl PageArgs {
    /// Builds the arguments of a connection field.
    pub fn new(
        after: Option<String>,
        before: Option<String>,
        first: Option<i32>,
        last: Option<i32>,
    ) -> Self {
        Self {
            after,
            before,
            first,
            last,
        }
    }
}

fn page_size(field: &str, value: i32, max: u32) -> ApiResult<u64> {
    let size = <u32 as TryFrom<i32>>::try_from(value)
        .map_err(|_| ApiError::bad_input(field, format!("`{field}` must not be negative")))?;
    if size > max {
        return Err(ApiError::bad_input(
            field,
            format!("`{field}` must be at most {max}"),
        ));
    }
    Ok(u64::from(size))
}

/// Relay arguments checked against the page size limit, before any query runs.
#[derive(Debug, Clone)]
pub struct PageWindow {
    after: Option<String>,
    before: Option<String>,
    forward: bool,
    limit: u64,
}

impl PageArgs {
    /// Checks the arguments (cursors are ids; `first` or `last`, not both, each within
    /// `max_page_size`): a clear `BAD_USER_INPUT` before any database work.
    pub fn window(self, max_page_size: u32) -> ApiResult<PageWindow> {
        if self.first.is_some() && self.last.is_some() {
            return Err(ApiError::bad_input(
                "first",
                "pass either `first` or `last`, not both",
            ));
        }
        let after = self
            .after
            .as_deref()
            .map(|cursor| parse_ref_id("after", cursor))
            .transpose()?;
        let before = self
            .before
            .as_deref()
            .map(|cursor| parse_ref_id("before", cursor))
            .transpose()?;
        let limit = match (self.first, self.last) {
            (_, Some(last)) => page_size("last", last, max_page_size)?,
            (Some(first), None) => page_size("first", first, max_page_size)?,
            (None, None) => u64::from(DEFAULT_PAGE_SIZE.min(max_page_size)),
        };
        Ok(PageWindow {
            after: after.map(RefId::into_string),
            before: before.map(RefId::into_string),
            forward: self.last.is_none(),
            limit,
        })
    }
}

impl PageWindow {
    /// The `after` cursor (a parsed, canonical id), if any: for a list that pages its own way
    /// (a keyset on another order than `ref_id`, whose cursor is still an item's id).
    pub fn after(&self) -> Option<&str> {
        self.after.as_deref()
    }

    /// The `before` cursor (a parsed, canonical id), if any.
    pub fn before(&self) -> Option<&str> {
        self.before.as_deref()
    }

    /// Whether the page is read forwards (`first`) rather than backwards (`last`).
    pub fn forward(&self) -> bool {
        self.forward
    }

    /// The page size, within the server's bound.
    pub fn limit(&self) -> u64 {
        self.limit
    }
}

/// Runs `select` (already scoped and filtered) as one page of a connection, mapping rows with
/// `node`; convert the page into the node's connection type with `.into()`.
pub async fn paginate<E, T>(
    tx: &TenantTx,
    select: Scoped<E>,
    window: PageWindow,
    node: impl Fn(E::Model) -> T,
) -> ApiResult<Page<T>>
where
    E: TenantScoped,
{
    let PageWindow {
        after,
        before,
        forward,
        limit,
    } = window;
    let ref_id = E::ref_id_column();
    let mut query = select.into_select();
    if let Some(after) = &after {
        query = query.filter(ref_id.gt(after.as_str()));
    }
    if let Some(before) = &before {
        query = query.filter(ref_id.lt(before.as_str()));
    }
    query = if forward {
        query.order_by_asc(ref_id)
    } else {
        query.order_by_desc(ref_id)
    };
    let mut rows = query.limit(limit + 1).all(tx.conn()).await?;
    let has_more = rows.len() as u64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    if !forward {
        rows.reverse();
    }
    let (has_previous, has_next) = if forward {
        (after.is_some(), has_more)
    } else {
        (has_more, before.is_some())
    };

    let mut items = Vec::with_capacity(rows.len());
    for row in rows {
        let cursor = <String as sea_orm::sea_query::ValueType>::try_from(row.get(ref_id))
            .map_err(ApiError::internal)?;
        items.push((cursor, node(row)));
    }
    Ok(Page {
        page_info: PageInfo {
            has_previous_page: has_previous,
            has_next_page: has_next,
            start_cursor: items.first().map(|(cursor, _)| cursor.clone()),
            end_cursor: items.last().map(|(cursor, _)| cursor.clone()),
        },
        items,
    })
}

/// A list field's whole body: in a transaction of the session's tenant, the query `select`
/// builds (scoped, filtered), one page of it by `args` (bounded by the server's page size), rows
/// mapped with `node`, as the connection type `C`. The gate is the caller's: pass the session it
/// returned.
///
/// ```ignore
/// let session = access::read(ctx)?;
/// list(ctx, session, PageArgs::new(after, before, first, last), |tx| {
///     Ok(tx.select::<strategies::Entity>().filter(…))
/// }, Strategy::from).await
/// ```
pub async fn list<E, T, C>(
    ctx: &async_graphql::Context<'_>,
    session: &Session,
    args: PageArgs,
    select: impl FnOnce(&TenantTx) -> ApiResult<Scoped<E>>,
    node: impl Fn(E::Model) -> T,
) -> ApiResult<C>
where
    E: TenantScoped,
    C: From<Page<T>>,
{
    let window = args.window(access::services(ctx)?.max_page_size)?;
    let tx = access::begin(ctx, session).await?;
    let query = select(&tx)?;
    let page = paginate(&tx, query, window, node).await?;
    tx.commit().await?;
    Ok(page.into())
}

/// Reads a UUID column of a model generically (for loaders keyed by id).
pub(crate) fn uuid_of<M: ModelTrait>(
    model: &M,
    column: <M::Entity as sea_orm::EntityTrait>::Column,
) -> ApiResult<uuid::Uuid> {
    <uuid::Uuid as sea_orm::sea_query::ValueType>::try_from(model.get(column))
        .map_err(ApiError::internal)
}
