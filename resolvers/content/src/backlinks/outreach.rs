//! The outreach pipeline of a backlink, as pure rules (no database): which status may follow
//! which, and which dates a move stamps.
//!
//! ```text
//! prospecting → outreach_sent → responded → agreed → published
//!      │              │             │          │
//!      └──────────────┴─────────────┴──────────┴──→ rejected
//!                     └─────────────┴──────────┴──→ no_response
//! ```
//!
//! - Forward moves go one step at a time; `outreach_sent` stamps `outreachSentOn`, `published`
//!   stamps `linkPublishedOn`.
//! - `rejected` may end any open state (`prospecting`, `outreach_sent`, `responded`,
//!   `agreed`); `no_response` only a state where the other side was contacted (not
//!   `prospecting`).
//! - Reopening: a `rejected` or `no_response` link goes back to `prospecting` (a new attempt:
//!   `outreachSentOn` is cleared), and a `no_response` link may get a follow-up,
//!   `outreach_sent` again (`outreachSentOn` becomes the follow-up's date).
//! - `published` is final: a published link's life is tracked by its checks (`isLive`), not by
//!   its status.
//!
//! Any other move, including to the current status, is `CONFLICT`.

use entities::sea_orm_active_enums::BacklinkOutreachStatus as S;
use graph_core::error::{ApiError, ApiResult};

/// What a move changes besides the status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamps {
    /// Set `outreach_sent_on` to now.
    pub outreach_sent: bool,
    /// Clear `outreach_sent_on` (a new attempt).
    pub clear_outreach_sent: bool,
    /// Set `link_published_on` to now.
    pub published: bool,
}

const NONE: Stamps = Stamps {
    outreach_sent: false,
    clear_outreach_sent: false,
    published: false,
};

/// Whether `status` is open (the outreach is still going).
pub fn is_open(status: &S) -> bool {
    matches!(
        status,
        S::Prospecting | S::OutreachSent | S::Responded | S::Agreed
    )
}

fn name(status: &S) -> &'static str {
    match status {
        S::Prospecting => "PROSPECTING",
        S::OutreachSent => "OUTREACH_SENT",
        S::Responded => "RESPONDED",
        S::Agreed => "AGREED",
        S::Published => "PUBLISHED",
        S::Rejected => "REJECTED",
        S::NoResponse => "NO_RESPONSE",
    }
}

/// The stamps of moving from `from` to `to`, or `CONFLICT` when the pipeline does not allow it.
pub fn transition(from: &S, to: &S) -> ApiResult<Stamps> {
    let stamps = match (from, to) {
        (S::Prospecting, S::OutreachSent) | (S::NoResponse, S::OutreachSent) => Stamps {
            outreach_sent: true,
            ..NONE
        },
        (S::OutreachSent, S::Responded) | (S::Responded, S::Agreed) => NONE,
        (S::Agreed, S::Published) => Stamps {
            published: true,
            ..NONE
        },
        (from, S::Rejected) if is_open(from) => NONE,
        (S::OutreachSent | S::Responded | S::Agreed, S::NoResponse) => NONE,
        (S::Rejected | S::NoResponse, S::Prospecting) => Stamps {
            clear_outreach_sent: true,
            ..NONE
        },
        (from, to) => {
            return Err(ApiError::Conflict(format!(
                "a backlink in outreach status {} cannot move to {}",
                name(from),
                name(to)
            )));
        }
    };
    Ok(stamps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sea_orm::Iterable;

    #[test]
    fn the_happy_path_goes_one_step_at_a_time_and_stamps_its_dates() {
        let sent = transition(&S::Prospecting, &S::OutreachSent).ok();
        assert_eq!(sent.map(|s| s.outreach_sent), Some(true));
        assert!(transition(&S::OutreachSent, &S::Responded).is_ok());
        assert!(transition(&S::Responded, &S::Agreed).is_ok());
        let published = transition(&S::Agreed, &S::Published).ok();
        assert_eq!(published.map(|s| s.published), Some(true));
        // No skipping.
        assert!(transition(&S::Prospecting, &S::Published).is_err());
        assert!(transition(&S::OutreachSent, &S::Agreed).is_err());
        assert!(transition(&S::Prospecting, &S::Responded).is_err());
    }

    #[test]
    fn open_states_may_be_rejected_and_contacted_ones_may_go_unanswered() {
        for open in [S::Prospecting, S::OutreachSent, S::Responded, S::Agreed] {
            assert!(transition(&open, &S::Rejected).is_ok(), "{open:?}");
        }
        for contacted in [S::OutreachSent, S::Responded, S::Agreed] {
            assert!(
                transition(&contacted, &S::NoResponse).is_ok(),
                "{contacted:?}"
            );
        }
        assert!(transition(&S::Prospecting, &S::NoResponse).is_err());
    }

    #[test]
    fn closed_links_reopen_as_a_new_attempt_or_a_follow_up_and_published_is_final() {
        for closed in [S::Rejected, S::NoResponse] {
            let reopened = transition(&closed, &S::Prospecting).ok();
            assert_eq!(reopened.map(|s| s.clear_outreach_sent), Some(true));
        }
        assert!(transition(&S::NoResponse, &S::OutreachSent).is_ok());
        assert!(transition(&S::Rejected, &S::OutreachSent).is_err());
        for to in S::iter() {
            assert!(transition(&S::Published, &to).is_err(), "{to:?}");
        }
    }

    #[test]
    fn no_status_moves_to_itself() {
        for status in S::iter() {
            assert!(transition(&status, &status).is_err(), "{status:?}");
        }
    }
}
