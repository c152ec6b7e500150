//! Public ids: every record is addressed by its ULID `ref_id`; internal UUIDs never leave the
//! server. Ids from clients are parsed here, so a malformed id is a clear `BAD_USER_INPUT`
//! before any query runs.

use crate::core::error::{ApiError, ApiResult};

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A new ULID: 48-bit millisecond timestamp, 80 random bits, Crockford base32 (26 characters).
pub fn new_ref_id() -> ApiResult<String> {
    let millis = u64::try_from(chrono::Utc::now().timestamp_millis()).unwrap_or(0);
    let mut random = [0u8; 10];
    getrandom::fill(&mut random).map_err(ApiError::internal)?;
    let mut value: u128 = u128::from(millis) << 80;
    for (index, byte) in random.iter().enumerate() {
        value |= u128::from(*byte) << (8 * (9 - index));
    }
    let mut out = [0u8; 26];
    for (index, slot) in out.iter_mut().enumerate() {
        let shift = 5 * (25 - index);
        *slot = CROCKFORD[((value >> shift) & 31) as usize];
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// Parses a client-supplied id (named `field` for the error) into a ref_id.
pub fn parse_ref_id(field: &str, id: &str) -> ApiResult<String> {
    let valid = id.len() == 26
        && id.bytes().all(|b| CROCKFORD.contains(&b))
        && id.as_bytes().first().is_some_and(|b| *b <= b'7');
    if valid {
        Ok(id.to_owned())
    } else {
        Err(ApiError::bad_input(
            field,
            format!("`{field}` is not a valid id"),
        ))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn new_ref_ids_are_valid_sortable_and_distinct() {
        let first = new_ref_id().unwrap();
        let second = new_ref_id().unwrap();
        assert_eq!(parse_ref_id("id", &first).unwrap(), first);
        assert_ne!(first, second);
        assert!(first[..10] <= second[..10]);
    }

    #[test]
    fn malformed_ids_are_rejected_with_the_field_name() {
        for bad in [
            "",
            "01ARZ3NDEKTSV4RRFFQ69G5FA",
            "01ARZ3NDEKTSV4RRFFQ69G5FAVX",
            "01ARZ3NDEKTSV4RRFFQ69G5FAI",
            "81ARZ3NDEKTSV4RRFFQ69G5FAV",
        ] {
            let error = parse_ref_id("userId", bad).unwrap_err();
            assert_eq!(
                error,
                ApiError::bad_input("userId", "`userId` is not a valid id")
            );
        }
    }
}
