//! The checks of a channel's score input (`recordChannelScore`, `scoreHistory`): the month and
//! the value. The mutation itself (a history entry and the channel's current score, the old one
//! kept as `previous`, in one transaction) is in `channels.rs`.

use graph_core::error::{ApiError, ApiResult};

/// Checks a `YYYY-MM` period (`BAD_USER_INPUT` on `field` otherwise) and returns it.
pub fn parse_period(field: &str, period: &str) -> ApiResult<String> {
    let bytes = period.as_bytes();
    let shaped = bytes.len() == 7
        && bytes[4] == b'-'
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && bytes[5..].iter().all(u8::is_ascii_digit);
    let month = period.get(5..).and_then(|month| month.parse::<u8>().ok());
    if shaped && matches!(month, Some(1..=12)) {
        Ok(period.to_owned())
    } else {
        Err(ApiError::bad_input(
            field,
            format!("`{field}` must be a month, `YYYY-MM` (e.g. 2026-04)"),
        ))
    }
}

/// Checks a score (`BAD_USER_INPUT` on `score` unless 0–100).
pub fn check_score(score: i32) -> ApiResult<i16> {
    match i16::try_from(score) {
        Ok(score @ 0..=100) => Ok(score),
        _ => Err(ApiError::bad_input(
            "score",
            "`score` must be between 0 and 100",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_months_of_the_form_yyyy_mm() {
        assert!(parse_period("period", "2026-04").is_ok());
        assert!(parse_period("period", "2026-12").is_ok());
        for bad in [
            "2026-13",
            "2026-00",
            "2026-4",
            "26-04",
            "2026/04",
            "",
            "2026-04-01",
            "２０２６-04",
        ] {
            assert!(parse_period("period", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn scores_are_between_0_and_100() {
        assert_eq!(check_score(0).ok(), Some(0));
        assert_eq!(check_score(100).ok(), Some(100));
        assert!(check_score(101).is_err());
        assert!(check_score(-1).is_err());
        assert!(check_score(i32::MAX).is_err());
    }
}
