//! Progress arithmetic, pure and null-safe: the spec's goal formula and the deliverable period
//! percentage, and the calendar bounds of a deliverable's period.

use chrono::{Datelike, Months, NaiveDate};
use entities::sea_orm_active_enums::DeliverablePeriod as Cadence;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// `ROUND((current − baseline) / NULLIF(target − baseline, 0) × 100, 1)`: null when a value is
/// missing or the target equals the baseline (there is no distance to cover). May be negative
/// (below baseline) or above 100 (beyond target).
pub fn goal_percent(
    baseline: Option<Decimal>,
    current: Option<Decimal>,
    target: Option<Decimal>,
) -> Option<f64> {
    let (baseline, current, target) = (baseline?, current?, target?);
    let distance = target.checked_sub(baseline)?;
    if distance.is_zero() {
        return None;
    }
    let covered = current.checked_sub(baseline)?;
    let percent = covered
        .checked_div(distance)?
        .checked_mul(Decimal::ONE_HUNDRED)?;
    percent.round_dp(1).to_f64()
}

/// Completed over target in percent, one decimal; null for a target of zero. Takes the counts
/// as the API shows them (`Int`).
pub fn period_percent(completed: i32, target: i32) -> Option<f64> {
    if target <= 0 {
        return None;
    }
    let percent = Decimal::from(completed) * Decimal::ONE_HUNDRED / Decimal::from(target);
    percent.round_dp(1).to_f64()
}

/// The last day of the period that starts on `start`, or why `start` cannot start one: monthly
/// periods start on the 1st of a month, quarterly ones on the 1st of January, April, July or
/// October.
pub fn period_end(cadence: &Cadence, start: NaiveDate) -> Result<NaiveDate, &'static str> {
    if start.day() != 1 {
        return Err("a period starts on the first day of a month");
    }
    let months = match cadence {
        Cadence::Monthly => 1,
        Cadence::Quarterly => {
            if !(start.month() - 1).is_multiple_of(3) {
                return Err("a quarterly period starts in January, April, July or October");
            }
            3
        }
    };
    start
        .checked_add_months(Months::new(months))
        .and_then(|next| next.pred_opt())
        .ok_or("the date is out of range")
}

/// The start of the period of `cadence` that contains `day`.
pub fn period_start_containing(cadence: &Cadence, day: NaiveDate) -> NaiveDate {
    let month = match cadence {
        Cadence::Monthly => day.month(),
        Cadence::Quarterly => (day.month() - 1) / 3 * 3 + 1,
    };
    NaiveDate::from_ymd_opt(day.year(), month, 1).unwrap_or(day)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(value: &str) -> Option<Decimal> {
        Some(Decimal::from_str(value).unwrap())
    }

    fn date(value: &str) -> NaiveDate {
        NaiveDate::from_str(value).unwrap()
    }

    #[test]
    fn goal_progress_follows_the_spec_formula_rounded_to_one_decimal() {
        assert_eq!(goal_percent(d("1000"), d("4000"), d("10000")), Some(33.3));
        assert_eq!(goal_percent(d("0"), d("5"), d("10")), Some(50.0));
        assert_eq!(goal_percent(d("100"), d("50"), d("200")), Some(-50.0));
        assert_eq!(goal_percent(d("0"), d("15"), d("10")), Some(150.0));
        assert_eq!(goal_percent(d("50"), d("40"), d("0")), Some(20.0));
    }

    #[test]
    fn goal_progress_is_null_when_target_equals_baseline_or_a_value_is_missing() {
        assert_eq!(goal_percent(d("10"), d("12"), d("10")), None);
        assert_eq!(goal_percent(None, d("1"), d("10")), None);
        assert_eq!(goal_percent(d("0"), None, d("10")), None);
        assert_eq!(goal_percent(d("0"), d("1"), None), None);
    }

    #[test]
    fn period_progress_is_completed_over_target_and_null_for_a_zero_target() {
        assert_eq!(period_percent(3, 10), Some(30.0));
        assert_eq!(period_percent(2, 3), Some(66.7));
        assert_eq!(period_percent(12, 10), Some(120.0));
        assert_eq!(period_percent(0, 0), None);
    }

    #[test]
    fn periods_end_on_the_last_day_of_their_month_or_quarter() {
        assert_eq!(
            period_end(&Cadence::Monthly, date("2026-02-01")),
            Ok(date("2026-02-28"))
        );
        assert_eq!(
            period_end(&Cadence::Monthly, date("2028-02-01")),
            Ok(date("2028-02-29"))
        );
        assert_eq!(
            period_end(&Cadence::Quarterly, date("2026-10-01")),
            Ok(date("2026-12-31"))
        );
        assert!(period_end(&Cadence::Monthly, date("2026-02-02")).is_err());
        assert!(period_end(&Cadence::Quarterly, date("2026-02-01")).is_err());
    }

    #[test]
    fn the_period_containing_a_day_starts_on_its_month_or_quarter() {
        assert_eq!(
            period_start_containing(&Cadence::Monthly, date("2026-11-23")),
            date("2026-11-01")
        );
        assert_eq!(
            period_start_containing(&Cadence::Quarterly, date("2026-11-23")),
            date("2026-10-01")
        );
    }
}
