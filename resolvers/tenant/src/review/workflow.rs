//! The approval workflow: when an approval may be requested, assigned, sent to the client and
//! resolved, and what each decision does to the approval, its activity and (for a strategy
//! review) the strategy. Pure, so every rule is unit-tested; the resolvers apply the result in
//! one transaction.

use chrono::{DateTime, Duration, Utc};
use entities::sea_orm_active_enums::{ActivityStatus as A, ApprovalStatus as S, ApprovalType as T};
use graph_core::error::{ApiError, ApiResult};

/// How long an approval waits for a decision when its request gives no `expiresAt` (the spec's
/// 72 hours).
pub const DEFAULT_LIFETIME: Duration = Duration::hours(72);

/// The latest `expiresAt` a request may give, counted from now.
pub const MAX_LIFETIME: Duration = Duration::days(90);

/// A reviewer's decision on a pending approval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// `approveApproval`.
    Approve,
    /// `rejectApproval`.
    Reject,
    /// `requestApprovalRevision`.
    RequestRevision,
    /// `chooseApprovalOption` (resolves as approved).
    ChooseOption,
}

/// What a strategy review's decision does to the strategy of the activity's goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrategyEffect {
    /// `AWAITING_APPROVAL` → `ACTIVE` (the previous active strategy is archived).
    Approve,
    /// `AWAITING_APPROVAL` → `DRAFT`.
    SendBackToDraft,
}

impl Decision {
    /// The approval's status once decided.
    pub fn status(self) -> S {
        match self {
            Self::Approve | Self::ChooseOption => S::Approved,
            Self::Reject => S::Rejected,
            Self::RequestRevision => S::RevisionRequested,
        }
    }

    /// Where the decision sends the approval's activity.
    pub fn activity_target(self) -> A {
        match self {
            Self::Approve | Self::ChooseOption => A::Approved,
            Self::Reject => A::Rejected,
            Self::RequestRevision => A::InProgress,
        }
    }

    /// What the decision does to the strategy under review (for a `STRATEGY_REVIEW` approval).
    pub fn strategy_effect(self) -> StrategyEffect {
        match self {
            Self::Approve | Self::ChooseOption => StrategyEffect::Approve,
            Self::Reject | Self::RequestRevision => StrategyEffect::SendBackToDraft,
        }
    }
}

/// The status an activity moves to when a decision is made on its approval: the decision's
/// target when the activity is `AWAITING_APPROVAL`; None (it stays as it is) in any other
/// status — someone moved it by hand while the approval was pending, and the decision is still
/// recorded on the approval.
pub fn activity_after(decision: Decision, activity: &A) -> Option<A> {
    (*activity == A::AwaitingApproval).then(|| decision.activity_target())
}

/// Whether an approval may be requested for an activity in `status`, and where the activity
/// moves: `IN_PROGRESS` → `AWAITING_APPROVAL`; `AWAITING_APPROVAL` stays; anything else is a
/// `CONFLICT`.
pub fn activity_on_request(status: &A) -> ApiResult<Option<A>> {
    match status {
        A::InProgress => Ok(Some(A::AwaitingApproval)),
        A::AwaitingApproval => Ok(None),
        other => Err(ApiError::Conflict(format!(
            "an approval can only be requested for an IN_PROGRESS or AWAITING_APPROVAL activity; this one is {}",
            crate::plan::workflow::name(other)
        ))),
    }
}

/// Whether an approval in `status` expiring at `expires_at` is still open at `now`: pending and
/// not past its expiry (one past it counts as expired even before the expiry job marks it).
/// Anything else is a `CONFLICT`.
pub fn ensure_open(status: &S, expires_at: DateTime<Utc>, now: DateTime<Utc>) -> ApiResult<()> {
    match status {
        S::Pending if expires_at > now => Ok(()),
        S::Pending | S::Expired => Err(ApiError::Conflict(
            "the approval has expired; it can no longer be changed".to_owned(),
        )),
        other => Err(ApiError::Conflict(format!(
            "the approval is already resolved ({})",
            name(other)
        ))),
    }
}

/// Whether an approval of type `kind` offers options to choose from (`chooseApprovalOption`).
pub fn offers_options(kind: &T) -> bool {
    matches!(kind, T::BrandDirection | T::ContentDirection)
}

/// The expiry of a new approval: `given` (in the future, at most [`MAX_LIFETIME`] from now) or
/// [`DEFAULT_LIFETIME`] from now.
pub fn expiry(given: Option<DateTime<Utc>>, now: DateTime<Utc>) -> ApiResult<DateTime<Utc>> {
    match given {
        None => Ok(now + DEFAULT_LIFETIME),
        Some(at) if at <= now => Err(ApiError::bad_input(
            "expiresAt",
            "`expiresAt` must be in the future",
        )),
        Some(at) if at > now + MAX_LIFETIME => Err(ApiError::bad_input(
            "expiresAt",
            format!(
                "`expiresAt` must be at most {} days from now",
                MAX_LIFETIME.num_days()
            ),
        )),
        Some(at) => Ok(at),
    }
}

