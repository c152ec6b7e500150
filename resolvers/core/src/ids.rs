//! Public ids: every record is addressed by its ULID `ref_id`; internal UUIDs never leave the
//! server. Ids from clients are parsed here into a [`RefId`], so a malformed id is a clear
//! `BAD_USER_INPUT` before any query runs. Parsing follows the ULID spec (the `ulid` crate):
//! Crockford base32, case-insensitive, 26 characters, at most `7ZZZZZZZZZZZZZZZZZZZZZZZZZ`; the
//! canonical (uppercase) form is what the database stores and compares.
//!
//! New ids come from one monotonic generator per process: ids made in the same millisecond
//! still sort in the order they were made, so rows created together keep their creation order
//! in every list (lists are sorted by `ref_id`).

use crate::error::{ApiError, ApiResult};
use std::sync::{Mutex, PoisonError};
use ulid::Ulid;

/// A valid public id in canonical form (26 uppercase Crockford base32 characters).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RefId(String);

impl RefId {
    /// Parses a client-supplied id; `field` names the input for the error.
    pub fn parse(field: &str, id: &str) -> ApiResult<Self> {
        let invalid = || ApiError::bad_input(field, format!("`{field}` is not a valid id"));
        // The first character carries the top 3 bits of 128: above `7` the value overflows.
        let first_fits = id.as_bytes().first().is_some_and(|b| *b <= b'7');
        if !first_fits {
            return Err(invalid());
        }
        Ulid::from_string(id)
            .map(|ulid| Self(ulid.to_string()))
            .map_err(|_| invalid())
    }

    /// The canonical text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The canonical text, owned.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl std::ops::Deref for RefId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for RefId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<RefId> for sea_orm::Value {
    fn from(id: RefId) -> Self {
        id.0.into()
    }
}

impl From<RefId> for String {
    fn from(id: RefId) -> Self {
        id.0
    }
}

/// The last id this process made.
static LAST: Mutex<u128> = Mutex::new(0);

/// A new ULID, greater than every one this process made before. A fresh random ULID when it
/// sorts after the last one; otherwise (same millisecond, smaller random part, or a clock that
/// went back) the last one plus a random step of up to 2^32 — not plus one, as the `ulid` crate's
/// generator does, so consecutive ids do not tell a tenant how many rows other tenants created
/// in between.
pub fn new_ref_id() -> ApiResult<String> {
    let fresh = Ulid::new().0;
    let mut step = [0u8; 4];
    getrandom::fill(&mut step).map_err(ApiError::internal)?;
    let mut last = LAST.lock().unwrap_or_else(PoisonError::into_inner);
    let next = if fresh > *last {
        fresh
    } else {
        last.checked_add(1 + u128::from(u32::from_le_bytes(step)))
            .ok_or_else(|| ApiError::internal("the id space is exhausted"))?
    };
    *last = next;
    Ok(Ulid(next).to_string())
}

/// Parses a client-supplied id (named `field` for the error) into its canonical form.
pub fn parse_ref_id(field: &str, id: &str) -> ApiResult<RefId> {
    RefId::parse(field, id)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn new_ref_ids_are_valid_and_strictly_increasing_within_a_millisecond() {
        let ids: Vec<String> = (0..10_000).map(|_| new_ref_id().unwrap()).collect();
        for pair in ids.windows(2) {
            assert!(pair[0] < pair[1], "{} then {}", pair[0], pair[1]);
        }
        assert_eq!(parse_ref_id("id", &ids[0]).unwrap().as_str(), ids[0]);
    }

    #[test]
    fn ids_parse_case_insensitively_into_the_canonical_uppercase_form() {
        let id = parse_ref_id("id", "01arz3ndektsv4rrffq69g5fav").unwrap();
        assert_eq!(id.as_str(), "01ARZ3NDEKTSV4RRFFQ69G5FAV");
        assert_eq!(
            parse_ref_id("id", "7ZZZZZZZZZZZZZZZZZZZZZZZZZ")
                .unwrap()
                .len(),
            26
        );
    }

    #[test]
    fn malformed_ids_are_rejected_with_the_field_name() {
        for bad in [
            "",
            "01ARZ3NDEKTSV4RRFFQ69G5FA",
            "01ARZ3NDEKTSV4RRFFQ69G5FAVX",
            "01ARZ3NDEKTSV4RRFFQ69G5FAI",
            "01ARZ3NDEKTSV4RRFFQ69G5FAU",
            "81ARZ3NDEKTSV4RRFFQ69G5FAV",
            "01ARZ3NDEKTSV4RRFFQ69G5FA\u{e9}",
        ] {
            let error = parse_ref_id("userId", bad).unwrap_err();
            assert_eq!(
                error,
                ApiError::bad_input("userId", "`userId` is not a valid id"),
                "{bad:?}"
            );
        }
    }
}
