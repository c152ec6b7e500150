//! `CampaignStatus` (mirrors the PostgreSQL enum) and its workflow, as pure rules.

use async_graphql::Enum;
use entities::sea_orm_active_enums::CampaignStatus as S;
use graph_core::error::{ApiError, ApiResult};

/// Where a campaign is in its life.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "entities::sea_orm_active_enums::CampaignStatus")]
pub enum CampaignStatus {
    /// Being planned.
    Draft,
    /// Running.
    Active,
    /// Stopped for now; may run again.
    Paused,
    /// Finished.
    Completed,
    /// Put away.
    Archived,
}

/// The name of a status in messages (as in the schema).
fn name(status: &S) -> &'static str {
    match status {
        S::Draft => "DRAFT",
        S::Active => "ACTIVE",
        S::Paused => "PAUSED",
        S::Completed => "COMPLETED",
        S::Archived => "ARCHIVED",
    }
}

/// Whether a campaign in `from` may move to `to`: `DRAFT` → `ACTIVE` | `ARCHIVED`; `ACTIVE` →
/// `PAUSED` | `COMPLETED`; `PAUSED` → `ACTIVE` | `COMPLETED` | `ARCHIVED`; `COMPLETED` →
/// `ARCHIVED`. Anything else (staying put included) is a `CONFLICT`.
pub fn transition(from: &S, to: &S) -> ApiResult<()> {
    let allowed = matches!(
        (from, to),
        (S::Draft, S::Active | S::Archived)
            | (S::Active, S::Paused | S::Completed)
            | (S::Paused, S::Active | S::Completed | S::Archived)
            | (S::Completed, S::Archived)
    );
    if allowed {
        Ok(())
    } else {
        Err(ApiError::Conflict(format!(
            "a {} campaign cannot become {}",
            name(from),
            name(to)
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_campaign_runs_pauses_completes_and_is_archived() {
        for (from, to) in [
            (S::Draft, S::Active),
            (S::Active, S::Paused),
            (S::Paused, S::Active),
            (S::Active, S::Completed),
            (S::Paused, S::Completed),
            (S::Completed, S::Archived),
            (S::Draft, S::Archived),
            (S::Paused, S::Archived),
        ] {
            assert!(transition(&from, &to).is_ok(), "{from:?} → {to:?}");
        }
    }

    #[test]
    fn finished_campaigns_do_not_run_again_and_nothing_stays_put() {
        for (from, to) in [
            (S::Completed, S::Active),
            (S::Archived, S::Active),
            (S::Archived, S::Draft),
            (S::Active, S::Draft),
            (S::Active, S::Archived),
            (S::Draft, S::Completed),
            (S::Draft, S::Paused),
            (S::Active, S::Active),
        ] {
            assert!(transition(&from, &to).is_err(), "{from:?} → {to:?}");
        }
    }
}
