//! Turning input into column changes, shared by every domain's mutations: the timestamp of
//! audit columns and optional input fields (omitted / `null` / value). The writes themselves are
//! [`crate::db::TenantTx`]'s.

use crate::error::ApiResult;
use async_graphql::MaybeUndefined;
use sea_orm::ActiveValue::{self, NotSet, Set};
use sea_orm::prelude::DateTimeWithTimeZone;

/// The current time, as stored in `timestamptz` columns.
pub fn now() -> DateTimeWithTimeZone {
    chrono::Utc::now().fixed_offset()
}

/// A change to a nullable column from an optional input field: omitted leaves the column
/// untouched, `null` clears it, a value is validated by `check` (which may also clear it, e.g.
/// for a blank text).
pub fn optional_change<T, U>(
    value: &MaybeUndefined<T>,
    check: impl FnOnce(&T) -> ApiResult<Option<U>>,
) -> ApiResult<ActiveValue<Option<U>>>
where
    Option<U>: Into<sea_orm::Value>,
{
    Ok(match value {
        MaybeUndefined::Undefined => NotSet,
        MaybeUndefined::Null => Set(None),
        MaybeUndefined::Value(value) => Set(check(value)?),
    })
}
