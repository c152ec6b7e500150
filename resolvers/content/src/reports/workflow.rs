//! The report workflow: `DRAFT` → `READY` → `DELIVERED` → `ARCHIVED` (and `READY` back to
//! `DRAFT`). Pure, so every rule is unit-tested; the resolvers apply the result in one
//! transaction.

use entities::sea_orm_active_enums::ReportStatus as S;
use graph_core::error::{ApiError, ApiResult};

/// Who may make a move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mover {
    /// Members and agents (write keys): preparing and archiving.
    Members,
    /// Reviewers and admins (users only): delivering.
    Reviewers,
}

/// The name of a status in messages (as in the schema).
fn name(status: &S) -> &'static str {
    match status {
        S::Draft => "DRAFT",
        S::Ready => "READY",
        S::Delivered => "DELIVERED",
        S::Archived => "ARCHIVED",
    }
}

/// Whether a report in `from` may move to `to`, and who may move it: `DRAFT` → `READY` (the
/// report needs a body: `has_body`), `READY` → `DRAFT`, `READY` → `DELIVERED` (reviewers, through
/// `deliverReport`), `DELIVERED` → `ARCHIVED`. Anything else is a `CONFLICT`.
pub fn transition(from: &S, to: &S, has_body: bool) -> ApiResult<Mover> {
    let mover = match (from, to) {
        (S::Draft, S::Ready) if !has_body => {
            return Err(ApiError::Conflict(
                "a report needs a body before it is READY: set or attach one first".to_owned(),
            ));
        }
        (S::Draft, S::Ready) | (S::Ready, S::Draft) | (S::Delivered, S::Archived) => Mover::Members,
        (S::Ready, S::Delivered) => Mover::Reviewers,
        _ => {
            return Err(ApiError::Conflict(format!(
                "a {} report cannot become {}",
                name(from),
                name(to)
            )));
        }
    };
    Ok(mover)
}

/// Whether a report in `status` may still be edited (details, body): `DRAFT` and `READY` only.
pub fn editable(status: &S) -> ApiResult<()> {
    match status {
        S::Draft | S::Ready => Ok(()),
        other => Err(ApiError::Conflict(format!(
            "a {} report no longer changes",
            name(other)
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_happy_path_is_draft_ready_delivered_archived() {
        assert_eq!(transition(&S::Draft, &S::Ready, true), Ok(Mover::Members));
        assert_eq!(
            transition(&S::Ready, &S::Delivered, true),
            Ok(Mover::Reviewers)
        );
        assert_eq!(
            transition(&S::Delivered, &S::Archived, true),
            Ok(Mover::Members)
        );
        assert_eq!(transition(&S::Ready, &S::Draft, true), Ok(Mover::Members));
    }

    #[test]
    fn a_report_without_a_body_is_not_ready() {
        assert!(transition(&S::Draft, &S::Ready, false).is_err());
    }

    #[test]
    fn no_step_is_skipped_or_undone() {
        for (from, to) in [
            (S::Draft, S::Delivered),
            (S::Draft, S::Archived),
            (S::Ready, S::Archived),
            (S::Delivered, S::Draft),
            (S::Delivered, S::Ready),
            (S::Archived, S::Draft),
            (S::Archived, S::Delivered),
            (S::Draft, S::Draft),
            (S::Ready, S::Ready),
        ] {
            assert!(transition(&from, &to, true).is_err(), "{from:?} → {to:?}");
        }
    }

    #[test]
    fn only_drafts_and_ready_reports_are_edited() {
        assert!(editable(&S::Draft).is_ok());
        assert!(editable(&S::Ready).is_ok());
        assert!(editable(&S::Delivered).is_err());
        assert!(editable(&S::Archived).is_err());
    }
}