/// The schema name of an approval status, for error messages.
pub fn name(status: &S) -> &'static str {
    match status {
        S::Pending => "PENDING",
        S::Approved => "APPROVED",
        S::Rejected => "REJECTED",
        S::RevisionRequested => "REVISION_REQUESTED",
        S::Expired => "EXPIRED",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DECISIONS: [Decision; 4] = [
        Decision::Approve,
        Decision::Reject,
        Decision::RequestRevision,
        Decision::ChooseOption,
    ];

    const ACTIVITY_STATUSES: [A; 9] = [
        A::Created,
        A::Assigned,
        A::InProgress,
        A::AwaitingApproval,
        A::Approved,
        A::Rejected,
        A::Completed,
        A::Failed,
        A::Cancelled,
    ];

    fn is_conflict<T>(result: ApiResult<T>) -> bool {
        matches!(result, Err(ApiError::Conflict(_)))
    }

    #[test]
    fn each_decision_resolves_the_approval_and_moves_an_awaiting_activity() {
        let moves: Vec<(S, Option<A>)> = DECISIONS
            .iter()
            .map(|d| (d.status(), activity_after(*d, &A::AwaitingApproval)))
            .collect();
        assert_eq!(
            moves,
            vec![
                (S::Approved, Some(A::Approved)),
                (S::Rejected, Some(A::Rejected)),
                (S::RevisionRequested, Some(A::InProgress)),
                (S::Approved, Some(A::Approved)),
            ]
        );
    }

    #[test]
    fn every_decision_target_is_an_allowed_move_of_the_activity_workflow() {
        for decision in DECISIONS {
            let target = decision.activity_target();
            // A revision sends the work back: AWAITING_APPROVAL → IN_PROGRESS is the one move
            // the approval workflow makes that `changeActivityStatus` does not offer.
            if decision != Decision::RequestRevision {
                assert!(
                    crate::plan::workflow::allowed(&A::AwaitingApproval, &target),
                    "{decision:?}"
                );
            }
        }
    }

    #[test]
    fn an_activity_that_is_not_awaiting_approval_stays_where_it_is() {
        for decision in DECISIONS {
            for status in ACTIVITY_STATUSES {
                if status != A::AwaitingApproval {
                    assert_eq!(activity_after(decision, &status), None, "{status:?}");
                }
            }
        }
    }

    #[test]
    fn approvals_are_requested_only_for_work_in_progress_or_already_awaiting() {
        for status in ACTIVITY_STATUSES {
            let result = activity_on_request(&status);
            match status {
                A::InProgress => assert_eq!(result, Ok(Some(A::AwaitingApproval))),
                A::AwaitingApproval => assert_eq!(result, Ok(None)),
                _ => assert!(is_conflict(result), "{status:?}"),
            }
        }
    }

    #[test]
    fn only_a_pending_unexpired_approval_is_open() {
        let now = Utc::now();
        let later = now + Duration::hours(1);
        let earlier = now - Duration::seconds(1);
        assert_eq!(ensure_open(&S::Pending, later, now), Ok(()));
        assert!(is_conflict(ensure_open(&S::Pending, earlier, now)));
        assert!(is_conflict(ensure_open(&S::Pending, now, now)));
        for status in [S::Approved, S::Rejected, S::RevisionRequested, S::Expired] {
            assert!(is_conflict(ensure_open(&status, later, now)), "{status:?}");
        }
    }

    #[test]
    fn only_direction_approvals_offer_options() {
        assert!(offers_options(&T::BrandDirection));
        assert!(offers_options(&T::ContentDirection));
        for kind in [T::ContentReview, T::StrategyReview, T::HireAgent] {
            assert!(!offers_options(&kind), "{kind:?}");
        }
    }

    #[test]
    fn strategy_reviews_approve_or_send_back_the_strategy() {
        assert_eq!(Decision::Approve.strategy_effect(), StrategyEffect::Approve);
        assert_eq!(
            Decision::Reject.strategy_effect(),
            StrategyEffect::SendBackToDraft
        );
        assert_eq!(
            Decision::RequestRevision.strategy_effect(),
            StrategyEffect::SendBackToDraft
        );
    }

    #[test]
    fn expiry_defaults_to_72_hours_and_a_given_one_is_future_and_bounded() {
        let now = Utc::now();
        assert_eq!(expiry(None, now), Ok(now + Duration::hours(72)));
        let tomorrow = now + Duration::days(1);
        assert_eq!(expiry(Some(tomorrow), now), Ok(tomorrow));
        assert_eq!(
            expiry(Some(now + Duration::days(90)), now),
            Ok(now + Duration::days(90))
        );
        for bad in [now, now - Duration::hours(1), now + Duration::days(91)] {
            assert!(matches!(
                expiry(Some(bad), now),
                Err(ApiError::BadUserInput { .. })
            ));
        }
    }
}
