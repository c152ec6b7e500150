//! Five-field cron expressions (`minute hour day-of-month month day-of-week`), checked by a
//! small parser of our own rather than a crate: the scheduler that will run them is not part of
//! this API, so all the API needs is to refuse what no scheduler could run.
//!
//! Each field is a comma-separated list of items; an item is `*`, a value or a range `a-b`
//! (a ≤ b), optionally followed by a step `/n` (n ≥ 1). Months also take `JAN`–`DEC`, days of
//! the week `SUN`–`SAT` (0 and 7 are both Sunday). Ranges: minute 0–59, hour 0–23, day of month
//! 1–31, month 1–12, day of week 0–7.

use graph_core::error::{ApiError, ApiResult};

/// The field name of errors.
const FIELD: &str = "cronExpression";
/// Longest expression (`recurring_task_templates.cron_expression` is `varchar(100)`).
const MAX_CHARS: usize = 100;

const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
const DAYS: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/// One field's name, bounds and names (the first name is worth `first`).
struct Field {
    name: &'static str,
    min: u32,
    max: u32,
    names: &'static [&'static str],
    first: u32,
}

const FIELDS: [Field; 5] = [
    Field {
        name: "minute",
        min: 0,
        max: 59,
        names: &[],
        first: 0,
    },
    Field {
        name: "hour",
        min: 0,
        max: 23,
        names: &[],
        first: 0,
    },
    Field {
        name: "day of month",
        min: 1,
        max: 31,
        names: &[],
        first: 0,
    },
    Field {
        name: "month",
        min: 1,
        max: 12,
        names: &MONTHS,
        first: 1,
    },
    Field {
        name: "day of week",
        min: 0,
        max: 7,
        names: &DAYS,
        first: 0,
    },
];

fn value(field: &Field, text: &str) -> Option<u32> {
    let upper = text.to_ascii_uppercase();
    let number = match field.names.iter().position(|name| *name == upper) {
        Some(index) => u32::try_from(index).ok()? + field.first,
        None if !text.is_empty() && text.len() <= 2 && text.bytes().all(|b| b.is_ascii_digit()) => {
            text.parse().ok()?
        }
        None => return None,
    };
    (field.min..=field.max).contains(&number).then_some(number)
}

fn item_ok(field: &Field, item: &str) -> bool {
    let (range, step) = match item.split_once('/') {
        Some((range, step)) => (range, Some(step)),
        None => (item, None),
    };
    if let Some(step) = step {
        let valid = !step.is_empty()
            && step.len() <= 2
            && step.bytes().all(|b| b.is_ascii_digit())
            && step
                .parse::<u32>()
                .is_ok_and(|n| n >= 1 && n <= field.max.max(1));
        if !valid {
            return false;
        }
    }
    if range == "*" {
        return true;
    }
    match range.split_once('-') {
        Some((low, high)) => match (value(field, low), value(field, high)) {
            (Some(low), Some(high)) => low <= high,
            _ => false,
        },
        // `5/15` means from 5 on, every 15.
        None => value(field, range).is_some(),
    }
}

/// Checks a cron expression; returns it with its fields separated by single spaces.
pub fn check(expression: &str) -> ApiResult<String> {
    let expression = expression.trim();
    if expression.is_empty() || expression.chars().count() > MAX_CHARS {
        return Err(ApiError::bad_input(
            FIELD,
            format!("`cronExpression` must be 1 to {MAX_CHARS} characters"),
        ));
    }
    let parts: Vec<&str> = expression.split_whitespace().collect();
    if parts.len() != FIELDS.len() {
        return Err(ApiError::bad_input(
            FIELD,
            "`cronExpression` must have five fields: minute hour day-of-month month day-of-week",
        ));
    }
    for (part, field) in parts.iter().zip(FIELDS.iter()) {
        if !part.split(',').all(|item| item_ok(field, item)) {
            return Err(ApiError::bad_input(
                FIELD,
                format!(
                    "the {} field of `cronExpression` is not valid (values {}–{}, `*`, ranges `a-b`, steps `/n`, lists `a,b`)",
                    field.name, field.min, field.max
                ),
            ));
        }
    }
    Ok(parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn standard_expressions_pass() {
        for good in [
            "* * * * *",
            "0 9 * * MON",
            "*/15 8-18 * * 1-5",
            "0 0 1 JAN,JUL *",
            "30 6 1,15 * 0",
            "0 0 * * 7",
            "5/10 * * * *",
            "0  9   *  *  sun",
        ] {
            assert!(check(good).is_ok(), "{good}");
        }
        assert_eq!(
            check(" 0  9 * *  MON ").ok().as_deref(),
            Some("0 9 * * MON")
        );
    }

    #[test]
    fn malformed_expressions_are_refused() {
        for bad in [
            "",
            "* * * *",
            "* * * * * *",
            "60 * * * *",
            "* 24 * * *",
            "* * 0 * *",
            "* * * 13 *",
            "* * * * 8",
            "*/0 * * * *",
            "5-1 * * * *",
            "a * * * *",
            "1,,2 * * * *",
            "-1 * * * *",
            "* * * FOO *",
            "@daily",
            "0 9 * * MON-",
        ] {
            assert!(check(bad).is_err(), "{bad}");
        }
    }
}
