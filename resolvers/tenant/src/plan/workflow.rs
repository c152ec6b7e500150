//! The activity workflow: which status changes are allowed, who may make them, and what they
//! set. Pure, so every transition is unit-tested; the resolvers apply the result in one
//! transaction.

use entities::sea_orm_active_enums::ActivityStatus as S;

/// Whether an activity may go from `from` to `to` through `changeActivityStatus`. Cancelling
/// has its own mutation (`cancelActivity`), so `CANCELLED` is never a target here.
pub fn allowed(from: &S, to: &S) -> bool {
    matches!(
        (from, to),
        (S::Created, S::Assigned | S::InProgress)
            | (S::Assigned, S::Created | S::InProgress)
            | (
                S::InProgress,
                S::AwaitingApproval | S::Completed | S::Failed
            )
            | (S::AwaitingApproval, S::Approved | S::Rejected)
            | (S::Approved, S::Completed)
            | (S::Rejected, S::InProgress)
            | (S::Failed, S::Assigned | S::InProgress)
    )
}

/// Whether an activity in `status` may be cancelled: anything not finished.
pub fn cancellable(status: &S) -> bool {
    !matches!(status, S::Completed | S::Cancelled)
}

/// Whether reaching `to` is a review decision (made by reviewers and admins, in the DM
/// portal), rather than work progress (made by members, admins and integrators' agents).
pub fn is_review_decision(to: &S) -> bool {
    matches!(to, S::Approved | S::Rejected)
}

/// The schema name of a status, for error messages.
pub fn name(status: &S) -> &'static str {
    match status {
        S::Created => "CREATED",
        S::Assigned => "ASSIGNED",
        S::InProgress => "IN_PROGRESS",
        S::AwaitingApproval => "AWAITING_APPROVAL",
        S::Approved => "APPROVED",
        S::Rejected => "REJECTED",
        S::Completed => "COMPLETED",
        S::Failed => "FAILED",
        S::Cancelled => "CANCELLED",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [S; 9] = [
        S::Created,
        S::Assigned,
        S::InProgress,
        S::AwaitingApproval,
        S::Approved,
        S::Rejected,
        S::Completed,
        S::Failed,
        S::Cancelled,
    ];

    #[test]
    fn exactly_the_documented_transitions_are_allowed() {
        let allowed_pairs: Vec<(&str, &str)> = ALL
            .iter()
            .flat_map(|from| ALL.iter().map(move |to| (from, to)))
            .filter(|(from, to)| allowed(from, to))
            .map(|(from, to)| (name(from), name(to)))
            .collect();
        assert_eq!(
            allowed_pairs,
            vec![
                ("CREATED", "ASSIGNED"),
                ("CREATED", "IN_PROGRESS"),
                ("ASSIGNED", "CREATED"),
                ("ASSIGNED", "IN_PROGRESS"),
                ("IN_PROGRESS", "AWAITING_APPROVAL"),
                ("IN_PROGRESS", "COMPLETED"),
                ("IN_PROGRESS", "FAILED"),
                ("AWAITING_APPROVAL", "APPROVED"),
                ("AWAITING_APPROVAL", "REJECTED"),
                ("APPROVED", "COMPLETED"),
                ("REJECTED", "IN_PROGRESS"),
                ("FAILED", "ASSIGNED"),
                ("FAILED", "IN_PROGRESS"),
            ]
        );
    }

    #[test]
    fn finished_activities_cannot_be_cancelled_and_nothing_leaves_completed_or_cancelled() {
        assert!(!cancellable(&S::Completed));
        assert!(!cancellable(&S::Cancelled));
        assert!(cancellable(&S::AwaitingApproval));
        for to in &ALL {
            assert!(!allowed(&S::Completed, to));
            assert!(!allowed(&S::Cancelled, to));
        }
    }
}
