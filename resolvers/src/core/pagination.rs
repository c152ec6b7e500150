//! Relay connections with cursor pagination on `ref_id` (a ULID: sorted by creation time), never
//! OFFSET. Page size is bounded; asking for more is a clear error rather than a silent cut.

use crate::core::db::TenantTx;
use crate::core::error::{ApiError, ApiResult};
use crate::core::ids::parse_ref_id;
use async_graphql::OutputType;
use async_graphql::connection::{Connection, Edge};
use entities::tenant_scoped::TenantScoped;
use sea_orm::{ColumnTrait, ModelTrait, QueryFilter, QueryOrder, QuerySelect, Select};

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

/// Runs `select` (already scoped and filtered) as one page of a connection, mapping rows with `node`.
pub async fn paginate<E, T>(
    tx: &TenantTx,
    select: Select<E>,
    args: PageArgs,
    max_page_size: u32,
    node: impl Fn(E::Model) -> T,
) -> ApiResult<Connection<String, T>>
where
    E: TenantScoped,
    T: OutputType,
{
    if args.first.is_some() && args.last.is_some() {
        return Err(ApiError::bad_input(
            "first",
            "pass either `first` or `last`, not both",
        ));
    }
    let after = args
        .after
        .as_deref()
        .map(|cursor| parse_ref_id("after", cursor))
        .transpose()?;
    let before = args
        .before
        .as_deref()
        .map(|cursor| parse_ref_id("before", cursor))
        .transpose()?;
    let forward = args.last.is_none();
    let limit = match (args.first, args.last) {
        (_, Some(last)) => page_size("last", last, max_page_size)?,
        (Some(first), None) => page_size("first", first, max_page_size)?,
        (None, None) => u64::from(DEFAULT_PAGE_SIZE.min(max_page_size)),
    };

    let ref_id = E::ref_id_column();
    let mut query = select;
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

    let mut connection = Connection::new(has_previous, has_next);
    for row in rows {
        let cursor = <String as sea_orm::sea_query::ValueType>::try_from(row.get(ref_id))
            .map_err(ApiError::internal)?;
        connection.edges.push(Edge::new(cursor, node(row)));
    }
    Ok(connection)
}

/// Reads a UUID column of a model generically (for loaders keyed by id).
pub(crate) fn uuid_of<M: ModelTrait>(
    model: &M,
    column: <M::Entity as sea_orm::EntityTrait>::Column,
) -> ApiResult<uuid::Uuid> {
    <uuid::Uuid as sea_orm::sea_query::ValueType>::try_from(model.get(column))
        .map_err(ApiError::internal)
}
